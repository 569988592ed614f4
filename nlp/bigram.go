package nlp

import (
	"iter"
	"unicode"
	"unicode/utf8"
)

// BigramClass says which pairs of adjacent runes Bigrams yields.
type BigramClass uint8

// The bigram classes.
const (
	// HanPairs are pairs of two Han characters (IsHan): 食品安全 gives 食品,
	// 品安, 安全; any other rune breaks the run.
	HanPairs BigramClass = iota
	// WordPairs are pairs of letters or digits of which at least one is Han,
	// so 3日 and A级 count beside the Han pairs but two Latin letters or two
	// digits do not.
	WordPairs
)

// Bigrams yields, in order, the byte range [start, end) in s of each pair of
// adjacent runes of the class; s[start:end] is the pair's text. It is the one
// definition of a character bigram for every index and matcher (case
// analysis, the LSA features, the benchmark search, eval's charge model) and
// allocates nothing, so hot paths may call it per request.
func Bigrams(s string, class BigramClass) iter.Seq2[int, int] {
	return func(yield func(start, end int) bool) {
		prev, prevHan := -1, false
		for i, r := range s {
			han := IsHan(r)
			if !han && (class == HanPairs || !(unicode.IsLetter(r) || unicode.IsDigit(r))) {
				prev = -1
				continue
			}
			if prev >= 0 && (han || prevHan) {
				if !yield(prev, i+utf8.RuneLen(r)) {
					return
				}
			}
			prev, prevHan = i, han
		}
	}
}
