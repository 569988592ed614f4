package bleveidx

import (
	"math"
	"math/bits"
	"slices"
)

// Scoring a norm search exactly without walking every posting.
//
// A 20-character phrase of statute text becomes some 40 term searches
// whose postings hold 130,000 entries on the national statutes, and
// 48,000 of the 65,000 articles match at least one of them: 的, 或者, 应当
// and their bigrams are in almost every article. Adding them all up was
// about 1.2 ms of CPU per search, two thirds of a search's cost. score
// walks the rarer terms' postings only, as long as that is enough to
// prove which documents can still reach the top:
//
//   - every score bleve computes for these queries grows with each term a
//     document matches (the sum grows, and so do the coordination
//     factors matched/total of a clause and of the whole disjunction), so
//     the score from the terms walked so far is a lower bound of a
//     document's score, and the want-th best of these bounds (theta) a
//     lower bound of the want-th best score;
//   - a document that matches none of the walked terms matches only the
//     common ones, so its coordination factors are at most the common
//     terms' share of each clause: with the common terms' largest
//     possible contributions that bounds its score. Once that bound is
//     below theta, no such document can reach the page, and the common
//     terms need not be walked: the earlier attempt (docs/search.md)
//     bounded coordination by 1 and had to walk 60% of the terms;
//   - of the documents met, only those whose own bound (what they have
//     plus everything the common terms could add) reaches theta are
//     scored exactly, by looking their documents up in the common terms'
//     postings;
//   - the number of matches counts every document of every term: the
//     common terms carry a bitset of their documents, OR-ed together.
//
// Every document that can be on the page is scored with all its terms,
// in the same order as an exhaustive walk would add them, so the page is
// the exhaustive one to the last bit (TestRankerPruningExact).

// bitsetShare: a term in at least 1/bitsetShare of the documents keeps a
// bitset of them, and only such a term can be left unwalked. On the
// national statutes that is some 2,000 terms of 130 KB to 8 KB each.
const bitsetShare = 64

// boundSlack widens every upper bound so that rounding (bounds and scores
// add the same numbers in different orders) never prunes a document whose
// score equals theta.
const boundSlack = 1 + 1e-9

// accumulators are the per-document sums of one search, by clause, kept in
// a pool and reused: zeroed again for the documents a search touched.
// The sums of the documents met (a few thousand of 65,000) are packed in
// cells, in the order met, and slot maps a document to its cell: twenty
// searches at once on two cores then work in some 0.4 MB each, not 2.6.
type accumulators struct {
	slot    []uint32
	cells   []docAcc
	seen    []uint64
	touched []uint32
	keep    []uint32
	terms   []termRef
	ids     []int64
	heap    []scored
	// union is matches' scratch: the documents met or in a common term.
	union []uint64
	// cand are the documents met that pass the first bound of the pruned
	// pass, fulls theta's full scores: scratch, empty between searches.
	cand  []uint64
	fulls []float64
	// walked and postings count the postings of the last search walked
	// and in all (tests check that pruning happens).
	walked, postings int
}

// maxClauses is the most non-phrase clauses the ranker scores (a norm
// query has four: text, its bigrams, title and chapter).
const maxClauses = 4

// docAcc is one document's clause sums and counts side by side, so that
// the passes over the documents met read one cache line for each.
type docAcc struct {
	sum [maxClauses]float64
	cnt [maxClauses]uint16
}

func (a *accumulators) fit(n int) {
	if len(a.slot) != n {
		*a = accumulators{slot: make([]uint32, n), seen: make([]uint64, (n+63)/64), cand: make([]uint64, (n+63)/64)}
	}
	a.touched, a.keep, a.terms = a.touched[:0], a.keep[:0], a.terms[:0]
	a.walked, a.postings = 0, 0
}

// reset zeroes what the search touched.
func (a *accumulators) reset() {
	for _, d := range a.touched {
		a.slot[d] = 0
	}
	a.cells = a.cells[:0]
	clear(a.seen)
}

// of returns document d's sums; d must have been met.
func (a *accumulators) of(d uint32) *docAcc {
	return &a.cells[a.slot[d]-1]
}

// rankable reports whether the ranker can score cs: at most maxClauses
// clauses besides the phrase, each of fewer terms than a count holds.
// Others (none that SearchNorms builds today) are left to bleve.
func rankable(cs []clause) bool {
	n := 0
	for _, c := range cs {
		if len(c.terms) > math.MaxUint16 {
			return false
		}
		if !c.phrase {
			n++
		}
	}
	return n <= maxClauses
}

