package caseanalysis

import "testing"

// TestBlindKindsTwentyFourth covers the kinds behind blind24a's first-sight
// misses, each in other words than the row that showed it: a car parked on
// the non-motor lane (its driver, 第九十三条, not the cyclists the lane
// names), a passenger station letting out a bus told as seats and heads, a
// freight yard letting unlicensed trucks in told as checks not made, boiler
// papers missing at handover with the order still unmet in a caller's
// words, a gate locked against the officers (refusing inspection, not a
// locked exit), a driver forced (逼) to keep driving, and a tanker washed
// in the river whose wash water runs back into it (第八十五条第一款第（三）项,
// not the discharge of oil from a washing yard ashore).
func TestBlindKindsTwentyFourth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"a car parked on the non-motor lane", "市民拨打热线反映：建设路农贸市场门口有辆黑色越野车停在非机动车道上一上午了，车上无人，骑自行车的只能往机动车道上绕。交警到场贴单。",
			"2026-03-05", "traffic-93-parking-absent", "traffic-89-pedestrian-nonmotor", 20, 200, false},
		{"a bus let out with more heads than seats", "旅客来电投诉：4月11日从南站汽车客运站上车，那辆大巴核定33座，结果坐了41个人，有人站了一路，车站出站口的检查员看了一眼就放行了。",
			"2026-04-11", "transport-70-station-release", "traffic-90-moving-violation", 10000, 30000, false},
		{"a freight yard that lets unlicensed trucks in", "执法人员检查鸿运物流园时发现，物流园门岗对进场车辆一律不查验营运证件，两辆无道路运输证的厢式货车正在场内装车配货。物流园负责人称车辆只要缴纳管理费都能进来。",
			"2026-06-08", "transport-70-freight-station-release", "transport-63-unlicensed-freight", 3000, 30000, false},
		{"boiler papers missing at handover, the order still unmet", "某纺织厂反映：去年底从宏达锅炉厂购进一台生物质热水锅炉，交付时没有产品质量合格证明和安装使用说明书。市场监管部门今年1月已责令锅炉厂限期提供，至今也没给。",
			"2026-04-20", "se-77-no-technical-documents", "", 20000, 200000, false},
		{"boiler papers missing, the caller a food firm", "鲜乐乳制品有限公司来电投诉：3月份从某锅炉制造厂买了一台燃气蒸汽锅炉，交货时没有产品合格证和使用维护说明书，市场监管部门5月已责令锅炉厂限期补齐，到现在还没给。",
			"2026-07-01", "se-77-no-technical-documents", "food-125-label", 20000, 200000, false},
		{"a gate locked against the officers", "2026年10月9日晚，执法人员接到居民投诉后前往恒达板材厂测量夜间噪声，该厂值班人员锁闭大门拒绝进入，保安围住执法人员近半小时，待执法人员进厂时设备均已停机。",
			"2026-10-12", "eco-1229-obstructing-noise", "safety-105-exits", 50000, 200000, false},
		{"a driver forced to keep driving", "驾驶员汪某报警称：雇主罗某逼他连夜开车送货，不许中途休息，汪某因过度疲劳在国道上撞上路边护栏后侧翻，车辆损坏，无人员伤亡。",
			"2026-02-02", "traffic-99-coerced-driving", "", 200, 2000, false},
		{"a tanker washed in the river", "2025年5月18日，执法人员巡查发现一辆运输过机油的槽罐车开进白沙河河道中，司机正用水泵抽取河水冲洗罐体，洗罐水直接排入河中，水面漂着油花。",
			"2025-05-20", "water-85-waste-dumping", "water-85-oil-acid-toxic", 20000, 200000, false},
	})
}

// TestBlindDispositionsTwentyFourth: a fix made good within days (三日内补齐)
// is correction in time, so a first violation without harm is not punished;
// a pupil named with the age in the bracket after the name (初二学生周某（15
// 周岁）) is the party, so the minor's 从轻或者减轻 applies.
func TestBlindDispositionsTwentyFourth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDispositionRows(t, a, []dispositionRow{
		{"made good within days", "2026年5月6日，执法人员检查发现安顺客运有限公司2辆客车超过规定周期未进行综合性能检测。该公司属首次违法，未造成危害后果，在五日内补齐检测并提交报告。",
			"2026-05-10", "不予处罚"},
		{"a pupil named with the age after the name", "初二学生周某（15周岁）在小区内多次用石块砸坏邻居停放的电动车后视镜，被业主当场抓住后扭送派出所。",
			"2025-09-12", "从轻或者减轻处罚"},
	})
}

// TestBoilerPapersNotFoodLabelTwentyFourth: a boiler's missing 合格证 and
// 说明书 are special equipment's technical documents; the food word of the
// complainant's own name (某食品厂来电举报) does not make them a food label
// (blind24a row 012 lost to food-125-label on the learned vote).
func TestBoilerPapersNotFoodLabelTwentyFourth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct{ name, facts, day string }{
		{"a food firm's boiler", "鲜乐乳制品有限公司来电投诉：3月份从某锅炉制造厂买了一台燃气蒸汽锅炉，交货时没有产品合格证和使用维护说明书，市场监管部门5月已责令锅炉厂限期补齐，到现在还没给。", "2026-07-01"},
		{"a bakery's pressure vessel", "2026-05-12 麦香食品厂 新购储气罐（压力容器）交付时无产品合格证、无说明书 厂家拒不补交 立案", "2026-05-12"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.day)
			for _, v := range res.Violations {
				if v.BenchmarkID == "food-125-label" {
					t.Fatalf("food-125-label among %v\n%s", ids(res.Violations), whys(res.Violations))
				}
			}
		})
	}
}
