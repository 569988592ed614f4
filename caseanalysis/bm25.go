package caseanalysis

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/cailiang/cailiang/nlp"
)

// termDoc is a document for BM25 as weighted term frequencies: a term in a
// field that counts more (a benchmark's name, a case's facts) adds more
// than one in a field that counts less.
type termDoc struct {
	tf map[string]float64
	// head marks the terms a match is shown by (a benchmark's name and
	// keywords); nil for none.
	head map[string]bool
}

func newTermDoc() termDoc { return termDoc{tf: map[string]float64{}} }

// posting is one document's precomputed BM25 weight for a term.
type posting struct {
	doc    int32
	head   bool
	weight float64
}

// bm25 holds the postings of a fixed set of documents. The weights are
// computed once, so a query costs one lookup per distinct term; terms are
// numbered so that a query is a set of small integers, built without
// allocating a key per term.
type bm25 struct {
	ids map[string]int32 // term → its number
	// pairs numbers the Han bigram terms by their two runes
	// (nlp.RunePair): a query's bigrams are looked up without a string key.
	pairs    map[uint64]int32
	terms    []string    // by number
	postings [][]posting // by number, each in document order
	// headed marks the terms some document has in its head: only those
	// can be a matched term (headTerms).
	headed []bool
}

// bm25Params are the BM25 constants of one kind of document.
type bm25Params struct {
	k1, b float64
	// bigramScale scales the IDF of character-bigram terms (bigramMark):
	// a bigram match is weaker evidence than a word match.
	bigramScale float64
}

func newBM25(docs []termDoc, p bm25Params) bm25 {
	x := bm25{ids: map[string]int32{}, pairs: map[uint64]int32{}}
	if len(docs) == 0 {
		return x
	}
	df := map[string]int{}
	lens := make([]float64, len(docs))
	total := 0.0
	for i, d := range docs {
		for t, f := range d.tf {
			df[t]++
			lens[i] += f
		}
		total += lens[i]
	}
	avg := total / float64(len(docs))
	if avg == 0 {
		avg = 1
	}
	n := float64(len(docs))
	for i, d := range docs {
		norm := 1 - p.b + p.b*lens[i]/avg
		for t, tf := range d.tf {
			idf := math.Log(1 + (n-float64(df[t])+0.5)/(float64(df[t])+0.5))
			if strings.HasPrefix(t, bigramMark) {
				idf *= p.bigramScale
			}
			id, ok := x.ids[t]
			if !ok {
				id = int32(len(x.terms))
				x.ids[t] = id
				x.terms = append(x.terms, t)
				x.postings = append(x.postings, nil)
				x.headed = append(x.headed, false)
				if pair, ok := strings.CutPrefix(t, bigramMark); ok {
					r1, w1 := utf8.DecodeRuneInString(pair)
					r2, w2 := utf8.DecodeRuneInString(pair[w1:])
					if w1+w2 == len(pair) && r1 != utf8.RuneError && r2 != utf8.RuneError {
						x.pairs[nlp.RunePair(r1, r2)] = id
					}
				}
			}
			x.postings[id] = append(x.postings[id], posting{doc: int32(i), head: d.head[t], weight: idf * tf * (p.k1 + 1) / (tf + p.k1*norm)})
			x.headed[id] = x.headed[id] || d.head[t]
		}
	}
	return x
}

// termIDs are a query term's numbers in the benchmark and the provision
// indexes, -1 where the index lacks it.
type termIDs struct{ bench, prov int32 }

// sharedTerms numbers the terms of the benchmark and the provision indexes
// together, so that a query's words and bigrams are each looked up once
// for both (and for the case query's vocabulary test).
type sharedTerms struct {
	words map[string]termIDs
	pairs map[uint64]termIDs
	// seen filters the pairs: a text's bigram the indexes lack is most
	// often answered by a bit instead of a map lookup.
	seen pairFilter
}

// pairFilter is a one-hash Bloom filter of rune pairs (nlp.RunePair): a
// pair whose bit is clear is certainly not among the pairs added; one
// whose bit is set may be. It has some sixteen bits per pair added (at
// most one pair in sixteen passes it wrongly), and at least 2^12.
type pairFilter struct {
	bits  []uint64
	shift uint
}

func newPairFilter(pairs int) pairFilter {
	shift := uint(64 - 12)
	for n := 1 << 12; n < 16*pairs && shift > 64-26; n <<= 1 {
		shift--
	}
	return pairFilter{bits: make([]uint64, 1<<(64-shift)/64), shift: shift}
}

func (f pairFilter) slot(k uint64) (int, uint64) {
	h := (k * 0x9E3779B97F4A7C15) >> f.shift
	return int(h >> 6), 1 << (h & 63)
}