// termRef is one distinct term of a clause with what search it needs.
type termRef struct {
	clause    int
	id        uint32
	docs, tfs []uint32
	// bits and rank are the term's bitset and rank directory (nil for a
	// term in fewer than 1/bitsetShare of the documents).
	bits []uint64
	rank []uint32
	// w is the term's weight idf²·boost·queryNorm, r how many times the
	// clause lists it, ub the most it adds to one document's clause sum.
	w, ub float64
	r     uint32
}

// at returns the index of document d in the postings of t, a term with a
// bitset, and whether t holds d: the rank of d in the bitset.
func (t *termRef) at(d uint32) (int, bool) {
	w, b := d>>6, d&63
	x := t.bits[w]
	if x&(1<<b) == 0 {
		return 0, false
	}
	return int(t.rank[w]) + bits.OnesCount64(x&(1<<b-1)), true
}

// scorer is one search's clauses resolved against the ranker.
type scorer struct {
	rk *ranker
	// n are the clauses' term counts (repeats included), nc the number of
	// disjuncts bleve's coordination divides by (the phrase included).
	n  []uint32
	nc float64
	// text is the clause the phrase belongs to (-1: no phrase); seq the
	// phrase as term numbers (nil: it cannot match).
	text   int
	boostP float64
	seq    []uint32
	gTab   [64]float64
	k1     float64
	// sumTmp and cntTmp are full's per-clause sums.
	sumTmp []float64
	cntTmp []uint32
	// nm is len(n); invN the reciprocals of n and scale boundSlack/nc:
	// the bounds and theta's partial scores, which are compared and never
	// returned, multiply where final divides (a division per clause and
	// document was most of a bound's cost; boundSlack covers the ulps).
	nm    int
	invN  [maxClauses]float64
	scale float64
	// mines are the second bound's common-term sums of the 64 documents
	// of one bitset word.
	mines [64]rest
}

func (s *scorer) g(tf uint32) float64 {
	if tf < uint32(len(s.gTab)) {
		return s.gTab[tf]
	}
	x := math.Sqrt(float64(tf))
	return x * s.k1 / (x + s.k1)
}

// final is document d's score from the terms added so far; with phrase
// the phrase is checked (once every term of its clause is in).
func (s *scorer) final(acc *accumulators, d uint32, phrase bool) float64 {
	return s.finalOf(acc.of(d), d, phrase)
}

// finalOf is final of document d whose sums are da.
func (s *scorer) finalOf(da *docAcc, d uint32, phrase bool) float64 {
	var tot float64
	m := 0
	for c, n := range s.n {
		cnt := uint32(da.cnt[c])
		if cnt == 0 {
			continue
		}
		m++
		sum := da.sum[c]
		tot += sum * float64(cnt) / float64(n)
		if phrase && c == s.text && cnt == n && s.seq != nil && contains(s.rk.seqOf(d), s.seq) {
			m++
			tot += sum * s.boostP
		}
	}
	return tot * float64(m) / s.nc
}

// rest is what the unwalked terms can add: per clause, the most they add
// to a sum (u) and their count (k). It is a value of fixed size: the walk
// asks for it after every term, and a search should not allocate it.
type rest struct {
	u [maxClauses]float64
	k [maxClauses]uint32
}

func (s *scorer) restOf(terms []termRef) rest {
	var r rest
	for _, t := range terms {
		r.u[t.clause] += t.ub
		r.k[t.clause] += t.r
	}
	return r
}

// bound is the most a document with the sums da can score once the
// unwalked terms r are added (boundSlack included).
func (s *scorer) bound(da *docAcc, r *rest) float64 {
	// Without a branch on whether a clause matches (it varies from
	// document to document): a clause with k = 0 adds 0 to tot and to m.
	var tot float64
	var m uint32
	for c := 0; c < s.nm; c++ {
		k := uint32(da.cnt[c]) + r.k[c]
		m += min(k, 1)
		x := da.sum[c] + r.u[c]
		tot += x * float64(k) * s.invN[c]
		if c == s.text && k == s.n[c] && s.seq != nil {
			m++
			tot += x * s.boostP
		}
	}
	return tot * float64(m) * s.scale
}

// partial is a document's score from the terms walked without the phrase,
// as finalOf(da, d, false) computes it but for the last bits: theta only
// picks the documents to look up by it.
func (s *scorer) partial(da *docAcc) float64 {
	var tot float64
	var m uint16
	for c := 0; c < s.nm; c++ {
		k := da.cnt[c]
		m += min(k, 1)
		tot += da.sum[c] * float64(k) * s.invN[c]
	}
	return tot * float64(m)
}

