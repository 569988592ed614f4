package nlp

import (
	"unicode"
	"unicode/utf8"
)

// RuneSegmenter is a pure-Go Segmenter without a dictionary: runs of letters
// and digits are one token, each Han character is a token, and CutForSearch
// adds overlapping Han bigrams. It is the in-process stand-in for gojieba in
// tests of packages that must not depend on cgo, and a fallback that keeps
// search working if the dictionaries cannot be loaded.
type RuneSegmenter struct{}

var _ Segmenter = RuneSegmenter{}

// Cut splits text into single Han characters and alphanumeric runs.
func (RuneSegmenter) Cut(text string) []Token {
	var out []Token
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.Is(unicode.Han, r):
			out = append(out, Token{Text: text[i : i+size], Start: i, End: i + size})
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if unicode.Is(unicode.Han, r2) || !(unicode.IsLetter(r2) || unicode.IsDigit(r2) || r2 == '.') {
					break
				}
				j += s2
			}
			out = append(out, Token{Text: text[i:j], Start: i, End: j})
			i = j
		default:
			i += size
		}
	}
	return out
}

// CutForSearch is Cut plus every pair of adjacent Han characters.
func (s RuneSegmenter) CutForSearch(text string) []Token {
	base := s.Cut(text)
	out := make([]Token, 0, 2*len(base))
	for i, t := range base {
		out = append(out, t)
		if i+1 < len(base) && base[i+1].Start == t.End {
			r1, _ := utf8.DecodeRuneInString(t.Text)
			r2, _ := utf8.DecodeRuneInString(base[i+1].Text)
			if unicode.Is(unicode.Han, r1) && unicode.Is(unicode.Han, r2) {
				out = append(out, Token{Text: text[t.Start:base[i+1].End], Start: t.Start, End: base[i+1].End})
			}
		}
	}
	return out
}

// Fingerprint identifies RuneSegmenter's fixed behaviour.
func (RuneSegmenter) Fingerprint() string { return "rune-v1" }
