package caseanalysis

import (
	"context"
	"testing"

	"github.com/cailiang/cailiang/legal"
)

// TestFifteenthRoundDecisionWords: the element words behind the fifteenth
// round's (acc15decisions) basis misses, in other words than its rows: what
// the buyer found an advertised thing to be, a business's own price list
// put up in its own premises (not a city facility), counterfeit parts fitted
// in a repair (道路运输条例 第七十一条, not 混淆), goods pushed into a bag to
// be carried off, and a window broken with a catapult.
func TestFifteenthRoundDecisionWords(t *testing.T) {
	a := newProvisionAnalyzer(t)
	checkPhrasings(t, a, []phrasingRow{
		{"what the buyer found it to be", "消费者举报：某某床垫店在门口展板广告中写着“100%天然乳胶”，我买回家拆开一看里面是普通海绵。", "ad-55-false-advertiser", ""},
		{"own price list in the shop", "执法人员检查发现某某面馆门口的电子菜单屏坏了，所有面食均未标示价格，店主随后在店里张贴了手写的价格表。", "price-13-marking", "urban-34-graffiti"},
		{"own fee notice in the car park", "检查发现某某停车场入口的收费牌被大风刮倒，未标示收费标准，管理员随即在场内张贴手写的收费标准。", "price-13-marking", "urban-34-graffiti"},
		{"what the owner found the windows to be", "业主投诉：某某门窗店在小区门口的广告牌上宣称“所有门窗均为断桥铝”，买回去装上后拆开是普通铝材。", "ad-55-false-advertiser", ""},
		{"counterfeit parts in a repair", "经查，当事人某某汽车维修服务部在为客户更换机油滤清器时，使用印有他人品牌标识的仿冒配件，并按原厂配件价格收费。", "transport-71-repair-fake-parts", "comp25-23-confusion"},
		{"pushed into a bag to be carried off", "2025年3月8日，某某书店店员发现顾客闫某将两本漫画书塞进背包想带走，随即报警。", "police-49-theft", ""},
		{"window broken with a catapult", "2025年4月9日，民警查明杭某因与邻居有矛盾，用弹弓打碎邻居家厨房窗户玻璃两块。", "police-49-damage", ""},
	})
}

// TestFifteenthRoundOldOrNew: 行政处罚法 第三十七条 between the 2012 and the
// 2025 治安管理处罚法: a version that lets the police fine instead of
// detaining (盗窃 under 第五十八条, 拘留或者二千元以下罚款) is lighter than one
// that must detain for as long (第四十九条, 拘留 with a fine beside it); where
// both must detain, the smaller fine is the lighter (殴打, 第四十三条).
func TestFifteenthRoundOldOrNew(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []struct {
		name, facts, want string
	}{
		{"theft: the new article may fine alone", "经查，2025年12月2日，违法行为人柏某在某某菜市场扒窃他人钱包一个，内有现金三百元，已追回。", "police25-58-theft"},
		{"assault: both detain, the old fine is smaller", "经查，2025年12月6日晚，违法行为人伍某在某某饭店因劝酒与同桌卞某争吵，扇了卞某两个耳光，未造成伤害。", "police-43-assault"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: tt.facts, Violations: 5, DecisionDate: "2026-01-20"})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Violations) == 0 || res.Violations[0].Suggestion == nil {
				t.Fatalf("no suggestion: %v", ids(res.Violations))
			}
			if got := res.Violations[0].Suggestion.BenchmarkID; got != tt.want {
				t.Errorf("applied %s; want %s\n%s", got, tt.want, whys(res.Violations))
			}
		})
	}
}

// TestFifteenthRoundChildActor: a child shown doing the act is the party,
// and under fourteen it is not penalised (治安管理处罚法 第十二条).
func TestFifteenthRoundChildActor(t *testing.T) {
	a := newProvisionAnalyzer(t)
	res := analyzeFirst(t, a, "文具店老板报警：一个小男孩把柜台上的两支钢笔塞进书包想带走，被当场拦下。民警查明该男孩时年十一周岁，已通知其父亲到场。", "police-49-theft")
	if s := res.Violations[0].Suggestion; s == nil || s.Disposition != legal.DispositionNone {
		t.Errorf("disposition %+v; want 不予处罚", s)
	}
}
