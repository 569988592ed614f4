package rules

import "testing"

// TestConditionNotWithinTwentyFifth: not_within belongs to a condition of
// cues (a measure has no words to look inside), and a cue found only inside
// one of its words does not meet the condition while one found elsewhere
// does (对方负主要责任 beside 李某负主要责任).
func TestConditionNotWithinTwentyFifth(t *testing.T) {
	if err := (Condition{Measure: MeasureDeaths, GTE: 1, NotWithin: []string{"对方死亡"}}).validate(true); err == nil {
		t.Error("not_within on a measure: no error")
	}
	crimes, err := LoadCrimes()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, text string
		want       string
	}{
		{"only the other side's", "事故认定：对方负事故主要责任，王某负次要责任，对方当场死亡。", RiskNone},
		{"the party's beside the other's", "事故认定：王某负事故主要责任，对方负次要责任，对方当场死亡。", RiskLikely},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := crimes.Assess(TransferInput{Text: tt.text, Measures: map[string]float64{MeasureDeaths: 1}, Benchmarks: []string{"traffic-99-unlicensed-driving"}}, TransferOptions{})
			if got.Risk != tt.want {
				t.Errorf("risk = %s %s, want %s", got.Risk, got.Crime, tt.want)
			}
		})
	}
}
