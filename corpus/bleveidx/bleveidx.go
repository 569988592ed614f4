// Package bleveidx is the bleve v2 adapter of corpus.Index: BM25 full-text
// search over statute articles and cases, with a Chinese analyzer over an
// nlp.Segmenter registered under a stable name.
package bleveidx

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	_ "github.com/blevesearch/bleve/v2/analysis/analyzer/custom" // custom analyzers
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
)

// Names under which the tokenizers and the analyzer are registered. They are
// stored in index mappings on disk, so they must never change.
const (
	// TokenizerPrecise segments with the Segmenter's precise mode.
	TokenizerPrecise = "cailiang_seg_precise"
	// TokenizerSearch segments with search mode (sub-words of long words too).
	TokenizerSearch = "cailiang_seg_search"
	// Analyzer is the Chinese analyzer used for text fields.
	Analyzer = "cailiang_zh"
)

// DefaultBigramWeight weighs bigram matches in text search; see
// docs/search.md.
const DefaultBigramWeight = 3.0

// ModePrecise and ModeSearch choose the tokenizer of the text analyzer.
const (
	ModePrecise = "precise"
	ModeSearch  = "search"
)

var (
	segMu sync.RWMutex
	seg   nlp.Segmenter = nlp.RuneSegmenter{}
)

// setSegmenter sets the process-wide segmenter used by the registered
// tokenizers; bleve's registry is process-wide too.
func setSegmenter(s nlp.Segmenter) {
	segMu.Lock()
	seg = s
	segMu.Unlock()
}

func currentSegmenter() nlp.Segmenter {
	segMu.RLock()
	defer segMu.RUnlock()
	return seg
}

type tokenizer struct{ search bool }

// keep reports whether a token carries meaning: punctuation and symbols are
// dropped so they neither match nor weigh on BM25 lengths.
func keep(t string) bool {
	for _, r := range t {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func (t tokenizer) Tokenize(input []byte) analysis.TokenStream {
	s := currentSegmenter()
	text := string(input)
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, " ")
	}
	var toks []nlp.Token
	if t.search {
		toks = s.CutForSearch(text)
	} else {
		toks = s.Cut(text)
	}
	out := make(analysis.TokenStream, 0, len(toks))
	pos := 0
	for _, tk := range toks {
		if !keep(tk.Text) {
			continue
		}
		pos++
		out = append(out, &analysis.Token{Term: []byte(tk.Text), Start: tk.Start, End: tk.End, Position: pos, Type: analysis.Ideographic})
	}
	return out
}

func init() {
	// bleve's BM25 takes the average field length to be the number of
	// distinct terms in the field divided by the number of documents (about
	// 2 for our articles), so with the usual b = 0.75 a 16-word article is
	// normalised as if it were 8× longer than average, and the long
	// 法律责任 articles that officers look for sink. With b = 0 only term
	// saturation (k1) remains; docs/search.md has the measurements. The
	// setting is process-wide, like bleve's registry; we are its only user.
	search.BM25_b = 0
	mustRegister := func(err error) {
		if err != nil {
			panic(err) // only at init, with constant names
		}
	}
	mustRegister(registry.RegisterTokenizer(TokenizerPrecise, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return tokenizer{}, nil
	}))
	mustRegister(registry.RegisterTokenizer(TokenizerSearch, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return tokenizer{search: true}, nil
	}))
}

// Config configures an Index.
type Config struct {
	// Dir holds norms.bleve, cases.bleve and the generation file.
	Dir string
	// Segmenter segments Chinese text; nil means nlp.RuneSegmenter.
	Segmenter nlp.Segmenter
	// Mode is ModePrecise (default) or ModeSearch, used for new indexes.
	Mode string
	// BatchSize is the number of documents per bleve batch (default 2000).
	BatchSize int
	// BigramWeight weighs the character-bigram match against the word
	// match; 0 means DefaultBigramWeight, negative none.
	BigramWeight float64
}

