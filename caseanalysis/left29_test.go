package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestPriorPenaltyConductTwentyNinth: the act of a case is the one found
// now; an earlier penalty's conduct (去年因…被罚款, 曾因…受到行政处罚, 前次
// 因…) is a circumstance of it and never its basis. Where the earlier and the
// present act are of one kind, or the present one is told only by reference
// to it, or the clause is the case's own penalty (当事人因…被本局处以罚款, a
// register's dated line), the conduct stays the basis.
func TestPriorPenaltyConductTwentyNinth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts string
		want        string // the first benchmark wanted ("" for none named)
		notFirst    string // a benchmark that must not come first
	}{
		{name: "label before, price now", want: "price-13-marking",
			facts: "某副食店前年因销售无中文标签的进口饼干被罚款，今年6月检查发现其经营的鲜猪肉未按规定标明价格。"},
		{name: "expired medicine before, staff now", notFirst: "drug-117-substandard-retail",
			facts: "某诊所曾因使用过期药品受到行政处罚，2026年5月检查时发现其聘用未取得医师资格的人员从事诊疗活动。"},
		{name: "land before, manure now", notFirst: "land-77-illegal-occupation",
			facts: "某养殖场上次因未经批准占用耕地被罚款，这次检查发现其粪污直接排入河道。"},
		{name: "fake drugs before, prescriptions now", notFirst: "drug-116-counterfeit",
			facts: "某药店前次因销售假药受到行政处罚，本次检查发现其未凭处方销售处方药阿莫西林。"},
		// Guards: one kind, the case's own penalty, a reference, a denial.
		{name: "expired before and now", want: "food-124-expired",
			facts: "某便利店曾因销售过期面包被罚款，2026年3月又被发现销售过期牛奶五箱。"},
		{name: "the case's own penalty", want: "food-124-expired",
			facts: "当事人因销售超过保质期的饼干被本局处以罚款三千元。"},
		{name: "a register's dated line", want: "food-124-expired",
			facts: "2026年1月，某商场因销售过期糖果被罚款两千元。"},
		{name: "the same problem again", want: "air-117-dust-materials",
			facts: "某砂石场此前因未密闭堆放物料被处罚，近日又因同样问题被查处。"},
		{name: "gambling before and now", want: "police25-82-gambling-serious",
			facts: "周某曾因参与赌博被处以拘留，2026年3月又在茶馆打扑克赌博，每局输赢三百元。"},
		{name: "never punished for it", want: "food-124-expired",
			facts: "当事人此前从未因销售过期食品受过处罚，本次检查发现其货架上有过期酸奶八盒。"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2026-07-01")
			if len(res.Violations) == 0 {
				t.Fatal("no violation")
			}
			top := res.Violations[0].BenchmarkID
			if tt.want != "" && top != tt.want {
				t.Errorf("violations %v, want %s first\n%s", ids(res.Violations), tt.want, whys(res.Violations))
			}
			if tt.notFirst != "" && top == tt.notFirst {
				t.Errorf("violations %v: the earlier penalty's conduct %s ranked first\n%s", ids(res.Violations), tt.notFirst, whys(res.Violations))
			}
		})
	}
}

// TestUnitWorkerAgeShownTwentyNinth: a unit has no age, so the birth date of
// a worker the text names with its post (焊工钱某（2009年11月出生）) is not
// shown as the party's age; an individual party's own birth date is.
func TestUnitWorkerAgeShownTwentyNinth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts string
		age         float64 // 0: none shown
	}{
		{"a welder of a company", "经查，某机械制造有限公司焊工钱某（男，2009年11月出生）于2026年4月未持证从事焊接作业。", 0},
		{"a dispatcher of a haulier", "2026年3月，某货运有限公司调度员孙某（2010年1月出生）安排一辆货车超载运输。", 0},
		{"an individual party", "当事人吴某（男，2009年3月出生）于2026年5月在公园草坪内燃放烟花。", 17},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2026-07-01")
			got := 0.0
			if res.Facts.Age != nil && res.Facts.Age.Age != nil {
				got = *res.Facts.Age.Age
			}
			if got != tt.age {
				t.Errorf("shown age %v, want %v (party %+v)", got, tt.age, res.Facts.Party)
			}
		})
	}
}

