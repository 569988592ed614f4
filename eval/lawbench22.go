package eval

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"
)

// SuiteLawBench22 is the name of the LawBench 2-2 dispute-focus suite.
const SuiteLawBench22 = "lawbench-2-2"

// LawBench22File is the dev part of LawBench task 2-2 (纠纷焦点识别,
// LAIC2021) inside the shared data folder.
const LawBench22File = "lawbench/2-2.jsonl"

// lawBench22GPT4 is GPT-4's zero-shot score on task 2-2 in the LawBench
// README (41.65), measured on all 500 items with generated answers.
const lawBench22GPT4 = 0.4165

// lawBench22Folds is the number of cross-validation folds.
const lawBench22Folds = 5

// lawBench22Prefix frames a 2-2 gold answer: 争议焦点类别：责任认定。
const lawBench22Prefix = "争议焦点类别："

// lawBench22Classes are the 16 classes the task's instruction lists.
var lawBench22Classes = []string{"诉讼主体", "租金情况", "利息", "本金争议", "责任认定", "责任划分", "损失认定及处理",
	"原审判决是否适当", "合同效力", "财产分割", "责任承担", "鉴定结论采信问题", "诉讼时效", "违约", "合同解除", "肇事逃逸"}

// parseLawBench22Answer reads the gold class. LawBench's scorer skips rows
// labelled 赔偿 (not one of the 16 classes; "dataset imperfection" in its
// code), so they are reported as skip; an empty answer and other labels
// outside the list wrap errUnlabelled (and so ErrBadRow).
func parseLawBench22Answer(ans string) (label string, skip bool, err error) {
	s, ok := strings.CutPrefix(ans, lawBench22Prefix)
	if !ok {
		return "", false, fmt.Errorf("answer %q lacks %s: %w", ans, lawBench22Prefix, errUnlabelled)
	}
	s = strings.TrimSuffix(s, "。")
	if s == "赔偿" {
		return "", true, nil
	}
	for _, c := range lawBench22Classes {
		if c == s {
			return s, false, nil
		}
	}
	return "", false, fmt.Errorf("answer %q: class %q is not one of the 16: %w", ans, s, errUnlabelled)
}

// lawBench22Correct scores one prediction as LawBench's compute_jdzy does
// (utils multi_choice_judge): correct when the gold class occurs in the
// prediction text and no other class does.
func lawBench22Correct(prediction, gold string) bool {
	found := 0
	hasGold := false
	for _, c := range lawBench22Classes {
		if strings.Contains(prediction, c) {
			found++
			hasGold = hasGold || c == gold
		}
	}
	return hasGold && found == 1
}

// hanGrams counts a text's Han characters and Han character bigrams (other
// runes, such as the PER/ORG/TIME placeholders of LAIC2021, break bigrams
// and are not counted).
func hanGrams(text string) map[string]int {
	out := map[string]int{}
	var prev rune
	for _, r := range text {
		if !unicode.Is(unicode.Han, r) {
			prev = 0
			continue
		}
		out[string(r)]++
		if prev != 0 {
			out[string(prev)+string(r)]++
		}
		prev = r
	}
	return out
}

// naiveBayes is a multinomial naive Bayes text classifier over hanGrams
// features with add-one smoothing.
type naiveBayes struct {
	classes  []string
	prior    map[string]float64 // log P(class)
	counts   map[string]map[string]int
	totals   map[string]int
	vocab    map[string]bool
	majority string
}

// trainNaiveBayes fits the classifier on texts and their labels.
func trainNaiveBayes(texts, labels []string) *naiveBayes {
	nb := &naiveBayes{prior: map[string]float64{}, counts: map[string]map[string]int{}, totals: map[string]int{}, vocab: map[string]bool{}}
	docs := map[string]int{}
	for i, t := range texts {
		c := labels[i]
		if docs[c] == 0 {
			nb.classes = append(nb.classes, c)
			nb.counts[c] = map[string]int{}
		}
		docs[c]++
		for g, k := range hanGrams(t) {
			nb.counts[c][g] += k
			nb.totals[c] += k
			nb.vocab[g] = true
		}
	}
	sort.Strings(nb.classes)
	for _, c := range nb.classes {
		nb.prior[c] = math.Log(float64(docs[c]) / float64(len(texts)))
		if nb.majority == "" || docs[c] > docs[nb.majority] {
			nb.majority = c
		}
	}
	return nb
}

