package eval

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cailiang/cailiang/corpus/embed"
	"github.com/cailiang/cailiang/nlp"
)

// SuiteSCM is the name of the CAIL2019 similar-case-matching suite.
const SuiteSCM = "cail2019-scm"

// SCMFile is the dev part of the CAIL2019-SCM stage-1 triplets inside the
// shared data folder (data README section 6).
const SCMFile = "cail2019_scm/triplets.jsonl"

// scmTriplet is one row: is b or c more similar to the anchor a? readSCM
// puts the one the label names in b. The label is always B in this data,
// which is why scoring must treat b and c the same.
type scmTriplet struct{ a, b, c string }

// readSCM reads the triplets, each with b the candidate its label names as
// the more similar (label C swaps B and C). A triplet whose label is
// neither B nor C (empty or missing included) is skipped and counted; a row
// without all three texts is an error wrapping ErrBadRow (there are few
// rows and each one counts), as is a file without a labelled triplet.
func readSCM(path string) (ts []scmTriplet, skipped int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, fmt.Errorf("open cail2019-scm: %w", err)
	}
	defer f.Close()
	err = readLines(f, func(_ int, line []byte) error {
		var raw struct{ A, B, C, Label string }
		if err := json.Unmarshal(line, &raw); err != nil {
			return fmt.Errorf("%v: %w", err, ErrBadRow)
		}
		t := scmTriplet{strings.TrimSpace(raw.A), strings.TrimSpace(raw.B), strings.TrimSpace(raw.C)}
		if t.a == "" || t.b == "" || t.c == "" {
			return fmt.Errorf("triplet without A, B or C: %w", ErrBadRow)
		}
		switch strings.TrimSpace(raw.Label) {
		case "B":
		case "C":
			t.b, t.c = t.c, t.b
		default:
			skipped++
			return nil
		}
		ts = append(ts, t)
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("read %s: %w", SCMFile, err)
	}
	if len(ts) == 0 {
		return nil, 0, fmt.Errorf("read %s: no labelled triplets: %w", SCMFile, ErrBadRow)
	}
	return ts, skipped, nil
}

func runSCM(ctx context.Context, env Env) ([]Result, error) {
	if env.DataDir == "" {
		return nil, errors.New("no shared data folder for " + SCMFile)
	}
	ts, skipped, err := readSCM(filepath.Join(env.DataDir, SCMFile))
	if err != nil {
		return nil, err
	}
	seg, segName := segmenter()
	rs, err := scoreSCM(ctx, env, ts, seg, segName)
	return withSkipped(rs, skipped), err
}

// tfidfVectors returns an L2-normalised TF-IDF vector per document, with
// sublinear tf (1 + log tf) and smoothed idf log((1+N)/(1+df)) + 1 (as
// scikit-learn's TfidfVectorizer, which the official CAIL2019 baseline
// uses), the corpus being the documents themselves.
func tfidfVectors(docs []map[string]int) []map[string]float64 {
	df := map[string]int{}
	for _, d := range docs {
		for t := range d {
			df[t]++
		}
	}
	n := float64(len(docs))
	out := make([]map[string]float64, len(docs))
	for i, d := range docs {
		v := make(map[string]float64, len(d))
		var norm float64
		for t, c := range d {
			w := (1 + math.Log(float64(c))) * (math.Log((1+n)/(1+float64(df[t]))) + 1)
			v[t] = w
			norm += w * w
		}
		if norm > 0 {
			norm = math.Sqrt(norm)
			for t := range v {
				v[t] /= norm
			}
		}
		out[i] = v
	}
	return out
}

// sparseDot is the cosine of two L2-normalised sparse vectors.
func sparseDot(a, b map[string]float64) float64 {
	if len(b) < len(a) {
		a, b = b, a
	}
	var s float64
	for t, w := range a {
		s += w * b[t]
	}
	return s
}

