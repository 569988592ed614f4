package caseanalysis

import "testing"

// TestDispositionKindsTwentySeventh covers the kinds behind disp27's
// first-sight misses, each in other words than the rows that showed them:
// a party who walks into a police station to give himself up (到…投案,
// 治安管理处罚法 第二十条第（五）项), a lead the party gave that the agency
// then proved against another (据此查实, 行政处罚法 第三十二条第（四）项),
// workers retrained after the inspection (补训, 第三十三条第一款), and an
// 智力残疾人 who still knows what he does (第三十一条: 可以从轻或者减轻).
func TestDispositionKindsTwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDispositionRows(t, a, []dispositionRow{
		{"a thief who walks in", "2026年3月2日晚，彭某（男，1991年4月出生）在小区车棚内偷走邻居电动车电瓶一块，经认定价值六百元。3月4日上午，彭某在其妻子陪同下到镇派出所投案，交出电瓶并如实讲述了经过。",
			"2026-03-04", "从轻或者减轻处罚"},
		{"a thief who gives himself up in the record's word", "经查，2026年5月18日，段某在某商场试衣间内拿走他人遗留的钱包一个，内有现金八百元。段某于5月20日投案自首，退出全部现金。",
			"2026-05-20", "从轻或者减轻处罚"},
		{"a lead proved against another", "经查，当事人某五金制品有限公司在其喷漆车间未设置明显的安全警示标志。调查期间，当事人向我局反映了同一园区某塑料厂违规使用液化气的线索，执法人员据此查实该厂违法事实并依法处理。",
			"2026-05-12", "从轻或者减轻处罚"},
		{"workers retrained at once, a first lapse", "2026年9月3日对某县利民印刷厂检查，发现该厂8月新招的3名机台工未经安全生产教育和培训即上岗，培训档案空白。该厂以往没有安全生产违法记录，9月5日即对3人完成补训并经考核合格，执法人员复查确认，未发生任何事故。",
			"2026-09-03", "不予处罚"},
		{"an intellectually disabled trader who knows the rule", "2026年8月12日，城管队员在农贸市场东门发现唐某（男，1988年3月出生）在人行道上摆摊卖西瓜，占用人行道约6平方米。唐某持有智力残疾人证（四级），其父亲称唐某能独立买卖找零，也知道不能在路边摆摊。",
			"2026-08-12", "从轻或者减轻处罚"},
		// and what stays punished as before: an order to come in that the
		// party ignored, a 举报人's lead against the party itself, and a
		// victim's disability
		{"told to come in, refused", "2026年4月3日，民警多次电话通知违法嫌疑人鲁某到派出所投案，鲁某拒不到案，后于4月9日在其暂住地被抓获。经查，鲁某于3月30日在超市盗窃洗发水两瓶，价值九十元。",
			"2026-04-10", "处罚"},
		{"urged through the family, never came", "经查，违法嫌疑人池某于2026年2月1日殴打邻居致其面部软组织挫伤，案发后逃离，民警劝其家属督促其到公安机关投案，池某至今未投案，2月20日被抓获。",
			"2026-02-20", "处罚"},
		{"a tip against the party", "根据举报人提供的线索，执法人员据此查实当事人某食品厂使用超过保质期的面粉生产面包，货值金额二千元。当事人称系仓管员疏忽。",
			"2026-05-10", "处罚"},
		{"a disabled victim", "2026年6月1日，毛某（男，1980年出生）在公交车上殴打一名持有智力残疾人证的乘客，致其鼻部出血，经鉴定为轻微伤。",
			"2026-06-01", "处罚"},
	})
}

// TestThirdPartyStudentsTwentySeventh: the ages of the pupils an adult drew
// into the act (纠集两名高中生（均未满十七周岁）) are theirs, not the adult's:
// the adult is punished without the 第三十条 mitigation.
func TestThirdPartyStudentsTwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct{ name, facts, day string }{
		{"senior-school pupils drawn in", "经查，2026年4月6日晚，违法行为人甘某（男，1994年出生）纠集两名高中生（均未满十七周岁）在夜市向多名摊贩强行索要烧烤和饮料，价值共计一百二十元，摊主报警。",
			"2026-04-06"},
		{"junior-school pupils sent to take", "2026年3月15日，陆某指使三名初中生（均未满十五周岁）在游戏厅门口拦截过往路人强要零花钱，共索得现金六十元。",
			"2026-03-15"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.day)
			if res.Facts.Engine.Age != nil && *res.Facts.Engine.Age < 18 {
				t.Errorf("the pupils' age read as the party's: %v", *res.Facts.Engine.Age)
			}
		})
	}
}

