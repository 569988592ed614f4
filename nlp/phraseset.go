package nlp

import (
	"strings"
	"unicode/utf8"
)

// PhraseSet finds any of a fixed set of phrases in one pass over a text
// (phraseIndex.firstFrom). A Contains per phrase reads the text once per
// phrase: for the word lists of a few dozen that some readers ask of every
// text (the property-crime words, the words of a receiver without a
// licence), one pass costs about half.
type PhraseSet struct {
	index phraseIndex
	// plain are the phrases the pass cannot take (empty, or not valid
	// UTF-8), searched one by one.
	plain []string
}

// NewPhraseSet builds the set of phrases.
func NewPhraseSet(phrases ...string) *PhraseSet {
	var indexed, plain []string
	for _, p := range phrases {
		if p == "" || !utf8.ValidString(p) {
			plain = append(plain, p)
			continue
		}
		indexed = append(indexed, p)
	}
	return &PhraseSet{index: newPhraseIndex(indexed), plain: plain}
}

// In reports whether text contains one of the phrases, as a Contains per
// phrase would.
func (p *PhraseSet) In(text string) bool {
	for _, w := range p.plain {
		if strings.Contains(text, w) {
			return true
		}
	}
	return p.index.firstFrom(text, 0) >= 0
}

// IndexFrom returns the byte offset of the first occurrence at or after
// pos (a rune start of text) of any of the phrases that are valid UTF-8,
// or -1: the least of their strings.Index answers over text[pos:], plus
// pos.
func (p *PhraseSet) IndexFrom(text string, pos int) int {
	return p.index.firstFrom(text, pos)
}
