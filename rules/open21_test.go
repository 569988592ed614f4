package rules

import (
	"slices"
	"strings"
	"testing"
)

// TestUndatedTheftPriorTwentyFirst: an earlier theft penalty told without
// its day is fed just short of the count (caseanalysis priorMeasures); with
// the amount past the halved figure the answer is near and asks for the
// date, not none. A sum only near the halved figure stays none, and a dated
// prior within the year stays likely.
func TestUndatedTheftPriorTwentyFirst(t *testing.T) {
	c, err := LoadCrimes()
	if err != nil {
		t.Fatal(err)
	}
	text := "违法嫌疑人此前因偷拿他人财物受过行政处罚，此次又在商场窃取他人手机一部。"
	for _, tt := range []struct {
		name         string
		prior, value float64
		want         string
	}{
		{"undated prior, 700 past the halved 500", 0.95, 700, RiskNear},
		{"undated prior, 450 below the halved 500", 0.95, 450, RiskNone},
		{"prior within the year, 700", 1, 700, RiskLikely},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := TransferInput{Text: text, Measures: map[string]float64{MeasurePropertyValue: tt.value, MeasurePriorTheft: tt.prior}}
			got := c.Assess(in, TransferOptions{})
			if got.Risk != tt.want {
				t.Fatalf("risk %s (%s), want %s", got.Risk, got.Threshold, tt.want)
			}
			if tt.want == RiskNear {
				var missing []string
				for _, cand := range got.Candidates {
					missing = append(missing, cand.Missing...)
				}
				if !slices.ContainsFunc(missing, func(m string) bool { return strings.Contains(m, "一年内") }) {
					t.Errorf("near without asking for the prior's date: missing %q", missing)
				}
			}
		})
	}
}

// TestSeriousTierOnlyTwentyFirst: when the facts establish 情节严重, the
// brackets of a provision whose base is not stated are the serious tier's
// only (道路运输条例 第六十三条's for unlicensed carriage: 1万–5万); without it
// the basic ones stay listed beside them.
func TestSeriousTierOnlyTwentyFirst(t *testing.T) {
	c := mustCatalog(t)
	for _, id := range []string{"transport-63-unlicensed-freight"} {
		for _, serious := range []bool{true, false} {
			s, err := c.Suggest(id, Facts{Serious: serious})
			if err != nil {
				t.Fatal(err)
			}
			var basic, tier int
			for _, b := range s.Conditional {
				if strings.HasPrefix(b.When, "情节严重") {
					tier++
					if serious && slices.Contains(b.Establish, "serious") {
						t.Errorf("%s: 情节严重 established, still asked for: %+v", id, b)
					}
				} else {
					basic++
				}
			}
			if serious && (basic > 0 || tier == 0) {
				t.Errorf("%s serious: %d basic and %d serious brackets, want only serious (%+v)", id, basic, tier, s.Conditional)
			}
			if !serious && (basic == 0 || tier == 0) {
				t.Errorf("%s not serious: %d basic and %d serious brackets, want both", id, basic, tier)
			}
		}
	}
}