// boundRest is the bound of a document that none of the walked terms
// matched, with terms left to walk.
func (s *scorer) boundRest(terms []termRef) float64 {
	r := s.restOf(terms)
	return s.bound(&docAcc{}, &r)
}

// walk adds the postings of t to every document.
func (s *scorer) walk(acc *accumulators, t termRef) {
	wg := s.gTab
	for i := range wg {
		wg[i] = t.w * s.gTab[i]
	}
	acc.walked += len(t.docs)
	c, r, slot := t.clause, uint16(t.r), acc.slot
	// A term listed r times is added r times, as an exhaustive walk does.
	for j, d := range t.docs {
		tf := t.tfs[j]
		v := 0.0
		if tf < uint32(len(wg)) {
			v = wg[tf]
		} else {
			v = t.w * s.g(tf)
		}
		sl := slot[d]
		if sl == 0 {
			acc.seen[d>>6] |= 1 << (d & 63)
			acc.touched = append(acc.touched, d)
			acc.cells = append(acc.cells, docAcc{})
			sl = uint32(len(acc.cells))
			slot[d] = sl
		}
		da := &acc.cells[sl-1]
		da.sum[c] += v
		for k := uint16(1); k < r; k++ {
			da.sum[c] += v
		}
		da.cnt[c] += r
	}
}

// thetaExtra bounds how many documents theta looks at beyond want (three
// times want, at most thetaExtra more).
const thetaExtra = 96

// theta is a lower bound of the want-th best score that f keeps (0 while
// fewer than want documents are met): the documents met with the best
// scores from the terms walked (up to four times want of them) get the
// terms left (left) looked up, and the want-th best of their full scores
// is the bound, since want documents score at least that much. Taking
// only want of them (the least of their full scores) left the bound at
// 78 % of the want-th best score in the median search on the national
// statutes, 53 % in the tenth percentile; four times want brings it to
// 100 % and 86 %, so that the walk stops sooner and fewer documents are
// looked up.
func (s *scorer) theta(acc *accumulators, f *rankerFilter, want int, left []termRef) float64 {
	keepN := want + min(3*want, thetaExtra)
	h := acc.heap[:0]
	less := func(i, j int) bool { return h[i].score < h[j].score }
	// The documents met in the order met: their cells lie in that order,
	// and any want of them make a lower bound.
	for i, d := range acc.touched {
		if !f.keep(s.rk, d) {
			continue
		}
		v := s.partial(&acc.cells[i])
		if len(h) < keepN {
			h = append(h, scored{d, v})
			for i := len(h) - 1; i > 0; {
				p := (i - 1) / 2
				if !less(i, p) {
					break
				}
				h[p], h[i] = h[i], h[p]
				i = p
			}
			continue
		}
		if v <= h[0].score {
			continue
		}
		h[0] = scored{d, v}
		for i := 0; ; {
			l, r, m := 2*i+1, 2*i+2, i
			if l < len(h) && less(l, m) {
				m = l
			}
			if r < len(h) && less(r, m) {
				m = r
			}
			if m == i {
				break
			}
			h[i], h[m] = h[m], h[i]
			i = m
		}
	}
	acc.heap = h
	if len(h) < want {
		return 0
	}
	fulls := acc.fulls[:0]
	for _, x := range h {
		fulls = append(fulls, s.full(acc, x.doc, left))
	}
	acc.fulls = fulls
	slices.Sort(fulls)
	// Rounding must not lift it above a score it stands for.
	return fulls[len(fulls)-want] / boundSlack
}

// full is document d's score with the terms walked and the terms left
// looked up, without changing the accumulators.
func (s *scorer) full(acc *accumulators, d uint32, left []termRef) float64 {
	sum, cnt := s.sumTmp, s.cntTmp
	da := acc.of(d)
	for c := range s.n {
		sum[c], cnt[c] = da.sum[c], uint32(da.cnt[c])
	}
	for i := range left {
		t := &left[i]
		j, ok := t.at(d)
		if !ok {
			continue
		}
		sum[t.clause] += float64(t.r) * t.w * s.g(t.tfs[j])
		cnt[t.clause] += t.r
	}
	var tot float64
	m := 0
	for c, n := range s.n {
		if cnt[c] == 0 {
			continue
		}
		m++
		tot += sum[c] * float64(cnt[c]) / float64(n)
		if c == s.text && cnt[c] == n && s.seq != nil && contains(s.rk.seqOf(d), s.seq) {
			m++
			tot += sum[c] * s.boostP
		}
	}
	return tot * float64(m) / s.nc
}

