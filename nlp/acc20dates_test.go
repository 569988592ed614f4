package nlp

import "testing"

// TestActDateTwentieth: which date is the act's, read the way officers
// write dates. A yearless day told after the day the case came to light
// (or was decided) happened before it, so it takes the year before; the
// date that opens a register line is the record's when the line dates an
// earlier act; an act run from a start until it was found ends on that
// day; facts that date no discovery still date their act; 月底 and 月初
// are the month's last and first thirds.
func TestActDateTwentieth(t *testing.T) {
	tests := []struct {
		name, in, value, role string
	}{
		{"yearless act after an inspection", "2026年1月9日，民警对辖区出租房屋开展检查时发现，房东蔡某12月20日将其住房出租给两名男子居住，未登记二人身份信息。", "2025-12-20", DateAct},
		{"yearless act told after a register's seizure", "2026-01-03 城关派出所 查获吸毒人员胡某 尿检吗啡阳性 胡某供述12月30日晚在出租屋内吸食海洛因", "2025-12-30", DateAct},
		{"yearless act told after a report", "2026-01-20 城南派出所 受理刘某报案 称12月28日晚在小区门口被邻居踢打 面部软组织挫伤", "2025-12-28", DateAct},
		{"a recheck days after the inspection keeps the year", "2026年10月10日，本机关依法立案调查。执法人员9月29日检查发现，该站油气回收装置自8月底起一直关闭未使用，10月8日复查时仍未开启。", "2026-10-08", ""},
		{"the run that recheck found opens 自8月底", "2026年10月10日，本机关依法立案调查。执法人员9月29日检查发现，该站油气回收装置自8月底起一直关闭未使用，10月8日复查时仍未开启。", "2026-08-21", DateAct},
		{"a time limit keeps the year", "2026年1月9日，执法人员检查发现该店未公示营业执照，责令其于3月9日前改正。", "2026-03-09", ""},
		{"同年 keeps the year", "2026年5月3日，执法人员检查发现该厂自同年2月起露天堆放废矿物油。", "2026-02-01", DateAct},
		{"a register line opens with the record's day", "2026-07-02 非现场执法数据复核 豫A·5K321号六轴货车 2024年5月18日 车货总质量62.5吨 超过49吨限值 此前未处理", "2026-07-02", DateDiscovery},
		{"the earlier act of that line", "2026-07-02 非现场执法数据复核 豫A·5K321号六轴货车 2024年5月18日 车货总质量62.5吨 超过49吨限值 此前未处理", "2024-05-18", DateAct},
		{"an act run until it was found ends then", "经查，当事人自2026年6月起通过私设暗管将未经处理的废水排入厂外沟渠，直至2026年9月8日我局执法人员现场检查时被查获。", "2026-06-01", DateAct},
		{"the act told with no discovery, its month only", "经查，2025年12月某日晚，违法行为人柴某在其经营的棋牌室内为他人赌博提供场所，抽头渔利三百元。", "2025-12-01", DateAct},
		{"a complaint's yearless act before a later interview", "居民投诉：8月10日晚，有人把两大袋生活垃圾扔在小区外绿化带旁。执法队员于2026年8月12日对罗某进行了询问。", "2026-08-10", DateAct},
		{"the act before the decision, the decision dated later", "群众举报：村民邵某等四人去年12月16日晚在民房内打麻将赌钱。本所于2026年2月3日依法作出处罚决定。", "2025-12-16", DateAct},
		{"a date written with slashes", "2025/12/18 21时许，违法行为人在KTV包间内殴打同伴致其眼眶红肿。", "2025-12-18", DateAct},
		{"去年 with a month only", "2026年2月9日 城西派出所 查获吸毒人员吴某 尿检冰毒阳性 吴某供述去年12月某晚在朋友家中吸食冰毒", "2025-12-01", DateAct},
		{"今年 with a month only", "2026-08-03 检查 某化工公司 危险废物管理台账自今年5月起未记录", "2026-05-01", DateAct},
		{"月底 is the month's last third", "经查，当事人在饮用水水源二级保护区内扩建养殖场，扩建工程于2026年8月底动工。", "2026-08-21", DateAct},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkDateRole(t, tc.in, tc.value, tc.role) })
	}
	// The run's end is the day it was found; a single act found later
	// keeps its own day and gets no end.
	ends := []struct {
		name, in, end string
	}{
		{"run until found", "经查，当事人自2026年6月起通过私设暗管将未经处理的废水排入厂外沟渠，直至2026年9月8日我局执法人员现场检查时被查获。", "2026-09-08"},
		{"single act found later", "经查，2025年3月5日，违法行为人在菜市场殴打他人，直至2025年10月8日被害人到派出所反映才被查明。", ""},
	}
	for _, tc := range ends {
		t.Run(tc.name, func(t *testing.T) {
			got := ""
			for _, d := range Extract(tc.in).Dates {
				if d.Role == DateActEnd {
					got = d.Value
				}
			}
			if got != tc.end {
				t.Errorf("act end = %q; want %q", got, tc.end)
			}
		})
	}
}
