package bleveidx

import (
	"math"
	"math/bits"
	"sort"
)

// Top-k pruning of the ranker (MaxScore, term at a time). Scoring every
// posting of every query term costs about 2 ms of CPU for a 20-character
// phrase on the national statutes (10 words, 19 bigrams, the frequent ones
// in tens of thousands of articles), while a page needs the best ten. Each
// query term has an upper bound of what it adds to a clause's sum (its
// weight at its largest term frequency); the terms are read from the
// highest bound down into per-clause sums and counts, and once what the
// terms left could give a document none of the read terms matched (their
// bounds, through the clauses' coordination factors and the phrase) is
// less than a score want documents already reach exactly, no such document
// can enter the page: the terms left then only mark their documents for
// the total. The candidates whose bound (their sums and counts so far plus
// the terms left) can still reach the page are then scored exactly, term
// by term in the clauses' order, by the same arithmetic as scoreAll, so
// that scores and order are bit for bit the same.

// setMaxTF fills maxTF from the postings.
func (f *fieldPostings) setMaxTF() {
	f.maxTF = make([]uint32, len(f.df))
	for t := range f.maxTF {
		var m uint32
		for _, tf := range f.tfs[f.start[t]:f.start[t+1]] {
			m = max(m, tf)
		}
		f.maxTF[t] = m
	}
}

// entry is one term of one clause of a search (a repeated term once per
// occurrence, as bleve and scoreAll count it).
type entry struct {
	docs, tfs []uint32
	// wg is the term's score by term frequency below len(wg); w the
	// weight for larger ones.
	wg [64]float64
	w  float64
	// ub bounds what the term adds to its clause's sum.
	ub float64
	// c is the clause's index in the search's clauses.
	c int
}

func (e *entry) value(tf uint32, g func(uint32) float64) float64 {
	if tf < uint32(len(e.wg)) {
		return e.wg[tf]
	}
	return e.w * g(tf)
}

// pruneWork are the per-search arrays of the pruned scorer, pooled with
// the accumulators: per clause, each document's sum and count of matched
// terms so far.
type pruneWork struct {
	sum     [][]float64
	cnt     [][]uint16
	state   []uint8 // 0 not seen, 1 candidate, 2 filtered out
	bits    []uint64
	touched []uint32
	cand    []uint32
}

func (p *pruneWork) fit(n, clauses int) {
	if len(p.state) != n {
		*p = pruneWork{state: make([]uint8, n), bits: make([]uint64, (n+63)/64)}
	}
	for len(p.sum) < clauses {
		p.sum = append(p.sum, make([]float64, n))
		p.cnt = append(p.cnt, make([]uint16, n))
	}
	p.touched, p.cand = p.touched[:0], p.cand[:0]
}

// maxPrunedWant is the largest page end the pruned scorer serves: a deep
// page needs most candidates scored anyway.
const maxPrunedWant = 200

