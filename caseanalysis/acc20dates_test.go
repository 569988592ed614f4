package caseanalysis

import (
	"context"
	"testing"
)

// TestWrittenDecisionDayTwentieth: a decision read without a decision
// date in the request is judged on the day the facts say it was decided,
// not today: an act of November 2025 decided in December 2025 keeps the
// 2012 治安管理处罚法 (no later law to compare), while the same act decided
// in January 2026 compares it with the 2025 law and takes the lighter one
// (第三十条 allows a fine instead of detention). With no written decision
// date the day is today's, as before.
func TestWrittenDecisionDayTwentieth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	const act = "经查，2025年11月9日凌晨1时许，违法行为人郝某酒后在步行街无故拦截过路行人索要香烟，并对上前劝阻的路人范某推搡辱骂，造成围观，扰乱公共秩序。"
	for _, tc := range []struct {
		name, text, decided, want string
	}{
		{"decided before the revision took effect", act + "本局于2025年12月20日作出行政处罚决定。", "2025-12-20", "police-26-provocation"},
		{"decided after it", act + "本局于2026年1月12日作出行政处罚决定。", "2026-01-12", "police25-30-provocation"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: tc.text})
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Facts.Engine.DecisionDate; got != tc.decided {
				t.Errorf("decision date %q; want %q", got, tc.decided)
			}
			// the suggestion of the top violation names the benchmark
			// that applies after 第三十七条
			if len(res.Violations) == 0 || res.Violations[0].Suggestion == nil || res.Violations[0].Suggestion.BenchmarkID != tc.want {
				var got []string
				for _, v := range res.Violations {
					if v.Suggestion != nil {
						got = append(got, v.Suggestion.BenchmarkID)
					}
				}
				t.Errorf("suggestions %v; want %s first", got, tc.want)
			}
		})
	}
}
