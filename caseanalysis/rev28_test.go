package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// TestReviewRev28TwentyEighth holds the regressions the read-only review
// rev28 found in the twenty-seventh round's merge (issue 12), each with
// guards that keep what the round's reader was added for:
//   - ordered: an order followed by a correction told before the business
//     goes on is no 经责令改正拒不改正 (orderedThenAgain, correctedBetween);
//   - plot: a plot beside the one occupied, another's, or land of another
//     kind not itself told occupied is not added (rules plotAfterComma);
//   - transfer: a work knife in one clause and an arm waved in the next is
//     no armed threat (armedThreatRe); people a host 容留 to gamble are no
//     gamblers an organiser gathered (namedGamblersRe).
func TestReviewRev28TwentyEighth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	b := &rules.Benchmark{ID: "x", Flags: map[string]string{
		"refused_correction": "经责令改正拒不改正", "not_corrected": "经责令限期改正，逾期不改正",
	}}
	duty := []string{"police25-61-obstruct-duty"}
	gamb := []string{"police25-82-gambling-serious"}
	for _, tt := range []struct {
		name, text, check string // check: ordered | plot | transfer
		ordered           bool
		plot              float64 // -1: no quantity
		benchmarks        []string
		risk, crime       string
	}{
		// R1: a correction told between the order and the going on.
		{name: "monitor replaced, production goes on", check: "ordered", text: "2025年4月，某企业废气自动监测设备未正常运行，经责令改正后，企业更换了设备，此后设备运行正常，企业继续生产。"},
		{name: "label changed the same day, sales go on", check: "ordered", text: "某超市销售的腊肠属标签瑕疵，经责令改正后，超市当日更换了标签，之后继续销售。"},
		{name: "soil covered at the recheck, works go on", check: "ordered", text: "某楼盘工地裸土未覆盖，责令限期改正。复查时土方已全部覆盖，工地继续施工。"},
		{name: "fume purifier fitted, the kitchen goes on", check: "ordered", text: "某火锅店油烟直排，经责令限期改正，该店已安装油烟净化器，此后继续经营。"},
		// R1: the business going on after an order, with nothing told defied.
		{name: "a shop trades on after the order", check: "ordered", text: "某面馆在店外摆放桌椅经营，城管队员责令其改正，此后面馆正常营业，继续经营。"},
		{name: "works go on by day after a night order", check: "ordered", text: "某市政工地夜间打桩扰民，被责令改正，次日工地继续施工，夜间未再作业。"},
		{name: "a mill goes on, the fix told after", check: "ordered", text: "某石料厂破碎环节未密闭，责令限期改正，之后该厂继续生产，密闭车间已建成投用。"},
		{name: "a mill goes on past the limit", check: "ordered", ordered: true, text: "某石料厂破碎环节未密闭，责令限期改正，逾期后该厂仍继续生产。"},
		{name: "a correction only claimed", check: "ordered", ordered: true, text: "某洗车店占道洗车，经责令改正后，店主称已整改，复查时又发现其在人行道上洗车。"},
		{name: "a correction denied, works go on", check: "ordered", ordered: true, text: "某楼盘工地裸土未覆盖，经责令限期改正，期满后土方仍未覆盖，工地继续施工。"},
		{name: "correction not carried through", check: "ordered", ordered: true, text: "某KTV消防通道堵塞，经责令改正，复查时未整改到位，通道依然存在堆放杂物。"},
		// R5: a neighbouring or other plot.
		{name: "a homestead beside the field", check: "plot", plot: 1200, text: "经查，当事人于2024年3月至被查处时止，在自家承包地内占用耕地1200平方米，旁边宅基地2400平方米堆放建材。"},
		{name: "a neighbour's plot", check: "plot", plot: 900, text: "经查，张某未经批准占用集体土地900平方米建设仓库，邻居王某院落300平方米用于停车。"},
		{name: "land of another kind, not told occupied", check: "plot", plot: 1500, text: "经测量，李某占用耕地1500平方米，林地600平方米未动。"},
		{name: "a second plot told occupied", check: "plot", plot: 1800, text: "经测量，李某占用耕地1500平方米，另占用林地300平方米堆放石料。"},
		{name: "the party's own plots after 占地", check: "plot", plot: 1300, text: "经测绘，该养殖场猪舍占地1,000平方米，化粪池300平方米。"},
		// R6: a work knife, then an arm waved.
		{name: "a butcher's knife, then an arm waved", check: "transfer", benchmarks: duty, risk: rules.RiskNone, text: "2025年8月，城管执法人员到场时，当事人正拿着刀切肉，随后向执法人员挥舞手臂表示不满，经劝说后收摊。"},
		{name: "scissors at work, then a fist shaken", check: "transfer", benchmarks: duty, risk: rules.RiskNone, text: "执法人员检查时，理发师手持剪刀为顾客理发，后对着执法人员晃动拳头，阻碍执行职务。"},
		{name: "a cleaver taken, waved at officers across a comma", check: "transfer", benchmarks: duty, risk: rules.RiskLikely, crime: "妨害公务罪", text: "执法人员清理占道摊点时，摊主孙某抄起砍骨刀，冲着执法人员挥舞砍骨刀，执法人员被迫后退。"},
		{name: "a spade at officers in one clause", check: "transfer", benchmarks: duty, risk: rules.RiskLikely, crime: "妨害公务罪", text: "执法人员拆除违建时，户主抡起铁锹朝执法人员乱挥，拆除工作被迫中止。"},
		// Minor: 容留 is no organising.
		{name: "a host lets three play", check: "transfer", benchmarks: gamb, risk: rules.RiskNone, text: "经查，茶馆经营者容留周某、吴某、郑某打麻将赌博，每局输赢二百元。"},
		{name: "an organiser gathers three", check: "transfer", benchmarks: gamb, risk: rules.RiskLikely, crime: "赌博罪", text: "经查，茶馆经营者纠集周某、吴某、郑某打麻将赌博，从中抽头累计6200元。"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			switch tt.check {
			case "ordered":
				norm := nlp.NormalizeText(tt.text)
				if got := orderedThenAgain(norm); got != tt.ordered {
					t.Errorf("orderedThenAgain = %v, want %v", got, tt.ordered)
				}
				flags, _ := inferFlags(b, norm, readOrders(norm))
				if flags["refused_correction"] != tt.ordered || flags["not_corrected"] != tt.ordered {
					t.Errorf("flags %v, want refused_correction and not_corrected %v", flags, tt.ordered)
				}
			case "plot":
				got := -1.0
				if q := rules.ExtractFacts(tt.text).Facts.Quantity; q != nil {
					got = *q
				}
				if got != tt.plot {
					t.Errorf("quantity = %v, want %v", got, tt.plot)
				}
			case "transfer":
				vs := make([]Violation, 0, len(tt.benchmarks))
				for _, id := range tt.benchmarks {
					vs = append(vs, Violation{BenchmarkID: id})
				}
				m := measures(nlp.NormalizeText(tt.text), tt.text, nlp.Extract(tt.text))
				got := a.transfer(a.readTransfer(tt.text, readOrders(nlp.NormalizeText(tt.text))), m, vs)
				if got.Risk != tt.risk || (tt.crime != "" && got.Crime != tt.crime) {
					t.Errorf("risk = %s %s (%s), want %s %s; measures %v", got.Risk, got.Crime, got.Threshold, tt.risk, tt.crime, m)
				}
			default:
				t.Fatalf("unknown check %q", tt.check)
			}
		})
	}
}