// score returns the best want hits by (score, ID) of the disjunction cs
// that f keeps and the number of such matches, as scoreAll does, reading
// fewer postings when it can (see the comment at the top of this file).
func (rk *ranker) score(cs []clause, f rankerFilter, k1 float64, want int, acc *accumulators) ([]scored, uint64) {
	if want <= 0 || want > maxPrunedWant || f.none {
		return rk.scoreAll(cs, f, k1, want, acc)
	}
	idf, g, gTab, qn := rk.weights(cs, k1)
	var phrase *clause
	for i := range cs {
		if cs[i].phrase {
			phrase = &cs[i]
		}
	}
	// The entries of each non-phrase clause, in the clause's term order
	// (nil where the term is not in the index).
	byClause := make([][]*entry, len(cs))
	var all []*entry
	// remUB and remCnt are, per clause, the bounds and the number of the
	// entries not yet read.
	remUB := make([]float64, len(cs))
	remCnt := make([]int, len(cs))
	for ci, c := range cs {
		if c.phrase {
			continue
		}
		fp := rk.fields[c.field]
		if fp == nil {
			continue
		}
		byClause[ci] = make([]*entry, len(c.terms))
		for ti, t := range c.terms {
			tn, ok := fp.terms[t]
			if !ok {
				continue
			}
			a, b := fp.start[tn], fp.start[tn+1]
			i := idf(fp.df[tn])
			e := &entry{docs: fp.docs[a:b], tfs: fp.tfs[a:b], w: i * i * c.boost * qn, c: ci}
			for k := range e.wg {
				e.wg[k] = e.w * gTab[k]
			}
			e.ub = e.value(fp.maxTF[tn], g)
			byClause[ci][ti] = e
			all = append(all, e)
			remUB[ci] += e.ub
			remCnt[ci]++
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].ub > all[j].ub })
	var seq []uint32
	if phrase != nil {
		seq = rk.phraseSeq(phrase.terms)
	}
	nc := float64(len(cs))
	// exact is scoreAll's score of d, by its arithmetic in its order.
	exact := func(d uint32, find func(e *entry) (uint32, bool)) float64 {
		var total float64
		var matched int
		for ci, c := range cs {
			if c.phrase {
				continue
			}
			var sum float64
			var cnt int
			for _, e := range byClause[ci] {
				if e == nil {
					continue
				}
				if tf, ok := find(e); ok {
					sum += e.value(tf, g)
					cnt++
				}
			}
			if cnt == 0 {
				continue
			}
			n := len(c.terms)
			matched++
			total += sum * float64(cnt) / float64(n)
			if phrase != nil && c.field == "text" && cnt == n && seq != nil && contains(rk.seq[d], seq) {
				matched++
				total += sum * phrase.boost
			}
		}
		return total * float64(matched) / nc
	}
	search := func(d uint32) func(e *entry) (uint32, bool) {
		return func(e *entry) (uint32, bool) {
			i := sort.Search(len(e.docs), func(i int) bool { return e.docs[i] >= d })
			if i < len(e.docs) && e.docs[i] == d {
				return e.tfs[i], true
			}
			return 0, false
		}
	}

	pw := &acc.prune
	pw.fit(len(rk.ids), len(cs))
	state, bitset := pw.state, pw.bits
	// bound is the most d can score, from its sums and counts so far
	// (none for a document not seen) and the entries not yet read: every
	// factor of the score grows with them.
	bound := func(d uint32, seen bool) float64 {
		var total float64
		var matched int
		for ci, c := range cs {
			if c.phrase || byClause[ci] == nil {
				continue
			}
			s, k := remUB[ci], remCnt[ci]
			if seen {
				s += pw.sum[ci][d]
				k += int(pw.cnt[ci][d])
			}
			if k == 0 {
				continue
			}
			n := len(c.terms)
			k = min(k, n)
			matched++
			total += s * float64(k) / float64(n)
			if phrase != nil && c.field == "text" && k == n {
				matched++
				total += s * phrase.boost
			}
		}
		return total * float64(matched) / nc
	}
	// partial is d's score from the entries read (no phrase): the
	// candidates best by it are scored exactly for theta.
	partial := func(d uint32) float64 {
		var total float64
		var matched int
		for ci, c := range cs {
			if c.phrase || byClause[ci] == nil || pw.cnt[ci][d] == 0 {
				continue
			}
			matched++
			total += pw.sum[ci][d] * float64(pw.cnt[ci][d]) / float64(len(c.terms))
		}
		return total * float64(matched) / nc
	}
	// theta is a score want kept documents reach (their exact scores):
	// a lower bound of the page's last score.
	theta := math.Inf(-1)
	lastCand := 0
	// margin keeps rounding (sums in another order than exact scores)
	// from pruning a document that ties the page's last.
	const margin = 1e-9
	stop := len(all)
	for i, e := range all {
		sum, cnt := pw.sum[e.c], pw.cnt[e.c]
		for j, d := range e.docs {
			bitset[d>>6] |= 1 << (d & 63)
			switch state[d] {
			case 0:
				pw.touched = append(pw.touched, d)
				if !f.keep(rk, d) {
					state[d] = 2
					continue
				}
				state[d] = 1
				pw.cand = append(pw.cand, d)
			case 2:
				continue
			}
			sum[d] += e.value(e.tfs[j], g)
			cnt[d]++
		}
		remUB[e.c] -= e.ub
		remCnt[e.c]--
		if remCnt[e.c] == 0 {
			remUB[e.c] = 0
		}
		if len(pw.cand) >= want && len(pw.cand) >= 2*lastCand {
			lastCand = len(pw.cand)
			theta = max(theta, rk.theta(pw.cand, partial, want, exact, search))
		}
		if bound(0, false) < theta*(1-margin) {
			stop = i + 1
			break
		}
	}
	// The terms left only count their documents.
	for _, e := range all[stop:] {
		for _, d := range e.docs {
			bitset[d>>6] |= 1 << (d & 63)
		}
	}
	var total uint64
	if f == (rankerFilter{law: -1, category: -1, region: -1}) {
		for _, w := range bitset {
			total += uint64(bits.OnesCount64(w))
		}
	} else {
		for wi, w := range bitset {
			for w != 0 {
				d := uint32(wi*64 + bits.TrailingZeros64(w))
				w &= w - 1
				if state[d] == 1 || (state[d] == 0 && f.keep(rk, d)) {
					total++
				}
			}
		}
	}
	// The candidates that can still reach the page, the highest bound
	// first: each exact score may raise the page's last score, and once
	// the next bound is below it no candidate left can enter.
	surv := make([]scored, 0, len(pw.cand)/4)
	for _, d := range pw.cand {
		if ub := bound(d, true); ub >= theta*(1-margin) {
			surv = append(surv, scored{d, ub})
		}
	}
	hits := topK{want: want, ids: rk.ids}
	for i := len(surv)/2 - 1; i >= 0; i-- {
		siftDown(surv, i)
	}
	for len(surv) > 0 {
		top := surv[0]
		if len(hits.h) == want && top.score < hits.h[0].score*(1-margin) {
			break
		}
		hits.push(scored{top.doc, exact(top.doc, search(top.doc))})
		last := len(surv) - 1
		surv[0] = surv[last]
		surv = surv[:last]
		siftDown(surv, 0)
	}
	for _, d := range pw.touched {
		state[d] = 0
		for ci := range cs {
			pw.sum[ci][d], pw.cnt[ci][d] = 0, 0
		}
	}
	clear(bitset)
	return hits.sorted(), total
}

// siftDown restores the max-heap order of h by score below i.
func siftDown(h []scored, i int) {
	for {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(h) && h[l].score > h[m].score {
			m = l
		}
		if r < len(h) && h[r].score > h[m].score {
			m = r
		}
		if m == i {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}

// theta returns the want-th best exact score among the want candidates
// best by their partial scores: a score the page's last hit reaches at
// least.
func (rk *ranker) theta(cand []uint32, partial func(uint32) float64, want int, exact func(uint32, func(*entry) (uint32, bool)) float64,
	search func(uint32) func(*entry) (uint32, bool)) float64 {
	best := topK{want: want, ids: rk.ids}
	for _, d := range cand {
		best.push(scored{d, partial(d)})
	}
	low := math.Inf(1)
	for _, s := range best.h {
		low = min(low, exact(s.doc, search(s.doc)))
	}
	return low
}
