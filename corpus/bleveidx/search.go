package bleveidx

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

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
//
// A query longer than the bounds of planText is built from its kept terms
// instead (boundedQuery), and only a short one is matched as a phrase.
func textQuery(p plan, q string, main string, bigramWeight float64, secondary map[string]float64, phrase bool) query.Query {
	if p.bounded {
		return boundedQuery(p, main, bigramWeight, secondary)
	}
	phrase = phrase && utf8.RuneCountInString(q) <= maxPhraseRunes
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

// normalizedWords returns the distinct words normalised as the index
// analyses them, in order.
func normalizedWords(words []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range words {
		w = strings.ToLower(nlp.NormalizeText(w))
		if w == "" || seen[w] {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out
}

// termsQuery matches words already cut by the index's segmenter (and
// normalised by normalizedWords) without analysing them again: each word
// against the facts (and its character bigrams against the bigram field)
// and, at half weight, the title, as textQuery would for the same words.
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
		add(w, "facts", 1)
		add(w, "title", 0.5)
		if bigramWeight <= 0 {
			continue
		}
		rs := []rune(w)
		for i := 0; i+1 < len(rs); i++ {
			if unicode.Is(unicode.Han, rs[i]) && unicode.Is(unicode.Han, rs[i+1]) && !seen[string(rs[i:i+2])] {
				seen[string(rs[i:i+2])] = true
				add(string(rs[i:i+2]), "facts_cjk", bigramWeight)
			}
		}
	}
	return bleve.NewDisjunctionQuery(dis...)
}

// boundWords keeps at most maxWords of words, the rarest in field of idx,
// so that a long list (the conduct words of long facts) has a bounded cost.
func boundWords(ctx context.Context, idx bleve.Index, field string, words []string) ([]string, error) {
	if len(words) <= maxWords {
		return words, nil
	}
	if len(words) > maxCandidates {
		words = words[:maxCandidates]
	}
	r, err := snapshot(idx)
	if err != nil {
		return nil, fmt.Errorf("bound words: %w", err)
	}
	defer r.Close()
	return telling(ctx, r, field, words, nil, maxWords)
}

// tieSlack is how many hits past the requested window a scored search
// collects so that ties can be broken by ID among them. bleve's own
// "_id" tie-break loads the ID of every matching document (tens of
// thousands for common words) to compare them; ranking by score alone and
// ordering the few top hits by (score, ID) here costs almost nothing and
// gives the same order unless more than tieSlack hits tie at the window's
// edge.
const tieSlack = 20

// scoredHits runs q on idx and returns the hits of the window
// [offset, offset+limit) by score, ties by ID, with the stored fields
// asked for, and the total number of matches. Fields are loaded for the
// window only, by a second search on their IDs.
func scoredHits(ctx context.Context, idx bleve.Index, q query.Query, limit, offset int, fields []string) ([]*search.DocumentMatch, uint64, error) {
	res, err := idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, offset+limit+tieSlack, 0, false))
	if err != nil {
		return nil, 0, err
	}
	hits := res.Hits
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return hits[i].ID < hits[j].ID
	})
	if offset >= len(hits) {
		return nil, res.Total, nil
	}
	hits = hits[offset:]
	if len(hits) > limit {
		hits = hits[:limit]
	}
	hits, err = withFields(ctx, idx, hits, fields)
	return hits, res.Total, err
}

// withFields loads the stored fields of hits, for the window only, from
// the index's stored documents one by one: a search on their IDs (what
// bleve offers) builds a searcher and a collector and visits every field
// of a document once per field asked for. A hit whose document is gone
// (deleted since a ranker's snapshot) is dropped.
func withFields(ctx context.Context, idx bleve.Index, hits []*search.DocumentMatch, fields []string) ([]*search.DocumentMatch, error) {
	if len(fields) == 0 || len(hits) == 0 {
		return hits, nil
	}
	want := make(map[string]bool, len(fields))
	for _, f := range fields {
		want[f] = true
	}
	out := hits[:0]
	for _, h := range hits {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		doc, err := idx.Document(h.ID)
		if err != nil {
			return nil, fmt.Errorf("load %s: %w", h.ID, err)
		}
		if doc == nil {
			continue
		}
		h.Fields = make(map[string]interface{}, len(fields))
		doc.VisitFields(func(f index.Field) {
			name := f.Name()
			if !want[name] {
				return
			}
			switch f := f.(type) {
			case index.TextField:
				h.Fields[name] = f.Text()
			case index.NumericField:
				if n, err := f.Number(); err == nil {
					h.Fields[name] = n
				}
			case index.BooleanField:
				if b, err := f.Boolean(); err == nil {
					h.Fields[name] = b
				}
			}
		})
		out = append(out, h)
	}
	return out, nil
}

