package caseanalysis

import (
	"strings"
	"testing"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// TestOrderedThenAgainTwentyEighth: a party ordered to correct and found at
// it again at a later visit, or ordered twice and found again, is 经责令改正
// 拒不改正 / 逾期不改正 without those words; a single order (the decision's
// own, or one obeyed), a denied finding, a finding in the same visit and
// another's finding are not.
func TestOrderedThenAgainTwentyEighth(t *testing.T) {
	b := &rules.Benchmark{ID: "x", Flags: map[string]string{
		"refused_correction": "经责令改正拒不改正", "not_corrected": "经责令限期改正，逾期不改正",
	}}
	for _, tt := range []struct {
		name, text string
		want       bool
	}{
		{"orders counted, found again", "某汽修店在人行道上喷漆作业，城管队员曾三次对其下达整改通知书，8月9日巡查又发现其在店外喷漆。", true},
		{"counted after the verb", "某超市散装食品未标注生产日期，市场监管所已责令整改两次，本次检查再次发现同类问题。", true},
		{"an order of the past, the thing still there", "某KTV安全出口被杂物堵塞，经责令改正后，执法人员11月3日回访，堵塞情况依然存在。", true},
		{"an order, then the act goes on at the deadline", "某采石场未安装喷淋降尘设施，9月1日被责令限期整改，期满后该场继续生产。", true},
		{"the order obeyed at once", "某汽修店在人行道上喷漆作业，城管队员责令其立即改正，当事人当场收起工具。", false},
		{"the decision's own order", "当事人在店外占道经营。决定：责令当事人改正上述违法行为，并处罚款五百元。", false},
		{"a recheck that finds nothing", "某超市散装食品未标注生产日期，10月8日下达责令改正通知书，10月20日复查时未再发现同类问题。", false},
		{"a recheck denied in other words", "某KTV安全出口被杂物堵塞，经责令限期改正，复查时没有再次发现堵塞。", false},
		{"more found in the same visit", "执法人员责令该店立即改正，又发现其冷柜内存放过期酸奶6盒。", false},
		{"a neighbour found at it", "某汽修店占道喷漆，经责令改正后，复查时隔壁洗车店又发现占道洗车。", false},
		{"orders never given", "某超市散装食品未标注生产日期，执法人员再次发现货架上另有三种散装糕点未标注。", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			norm := nlp.NormalizeText(tt.text)
			if got := orderedThenAgain(norm); got != tt.want {
				t.Errorf("orderedThenAgain = %v, want %v", got, tt.want)
			}
			flags, _ := inferFlags(b, norm, readOrders(norm))
			if tt.want && (!flags["refused_correction"] || !flags["not_corrected"]) {
				t.Errorf("flags %v, want refused_correction and not_corrected", flags)
			}
		})
	}
}

// TestMinorNotChildLabourTwentyEighth: an age under sixteen in a text that
// employs nobody (a minor's own act, a venue admitting or serving one) is
// no child labour: 禁止使用童工规定 needs the child put to work. A child
// hired, however the work is told, stays child-6-child-labour.
func TestMinorNotChildLabourTwentyEighth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts string
		child       bool // child-6-child-labour wanted first (else not in the top)
	}{
		{"an internet café admits a pupil", "民警检查某网络会所时发现，前台工作人员让一名未满十六周岁的学生使用其表哥的身份证登记后上网两小时。", false},
		{"a dance hall lets minors in", "某歌舞厅于凌晨1时许让三名不满16周岁的中学生进入舞池，未查验身份。", false},
		{"a minor's own fight", "刘某（未满十六周岁）在校门口与同学发生口角，用拳头打伤对方鼻部。", false},
		{"cigarettes sold to a minor", "某便利店店员向一名未满十六周岁的男孩出售香烟两包。", false},
		{"a child on the payroll by a birth date", "某快餐店考勤表上有员工郑某某，系2011年2月出生，每月领取工资1600元。", true},
		{"a child hired to wash cars", "某洗车行雇用一名未满十六周岁的少年洗车，每天给60元。", true},
		{"a child at the workshop's bench", "检查发现某服装加工作坊有两名不满16周岁的女孩在流水线上剪线头，按件计酬。", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2026-05-20")
			if len(res.Violations) == 0 {
				t.Fatal("no violation")
			}
			top := res.Violations[0].BenchmarkID
			if tt.child && top != "child-6-child-labour" {
				t.Errorf("violations %v, want child-6-child-labour first\n%s", ids(res.Violations), whys(res.Violations))
			}
			if !tt.child && top == "child-6-child-labour" {
				t.Errorf("violations %v: a minor not employed ranked as child labour\n%s", ids(res.Violations), whys(res.Violations))
			}
		})
	}
}

// TestFalseNotPriceTwentyEighth: 虚假 in a text not about prices (a false
// promotion, advertisement or paper) is no price deception; a false price,
// however it is told, stays 价格欺诈.
func TestFalseNotPriceTwentyEighth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts string
		price       bool // price-7-fraud wanted first (else not among the first three)
	}{
		{"a false promotion of a product", "某保健器材店在门店海报上作虚假宣传，称其足浴盆能治疗高血压，经查无任何依据。", false},
		{"false papers for a licence", "某运输公司为办理道路运输经营许可提交虚假材料，其中三份驾驶员从业资格证系伪造。", false},
		{"a false certificate for a permit", "某眼镜店在办理许可变更时提交虚假证明文件，被当场查实。", false},
		{"false information in a job notice", "某物业公司在招工广告中发布虚假信息，谎称包吃包住。", false},
		{"a false advertisement online", "某培训机构在短视频平台投放虚假广告，宣称学员百分之百通过考试。", false},
		{"a false former price", "某家电卖场对电视机标示“原价8999元，现价4999元”，经查该原价系虚构，此前从未按8999元销售。", true},
		{"a false discount", "某服装店挂出“全场三折”的牌子，顾客结账时却按原价的八折收取，折扣是虚假的。", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2026-05-20")
			if len(res.Violations) == 0 {
				t.Fatal("no violation")
			}
			if tt.price {
				if res.Violations[0].BenchmarkID != "price-7-fraud" {
					t.Errorf("violations %v, want price-7-fraud first\n%s", ids(res.Violations), whys(res.Violations))
				}
				return
			}
			for i, v := range res.Violations {
				if i < 3 && v.BenchmarkID == "price-7-fraud" {
					t.Errorf("violations %v: price-7-fraud among the first three of a text not about prices", ids(res.Violations))
				}
			}
		})
	}
}

