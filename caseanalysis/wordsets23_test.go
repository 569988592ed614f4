package caseanalysis

import (
	"slices"
	"testing"

	"github.com/cailiang/cailiang/nlp"
)

// TestWordSetsTwentyThird: each one-pass word set the readers ask of the
// whole text answers as a Contains per word of its list would, on texts
// holding one word of the list, a word cut short, and none.
func TestWordSetsTwentyThird(t *testing.T) {
	sets := []struct {
		name  string
		set   *nlp.PhraseSet
		words []string
	}{
		{"propertyCrime", propertyCrimeSet, propertyCrimeCues},
		{"unlicensedOrDisposal", unlicensedOrDisposal, slices.Concat(unlicensedReceiverWords, unlawfulDisposalWords)},
	}
	for _, s := range sets {
		texts := []string{"", "经查，当事人在店内销售过期食品，货值金额1200元。"}
		for _, w := range s.words {
			r := []rune(w)
			texts = append(texts, "经查，当事人"+w+"，共计3次。", "经查，当事人"+string(r[:len(r)-1])+"，"+string(r[len(r)-1:])+"。")
		}
		found := 0
		for _, text := range texts {
			want := containsAny(text, s.words)
			if got := s.set.In(text); got != want {
				t.Errorf("%s, %q: In = %v, want %v", s.name, text, got, want)
			}
			if want {
				found++
			}
		}
		if found < len(s.words) {
			t.Errorf("%s: %d texts hold a word of %d", s.name, found, len(s.words))
		}
	}
}
