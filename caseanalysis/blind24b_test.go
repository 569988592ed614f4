package caseanalysis

import (
	"strings"
	"testing"

	"github.com/cailiang/cailiang/legal"
)

// TestBlindKindsBlindBTwentyFourth: the kinds behind the misses of a batch
// written blind from a random sample of the catalog (blind24b). Each case is
// worded apart from the batch's rows: the kind is read, not the row.
//   - a site that holds its night-work certificate works at night lawfully:
//     its noise over the night limit is 第七十七条第（一）项 (生态环境法典
//     第一千一百八十五条第（一）项), never the certificate item;
//   - a stranger pushed into a home and sat there against the household's
//     will (挤进…家, 要求…离开…赖着不走) is 非法侵入他人住宅, not the theft a
//     bare 趁…之机 reads;
//   - an accident report that names a safety manager's income for the year
//     in other words (年度税前收入, 年薪) fines the person (第九十六条), not the
//     unit (第一百一十四条); a duty named and then said not done (负有…职责
//     而未履行) with no accident is 第九十六条's first tier;
//   - wreaths and paper money in a hospital's hall are 扰乱单位秩序, not a
//     threat to a person (2012年法 第四十二条);
//   - contributions still wholly unpaid after the deadline (分文未缴) are
//     the 逾期仍不缴纳 that opens 社会保险法 第八十六条's fine.
func TestBlindKindsBlindBTwentyFourth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"certificate shown, night noise over the limit (old law)", "2026年6月3日23时10分，执法人员接投诉到达滨河大道雨水管网工程现场，施工单位当场出示了区城管局核发的夜间施工证明，现场两台挖掘机正在作业，在最近一栋住宅楼前监测，场界噪声为62.4分贝，超过夜间55分贝的限值。",
			"2026-06-03", "noise-77-construction-excess", "noise-77-night-construction", 10000, 100000, false},
		{"certificate held, night noise over the limit (法典)", "2026年10月8日凌晨1时许，某某路桥公司在高架桥合龙段浇筑混凝土，该公司已取得住建部门的夜间连续施工证明；执法人员在桥下小区布点，测得施工场界噪声61分贝，超出夜间排放限值。",
			"2026-10-08", "eco-1185-construction-excess", "eco-1185-night-construction", 10000, 100000, false},
		{"pushed into a flat and sat there", "2026年2月6日晚，违法行为人孔某为催要借款，趁邻居汤某开门取快递之机硬挤进其家中，汤某夫妇让他出去，孔某在客厅沙发上坐着不走，前后近两个小时，直到民警赶到。",
			"2026-02-06", "police25-47-trespass", "police25-58-theft", 1000, 2000, false},
		{"a safety officer's pay named as 年薪", "事故调查查明：2026年1月9日，某某纸业有限公司造纸车间一名维修工在检修压榨辊时被卷入身亡。该公司专职安全员贾某未按规定组织开展设备检修作业前的安全确认，对辊筒防护罩缺失的隐患未发现、未督促整改。贾某2025年年薪为9.8万元。",
			"2026-03-02", "safety-96-manager-accident", "safety-114-general-accident", 19600, 49000, true},
		{"contributions wholly unpaid after the order", "经查，某某物业服务有限公司自2025年9月起未为职工缴纳社会保险费，截至2026年4月欠缴金额为人民币86,400.00元；社会保险费征收机构责令其于5月15日前缴纳，该公司至今分文未交。",
			"2026-06-10", "si-86-arrears", "", 86400, 259200, false},
	})
}

