package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/legal"
)

// TestBlindKindsBlindCTwentySixth: the kinds behind blind26c's first-sight
// basis misses, each in other words than the row: another's car taken with
// its key by one without a licence (偷开, not 无证驾驶), a stall keeper lying
// before the enforcement vehicle and pushing an officer aside (阻碍执行职务,
// not 殴打), a boiler the former user had scrapped sold on (the seller's
// 第八十二条, not the user's 第八十四条), a formula copied away (拷走) and
// told in a complainant's 今年, a covered spoil heap without a waste plan (the
// plan, not the dust item), officers kept at the gate while a paint booth
// stopped (第九十八条, not the VOCs item), and a training ad's 不过退款 the
// caller calls 虚假宣传 (第五十八条, not 第五十五条).
func TestBlindKindsBlindCTwentySixth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	rows := []marketRow{
		{"a neighbour's van taken with its key by one without a licence", "2025年6月2日凌晨，王某（男，22岁，无驾驶证）趁邻居熟睡，偷拿其放在客厅的车钥匙，将邻居的面包车开到镇上兜了一圈后停回原处。",
			"2025-06-10", "police-64-joyride", "traffic-99-unlicensed-driving", 500, 1000, false},
		{"a stall keeper lying before the enforcement vehicle", "2025年4月9日晚，城管执法队员在夜市路口依法暂扣无照经营的烧烤摊车，摊主刘某挡在执法车门口不让搬，推了执法队员一下，又坐在执法车前面不让车开走，僵持了半个小时。",
			"2025-04-10", "police-50-obstruct-duty", "police-43-assault", 0, 200, false},
		{"a boiler its former user had scrapped, sold on", "市场监管部门检查发现，某二手设备商行将一台已由原使用单位办理报废注销的燃气锅炉翻新后，以2.6万元卖给一家洗浴中心。",
			"2026-03-01", "se-82-selling-scrapped", "", 30000, 300000, false},
		{"a formula copied away, found 今年", "2025年11月，我厂原技术主管周某（已离职）在离职前，违反保密协议用移动硬盘拷走了全部调味料配方和工艺文件，带到一家竞争对手公司使用。今年1月我们才发现。",
			"2026-04-01", "comp25-26-trade-secret", "comp-21-trade-secret", 100000, 1000000, false},
		{"a covered spoil heap without a waste plan", "2026年9月28日，城管执法人员检查某住宅项目工地，施工单位未编制建筑垃圾处理方案报备案，拆除产生的碎砖渣土约200立方米堆在工地西侧，已用防尘网全覆盖。",
			"2026-09-28", "eco-1174-construction-waste-plan", "eco-1128-construction-dust", 100000, 1000000, false},
		{"officers kept at the gate while the paint booth stopped", "2026年4月2日，执法人员到某汽车修理厂检查，该厂关闭大门拒绝执法人员进入长达四十分钟，其间烤漆房停止作业，工人更换了已经饱和的活性炭。",
			"2026-04-02", "air-98-obstructing-inspection", "air-108-vocs", 20000, 200000, false},
		{"a patient who paid for the advertised operation", "患者投诉：某民营医院在公众号宣称“治愈率98%，一次根治不复发”，我花了12000元做了手术，根本没治好，感觉被骗了。",
			"2026-06-01", "ad-58-medical", "", 0, 0, false},
	}
	checkMarketRows(t, a, rows)
}

// TestBlindAdYieldsBlindCTwentySixth: a training or medical ad's forbidden
// promise (保过, 不过退款) prevails over 虚假广告 unless the content is found
// untrue; the caller's own 虚假宣传 is no such finding. 第五十五条 is set aside
// in the training item's favour, not merely ranked below it.
func TestBlindAdYieldsBlindCTwentySixth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, facts := range []string{
		"市民来电反映：某考研辅导机构在地铁站灯箱投放招生广告，称“不过全额退款，名师押题”，来电人没考过，机构却拒不退款，来电人认为这是虚假宣传、欺骗学员，要求查处。",
		"家长投诉：某少儿编程培训班在朋友圈发广告，写着“包过等级考试，考不过全额退”，家长觉得是虚假宣传。",
	} {
		res := analyzeOn(t, a, facts, "2026-06-01")
		if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != "ad-58-education" {
			t.Fatalf("violations %v, want ad-58-education first", ids(res.Violations))
		}
		set := false
		for _, x := range res.Violations[0].Excluded {
			if x.BenchmarkID == "ad-55-false-advertiser" {
				set = true
			}
		}
		if !set {
			t.Errorf("%s: ad-55-false-advertiser not set aside\n%s", facts, whys(res.Violations))
		}
	}
}

// TestBlindRangesBlindCTwentySixth: the bases behind blind26c's range
// misses: an ad fee told again as the money confiscated (没收广告费用) counts
// once, a fee paid to the ad company (付给广告公司) is the 广告费用, and the
// signs still missing at a recheck (复查时…均未设置) are the order not
// complied with.
func TestBlindRangesBlindCTwentySixth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"an ad fee told again as confiscated", "经查，某广告公司明知广告主提供的减肥茶功效数据系编造，仍为其设计制作并在公交站台灯箱发布，收取广告费用人民币20,000元。本局决定没收广告费用人民币20,000元，并处罚款。",
			"2026-05-01", "ad-55-false-publisher", "", 60000, 100000, false},
		{"a fee paid to the ad company", "某饲料店在集市散发宣传单，称其猪饲料“添加后产仔率提高30%，绝对安全无残留”，店主称宣传单是付给广告公司二千八百元印制的。",
			"2026-05-01", "ad-58-agricultural-inputs", "", 2800, 8400, false},
		{"the signs still missing at the recheck", "某商场自动扶梯入口未设置乘客须知和警示标志，市场监管局于3月1日责令其3月10日前改正。3月15日复查时，须知和警示标志均未设置。",
			"2026-03-20", "se-87-passenger-safety-notices", "", 20000, 100000, false},
	})
}

// TestBlindDispositionsBlindCTwentySixth: a register's bar ends a negation
// (…未造成危害后果｜建议首违免罚 still tells a first violation), a false
// alarm's caller is the party whose age counts, and what was sold or handed
// out fetched back before any order is the harm lessened of the party's own
// accord.
func TestBlindDispositionsBlindCTwentySixth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDatedDispositions(t, a, []datedDispositionRow{
		{"a register line's bar before 首违", "2026-06-03｜某印染有限公司｜未按排污许可证规定公开污染物排放信息｜已当场补正，初次违法，未造成危害后果｜建议首违免罚",
			"2026-06-03", legal.DispositionNone},
		{"a false alarm called in by a fifteen-year-old", "2026年5月1日，110接到报警称某小区有人纵火，民警赶到后未发现火情。经查，报警人孙某某（女，时年15周岁）承认是与同学打赌谎报警情。",
			"2026-05-01", legal.DispositionLighterOrMitigated},
		{"a scrapped hoist fetched back from the buyer", "2026年5月6日执法人员检查发现，某机电设备经营部将一台已报废的施工升降机以4万元出售给某建筑公司。检查当天，经营部负责人即将售出的升降机从工地拉回并退还货款。",
			"2026-05-06", legal.DispositionLighterOrMitigated},
		{"leaflets left over all taken back", "某农资店在集市散发宣传单，称其除草剂“对庄稼绝对安全、无任何残留”，印制费一千二百元。执法人员检查时，店主说剩下的传单已经全部收回，不再发放。",
			"2026-05-01", legal.DispositionLighterOrMitigated},
	})
}