// TestUnpretreatedExcludesExceedanceTwentyEighth: 未经预处理 holds the word
// 经预处理 that masks a pretreatment done, and is itself the pretreatment
// not done (第八十三条第（四）项, 法典 第一千一百四十条): the exceedance
// provision is excluded by it; a pretreatment done still does not exclude.
func TestUnpretreatedExcludesExceedanceTwentyEighth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts, day string
		excess           string // the exceedance benchmark of the day
		excluded         bool   // excluded by the pretreatment element
	}{
		{"not pretreated, 2012 law", "某印染厂将染色废水未经预处理直接通过管道送入工业园区污水处理厂，经采样，化学需氧量浓度超过纳管标准1.8倍。", "2025-09-10", "water-83-excess", true},
		{"not pretreated, the code", "某表面处理公司酸洗废水未经预处理即排入城镇污水管网，监测显示总铬超过排放标准。", "2026-10-10", "eco-1107-excess-water", true},
		{"pretreated, over the standard", "某印染厂染色废水经预处理后通过管道送入工业园区污水处理厂，经采样，化学需氧量浓度超过排放标准1.8倍。", "2025-09-10", "water-83-excess", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.day)
			excluded := false
			for _, v := range res.Violations {
				for _, e := range v.Excluded {
					if e.BenchmarkID == tt.excess && strings.Contains(e.Reason, "第八十三条第四项") {
						excluded = true
					}
				}
				if v.BenchmarkID == tt.excess && strings.Contains(v.Why, "第八十三条第四项") {
					excluded = true
				}
			}
			if excluded != tt.excluded {
				t.Errorf("%s excluded by the pretreatment element: %v, want %v\n%s", tt.excess, excluded, tt.excluded, whys(res.Violations))
			}
		})
	}
}

// TestAppliesFirstFieldTwentyEighth: an exclusion says by a field, not by
// its reason's words, that another provision applies first (优先适用), and
// the field agrees with the reason the officer reads: a yield by id or on a
// condition, an excluding element naming the provision that applies first.
func TestAppliesFirstFieldTwentyEighth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	seen := 0
	for _, facts := range []string{
		"马某因停车纠纷，深夜用刀划破邻居停在楼下的轿车四条轮胎，经鉴定损失合计二千四百元。",
		"某药房销售的医用外科口罩经抽检不合格，货值金额三千元。",
		"某超市销售的护手霜经检验不合格，货值二千元。",
		"孔某在公交车上推搡驾驶员，致车辆急停，乘客受惊。",
		"某商场销售的电热水器经抽检不合格，货值金额一万二千元。",
	} {
		res := analyzeOn(t, a, facts, "2026-05-20")
		for _, v := range res.Violations {
			for _, e := range v.Excluded {
				if e.AppliesFirst != strings.Contains(e.Reason, "优先适用") {
					t.Errorf("%.20s: %s excluded for %q, AppliesFirst %v", facts, e.BenchmarkID, e.Reason, e.AppliesFirst)
				}
				if e.AppliesFirst {
					seen++
				}
			}
		}
	}
	if seen == 0 {
		t.Error("no exclusion applies first: the cases test nothing")
	}
}

// TestHazardousManifestTwentyEighth: 固体废物污染环境防治法 第一百一十二条
// 第一款第（五）项 (转移联单 not filled in or run, a transfer without the
// approval) has its own benchmark; a manifest told as complete is not it,
// and waste handed to one without a licence stays items 3 and 4.
func TestHazardousManifestTwentyEighth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts string
		want        string
	}{
		{"a manifest never run for a licensed receiver", "2025年4月，某家具厂将废漆渣1.5吨交给持证处置企业运走，全程未运行危险废物电子转移联单。", "waste-112-hw-manifest"},
		{"moved across a province unapproved", "2025年7月，某电子公司未经批准，私自将废蚀刻液8吨运往外省一家企业。", "waste-112-hw-manifest"},
		{"a manifest complete, the store unlined", "2025年3月，某修理厂危废间地面无防渗层，废铅蓄电池直接堆放在地面，转移联单齐全。", "waste-112-hw-storage"},
		{"sold to a scrap buyer without a licence", "2025年3月，某修理厂将废机油20桶卖给无危险废物经营许可证的个体收购户，未填写转移联单。", "waste-112-hw-dumping"},
		{"the code's own item, a manifest not filled in", "2026年9月3日检查发现，某印刷厂将废油墨桶40只交有证单位运走，现场无法提供转移联单，系统中也未填写。", "eco-1175-hw-manifest"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2026-10-10")
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != tt.want {
				t.Errorf("violations %v, want %s first\n%s", ids(res.Violations), tt.want, whys(res.Violations))
			}
		})
	}
}
