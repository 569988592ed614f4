package caseanalysis

import "testing"

// TestEnvCoreKindsEighteenth decides the kinds the eighteenth round's core
// 生态环境 rows missed on first sight (issue 12), in wordings other than the
// rows': crop residue named by its crop (麦秸, 豆秸, 棉花秆); hazardous waste
// left on the producer's own site (车间外, 厂房旁, 未入库) is stored badly, not
// dumped, unless it was taken elsewhere; 法典 第一千一百七十五条第二款's
// heavier fine once an order to correct was not followed; and industrial
// waste stored without protection whose escape polluted the land is
// 第一千一百七十条 (造成……环境污染), not the storage item; and an outlet
// told by the verb that opened it (新开一处排口, 另开排口, 私接排口).
func TestEnvCoreKindsEighteenth(t *testing.T) {
	a := newProvisionAnalyzer(t)
	checkEnvPhrasing(t, a, []envPhrasingCase{
		// 秸秆 by the crop's name.
		{"beanstalks and cotton stalks burnt", "2025年10月，村民某某在县政府划定的禁烧区内焚烧豆秸和棉花秆，烟雾弥漫至村道。",
			"air-119-open-burning", "", ""},
		{"法典: corn stalks burnt", "2026年10月，某村民在禁烧区田头点燃玉米秸约三亩，浓烟影响高速公路通行。",
			"eco-1131-open-burning", "", ""},
		// Own site: storage (第一千一百七十五条第一款第（四）项), elsewhere: dumping.
		{"法典: sludge bags behind the building, no lining", "2026年10月检查，某电镀厂将电镀污泥约两吨装袋堆放在厂房后面，地面无防渗。",
			"eco-1175-hw-storage", "eco-1169-hw-dumping", ""},
		{"法典: a register line, bags outside the workshop door", "2026-10-15 某家具厂 漆渣和废油漆桶十多袋堆放在车间门外 无防雨棚 未设围堰",
			"eco-1175-hw-storage", "eco-1169-hw-dumping", ""},
		{"法典: drums beside the workshop, no lining", "2026年10月检查，某五金厂将废切削液桶堆放在车间旁，地面未做防渗，未进危废间。",
			"eco-1175-hw-storage", "eco-1169-hw-dumping", ""},
		{"法典: drums carted to waste land stay dumping", "2026年9月，某机加工厂将废乳化液二十余桶拉到村外荒地堆放，无防雨措施。",
			"eco-1169-hw-dumping", "eco-1175-hw-storage", ""},
		// 第一千一百七十五条第二款: ordered, then not done.
		{"法典: the plan still not made after the deadline", "2026年11月复查，某汽修厂产生废机油等危险废物，10月已被责令限期制定危险废物管理计划并申报，逾期未改正。",
			"eco-1175-hw-refused", "eco-1175-hw-plan", ""},
		{"before the 法典 the law has no such tier", "2025年11月复查，某汽修厂产生废机油等危险废物，10月已被责令限期制定危险废物管理计划并申报，逾期未改正。",
			"waste-112-hw-plan", "", ""},
		{"法典: no order yet, the item's own fine", "2026年11月检查，某汽修厂产生废机油等危险废物，未制定危险废物管理计划，也未申报。",
			"eco-1175-hw-plan", "eco-1175-hw-refused", ""},
		// 第一千一百七十条: the escape polluted the land.
		{"法典: fly ash run into a vegetable plot", "2026年10月检查，某砖厂粉煤灰堆场四周无挡墙，雨后灰水漫入旁边菜地，污染土壤。",
			"eco-1170-industrial-dumping", "eco-1171-industrial-storage", ""},
		{"法典: unprotected storage with no escape stays storage", "2026年10月检查，某砖厂粉煤灰露天堆存，四周无挡墙，未采取防扬散、防流失措施。",
			"eco-1171-industrial-storage", "", ""},
		// An outlet told by the verb that opened it (另开排口, 私接排口, 新增排口).
		{"another outlet opened on the canal", "2025年5月巡河发现，某印染厂在厂外灌渠另开排口一个，经审批的排污口之外排放处理后的废水，该灌渠不在水源保护区范围。",
			"water-84-outfall", "", ""},
		{"法典: a register line, an outlet tapped into the river", "2026-10-13 某洗涤厂 私接排口一处至村前小河 未经同意 非保护区 责令限期拆除",
			"eco-1109-outfall", "", ""},
		{"法典: an outlet added inside the protection zone", "2026年10月20日检查，某电镀厂在县级饮用水水源二级保护区内的溪边新增排口一处排放清洗废水。",
			"eco-1109-drinking-source-outfall", "", ""},
	})
}
