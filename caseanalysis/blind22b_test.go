package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/legal"
)

// TestBlindDrawKindsTwentySecond checks, in other words than the rows of the
// twenty-second round's random draw ("acc22blindb"), the phrasing families
// its first sight missed: the leaving after a crash told as 没等……就开车走了
// (道路交通安全法 第九十九条第一款第（三）项); a fire lane told by the fire
// engines it keeps out (消防车辆无法驶入, 消防车开不进去; 消防法 第六十条第一款第（五）项); a
// scrapped vehicle told by its service life (超过规定使用年限) and its
// registration cancelled by the 车管所, no tax registration; no qualification
// with its kind between (无相应建筑施工资质; 建设工程质量管理条例 第六十条); a
// scale altered and weighing more than the goods (计量法实施细则 第四十八条);
// a post about a competitor shown baseless (无任何证据支持; 反不正当竞争法
// 第二十三条) over an exceedance the post claims.
func TestBlindDrawKindsTwentySecond(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"a tricycle gone before the police came", "电动三轮车倒车时把路边停放的小汽车后视镜撞断，三轮车司机没等交警到场就开车走了，车主事后调取监控找到该司机。",
			"2025-09-10", "traffic-99-hit-and-run", "", 200, 2000, false},
		{"a gate keeping the fire engines out", "检查发现，某商贸公司在厂区环形道路上加装了伸缩门并常年关闭，还停放了货车，消防车辆无法驶入。",
			"2025-09-10", "fire-60-fire-lane", "", 5000, 50000, false},
		{"a shed the fire engines cannot pass", "某酒店在楼后道路上搭建了彩钢棚作为仓库，消防车开不进去。",
			"2025-09-10", "fire-60-fire-lane", "", 5000, 50000, false},
		{"a van past its service life", "民警在国道上拦下一辆小货车，经查该车已超过规定使用年限，车管所已于去年注销其登记，驾驶人刘某仍驾驶该车上路送货。",
			"2025-09-10", "traffic-100-scrapped-vehicle", "tax-60-registration", 200, 2000, false},
		{"no qualification with its kind between", "个体包工头陈某无相应建筑施工资质，承揽了某食品厂厂房的钢结构工程，合同价款50万元。",
			"2025-09-10", "quality-60-no-qualification", "", 10000, 20000, false},
		{"a scale that weighs heavy", "执法人员抽查发现，水果摊主周某使用的台秤被动了手脚，称重时显示重量比实际多出约一成。",
			"2025-09-10", "metro-48-cheating-instrument", "", 0, 2000, false},
		{"a rival's heater said to leak", "经查，当事人某电器有限公司在其公众号发文，称同城竞争对手“蓝泉”牌热水器“内胆漏水、出水重金属超标”，该说法无任何证据支持。",
			"2025-05-10", "comp-23-disparagement", "water-83-excess", 100000, 500000, false},
	})
}

// TestCleftMinorActorTwentySecond: a child named by a cleft as the one who
// did it (扔垃圾的是楼上住户16岁的孙子) is the party, whose age 行政处罚法
// 第三十条 reads: 从轻或者减轻.
func TestCleftMinorActorTwentySecond(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	res := analyzeFirstOn(t, a, "居民反映有人从楼上往楼下绿地扔装满生活垃圾的袋子。经城管队员查实，扔垃圾的是三楼住户16岁的孙子。", "2026-11-10", "eco-1169-household-waste-individual")
	if got := res.Violations[0].Suggestion.Disposition; got != legal.DispositionLighterOrMitigated {
		t.Errorf("disposition %s, want %s\n%s", got, legal.DispositionLighterOrMitigated, whys(res.Violations))
	}
}

// TestNextDayFilingNotPenalisedTwentySecond: a first violation without harm
// made good the next day in the bare verb (于次日补报) is not penalised (行政
// 处罚法 第三十三条第一款).
func TestNextDayFilingNotPenalisedTwentySecond(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	res := analyzeFirstOn(t, a, "某建材公司在农业银行新开立基本存款账户，未按规定向主管税务机关报告该账号；该公司系首次违法，未造成危害后果，经税务人员提醒，于次日向税务机关补报账户信息。", "2025-09-10", "tax-60-bank-accounts")
	if got := res.Violations[0].Suggestion.Disposition; got != legal.DispositionNone {
		t.Errorf("disposition %s, want %s\n%s", got, legal.DispositionNone, whys(res.Violations))
	}
}

// TestStillGoingOnAfterDeadlineTwentySecond: the act still going on after
// the order's deadline (期满后回访发现其仍在继续生产) is 逾期未改正, which
// 特种设备安全法 第八十一条 fines.
func TestStillGoingOnAfterDeadlineTwentySecond(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"a lapsed licence, production going on", "某压力容器制造企业的生产许可证已过期仍在生产，本局责令其十日内改正，期满后执法人员回访发现其仍在继续生产。",
			"2025-09-10", "se-81-licence-lapsed-production", "", 50000, 500000, false},
	})
}