// rankedHits is scoredHits by the ranker: the same window of the same
// ranking, from postings in memory, as norm hits without snippets. Their
// stored fields come from the ranker's copy while the index holds its
// segments, else from the index (rankedFields).
//
// hays are the hits' snippetHay of their text when the ranker's copy of
// the stored fields answered (nil otherwise).
func (ix *Index) rankedHits(ctx context.Context, rk *ranker, cs []clause, nq corpus.NormQuery, limit, offset int, fields []string) ([]corpus.NormHit, []string, uint64, error) {
	acc := ix.accs.Get().(*accumulators)
	top, total := rk.score(cs, rk.filter(nq.Law, nq.Category, nq.Region, nq.InForce, nq.From, nq.To), ix.cfg.BM25.K1, offset+limit, acc, true)
	ix.accs.Put(acc)
	if offset >= len(top) {
		return nil, nil, total, nil
	}
	top = top[offset:]
	if out, hays, ok, err := rk.storedHits(ix.norms, top); err != nil || ok {
		return out, hays, total, err
	}
	hits := make([]*search.DocumentMatch, len(top))
	docs := make([]uint32, len(top))
	for i, h := range top {
		hits[i] = &search.DocumentMatch{ID: rk.ids[h.doc], Score: h.score}
		docs[i] = h.doc
	}
	hits, err := rk.rankedFields(ctx, ix.norms, hits, docs, fields)
	if err != nil {
		return nil, nil, 0, err
	}
	out := make([]corpus.NormHit, len(hits))
	for i, h := range hits {
		out[i] = normHit(h)
	}
	return out, nil, total, nil
}

