package bleveidx

import (
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/cailiang/cailiang/nlp"
)

// A query's terms without bleve's token streams. bleve's analyzers build a
// token (a pointer, a byte copy) per word and per character, and the CJK
// bigram filter a ring and a byte slice per bigram: most of a norm
// search's allocations. analyzeTerms computes the same terms directly for
// the two analyzers of a text field when it can prove they are the same,
// and asks the analyzer otherwise (TestQuickTermsMatchAnalyzers).

// analyzeTerms returns the terms a yields for text, in order, as
// string(token.Term) of a.Analyze.
func analyzeTerms(a analysis.Analyzer, text string) []string {
	if da, ok := a.(*analysis.DefaultAnalyzer); ok && len(da.CharFilters) == 0 {
		switch tk := da.Tokenizer.(type) {
		case *tokenizer:
			if len(da.TokenFilters) == 1 {
				if lc, ok := da.TokenFilters[0].(*lowercase.LowerCaseFilter); ok {
					if out, ok := tk.quickTerms(text, lc); ok {
						return out
					}
				}
			}
		case *unicode.UnicodeTokenizer:
			if isCJKChain(da.TokenFilters) {
				if out, ok := bigramTerms(text); ok {
					return out
				}
			}
		}
	}
	return analyzed(a, text)
}

// quickTerms is Tokenize followed by the lower-case filter lc, as strings:
// a term without an upper-case letter (ASCII without A-Z, or characters of
// U+3000–U+9FFF, which have no case) is the segment's text itself; any
// other goes through lc.
func (t *tokenizer) quickTerms(text string, lc *lowercase.LowerCaseFilter) ([]string, bool) {
	if !utf8.ValidString(text) {
		return nil, false // Tokenize replaces invalid bytes first
	}
	var s nlp.Segmenter = nlp.RuneSegmenter{}
	if t.seg != nil {
		s = t.seg
	}
	var toks []nlp.Token
	if t.search {
		toks = s.CutForSearch(text)
	} else {
		toks = s.Cut(text)
	}
	out := make([]string, 0, len(toks))
	for _, tk := range toks {
		if !keep(tk.Text) {
			continue
		}
		w := tk.Text
		if !caseless(w) {
			ts := lc.Filter(analysis.TokenStream{&analysis.Token{Term: []byte(w)}})
			w = string(ts[0].Term)
		}
		out = append(out, w)
	}
	return out, true
}

// caseless reports whether s (valid UTF-8) holds only ASCII without A–Z
// and three-byte characters of U+3000–U+9FFF: lower-casing leaves it as
// it is.
func caseless(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if 'A' <= c && c <= 'Z' {
				return false
			}
			i++
		case isHan3(s, i):
			i += 3
		default:
			return false
		}
	}
	return true
}

// isCJKChain reports whether fs are the filters of bleve's cjk analyzer:
// width, lower case, and bigrams without unigrams.
func isCJKChain(fs []analysis.TokenFilter) bool {
	if len(fs) != 3 {
		return false
	}
	_, w := fs[0].(*cjk.CJKWidthFilter)
	_, l := fs[1].(*lowercase.LowerCaseFilter)
	b, ok := fs[2].(*cjk.CJKBigramFilter)
	return w && l && ok && *b == *cjk.NewCJKBigramFilter(false)
}

// gramHan reports whether r is a character that bleve's unicode tokenizer
// makes a token of its own (an ideograph of Unicode 1.1, U+4E00–U+9FA5,
// which the width and lower-case filters leave as it is).
func gramHan(r rune) bool { return 0x4E00 <= r && r <= 0x9FA5 }

// gramSepCandidates are the ranges of white space and punctuation that
// bigramTerms may take for separators, each checked against bleve's
// analyzer once (gramSeps) before it is.
var gramSepCandidates = [][2]rune{
	{0x09, 0x0D}, {0x20, 0x2F}, {0x3A, 0x40}, {0x5B, 0x5E}, {0x60, 0x60}, {0x7B, 0x7E},
	{0xA0, 0xA0}, {0x2010, 0x2027}, {0x2030, 0x203E}, {0x3000, 0x3003}, {0x3008, 0x3011},
	{0x3014, 0x301F}, {0xFF01, 0xFF0F}, {0xFF1A, 0xFF20}, {0xFF3B, 0xFF3E}, {0xFF5B, 0xFF65},
}

// gramSeps is the set of separators bigramTerms may meet: a candidate c
// is one when bleve's cjk analyzer gives 一 and 二 for 一c二 and for
// 一cc二, and 一二 and 三四 for 一二c三四 (it is no token, joins neither
// neighbour, and breaks a run of ideographs). Built once, on first use.
var gramSeps struct {
	once sync.Once
	bits [0x10000 / 64]uint64
}

func isGramSep(r rune) bool {
	gramSeps.once.Do(buildGramSeps)
	return r < 0x10000 && gramSeps.bits[r>>6]&(1<<(r&63)) != 0
}

func buildGramSeps() {
	a, err := registry.NewCache().AnalyzerNamed(cjk.AnalyzerName)
	if err != nil {
		return // no separators: every query goes to the analyzer
	}
	same := func(text string, want ...string) bool { return slices.Equal(analyzed(a, text), want) }
	for _, rg := range gramSepCandidates {
		for r := rg[0]; r <= rg[1]; r++ {
			c := string(r)
			if same("一"+c+"二", "一", "二") && same("一"+c+c+"二", "一", "二") && same("一二"+c+"三四", "一二", "三四") {
				gramSeps.bits[r>>6] |= 1 << (r & 63)
			}
		}
	}
}

// bigramTerms is bleve's cjk analyzer for a text of ideographs (gramHan)
// and separators (isGramSep) only: each run of two or more ideographs
// gives its bigrams, a run of one its character. Any other character: not
// ok.
func bigramTerms(text string) ([]string, bool) {
	out := make([]string, 0, len(text)/3)
	prev, n := 0, 0 // the last ideograph of the current run, the run's length
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case gramHan(r):
			if n > 0 {
				out = append(out, text[prev:i+size])
			}
			prev, n = i, n+1
		case r != utf8.RuneError && isGramSep(r):
			if n == 1 {
				out = append(out, text[prev:i])
			}
			n = 0
		default:
			return nil, false
		}
		i += size
	}
	if n == 1 {
		out = append(out, text[prev:])
	}
	return out, true
}
