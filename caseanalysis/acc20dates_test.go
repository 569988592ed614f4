package caseanalysis

import (
	"context"
	"strings"
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
			res := analyzeDecided(t, a, tc.text, tc.decided)
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

// TestPriorDecisionDayTwentieth: a decision date the facts give of an
// earlier penalty or of another case is not this case's decision day:
// with no decision date in the request the day stays today's, and no
// warning claims a written one. Of two decisions of this case the later
// is the day.
func TestPriorDecisionDayTwentieth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	const act = "经查，2025年11月9日郝某酒后在步行街拦截行人索要香烟扰乱公共秩序。"
	for _, tc := range []struct {
		name, text, decided string
	}{
		{"an earlier penalty's decision", act + "前次处罚决定于2025年12月20日作出。", ""},
		{"another case's decision", act + "此前本局已于2025年12月20日对其另案作出行政处罚决定。", ""},
		{"an earlier decision in other words", act + "该人曾于2025年12月15日因殴打他人被本局作出行政处罚决定。", ""},
		{"this case's decision after a quoted one", act + "前次处罚决定于2025年12月1日作出。本局于2026年1月12日作出行政处罚决定。", "2026-01-12"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := analyzeDecided(t, a, tc.text, tc.decided)
			written := false
			for _, w := range res.Warnings {
				written = written || strings.Contains(w, "事实中载明的作出处罚决定之日")
			}
			if written != (tc.decided != "") {
				t.Errorf("warning of a written decision day: %v; want %v (%q)", written, tc.decided != "", res.Warnings)
			}
		})
	}
}

// analyzeDecided analyses text with no decision date in the request and
// checks the decision date the engine reads from it.
func analyzeDecided(t *testing.T, a *Analyzer, text, decided string) Result {
	t.Helper()
	res, err := a.Analyze(context.Background(), Request{Facts: text})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Facts.Engine.DecisionDate; got != decided {
		t.Errorf("decision date %q; want %q", got, decided)
	}
	return res
}
