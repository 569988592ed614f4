package caseanalysis

import (
	"cmp"
	"fmt"
	"slices"
	"sync"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
)

// CaseLister lists every stored case; *corpus.Store implements it. With it
// the Analyzer searches similar cases in memory (see Config.MemCases).
type CaseLister interface {
	CaseCount() (int, error)
	Cases(fn func(corpus.Case) error) error
}

// DefaultMemCases is how many stored cases the Analyzer indexes in memory
// for similar-case search when Config.MemCases is 0: an agency's published
// decisions of a few years. The index with the case records holds about
// 5 KB a case, and the first analysis after a write rebuilds it (about
// 0.6 s at 5,000 cases, mostly segmentation; BenchmarkCaseIndexBuild in
// api).
const DefaultMemCases = 5000

// Weights of the case index. Cases use the benchmark matcher's BM25
// constants; a bigram match counts three times a word match, as in the
// full-text index's default (bleveidx.DefaultBigramWeight), which this index
// replaces for analysis. Among k1 1.2 with b 0.5, 0.75, 0.9 and bigram
// scales 0.25 to 3, our scenarios' benchmark@1 moved by at most two of 63
// (docs/analysis.md).
const (
	// caseTitleWeight is what a word in a case's title counts against one
	// in its facts.
	caseTitleWeight = 0.5
	caseBigramScale = 3
)

// caseIndex is BM25 over the stored cases' facts and titles, kept in
// memory. A search over the full-text index costs about a third of an
// analysis in building its term searchers; this costs a map lookup per
// query term. It is rebuilt when the corpus generation changes.
type caseIndex struct {
	gen   uint64
	cases []corpus.Case  // in ID order: ties are broken by position
	pos   map[string]int // case ID → position in cases
	index bm25
	// tooMany is set when the store holds more than the limit: similar
	// cases come from the full-text index then.
	tooMany bool
	// sums recycles rank's score slice (a slot per case: 8 bytes a stored
	// case on every request, 160 kB for the 20,000 cases an index may hold).
	sums sync.Pool
}