// TestLimitationDatesTwentySeventh: a report's own month after a caller's
// title (李先生于2026年6月来电: 先生于 is no 生于 of a birth) dates the
// discovery, and what a report tells opens with its date after 反映 (反映
// 2023年10月20日前后…焚烧) as after 称: the act more than two years before is
// time-barred (行政处罚法 第三十六条). An event's 发生于 is no birth either.
func TestLimitationDatesTwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDispositionRows(t, a, []dispositionRow{
		{"a caller's title before the month", "群众李先生于2026年6月来电称：2024年3月10日，某饭店在门前人行道上摆放桌椅经营烧烤，占用人行道约20平方米，当晚即收回，此后再未摆放。",
			"2026-06-15", "超过时效"},
		{"what the report tells after 反映", "2026年3月接群众举报，反映2023年10月20日前后养殖户魏某在村内居民区空地焚烧废旧轮胎，黑烟弥漫，并提供了当时拍摄的视频。经核实属实，此后未再发现焚烧行为。",
			"2026-03-20", "超过时效"},
	})
	res := analyzeOn(t, a, "经调查，该起火灾发生于2026年3月，系租户韦某在阳台焚烧杂物引起，烧毁阳台晾衣架及衣物若干，未造成人员伤亡。", "2026-03-30")
	if res.Facts.Engine.Age != nil {
		t.Errorf("发生于 read as a birth: age %v", *res.Facts.Engine.Age)
	}
}

// TestFireFoughtAndYearCountTwentySeventh: a fire the party set and fought
// at once with an extinguisher (随即用…灭火器) lessens the harm (第三十二条第
// （一）项), not a neighbour's firefighting nor a failed attempt; a count
// within one year with the party as its subject (一年内第三次因…被查处) is an
// earlier penalty for the 从重 level, not an event's (今年内再次发生盗窃).
func TestFireFoughtAndYearCountTwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDispositionRows(t, a, []dispositionRow{
		{"fought by the party", "2026年1月20日晚，租户蔡某在出租屋内使用电暖器烘烤衣物引燃窗帘，蔡某随即用客厅灭火器将火扑灭并报警，仅烧毁窗帘一副，未造成人员伤亡。",
			"2026-01-21", "从轻或者减轻处罚"},
		{"fought by a neighbour", "2026年5月3日，某小区居民严某在楼道内焚烧纸钱引燃堆放的纸箱，严某见状逃离现场，邻居发现后立即用灭火器将火扑灭，烧毁楼道杂物若干，无人员伤亡。",
			"2026-05-03", "处罚"},
		{"a failed attempt", "2026年7月8日，某餐馆厨师在后厨违规使用液化气钢瓶时引发火灾，厨师当即用店内灭火器扑救未果，消防队到场扑灭，烧毁后厨设备，无人员伤亡。",
			"2026-07-08", "处罚"},
	})
	for _, tt := range []struct{ name, facts, day, level string }{
		{"the third time within a year", "经查，当事人某便利店一年内第三次因未明码标价被我局查处，本次检查发现其冷柜内饮料仍未标价。", "2026-07-08", "从重"},
		{"the first time within a year", "经查，当事人某烧烤店一年内第一次因占道经营被查处，检查时其在店门外人行道摆放桌椅6张。", "2026-06-08", "一般"},
		{"an event again this year", "经查，当事人某超市将货物堆放在安全出口处，堵塞安全出口。据超市员工反映，该市场今年内再次发生盗窃案件，超市加强了门口管理。", "2026-05-03", "一般"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.day)
			if len(res.Violations) == 0 || res.Violations[0].Suggestion == nil {
				t.Fatalf("no suggestion: %v", ids(res.Violations))
			}
			if got := res.Violations[0].Suggestion.Level; got == nil || *got != tt.level {
				t.Errorf("%s: level %v, want %s", res.Violations[0].BenchmarkID, got, tt.level)
			}
		})
	}
}
