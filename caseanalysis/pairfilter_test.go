package caseanalysis

import (
	"math/rand/v2"
	"testing"

	"github.com/cailiang/cailiang/nlp"
)

// TestPairFilterKeepsEveryPair checks that a pair added always passes the
// filter, whatever the filter's size, and that most pairs not added do not
// (the filter is what saves the map lookups).
func TestPairFilterKeepsEveryPair(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	han := func() rune { return rune(0x4E00 + rng.IntN(0x9FFF-0x4E00)) }
	for _, n := range []int{0, 1, 100, 5000, 60000} {
		f := newPairFilter(n)
		added := map[uint64]bool{}
		for range n {
			k := nlp.RunePair(han(), han())
			added[k] = true
			f.add(k)
		}
		for k := range added {
			if !f.mayHave(k) {
				t.Fatalf("n=%d: pair %x added but filtered out", n, k)
			}
		}
		passed, tried := 0, 0
		for range 20000 {
			k := nlp.RunePair(han(), han())
			if added[k] {
				continue
			}
			tried++
			if f.mayHave(k) {
				passed++
			}
		}
		if passed*8 > tried {
			t.Errorf("n=%d: %d of %d pairs not added pass the filter", n, passed, tried)
		}
	}
	if !(pairFilter{}).mayHave(nlp.RunePair('罚', '款')) {
		t.Error("the zero filter must let every pair through")
	}
}
