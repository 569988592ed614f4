package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// TestElementGroupSharedTwentySecond checks that elements which find alike
// share one cue group (so shown answers them once per text), that any
// difference in what decides find's answer keeps them apart, and that the
// shared memory gives each element the answer find gives it.
func TestElementGroupSharedTwentySecond(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	base := rules.Element{Label: "以次充好", Cues: []string{"以次充好", "掺杂"}}
	relabelled := base
	relabelled.Label = "掺杂掺假"
	cases := []struct {
		name            string
		a, b            rules.Element
		claimsA, claimB bool
		same            bool
	}{
		{"same cues, another label", base, relabelled, false, false, true},
		{"cues in another order", base, rules.Element{Label: "x", Cues: []string{"掺杂", "以次充好"}}, false, false, false},
		{"one cue more", base, rules.Element{Label: "x", Cues: []string{"以次充好", "掺杂", "掺假"}}, false, false, false},
		{"not_within differs", base, rules.Element{Label: "x", Cues: []string{"以次充好", "掺杂"}, NotWithin: []string{"掺杂物"}}, false, false, false},
		{"reads claims", base, base, false, true, false},
		{"inspected", base, rules.Element{Label: "x", Cues: []string{"以次充好", "掺杂"}, Inspected: true}, false, false, false},
		{"a who label", base, rules.Element{Label: "经营者", Cues: []string{"以次充好", "掺杂"}}, false, false, false},
		{"a party label", rules.Element{Label: "个人", Cues: []string{"个人"}}, rules.Element{Label: "x", Cues: []string{"个人"}}, false, false, false},
		{"same figure", rules.Element{Label: "a", Measure: &rules.MeasureRange{Name: rules.MeasureExcessPercent, GTE: f(50)}},
			rules.Element{Label: "b", Measure: &rules.MeasureRange{Name: rules.MeasureExcessPercent, GTE: f(50)}}, false, false, true},
		{"another bound", rules.Element{Label: "a", Measure: &rules.MeasureRange{Name: rules.MeasureExcessPercent, GTE: f(50)}},
			rules.Element{Label: "b", Measure: &rules.MeasureRange{Name: rules.MeasureExcessPercent, GTE: f(20)}}, false, false, false},
		{"lower against upper bound", rules.Element{Label: "a", Measure: &rules.MeasureRange{Name: rules.MeasureExcessPercent, GTE: f(50)}},
			rules.Element{Label: "b", Measure: &rules.MeasureRange{Name: rules.MeasureExcessPercent, LT: f(50)}}, false, false, false},
	}
	texts := []string{"经查，当事人销售的大米以次充好，掺杂沙石。", "当事人销售的产品中掺杂物超标。", "该车超过核定载质量百分之六十。", "张某，男，个人。"}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := decider{openers: map[string][]int32{}}
			a := d.compileElements([]rules.Element{c.a}, c.claimsA)[0]
			b := d.compileElements([]rules.Element{c.b}, c.claimB)[0]
			if got := a.group == b.group; got != c.same {
				t.Fatalf("shared group = %v, want %v", got, c.same)
			}
			d.indexCues(append(append([]nlp.Cue(nil), a.cues...), b.cues...))
			for _, text := range texts {
				norm := nlp.NormalizeText(text)
				scan := d.index.Scan(norm)
				live := d.live(scan)
				facts := &factValues{norm: norm, text: text, x: rules.ExtractFacts(text).Extraction}
				for _, e := range []*element{&a, &b} {
					wantWhat, want := e.find(scan, live.live(e.group), facts)
					if what, ok := e.shown(scan, live, facts); ok != want || what != wantWhat {
						t.Errorf("%s on %q: shown = %q, %v; find = %q, %v", e.label, text, what, ok, wantWhat, want)
					}
				}
			}
		})
	}
}
