package nlp

import (
	"strings"
	"testing"
	"time"
)

// TestToldDatesTwentyFirst: dates told by a holiday (元旦, 国庆, 春节 and
// 正月初N through the lunar calendar), a season, or a day relative to the
// dated mention before it (翌日, 第二天) are read, with the year from
// the text; the day after an act told is the act's end.
func TestToldDatesTwentyFirst(t *testing.T) {
	tests := []struct {
		name, in, value, role string
	}{
		{"第二天 after an act is its end", "经查，2025年12月31日下午，违法行为人郑某在菜市场与摊主发生争执被劝走，第二天上午郑某又到该摊位将摊主推倒在地。", "2026-01-01", DateActEnd},
		{"翌日 after a register's act", "2026-03-31 某某超市 店员与顾客争吵 翌日该顾客带人将店员打伤", "2026-04-01", DateActEnd},
		{"元旦 with the year written", "经查，2026年元旦晚上，违法行为人岳某在广场燃放烟花时将烟花对准人群。", "2026-01-01", DateAct},
		{"国庆 of 去年", "2026年2月3日，报案人甘某称：去年国庆期间其在景区停车场被人划伤车辆。", "2025-10-01", DateAct},
		{"春节 of a year, lunar", "经查，2024年春节期间，当事人在其经营的烟花爆竹店内超量储存烟花爆竹。", "2024-02-10", DateAct},
		{"正月初五 of 今年", "2025年8月20日，报案人称今年正月初五在村口被邻居殴打，当时未报警。", "2025-02-02", DateAct},
		{"除夕 is the day before 春节", "经查，2026年除夕夜，违法行为人在禁放区燃放烟花爆竹。", "2026-02-16", DateAct},
		{"a season is read as its last day", "2026年3月1日，举报人称该厂去年夏天曾多次在夜间偷排废水。", "2025-08-31", DateAct},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkDateRole(t, tc.in, tc.value, tc.role) })
	}
	// A street named 国庆路, 春节前 (some day before it), goods named by a
	// holiday (中秋月饼) and a winter across two years are no dates.
	for _, in := range []string{"2026年3月1日，执法人员在国庆路检查发现该店销售过期食品。", "2026年3月1日，执法人员检查发现该店春节前购进的一批元宵已过保质期。", "2026年3月1日，执法人员检查发现该店仍在销售去年中秋月饼。", "2026年3月1日，举报人称该厂去年冬天曾在夜间偷排废水。"} {
		for _, d := range Extract(in).Dates {
			if d.Value != "2026-03-01" {
				t.Errorf("%s: read %s (%s)", in, d.Value, d.Role)
			}
		}
	}
}

// TestToldDatesWorkTwentyFirst: a text of 60 KB full of 次日 and dated
// mentions, or of holidays, is read in time linear in its length (one pass
// over the dates for every 次日; a bounded number of holidays).
func TestToldDatesWorkTwentyFirst(t *testing.T) {
	for _, unit := range []string{"2025年3月1日检查，次日复查，当日整改。", "今年春节、国庆节期间和元旦当晚，"} {
		var b strings.Builder
		for b.Len() < 60_000 {
			b.WriteString(unit)
		}
		start := time.Now()
		Extract(b.String())
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%q×%d: %v", unit, 60_000/len(unit), d)
		}
	}
}

// TestToldDatesNoTimeTwentyFirst (review of open21): a given name that is a
// holiday's (张国庆当晚, 李中秋在家), an event named by one (春节晚会) and its
// approach (春节在即) are no dates; a season still running when the text is
// dated is read by that date, not after it. Holiday words passed over (二十个
// 中秋月饼) do not use up the bound on holidays read.
func TestToldDatesNoTimeTwentyFirst(t *testing.T) {
	for _, tt := range []struct{ in, latest string }{
		{"2025年9月20日，违法行为人张国庆当晚在小区内殴打邻居。", "2025-09-20"},
		{"2025年9月20日，民警查明，李中秋在家中殴打其妻。", "2025-09-20"},
		{"2026年1月5日，当事人在春节晚会现场销售三无食品。", "2026-01-05"},
		{"2026年1月5日，执法人员检查时，春节在即，当事人店内囤积大量烟花爆竹。", "2026-01-05"},
		{"2026年3月1日，举报人称该厂今年春天多次在夜间偷排废水。", "2026-03-01"},
		{"2026年2月1日，举报人称该厂今年夏天会在夜间偷排废水。", "2026-02-01"},
	} {
		for _, d := range Extract(tt.in).Dates {
			if d.Value > tt.latest {
				t.Errorf("%s: read %s (%s), after %s", tt.in, d.Value, d.Role, tt.latest)
			}
		}
	}
	for _, tt := range []struct{ name, in, value string }{
		{"国庆 after 中秋和", "2025年10月20日，受害人报案称其在中秋和国庆期间多次被邻居辱骂。", "2025-10-01"},
		{"于国庆 is no name", "2025年10月20日，受害人报案称其于国庆当晚被邻居殴打。", "2025-10-01"},
		{"after twenty goods", "2025年10月20日，" + strings.Repeat("中秋月饼、", 20) + "受害人称国庆期间被邻居殴打。", "2025-10-01"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, d := range Extract(tt.in).Dates {
				if d.Value == tt.value {
					return
				}
			}
			t.Errorf("no %s in %+v", tt.value, Extract(tt.in).Dates)
		})
	}
}