// pairAccuracy returns the share of triplets where simB > simC, a tie
// counting 0.5: the label is always B, so a scorer that ties (or prefers
// position) must not gain from it.
func pairAccuracy(simB, simC []float64) float64 {
	if len(simB) == 0 {
		return 0
	}
	var s float64
	for i := range simB {
		switch {
		case simB[i] > simC[i]:
			s++
		case simB[i] == simC[i]:
			s += 0.5
		}
	}
	return s / float64(len(simB))
}

// minMax rescales xs to [0, 1] over all of them together (all the B and C
// similarities of one method), so two methods' similarities can be
// averaged; a constant list maps to 0.
func minMax(xs []float64) []float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, x := range xs {
		lo, hi = min(lo, x), max(hi, x)
	}
	out := make([]float64, len(xs))
	if hi > lo {
		for i, x := range xs {
			out[i] = (x - lo) / (hi - lo)
		}
	}
	return out
}

// scoreSCM measures, for TF-IDF cosine, LSA cosine and their hybrid, the
// accuracy of sim(A,B) > sim(A,C). Both similarities of a triplet are
// computed by the same function of (A, doc), so the constant label B gives
// no advantage. The hybrid averages the two methods' similarities after
// min-max scaling each over all pairs (RRF over two items would only
// break ties).
func scoreSCM(ctx context.Context, env Env, ts []scmTriplet, seg nlp.Segmenter, segName string) ([]Result, error) {
	index := map[string]int{}
	var docs []string
	for _, t := range ts {
		for _, s := range []string{t.a, t.b, t.c} {
			if _, ok := index[s]; !ok {
				index[s] = len(docs)
				docs = append(docs, s)
			}
		}
	}
	counts := make([]map[string]int, len(docs))
	for i, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		counts[i] = termCounts(seg, d)
	}
	tfidf := tfidfVectors(counts)
	// The LSA model learns from the distinct documents only (227 on the
	// full file); it cannot have more dimensions than half of them.
	sorted := append([]string(nil), docs...)
	sort.Strings(sorted)
	dim := min(embed.DefaultDim, len(docs)/2)
	m, err := embed.TrainLSA(ctx, sorted, seg, embed.LSAConfig{Dim: dim, Seed: 1, Logger: env.log()})
	if err != nil {
		return nil, fmt.Errorf("cail2019-scm: train LSA on %d documents: %w", len(docs), err)
	}
	vecs, err := m.EmbedDocuments(ctx, docs)
	if err != nil {
		return nil, fmt.Errorf("cail2019-scm: embed documents: %w", err)
	}
	n := len(ts)
	// sims[method] holds sim(A,B) for every triplet, then sim(A,C).
	sims := map[string][]float64{rankTFIDF: make([]float64, 2*n), rankVector: make([]float64, 2*n)}
	for i, t := range ts {
		a, b, c := index[t.a], index[t.b], index[t.c]
		sims[rankTFIDF][i], sims[rankTFIDF][n+i] = sparseDot(tfidf[a], tfidf[b]), sparseDot(tfidf[a], tfidf[c])
		sims[rankVector][i], sims[rankVector][n+i] = cosine(vecs[a], vecs[b]), cosine(vecs[a], vecs[c])
	}
	st, sv := minMax(sims[rankTFIDF]), minMax(sims[rankVector])
	h := make([]float64, 2*n)
	for i := range h {
		h[i] = (st[i] + sv[i]) / 2
	}
	sims[rankHybrid] = h
	var out []Result
	for _, mode := range []string{rankTFIDF, rankVector, rankHybrid} {
		s := sims[mode]
		out = append(out, Result{
			Suite: SuiteSCM, Metric: "accuracy/" + mode, Value: pairAccuracy(s[:n], s[n:]), N: n,
			Baseline: ptr(0.5), BaselineNote: "chance; label always B, scored symmetrically, ties 0.5; " + segName,
		})
	}
	env.progress(SuiteSCM, n, n)
	return out, nil
}
