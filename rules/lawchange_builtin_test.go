package rules

import (
	"strings"
	"testing"

	"github.com/cailiang/cailiang/legal"
)

// TestBuiltinLawOnTheDay runs the built-in catalog over the 2025 revisions of
// 治安管理处罚法 (in force 2026-01-01), 反不正当竞争法 (2025-10-15) and
// 食品安全法 (2025-12-01): an act gets the article and range in force on its
// day; an act before the change decided after it gets the lighter of the
// two versions, with the reason (行政处罚法 第三十七条); a benchmark carried on
// unchanged shows no change at all.
func TestBuiltinLawOnTheDay(t *testing.T) {
	c, err := LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, id, act, decision string
		flags                   map[string]bool
		wantID                  string
		wantPenalty             legal.Ref
		wantRange               Range
		wantDetention           *Detention
		wantApplied             string // "" means no LawChange
		wantInReason            []string
	}{
		{name: "2026-03 assault: the 2025 article 第五十一条 and its range",
			id: "police-43-assault", act: "2026-03-12", decision: "2026-03-20", wantID: "police25-51-assault",
			wantPenalty: legal.Ref{Law: "治安管理处罚法", Article: 51, Paragraph: 1},
			wantRange:   Range{500, 1000}, wantDetention: &Detention{MinDays: 5, MaxDays: 10}},
		{name: "2025-06 assault: the 2012 article 第四十三条",
			id: "police25-51-assault", act: "2025-06-08", decision: "2025-07-01", wantID: "police-43-assault",
			wantPenalty: legal.Ref{Law: "治安管理处罚法", Article: 43, Paragraph: 1},
			wantRange:   Range{200, 500}, wantDetention: &Detention{MinDays: 5, MaxDays: 10}},
		{name: "assault before 2026 decided after: the new fine is heavier, the 2012 article applies",
			id: "police-43-assault", act: "2025-12-20", decision: "2026-02-10", wantID: "police-43-assault",
			wantPenalty: legal.Ref{Law: "治安管理处罚法", Article: 43, Paragraph: 1},
			wantRange:   Range{200, 500}, wantDetention: &Detention{MinDays: 5, MaxDays: 10}, wantApplied: AppliedAct,
			wantInReason: []string{"新的规定自2026-01-01起施行（治安管理处罚法第一百四十四条）", "不轻于", "适用违法行为发生时的规定"}},
		{name: "寻衅滋事 before 2026 decided after, fine only: the 2025 article allows a fine instead of detention, lighter",
			id: "police-26-provocation", act: "2025-11-02", decision: "2026-01-15", flags: map[string]bool{"fine_only": true, "impose_fine": true},
			wantID: "police25-30-provocation", wantPenalty: legal.Ref{Law: "治安管理处罚法", Article: 30},
			wantRange: Range{0, 1000}, wantApplied: AppliedDecision,
			wantInReason: []string{"新的规定处罚较轻，适用新的规定"}},
		{name: "商业贿赂 before 2025-10-15 decided after: the revised maximum is lower, it applies",
			id: "comp-19-bribery", act: "2025-06-30", decision: "2025-11-20", wantID: "comp25-24-bribery",
			wantPenalty: legal.Ref{Law: "反不正当竞争法", Article: 24, Paragraph: 1},
			wantRange:   Range{100000, 1000000}, wantApplied: AppliedDecision,
			wantInReason: []string{"反不正当竞争法已经修改，新的规定自2025-10-15起施行（反不正当竞争法第四十一条）", "新的规定处罚较轻"}},
		{name: "商业诋毁 before 2025-10-15 decided after: the revised range is heavier, the 2019 article applies",
			id: "comp25-28-disparagement", act: "2025-09-01", decision: "2025-12-01", wantID: "comp-23-disparagement",
			wantPenalty: legal.Ref{Law: "反不正当竞争法", Article: 23},
			wantRange:   Range{100000, 500000}, wantApplied: AppliedAct,
			wantInReason: []string{"不轻于", "适用违法行为发生时的规定"}},
		{name: "商业诋毁 in 2026: the revised article 第二十八条",
			id: "comp-23-disparagement", act: "2026-02-01", decision: "2026-03-01", wantID: "comp25-28-disparagement",
			wantPenalty: legal.Ref{Law: "反不正当竞争法", Article: 28},
			wantRange:   Range{100000, 1000000}},
		{name: "过期食品 across the 2025 食品安全法 amendment: the article is unchanged, no law change",
			id: "food-124-expired", act: "2025-11-10", decision: "2026-01-05", wantID: "food-124-expired",
			wantPenalty: legal.Ref{Law: "食品安全法", Article: 124, Paragraph: 1, Item: 5},
			wantRange:   Range{50000, 100000}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Facts{ActDate: tt.act, DecisionDate: tt.decision, PartyKind: "个人", Flags: tt.flags}
			if strings.HasPrefix(tt.id, "comp") || strings.HasPrefix(tt.id, "food") {
				f.PartyKind = "单位"
			}
			if strings.HasPrefix(tt.id, "food") {
				goods := 3000.0
				f.GoodsValue = &goods
			}
			s, err := c.Suggest(tt.id, f)
			if err != nil {
				t.Fatal(err)
			}
			if s.BenchmarkID != tt.wantID {
				t.Errorf("benchmark %s, want %s", s.BenchmarkID, tt.wantID)
			}
			if !citesRole(s.Basis, tt.wantPenalty, RolePenalty) {
				t.Errorf("basis %v lacks the penalty provision %s", s.Basis, RefLabel(tt.wantPenalty))
			}
			if s.Statutory == nil || *s.Statutory != tt.wantRange {
				t.Errorf("statutory %v, want %v", s.Statutory, tt.wantRange)
			}
			// A term shown with a condition the facts do not meet (When)
			// is not imposed.
			switch {
			case tt.wantDetention == nil && s.Detention != nil && s.Detention.When == "":
				t.Errorf("detention %+v, want none", s.Detention)
			case tt.wantDetention != nil && (s.Detention == nil || s.Detention.When != "" || s.Detention.MinDays != tt.wantDetention.MinDays || s.Detention.MaxDays != tt.wantDetention.MaxDays):
				t.Errorf("detention %+v, want %+v", s.Detention, tt.wantDetention)
			}
			ch := s.LawChange
			if tt.wantApplied == "" {
				if ch != nil {
					t.Errorf("law change %+v, want none", ch)
				}
				return
			}
			if ch == nil {
				t.Fatal("no law change")
			}
			if ch.Applied != tt.wantApplied || ch.Review || len(ch.Versions) != 2 {
				t.Errorf("applied %s review %v versions %d, want %s false 2", ch.Applied, ch.Review, len(ch.Versions), tt.wantApplied)
			}
			for _, w := range tt.wantInReason {
				if !strings.Contains(ch.Reason, w) {
					t.Errorf("reason %q lacks %q", ch.Reason, w)
				}
			}
			// Both versions' provisions and ranges are shown.
			if len(ch.Versions) == 2 && ch.Versions[0].BenchmarkID == ch.Versions[1].BenchmarkID {
				t.Errorf("both versions are %s", ch.Versions[0].BenchmarkID)
			}
			if !strings.Contains(s.Trace[0].Result, ch.Versions[0].Summary) || !strings.Contains(s.Trace[0].Result, ch.Versions[len(ch.Versions)-1].Summary) {
				t.Errorf("first step %q does not show both versions", s.Trace[0].Result)
			}
		})
	}
}

func citesRole(bs []Basis, r legal.Ref, role string) bool {
	for _, b := range bs {
		if b.Ref == r && b.Role == role {
			return true
		}
	}
	return false
}
