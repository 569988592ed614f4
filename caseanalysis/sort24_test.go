package caseanalysis

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestSortCandidatesTwentyFourth checks that sortCandidates, which sorts
// positions and moves each candidate once, leaves the candidates in the
// order slices.SortFunc with betterCandidate gave them: lists of 0 to 80
// candidates (past the 64 positions kept on the stack) with tied scores,
// tied scores without the vote and their verdicts carried along.
func TestSortCandidatesTwentyFourth(t *testing.T) {
	rng := rand.New(rand.NewPCG(24, 2026))
	for _, n := range []int{0, 1, 2, 3, 12, 13, 25, 30, 64, 65, 80} {
		for round := range 20 {
			top := make([]candidate, n)
			for i := range top {
				top[i] = candidate{
					b:       &rules.Benchmark{ID: fmt.Sprintf("b%03d", rng.IntN(1000)*100+i)},
					doc:     i,
					score:   float64(rng.IntN(4)) / 4,
					learned: float64(rng.IntN(3)) / 8,
					verdict: verdict{raw: float64(i), missing: []string{fmt.Sprint(i)}},
				}
			}
			want := slices.Clone(top)
			slices.SortFunc(want, betterCandidate)
			sortCandidates(top)
			for i := range top {
				if top[i].doc != want[i].doc || top[i].b != want[i].b || top[i].raw != want[i].raw || top[i].missing[0] != want[i].missing[0] {
					t.Fatalf("n=%d round %d: place %d holds doc %d, want %d", n, round, i, top[i].doc, want[i].doc)
				}
			}
		}
	}
}