// score computes bleve's BM25 score of the disjunction of cs for every
// document that can be among the want best that f keeps and returns
// those, best first by (score, ID), with the number of all matches f
// keeps. bleve scores a disjunction as the sum of its matching children
// times matching/total children (coord), a term as
// idf·g(tf)·boost·idf·queryNorm with g(tf) = √tf·k1/(√tf+k1) when b = 0,
// and a phrase as the sum of its terms' scores when they are at
// consecutive positions; queryNorm is 1/√Σ(boost·idf)² over all term
// searchers. Filters add the same amount to every hit's score in bleve (a
// version-date range a little more or less, by the precision bucket a
// date falls in) and are left out here. With prune false every posting is
// walked (the reference the tests compare pruning with).
func (rk *ranker) score(cs []clause, f rankerFilter, k1 float64, want int, acc *accumulators, prune bool) ([]scored, uint64) {
	idf := func(df uint64) float64 {
		return math.Log(1 + (float64(rk.docTotal)-float64(df)+0.5)/(float64(df)+0.5))
	}
	s := scorer{rk: rk, text: -1, k1: k1, nc: float64(len(cs))}
	for i := range s.gTab {
		x := math.Sqrt(float64(i))
		s.gTab[i] = x * k1 / (x + k1)
	}
	// Each term of each clause is looked up once (ids, -1: not in the
	// index), in the order of the clauses: queryNorm sums in that order.
	var sumSq float64
	ids := acc.ids[:0]
	at := make([]int, len(cs))
	for ci, c := range cs {
		at[ci] = len(ids)
		fp := rk.fields[c.field]
		for _, t := range c.terms {
			var df uint64
			id := int64(-1)
			if fp != nil {
				if n, ok := fp.terms.find(t); ok {
					id, df = int64(n), fp.df[n]
				}
			}
			ids = append(ids, id)
			w := c.boost * idf(df)
			sumSq += w * w
		}
	}
	acc.ids = ids
	qn := 1.0
	if sumSq > 0 {
		qn = 1 / math.Sqrt(sumSq)
	}
	var main []clause
	var mainAt []int
	for i, c := range cs {
		if !c.phrase {
			main = append(main, c)
			mainAt = append(mainAt, at[i])
		}
	}
	acc.fit(len(rk.ids))
	s.sumTmp, s.cntTmp = make([]float64, len(main)), make([]uint32, len(main))
	defer acc.reset()
	s.nm, s.scale = len(main), boundSlack/s.nc
	for ci, c := range main {
		s.n = append(s.n, uint32(len(c.terms)))
		s.invN[ci] = 1 / float64(len(c.terms))
		if c.field == "text" {
			for _, p := range cs {
				if p.phrase {
					s.text, s.boostP, s.seq = ci, p.boost, rk.phraseSeq(p.terms)
				}
			}
		}
		fp := rk.fields[c.field]
		if fp == nil {
			continue
		}
		first := len(acc.terms)
		for ti := range c.terms {
			if ids[mainAt[ci]+ti] < 0 {
				continue
			}
			id := uint32(ids[mainAt[ci]+ti])
			dup := false
			for i := first; i < len(acc.terms); i++ {
				if acc.terms[i].id == id {
					acc.terms[i].r++
					acc.terms[i].ub += acc.terms[i].w * s.g(fp.maxTF[id])
					dup = true
					break
				}
			}
			if dup {
				continue
			}
			a, b := fp.start[id], fp.start[id+1]
			if a == b {
				continue // no live document
			}
			i := idf(fp.df[id])
			w := i * i * c.boost * qn
			acc.terms = append(acc.terms, termRef{clause: ci, id: id, docs: fp.docs[a:b], tfs: fp.tfs[a:b], bits: fp.bits[id], rank: fp.ranks[id], w: w, ub: w * s.g(fp.maxTF[id]), r: 1})
		}
	}
	terms := acc.terms
	for _, t := range terms {
		acc.postings += len(t.docs)
	}
	// Rarest first: the common terms are the ones left unwalked. The
	// order is also the order in which a document's terms are added, the
	// same whether they are walked or looked up.
	slices.SortStableFunc(terms, func(a, b termRef) int { return len(a.docs) - len(b.docs) })
	k := 0
	for k < len(terms) && (!prune || terms[k].bits == nil) {
		s.walk(acc, terms[k])
		k++
	}
	var th float64
	if k < len(terms) {
		th = s.theta(acc, &f, want, terms[k:])
		since := 0
		for k < len(terms) && !(s.boundRest(terms[k:]) < th) {
			s.walk(acc, terms[k])
			since += len(terms[k].docs)
			k++
			if since > len(acc.touched) {
				th, since = max(th, s.theta(acc, &f, want, terms[k:])), 0
			}
		}
	}
	hits := topK{want: want, ids: rk.ids}
	if k == len(terms) {
		var total uint64
		for i, d := range acc.touched {
			if f.keep(rk, d) {
				total++
				hits.push(scored{d, s.finalOf(&acc.cells[i], d, true)})
			}
		}
		return hits.sorted(), total
	}
	// Pruned: the documents met that can still reach theta get the
	// common terms looked up, in order.
	left := terms[k:]
	r := s.restOf(left)
	// First the bound with every common term, over the documents met in
	// the order met (their cells' order); those that pass are marked in
	// cand.
	cand := acc.cand
	for i, d := range acc.touched {
		if !f.keep(rk, d) || s.bound(&acc.cells[i], &r) < th {
			continue
		}
		cand[d>>6] |= 1 << (d & 63)
	}
	// Then the bound again with the common terms each holds, by their
	// bitsets, in document order: a 64-document word of every common
	// term's bitset is read once for the candidates in it, front to
	// back, where reading them document by document in the order met
	// was a third of a search (cache misses across the bitsets).
	// Each term adds to the candidates of the word it holds, bit by bit
	// (testing every candidate against every term mispredicted half the
	// branches: the common terms hold about half the documents).
	mines := &s.mines
	for w, c := range cand {
		if c == 0 {
			continue
		}
		cand[w] = 0
		for x := c; x != 0; x &= x - 1 {
			mines[bits.TrailingZeros64(x)] = rest{}
		}
		for j := range left {
			t := &left[j]
			cl, ub, tr := t.clause, t.ub, t.r
			for x := t.bits[w] & c; x != 0; x &= x - 1 {
				m := &mines[bits.TrailingZeros64(x)]
				m.u[cl] += ub
				m.k[cl] += tr
			}
		}
		for ; c != 0; c &= c - 1 {
			b := bits.TrailingZeros64(c)
			d := uint32(w)<<6 | uint32(b)
			if s.bound(acc.of(d), &mines[b]) < th {
				continue
			}
			acc.keep = append(acc.keep, d)
		}
	}
	keep := acc.keep
	for i := range left {
		t := &left[i]
		c, r := t.clause, uint16(t.r)
		for _, d := range keep {
			j, ok := t.at(d)
			if !ok {
				continue
			}
			v := t.w * s.g(t.tfs[j])
			da := acc.of(d)
			for n := uint16(0); n < r; n++ {
				da.sum[c] += v
			}
			da.cnt[c] += r
		}
	}
	for _, d := range keep {
		hits.push(scored{d, s.final(acc, d, true)})
	}
	return hits.sorted(), rk.matches(acc, left, &f)
}

