package bleveidx

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
)

func term(field, v string) query.Query {
	q := bleve.NewTermQuery(v)
	q.SetField(field)
	return q
}

func dateRange(field, from, to string) query.Query {
	var lo, hi *float64
	if from != "" {
		v := dateNum(from)
		lo = &v
	}
	if to != "" {
		v := dateNum(to)
		hi = &v
	}
	t := true
	q := bleve.NewNumericRangeInclusiveQuery(lo, hi, &t, &t)
	q.SetField(field)
	return q
}

// textQuery matches q against the main field and, with small boosts, the
// secondary ones. Words are OR-ed: BM25 ranks documents that contain more of
// the query words, and rarer ones, first, which suits officers typing a short
// description; a phrase match on the main field adds on top, so an article
// that contains the officer's words in order wins. Secondary fields (a
// statute's title repeats on every article) only break ties: weighted
// equally they would rank every article of 机动车驾驶证申领和使用规定 above
// 道路交通安全法 第九十一条 for 醉酒驾驶机动车.
func textQuery(q string, main string, bigramWeight float64, secondary map[string]float64, phrase bool) query.Query {
	m := bleve.NewMatchQuery(q)
	m.SetField(main)
	m.Analyzer = Analyzer
	dis := []query.Query{m}
	if phrase {
		p := bleve.NewMatchPhraseQuery(q)
		p.SetField(main)
		p.Analyzer = Analyzer
		p.SetBoost(2)
		dis = append(dis, p)
	}
	if bigramWeight > 0 {
		b := bleve.NewMatchQuery(q)
		b.SetField(main + "_cjk")
		b.Analyzer = cjk.AnalyzerName
		b.SetBoost(bigramWeight)
		dis = append(dis, b)
	}
	for field, boost := range secondary {
		s := bleve.NewMatchQuery(q)
		s.SetField(field)
		s.Analyzer = Analyzer
		s.SetBoost(boost)
		dis = append(dis, s)
	}
	return bleve.NewDisjunctionQuery(dis...)
}

// termsQuery matches words already cut by the index's segmenter without
// analysing them again: each word against the facts (and its character
// bigrams against the bigram field) and, at half weight, the title, as
// textQuery would for the same words.
func termsQuery(words []string, bigramWeight float64) query.Query {
	var dis []query.Query
	add := func(t, field string, boost float64) {
		q := bleve.NewTermQuery(t)
		q.SetField(field)
		q.SetBoost(boost)
		dis = append(dis, q)
	}
	seen := map[string]bool{}
	for _, w := range words {
		w = strings.ToLower(nlp.NormalizeText(w))
		if w == "" || seen[w] {
			continue
		}
		seen[w] = true
		add(w, "facts", 1)
		add(w, "title", 0.5)
		if bigramWeight <= 0 {
			continue
		}
		rs := []rune(w)
		for i := 0; i+1 < len(rs); i++ {
			if unicode.Is(unicode.Han, rs[i]) && unicode.Is(unicode.Han, rs[i+1]) && !seen["\x00"+string(rs[i:i+2])] {
				seen["\x00"+string(rs[i:i+2])] = true
				add(string(rs[i:i+2]), "facts_cjk", bigramWeight)
			}
		}
	}
	return bleve.NewDisjunctionQuery(dis...)
}

func limits(limit, offset int) (int, int) {
	if limit <= 0 {
		limit = 10
	}
	if limit > 100 {
		limit = 100
	}
	if offset < 0 {
		offset = 0
	}
	return limit, offset
}

func build(must []query.Query) query.Query {
	if len(must) == 0 {
		return bleve.NewMatchAllQuery()
	}
	return bleve.NewConjunctionQuery(must...)
}

func str(fields map[string]interface{}, k string) string {
	s, _ := fields[k].(string)
	return s
}

func num(fields map[string]interface{}, k string) float64 {
	f, _ := fields[k].(float64)
	return f
}

func snippets(frags map[string][]string, fields ...string) []string {
	var out []string
	for _, f := range fields {
		out = append(out, frags[f]...)
	}
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}

