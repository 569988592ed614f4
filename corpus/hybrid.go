package corpus

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
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
// concurrent use; SyncVectors then embeds what is missing or stale.
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

// TextDigest is the digest a vector record keeps of the text it embeds
// (under DigestKey): the hex SHA-256 of the text.
func TextDigest(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// pending is a record to embed: its ID, the text and the metadata it gets
// (the text's digest among it).
type pending struct {
	id   string
	text string
	meta map[string]string
}

func withDigest(text string, meta map[string]string) map[string]string {
	meta[DigestKey] = TextDigest(text)
	return meta
}

func normPending(info StatuteInfo, a Article) pending {
	text := ArticleIndexText(info.Law, a)
	return pending{id: normVectorID(info.ID, a), text: text, meta: withDigest(text, normMeta(info))}
}

func casePending(c Case) pending {
	text := CaseIndexText(c)
	return pending{id: c.ID, text: text, meta: withDigest(text, caseMeta(c))}
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

// VectorSync says what SyncVectors did, over both collections.
type VectorSync struct {
	// Added counts records embedded that the store lacked.
	Added int `json:"added"`
	// Refreshed counts records embedded again because their text (its
	// digest) or their metadata (in force, version date…) changed.
	Refreshed int `json:"refreshed"`
	// Dropped counts orphans deleted: records whose article or case is no
	// longer stored or no longer searchable.
	Dropped int `json:"dropped"`
	// Kept counts records that were current.
	Kept int `json:"kept"`
}

func (s *VectorSync) add(o VectorSync) {
	s.Added += o.Added
	s.Refreshed += o.Refreshed
	s.Dropped += o.Dropped
	s.Kept += o.Kept
}

// syncBatch is how many texts SyncVectors embeds and upserts at once out
// of total (0: unknown): a sixteenth, at least minSyncBatch and at most
// maxSyncBatch. Each upsert is one durable transaction of the vector
// store (memvec fsyncs it): national.jsonl takes 32 rather than 254 of
// 256 texts, while a small corpus still goes in several, with progress
// between them. A crash loses at most the batch in flight, which the next
// sync embeds again (its records are missing, every earlier one current).
func syncBatch(total int) int { return min(max(total/16, minSyncBatch), maxSyncBatch) }

const (
	minSyncBatch = 256
	maxSyncBatch = 2048
)

// SyncVectors brings the vector store in line with the library: it embeds
// every searchable article and every case whose record is missing or stale
// (the digest of its text, or its metadata, differs from what the corpus
// would write now) and deletes orphans (records whose source is gone or no
// longer searchable), then logs what it did. A collection built by another
// embedder is embedded anew. An interrupted run resumes where it stopped:
// current records are skipped, and upserts never duplicate.
func (l *Library) SyncVectors(ctx context.Context) (VectorSync, error) {
	var rep VectorSync
	if l.vectors == nil {
		return rep, nil
	}
	start := time.Now()
	keep := l.searchable()
	total := 0
	for _, info := range l.store.StatuteInfos() {
		if keep[info.ID] {
			total += info.ArticleCount
		}
	}
	norms := func(fn func(pending) error) error {
		for _, info := range l.store.StatuteInfos() {
			if err := ctx.Err(); err != nil {
				return err
			}
			if !keep[info.ID] {
				continue
			}
			err := l.store.Articles(info.ID, func(a Article) error { return fn(normPending(info, a)) })
			if err != nil {
				return err
			}
		}
		return nil
	}
	cases := func(fn func(pending) error) error {
		return l.store.Cases(func(c Case) error { return fn(casePending(c)) })
	}
	for _, c := range []struct {
		name  string
		items func(func(pending) error) error
		total int
	}{{collNorms, norms, total}, {collCases, cases, 0}} {
		r, err := l.syncCollection(ctx, c.name, c.items, c.total)
		rep.add(r)
		if err != nil {
			return rep, fmt.Errorf("sync vectors: %w", err)
		}
	}
	l.log.Info("vectors in sync", "spec", l.vectors.Spec.Embedder, "dim", l.vectors.Spec.Dim, "added", rep.Added,
		"refreshed", rep.Refreshed, "dropped", rep.Dropped, "kept", rep.Kept, "took_ms", time.Since(start).Milliseconds())
	return rep, nil
}

// syncCollection is SyncVectors for one collection: items yields what the
// collection should hold; total (0: unknown) is their number, for progress.
func (l *Library) syncCollection(ctx context.Context, coll string, items func(func(pending) error) error, total int) (VectorSync, error) {
	var rep VectorSync
	if _, err := l.ensureCollection(ctx, coll); err != nil {
		return rep, err
	}
	have, err := l.vectors.Store.Metas(ctx, coll)
	if err != nil {
		return rep, err
	}
	var todo []pending
	batch := syncBatch(total)
	done := 0
	flush := func() error {
		if len(todo) == 0 {
			return nil
		}
		if err := l.embedBatch(ctx, coll, todo); err != nil {
			return err
		}
		done += len(todo)
		todo = todo[:0]
		if total > 0 {
			l.report("vectors", done, total)
		}
		return nil
	}
	seen := make(map[string]bool, len(have))
	err = items(func(it pending) error {
		seen[it.id] = true
		old, ok := have[it.id]
		switch {
		case ok && maps.Equal(old, it.meta):
			rep.Kept++
			done++
			return nil
		case ok:
			rep.Refreshed++
		default:
			rep.Added++
		}
		todo = append(todo, it)
		if len(todo) >= batch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return rep, err
	}
	var orphans []string
	for id := range have {
		if !seen[id] {
			orphans = append(orphans, id)
		}
	}
	if len(orphans) > 0 {
		slices.Sort(orphans)
		if err := l.vectors.Store.Delete(ctx, coll, orphans); err != nil {
			return rep, fmt.Errorf("drop orphans of %s: %w", coll, err)
		}
		rep.Dropped = len(orphans)
	}
	if f, ok := l.vectors.Store.(LoadFinisher); ok && rep.Added+rep.Refreshed > 0 {
		if err := f.LoadDone(ctx, coll); err != nil {
			return rep, fmt.Errorf("build %s index: %w", coll, err)
		}
	}
	return rep, nil
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
