package caseanalysis

import (
	"context"
	"testing"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/rules"
)

// TestAnalyzeLawOnTheDay: the same assault answered under the 治安管理处罚法
// in force on the act's day, one benchmark per line of versions: 2026 facts
// get the 2025 text's 第五十一条 and its range, 2025 facts the 2012 text's
// 第四十三条; facts without a date follow the decision date the request
// names.
func TestAnalyzeLawOnTheDay(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts, decision string
		wantID                string
		wantArticle           int
		wantMax               float64
	}{
		{"act in 2026", "2026年3月5日晚，张某在小区门口与邻居发生争执，用拳头殴打邻居李某面部，致李某轻微伤。", "",
			"police25-51-assault", 51, 1000},
		{"act in 2025", "2025年6月3日晚，张某在小区门口与邻居发生争执，用拳头殴打邻居李某面部，致李某轻微伤。", "2025-07-01",
			"police-43-assault", 43, 500},
		{"no act date, decided in 2026", "张某在小区门口与邻居发生争执，用拳头殴打邻居李某面部，致李某轻微伤。", "2026-04-01",
			"police25-51-assault", 51, 1000},
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
			if s.Statutory == nil || s.Statutory.FineMax != tt.wantMax {
				t.Errorf("statutory %v, want up to %v", s.Statutory, tt.wantMax)
			}
		})
	}
}
