package bleveidx

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

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

// tokenizer cuts text with the segmenter of the index whose mapping built
// it. bleve builds tokenizers through its process-wide registry, which can
// pass only JSON-like configuration, but keeps each one it built in the
// index mapping's own cache, used for both documents and queries: Open
// binds its Config's segmenter to that instance (bindSegmenter), so two
// indexes of one process can segment differently.
type tokenizer struct {
	search bool
	seg    nlp.Segmenter // set before the index is used; nil: nlp.RuneSegmenter
}

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

func (t *tokenizer) Tokenize(input []byte) analysis.TokenStream {
	var s nlp.Segmenter = nlp.RuneSegmenter{}
	if t.seg != nil {
		s = t.seg
	}
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
	// Registration only: names to constructors, as every bleve plug-in
	// does. Which segmenter a tokenizer uses is bound per index by Open.
	mustRegister := func(err error) {
		if err != nil {
			panic(err) // only at init, with constant names
		}
	}
	mustRegister(registry.RegisterTokenizer(TokenizerPrecise, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return &tokenizer{}, nil
	}))
	mustRegister(registry.RegisterTokenizer(TokenizerSearch, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return &tokenizer{search: true}, nil
	}))
}

// bindSegmenter gives the tokenizer of idx's text analyzer the segmenter
// seg. It returns an error when the index's mapping does not use our
// analyzer with one of our tokenizers (an index built by something else).
func bindSegmenter(idx bleve.Index, seg nlp.Segmenter) error {
	a, ok := idx.Mapping().AnalyzerNamed(Analyzer).(*analysis.DefaultAnalyzer)
	if !ok {
		return fmt.Errorf("index mapping has no analyzer %q", Analyzer)
	}
	t, ok := a.Tokenizer.(*tokenizer)
	if !ok {
		return fmt.Errorf("analyzer %q does not use a %s tokenizer", Analyzer, "cailiang")
	}
	t.seg = seg
	return nil
}