// Index is the bleve implementation of corpus.Index.
type Index struct {
	cfg   Config
	mu    sync.RWMutex
	norms bleve.Index
	cases bleve.Index
}

var _ corpus.Index = (*Index)(nil)

func textField() *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Analyzer = Analyzer
	f.Store = true
	f.IncludeTermVectors = true
	return f
}

// bigramField indexes CJK character bigrams. Word segmentation in precise
// mode keeps 经营许可 whole, so a query word 许可 alone misses it; bigrams
// match across such boundaries and recover that recall (measured in
// docs/search.md). Not stored: the text is stored once, in the word field.
func bigramField() *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Analyzer = cjk.AnalyzerName
	f.Store = false
	f.IncludeTermVectors = false
	f.IncludeInAll = false
	return f
}

func keywordField() *mapping.FieldMapping {
	f := bleve.NewKeywordFieldMapping()
	f.Analyzer = keyword.Name
	f.Store = true
	f.IncludeInAll = false
	return f
}

func numericField() *mapping.FieldMapping {
	f := bleve.NewNumericFieldMapping()
	f.Store = true
	f.IncludeInAll = false
	return f
}

func newMapping(mode string) (*mapping.IndexMappingImpl, error) {
	tok := TokenizerPrecise
	if mode == ModeSearch {
		tok = TokenizerSearch
	} else if mode != "" && mode != ModePrecise {
		return nil, fmt.Errorf("unknown segmentation mode %q", mode)
	}
	im := bleve.NewIndexMapping()
	if err := im.AddCustomAnalyzer(Analyzer, map[string]interface{}{
		"type":          "custom",
		"tokenizer":     tok,
		"token_filters": []string{lowercase.Name},
	}); err != nil {
		return nil, err
	}
	im.DefaultAnalyzer = Analyzer
	im.ScoringModel = "bm25"
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false
	return im, nil
}

func normMapping(mode string) (*mapping.IndexMappingImpl, error) {
	im, err := newMapping(mode)
	if err != nil {
		return nil, err
	}
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt("text", textField())
	doc.AddFieldMappingsAt("text_cjk", bigramField())
	doc.AddFieldMappingsAt("title", textField())
	doc.AddFieldMappingsAt("chapter", textField())
	for _, k := range []string{"law", "category", "region", "statute_id", "label", "version_date"} {
		doc.AddFieldMappingsAt(k, keywordField())
	}
	b := bleve.NewBooleanFieldMapping()
	b.Store = true
	doc.AddFieldMappingsAt("in_force", b)
	for _, k := range []string{"number", "suffix", "version_num"} {
		doc.AddFieldMappingsAt(k, numericField())
	}
	im.DefaultMapping = doc
	return im, nil
}

func caseMapping(mode string) (*mapping.IndexMappingImpl, error) {
	im, err := newMapping(mode)
	if err != nil {
		return nil, err
	}
	doc := bleve.NewDocumentStaticMapping()
	for _, k := range []string{"title", "facts", "disputes", "basis_text"} {
		doc.AddFieldMappingsAt(k, textField())
	}
	doc.AddFieldMappingsAt("facts_cjk", bigramField())
	for _, k := range []string{"sector", "violation_type", "region", "disposition", "agency", "decision_date", "id"} {
		doc.AddFieldMappingsAt(k, keywordField())
	}
	for _, k := range []string{"date_num", "fine"} {
		doc.AddFieldMappingsAt(k, numericField())
	}
	b := bleve.NewBooleanFieldMapping()
	b.Store = true
	doc.AddFieldMappingsAt("illustrative", b)
	im.DefaultMapping = doc
	return im, nil
}

func openOrCreate(path string, m mapping.IndexMapping) (bleve.Index, error) {
	idx, err := bleve.Open(path)
	if err == nil {
		return idx, nil
	}
	if !errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	idx, err = bleve.New(path, m)
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", path, err)
	}
	return idx, nil
}

