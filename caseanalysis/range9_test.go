package caseanalysis

import (
	"testing"
)

// TestRangeSliceFamiliesEighth decides the provision families the eighth
// round's range slice (issue 12, acc9range) found missed, each in other
// words than the development rows: a grade passed off (普通…特级, 二级…一级)
// under 产品质量法 第五十条; hazardous waste poured out (倒进, 扔到); a
// truck's load against its rated load weighed at a 治超站 (超载, 第九十二条)
// beside a gross weight against the road's standard (超限); collective land
// occupied by the party itself (第七十七条) beside land leased out
// (第八十二条) and land kept after a temporary use (第八十一条); tax filed
// and not paid (第六十八条) beside a late return (第六十二条); a place
// sealed by the fire service reopened (第六十四条); a load fallen on a
// highway found by the road authority (公路安全保护条例 第六十九条).
func TestRangeSliceFamiliesEighth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []datedPhrasingRow{
		{"普通 tea sold as 特级", "某茶叶店将普通绿茶分装进印有“特级”字样的铁罐中对外销售，货值金额3600元。", "2025-09-01", "prod-50-adulterate", ""},
		{"二级 tiles sold as 一级", "某建材店把二级瓷砖贴上一级标签销售，货值金额4200元。", "2025-09-01", "prod-50-adulterate", ""},
		{"waste oil poured into a ditch", "某汽修店将换下的废机油约0.3吨倒进村边水渠旁的荒沟，所需处置费用约2万元。", "2025-09-01", "waste-112-hw-dumping", "waste-112-hw-storage"},
		{"rated load weighed at a 治超站", "2025年6月3日，某治超站对一辆轻型货车过磅，该车核定载质量2吨，实际装载3.1吨。", "2025-09-01", "traffic-92-truck-overload-30pct", "highway-64-overlimit"},
		{"gross weight over the road's standard stays 超限", "某治超站检测一辆六轴半挂车，车货总质量58吨，超过公路限定标准49吨，未办理超限运输许可。", "2025-09-01", "highway-64-overlimit", "traffic-92-truck-overload"},
		{"collective land occupied by the party", "某物流公司未经批准占用村集体所有的空地3000平方米硬化后停放车辆，该地块非耕地。", "2025-09-01", "land-77-illegal-occupation", "land-82-collective-land-misuse"},
		{"collective land leased out stays 第八十二条", "某村委会擅自将村集体所有的土地出租给某企业建设厂房，收取租金12万元。", "2025-09-01", "land-82-collective-land-misuse", ""},
		{"temporary land kept after it ended", "某公司临时用地批准期限已于去年届满，至今拒不交还，仍在该地块堆放设备，面积2000平方米。", "2025-09-01", "land-81-not-returning-land", "land-77-illegal-occupation"},
		{"tax filed and not paid", "某商贸公司按期申报了2025年第一季度增值税4.2万元，但未缴纳，税务机关责令限期缴纳，逾期仍未缴纳。", "2025-09-01", "", "tax-62-late-filing"},
		{"a late return stays 第六十二条", "某餐饮公司未按照规定期限办理2025年3月的纳税申报，逾期二十天才申报。", "2025-09-01", "tax-62-late-filing", ""},
		{"a sealed internet cafe reopened", "某网吧被消防救援机构查封后，业主擅自拆封恢复营业。", "2025-09-01", "", "fire-58-unlicensed-venue"},
		{"mud fallen on a highway found by the road authority", "公路路政人员巡查发现一辆运土车沿国道行驶时泥土掉落，造成路面污染约300米。", "2025-09-01", "", "air-116-uncovered-load"},
	}
	checkDatedPhrasings(t, a, tests)
}