// TestFirstViolationPhrasingsTwentyFourth: a first offence told in the
// party's own words (称是第一次) or by a records search in the words 从未有过…
// 违法记录, a trench filled in the same day (当日…回填) and no accident
// caused (未造成…事故) are what 行政处罚法 第三十三条第一款 asks for: 初次违法、
// 危害后果轻微并及时改正, so the suggestion is 不予处罚 (blind24b).
func TestFirstViolationPhrasingsTwentyFourth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct{ name, facts, day, want string }{
		{"a late return, no record found", "2026年8月11日，税务所核查发现，个体工商户胡某经营的修鞋铺7月份未按期办理纳税申报。经查询，胡某此前从未有过任何税收违法记录，当月无应税收入、无应纳税款，胡某接到提醒当天即补办了申报。",
			"2026-08-11", "tax-62-late-filing"},
		{"a trench filled in the same day", "2026年6月2日，城管队员巡查发现，某某餐馆雇人在店门前人行道上开挖了一处约两平方米的坑，准备埋设排水管，未办理城市道路挖掘审批。餐馆老板称是第一次，不清楚要审批，当日即将坑回填并铺好了地砖，未造成行人摔伤等事故。",
			"2026-06-02", "road-42-digging-road"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.day)
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != tt.want {
				t.Fatalf("violations %v, want %s first", ids(res.Violations), tt.want)
			}
			if got := res.Violations[0].Suggestion.Disposition; got != legal.DispositionNone {
				t.Errorf("disposition %s, want %s\n%s", got, legal.DispositionNone, whys(res.Violations))
			}
		})
	}
}

// TestDutyOrWreathElementsTwentyFourth: the element itself is read, not
// only the rank the learned vote may give anyway (blind24b): a duty named
// and then said not done (负有…职责而未履行) shows 第九十六条's 未履行安全生产管理
// 职责, and wreaths or paper money in a hospital leave no threat to a person
// (2012年法 第四十二条) on the list.
func TestDutyOrWreathElementsTwentyFourth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	res := analyzeOn(t, a, "经查，当事人卫某系某某塑料制品有限公司安全总监。执法人员检查发现，卫某对本单位注塑车间的安全生产状况负有检查督促职责而未履行，任职半年来未下过车间，检查期间未发生事故。", "2026-05-12")
	if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != "safety-96-manager-duties" {
		t.Fatalf("violations %v, want safety-96-manager-duties first", ids(res.Violations))
	}
	if why := res.Violations[0].Why; strings.Contains(why, "未提及未履行") {
		t.Errorf("the duty not done is not shown: %s", why)
	}
	res = analyzeOn(t, a, "2025年10月20日9时许，死者家属聂某某等五人在市中医院住院部大厅摆放花圈、焚烧纸钱，拉起横幅，致住院部收费处停止办理业务近三个小时，民警到场后将其劝离。", "2025-10-20")
	if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != "police-23-disrupt-order-serious" {
		t.Fatalf("violations %v, want police-23-disrupt-order-serious first", ids(res.Violations))
	}
	for _, v := range res.Violations {
		if v.BenchmarkID == "police-42-harassment" {
			t.Errorf("police-42-harassment listed: %v\n%s", ids(res.Violations), whys(res.Violations))
		}
	}
}

// TestFacilityMovedCrossingTwentyFourth: a barrier moved or a sign pulled
// out, and someone who then crossed by the gap: the party is the one who
// moved it (道路交通安全法 第九十九条第一款第（七）项), and the crossing of
// the rider who came after is no 第八十九条 of the party's (blind24b).
func TestFacilityMovedCrossingTwentyFourth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	res := analyzeOn(t, a, "经查，2026年3月30日夜间，违法行为人庞某为让自家三轮车能直接开进对面的市场，把中山路上的中央隔离护栏挪开了约六米，次日上午一位老人骑电动三轮车从缺口处横穿马路，与一辆公交车发生碰擦，老人腿部擦伤。", "2026-04-02")
	if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != "traffic-99-facilities" {
		t.Fatalf("violations %v, want traffic-99-facilities first", ids(res.Violations))
	}
	for _, v := range res.Violations {
		if v.BenchmarkID == "traffic-89-pedestrian-nonmotor" {
			t.Errorf("traffic-89-pedestrian-nonmotor listed: %v\n%s", ids(res.Violations), whys(res.Violations))
		}
	}
}