// normHit is the norm hit of h with its stored fields, without snippets.
func normHit(h *search.DocumentMatch) corpus.NormHit {
	f := h.Fields
	inForce, _ := f["in_force"].(bool)
	return corpus.NormHit{
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
		Score:       h.Score,
	}
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

// filtered is the text query q restricted by filters that add nothing to
// the score: a hit scores as q alone, as the ranker computes it, whichever
// filters the officer set (a conjunction would add each filter's own score).
func filtered(q query.Query, filters []query.Query) query.Query {
	if len(filters) == 0 {
		return q
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(q)
	b.AddFilter(build(filters))
	return b
}

func build(must []query.Query) query.Query {
	switch len(must) {
	case 0:
		return bleve.NewMatchAllQuery()
	case 1:
		// A conjunction of one scores as its child, with a searcher more
		// between each hit and the collector.
		return must[0]
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

// caseSnippets are the snippets of a case's facts, then of its title, at
// most maxSnippets in all.
func caseSnippets(facts, title string, marks []string) []string {
	out := snippetsOf(facts, marks, maxSnippets)
	return append(out, snippetsOf(title, marks, maxSnippets-len(out))...)
}

// SearchNorms runs a BM25 search over articles with filters and highlighted
// snippets (<mark>…</mark>). A text query's cost is bounded whatever its
// length (see planText).
func (ix *Index) SearchNorms(ctx context.Context, nq corpus.NormQuery) (corpus.Results[corpus.NormHit], error) {
	return ix.searchNorms(ctx, nq, true)
}

// searchNorms is SearchNorms, by the ranker when there is one and
// useRanker is set (tests compare both ways).
func (ix *Index) searchNorms(ctx context.Context, nq corpus.NormQuery, useRanker bool) (corpus.Results[corpus.NormHit], error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	text := strings.TrimSpace(nq.Q) != ""
	var rk *ranker
	if text && useRanker && ix.cfg.BM25.B == 0 {
		// The ranker computes bleve's scores for b = 0 only; another b
		// (a measurement) is left to bleve.
		rk = ix.ranking()
	}
	key := resultKey(nq)
	if rk != nil {
		if r, ok := rk.results.get(key); ok {
			return r, nil
		}
	}
	var must []query.Query
	var textQ query.Query
	var p plan
	var cs []clause
	secondary := map[string]float64{"title": 0.1, "chapter": 0.1}
	if text {
		var err error
		if p, err = planText(ctx, ix.norms, nq.Q, "text", ix.cfg.BigramWeight > 0, rk); err != nil {
			return corpus.Results[corpus.NormHit]{}, fmt.Errorf("search norms: %w", err)
		}
		cs = clauses(ix, p, nq.Q, "text", ix.cfg.BigramWeight, secondary, true)
		if !rankable(cs) {
			rk = nil
		}
		if rk == nil {
			// bleve's query, built only when bleve answers.
			textQ = textQuery(p, nq.Q, "text", ix.cfg.BigramWeight, secondary, true)
		}
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
	fields := []string{"text", "title", "chapter", "law", "category", "region", "statute_id", "label", "version_date", "in_force", "number", "suffix"}
	var hits []*search.DocumentMatch
	var ranked []corpus.NormHit
	var hays []string
	var total uint64
	var err error
	if rk != nil {
		ranked, hays, total, err = ix.rankedHits(ctx, rk, cs, nq, limit, offset, fields)
	} else if text {
		hits, total, err = scoredHits(ctx, ix.norms, filtered(textQ, must), limit, offset, fields)
	} else {
		// Filters alone score alike: ordered by ID so that pages are
		// stable whatever the segment layout.
		req := bleve.NewSearchRequestOptions(build(must), limit, offset, false)
		req.SortBy([]string{"-_score", "_id"})
		req.Fields = fields
		var res *bleve.SearchResult
		if res, err = ix.norms.SearchInContext(ctx, req); err == nil {
			hits, total = res.Hits, res.Total
		}
	}
	if err != nil {
		return corpus.Results[corpus.NormHit]{}, fmt.Errorf("search norms: %w", err)
	}
	var marks []string
	if !nq.NoSnippets {
		marks = markTerms(p.words)
	}
	out := corpus.Results[corpus.NormHit]{Total: total, Hits: ranked}
	if rk == nil {
		out.Hits = make([]corpus.NormHit, 0, len(hits))
		for _, h := range hits {
			out.Hits = append(out.Hits, normHit(h))
		}
	}
	if out.Hits == nil {
		out.Hits = []corpus.NormHit{}
	}
	sc := snippetScratches.Get().(*snippetScratch)
	for i := range out.Hits {
		if hays != nil {
			out.Hits[i].Snippets = sc.snippetsIn(out.Hits[i].Text, hays[i], marks, maxSnippets)
			continue
		}
		out.Hits[i].Snippets = sc.snippets(out.Hits[i].Text, marks, maxSnippets)
	}
	snippetScratches.Put(sc)
	if rk != nil {
		rk.results.put(key, out)
	}
	return out, nil
}

// SearchCases runs a BM25 search over cases with filters and highlighted
// snippets. A text query's cost is bounded whatever its length (see
// planText), and so is a list of terms (boundWords).
func (ix *Index) SearchCases(ctx context.Context, cq corpus.CaseQuery) (corpus.Results[corpus.CaseHit], error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	var must []query.Query
	var marks []string
	if len(cq.Terms) > 0 {
		words, err := boundWords(ctx, ix.cases, "facts", normalizedWords(cq.Terms))
		if err != nil {
			return corpus.Results[corpus.CaseHit]{}, fmt.Errorf("search cases: %w", err)
		}
		marks = words
		must = append(must, termsQuery(words, ix.cfg.BigramWeight))
	} else if strings.TrimSpace(cq.Q) != "" {
		secondary := map[string]float64{"title": 0.5, "disputes": 0.2, "basis_text": 0.2}
		if cq.Words {
			// A bag of conduct words is matched against what happened and
			// what the case is called; each extra field is a searcher per
			// word.
			secondary = map[string]float64{"title": 0.5}
		}
		p, err := planText(ctx, ix.cases, cq.Q, "facts", ix.cfg.BigramWeight > 0, nil)
		if err != nil {
			return corpus.Results[corpus.CaseHit]{}, fmt.Errorf("search cases: %w", err)
		}
		marks = p.words
		must = append(must, textQuery(p, cq.Q, "facts", ix.cfg.BigramWeight, secondary, !cq.Words))
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
	var fields []string
	if !cq.IDsOnly {
		fields = []string{"id", "title", "sector", "violation_type", "region", "agency", "disposition", "decision_date", "fine", "illustrative"}
	}
	if cq.NoSnippets {
		marks = nil
	} else {
		marks = markTerms(marks)
		fields = append(fields, "facts", "title")
	}
	var hits []*search.DocumentMatch
	var total uint64
	var err error
	if len(must) == 0 || strings.TrimSpace(cq.Q) == "" {
		req := bleve.NewSearchRequestOptions(build(must), limit, offset, false)
		req.Fields = fields
		req.SortBy([]string{"-date_num", "_id"})
		var res *bleve.SearchResult
		if res, err = ix.cases.SearchInContext(ctx, req); err == nil {
			hits, total = res.Hits, res.Total
		}
	} else {
		hits, total, err = scoredHits(ctx, ix.cases, build(must), limit, offset, fields)
	}
	if err != nil {
		return corpus.Results[corpus.CaseHit]{}, fmt.Errorf("search cases: %w", err)
	}
	out := corpus.Results[corpus.CaseHit]{Total: total, Hits: make([]corpus.CaseHit, 0, len(hits))}
	for _, h := range hits {
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
			Snippets:      caseSnippets(str(f, "facts"), str(f, "title"), marks),
			Score:         h.Score,
		})
	}
	return out, nil
}
