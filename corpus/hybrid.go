package corpus

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// SearchMode says how a search ranks: by BM25 over the full-text index,
// by nearness of embedded vectors, or by both fused. Every entry point (HTTP
// parameter, command-line flag, eval) reads it through ParseSearchMode.
type SearchMode string

// The search modes.
const (
	ModeBM25   SearchMode = "bm25"
	ModeVector SearchMode = "vector"
	ModeHybrid SearchMode = "hybrid"
)

// SearchModes lists the search modes in reporting order, as a new slice.
func SearchModes() []SearchMode { return []SearchMode{ModeBM25, ModeVector, ModeHybrid} }

// ParseSearchMode returns the mode named s; empty means ModeBM25. It
// returns ErrBadMode (wrapped, naming s and the known modes) otherwise.
func ParseSearchMode(s string) (SearchMode, error) {
	switch m := SearchMode(s); m {
	case "":
		return ModeBM25, nil
	case ModeBM25, ModeVector, ModeHybrid:
		return m, nil
	}
	return "", fmt.Errorf("%w %q (bm25, vector, hybrid)", ErrBadMode, s)
}

// Dense reports whether the mode searches vectors (vector or hybrid).
func (m SearchMode) Dense() bool { return m == ModeVector || m == ModeHybrid }

// Collection names in the vector store.
const (
	collNorms = "norms"
	collCases = "cases"
)

// rrfK is the reciprocal rank fusion constant of Cormack et al. (2009).
const rrfK = 60

// ErrNoVectors is returned for vector or hybrid search when no vector store
// and embedder are configured.
var ErrNoVectors = errors.New("vector search is not configured")

// ErrBadMode is returned for an unknown search mode.
var ErrBadMode = errors.New("unknown search mode")

// Vectors configures dense retrieval: a store, an embedder and the spec of
// the embedder's vectors.
type Vectors struct {
	Store    VectorStore
	Embedder Embedder
	Spec     CollectionSpec
}

// SetVectors enables vector and hybrid search. It must be called before
// concurrent use; SyncVectors then embeds what is missing.
func (l *Library) SetVectors(v *Vectors) { l.vectors = v }

// Vectors returns the dense retrieval set-up, nil when it is off.
func (l *Library) Vectors() *Vectors { return l.vectors }

// VectorsEnabled reports whether vector search is configured.
func (l *Library) VectorsEnabled() bool { return l.vectors != nil }

func normVectorID(statuteID string, a Article) string {
	return statuteID + "#" + strconv.Itoa(a.Number) + "-" + strconv.Itoa(a.Suffix)
}

func parseNormVectorID(id string) (string, ArticleKey, bool) {
	st, rest, ok := strings.Cut(id, "#")
	if !ok {
		return "", ArticleKey{}, false
	}
	n, s, ok := strings.Cut(rest, "-")
	if !ok {
		return "", ArticleKey{}, false
	}
	num, err1 := strconv.Atoi(n)
	suf, err2 := strconv.Atoi(s)
	if err1 != nil || err2 != nil {
		return "", ArticleKey{}, false
	}
	return st, ArticleKey{Number: num, Suffix: suf}, true
}

func normMeta(info StatuteInfo) map[string]string {
	return map[string]string{"law": info.Law, "category": info.Category, "region": info.Region, "in_force": strconv.FormatBool(info.InForce), "version_date": info.VersionDate}
}

func caseMeta(c Case) map[string]string {
	return map[string]string{"sector": string(c.Sector), "violation_type": c.ViolationType, "region": c.Region, "disposition": string(c.Disposition), "agency": c.Agency, "decision_date": c.DecisionDate}
}

// ArticleIndexText is the text a statute article stands for in the vector
// index and in an embedder's training set: the law's short name, a space and
// the article's paragraphs. SyncVectors embeds exactly this, and
// TrainingTexts trains on it, so a model never learns from other text than
// it embeds.
func ArticleIndexText(law string, a Article) string { return law + " " + a.Text() }

// CaseIndexText is the text a case stands for in the vector index and in an
// embedder's training set: its title and facts (see ArticleIndexText).
func CaseIndexText(c Case) string { return c.Title + "\n" + c.Facts }

