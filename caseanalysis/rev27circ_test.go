package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// TestReviewRev27CircumstancesTwentySeventh holds the regressions the review rev27 found
// in the twenty-sixth round's circumstance and count readers (issue 12),
// in words apart from the probes: onlookers are no gamblers; a shop
// burgled or complained about a second time has no prior penalty; a
// working party's own age under sixteen is kept unless an employer uses
// it; an order to retrain is not the retraining; a clean-up by others or
// only demanded is not the party's; a 老实说 or 你们还不知道 that tells
// nothing the officers lacked is no confession; a relative's disability is
// not the party's.
func TestReviewRev27CircumstancesTwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	f := func(r Result) rules.Facts { return r.Facts.Engine }
	for _, tt := range []struct {
		name, facts, day string
		ok               func(rules.Facts) bool
	}{
		// F2: a burglary or a complaint counted in the year is no penalty
		{"burgled a second time", "经查，2026年3月9日夜，孙某撬开某五金店卷帘门盗走电钻一把，价值四百元。店主刘某称其店铺今年内第二次被盗。", "2026-03-20",
			func(e rules.Facts) bool { return e.PriorPenalties == nil }},
		{"complained about a second time", "2026年6月2日，某KTV本年内第三次因噪音扰民被附近居民投诉，执法人员现场检测夜间噪声超标。", "2026-06-10",
			func(e rules.Facts) bool { return e.PriorPenalties == nil }},
		{"still: the party punished again", "经查，当事人某超市一年内第三次因未明码标价被查处。", "2026-06-10",
			func(e rules.Facts) bool { return e.PriorPenalties != nil && *e.PriorPenalties == 2 }},
		// F3: a working party's own age
		{"a working boy who stole", "违法行为人赵某（男，2010年11月3日出生，在某餐馆打工，案发时未满十六周岁）于2026年5月6日在超市盗窃牙膏三支，价值六十元。", "2026-05-20",
			func(e rules.Facts) bool { return e.Age != nil && *e.Age == 15 }},
		{"still: a child-labour employer", "2026年7月10日检查发现，某服装加工厂招用未满十六周岁的人员2名，其中黄某2011年2月出生。", "2026-07-20",
			func(e rules.Facts) bool { return e.Age == nil }},
		// F4: an order to retrain
		{"ordered to retrain", "检查发现某物流公司2名叉车司机未经安全培训上岗，执法人员责令其立即对上述人员组织补训。", "2026-05-20",
			func(e rules.Facts) bool { return !e.CorrectedInTime }},
		// F5: the clean-up by another, or demanded and not done
		{"the town cleans up", "当事人运输渣土沿途撒漏，镇政府随即请第三方环卫公司将道路清理干净。", "2026-05-20",
			func(e rules.Facts) bool { return !e.SelfRemovedHarm }},
		{"told to clean up, not done", "执法人员要求其请专业公司清除泄漏的油污，当事人至今未清除。", "2026-05-20",
			func(e rules.Facts) bool { return !e.SelfRemovedHarm }},
		// F6: no confession
		{"others sell too", "问：你为什么销售过期食品？答：老实说我也不清楚，隔壁还有几家也在卖。", "2026-05-20",
			func(e rules.Facts) bool { return !e.Confessed }},
		{"you don't know yet", "当事人称：你们还不知道吧，这条街上都这样摆的。", "2026-05-20",
			func(e rules.Facts) bool { return !e.Confessed }},
		// F7: a relative's disability
		{"a daughter's disability", "经查，钱某在人行道摆摊卖水果。钱某称其女儿系智力残疾人，生活困难。", "2026-05-20",
			func(e rules.Facts) bool { return e.MentalState == "" || e.MentalState == "none" }},
		// and what stays: a party's certificate shown by its father, a
		// retraining's record handed in
		{"still: a father shows the party's certificate", "2026年5月9日，城管队员发现冯某（男，1992年出生）在绿化带内焚烧树叶。冯某的父亲赶到后，拿出残疾人证（智力残疾四级），称冯某知道不能乱烧东西。", "2026-05-20",
			func(e rules.Facts) bool { return e.MentalState == "partial" }},
		{"still: the retraining's record handed in", "检查发现某仓储公司2名新员工未经安全生产教育和培训上岗。4月2日该公司提交了该2人补训的考核记录。", "2026-05-20",
			func(e rules.Facts) bool { return e.CorrectedInTime }},
		// the review's own probes
		{"probe: supermarket burgled", "王某称其超市一年内第二次被盗。", "2026-05-20",
			func(e rules.Facts) bool { return e.PriorPenalties == nil }},
		{"probe: an internet bar complained about", "该网吧今年内第二次因接纳未成年人被家长投诉。", "2026-05-20",
			func(e rules.Facts) bool { return e.PriorPenalties == nil }},
		{"probe: a summer worker", "违法行为人王某（男，2010年9月15日出生，暑期工，未满十六周岁）于2026年7月2日在超市盗窃洗发水两瓶，价值86元。", "2026-07-10",
			func(e rules.Facts) bool { return e.Age != nil && *e.Age == 15 }},
		{"probe: retrain ordered", "执法人员责令其立即对该3人进行补训。", "2026-05-20",
			func(e rules.Facts) bool { return !e.CorrectedInTime }},
		{"probe: the street office cleans up", "街道办事处随即请第三方保洁公司将路面清理干净。", "2026-05-20",
			func(e rules.Facts) bool { return !e.SelfRemovedHarm }},
		{"probe: asked to clean up", "执法人员要求其找专业公司清理干净，当事人至今未处理。", "2026-05-20",
			func(e rules.Facts) bool { return !e.SelfRemovedHarm }},
		{"probe: others selling", "答：老实说我不知道，附近还有好几家也在卖。", "2026-05-20",
			func(e rules.Facts) bool { return !e.Confessed }},
		{"probe: everyone hoards", "你们还不知道吧，过年前大家都这么囤货。", "2026-05-20",
			func(e rules.Facts) bool { return !e.Confessed }},
		{"probe: a son's disability", "张某称其儿子系智力残疾人，家庭困难。", "2026-05-20",
			func(e rules.Facts) bool { return e.MentalState == "" || e.MentalState == "none" }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if e := f(analyzeOn(t, a, tt.facts, tt.day)); !tt.ok(e) {
				t.Fatalf("facts %+v", e)
			}
		})
	}
	// F1: onlookers and those present are no gamblers
	for _, text := range []string{
		"民警在某棋牌室查获5人以打麻将方式赌博，收缴赌资三千元，参赌人员及围观群众共计26人。",
		"派出所查获3人赌博，参赌人员均系附近村民，现场人员共计19人。",
		"民警查获4人以“斗地主”方式赌博，现场收缴赌资2600元，参赌人员和围观人员共计22人。",
	} {
		m := measures(nlp.NormalizeText(text), text, nlp.Extract(text))
		if g := m[rules.MeasureGamblers]; g > 5 {
			t.Errorf("%s: gamblers %v, onlookers counted", text, g)
		}
	}
}
