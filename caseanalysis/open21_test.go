package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/rules"
)

// TestEvadingNonToxicTwentyFirst: a 暗管 or 渗坑 is near 污染环境罪 only
// while the water it lets out may hold a toxic substance (2023年环境污染
// 解释 第一条第（五）项, 第十七条): water named by a kind that holds none (of
// food, drink, farming, households) is 水污染防治法 第八十三条 alone; a
// toxic one named is still likely, untested industrial water still near.
func TestEvadingNonToxicTwentyFirst(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts, date, risk string
	}{
		{"tofu water through a hidden pipe", "经查，当事人某某豆腐坊在后院地下埋设一根暗管，将生产豆腐产生的废水直接排入村边水塘。", "2025-05-10", rules.RiskNone},
		{"household sewage into a seepage pit", "执法人员检查发现，某某农家乐将厨房和客房的生活污水抽进院后的渗坑，任其渗入地下。", "2025-05-10", rules.RiskNone},
		{"cadmium water through a hidden pipe", "经查，当事人某某电池厂在车间墙外埋设暗管，将含镉废水未经处理直接排入厂外沟渠。", "2025-05-10", rules.RiskLikely},
		{"household sewage with process water through a hidden pipe", "经查，当事人某某五金厂私设暗管，将厂区生活污水和车间生产废水一并排入厂外沟渠。", "2025-05-10", rules.RiskNear},
		{"untested dyeing water through a hidden pipe", "经查，当事人某某纺织厂私设暗管，将未经处理的印染废水直接排入厂外河道。", "2025-05-10", rules.RiskNear},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.date)
			if got := res.Transfer; got.Risk != tt.risk || (tt.risk != rules.RiskNone && got.Crime != "污染环境罪") {
				t.Fatalf("transfer %s %s (%s), want %s 污染环境罪; top %v", got.Risk, got.Crime, got.Threshold, tt.risk, violationIDs(res))
			}
		})
	}
}

// TestThreatByWordsTwentyFirst: a threat of harm to a person told by its
// words (扬言……捅死, 把你杀了) is 威胁他人人身安全 (2012年法 第四十二条第（一）
// 项, 2025年法 第五十条第一款第（一）项), not 扬言实施放火、爆炸、投放危险物质
// or a false report; a threat to blow something up stays that.
func TestThreatByWordsTwentyFirst(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDatedPhrasings(t, a, []datedPhrasingRow{
		{"a text message, 2012 text", "2025年9月3日晚，违法行为人闫某因欠款纠纷给债主发短信，扬言要“找人把你腿打断，再捅死你”，债主报警。", "2025-09-10", "police-42-harassment", ""},
		{"a phone call, 2025 text", "2026年4月2日，违法行为人符某在电话里对邻居说“你再敢报警我就把你杀了”，邻居因此不敢出门。", "2026-04-10", "police25-50-harassment", ""},
		{"a bomb threat stays a false alarm", "2026年4月2日，违法行为人符某打电话到商场服务台，扬言要在商场里放炸弹，商场紧急疏散顾客，经查并无炸弹。", "2026-04-10", "", "police25-50-harassment"},
	})
}

// TestToldDatesAnalysisTwentyFirst: the act dated by 翌日 or a holiday
// decides the text of 治安管理处罚法 in force (2025 revision from
// 2026-01-01) and its six months of limitation.
func TestToldDatesAnalysisTwentyFirst(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDatedPhrasings(t, a, []datedPhrasingRow{
		{"the blow struck 翌日, in 2026", "经查，2025年12月31日晚，违法行为人庄某与室友因琐事争吵，翌日上午庄某用拳头击打室友面部，致其鼻部出血。", "2026-01-20", "police25-51-assault", ""},
		{"去年国庆, the 2012 text", "2026年1月8日，受害人毕某报警称：去年国庆期间在饭店吃饭时被邻桌的郁某打了一拳，民警调查属实。", "2026-02-01", "police-43-assault", ""},
	})
	checkDatedDispositions(t, a, []datedDispositionRow{
		{"春节 more than six months before the report", "2025年10月15日，报案人称今年春节期间在老家被表弟推搡摔倒，膝盖擦伤，当时未报警，此前公安机关未掌握。", "2025-10-20", legal.DispositionExpired},
	})
}