// TrainingTexts returns the texts an embedder of this library is trained
// on: the ArticleIndexText of every searchable article in force and the
// CaseIndexText of every case, in store order. It returns the store's
// errors, wrapped.
func (l *Library) TrainingTexts() ([]string, error) {
	keep := l.searchable()
	var texts []string
	for _, info := range l.store.StatuteInfos() {
		if !info.InForce || !keep[info.ID] {
			continue
		}
		err := l.store.Articles(info.ID, func(a Article) error {
			texts = append(texts, ArticleIndexText(info.Law, a))
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("training texts: %w", err)
		}
	}
	err := l.store.Cases(func(c Case) error {
		texts = append(texts, CaseIndexText(c))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("training texts: %w", err)
	}
	return texts, nil
}

// TrainingSize is len(TrainingTexts()) counted from the store's metadata,
// without reading the texts: the embedding policy compares it with the
// size a model was trained on. It returns the store's errors, wrapped.
func (l *Library) TrainingSize() (int, error) {
	keep := l.searchable()
	n := 0
	for _, info := range l.store.StatuteInfos() {
		if info.InForce && keep[info.ID] {
			n += info.ArticleCount
		}
	}
	cases, err := l.store.CaseCount()
	if err != nil {
		return 0, fmt.Errorf("training size: %w", err)
	}
	return n + cases, nil
}

// ensureCollection creates a collection or, when it was built by another
// embedder or dimension, drops it so that everything is embedded again:
// vectors of two embedders are never mixed.
func (l *Library) ensureCollection(ctx context.Context, name string) (bool, error) {
	v := l.vectors
	err := v.Store.EnsureCollection(ctx, name, v.Spec)
	if errors.Is(err, ErrSpecMismatch) {
		l.log.Warn("embedder or dimension changed: re-embedding collection", "collection", name, "spec", v.Spec.Embedder, "dim", v.Spec.Dim)
		if err := v.Store.DropCollection(ctx, name); err != nil {
			return false, err
		}
		return true, v.Store.EnsureCollection(ctx, name, v.Spec)
	}
	return false, err
}

type pending struct {
	id   string
	text string
	meta map[string]string
}

func (l *Library) embedBatch(ctx context.Context, coll string, items []pending) error {
	texts := make([]string, len(items))
	for i, it := range items {
		texts[i] = it.text
	}
	vecs, err := l.vectors.Embedder.EmbedDocuments(ctx, texts)
	if err != nil {
		return fmt.Errorf("embed %s: %w", coll, err)
	}
	if len(vecs) != len(items) {
		return fmt.Errorf("embed %s: %d vectors for %d texts", coll, len(vecs), len(items))
	}
	recs := make([]VectorRecord, len(items))
	for i, it := range items {
		recs[i] = VectorRecord{ID: it.id, Vector: vecs[i], Meta: it.meta}
	}
	return l.vectors.Store.Upsert(ctx, coll, recs)
}

// SyncVectors embeds every searchable article and every case that the vector
// store lacks (and re-embeds the statutes listed in refresh, whose text or
// in-force flag changed). An interrupted run resumes where it stopped: IDs
// already stored are skipped, and upserts never duplicate.
func (l *Library) SyncVectors(ctx context.Context, refresh []string) error {
	if l.vectors == nil {
		return nil
	}
	const batch = 256
	for _, coll := range []string{collNorms, collCases} {
		if _, err := l.ensureCollection(ctx, coll); err != nil {
			return fmt.Errorf("sync vectors: %w", err)
		}
	}
	have := map[string]bool{}
	ids, err := l.vectors.Store.IDs(ctx, collNorms)
	if err != nil {
		return fmt.Errorf("sync vectors: %w", err)
	}
	for _, id := range ids {
		have[id] = true
	}
	again := map[string]bool{}
	for _, id := range refresh {
		again[id] = true
	}
	keep := l.searchable()
	var todo []pending
	total, done, added := 0, 0, map[string]int{}
	for _, info := range l.store.StatuteInfos() {
		if keep[info.ID] {
			total += info.ArticleCount
		}
	}
	flush := func() error {
		if len(todo) == 0 {
			return nil
		}
		if err := l.embedBatch(ctx, collNorms, todo); err != nil {
			return err
		}
		done += len(todo)
		added[collNorms] += len(todo)
		todo = todo[:0]
		l.report("vectors", done, total)
		return nil
	}
	for _, info := range l.store.StatuteInfos() {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !keep[info.ID] {
			continue
		}
		meta := normMeta(info)
		err := l.store.Articles(info.ID, func(a Article) error {
			id := normVectorID(info.ID, a)
			if have[id] && !again[info.ID] {
				done++
				return nil
			}
			todo = append(todo, pending{id: id, text: ArticleIndexText(info.Law, a), meta: meta})
			if len(todo) >= batch {
				return flush()
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("sync vectors: %w", err)
		}
	}
	if err := flush(); err != nil {
		return fmt.Errorf("sync vectors: %w", err)
	}
	caseIDs, err := l.vectors.Store.IDs(ctx, collCases)
	if err != nil {
		return fmt.Errorf("sync vectors: %w", err)
	}
	haveCase := map[string]bool{}
	for _, id := range caseIDs {
		haveCase[id] = true
	}
	var cases []pending
	err = l.store.Cases(func(c Case) error {
		if !haveCase[c.ID] {
			cases = append(cases, pending{id: c.ID, text: CaseIndexText(c), meta: caseMeta(c)})
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sync vectors: %w", err)
	}
	for i := 0; i < len(cases); i += batch {
		end := min(i+batch, len(cases))
		if err := l.embedBatch(ctx, collCases, cases[i:end]); err != nil {
			return fmt.Errorf("sync vectors: %w", err)
		}
		added[collCases] += end - i
	}
	if f, ok := l.vectors.Store.(LoadFinisher); ok {
		for _, coll := range []string{collNorms, collCases} {
			if added[coll] == 0 {
				continue
			}
			if err := f.LoadDone(ctx, coll); err != nil {
				return fmt.Errorf("sync vectors: build %s index: %w", coll, err)
			}
		}
	}
	return nil
}

// fused is one result of rank fusion: an ID and its fused score.
type fused struct {
	id    string
	score float64
}

// RRFWeight is what a result at rank r (0 for the first) adds to its fused
// score: 1/(60 + r + 1).
func RRFWeight(r int) float64 { return 1 / float64(rrfK+r+1) }

// rrf fuses ranked ID lists by reciprocal rank fusion (Cormack et al.,
// 2009): score = Σ RRFWeight(rank), best first; ties keep first-seen order.
func rrf(lists ...[]string) []fused {
	n := 0
	for _, list := range lists {
		n += len(list)
	}
	by := make(map[string]int, n)
	out := make([]fused, 0, n)
	for _, list := range lists {
		for r, id := range list {
			i, ok := by[id]
			if !ok {
				i = len(out)
				by[id] = i
				out = append(out, fused{id: id})
			}
			out[i].score += RRFWeight(r)
		}
	}
	slices.SortStableFunc(out, func(a, b fused) int { return cmp.Compare(b.score, a.score) })
	return out
}

func normFilter(q NormQuery) VectorFilter {
	f := VectorFilter{}
	if q.Law != "" {
		f["law"] = q.Law
	}
	if q.Category != "" {
		f["category"] = q.Category
	}
	if q.Region != "" {
		f["region"] = q.Region
	}
	if q.InForce != nil {
		f["in_force"] = strconv.FormatBool(*q.InForce)
	}
	return f
}

func inDates(d, from, to string) bool {
	return (from == "" || (d != "" && d >= from)) && (to == "" || (d != "" && d <= to))
}

// candidates is how many results each retriever contributes to fusion.
func candidates(limit, offset int) int { return max(50, 2*(limit+offset)) }

func (l *Library) vectorNorms(ctx context.Context, q NormQuery, k int) ([]VectorHit, error) {
	if l.vectors == nil {
		return nil, ErrNoVectors
	}
	qv, err := l.vectors.Embedder.EmbedQuery(ctx, q.Q)
	if err != nil {
		return nil, fmt.Errorf("embed query: %w", err)
	}
	fetch := k
	if q.From != "" || q.To != "" {
		fetch = k * 4
	}
	hits, err := l.vectors.Store.Search(ctx, collNorms, qv, fetch, normFilter(q))
	if err != nil {
		return nil, fmt.Errorf("vector search: %w", err)
	}
	out := hits[:0]
	for _, h := range hits {
		if inDates(h.Meta["version_date"], q.From, q.To) {
			out = append(out, h)
		}
	}
	return out, nil
}

// normHit builds a NormHit for an article from the store.
func (l *Library) normHit(id string) (NormHit, bool) {
	st, key, ok := parseNormVectorID(id)
	if !ok {
		return NormHit{}, false
	}
	info, err := l.store.StatuteInfo(st)
	if err != nil {
		return NormHit{}, false
	}
	a, err := l.store.Article(st, key)
	if err != nil {
		return NormHit{}, false
	}
	return NormHit{StatuteID: st, Law: info.Law, Title: info.Title, Category: info.Category, Region: info.Region,
		VersionDate: info.VersionDate, InForce: info.InForce, Number: a.Number, Suffix: a.Suffix, Label: a.Label(),
		Chapter: strings.Join(a.Chapter, " "), Text: a.Text()}, true
}

// fuse ranks the union of the BM25 hits (bm, empty in vector mode) and the
// vector hits (vids with their cosine scores) by reciprocal rank fusion and
// returns one page. Hits only the vector side found are built by lookup; a
// hit's Score is the cosine in vector mode and the fused score in hybrid.
func fuse[T any](mode SearchMode, bm []T, idOf func(T) string, vids []string, vscore map[string]float64,
	lookup func(string) (T, bool), setScore func(*T, float64), limit, offset int) Results[T] {
	byID := make(map[string]T, len(bm))
	bmIDs := make([]string, len(bm))
	for i, h := range bm {
		bmIDs[i] = idOf(h)
		byID[bmIDs[i]] = h
	}
	fusedList := rrf(bmIDs, vids)
	out := Results[T]{Total: uint64(len(fusedList))}
	for i := offset; i < len(fusedList) && len(out.Hits) < limit; i++ {
		f := fusedList[i]
		h, ok := byID[f.id]
		if !ok {
			if h, ok = lookup(f.id); !ok {
				continue
			}
		}
		if mode == ModeVector {
			setScore(&h, vscore[f.id])
		} else {
			setScore(&h, f.score)
		}
		out.Hits = append(out.Hits, h)
	}
	return out
}

// checkMode validates a mode given as a value (it may be the zero value, or
// converted from unchecked text) and says whether it is dense.
func checkMode(mode SearchMode) (dense bool, err error) {
	m, err := ParseSearchMode(string(mode))
	return m.Dense(), err
}

func pageOf(limit, offset int) (int, int) {
	if limit <= 0 {
		limit = 10
	}
	return limit, max(offset, 0)
}

// SearchNorms searches statute articles in a mode: bm25 (default), vector,
// or hybrid (both fused by reciprocal rank fusion). Colloquial terms are
// expanded for BM25; the vector side embeds the officer's own words.
func (l *Library) SearchNorms(ctx context.Context, q NormQuery, mode SearchMode) (Results[NormHit], error) {
	expanded := q
	expanded.Q = ExpandQuery(q.Q)
	dense, err := checkMode(mode)
	if err != nil {
		return Results[NormHit]{}, err
	}
	if !dense || strings.TrimSpace(q.Q) == "" {
		return l.index.SearchNorms(ctx, expanded)
	}
	limit, offset := pageOf(q.Limit, q.Offset)
	n := candidates(limit, offset)
	vhits, err := l.vectorNorms(ctx, q, n)
	if err != nil {
		return Results[NormHit]{}, err
	}
	var bm []NormHit
	if mode == ModeHybrid {
		wide := expanded
		wide.Limit, wide.Offset = n, 0
		res, err := l.index.SearchNorms(ctx, wide)
		if err != nil {
			return Results[NormHit]{}, err
		}
		bm = res.Hits
	}
	vids := make([]string, len(vhits))
	vscore := map[string]float64{}
	for i, h := range vhits {
		vids[i] = h.ID
		vscore[h.ID] = h.Score
	}
	return fuse(mode, bm, func(h NormHit) string {
		return h.StatuteID + "#" + strconv.Itoa(h.Number) + "-" + strconv.Itoa(h.Suffix)
	}, vids, vscore, l.normHit, func(h *NormHit, s float64) { h.Score = s }, limit, offset), nil
}

func caseFilter(q CaseQuery) VectorFilter {
	f := VectorFilter{}
	for k, v := range map[string]string{"sector": string(q.Sector), "violation_type": q.ViolationType, "region": q.Region, "disposition": string(q.Disposition), "agency": q.Agency} {
		if v != "" {
			f[k] = v
		}
	}
	return f
}

// NearestCases returns the k cases whose vectors are nearest to the
// embedding of text, best first (Score is the cosine), restricted by the
// filter fields of q (sector, violation type, region, disposition, agency;
// not its dates or text). When q.Terms holds the words of text as the
// segmenter cut them (q.Words), an embedder that can (WordEmbedder) embeds
// them without cutting text again. Hits may come without Meta. It returns
// ErrNoVectors when dense retrieval is off.
func (l *Library) NearestCases(ctx context.Context, text string, q CaseQuery, k int) ([]VectorHit, error) {
	return l.nearestCases(ctx, text, q, k, false)
}

func (l *Library) nearestCases(ctx context.Context, text string, q CaseQuery, k int, withMeta bool) ([]VectorHit, error) {
	if l.vectors == nil {
		return nil, ErrNoVectors
	}
	var qv []float32
	var err error
	if we, ok := l.vectors.Embedder.(WordEmbedder); ok && q.Words && len(q.Terms) > 0 {
		qv, err = we.EmbedWords(ctx, q.Terms)
	} else {
		qv, err = l.vectors.Embedder.EmbedQuery(ctx, text)
	}
	if err != nil {
		return nil, fmt.Errorf("embed query: %w", err)
	}
	search := l.vectors.Store.Search
	if ids, ok := l.vectors.Store.(IDSearcher); ok && !withMeta {
		search = ids.SearchIDs
	}
	hits, err := search(ctx, collCases, qv, k, caseFilter(q))
	if err != nil {
		return nil, fmt.Errorf("vector search: %w", err)
	}
	return hits, nil
}

// HitOf is the search hit of a stored case (score 0).
func HitOf(c Case) CaseHit {
	return CaseHit{ID: c.ID, Title: c.Title, Sector: c.Sector, ViolationType: c.ViolationType, Region: c.Region, Agency: c.Agency,
		Disposition: c.Disposition, DecisionDate: c.DecisionDate, Fine: c.Penalty.Fine, Illustrative: c.Illustrative}
}

// SearchCases searches cases in a mode (bm25, vector, hybrid); see
// SearchNorms.
func (l *Library) SearchCases(ctx context.Context, q CaseQuery, mode SearchMode) (Results[CaseHit], error) {
	expanded := q
	expanded.Q = ExpandQuery(q.Q)
	dense, err := checkMode(mode)
	if err != nil {
		return Results[CaseHit]{}, err
	}
	if !dense || strings.TrimSpace(q.Q) == "" {
		return l.index.SearchCases(ctx, expanded)
	}
	limit, offset := pageOf(q.Limit, q.Offset)
	n := candidates(limit, offset)
	vhits, err := l.nearestCases(ctx, q.Q, q, n*2, true) // dates are in Meta
	if err != nil {
		return Results[CaseHit]{}, err
	}
	var vids []string
	vscore := map[string]float64{}
	for _, h := range vhits {
		if inDates(h.Meta["decision_date"], q.From, q.To) {
			vids = append(vids, h.ID)
			vscore[h.ID] = h.Score
		}
	}
	var bm []CaseHit
	if mode == ModeHybrid {
		wide := expanded
		wide.Limit, wide.Offset = n, 0
		res, err := l.index.SearchCases(ctx, wide)
		if err != nil {
			return Results[CaseHit]{}, err
		}
		bm = res.Hits
	}
	lookup := func(id string) (CaseHit, bool) {
		c, err := l.store.Case(id)
		return HitOf(c), err == nil
	}
	return fuse(mode, bm, func(h CaseHit) string { return h.ID }, vids, vscore, lookup, func(h *CaseHit, s float64) { h.Score = s }, limit, offset), nil
}
