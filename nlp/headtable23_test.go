package nlp

import (
	"slices"
	"testing"
)

// TestHeadTableTwentyThird checks the phrase index's table of heads
// against the map it is built from: every key's numbers in their order,
// and nothing for pairs that open no phrase (the filter lets some through),
// for indexes of every size from none to the thousands of the catalogs.
func TestHeadTableTwentyThird(t *testing.T) {
	texts := append(slices.Clone(extractBenchTexts), sampleFacts(t)...)
	for _, n := range []int{0, 1, 2, 3, 7, 64, 1000, 100000} {
		byHead := map[uint64][]int32{}
		var phrases []string
		for _, text := range texts {
			rs := []rune(NormalizeText(text))
			for i := 0; i+1 < len(rs) && len(phrases) < n; i += 3 {
				phrases = append(phrases, string(rs[i:min(i+2+i%3, len(rs))]))
			}
		}
		o := newPhraseIndex(phrases)
		for id, p := range o.list {
			if rs := []rune(p); len(rs) >= 2 {
				k := RunePair(rs[0], rs[1])
				byHead[k] = append(byHead[k], int32(id))
			}
		}
		for k, want := range byHead {
			if got := o.byHead.get(k); !slices.Equal(got, want) {
				t.Fatalf("%d phrases: head %x gives %v, want %v", n, k, got, want)
			}
		}
		absent := 0
		for _, text := range texts {
			rs := []rune(text)
			for i := 0; i+1 < len(rs); i++ {
				k := RunePair(rs[i], rs[i+1])
				if _, ok := byHead[k]; !ok {
					absent++
					if got := o.byHead.get(k); got != nil {
						t.Fatalf("%d phrases: absent head %q gives %v", n, string(rs[i:i+2]), got)
					}
				}
			}
		}
		if absent == 0 {
			t.Fatalf("%d phrases: no absent head tried", n)
		}
	}
}
