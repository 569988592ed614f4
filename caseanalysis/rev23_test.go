package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// TestPrizeValuePoolTwentyThird: the prize's value compared with 五万元 is
// the highest prize's worth, not a pool of all the prizes or a payment made
// under a prize's name (a bribe); the top prize named with its worth stays.
func TestPrizeValuePoolTwentyThird(t *testing.T) {
	tests := []struct {
		text string
		want float64
	}{
		{"本次抽奖活动共设奖品价值6万元，其中一等奖为价值3000元的电视机。", 3000},
		{"该店有奖销售活动奖品总价值合计7万元。", 0},
		{"当事人以奖金名义给予采购经理李某8万元。", 0},
		{"宣传单载明特等奖为价值6.5万元的摩托车一辆。", 65000},
	}
	for _, tc := range tests {
		norm := nlp.NormalizeText(tc.text)
		if got := measures(norm, tc.text, nlp.Extract(tc.text))[rules.MeasurePrizeValue]; got != tc.want {
			t.Errorf("%s: prize value %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestDamageTierProcedureTwentyThird: the officers' own repeated steps
// (民警先后两次电话通知) or the households a damage troubled (影响多户居民)
// make no 情节较重 of one owner's damaged thing; damage done again stays.
func TestDamageTierProcedureTwentyThird(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"two calls by the police", "经查，2026年6月2日夜，违法行为人柏某因琐事用石块砸坏邻居家的单元门禁，经价格认定损失八百元。民警先后两次电话通知柏某到派出所接受调查。",
			"2026-06-02", "police25-59-damage", "", 0, 1000, false},
		{"damage done again", "经查，2026年6月，违法行为人柏某因琐事先后两次用石块砸坏邻居家的窗户玻璃，经价格认定损失合计一千二百元。",
			"2026-06-20", "police25-59-damage-serious", "", 0, 3000, false},
	})
}
