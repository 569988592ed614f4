package caseanalysis

import "testing"

// TestBlindReviewTwentyFirst: the review of blind21a's cues. Each cue added
// for a kind must not take the neighbouring conduct:
//   - who borrows an account to take in his own takings and files nothing
//     is the non-filer himself (税收征收管理法 第六十四条第二款), not the
//     lender of 实施细则 第九十三条;
//   - a copier who pays a warehouse for its own copies (支付仓储费) is still
//     the copier (反不正当竞争法 混淆), not the keeper who helps.
func TestBlindReviewTwentyFirst(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"borrower of an account files nothing", "经查，个体工商户张某借用其妻子的个人银行账户收取经营款，自2024年1月起从未申报纳税，少缴税款4.2万元。",
			"2025-08-20", "tax-64-non-filing", "tax-rules-93-facilitating", 0, 0, false},
		{"copier pays for its own storage", "经查，当事人某某饮料厂生产的果汁饮料使用与某知名品牌近似的包装装潢，足以使消费者误认为是该品牌商品，当事人将已生产的2000箱饮料存放在租用的仓库，支付仓储费1500元。",
			"2025-11-20", "comp25-23-confusion", "prod-61-facilitating", 0, 0, false},
	})
}