// Open opens or creates the indexes under cfg.Dir. It returns an error when
// an index exists but cannot be opened (for example, another process holds
// it) or the mode is unknown.
func Open(cfg Config) (*Index, error) {
	if cfg.Segmenter != nil {
		setSegmenter(cfg.Segmenter)
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 2000
	}
	if cfg.BigramWeight == 0 {
		cfg.BigramWeight = DefaultBigramWeight
	}
	if err := os.MkdirAll(cfg.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("open index dir: %w", err)
	}
	ix := &Index{cfg: cfg}
	if err := ix.open(); err != nil {
		return nil, err
	}
	return ix, nil
}

func (ix *Index) open() error {
	nm, err := normMapping(ix.cfg.Mode)
	if err != nil {
		return err
	}
	cm, err := caseMapping(ix.cfg.Mode)
	if err != nil {
		return err
	}
	norms, err := openOrCreate(filepath.Join(ix.cfg.Dir, "norms.bleve"), nm)
	if err != nil {
		return err
	}
	cases, err := openOrCreate(filepath.Join(ix.cfg.Dir, "cases.bleve"), cm)
	if err != nil {
		norms.Close()
		return err
	}
	ix.norms, ix.cases = norms, cases
	return nil
}

// Close closes both indexes.
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return errors.Join(ix.norms.Close(), ix.cases.Close())
}

// Reset deletes and recreates both indexes and the generation mark.
func (ix *Index) Reset() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if err := errors.Join(ix.norms.Close(), ix.cases.Close()); err != nil {
		return fmt.Errorf("reset index: %w", err)
	}
	for _, p := range []string{"norms.bleve", "cases.bleve", "generation"} {
		if err := os.RemoveAll(filepath.Join(ix.cfg.Dir, p)); err != nil {
			return fmt.Errorf("reset index: %w", err)
		}
	}
	return ix.open()
}

// fingerprint identifies how text was analysed: the segmenter's data and the
// mode. A change means the index no longer matches what queries produce.
func (ix *Index) fingerprint() string {
	fp := "unknown"
	if f, ok := currentSegmenter().(nlp.Fingerprinter); ok {
		fp = f.Fingerprint()
	}
	mode := ix.cfg.Mode
	if mode == "" {
		mode = ModePrecise
	}
	return fp + "|" + mode
}

// Generation reads the store generation the index was brought up to. It is
// 0 when never set, and also when the index was built with another
// dictionary or segmentation mode, so that the caller rebuilds it.
func (ix *Index) Generation() (uint64, error) {
	b, err := os.ReadFile(filepath.Join(ix.cfg.Dir, "generation"))
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read index generation: %w", err)
	}
	genText, fp, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
	if fp != ix.fingerprint() {
		return 0, nil
	}
	g, err := strconv.ParseUint(genText, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("read index generation: %w", err)
	}
	return g, nil
}

// SetGeneration records the store generation the index now reflects. It is
// written with a rename so a crash leaves the old value, never a torn one.
func (ix *Index) SetGeneration(g uint64) error {
	p := filepath.Join(ix.cfg.Dir, "generation")
	tmp := p + ".tmp"
	if err := os.WriteFile(tmp, []byte(strconv.FormatUint(g, 10)+"\n"+ix.fingerprint()), 0o644); err != nil {
		return fmt.Errorf("write index generation: %w", err)
	}
	if err := os.Rename(tmp, p); err != nil {
		return fmt.Errorf("write index generation: %w", err)
	}
	return nil
}

// Counts returns the number of indexed articles and cases.
func (ix *Index) Counts() (uint64, uint64, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	n, err := ix.norms.DocCount()
	if err != nil {
		return 0, 0, fmt.Errorf("count norms: %w", err)
	}
	c, err := ix.cases.DocCount()
	if err != nil {
		return 0, 0, fmt.Errorf("count cases: %w", err)
	}
	return n, c, nil
}

func articleDocID(statuteID string, a corpus.Article) string {
	return statuteID + "#" + strconv.Itoa(a.Number) + "-" + strconv.Itoa(a.Suffix)
}

