package caseanalysis

import (
	"slices"
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestBasisTwentySeventh holds the basis and range kinds the twenty-seventh
// round's second blind batch (blind27b) missed, in other words than its
// rows: income kept off the books and so undeclared (未入账，亦未申报纳税)
// is 偷税, not a return never filed; the offender's own minority told in a
// clause of its own is no minor struck; the receiver's want of a licence
// told as a verb (不具备…许可证) shows the element of handing hazardous
// waste to the unlicensed; a fire-service firm short of the standard's
// count (未达到…标准) is 第六十九条's substandard service; land held on an
// approved temporary use and left unreclaimed is the reclamation duty, not
// a temporary building or an occupation; the officers' 消防安全教育 is no
// employer's training (TestNotListedTwentySeventh); a bypass of the waste-gas treatment is the
// pollution's evasion, not a workplace monitor disabled; and minors drawn
// into a card room's game make 第七十条's serious tier.
func TestBasisTwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"income off the books, undeclared", "经查，该洗车行2024年度通过老板娘个人账户收取的洗车、美容款共计二十六万元，未入账，亦未申报纳税，少缴增值税及个人所得税合计一万九千元。",
			"2026-05-11", "tax-63-evasion", "", 0, 0, false},
		{"the offender a minor, in its own clause", "经查，汤某在网吧门口因琐事与他人争吵，用拳头殴打对方头部两下，致其头皮血肿，鉴于汤某系未成年人，依法从轻处罚。",
			"2025-09-02", "police-43-assault", "police-43-assault-aggravated", 200, 500, false},
		{"a receiver without the licence", "经查，该喷涂厂将更换下来的废漆渣约一吨卖给了一名流动收购人员，收购人员不具备危险废物经营许可证，厂方未填写转移联单。",
			"2026-10-20", "eco-1175-hw-unlicensed", "", 200000, 2000000, false},
		{"a fire-service firm short of the count", "抽查发现，某消防设施检测公司为一家商场做年度检测时，应急照明只测试了三成灯具，未达到标准规定的检测数量，报告如实记录了检测结果。",
			"2026-04-16", "fire-69-substandard-service", "fire-69-false-documents", 0, 50000, false},
		{"temporary land left unreclaimed", "经查，某公路工程项目部经批准临时使用某村耕地十二亩作为拌合站，临时用地期满已一年，场地水泥硬化层未清除，未完成复垦，经责令限期改正后仍未动工。",
			"2026-06-08", "land-76-reclamation-refused", "plan-66-temporary-construction", 0, 0, false},
		{"a bypass of the waste-gas treatment", "夜查发现，某印刷厂在废气收集管道上加装旁路，烘干废气不经活性炭吸附直接从旁路排出，排气筒上的在线监控采样探头被拔下。",
			"2026-05-20", "air-99-evading-supervision", "safety-99-monitoring-disabled", 100000, 1000000, false},
		{"minors drawn into the game", "经查，某茶馆老板为牟利提供麻将桌供人赌博，按每场收取台费，现场查获参赌人员九名，其中未成年人参赌三名。",
			"2025-07-14", "police-70-gambling-serious", "police-70-gambling", 500, 3000, false},
	})
}

// TestNotListedTwentySeventh: words that hold another provision's cue
// without meaning it keep that provision out of the violations: the
// fire-safety lesson the officers gave the party (已进行消防安全教育) is no
// employer's training of its staff (安全生产法 第九十七条), and 偷 in 偷税,
// 偷排 or 偷倒 names no theft.
func TestNotListedTwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	thefts := []string{"police25-58-theft", "police25-58-theft-serious"}
	for _, tt := range []struct {
		name, facts, want string
		absent            []string
	}{
		{"the officers' fire-safety lesson", "12345工单：市民反映楼道被邻居堆满纸箱和旧床垫，安全出口堵死了。处理情况：消防站监督员上门核查属实，住户当天清理完毕，系初次违法，不予处罚，已进行消防安全教育。",
			"fire-60-individual", []string{"safety-97-training"}},
		{"偷税", "群众举报：某饭店老板长期偷税，收钱都让顾客扫他个人的码。", "tax-63-evasion", thefts},
		{"偷排", "举报称某电镀厂趁下雨偷排电镀废水到小河里。", "", thefts},
		{"偷倒", "村民举报某养殖场夜里偷倒病死猪。", "", thefts},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2026-06-01")
			if tt.want != "" && (len(res.Violations) == 0 || res.Violations[0].BenchmarkID != tt.want) {
				t.Fatalf("violations %v, want %s first", ids(res.Violations), tt.want)
			}
			for _, v := range res.Violations {
				if slices.Contains(tt.absent, v.BenchmarkID) {
					t.Errorf("%s among the violations: %s", v.BenchmarkID, v.Why)
				}
			}
			if res.Transfer.Crime == "盗窃罪" {
				t.Errorf("transfer crime 盗窃罪")
			}
		})
	}
}

// TestAskedCutTwentySeventh: the house's cut a 询问笔录's answer gives to
// the question that asked it (问：一共抽了多少？答：……) is the cut, so the
// count of gamblers alone makes no near 赌博罪 when the cut is small, and a
// large cut told the same way crosses the threshold.
func TestAskedCutTwentySeventh(t *testing.T) {
	checkTransferRows(t, []transferRow{
		{"a small cut in the answer", "现场查获参赌人员十一名。\n问：这两个月你一共抽了多少？\n答：没细算，大概一千五百元。",
			[]string{"police-70-gambling"}, rules.RiskNone, "开设赌场罪"},
		{"a large cut in the answer", "现场查获参赌人员十一名。\n问：这两个月你一共抽了多少？\n答：账本上记的是七千二百元。",
			[]string{"police-70-gambling"}, rules.RiskLikely, "赌博罪"},
	})
}
