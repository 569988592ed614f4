package caseanalysis

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cailiang/cailiang/rules"
)

// TestReviewTransfersTwentyFifth holds the shapes the review of the
// twenty-fourth round's merge (rev25) probed: a blow and an officer in
// different clauses, a count of summonses or of one demand's instalments, a
// rider who is the party, a count of penalties that are not past ones or not
// for false advertising, a feared loss, a loss told only in 万元 — none of
// them a likely transfer — beside the true cases that stay likely.
func TestReviewTransfersTwentyFifth(t *testing.T) {
	obstruct := []string{"police25-61-obstruct-duty"}
	theft := []string{"police25-58-theft"}
	traffic := []string{"traffic-99-unlicensed-driving"}
	secret := []string{"comp25-26-trade-secret"}
	disrupt := []string{"police25-26-disrupt-order-serious"}
	checkTransferRows(t, []transferRow{
		{"a fight an officer later attends", "张某与李某因琐事发生争执，张某打伤李某后，执法人员到场调查。", obstruct, rules.RiskNone, "妨害公务罪"},
		{"a fist at another, officers part them", "张某在街边与李某发生争执，张某挥拳打向李某，执法人员赶到后将双方分开。", obstruct, rules.RiskNone, "妨害公务罪"},
		{"a blow at his own cart", "城管执法队员巡查发现张某占道经营，张某情绪激动挥拳砸向自己的摊车，执法人员劝阻。", obstruct, rules.RiskNone, "妨害公务罪"},
		{"a spade at an officer", "张某抄起铁锹砸向执法人员王某，致其手臂受伤。", obstruct, rules.RiskLikely, "妨害公务罪"},
		{"a fist at an officer's face", "张某拒不配合检查，挥拳击打执法人员面部。", obstruct, rules.RiskLikely, "妨害公务罪"},
		{"the police's summonses counted", "赵某在公园内威胁游客，并向游客索要钱财，民警经3次传唤其均未到案。", theft, rules.RiskNone, "敲诈勒索罪"},
		{"one demand paid in three parts", "赵某以公开隐私相威胁向刘某索要钱财，刘某分三笔分别转账300元、400元、500元。", theft, rules.RiskNone, "敲诈勒索罪"},
		{"three demands counted", "赵某以曝光隐私相威胁，先后三次向刘某索要钱财。", theft, rules.RiskLikely, "敲诈勒索罪"},
		{"a motorcyclist party, main liability", "摩托车驾驶人张某无证驾驶二轮摩托车超速行驶，将横过马路的行人刘某撞倒，刘某经抢救无效死亡。经交警部门认定，摩托车驾驶人负事故主要责任，行人负次要责任。", traffic, rules.RiskLikely, "交通肇事罪"},
		{"a feared loss", "员工张某违反保密协议，将公司客户名单发给竞争对手某公司使用，公司称若客户流失预计损失约50万元。", secret, rules.RiskNone, "侵犯商业秘密罪"},
		{"a wage protest's loss in 万元", "张某纠集亲友十余人到某公司门口拉横幅讨薪，致该公司停产半天，经济损失约1万元。", disrupt, rules.RiskNear, "聚众扰乱社会秩序罪"},
	})
}

// TestReviewFalseAdPriorsTwentyFifth: 虚假广告罪's 二年内…二次以上 counts
// earlier penalties for false advertising told as past ones; penalties for
// another cause, or a count of penalties that is no past one, are not
// (rev25).
func TestReviewFalseAdPriorsTwentyFifth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts string
		likely      bool
	}{
		{"earlier penalties for medical ads", "2026年3月，当事人在其网站发布医疗广告，宣称治愈率100%，属于虚假广告。经查，当事人曾因发布违法医疗广告于2025年3月、2025年9月两次被我局行政处罚。", false},
		{"a consequence known, no earlier penalty", "2026年3月，当事人在网店宣传普通糖果能降血压，属于虚假广告。该广告先后在两个平台发布，当事人对两次被处罚的后果表示知晓。", false},
		{"earlier penalties for false ads", "2026年3月，当事人在网店宣传普通糖果能降血压，属于虚假广告。经查，当事人曾因发布虚假广告于2025年3月、2025年9月两次被我局行政处罚。", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2026-03-20")
			if got := res.Transfer.Risk == "likely" && res.Transfer.Crime == "虚假广告罪"; got != tt.likely {
				t.Errorf("transfer %s %s, want likely 虚假广告罪 %v", res.Transfer.Risk, res.Transfer.Crime, tt.likely)
			}
		})
	}
}

// TestSentencesTwentyFifth: the sentence index answers as a scan from the
// offset does (the mark before it, sentenceStart's; the next 。；！？ or the
// end), at every rune of texts with and without marks.
func TestSentencesTwentyFifth(t *testing.T) {
	scan := func(text string, i int) string {
		from := sentenceStart(text, i)
		to := len(text)
		if j := strings.IndexAny(text[i:], "。；;！？"); j >= 0 {
			to = i + j
		}
		return text[from:to]
	}
	for _, text := range []string{
		"",
		"赵某威胁刘某",
		"赵某以曝光相威胁：先后三次索要钱财。刘某报警；民警到场！",
		"。；;！？：:",
		"甲：乙。丙;丁?戊！",
		"a\xffb。c\xfe",
	} {
		x := newSentences(text)
		for i := range len(text) + 1 {
			if i < len(text) && !utf8.RuneStart(text[i]) {
				continue
			}
			if got, want := x.at(i), scan(text, i); got != want {
				t.Errorf("%q at %d: %q, want %q", text, i, got, want)
			}
		}
	}
}