// matches counts the documents f keeps among those met (acc.seen) or in
// a bitset of terms. The union is built term after term into a scratch
// bitset: each term's bitset is then read front to back, where reading
// all of them word by word kept some forty streams of memory apart.
func (rk *ranker) matches(acc *accumulators, terms []termRef, f *rankerFilter) uint64 {
	if f.none {
		return 0
	}
	seen := append(acc.union[:0], acc.seen...)
	acc.union = seen
	for _, t := range terms {
		b := t.bits[:len(seen)]
		for i := range seen {
			seen[i] |= b[i]
		}
	}
	var mask []uint64
	var flip uint64
	simple := f.law < 0 && f.category < 0 && f.region < 0 && !f.hasFrom && !f.hasTo
	if simple && f.inForce != nil {
		mask = rk.inForceBits
		if !*f.inForce {
			flip = math.MaxUint64
		}
	}
	var total uint64
	for i := range seen {
		u := seen[i]
		switch {
		case simple && mask == nil:
		case simple:
			u &= mask[i] ^ flip
		default:
			for v := u; v != 0; v &= v - 1 {
				if d := uint32(i*64 + bits.TrailingZeros64(v)); !f.keep(rk, d) {
					u &^= 1 << (d & 63)
				}
			}
		}
		total += uint64(bits.OnesCount64(u))
	}
	return total
}
