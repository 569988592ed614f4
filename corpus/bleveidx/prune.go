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
// query term has an upper bound of what it can add to a document's score
// (its weight at its largest term frequency, three times for a text word
// when the phrase clause may add it twice more); the terms are read from
// the highest bound down, and once the bounds of the terms left sum to
// less than a score already reached by want documents, no document the
// terms left alone would add can enter the page: those terms then only
// mark their documents for the total. The few candidates whose bound can
// still reach the page are then scored exactly, term by term in the
// clauses' order, by the same arithmetic as scoreAll, so that scores and
// order are bit for bit the same.

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
	// ub bounds what the term adds to a document's raw score (its score
	// times the phrase factor).
	ub float64
	// pf is 1, or 1 plus the phrase boost for a word of the main field.
	pf float64
	// pos is where the final scoring stands in docs.
	pos int
}

func (e *entry) value(tf uint32, g func(uint32) float64) float64 {
	if tf < uint32(len(e.wg)) {
		return e.wg[tf]
	}
	return e.w * g(tf)
}

// pruneWork are the per-search arrays of the pruned scorer, pooled with
// the accumulators.
type pruneWork struct {
	raw     []float64
	state   []uint8 // 0 not seen, 1 candidate, 2 filtered out
	bits    []uint64
	touched []uint32
	cand    []uint32
}

func (p *pruneWork) fit(n int) {
	if len(p.raw) != n {
		*p = pruneWork{raw: make([]float64, n), state: make([]uint8, n), bits: make([]uint64, (n+63)/64)}
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
			e := &entry{docs: fp.docs[a:b], tfs: fp.tfs[a:b], w: i * i * c.boost * qn, pf: 1}
			for k := range e.wg {
				e.wg[k] = e.w * gTab[k]
			}
			if phrase != nil && c.field == "text" {
				e.pf += phrase.boost
			}
			e.ub = e.value(fp.maxTF[tn], g) * e.pf
			byClause[ci][ti] = e
			all = append(all, e)
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].ub > all[j].ub })
	// rest[i] is the sum of the bounds of all[i:].
	rest := make([]float64, len(all)+1)
	for i := len(all) - 1; i >= 0; i-- {
		rest[i] = rest[i+1] + all[i].ub
	}
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
	pw.fit(len(rk.ids))
	raw, state, bitset := pw.raw, pw.state, pw.bits
	// theta is a score want kept documents reach (their exact scores):
	// a lower bound of the page's last score.
	theta := math.Inf(-1)
	lastCand := 0
	// margin keeps rounding (raw sums in another order than exact
	// scores) from pruning a document that ties the page's last.
	const margin = 1e-9
	stop := len(all)
	for i, e := range all {
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
			raw[d] += e.value(e.tfs[j], g) * e.pf
		}
		if len(pw.cand) >= want && len(pw.cand) >= 2*lastCand {
			lastCand = len(pw.cand)
			theta = max(theta, rk.theta(pw.cand, raw, want, exact, search))
		}
		if rest[i+1] < theta*(1-margin) {
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
	// The candidates that can still reach the page, in document order so
	// that each term's postings are walked forward once.
	left := rest[stop]
	surv := pw.cand[:0:0]
	for _, d := range pw.cand {
		if raw[d]+left >= theta*(1-margin) {
			surv = append(surv, d)
		}
	}
	sort.Slice(surv, func(i, j int) bool { return surv[i] < surv[j] })
	hits := topK{want: want, ids: rk.ids}
	for _, d := range surv {
		hits.push(scored{d, exact(d, func(e *entry) (uint32, bool) {
			i := e.pos
			if i < len(e.docs) && e.docs[i] < d {
				// Gallop to a bound, then search the last step.
				lo, step, hi := i, 1, i+1
				for hi < len(e.docs) && e.docs[hi] < d {
					lo, step = hi, step*2
					hi = lo + step
				}
				hi = min(hi, len(e.docs))
				i = lo + 1 + sort.Search(hi-lo-1, func(k int) bool { return e.docs[lo+1+k] >= d })
			}
			e.pos = i
			if i < len(e.docs) && e.docs[i] == d {
				return e.tfs[i], true
			}
			return 0, false
		})})
	}
	for _, d := range pw.touched {
		raw[d], state[d] = 0, 0
	}
	clear(bitset)
	return hits.sorted(), total
}

// theta returns the want-th best exact score among the want candidates
// of highest raw score: a score the page's last hit reaches at least.
func (rk *ranker) theta(cand []uint32, raw []float64, want int, exact func(uint32, func(*entry) (uint32, bool)) float64,
	search func(uint32) func(*entry) (uint32, bool)) float64 {
	best := topK{want: want, ids: rk.ids}
	for _, d := range cand {
		best.push(scored{d, raw[d]})
	}
	low := math.Inf(1)
	for _, s := range best.h {
		low = min(low, exact(s.doc, search(s.doc)))
	}
	return low
}
