package nlp

import (
	"strings"
	"testing"
)

// TestContinuingDeniedTwentyNinth: the continuing act's cues without a
// negation of their own (正在排放, 仍在经营, 复查时仍) are denied by one before
// them (现场未发现正在排放); those that carry their own (仍未停止, 拒不停工)
// and an unnegated finding still read as going on.
func TestContinuingDeniedTwentyNinth(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       bool
	}{
		{"no discharge seen going on", "某印染厂曾通过雨水管排放染色废水，执法人员蹲守两日，没有发现正在排放。", false},
		{"no trading found at the visit", "执法人员回访时，未见该摊点仍在经营，原址已清空。", false},
		{"the flow found going on", "执法人员沿河巡查时发现某屠宰场排污口正在排放血水。", true},
		{"its own negation kept", "该洗砂场被责令停产后，至今仍未停止生产，夜间照常作业。", true},
		{"refusal kept", "被责令停止建设后，业主拒不停工，继续砌筑围墙。", true},
	} {
		t.Run(tt.name, func(t *testing.T) { checkContinuing(t, tt.text, tt.want) })
	}
}

// TestRecheckStoppedDateTwentyNinth: the day a later visit found the act
// ended (9月12日复查时已停止排放) is neither the act's nor its discovery's;
// a recheck that finds it going on, and the first finding, keep theirs.
func TestRecheckStoppedDateTwentyNinth(t *testing.T) {
	for _, tt := range []struct {
		name, text, date, want string
	}{
		{"stopped at the recheck", "2026年7月2日，执法人员检查发现某洗车场将洗车废水经暗管排入雨水井，9月12日复查时已停止排放，暗管已拆除。", "2026-09-12", ""},
		{"nothing at the recheck", "2026年6月18日，某石材厂被查实通过渗坑排放切割废水，8月28日回访时该厂未再排放。", "2026-08-28", ""},
		{"still at it at the recheck", "2026年6月18日，某石材厂被查实通过渗坑排放切割废水，8月28日复查时仍在排放。", "2026-08-28", DateAct},
		{"the first finding", "2026年7月2日，执法人员检查发现某洗车场将洗车废水经暗管排入雨水井。", "2026-07-02", DateDiscovery},
	} {
		t.Run(tt.name, func(t *testing.T) {
			found := false
			for _, d := range Extract(tt.text).Dates {
				if d.Value == tt.date && d.Role != DateActEnd {
					found = true
					if d.Role != tt.want {
						t.Errorf("role of %s = %q, want %q (%+v)", tt.date, d.Role, tt.want, Extract(tt.text).Dates)
					}
				}
			}
			if !found {
				t.Errorf("date %s not read (%+v)", tt.date, Extract(tt.text).Dates)
			}
		})
	}
}

// TestPriorPenaltyDateAfterTwentyNinth: a date told before 曾因…被罚款 is the
// earlier penalty's, not the act's.
func TestPriorPenaltyDateAfterTwentyNinth(t *testing.T) {
	for _, tt := range []struct {
		name, text, date, want string
	}{
		{"曾 after the date", "2026年3月2日检查发现某粮油店未按规定标示价格。该店2023年5月曾因销售霉变大米被罚款三千元。", "2023-05", ""},
		{"the act's own date", "该店2026年2月销售霉变大米50公斤。", "2026-02", DateAct},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, d := range Extract(tt.text).Dates {
				if strings.HasPrefix(d.Value, tt.date) && d.Role != tt.want {
					t.Errorf("role of %s = %q, want %q", d.Value, d.Role, tt.want)
				}
			}
		})
	}
}