// TestUndatedTheftPriorTwentyFirst: a theft of more than half the
// province's 数额较大 by one punished for theft before, the penalty told
// without its date, is near 盗窃罪 (2013年盗窃解释 第二条第（二）项 needs it
// within a year: the officer establishes when), not none; with no earlier
// penalty it stays none.
func TestUndatedTheftPriorTwentyFirst(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts, risk string
	}{
		{"an undated fine for theft", "经查，嫌疑人龚某先前因偷窃受过治安罚款，本次在商场试衣间窃取顾客挎包内现金一千三百元。", rules.RiskNear},
		{"no earlier penalty", "经查，嫌疑人龚某在商场试衣间窃取顾客挎包内现金一千三百元。", rules.RiskNone},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2026-05-01")
			if got := res.Transfer; got.Risk != tt.risk {
				t.Fatalf("transfer %s %s (%s), want %s; top %v", got.Risk, got.Crime, got.Threshold, tt.risk, violationIDs(res))
			}
		})
	}
}

// TestTakenFromVictimTwentyFirst: a taking told from the victim's side as
// 被人拿走 or 被人顺走 (the thief caught later) is 盗窃 (2025年法 第五十八条),
// however many times the police are named (民警 is no cue of impersonation).
func TestTakenFromVictimTwentyFirst(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDatedPhrasings(t, a, []datedPhrasingRow{
		{"a bag taken from a chair", "报警人郝先生称，其在火锅店吃饭时挂在椅背上的背包被人拿走，包内物品价值约两千元。民警调取监控抓获嫌疑人柯某，经价格认定，涉案物品价值人民币九百元。", "2026-05-12", "police25-58-theft", ""},
		{"a battery taken from a parked bike", "报案人称其停在楼下的电动车电瓶被人顺走，价值约800元。民警调取监控抓获嫌疑人甘某，经价格认定，电瓶价值人民币600元。", "2026-05-12", "police25-58-theft", ""},
	})
}

// TestEvadingHarmlessBesideTwentyFirst (review of open21): household sewage
// named beside water that may carry a pathogen (a clinic's:
// 含传染病病原体的废物 of 2023年环境污染解释 第一条第（五）项) or a
// toxic substance named outside the cues (含氰: 第十七条第四项) does not settle
// that nothing toxic was let out: still near, not none.
func TestEvadingHarmlessBesideTwentyFirst(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct{ name, facts string }{
		{"a clinic's water with sewage", "经查，当事人某某诊所在后院私设暗管，将诊疗区产生的污水和生活污水一并排入屋后水塘。"},
		{"cyanide water with sewage", "经查，当事人某某金属表面处理厂私设暗管，将含氰废水和厂区生活污水一并排入厂外沟渠。"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2025-05-10")
			if got := res.Transfer; got.Risk == rules.RiskNone {
				t.Fatalf("transfer none (%s), want near or likely 污染环境罪; top %v", got.Threshold, violationIDs(res))
			}
		})
	}
}

// TestThreatToPersonTwentyFirst (review of open21): 扬言 with a verb of harm
// is a threat to a person only where a person is its object (扬言要杀他全家,
// 扬言要收拾你): 扬言要把树砍了 or 扬言要收拾东西 threatens nobody's safety
// (2025年法 第五十条第一款第（一）项 needs 威胁他人人身安全).
func TestThreatToPersonTwentyFirst(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDatedPhrasings(t, a, []datedPhrasingRow{
		{"a tree to be cut down", "2026年4月2日，违法行为人符某与邻居因院墙边的一棵树遮挡阳光发生争吵，符某扬言要把邻居家那棵树砍了，民警到场劝离。", "2026-04-10", "", "police25-50-harassment"},
		{"his whole family to be killed", "2026年4月2日，违法行为人符某在电话里扬言要杀他全家，邻居因此不敢出门。", "2026-04-10", "police25-50-harassment", ""},
	})
}
