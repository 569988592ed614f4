package caseanalysis

import "testing"

// TestMarketTwelfthRoundFamilies checks, for the 市场监管 kinds of the twelfth
// accuracy round, each family in other phrasings than the development rows:
// 反不正当竞争法 第三十五条 for a unit and for a person; 甲醛 found in a food
// (第一百二十三条, a likely transfer) and 甲醛 an air purifier removes (no
// food at all); a label flaw kept after the order in the party's own words
// (不肯更换); an ingredient named before its passed day; the licence not shown
// (未能出示…许可证) for drugs; property sold off against arrears; members'
// data handed over; a flat's distance told in minutes; an advertiser's own
// unproven numbers; and the bases the range needs (按零售价计算, 每副多收 ×
// 副数, 未从中收取任何费用).
func TestMarketTwelfthRoundFamilies(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"a company refusing an unfair-competition investigation", "市场监管局对某网络科技有限公司涉嫌组织刷单进行调查，该公司拒绝提供后台订单数据，并将执法人员挡在办公区外。",
			"2025-12-15", "comp25-35-obstruct-unit", "", 0, 100000, false},
		{"a shopkeeper refusing an unfair-competition investigation", "个体户吴某涉嫌给予采购员回扣，执法人员调查时吴某拒不提供账本，还抢过执法人员手中的笔录撕毁。",
			"2025-12-20", "comp25-35-obstruct-individual", "", 0, 10000, false},
		{"formaldehyde in dried sea cucumbers", "抽检某干货店销售的即食海参，检验报告不合格项目为甲醛，店主承认泡发时加入了甲醛溶液，货值三千元。",
			"2025-07-01", "food-123-nonfood-substance", "", 100000, 150000, true},
		{"a label flaw kept after the order", "某粮油店自产的挂面标签营养成分表单位标注错误，属于标签瑕疵，已责令改正。两周后执法人员回到该店，货架上的挂面还是原来的标签，店主说不愿意更换包装。",
			"2025-07-01", "food-125-label-flaw", "", 0, 2000, false},
		{"an ingredient named before its passed day", "检查某包子铺，操作间用于调馅的猪肉糜原料已过期三天，店员仍在拌馅包制，已制成包子按零售价计算共计四百元。",
			"2025-07-01", "food-124-expired-ingredients", "food-124-expired", 50000, 100000, false},
		{"drugs sold without showing a licence", "某日杂超市货架上摆放感冒清热颗粒、布洛芬片对外销售，负责人未能出示药品经营许可证，货值五百元。",
			"2025-07-01", "drug-115-unlicensed", "drug-126-gsp", 1500000, 3000000, false},
		{"a factory sold off against its arrears", "某纺织厂欠缴税款八万元，税务机关催缴后，该厂将厂房和设备低价转让给法定代表人亲属控制的公司，致使欠税无法追缴。",
			"2025-07-01", "tax-65-evading-arrears", "tax-63-evasion", 40000, 400000, true},
		{"members' data handed over", "某健身房未经会员同意，将二千多名会员的姓名、电话和住址提供给一家保险代理公司，未从中收取任何费用。",
			"2025-07-01", "consumer-56-dignity", "", 0, 500000, false},
		{"a flat's distance told in minutes", "某置业公司在小区围挡上张贴楼盘海报，写着“出门5分钟就到地铁站，10分钟就到省重点中学”，海报制作费用一万元。",
			"2025-07-01", "ad-58-real-estate", "ad-57-prohibited-content", 10000, 30000, false},
		{"an advertiser's own unproven numbers", "某门窗公司在公众号推文中宣称其断桥铝窗“节能率达50%”，经查无法提供任何检测报告，数据系自行编写，推文制作费用五千元。",
			"2025-07-01", "ad-55-false-advertiser", "", 15000, 25000, false},
		{"an overcharge per pair times pairs sold", "经查，某眼镜店标示“原价598元，现价298元”，该款眼镜此前从未以598元成交，结账时每副多收40元，活动期间共卖出25副。",
			"2025-07-01", "price-7-fraud", "", 0, 5000, false},
		{"an air purifier's formaldehyde is no food's", "某电器店在网店宣称其空气净化器除甲醛率99.9%，经检测实际去除率仅为55%，当事人支付网页制作费用二千元。",
			"2025-07-01", "ad-55-false-advertiser", "food-123-nonfood-substance", 6000, 10000, false},
	})
}
