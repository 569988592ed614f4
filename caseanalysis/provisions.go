package caseanalysis

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// Provision-level matching: the articles of the core laws that impose a
// fine but have no hand-written benchmark (rules/provisions) are matched by
// the statute's own conduct words, and answered with the statutory range
// only (rules.ProvisionLabel). Everything is indexed once in New; a request
// costs one BM25 pass over the postings of its terms.

// ProvisionMatch is a provision-level entry that fits the facts: its
// citation, the conduct it punishes and the fine the statute sets.
type ProvisionMatch struct {
	legal.Ref
	// Label is the citation as printed (道路运输条例第六十八条).
	Label string `json:"label"`
	// Kind says what the answer rests on: 法定幅度，尚无裁量基准.
	Kind    string `json:"kind"`
	Conduct string `json:"conduct"`
	// Version is the date of the statute version the entry was read from.
	Version string   `json:"version"`
	Score   float64  `json:"score"`
	Matched []string `json:"matched"`
	// Fines are the statute's fines, one per condition.
	Fines []ProvisionFine `json:"fines"`
	// Unparsed says why no formula is given (the statute names no amount).
	Unparsed string `json:"unparsed,omitempty"`
}

// ProvisionFine is one fine of a provision: the statute's formula, and the
// range in yuan when it is fixed or the facts give its base; otherwise the
// fact to establish.
type ProvisionFine struct {
	When    string      `json:"when,omitempty"`
	Formula string      `json:"formula"`
	Range   *rules.Span `json:"range,omitempty"`
	// Applies is false when the facts' base falls outside the bracket.
	Applies bool `json:"applies"`
	// Establish names the fact the range depends on when it is not given.
	Establish string `json:"establish,omitempty"`
}

// provisionMatcher indexes the conduct words of the entries no benchmark covers.
type provisionMatcher struct {
	entries []*rules.Provision
	// formulas are each entry's tiers written out once (rules.FineTier.Formula).
	formulas [][]string
	index    bm25
	// scores recycles the per-request score slice (one slot per entry).
	scores sync.Pool
}

// provisionTop bounds the provisions listed; provisionMin is the least
// normalised lexical score (s/(s+lexicalHalf)) a provision needs beside
// benchmarks (and it must reach the best benchmark's score too: a provision
// is an alternative to a weak match, not noise next to a strong one), and
// provisionAlone the least when no benchmark matched at all. provisionShare
// is how close to the best provision the others must score.
const (
	provisionTop   = 3
	provisionMin   = 0.6
	provisionAlone = 0.4
	provisionShare = 0.85
)

func newProvisionMatcher(ps *rules.Provisions, seg nlp.Segmenter) *provisionMatcher {
	m := &provisionMatcher{}
	if ps == nil {
		return m
	}
	var docs []termDoc
	for _, p := range ps.All() {
		// Covered entries answer through their benchmarks; entries whose
		// conduct is a reference (有前款第一项…) carry no conduct words.
		if len(p.Benchmarks) > 0 || strings.Contains(p.Conduct, "前款") {
			continue
		}
		d := newTermDoc()
		d.head = map[string]bool{}
		for _, t := range terms(seg, p.Conduct) {
			d.tf[t] += headWeight
			if !strings.HasPrefix(t, bigramMark) {
				d.head[t] = true
			}
		}
		for _, t := range terms(seg, p.Ref().Law) {
			d.tf[t]++
		}
		fs := make([]string, len(p.Fine))
		for i, t := range p.Fine {
			fs[i] = t.Formula()
		}
		m.entries = append(m.entries, p)
		m.formulas = append(m.formulas, fs)
		docs = append(docs, d)
	}
	m.index = newBM25(docs, bm25Params{k1: bm25K1, b: bm25B, bigramScale: bigramWeight})
	n := len(m.entries)
	m.scores.New = func() any { s := make([]float64, n); return &s }
	return m
}

// match lists the best provisions for the query: those scoring at least
// provisionMin and the best violation's score, or provisionAlone when no
// benchmark matched, and within provisionShare of the best, best first;
// with a sector, only provisions of laws that sector applies.
func (m *provisionMatcher) match(q query, sector legal.Sector, ef rules.Facts, vs []Violation) []ProvisionMatch {
	if len(m.entries) == 0 {
		return []ProvisionMatch{}
	}
	qt := m.index.query()
	for _, tk := range q.tokens {
		if isTerm(tk.Text) {
			qt.word(tk.Text)
		}
	}
	qt.bigrams(q.norm)
	buf := m.scores.Get().(*[]float64)
	scores := *buf
	clear(scores)
	defer m.scores.Put(buf)
	var heads []headMatch
	qt.scores(scores, func(doc int, t string) { heads = append(heads, headMatch{doc, t}) })
	floor := provisionAlone
	if len(vs) > 0 {
		floor = max(provisionMin, vs[0].Score)
	}
	type hit struct {
		doc   int
		score float64
	}
	var top []hit
	for i, s := range scores {
		if s == 0 || sector != "" && !m.entries[i].InSector(sector) {
			continue
		}
		n := s / (s + lexicalHalf)
		if n < floor {
			continue
		}
		h := hit{i, n}
		at, _ := slices.BinarySearchFunc(top, h, func(a, b hit) int {
			if a.score != b.score {
				return cmp.Compare(b.score, a.score)
			}
			return cmp.Compare(a.doc, b.doc)
		})
		if at == provisionTop {
			continue
		}
		top = slices.Insert(top, at, h)
		if len(top) > provisionTop {
			top = top[:provisionTop]
		}
	}
	out := make([]ProvisionMatch, 0, len(top))
	for _, h := range top {
		if h.score < provisionShare*top[0].score {
			break
		}
		p := m.entries[h.doc]
		r := p.Ref()
		pm := ProvisionMatch{Ref: r, Label: rules.RefLabel(r), Kind: rules.ProvisionLabel, Conduct: p.Conduct,
			Version: p.Version(), Score: round3(h.score), Matched: nonNil(matchedTerms(heads, h.doc)),
			Fines: provisionFines(p, m.formulas[h.doc], ef), Unparsed: p.Unparsed}
		out = append(out, pm)
	}
	return out
}

// provisionFines states each tier with its range when the facts allow.
func provisionFines(p *rules.Provision, formulas []string, ef rules.Facts) []ProvisionFine {
	out := make([]ProvisionFine, 0, len(p.Fine))
	for i, t := range p.Fine {
		f := ProvisionFine{When: t.When, Formula: formulas[i], Applies: true}
		name := t.Base
		if t.PerUnit != nil {
			name = t.Unit
		}
		base, known := 0.0, false
		if name != "" {
			base, known = ef.Amount(name)
		}
		if span, ok := t.FineFor(base, known); ok {
			f.Range = &span
		} else if known {
			f.Applies = false
		} else if name != "" {
			label := rules.ProvisionBaseLabel(name)
			if label == "" {
				label = name
			}
			f.Establish = "需查明" + label
		}
		out = append(out, f)
	}
	return out
}
