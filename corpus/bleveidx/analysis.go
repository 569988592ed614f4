package bleveidx

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search"

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
