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
