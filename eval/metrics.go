package eval

import (
	"errors"
	"fmt"
	"math"
	"sort"
)

// ErrLengthMismatch is returned by metrics over paired lists (predictions
// and gold labels) when the two lists differ in length.
var ErrLengthMismatch = errors.New("predictions and gold labels differ in length")

// distinctPrefix returns the first k distinct items of ranked, in order. A
// ranked list can repeat an item (two hits mapped to the same article
// number); it must not count twice.
func distinctPrefix(ranked []string, k int) []string {
	if k <= 0 {
		return nil
	}
	seen := make(map[string]bool, k)
	out := make([]string, 0, k)
	for _, r := range ranked {
		if len(out) == k {
			break
		}
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	return out
}

func toSet(items []string) map[string]bool {
	s := make(map[string]bool, len(items))
	for _, it := range items {
		s[it] = true
	}
	return s
}

// HitsAtK returns how many distinct gold items appear among the first k
// distinct items of ranked.
func HitsAtK(ranked, gold []string, k int) int {
	g := toSet(gold)
	n := 0
	for _, r := range distinctPrefix(ranked, k) {
		if g[r] {
			n++
		}
	}
	return n
}

// RecallAtK returns the share of distinct gold items found among the first
// k distinct items of ranked. It returns 0 when gold is empty or k <= 0, so
// that a caller averaging over queries never sees NaN; callers that must not
// count such queries should skip them.
func RecallAtK(ranked, gold []string, k int) float64 {
	g := toSet(gold)
	if len(g) == 0 {
		return 0
	}
	return float64(HitsAtK(ranked, gold, k)) / float64(len(g))
}

// ReciprocalRank returns 1/r for the 1-based rank r of the first gold item
// in ranked, and 0 when no gold item is ranked. The mean over queries is the
// MRR.
func ReciprocalRank(ranked, gold []string) float64 {
	g := toSet(gold)
	for i, r := range ranked {
		if g[r] {
			return 1 / float64(i+1)
		}
	}
	return 0
}

// counts returns true positives, false positives and false negatives of a
// predicted set against a gold set (duplicates ignored on both sides).
func counts(pred, gold []string) (tp, fp, fn int) {
	p, g := toSet(pred), toSet(gold)
	for it := range p {
		if g[it] {
			tp++
		} else {
			fp++
		}
	}
	fn = len(g) - tp
	return tp, fp, fn
}

func f1(tp, fp, fn int) float64 {
	if tp == 0 {
		return 0
	}
	precision := float64(tp) / float64(tp+fp)
	recall := float64(tp) / float64(tp+fn)
	return 2 * precision * recall / (precision + recall)
}

// SetF1 returns the F1 of one predicted set against one gold set, 0 when
// either is empty. Its mean over items is LawBench's score for task 3-1
// (evaluation/evaluation_functions/ljp_article.py: per-example precision,
// recall and F1 of the article sets, averaged over examples).
func SetF1(pred, gold []string) float64 {
	return f1(counts(pred, gold))
}

// MicroF1 pools true positives, false positives and false negatives over all
// items before computing F1, so items with many gold labels weigh more than
// in the mean of SetF1. It returns ErrLengthMismatch when pred and gold have
// different lengths, and 0 for no items.
func MicroF1(pred, gold [][]string) (float64, error) {
	if len(pred) != len(gold) {
		return 0, fmt.Errorf("micro-F1 over %d predictions and %d gold sets: %w", len(pred), len(gold), ErrLengthMismatch)
	}
	var tp, fp, fn int
	for i := range pred {
		a, b, c := counts(pred[i], gold[i])
		tp, fp, fn = tp+a, fp+b, fn+c
	}
	return f1(tp, fp, fn), nil
}

// NDCG returns the normalised discounted cumulative gain at k exactly as
// LeCaRD computes it (myx666/LeCaRD metrics.py, function ndcg): linear gains,
// not 2^rel − 1, discounted by log2(i+2) for the 0-based rank i:
//
//	DCG@k  = Σ_{i<k} gains[i] / log2(i+2)
//	IDCG@k = Σ_{i<k} sorted(ideal, descending)[i] / log2(i+2)
//
// gains are the graded labels of the ranked candidates in rank order (0 for
// unlabelled ones); ideal are the labels of every judged candidate of the
// query (LeCaRD passes all 30 labels, not only the retrieved ones). Missing
// positions count as 0. It returns 0 when IDCG is 0; LeCaRD skips such
// queries in the sum but still divides by the number of queries, which is
// the same as averaging this 0.
func NDCG(gains, ideal []float64, k int) float64 {
	sorted := append([]float64(nil), ideal...)
	sort.Sort(sort.Reverse(sort.Float64Slice(sorted)))
	var dcg, idcg float64
	for i := 0; i < k; i++ {
		disc := math.Log2(float64(i + 2))
		if i < len(gains) {
			dcg += gains[i] / disc
		}
		if i < len(sorted) {
			idcg += sorted[i] / disc
		}
	}
	if idcg == 0 {
		return 0
	}
	return dcg / idcg
}

// Accuracy returns the share of items whose prediction equals the gold
// label. It returns ErrLengthMismatch when the lists differ in length, and 0
// for no items.
func Accuracy(pred, gold []string) (float64, error) {
	if len(pred) != len(gold) {
		return 0, fmt.Errorf("accuracy over %d predictions and %d gold labels: %w", len(pred), len(gold), ErrLengthMismatch)
	}
	if len(gold) == 0 {
		return 0, nil
	}
	n := 0
	for i := range gold {
		if pred[i] == gold[i] {
			n++
		}
	}
	return float64(n) / float64(len(gold)), nil
}

// Mean returns the arithmetic mean of xs, 0 for none.
func Mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	var s float64
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}
