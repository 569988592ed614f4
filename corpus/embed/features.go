package embed

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cailiang/cailiang/nlp"
)

// Feature keys carry a one-byte namespace so that the word 合同 and the
// character bigram 合同 are different features.
const (
	nsWord   = 'w'
	nsBigram = 'b'
	// maxWordBytes drops segmenter tokens that are too long to be words
	// (runs of digits, URLs, garbage).
	maxWordBytes = 64
)

// prepare normalises text for feature extraction: invalid UTF-8 and
// zero-width characters are dropped, full-width forms folded (nlp.NormalizeText),
// Latin letters lower-cased, and the input cut to maxBytes at a rune boundary.
func prepare(text string, maxBytes int) string {
	if maxBytes > 0 && len(text) > maxBytes {
		cut := maxBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	return strings.ToLower(nlp.NormalizeText(text))
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// scanFeatures calls fn for every feature occurrence in the prepared text:
// each segmenter word (precise mode) that contains a letter or digit, and
// each pair of adjacent letter/digit runes of which at least one is Han.
// key is a reused buffer, valid only during the call.
func scanFeatures(seg nlp.Segmenter, text string, buf []byte, fn func(key []byte)) []byte {
	if text == "" {
		return buf
	}
	for _, tok := range seg.Cut(text) {
		buf = wordFeature(tok.Text, buf, fn)
	}
	return bigramFeatures(text, buf, fn)
}

// scanWordFeatures is scanFeatures over words the segmenter has already
// cut, each prepared on its own: the features of the words joined by
// spaces, as long as the segmenter would cut each word again as itself.
func scanWordFeatures(words []string, maxBytes int, buf []byte, fn func(key []byte)) []byte {
	for _, w := range words {
		w = prepare(w, maxBytes)
		buf = wordFeature(w, buf, fn)
		buf = bigramFeatures(w, buf, fn)
	}
	return buf
}

// wordFeature calls fn with the word feature of w unless it is empty, too
// long or has no letter or digit.
func wordFeature(w string, buf []byte, fn func(key []byte)) []byte {
	if w == "" || len(w) > maxWordBytes || !strings.ContainsFunc(w, isWordRune) {
		return buf
	}
	buf = append(buf[:0], nsWord)
	buf = append(buf, w...)
	fn(buf)
	return buf
}

// bigramFeatures calls fn with the bigram feature of each pair of adjacent
// letter/digit runes of text of which at least one is Han (nlp.WordPairs).
func bigramFeatures(text string, buf []byte, fn func(key []byte)) []byte {
	for i, j := range nlp.Bigrams(text, nlp.WordPairs) {
		buf = append(append(buf[:0], nsBigram), text[i:j]...)
		fn(buf)
	}
	return buf
}
