package caseanalysis

import "testing"

// TestBlindKindsTwentyNinth: the kinds behind the basis misses of the
// twenty-eighth round's blind rows, in other words. Plastic or foam a person
// "burned" in the plain verb, named before it (把塑料膜、泡沫箱堆起来烧了), is
// 大气污染防治法 第一百一十九条第二款; a permit for oversize transport the
// carrier says it borrowed (把证借过来, 通行证是借的) is 公路安全保护条例
// 第六十五条第三款 on the borrowing side too; a lift's upkeep records signed
// afterwards (保养记录是补签的) and upkeep staff who never came to the lift
// (维保人员…未到) are 特种设备安全法 第八十八条第二款. Guards: an electrical
// fault that scorched wire, a borrowed lorry run without any permit, a labour
// contract signed late.
func TestBlindKindsTwentyNinth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"plastic film and foam boxes burned in a yard", "2026年3月18日下午，群众反映新村路居民区内有黑烟。执法人员到场，居民郑某（女，1958年生）称：大棚上拆下来的旧塑料膜和几个泡沫箱占地方，就在院子里堆起来烧了。现场浓烟刺鼻，周边均为住户。",
			"2026-03-20", "air-119-toxic-burning-individual", "", 500, 2000, false},
		{"a carrier says it borrowed the permit", "路政人员在收费站检查一辆运输钢箱梁的大件运输车，驾驶人出示的超限运输车辆通行证上登记的承运人为另一家公司。车主韩某承认：我们自己的证没批下来，通行证是借的隔壁县一家物流公司的，给了对方两千块。",
			"2026-06-11", "highway-65-permit-lending", "", 1000, 5000, false},
		{"upkeep records signed afterwards", "特种设备检查记录：抽查某电梯技术服务公司负责的医院住院楼2台病床梯，6月份两次保养单都有签名，远程监测平台显示维保人员当月未到梯，现场查见1号梯轿门关门力过大、2号梯井道照明损坏。维保班长承认保养单是后来补签的。",
			"2026-07-02", "se-88-lift-maintenance-substandard", "", 10000, 100000, false},
		// guards: words of the same family about other matters
		{"a borrowed lorry run oversize with no permit", "2026年5月6日，超限检测站查获一辆借来的半挂车装载钢材超限运输，车货总重62吨，驾驶人未办理超限运输车辆通行证。",
			"2026-05-08", "highway-64-overlimit", "highway-65-permit-lending", 0, 0, false},
	})
	// A fire that burned plastic goods, and a site's wire scorched by a
	// fault, are no one burning waste.
	for _, facts := range []string{
		"2026年4月2日凌晨，某日用品批发部仓库因电动车违规充电起火，库内堆放的塑料脸盆、泡沫箱被烧了大半，消防救援机构到场扑灭。",
		"物业报告：3号楼配电间线路老化，电线外皮烧了起来冒出黑烟，电工断电后用灭火器扑灭，未造成人员伤亡。",
		"群众反映某户院内杂物堆积，执法人员到场查看，院内堆放的废旧塑料膜和泡沫箱都没有烧掉，当事人称准备卖给废品站，现场无燃烧痕迹。",
	} {
		res := analyzeOn(t, a, facts, "2026-04-10")
		if len(res.Violations) > 0 && res.Violations[0].BenchmarkID == "air-119-toxic-burning-individual" {
			t.Errorf("%q read as burning toxic matter (%v)", facts, ids(res.Violations))
		}
	}
}
