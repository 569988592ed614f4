package caseanalysis

import (
	"strings"
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestReviewKindsTwentyFourth: rev24's findings on the twenty-third
// round's cues, each a text of another kind the new cue read wrongly:
//   - what a caught thief did next that is no theft (抓获后仍拒不承认) is
//     no 情节较重;
//   - contributions never ordered paid (至今分文未缴, no 责令) are not
//     逾期仍不缴纳: no fine yet;
//   - a fall from scaffolding beside an escalator is the general accident,
//     not a 特种设备事故.
func TestReviewKindsTwentyFourth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	theft := "经查，2026年5月10日14时许，违法行为人王某在某超市内将一瓶价值86元的白酒藏入外套内，未结账即离开，被保安当场抓获。"
	rows := []marketRow{
		{"caught, then denied", theft + "王某被抓获后仍拒不承认。", "2026-05-10", "police25-58-theft", "", 0, 0, false},
		{"caught, then handed back", theft + "王某被抓获后又主动交出了赃物。", "2026-05-10", "police25-58-theft", "", 0, 0, false},
		{"scaffolding beside an escalator", "经查，2026年3月6日，某装饰工程有限公司在商场一楼自动扶梯旁搭设脚手架进行吊顶作业，未设置防护栏杆，工人刘某从脚手架上坠落，经抢救无效死亡，事故调查组认定该公司对事故发生负有责任。",
			"2026-06-20", "safety-114-general-accident", "", 0, 0, true},
	}
	checkMarketRows(t, a, rows)
	t.Run("arrears never ordered paid", func(t *testing.T) {
		res := analyzeOn(t, a, "经查，某某物业服务有限公司自2025年9月起未为职工缴纳社会保险费，至今分文未缴，截至2026年4月欠缴金额为人民币86,400元。", "2026-06-10")
		if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != "si-86-arrears" {
			t.Fatalf("violations %v, want si-86-arrears first", ids(res.Violations))
		}
		if st := res.Violations[0].Suggestion.Statutory; st != nil && st.FineMax > 0 {
			t.Errorf("statutory %v: no order to pay was given, so no fine yet", st)
		}
	})
}

// TestPretextPaymentTwentyFourth: a payment under a pretext's name is a
// bribe when the pretext is quoted or the money goes to one who decides for
// another; wages paid to workers under their own name are none, though the
// text names a 回扣 elsewhere.
func TestPretextPaymentTwentyFourth(t *testing.T) {
	for _, tc := range []struct {
		clause string
		want   bool
	}{
		{"以“学术会议赞助”名义向该院分管设备的副院长转账共计人民币二十六万元", true},
		{"以咨询费名义向其采购经理转账", true},
		{"以劳务费名义向工人王某等人转账共计人民币三十五万元", false},
		{"以公司名义签订合同", false},
	} {
		if got := pretextPayment(tc.clause); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.clause, got, tc.want)
		}
	}
	a, _ := newTestAnalyzer(t)
	res := analyzeOn(t, a, "经查，当事人某建材有限公司在向施工单位销售钢材过程中，以给予回扣的方式争取交易机会，回扣金额尚在核查；同期该公司以劳务费名义向工人王某等人转账共计人民币三十五万元。", "2026-06-10")
	if res.Transfer.Risk == rules.RiskLikely {
		t.Errorf("transfer likely (%s): workers' wages read as a bribe", res.Transfer.Crime)
	}
}

// TestClauseStartBoundedTwentyFourth: the clause of an amount is found by
// a bounded look-back, so a text of amounts without a mark between them is
// not read back to its start for each amount (quadratic); a real clause is
// found as before.
func TestClauseStartBoundedTwentyFourth(t *testing.T) {
	long := strings.Repeat("又付12元", 2000)
	i := len(long) - len("12元")
	if got := clauseStart(long, i); got < i-clauseReach {
		t.Errorf("clauseStart looked back %d bytes, want at most %d", i-got, clauseReach)
	}
	s := "经查，当事人以咨询费名义支付二十万元。"
	at := strings.Index(s, "二十万元")
	if got, want := s[clauseStart(s, at):at], "当事人以咨询费名义支付"; got != want {
		t.Errorf("clause %q, want %q", got, want)
	}
}
