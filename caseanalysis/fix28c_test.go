package caseanalysis

import (
	"context"
	"testing"

	"github.com/cailiang/cailiang/nlp"
)

// TestWorkerBirthUndatedTwentyEighth: a worker named in one phrase and
// dated by birth in the next (员工郑某某，系2011年2月出生) is that worker's
// age, not the party's; in a text that dates no act it is aged on the
// decision day, so a worker under sixteen is the child 禁止使用童工规定
// names. The party's own birth date after a comma stays the party's.
func TestWorkerBirthUndatedTwentyEighth(t *testing.T) {
	for _, tt := range []struct {
		name, facts string
		other       bool // the birth date is another's (OtherBirths), not the party's
	}{
		{"an apprentice after a comma", "某烧烤店后厨有学徒孙某某，系2012年4月出生，每天工作八小时。", true},
		{"a waitress after a comma", "检查时发现该茶楼服务员钱某，2011年10月出生，正在端茶。", true},
		{"the party as the employee", "张某某，系某物流公司员工，2008年3月出生，驾驶货车超载。", false},
		{"a seller's own birth date", "售卖者吴某某，2011年9月出生，在校门口兜售烟花。", false},
		{"a neighbour's boy as the actor", "经查，砸坏车窗的是隔壁楼的男孩柯某某，2015年7月出生，已由其母亲赔偿。", false},
		{"the party's sex between", "当事人冯某某，男，2009年6月出生，在公园内焚烧落叶。", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			x := nlp.Extract(tt.facts)
			if got := len(x.OtherBirths) > 0; got != tt.other {
				t.Errorf("other's birth %v, want %v (dates %+v, others %+v)", got, tt.other, x.Dates, x.OtherBirths)
			}
		})
	}
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts string
		child       bool // child-6-child-labour wanted first (else not first)
	}{
		{"an apprentice on the wage list", "某烧烤店工资表上有学徒孙某某，系2012年4月出生，月薪1300元。", true},
		{"a packer dated by birth", "某电商仓库雇用的打包工中有一名工人何某，系2011年9月出生，按件计酬。", true},
		{"an adult worker", "某快递网点员工吕某某，系1999年5月出生，每月领取工资4200元，被拖欠两个月。", false},
		{"a complainant's son at a café", "投诉人称其儿子杜某某，2012年出生，在某网吧连续上网一夜。", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2026-05-20")
			if len(res.Violations) == 0 {
				t.Fatal("no violation")
			}
			top := res.Violations[0].BenchmarkID
			if tt.child != (top == "child-6-child-labour") {
				t.Errorf("violations %v, child labour first wanted %v\n%s", ids(res.Violations), tt.child, whys(res.Violations))
			}
		})
	}
}

// TestHazardousReceiverUnlicensedTwentyEighth: the receiver's want of a
// licence told as a verb (不具有/未持有…许可证) or a roving buyer (流动收购)
// is the handing over to the unlicensed (生态环境法典 第一千一百七十五条第一款
// 第（五）项), which the storage item (第（四）项) yields to as the manifest
// item does. Storage faults that name a licence or a condition the store
// lacks stay storage.
func TestHazardousReceiverUnlicensedTwentyEighth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts, want string
	}{
		{"a waste-oil buyer without the licence", "某汽修厂把换下来的废机油二十桶卖给上门收油的个体户赵某，赵某不具有危险废物经营许可证。", "eco-1175-hw-unlicensed"},
		{"a roving buyer holding nothing", "某家具厂将喷漆房产生的废漆渣半吨交给流动收购的小贩拉走，该小贩未持有任何许可证。", "eco-1175-hw-unlicensed"},
		{"spent carbon sold to a roving buyer", "经查，某家具厂将更换下来的废活性炭约八百公斤出售给一名流动收购人员，该人员不具备相应许可证，也未办理转移手续。", "eco-1175-hw-unlicensed"},
		{"paint sludge to a buyer who holds no licence", "执法人员查明，该五金厂把废漆渣两吨卖给外地一名收购人员，此人未持有危险废物经营许可证。", "eco-1175-hw-unlicensed"},
		{"waste oil with the manifest unfilled", "经查，该机修厂将换下的废机油约五百升卖给一名流动收购人员，对方不具备危险废物经营许可证，双方未填写转移联单。", "eco-1175-hw-unlicensed"},
		{"a store without rain cover", "某电镀厂危险废物贮存间地面无防渗层，电镀污泥露天堆放，贮存间不具备防雨条件。", "eco-1175-hw-storage"},
		{"a licensed plant mixing its waste", "某印刷厂持有排污许可证，检查发现其废油墨桶与生活垃圾混合存放在同一库房内。", "eco-1175-hw-storage"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2026-10-12")
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != tt.want {
				t.Errorf("violations %v, want %s first\n%s", ids(res.Violations), tt.want, whys(res.Violations))
			}
		})
	}
}

// TestProvisionBeforeVotedBenchmarkTwentyEighth: a provision goes before a
// benchmark on the benchmark's score without the learned vote (outranks);
// the benchmark then shows no score above the provision's, so the list's
// scores never rise after its top.
func TestProvisionBeforeVotedBenchmarkTwentyEighth(t *testing.T) {
	a := newProvisionAnalyzer(t)
	for _, facts := range []string{
		"2025年6月18日，市场监管局检查发现某生鲜超市销售超过保质期的酸奶8盒，货值金额96元。",
		"2025年4月9日，某便利店货架上摆放销售已过保质期的面包15袋，货值金额150元。",
		"2025年5月3日检查时，某副食店销售超过保质期的饮料20瓶，货值金额人民币200元。",
		"2025年7月1日，某母婴店销售超过保质期的婴儿奶粉3罐，货值金额九百元。",
	} {
		res, err := a.Analyze(context.Background(), Request{Facts: facts})
		if err != nil {
			t.Fatal(err)
		}
		for i, v := range res.Violations[min(1, len(res.Violations)):] {
			if v.Score > res.Violations[i].Score {
				t.Errorf("%q: %s at %.3f ranked below %s at %.3f", facts, v.BenchmarkID, v.Score, res.Violations[i].BenchmarkID, res.Violations[i].Score)
			}
		}
	}
}
