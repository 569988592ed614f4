package bleveidx

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	_ "github.com/blevesearch/bleve/v2/analysis/analyzer/custom" // custom analyzers
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/mapping"
)

// ModePrecise and ModeSearch choose the tokenizer of the text analyzer.
const (
	ModePrecise = "precise"
	ModeSearch  = "search"
)

// textField is a field of words, stored for snippets and hits. Only the
// main field of a phrase query (vectors) keeps term positions. No text
// field goes into bleve's composite _all field, which no query reads and
// which cost an import a sixth of its indexing time (it indexed every
// article's words a second time), nor keeps doc values, which serve
// sorting and faceting by field value, never done on text.
func textField(vectors bool) *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Analyzer = Analyzer
	f.Store = true
	f.IncludeTermVectors = vectors
	f.IncludeInAll = false
	f.DocValues = false
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
	f.DocValues = false
	return f
}

// keywordField is a stored value matched whole by term queries (filters)
// and read back by the ranker from its postings. It keeps neither term
// vectors (positions serve phrases and highlighting, never done on a
// keyword) nor doc values (sorting and faceting, never done on one):
// bleve's defaults kept both, work a bulk import paid for every article.
func keywordField() *mapping.FieldMapping {
	f := bleve.NewKeywordFieldMapping()
	f.Analyzer = keyword.Name
	f.Store = true
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	f.DocValues = false
	return f
}

// numericField is a stored number that range queries read from its
// indexed terms; sorted indicates that searches sort by it, which needs
// doc values.
func numericField(sorted bool) *mapping.FieldMapping {
	f := bleve.NewNumericFieldMapping()
	f.Store = true
	f.IncludeInAll = false
	f.DocValues = sorted
	return f
}

// storedField is a value only shown with a hit, never searched: stored,
// not indexed (an article's number and suffix as numbers, its label).
func storedField(f *mapping.FieldMapping) *mapping.FieldMapping {
	f.Store = true
	f.Index = false
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	f.DocValues = false
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
	doc.AddFieldMappingsAt("text", textField(true))
	doc.AddFieldMappingsAt("text_cjk", bigramField())
	doc.AddFieldMappingsAt("title", textField(false))
	doc.AddFieldMappingsAt("chapter", textField(false))
	for _, k := range []string{"law", "category", "region", "statute_id", "version_date"} {
		doc.AddFieldMappingsAt(k, keywordField())
	}
	doc.AddFieldMappingsAt("label", storedField(bleve.NewKeywordFieldMapping()))
	b := bleve.NewBooleanFieldMapping()
	b.Store = true
	b.IncludeInAll = false
	b.DocValues = false
	doc.AddFieldMappingsAt("in_force", b)
	for _, k := range []string{"number", "suffix"} {
		doc.AddFieldMappingsAt(k, storedField(bleve.NewNumericFieldMapping()))
	}
	doc.AddFieldMappingsAt("version_num", numericField(false))
	im.DefaultMapping = doc
	return im, nil
}

func caseMapping(mode string) (*mapping.IndexMappingImpl, error) {
	im, err := newMapping(mode)
	if err != nil {
		return nil, err
	}
	doc := bleve.NewDocumentStaticMapping()
	for _, k := range []string{"title", "disputes", "basis_text"} {
		doc.AddFieldMappingsAt(k, textField(false))
	}
	doc.AddFieldMappingsAt("facts", textField(true))
	doc.AddFieldMappingsAt("facts_cjk", bigramField())
	for _, k := range []string{"sector", "violation_type", "region", "disposition", "agency", "decision_date", "id"} {
		doc.AddFieldMappingsAt(k, keywordField())
	}
	// Case searches sort by date_num (CaseSearch).
	doc.AddFieldMappingsAt("date_num", numericField(true))
	doc.AddFieldMappingsAt("fine", numericField(false))
	b := bleve.NewBooleanFieldMapping()
	b.Store = true
	b.IncludeInAll = false
	doc.AddFieldMappingsAt("illustrative", b)
	im.DefaultMapping = doc
	return im, nil
}
