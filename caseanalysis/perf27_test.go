package caseanalysis

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/cailiang/cailiang/nlp"
)

// TestKeepBestIsSortedPrefix checks that keepBest, with its early
// rejection of what ranks below a full list's last, keeps exactly the n
// first of a full sort, ties broken by position as the callers order.
func TestKeepBestIsSortedPrefix(t *testing.T) {
	r := rand.New(rand.NewPCG(27, 12))
	for trial := range 200 {
		all := make([]caseHit, r.IntN(60))
		for i := range all {
			all[i] = caseHit{i, float64(r.IntN(8))} // many ties
		}
		for _, n := range []int{0, 1, 3, 10, 80} {
			var top []caseHit
			for _, h := range all {
				top = keepBest(top, h, n, betterHit)
			}
			want := slices.Clone(all)
			slices.SortFunc(want, betterHit)
			want = want[:min(n, len(want))]
			if !slices.Equal(top, want) {
				t.Fatalf("trial %d, n %d: kept %v, want %v", trial, n, top, want)
			}
		}
	}
}

// BenchmarkOwesWages reads every development-set text for unpaid wages,
// as measures does for each analysis: most texts name no wage campaign,
// whose words owesWages strips first.
func BenchmarkOwesWages(b *testing.B) {
	texts := devsetTexts(b)
	for i, t := range texts {
		texts[i] = nlp.NormalizeText(t)
	}
	n := 0
	for b.Loop() {
		for _, t := range texts {
			if owesWages(t) {
				n++
			}
		}
	}
	_ = n
}
