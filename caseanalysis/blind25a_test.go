package caseanalysis

import "testing"

// TestBlindKindsTwentyFifth covers the kinds behind blind25a's first-sight
// misses, each in other words than the row that showed it: a load left
// open and spilt told in a witness's words (没盖篷布, 撒了一路), wages paid
// with goods told as 抵偿, a car lent to a driver whose licence a drunk
// drive revoked years ago (the owner's 第九十九条第一款第（二）项, no
// transfer), a stall on a numbered highway (公路法, not the city road's
// 条例), a drink's advert that shows drinking and driving (广告法 第二十三条,
// not a drive), a dog bite dated without a year beside an earlier penalty
// dated with one (the act is this year's, 2025年法), a venue's stall fee
// (收取摊位费) as what not stopping an unlawful advert brought in (广告法
// 第六十三条's 违法所得), and a canteen's faults found all unmended at the
// recheck (拒不改正: the fine's range).
func TestBlindKindsTwentyFifth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"a load left open, after the code", "2026年9月2日，执法人员在城西路口发现一辆拉建筑垃圾的重型自卸车，车斗上面没盖篷布，碎砖和泥土撒了一路，驾驶员称马上就到消纳场。",
			"2026-09-02", "eco-1129-uncovered-load", "", 2000, 20000, false},
		{"a load left open, before the code", "2025年10月9日，群众反映一辆运煤的拖拉机车厢没有盖，煤渣沿途洒在马路上，驾驶人是附近煤场的。",
			"2025-10-09", "air-116-uncovered-load", "", 2000, 20000, false},
		{"wages paid with steel", "经查，某建筑公司在承建的商住楼项目中，用一批库存钢材折价抵偿二十三名农民工的工资，人社部门责令其限期改为货币支付，逾期仍未改正。",
			"2026-05-10", "wage-54-in-kind", "labour-30-obstruct-inspection", 20000, 50000, false},
		{"a car lent to a driver once drunk", "2026年4月3日，交警查获驾驶人周某驾驶车主李某的小型客车，周某驾驶证因醉驾已于2024年被吊销，李某明知仍将车借给周某使用。",
			"2026-04-03", "traffic-99-lend-to-unlicensed", "traffic-91-drunk-driving", 200, 2000, false},
		{"a stall on a numbered highway", "2026年7月5日，路政人员巡查S207线K33+600处时发现，商贩王某在路肩上摆摊卖桃子，占用路肩约五米，现场有多人围买。",
			"2026-07-05", "highway-77-obstruct-road", "road-42-occupying-road", 0, 5000, false},
		{"a beer advert with a drive in it", "经查，当事人金樽酒业有限公司在其微信公众号发布啤酒广告，广告片中几名年轻人聚餐时连干数杯，随后酒后驾车兜风，广告语为“喝了更带劲，开车更有精神”，广告费用3万元。",
			"2026-06-10", "ad-58-alcohol", "traffic-91-drink-driving", 30000, 90000, false},
		{"a dog bite beside an earlier penalty", "5月20日8时许，报警人称其在小区楼下被一条没拴绳的泰迪咬伤。民警调查，犬主郭某遛狗时未牵引，泰迪扑咬路过的退休教师（68岁）脚踝。经查，郭某2025年11月曾因饲养犬只干扰他人生活被警告。",
			"2026-05-20", "police25-89-animal-injury", "", 0, 1000, false},
		{"a venue's stall fee", "经查，当事人百汇城市广场物业公司明知某“专家团”在其广场一楼举办的免费体检讲座中宣传保健品可治愈高血压，属于违法广告，仍继续向其出租场地，未予制止，共收取摊位费8600元。",
			"2026-08-20", "ad-63-venue-not-stopping", "", 10000, 50000, false},
		{"a canteen unmended at the recheck", "经查，当事人福寿养老院食堂未执行陪餐制度，未落实食品安全管理责任。2026年5月6日执法人员给予警告并责令于5月20日前改正，5月22日复查时，上述问题均未整改。",
			"2026-06-01", "food-126-canteen-duty", "", 5000, 50000, false},
	})
}

// TestBlindDispositionsTwentyFifth: a pupil's age written in the bracket
// with what they are (赵某（男，16周岁，中专学生）) is the party's, so the
// minor's 从轻或者减轻 applies; traffic not held up (未造成…受阻) is no harm,
// so a first stall cleared at once is not punished.
func TestBlindDispositionsTwentyFifth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDispositionRows(t, a, []dispositionRow{
		{"a pupil's age in a bracket with the school", "2025年10月5日，民警在火车站候车室巡查时发现，旅客赵某（男，16周岁，中专学生）随身携带一把匕首，经鉴定属于管制刀具。",
			"2025-10-05", "从轻或者减轻处罚"},
		{"a first stall on a highway, traffic not held up", "2026年8月3日，路政人员巡查至G205线K88+100处，发现商贩田某在公路路肩上摆摊卖橘子，未造成过往车辆通行受阻。路政人员当场指出后，田某随即收摊并将货物搬离路肩，系初次违法。",
			"2026-08-03", "不予处罚"},
	})
}

// dispositionRow is a text analysed on its day and the disposition its top
// violation should get.
type dispositionRow struct{ name, facts, day, want string }

// checkDispositionRows analyses each row on its day and checks the top
// violation's disposition.
func checkDispositionRows(t *testing.T, a *Analyzer, rows []dispositionRow) {
	t.Helper()
	for _, tt := range rows {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.day)
			if len(res.Violations) == 0 || res.Violations[0].Suggestion == nil {
				t.Fatalf("no suggestion: %v", ids(res.Violations))
			}
			if got := string(res.Violations[0].Suggestion.Disposition); got != tt.want {
				t.Errorf("%s: disposition %s, want %s", res.Violations[0].BenchmarkID, got, tt.want)
			}
		})
	}
}
