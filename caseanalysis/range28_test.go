package caseanalysis

import "testing"

// TestRangeKindsTwentyEighth covers the kinds behind range28's first-sight
// misses, each in other words than the row that showed it: a principal's
// 一般事故 told only by its serious injuries (造成3名工人重伤) with his
// income from elsewhere beside the unit's; lots each with its count and
// price; land occupied plot by plot after commas; the minerals' value named
// only 市场价值; a claim against the contractor beside the contract price.
// Guard: deaths of three make the accident 较大 (百分之六十). Three serious
// injuries reach the 重大责任事故罪 threshold, so both are likely transfers.
func TestRangeKindsTwentyEighth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"a principal's accident told by serious injuries", "经查，2026年7月2日某纸业有限公司复卷车间清理作业时设备突然启动，造成3名工人重伤，直接经济损失约52万元。公司董事长兼总经理顾某未组织制定清理作业安全操作规程。顾某2025年度从本公司取得年收入为人民币伍拾万元，另从其他公司获得投资分红12万元。",
			"2026-09-10", "safety-95-principal-general-accident", "", 200000, 200000, true},
		{"three deaths are a larger accident", "经查，2026年7月2日某纸业有限公司发生有限空间中毒事故，造成3名工人死亡。公司董事长兼总经理顾某未组织制定有限空间作业安全操作规程。顾某2025年度从本公司取得年收入为人民币伍拾万元。",
			"2026-09-10", "safety-95-principal-larger-accident", "safety-95-principal-general-accident", 300000, 300000, true},
		{"lots each counted and priced", "经查，当事人以再生塑料冒充全新料生产的水管分三批入库：第一批500根，标价每根16元；第二批300根，标价每根22元；第三批100根，标价每根40元。",
			"2026-06-10", "prod-50-adulterate", "", 9300, 55800, false},
		{"land occupied plot by plot", "经实地测量，某物流公司未经批准占用村集体土地，其中仓库占地900平方米，停车场600平方米。",
			"2026-05-10", "land-77-illegal-occupation", "", 150000, 1500000, false},
	})
}