func (f pairFilter) add(k uint64) {
	w, b := f.slot(k)
	f.bits[w] |= b
}

// mayHave reports whether k may have been added (false: it was not). An
// empty filter (none made) lets every pair through.
func (f pairFilter) mayHave(k uint64) bool {
	if f.bits == nil {
		return true
	}
	w, b := f.slot(k)
	return f.bits[w]&b != 0
}

// newSharedTerms joins the vocabularies of bench and prov (nil for none).
func newSharedTerms(bench, prov *bm25) sharedTerms {
	t := sharedTerms{words: map[string]termIDs{}, pairs: map[uint64]termIDs{}}
	for i, x := range []*bm25{bench, prov} {
		if x == nil {
			continue
		}
		set := func(ids termIDs, id int32) termIDs {
			if i == 0 {
				ids.bench = id
			} else {
				ids.prov = id
			}
			return ids
		}
		for w, id := range x.ids {
			if !strings.HasPrefix(w, bigramMark) {
				t.words[w] = set(t.lookupWord(w), id)
			}
		}
		for k, id := range x.pairs {
			t.pairs[k] = set(t.lookupPair(k), id)
		}
	}
	t.seen = newPairFilter(len(t.pairs))
	for k := range t.pairs {
		t.seen.add(k)
	}
	return t
}

var noTerm = termIDs{-1, -1}

func (t sharedTerms) lookupWord(w string) termIDs {
	if ids, ok := t.words[w]; ok {
		return ids
	}
	return noTerm
}

func (t sharedTerms) lookupPair(k uint64) termIDs {
	if ids, ok := t.pairs[k]; ok {
		return ids
	}
	return noTerm
}

// word numbers a word (a term that is not a bigram).
func (t sharedTerms) word(w string) termIDs { return t.lookupWord(w) }

// bigrams appends to out the numbers of the Han bigrams of s that either
// index holds, in text order.
func (t sharedTerms) bigrams(s string, out []termIDs) []termIDs {
	for i, j := range nlp.Bigrams(s, nlp.HanPairs) {
		r1, w1 := utf8.DecodeRuneInString(s[i:j])
		r2, _ := utf8.DecodeRuneInString(s[i+w1 : j])
		k := nlp.RunePair(r1, r2)
		if !t.seen.mayHave(k) {
			continue
		}
		if ids, ok := t.pairs[k]; ok {
			out = append(out, ids)
		}
	}
	return out
}

// termQuery collects the terms of a query that some document contains.
type termQuery struct {
	x   *bm25
	ids []int32
}

func (x *bm25) query() *termQuery { return &termQuery{x: x} }

// queryFor is query with room for n terms (a query's words and bigrams),
// so that adding them does not grow the list step by step.
func (x *bm25) queryFor(n int) *termQuery {
	return &termQuery{x: x, ids: make([]int32, 0, n)}
}

// word adds a term.
func (q *termQuery) word(t string) {
	if id, ok := q.x.ids[t]; ok {
		q.ids = append(q.ids, id)
	}
}

// add adds a term by its number; -1 (not in the index) adds nothing.
func (q *termQuery) add(id int32) {
	if id >= 0 {
		q.ids = append(q.ids, id)
	}
}

// bigrams adds the Han bigram terms of s (bigramMark and the pair, as
// termsOf makes them).
func (q *termQuery) bigrams(s string) {
	for i, j := range nlp.Bigrams(s, nlp.HanPairs) {
		r1, w1 := utf8.DecodeRuneInString(s[i:j])
		r2, _ := utf8.DecodeRuneInString(s[i+w1 : j])
		if id, ok := q.x.pairs[nlp.RunePair(r1, r2)]; ok {
			q.ids = append(q.ids, id)
		}
	}
}

// scores adds every document's weight for the distinct query terms to sums
// (one slot per document). Terms are summed in number order, so equal
// queries give equal sums.
func (q *termQuery) scores(sums []float64) {
	slices.Sort(q.ids)
	q.ids = slices.Compact(q.ids)
	for _, id := range q.ids {
		for _, p := range q.x.postings[id] {
			sums[p.doc] += p.weight
		}
	}
}

// headTerms lists, sorted, the query terms in the head of document doc
// (a benchmark's name or keywords), after scores. They are looked up for
// the few candidates kept rather than gathered for every document a term
// is in: a posting list is in document order, so each is a binary search.
func (q *termQuery) headTerms(doc int) []string {
	var out []string
	for _, id := range q.ids {
		if !q.x.headed[id] {
			continue
		}
		ps := q.x.postings[id]
		if i, ok := slices.BinarySearchFunc(ps, int32(doc), func(p posting, d int32) int { return cmp.Compare(p.doc, d) }); ok && ps[i].head {
			out = append(out, q.x.terms[id])
		}
	}
	slices.Sort(out)
	return out
}
