package caseanalysis

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// caseQueryRunes bounds the text sent to case search: the opening of a
// narrative says what happened; the rest adds cost, not precision.
const caseQueryRunes = 600

func truncateRunes(s string, n int) string {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos]
		}
		i++
	}
	return s
}

// similar finds the n cases most like the facts, with their full records.
func (a *Analyzer) similar(ctx context.Context, qy query, text string, sector legal.Sector, n int) ([]similarCase, error) {
	if a.cfg.Cases == nil {
		return nil, nil
	}
	words := a.match.caseQuery(qy)
	ci, err := a.memCases()
	if err != nil {
		return nil, fmt.Errorf("search similar cases: %w", err)
	}
	if ci != nil && !ci.tooMany {
		return a.searchMemCases(ctx, ci, words, qy.norm, sector, n)
	}
	q := corpus.CaseQuery{Q: strings.Join(words, " "), Terms: words, Sector: sector, Limit: n, NoSnippets: true, Words: true, IDsOnly: a.cfg.CaseStore != nil}
	if len(words) == 0 {
		// A dictionary-free segmenter yields no words: send the opening.
		q.Q, q.Words = truncateRunes(text, caseQueryRunes), false
	}
	res, err := a.cfg.Cases.SearchCases(ctx, q, a.cfg.Mode)
	if errors.Is(err, corpus.ErrNoVectors) && a.cfg.Mode != corpus.ModeBM25 {
		res, err = a.cfg.Cases.SearchCases(ctx, q, corpus.ModeBM25)
	}
	if err != nil {
		return nil, fmt.Errorf("search similar cases: %w", err)
	}
	out := make([]similarCase, 0, len(res.Hits))
	for _, h := range res.Hits {
		sc := similarCase{hit: h, c: &noCase}
		if a.cfg.CaseStore != nil {
			c, ok := a.storedCase(h.ID)
			if !ok {
				continue // deleted since it was indexed
			}
			sc.c = &c
			if q.IDsOnly {
				sc.hit = corpus.HitOf(c)
				sc.hit.Score = h.Score
			}
		}
		out = append(out, sc)
	}
	return out, nil
}

// fusionDepth is how many cases each ranking contributes to fusion.
const fusionDepth = 50

// searchMemCases ranks the cases held in memory: by BM25 alone, or in the
// vector and hybrid modes fused with the cases nearest by vector when
// Cases can find them (NearCaseFinder).
func (a *Analyzer) searchMemCases(ctx context.Context, ci *caseIndex, words []string, norm string, sector legal.Sector, n int) ([]similarCase, error) {
	terms := ci.caseTerms(words, norm)
	finder, ok := a.cfg.Cases.(NearCaseFinder)
	if !ok || a.Mode() == corpus.ModeBM25 {
		return ci.search(terms, sector, n), nil
	}
	var lexical []caseHit
	if a.Mode() != corpus.ModeVector {
		lexical = ci.rank(terms, sector, max(n, fusionDepth))
	}
	text := strings.Join(words, " ")
	if len(words) == 0 {
		text = truncateRunes(norm, caseQueryRunes)
	}
	near, err := finder.NearestCases(ctx, text, corpus.CaseQuery{Sector: sector, Terms: words, Words: len(words) > 0}, max(n, fusionDepth))
	if errors.Is(err, corpus.ErrNoVectors) {
		if lexical == nil { // vector mode: nothing ranked yet
			return ci.search(terms, sector, n), nil
		}
		return ci.similar(lexical[:min(n, len(lexical))]), nil
	}
	if err != nil {
		return nil, fmt.Errorf("search similar cases: %w", err)
	}
	return ci.fuse(lexical, near, n), nil
}

// memCases returns the in-memory case index for the current corpus
// generation, building it when the corpus has changed; nil when cases are
// searched elsewhere (no lister, MemCases < 0).
func (a *Analyzer) memCases() (*caseIndex, error) {
	lister, ok := a.cfg.CaseStore.(CaseLister)
	if !ok || a.cfg.MemCases < 0 {
		return nil, nil
	}
	a.cacheMu.Lock()
	gen, ci := a.cacheGen, a.caseIdx
	a.cacheMu.Unlock()
	if ci != nil && ci.gen == gen {
		return ci, nil
	}
	a.buildMu.Lock()
	defer a.buildMu.Unlock()
	a.cacheMu.Lock()
	gen, ci = a.cacheGen, a.caseIdx
	a.cacheMu.Unlock()
	if ci != nil && ci.gen == gen {
		return ci, nil // built while this request waited
	}
	ci, err := buildCaseIndex(gen, lister, a.cfg.Segmenter, a.cfg.MemCases)
	if err != nil {
		return nil, err
	}
	a.cacheMu.Lock()
	a.caseIdx = ci
	a.cacheMu.Unlock()
	return ci, nil
}