// SearchNorms runs a BM25 search over articles with filters and highlighted
// snippets (<mark>…</mark>).
func (ix *Index) SearchNorms(ctx context.Context, nq corpus.NormQuery) (corpus.Results[corpus.NormHit], error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	var must []query.Query
	if strings.TrimSpace(nq.Q) != "" {
		must = append(must, textQuery(nq.Q, "text", ix.cfg.BigramWeight, map[string]float64{"title": 0.1, "chapter": 0.1}, true))
	}
	if nq.Law != "" {
		must = append(must, term("law", nq.Law))
	}
	if nq.Category != "" {
		must = append(must, term("category", nq.Category))
	}
	if nq.Region != "" {
		must = append(must, term("region", nq.Region))
	}
	if nq.InForce != nil {
		b := bleve.NewBoolFieldQuery(*nq.InForce)
		b.SetField("in_force")
		must = append(must, b)
	}
	if nq.From != "" || nq.To != "" {
		must = append(must, dateRange("version_num", nq.From, nq.To))
	}
	limit, offset := limits(nq.Limit, nq.Offset)
	q := build(must)
	req := bleve.NewSearchRequestOptions(q, limit, offset, false)
	// Ties broken by ID so equal scores come back in the same order
	// whatever the segment layout.
	req.SortBy([]string{"-_score", "_id"})
	req.Fields = []string{"text", "title", "chapter", "law", "category", "region", "statute_id", "label", "version_date", "in_force", "number", "suffix"}
	if !nq.NoSnippets {
		req.Highlight = bleve.NewHighlightWithStyle("html")
		req.Highlight.AddField("text")
	}
	start := time.Now()
	res, err := ix.norms.SearchInContext(ctx, req)
	if err != nil {
		return corpus.Results[corpus.NormHit]{}, fmt.Errorf("search norms: %w", err)
	}
	_ = start
	out := corpus.Results[corpus.NormHit]{Total: res.Total, Hits: make([]corpus.NormHit, 0, len(res.Hits))}
	for _, h := range res.Hits {
		f := h.Fields
		inForce, _ := f["in_force"].(bool)
		out.Hits = append(out.Hits, corpus.NormHit{
			StatuteID:   str(f, "statute_id"),
			Law:         str(f, "law"),
			Title:       str(f, "title"),
			Category:    str(f, "category"),
			Region:      str(f, "region"),
			VersionDate: str(f, "version_date"),
			InForce:     inForce,
			Number:      int(num(f, "number")),
			Suffix:      int(num(f, "suffix")),
			Label:       str(f, "label"),
			Chapter:     str(f, "chapter"),
			Text:        str(f, "text"),
			Snippets:    snippets(h.Fragments, "text"),
			Score:       h.Score,
		})
	}
	return out, nil
}

// SearchCases runs a BM25 search over cases with filters and highlighted
// snippets.
func (ix *Index) SearchCases(ctx context.Context, cq corpus.CaseQuery) (corpus.Results[corpus.CaseHit], error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	var must []query.Query
	if len(cq.Terms) > 0 {
		must = append(must, termsQuery(cq.Terms, ix.cfg.BigramWeight))
	} else if strings.TrimSpace(cq.Q) != "" {
		secondary := map[string]float64{"title": 0.5, "disputes": 0.2, "basis_text": 0.2}
		if cq.Words {
			// A bag of conduct words is matched against what happened and
			// what the case is called; each extra field is a searcher per
			// word.
			secondary = map[string]float64{"title": 0.5}
		}
		must = append(must, textQuery(cq.Q, "facts", ix.cfg.BigramWeight, secondary, !cq.Words))
	}
	for field, v := range map[string]string{"sector": string(cq.Sector), "violation_type": cq.ViolationType, "region": cq.Region, "disposition": string(cq.Disposition), "agency": cq.Agency} {
		if v != "" {
			must = append(must, term(field, v))
		}
	}
	if cq.From != "" || cq.To != "" {
		must = append(must, dateRange("date_num", cq.From, cq.To))
	}
	limit, offset := limits(cq.Limit, cq.Offset)
	req := bleve.NewSearchRequestOptions(build(must), limit, offset, false)
	if !cq.IDsOnly {
		req.Fields = []string{"id", "title", "sector", "violation_type", "region", "agency", "disposition", "decision_date", "fine", "illustrative"}
	}
	if !cq.NoSnippets {
		req.Highlight = bleve.NewHighlightWithStyle("html")
		req.Highlight.AddField("facts")
		req.Highlight.AddField("title")
	}
	if len(must) == 0 || strings.TrimSpace(cq.Q) == "" {
		req.SortBy([]string{"-date_num", "_id"})
	} else {
		req.SortBy([]string{"-_score", "_id"})
	}
	res, err := ix.cases.SearchInContext(ctx, req)
	if err != nil {
		return corpus.Results[corpus.CaseHit]{}, fmt.Errorf("search cases: %w", err)
	}
	out := corpus.Results[corpus.CaseHit]{Total: res.Total, Hits: make([]corpus.CaseHit, 0, len(res.Hits))}
	for _, h := range res.Hits {
		f := h.Fields
		ill, _ := f["illustrative"].(bool)
		out.Hits = append(out.Hits, corpus.CaseHit{
			ID:            h.ID,
			Title:         str(f, "title"),
			Sector:        legal.Sector(str(f, "sector")),
			ViolationType: str(f, "violation_type"),
			Region:        str(f, "region"),
			Agency:        str(f, "agency"),
			Disposition:   legal.Disposition(str(f, "disposition")),
			DecisionDate:  str(f, "decision_date"),
			Fine:          num(f, "fine"),
			Illustrative:  ill,
			Snippets:      snippets(h.Fragments, "facts", "title"),
			Score:         h.Score,
		})
	}
	return out, nil
}