// buildCaseIndex reads every case (when there are at most limit) and
// indexes the words and Han bigrams of its facts and the words of its
// title.
func buildCaseIndex(gen uint64, src CaseLister, seg nlp.Segmenter, limit int) (*caseIndex, error) {
	n, err := src.CaseCount()
	if err != nil {
		return nil, fmt.Errorf("count cases: %w", err)
	}
	ci := &caseIndex{gen: gen}
	if n > limit {
		ci.tooMany = true
		return ci, nil
	}
	var docs []termDoc
	err = src.Cases(func(c corpus.Case) error {
		if len(ci.cases) == limit {
			// Cases added since the count: the next generation rebuilds.
			return nil
		}
		d := newTermDoc()
		for _, t := range terms(seg, c.Facts) {
			d.tf[t]++
		}
		for _, tk := range seg.Cut(nlp.NormalizeText(c.Title)) {
			if isTerm(tk.Text) {
				d.tf[tk.Text] += caseTitleWeight
			}
		}
		ci.cases = append(ci.cases, c)
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read cases: %w", err)
	}
	ci.index = newBM25(docs, bm25Params{k1: bm25K1, b: bm25B, bigramScale: caseBigramScale})
	ci.pos = make(map[string]int, len(ci.cases))
	for i, c := range ci.cases {
		ci.pos[c.ID] = i
	}
	n = len(ci.cases)
	ci.sums.New = func() any { s := make([]float64, n); return &s }
	return ci, nil
}

// caseHit is a case found in memory, by position, with its BM25 or fused
// score.
type caseHit struct {
	doc   int
	score float64
}

// caseTerms is the query for the case index: the conduct words and their
// Han bigrams, or, when the segmenter gave no words (a dictionary-free
// segmenter), the Han bigrams of the opening of the text.
func (ci *caseIndex) caseTerms(words []string, norm string) *termQuery {
	qt := ci.index.query()
	for _, w := range words {
		qt.word(w)
		qt.bigrams(w)
	}
	if len(words) == 0 {
		qt.bigrams(truncateRunes(norm, caseQueryRunes))
	}
	return qt
}

// search returns the n best cases for the query terms, in the sector when
// one is given; equal scores keep ID order.
func (ci *caseIndex) search(qt *termQuery, sector legal.Sector, n int) []similarCase {
	return ci.similar(ci.rank(qt, sector, n))
}

// rank is search without the cases: positions and scores.
func (ci *caseIndex) rank(qt *termQuery, sector legal.Sector, n int) []caseHit {
	buf := ci.sums.Get().(*[]float64)
	sums := *buf
	clear(sums)
	defer ci.sums.Put(buf)
	qt.scores(sums)
	// The n best kept by insertion, as the matcher keeps its candidates:
	// most cases share a word with the text, and sorting them all to keep
	// a few cost more than the scoring. The order (score, then position)
	// is total, so the n kept are those a full sort gives.
	hits := make([]caseHit, 0, n+1)
	for i, s := range sums {
		if s <= 0 || sector != "" && ci.cases[i].Sector != sector {
			continue
		}
		hits = keepBest(hits, caseHit{i, s}, n, betterHit)
	}
	return hits
}

// keepBest inserts x into top, ordered by better (negative: the first
// argument ranks higher), keeping at most n: a sorted short list, as the
// few best of a long one are all the caller needs.
func keepBest[T any](top []T, x T, n int, better func(a, b T) int) []T {
	// Once the list is full, most of what is offered ranks below its last:
	// one comparison turns it away, where the search took several.
	if len(top) == n && n > 0 && better(top[n-1], x) < 0 {
		return top
	}
	at, _ := slices.BinarySearchFunc(top, x, better)
	if at == n {
		return top
	}
	top = slices.Insert(top, at, x)
	return top[:min(len(top), n)]
}

// betterHit orders hits by score, higher first, then by position.
func betterHit(a, b caseHit) int {
	if a.score != b.score {
		return cmp.Compare(b.score, a.score)
	}
	return a.doc - b.doc
}

// similar turns ranked positions into similar cases.
func (ci *caseIndex) similar(hits []caseHit) []similarCase {
	out := make([]similarCase, len(hits))
	for i, h := range hits {
		c := &ci.cases[h.doc]
		out[i] = similarCase{hit: corpus.HitOf(*c), c: c}
		out[i].hit.Score = h.score
	}
	return out
}

// fuse merges the lexical ranking with the cases nearest by vector by
// reciprocal rank fusion (corpus.RRFWeight; equal scores keep first-seen
// order, lexical first), keeping the n best. A case the vectors know but
// the index does not (written since it was built) is left out until the
// next build.
func (ci *caseIndex) fuse(lexical []caseHit, near []corpus.VectorHit, n int) []similarCase {
	// The fused list is scratch (topFused copies out the n kept): it is
	// recycled, up to a hundred hits (1.6 kB) a request.
	buf, _ := fusedScratch.Get().(*[]caseHit)
	if buf == nil || cap(*buf) < len(lexical)+len(near) {
		b := make([]caseHit, 0, len(lexical)+len(near))
		buf = &b
	}
	defer fusedScratch.Put(buf)
	fused := (*buf)[:len(lexical)]
	for r, h := range lexical {
		fused[r] = caseHit{doc: h.doc, score: corpus.RRFWeight(r)}
	}
	// Each list names a case once, so a near case can only be among the
	// lexical ones: a scan of those (at most fusionDepth) is cheaper than
	// a map.
	for r, h := range near {
		doc, ok := ci.pos[h.ID]
		if !ok {
			continue
		}
		i := slices.IndexFunc(fused[:len(lexical)], func(f caseHit) bool { return f.doc == doc })
		if i < 0 {
			i = len(fused)
			fused = append(fused, caseHit{doc: doc})
		}
		fused[i].score += corpus.RRFWeight(r)
	}
	return ci.similar(topFused(fused, n))
}

// fusedScratch holds fuse's fused lists given back.
var fusedScratch sync.Pool

// topFused returns the n best of fused by score, equal scores in their
// order in fused: the first n of a stable sort, kept by insertion (up to a
// hundred fused cases for the ten an analysis shows; sorting them all cost
// a third of the fusion).
func topFused(fused []caseHit, n int) []caseHit {
	// Positions into fused, so that the order of equal scores is total.
	better := func(a, b int) int {
		if fused[a].score != fused[b].score {
			return cmp.Compare(fused[b].score, fused[a].score)
		}
		return a - b
	}
	top := make([]int, 0, n+1)
	for i := range fused {
		if n > 0 && len(top) == n && fused[i].score <= fused[top[n-1]].score {
			continue // a later case never passes the last kept on a tie
		}
		top = keepBest(top, i, n, better)
	}
	out := make([]caseHit, len(top))
	for k, i := range top {
		out[k] = fused[i]
	}
	return out
}
