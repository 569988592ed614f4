package caseanalysis

import (
	"context"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/rules"
)

// snapshotDay is a decision date on which the April 2025 statutes were the
// law for everything the catalog cites (the first later version took
// effect on 2025-10-15): tests of matching, written for those laws, decide
// their undated facts on it rather than today, whose law the 生态环境法典
// and the 2025 治安管理处罚法 have changed.
const snapshotDay = "2025-09-30"

// TestAnalyzeLawOnTheDay: the same assault answered under the 治安管理处罚法
// in force on the act's day, one benchmark per line of versions: 2026 facts
// get the 2025 text's 第五十一条 and its range, 2025 facts the 2012 text's
// 第四十三条; facts without a date follow the decision date the request
// names, or today's law when it names none, and say which day they assumed.
func TestAnalyzeLawOnTheDay(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts, decision string
		wantID                string
		wantArticle           int
		wantMax               float64
		assumed               string
	}{
		{"act in 2026", "2026年3月5日晚，张某在小区门口与邻居发生争执，用拳头殴打邻居李某面部，致李某轻微伤。", "",
			"police25-51-assault", 51, 1000, ""},
		{"act in 2025", "2025年6月3日晚，张某在小区门口与邻居发生争执，用拳头殴打邻居李某面部，致李某轻微伤。", "2025-07-01",
			"police-43-assault", 43, 500, ""},
		{"no act date, decided in 2026", "张某在小区门口与邻居发生争执，用拳头殴打邻居李某面部，致李某轻微伤。", "2026-04-01",
			"police25-51-assault", 51, 1000, "处罚决定日期（2026年4月1日）"},
		{"no act date, decided in 2025", "张某在小区门口与邻居发生争执，用拳头殴打邻居李某面部，致李某轻微伤。", "2025-08-01",
			"police-43-assault", 43, 500, "处罚决定日期（2025年8月1日）"},
		{"no date at all: today's law", "张某在小区门口与邻居发生争执，用拳头殴打邻居李某面部，致李某轻微伤。", "",
			"police25-51-assault", 51, 1000, "今天"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: tt.facts, DecisionDate: tt.decision})
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]int{}
			var top *Violation
			for i := range res.Violations {
				v := &res.Violations[i]
				seen[v.BenchmarkID]++
				if top == nil && (v.BenchmarkID == "police-43-assault" || v.BenchmarkID == "police25-51-assault") {
					top = v
				}
			}
			if seen["police-43-assault"]+seen["police25-51-assault"] != 1 {
				t.Errorf("violations %v: want exactly one version of the assault benchmark", seen)
			}
			if top == nil || top.BenchmarkID != tt.wantID || top.Suggestion == nil {
				t.Fatalf("assault violation %+v, want %s", top, tt.wantID)
			}
			s := top.Suggestion
			pen := legal.Ref{Law: "治安管理处罚法", Article: tt.wantArticle, Paragraph: 1}
			found := false
			for _, b := range s.Basis {
				found = found || (b.Role == rules.RolePenalty && b.Ref == pen)
			}
			if !found {
				t.Errorf("basis %v lacks %s", s.Basis, rules.RefLabel(pen))
			}
			checkAssumedDay(t, res, tt.assumed)
			if s.Statutory == nil || s.Statutory.FineMax != tt.wantMax {
				t.Errorf("statutory %v, want up to %v", s.Statutory, tt.wantMax)
			}
		})
	}
}

// TestAnalyzeUndatedEnvironmentalToday: an environmental fact pattern with
// no date is decided on today's law, so it cites the 生态环境法典 that
// repealed the 大气污染防治法 on 2026-08-15 and says it assumed today; the
// same facts dated before the repeal keep the 大气污染防治法.
func TestAnalyzeUndatedEnvironmentalToday(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	facts := "某某热电有限公司锅炉烟气在线监测数据显示二氧化硫排放浓度超过大气污染物排放标准，超标排放废气。"
	tests := []struct {
		name, act, wantID string
		want              legal.Ref
		assumed           string
	}{
		{"no date: today's law", "", "eco-1107-excess-air", legal.Ref{Law: "生态环境法典", Article: 1107}, "今天"},
		{"act before the repeal", "2025-06-10", "air-99-excess", legal.Ref{Law: "大气污染防治法", Article: 99, Item: 2}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: facts, ActDate: tt.act})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != tt.wantID || res.Violations[0].Suggestion == nil {
				t.Fatalf("violations %+v; want %s first", res.Violations, tt.wantID)
			}
			var penalty bool
			for _, b := range res.Violations[0].Suggestion.Basis {
				penalty = penalty || b.Role == rules.RolePenalty && b.Ref == tt.want
			}
			if !penalty {
				t.Errorf("basis %+v lacks %s as penalty", res.Violations[0].Suggestion.Basis, rules.RefLabel(tt.want))
			}
			checkAssumedDay(t, res, tt.assumed)
			// The explanation speaks the law of the day too: what the top
			// violation applies and what it set aside.
			top := res.Violations[0]
			if !strings.HasPrefix(top.Why, tt.want.Law) {
				t.Errorf("why %q does not begin with %s", top.Why, tt.want.Law)
			}
			for _, e := range top.Excluded {
				if law := strings.SplitN(e.Provision, "第", 2)[0]; law != tt.want.Law && (law == "大气污染防治法" || law == "生态环境法典") {
					t.Errorf("excluded %s (%s) beside %s", e.Provision, e.BenchmarkID, tt.want.Law)
				}
			}
		})
	}
}

// TestAnalyzeContinuingActEndsWhenDiscovered: an outfall set up before the
// 生态环境法典 took effect and still in use when discovered after it is
// governed by the 法典 (the act ends no earlier than its discovery), and
// the answer says which end it assumed; the same outfall with no word of
// it continuing keeps the act-time law (从旧兼从轻, the 法典 no lighter).
func TestAnalyzeContinuingActEndsWhenDiscovered(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts string
		want        legal.Ref
		end         string
	}{
		{"still in use when discovered", "某某宾馆2026年6月在饮用水水源保护区内私设排污口排放生活污水，2026年9月20日检查时发现该排污口仍在使用。",
			legal.Ref{Law: "生态环境法典", Article: 1109, Paragraph: 2}, "2026-09-20"},
		{"no word of it continuing", "某某宾馆2026年6月在饮用水水源保护区内私设排污口排放生活污水，2026年9月20日检查时发现。",
			legal.Ref{Law: "水污染防治法", Article: 84, Paragraph: 1}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: tt.facts, DecisionDate: "2026-11-20"})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Violations) == 0 || res.Violations[0].Suggestion == nil {
				t.Fatalf("violations %+v", res.Violations)
			}
			var penalty bool
			for _, b := range res.Violations[0].Suggestion.Basis {
				penalty = penalty || b.Role == rules.RolePenalty && b.Ref == tt.want
			}
			if !penalty {
				t.Errorf("%s: basis %+v lacks %s as penalty", res.Violations[0].BenchmarkID, res.Violations[0].Suggestion.Basis, rules.RefLabel(tt.want))
			}
			if got := res.Facts.Engine.ActEndDate; got != tt.end {
				t.Errorf("act end %q, want %q", got, tt.end)
			}
			noted := strings.Contains(strings.Join(res.Warnings, ""), "事实表明违法行为处于继续状态")
			if noted != (tt.end != "") {
				t.Errorf("continuing note %v, want %v: %v", noted, tt.end != "", res.Warnings)
			}
		})
	}
}