// similarOut describes the n best similar cases: what they share with this
// one and how their fine sits against this case's suggested range.
func (a *Analyzer) similarOut(cases []similarCase, x nlp.Extraction, vs []Violation, n int) []SimilarCase {
	out := make([]SimilarCase, 0, min(n, len(cases)))
	top := 0.0
	if len(cases) > 0 {
		top = cases[0].hit.Score
	}
	for _, sc := range cases {
		if len(out) == n {
			break
		}
		c := *sc.c
		s := SimilarCase{ID: sc.hit.ID, Title: sc.hit.Title, Sector: sc.hit.Sector, ViolationType: sc.hit.ViolationType,
			Disposition: sc.hit.Disposition, DecisionDate: sc.hit.DecisionDate, Penalty: c.Penalty, Basis: nonNil(c.Basis),
			Disputes: c.Disputes, Outcome: c.Outcome, Illustrative: sc.hit.Illustrative, Matched: []string{}}
		if top > 0 {
			// Relative to the best hit: search scores have no absolute scale.
			s.Score = round3(sc.hit.Score / top)
		}
		s.Benchmarks = a.caseBenchmarks(c)
		for _, id := range s.Benchmarks {
			v := lastViolation(vs, id)
			if v == nil {
				continue
			}
			s.Matched = append(s.Matched, "违法行为相同："+v.Name)
			if v.Suggestion != nil && v.Suggestion.Suggested != nil && s.Comparison == nil && c.Penalty.Fine > 0 {
				s.Comparison = compare(id, c.Penalty.Fine, *v.Suggestion.Suggested)
			}
		}
		s.Matched = append(s.Matched, sharedFacts(x, a.caseFacts(c))...)
		out = append(out, s)
	}
	return out
}

// lastViolation is the last of vs with benchmark id, or nil: a scan of
// the few violations an answer lists, where a map of copies of them (each
// some 400 bytes) was built for every request.
func lastViolation(vs []Violation, id string) *Violation {
	for i := len(vs) - 1; i >= 0; i-- {
		if vs[i].BenchmarkID == id {
			return &vs[i]
		}
	}
	return nil
}

func compare(id string, fine float64, r rules.Range) *PenaltyComparison {
	pc := &PenaltyComparison{BenchmarkID: id, CaseFine: fine}
	switch {
	case fine < r.FineMin:
		pc.Position = "below"
		pc.Note = fmt.Sprintf("该类案罚款 %s 元，低于本案建议幅度下限 %s 元", yuan(fine), yuan(r.FineMin))
	case fine > r.FineMax:
		pc.Position = "above"
		pc.Note = fmt.Sprintf("该类案罚款 %s 元，高于本案建议幅度上限 %s 元", yuan(fine), yuan(r.FineMax))
	default:
		pc.Position = "within"
		pc.Note = fmt.Sprintf("该类案罚款 %s 元，在本案建议幅度 %s 至 %s 元之内", yuan(fine), yuan(r.FineMin), yuan(r.FineMax))
	}
	return pc
}

func yuan(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.2f", v)
}

// storedCase reads a case from the store, cached per corpus generation.
func (a *Analyzer) storedCase(id string) (corpus.Case, bool) {
	c, err := cached(a, &a.cases, id, maxCachedCases, func() (corpus.Case, error) { return a.cfg.CaseStore.Case(id) })
	return c, err == nil
}

// maxCachedCases bounds each per-case cache.
const maxCachedCases = 20000

// caseFacts extracts a stored case's facts once per corpus generation.
func (a *Analyzer) caseFacts(c corpus.Case) nlp.Extraction {
	x, _ := cached(a, &a.extracts, c.ID, maxCachedCases, func() (nlp.Extraction, error) { return nlp.Extract(c.Facts), nil })
	return x
}

// sharedFacts lists the money roles and circumstances a similar case's
// facts share with this case's, in words an officer reads.
func sharedFacts(mine, theirs nlp.Extraction) []string {
	roles := map[string]bool{}
	for _, t := range mine.Totals {
		roles[t.Role] = true
	}
	flags := map[string]bool{}
	for _, c := range mine.Circumstances {
		if mine.Flag(c.Name) {
			flags[c.Name] = true
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, t := range theirs.Totals {
		if t.Role != "" && roles[t.Role] && !seen[t.Role] {
			seen[t.Role] = true
			out = append(out, "均涉及"+t.Role)
		}
	}
	for _, c := range theirs.Circumstances {
		if l := circumstanceLabels[c.Name]; l != "" && flags[c.Name] && theirs.Flag(c.Name) && !seen[l] {
			seen[l] = true
			out = append(out, "情节相同："+l)
		}
	}
	return out
}
