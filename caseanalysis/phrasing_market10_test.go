package caseanalysis

import (
	"context"
	"testing"
)

// TestMarketAndTaxPhrasingKinds10 checks the kinds the ninth round
// (acc10market2) found on fresh rows of 广告、竞争、价格、税务、发票, each in
// other words than the rows: a superlative nobody can back (第五十七条, not
// 虚假广告), 国家机关's name, tobacco on a video account, a buyer's discovery
// on arrival, 保健食品 cure claims, a rival smeared as 同行, an origin lied
// about in a shop, a takeaway fee not shown, a price raised in a disaster,
// books not kept (tax-60-books), a refusal behind a pretext, a made-up
// basis filed on time, an invoice lent (tax-invoice-37-lend), and books
// withheld from a regulator (no 阻碍执行职务).
func TestMarketAndTaxPhrasingKinds10(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []struct {
		name, date, facts string
		want, not         string // not: a neighbour that must not be first
	}{
		{"a superlative with nothing behind it", "2025-09-01",
			"某某瓷砖店在抖音短视频中称其瓷砖是“行业天花板、全国领导品牌”，当事人不能提供任何依据。",
			"ad-57-prohibited-content", "ad-55-false-advertiser"},
		{"a government's name on a brochure", "2025-09-01",
			"某某蜂蜜店的宣传册印有“政府指定扶贫专供产品”字样，当事人无法提供相关文件，宣传册系其自行印制。",
			"ad-57-prohibited-content", "ad-55-false-advertiser"},
		{"cigarettes on a video account", "2025-09-01",
			"某某烟酒店在视频号发布某品牌香烟的种草视频，介绍“这款烟入口绵柔”，该店持有烟草专卖零售许可证。",
			"ad-57-tobacco", ""},
		{"the buyer finds it false on arrival", "2025-09-01",
			"消费者反映：在某某商家的快手直播间买了主播宣称的“纯银手镯”，收到货后发现是镀银的铜镯，商家为该直播推广支付费用一千元。",
			"ad-55-false-advertiser", "price-7-fraud"},
		{"a health food that cures", "2025-09-01",
			"某某养生会所门口立牌宣传一款已注册的保健食品“专治高血压，无效全额退款”，立牌制作费五百元。",
			"ad-58-health-food", ""},
		{"a rival smeared as 同行", "2026-03-01",
			"某某火锅店老板在抖音发视频称同行一家火锅店“用鸭肉冒充牛肉”，经查系其捏造。",
			"comp25-28-disparagement", "ad-55-false-advertiser"},
		{"an origin lied about in the shop (2019 text)", "2025-03-01",
			"某某家居馆店内展架称所售床垫“泰国原装进口天然乳胶”，经查系国产海绵床垫，上述展架仅在店内摆放。",
			"comp-20-false-promotion", ""},
		{"a takeaway fee not shown", "2025-09-01",
			"顾客投诉某某饺子馆的外卖店铺结算时每单加收餐具费2元，菜品页面未标明该项收费。",
			"price-13-marking", "price-7-fraud"},
		{"a price raised in a flood", "2025-09-01",
			"暴雨期间，某某便利店将方便面售价由每桶5元涨到15元，进价未变，当天卖出二百余桶。",
			"price-6-gouging", ""},
		{"no books kept", "2025-09-01",
			"某某餐馆开业两年没有记账，收入只记在小本子上，也未保存进货凭证，税务人员检查时未发现少缴税款。",
			"tax-60-books", "prov:tax-collection-61"},
		{"a withholding agent's books stay 第六十一条", "2025-09-01",
			"某某劳务公司作为扣缴义务人，未按规定设置代扣代缴税款账簿，也未保管相关记账凭证。",
			"prov:tax-collection-61", "tax-60-books"},
		{"a refusal behind a pretext", "2025-09-01",
			"税务人员到某某商行实施检查，老板以“今天没空”为由拒绝提供账簿和凭证，检查无法进行。",
			"tax-70-obstructing-inspection", "tax-60-books"},
		{"a lowered contract price filed on time", "2025-09-01",
			"某某置业公司签订阴阳合同，以低价合同办理纳税申报，编造虚假计税依据，按期申报未逾期。",
			"tax-64-fabricated-basis", "tax-62-late-filing"},
		{"an invoice lent for a fee is no bribe", "2025-09-01",
			"某某商店把领用的发票出借给朋友的公司开具使用，收取好处费五百元。",
			"tax-invoice-37-lend", "comp-19-bribery"},
		{"an invoice book lent to a partner", "2025-09-01",
			"税务人员查明，某某建材公司将一本增值税普通发票借给挂靠在其名下的个体户开具使用，共开出20份。",
			"tax-invoice-37-lend", "tax-invoice-35-false-issue"},
		// after the second batch: 没去申报, a refused invoice, 写字楼 with 返租
		{"a return not filed in plain words", "2025-09-01",
			"某某理发店老板说上个季度忘了，一直没去申报增值税，经核实期间没有应纳税款。",
			"tax-62-late-filing", "tax-63-evasion"},
		{"an invoice refused at the till", "2025-09-01",
			"顾客在某某饭店用餐后要求开发票，收银员称开发票就不能打九折，最终拒不开具发票。",
			"prov:invoice-33-0-1", "tax-invoice-37-lend"},
		{"an office tower sold with a leaseback return", "2025-09-01",
			"某某置业公司在朋友圈推广其写字楼项目，称“返租八年，每年8%收益”，推广费用3000元。",
			"ad-58-real-estate", ""},
		{"books withheld from a market regulator", "2026-03-01",
			"市场监管部门调查某某公司涉嫌商业贿赂时，该公司拒绝提供财务账册，并删除了电脑中的交易记录。",
			"", "police25-61-obstruct-duty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: tt.facts, Violations: 10, DecisionDate: tt.date})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Violations) == 0 {
				t.Fatalf("no violation, want %s", tt.want)
			}
			first := res.Violations[0].BenchmarkID
			if tt.want != "" && first != tt.want {
				t.Fatalf("violations %v, want %s first\n%s", ids(res.Violations), tt.want, whys(res.Violations))
			}
			if tt.not != "" && first == tt.not {
				t.Fatalf("violations %v, %s must not be first\n%s", ids(res.Violations), tt.not, whys(res.Violations))
			}
		})
	}
}