func dateNum(d string) float64 {
	if len(d) != 10 {
		return 0
	}
	n, err := strconv.Atoi(d[0:4] + d[5:7] + d[8:10])
	if err != nil {
		return 0
	}
	return float64(n)
}

func normDoc(ia corpus.IndexedArticle) map[string]interface{} {
	st, a := ia.Statute, ia.Article
	return map[string]interface{}{
		"text":         a.Text(),
		"text_cjk":     a.Text(),
		"title":        st.Title,
		"chapter":      strings.Join(a.Chapter, " "),
		"law":          st.Law,
		"category":     st.Category,
		"region":       st.Region,
		"statute_id":   st.ID,
		"label":        a.Label(),
		"version_date": st.VersionDate,
		"version_num":  dateNum(st.VersionDate),
		"in_force":     st.InForce,
		"number":       float64(a.Number),
		"suffix":       float64(a.Suffix),
	}
}

// IndexArticles adds or replaces articles in batches of cfg.BatchSize.
func (ix *Index) IndexArticles(ctx context.Context, arts []corpus.IndexedArticle) error {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	b := ix.norms.NewBatch()
	flush := func() error {
		if b.Size() == 0 {
			return nil
		}
		if err := ix.norms.Batch(b); err != nil {
			return fmt.Errorf("index articles: %w", err)
		}
		b.Reset()
		return nil
	}
	for _, ia := range arts {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := b.Index(articleDocID(ia.Statute.ID, ia.Article), normDoc(ia)); err != nil {
			return fmt.Errorf("index article %s %s: %w", ia.Statute.Law, ia.Article.Label(), err)
		}
		if b.Size() >= ix.cfg.BatchSize {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// DeleteStatute removes every article of a statute version.
func (ix *Index) DeleteStatute(ctx context.Context, statuteID string) error {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	for {
		q := bleve.NewTermQuery(statuteID)
		q.SetField("statute_id")
		req := bleve.NewSearchRequestOptions(q, 1000, 0, false)
		res, err := ix.norms.SearchInContext(ctx, req)
		if err != nil {
			return fmt.Errorf("delete statute %s: %w", statuteID, err)
		}
		if len(res.Hits) == 0 {
			return nil
		}
		b := ix.norms.NewBatch()
		for _, h := range res.Hits {
			b.Delete(h.ID)
		}
		if err := ix.norms.Batch(b); err != nil {
			return fmt.Errorf("delete statute %s: %w", statuteID, err)
		}
	}
}

func caseDoc(c corpus.Case) map[string]interface{} {
	var basis []string
	for _, b := range c.Basis {
		basis = append(basis, b.Law+nlp.ArticleLabel(b.Article, b.Suffix))
	}
	return map[string]interface{}{
		"id":             c.ID,
		"title":          c.Title,
		"facts":          c.Facts,
		"facts_cjk":      c.Facts,
		"disputes":       strings.Join(c.Disputes, "\n"),
		"basis_text":     strings.Join(basis, " "),
		"sector":         string(c.Sector),
		"violation_type": c.ViolationType,
		"region":         c.Region,
		"disposition":    string(c.Disposition),
		"agency":         c.Agency,
		"decision_date":  c.DecisionDate,
		"date_num":       dateNum(c.DecisionDate),
		"fine":           c.Penalty.Fine,
		"illustrative":   c.Illustrative,
	}
}

// IndexCases adds or replaces cases.
func (ix *Index) IndexCases(ctx context.Context, cases []corpus.Case) error {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	b := ix.cases.NewBatch()
	for _, c := range cases {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := b.Index(c.ID, caseDoc(c)); err != nil {
			return fmt.Errorf("index case %s: %w", c.ID, err)
		}
		if b.Size() >= ix.cfg.BatchSize {
			if err := ix.cases.Batch(b); err != nil {
				return fmt.Errorf("index cases: %w", err)
			}
			b.Reset()
		}
	}
	if err := ix.cases.Batch(b); err != nil {
		return fmt.Errorf("index cases: %w", err)
	}
	return nil
}

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
