package caseanalysis

import "testing"

// TestOccasionIsNotTheAct: the matter officers were dealing with when the
// party resisted (在依法查处……时, 在扣押……时) is why they were there; the
// act is the resistance the next clause tells. A conduct cue in the
// object of the officers' measure shows no element, so the matter's own
// provision does not outrank the obstruction. Phrased otherwise than the
// development rows.
func TestOccasionIsNotTheAct(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []phrasingRow{
		{"seizing a street stall's trolley", "2025年6月3日，城管执法队员在依法查处马路市场占道经营时，摊贩钱某躺在执法车前不让车辆驶离，又拉住执法队员的胳膊，查处工作中断约二十分钟。", "police-50-obstruct-duty", "road-42-occupying-road"},
		{"sealing expired milk powder", "2025年9月8日，市场监管局执法人员在查封某母婴店超过保质期的奶粉时，店主杭某挡在货架前不让执法人员贴封条，并抢夺执法人员手中的执法记录仪。", "police-50-obstruct-duty", "food-124-expired"},
		{"the party's own clearing is its act", "经查，2025年7月2日，当事人在清理厂区时将废矿物油约2吨倾倒在厂区后侧空地上，未采取任何防渗措施。", "", "police-50-obstruct-duty"},
	}
	checkPhrasings(t, a, tests)
}

// TestOfficialPapersAreNotPosters: a seal, a notice or an inspection
// certificate that officers or the law put up is no 宣传品; 张贴 alone does
// not make the act 城市市容和环境卫生管理条例 第三十四条. Phrased otherwise
// than the development rows.
func TestOfficialPapersAreNotPosters(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []phrasingRow{
		{"an escalator's use mark", "2025年3月27日，执法人员检查万川商场，一楼自动扶梯入口处张贴的特种设备使用标志载明下次检验日期为2024年12月，商场未申报检验，扶梯仍在运行。", "se-84-unsafe-equipment-use", "urban-34-graffiti"},
		{"a seal put up, then the act", "2025年9月2日，生态环境执法人员对某某砂石场的破碎设备张贴封条后，当事人擅自撕毁封条，启动破碎设备继续生产，粉尘无组织排放。", "", "urban-34-graffiti"},
		{"a parking notice on a car", "2025-04-17 城东中学门口 小型轿车停在消防车通道上 驾驶人不在现场 交警已张贴违法停车告知单", "", "urban-34-graffiti"},
		{"leaflets are still posters", "2025年5月6日，城管队员巡查发现刘某在和平路沿街的电线杆、变电箱上张贴“高价回收黄金”小广告共三十余张。", "urban-34-graffiti", ""},
	}
	checkPhrasings(t, a, tests)
}

// TestHeavierOfConcurrentProvisions: a substance no food may hold that a
// test reports in the food is one act under 食品安全法 第一百二十三条 and
// 第一百二十四条 (the catalog's concurrent_with); 行政处罚法 第二十九条 puts
// first the provision whose fine is heavier. Phrased otherwise than the
// development rows.
func TestHeavierOfConcurrentProvisions(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []phrasingRow{
		{"ractopamine in beef", "2025年3月14日，执法人员对某某冷鲜肉店销售的牛肉进行快检，检出莱克多巴胺（瘦肉精类物质），店主称系从无检疫证明的贩子处收购，货值金额三千元。", "food-123-nonfood-substance", "food-124-contaminants"},
		{"clenbuterol in pork liver", "市场监管所对东关市场某肉铺进行抽检，其销售的猪肝检出克伦特罗，摊主称猪肝系从外地散户处购进，涉案猪肝货值金额一千二百元。", "food-123-nonfood-substance", "food-124-contaminants"},
		{"malachite green in eels", "2025年6月2日，执法人员对南门菜市场某水产摊位销售的黄鳝进行抽样检验，检出孔雀石绿残留，货值金额九百元。", "food-123-nonfood-substance", "food-124-contaminants"},
	}
	checkPhrasings(t, a, tests)
}
