package caseanalysis

import (
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
			flags, _ := inferFlags(b, norm)
			if tt.want && (!flags["refused_correction"] || !flags["not_corrected"]) {
				t.Errorf("flags %v, want refused_correction and not_corrected", flags)
			}
		})
	}
}