// predict returns the most probable class (ties to the first in sorted
// order); features never seen in training are ignored.
func (nb *naiveBayes) predict(text string) string {
	best, bestScore := "", math.Inf(-1)
	grams := hanGrams(text)
	v := float64(len(nb.vocab))
	for _, c := range nb.classes {
		s := nb.prior[c]
		denom := math.Log(float64(nb.totals[c]) + v)
		for g, k := range grams {
			if !nb.vocab[g] {
				continue
			}
			s += float64(k) * (math.Log(float64(nb.counts[c][g])+1) - denom)
		}
		if s > bestScore {
			best, bestScore = c, s
		}
	}
	return best
}

// macroF1 is the unweighted mean over gold classes of each class's F1.
func macroF1(pred, gold []string) float64 {
	classes := map[string]bool{}
	for _, g := range gold {
		classes[g] = true
	}
	if len(classes) == 0 {
		return 0
	}
	var sum float64
	for c := range classes {
		var tp, fp, fn int
		for i := range gold {
			switch {
			case pred[i] == c && gold[i] == c:
				tp++
			case pred[i] == c:
				fp++
			case gold[i] == c:
				fn++
			}
		}
		sum += f1(tp, fp, fn)
	}
	return sum / float64(len(classes))
}

func runLawBench22(ctx context.Context, env Env) ([]Result, error) {
	rows, err := readLawBenchRows(env.DataDir, LawBench22File)
	if err != nil {
		return nil, err
	}
	return scoreLawBench22(ctx, env, rows)
}

// scoreLawBench22 cross-validates a naive Bayes classifier on the dev part:
// the rows, sorted by id, go round-robin into 5 folds; each fold is
// predicted by a model trained on the other four, so no row is scored by a
// model that saw it. The held-out part is not accessible, so this is the
// honest number the dev part allows.
//
// Metrics: accuracy, which is LawBench's score for 2-2 (one class per
// sentence, so it equals micro-F1), with GPT-4 as baseline; macro-F1 over
// the gold classes; and majority-accuracy, the same folds predicting the
// training folds' most frequent class, so the number has context.
func scoreLawBench22(ctx context.Context, env Env, rows []lawBenchRow) ([]Result, error) {
	type item struct{ id, text, label string }
	var items []item
	skipped := 0
	for _, r := range rows {
		// An answer error means the row has no usable label (errUnlabelled).
		label, skip, err := parseLawBench22Answer(r.answer)
		if skip || err != nil {
			skipped++
			continue
		}
		items = append(items, item{r.id, r.question, label})
	}
	if len(items) < lawBench22Folds {
		return nil, fmt.Errorf("%d usable rows in %s, need at least %d: %w", len(items), LawBench22File, lawBench22Folds, ErrBadRow)
	}
	sort.Slice(items, func(i, j int) bool { return items[i].id < items[j].id })
	pred := make([]string, len(items))
	majority := make([]string, len(items))
	gold := make([]string, len(items))
	for k := 0; k < lawBench22Folds; k++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var texts, labels []string
		for i, it := range items {
			if i%lawBench22Folds != k {
				texts = append(texts, it.text)
				labels = append(labels, it.label)
			}
		}
		nb := trainNaiveBayes(texts, labels)
		for i, it := range items {
			if i%lawBench22Folds == k {
				pred[i] = nb.predict(it.text)
				majority[i] = nb.majority
				gold[i] = it.label
			}
		}
		env.progress(SuiteLawBench22, k+1, lawBench22Folds)
	}
	var correct, majCorrect int
	for i := range gold {
		if lawBench22Correct(pred[i], gold[i]) {
			correct++
		}
		if lawBench22Correct(majority[i], gold[i]) {
			majCorrect++
		}
	}
	n := len(gold)
	return withSkipped([]Result{
		{Suite: SuiteLawBench22, Metric: "accuracy/nb-5fold", Value: float64(correct) / float64(n), Baseline: ptr(lawBench22GPT4),
			BaselineNote: "GPT-4 zero-shot, LawBench README; all 500 rows, no training. Ours: naive Bayes, 5-fold cross-validated on the dev part", N: n},
		{Suite: SuiteLawBench22, Metric: "macro-f1/nb-5fold", Value: macroF1(pred, gold), N: n},
		{Suite: SuiteLawBench22, Metric: "accuracy/majority-5fold", Value: float64(majCorrect) / float64(n), N: n},
	}, skipped), nil
}