// TestPriorWindowAndTierTwentyNinth: 情节严重 that chose a benchmark's tier
// is not counted again as its 从重 circumstance, and a 治安 benchmark weighs
// an earlier penalty by its law's own window (2012 第二十条第（四）项 六个月内,
// 2025 第二十二条第（四）项 一年以内), not the common 二年内: a penalty
// twenty months before is no 从重, one inside the window is.
func TestPriorWindowAndTierTwentyNinth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts, decision string
		benchmark, level      string
	}{
		{name: "2012: a warning twenty months before", benchmark: "police-43-assault", level: "一般", decision: "2025-09-01",
			facts: "2025年8月3日，赵某在菜市场与摊主争吵后推搡摊主致其轻微伤。赵某2023年12月曾因在公共场所起哄闹事被公安机关警告。"},
		{name: "2012: a detention four months before", benchmark: "police-43-assault", level: "从重", decision: "2025-09-01",
			facts: "2025年8月3日，赵某在菜市场与摊主争吵后推搡摊主致其轻微伤。赵某于2025年4月因寻衅滋事被处以行政拘留十日。"},
		{name: "2025: a detention nine months before", benchmark: "police25-51-assault", level: "从重", decision: "2026-06-01",
			facts: "2026年5月3日，赵某在菜市场与摊主争吵后推搡摊主致其轻微伤。赵某于2025年8月因寻衅滋事被处以行政拘留十日。"},
		{name: "2025: a detention eighteen months before", benchmark: "police25-51-assault", level: "一般", decision: "2026-06-01",
			facts: "2026年5月3日，赵某在菜市场与摊主争吵后推搡摊主致其轻微伤。赵某于2024年11月因寻衅滋事被处以行政拘留十日。"},
		{name: "a casino's 情节严重 is its tier", benchmark: "police25-82-gambling-serious", level: "一般", decision: "2026-05-01",
			facts: "2026年4月，钱某在出租屋内开设赌场，情节严重，从中抽头获利八千元。"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.decision)
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != tt.benchmark {
				t.Fatalf("violations %v, want %s first", ids(res.Violations), tt.benchmark)
			}
			s := res.Violations[0].Suggestion
			got := ""
			if s != nil && s.Level != nil {
				got = *s.Level
			}
			if got != tt.level {
				t.Errorf("level %q, want %s\n%s", got, tt.level, whys(res.Violations))
			}
		})
	}
}

// TestAssaultOnOfficersWordingsTwentyNinth: a car driven at a police officer
// (驾车撞向交警) is 袭警罪's violence; a blow at an auxiliary officer (辅警 is no
// 人民警察 of 第五款) or a car driven at those checking is 妨害公务罪's. An
// auxiliary officer hurt at home, a blow denied and a car that hit a rail
// before the police came are neither.
func TestAssaultOnOfficersWordingsTwentyNinth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts, decision string
		crime                 string // the likely crime wanted ("" for none of the two)
	}{
		{"a lorry driven at a traffic officer", "2026年6月3日，交警在国道设点查车，货车司机谭某驾车撞向交警，交警躲闪不及被撞伤腿部。", "2026-07-01", "袭警罪"},
		{"an auxiliary officer punched", "2025年7月9日，派出所民警和辅警处置酒后滋事警情时，邵某挥拳殴打辅警，致其眼角挫伤。", "2025-08-01", "妨害公务罪"},
		{"an auxiliary officer scratched", "2026年2月11日，交警在路口查处违停时，车主郑某抓伤辅警手臂，拒不配合处理。", "2026-03-01", "妨害公务罪"},
		{"hurt at home", "2026年3月，辅警刘某在家中与妻子争吵，被妻子抓伤脸部。", "2026-05-01", ""},
		{"a blow denied", "2026年4月2日，执法人员在检查时，店主未殴打辅警，只是言语顶撞。", "2026-05-01", ""},
		{"a rail hit before the police came", "2026年4月1日，宋某驾车冲撞路边护栏后被民警查获，未造成人员受伤。", "2026-05-01", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.decision)
			tr := res.Transfer
			switch {
			case tt.crime != "" && (tr.Risk != rules.RiskLikely || tr.Crime != tt.crime):
				t.Errorf("transfer %s %s, want likely %s", tr.Risk, tr.Crime, tt.crime)
			case tt.crime == "" && tr.Risk == rules.RiskLikely && (tr.Crime == "袭警罪" || tr.Crime == "妨害公务罪"):
				t.Errorf("transfer likely %s for no attack on an official on duty", tr.Crime)
			}
		})
	}
}
