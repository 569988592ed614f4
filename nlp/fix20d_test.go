package nlp

import (
	"strings"
	"testing"
)

// TestReviewDatesTwentieth: readings of dates the review of acc20dates
// found wrong. A follow-up months after the discovery (7月10日复查, 整改完毕)
// is the same year's, not an act of the year before; 去年 counts from the
// dated mention nearest before it, not from a decision or a deadline; a
// text that opens with its act's date keeps it when a purchase or a
// licence is dated earlier; a licence's or contract's date is no act's; a
// slash date needs its own digits; 初步 and 末尾 are no thirds of a month.
func TestReviewDatesTwentieth(t *testing.T) {
	tests := []struct {
		name, in, value, role string
	}{
		// 2: a follow-up after the discovery
		{"a recheck half a year later", "2026年1月5日检查发现该店无证经营，7月10日复查时仍在经营。", "2026-07-10", DateAct},
		{"a correction half a year later", "2026年1月5日检查发现该店销售过期食品，当事人于7月10日整改完毕。", "2026-07-10", DateAct},
		{"a revisit in other words", "2026年2月3日执法人员巡查发现该厂未办理排污许可，9月20日回访时该厂已停产。", "2026-09-20", ""},
		// 2: the nearest date before is read in the normalised text, past full-width marks
		{"a run's yearless end after full-width marks", "经营范围：第二类医疗器械销售（依法须经批准的项目，经相关部门批准后方可开展经营活动）\n2025年4月29日，本机关依法立案调查。\n经查，当事人2024年1月至12月在向县中医院销售耗材过程中，以“返点”名义账外暗中支付现金。", "2024-12-31", DateActEnd},
		{"a yearless end after full-width brackets, other words", "当事人：某某（个体工商户）（经营者：王某）\n2026年3月10日，本局执法人员检查时发现，当事人于2025年2月至11月在店内销售假冒白酒。", "2025-11-30", DateActEnd},
		// 3: 去年 from the nearest dated mention before it
		{"去年 before a later decision", "2025年12月28日，民警对吴某进行询问，吴某供述去年12月某晚在朋友家中吸食冰毒。本所于2026年1月5日作出处罚决定。", "2024-12-01", DateAct},
		{"去年 before a deadline", "2026年3月2日执法人员检查发现，该厂去年11月起未运行污染防治设施，责令于2027年3月1日前改正。", "2025-11-01", DateAct},
		// 4: a text that opens with its act's date
		{"the sale opens the text, the purchase dated before", "2026年3月1日，当事人在店内销售过期食品。经查，该批食品于2025年12月20日购进。", "2026-03-01", DateAct},
		{"the act opens the text, a purchase in other words", "2026年5月6日，当事人在门店内销售超过保质期的牛奶。经调查，该批牛奶系2026年2月10日从批发市场购进。", "2026-05-06", DateAct},
		// 6: a licence's date is no act's
		{"a licence's date with no discovery", "当事人营业执照于2019年3月1日核发，经查，当事人在门店内销售未经检验的电动车头盔。", "2019-03-01", ""},
		{"a contract's date with no discovery", "当事人与某物流公司于2020年6月15日签订运输合同，经查，当事人使用未取得道路运输证的车辆从事货运。", "2020-06-15", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkDateRole(t, tc.in, tc.value, tc.role) })
	}
	// 5: a run opened by a yearless month ends when it was found, and the
	// dates stay in the order of the text
	for _, in := range []string{
		"经查，当事人自6月起通过暗管排放未经处理的废水，直至2026年9月8日执法人员检查时被查获。",
		"该店从3月起在店外占道堆放货物，直到2026年4月20日城管队员巡查时被查获。",
	} {
		x := Extract(in)
		end := ""
		for i, d := range x.Dates {
			if d.Role == DateActEnd {
				end = d.Value
			}
			if i > 0 && d.Start < x.Dates[i-1].Start {
				t.Errorf("dates out of order: %+v", x.Dates)
			}
		}
		if end == "" {
			t.Errorf("no act end in %q (dates %+v)", in, x.Dates)
		}
	}
	// 8, 9: no date read where none is written
	none := []struct {
		name, in, value string
	}{
		{"a file number with slashes", "编号2025/12/1234，当事人于2025年12月3日殴打他人。", "2025-12-12"},
		{"a slash number after digits", "案卷号12025/1/2，当事人于2025年12月3日殴打他人。", "2025-01-02"},
		{"末尾 is no last third", "车辆于2026年5月末尾车厢加装了储物箱。", "2026-05-21"},
	}
	// 9: 初步, 初次 are no first third: the date ends at the month
	for _, in := range []string{"经查，当事人于2026年5月初步核实后仍继续销售。", "该店2026年3月初次被投诉后仍未停业。"} {
		for _, d := range Extract(in).Dates {
			if got := in[d.Start:d.End]; strings.HasSuffix(got, "初") {
				t.Errorf("date %q of %q takes 初 as a third of the month", got, in)
			}
		}
	}
	for _, tc := range none {
		t.Run(tc.name, func(t *testing.T) {
			for _, d := range Extract(tc.in).Dates {
				if d.Value == tc.value {
					t.Errorf("read %s in %q (dates %+v)", tc.value, tc.in, Extract(tc.in).Dates)
				}
			}
		})
	}
}
