package caseanalysis

import "testing"

// TestBlindKindsBlindBTwentyFifth: the kinds behind the misses of a batch
// written blind from a random sample of the catalog (blind25b). Each case is
// worded apart from the batch's rows: the kind is read, not the row.
//   - an order to correct by a day, then what is still not done (责令…前改正，
//     …至今仍未) is 安全生产法 第九十七条's 逾期未改正 tier;
//   - two earlier penalties counted after their cause (因…两次受到行政处罚)
//     make a false advertisement the third within two years: 广告法 第五十五条
//     第一款's aggravated tier and 虚假广告罪's 二年内…二次以上 threshold;
//   - a withholding agent's tax told as not paid over (……万元未解缴) is the
//     base of 税收征收管理法 第六十三条第二款 and of 逃税罪's withholding
//     threshold, not the whole withheld before it;
//   - a theft of flood-relief stores or of a lone old person's property is
//     the 情节较重 tier (2012年法 第四十九条, 2025年法 第五十八条);
//   - blank invoices handed to another who issues them in the party's name
//     (交给……由……以该公司的名义开具) are lent (发票管理办法 第三十七条第一项).
func TestBlindKindsBlindBTwentyFifth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"training ordered by a day, still not given", "2026年7月2日，执法人员对某某机械厂复查。6月10日检查发现该厂新招的8名冲压工未经安全生产教育和培训即上岗，执法人员责令其6月30日前完成培训，该厂至今仍未组织任何培训。",
			"2026-07-02", "safety-97-training-not-corrected", "safety-97-training", 100000, 200000, false},
		{"false ad, two penalties counted after the cause", "2026年9月3日，执法人员检查发现，某某健康科技有限公司在其网店详情页宣传普通压片糖果“降血压、可替代降压药”，无任何依据。该公司曾因发布虚假广告于2025年3月、2026年1月两次受到市场监管部门行政处罚。本次广告费用为5万元。",
			"2026-09-03", "ad-55-false-advertiser-serious", "ad-55-false-advertiser", 250000, 500000, true},
		{"withheld tax not paid over", "经查，当事人某某科技有限公司2025年度在发放工资时共代扣代缴职工个人所得税52万元，通过虚假申报少报工资收入，其中已扣税款41.2万元至今未解缴入库。",
			"2026-03-05", "tax-63-withheld-not-remitted", "", 206000, 2060000, true},
		{"flood-relief stores taken (2025年法)", "2026年7月20日 违法嫌疑人戴某 夜间翻入乡政府防汛物资仓库 偷走编织袋、救生衣等 价值260元 受案",
			"2026-07-20", "police25-58-theft-serious", "police25-58-theft", 0, 3000, false},
		{"a lone old woman's money taken (2012年法)", "2025年9月2日，违法嫌疑人包某到同村孤寡老人严某家中，趁其午睡之机从枕头下偷走现金200元。",
			"2025-09-02", "police-49-theft-serious", "police-49-theft", 0, 1000, false},
		{"blank invoices issued by another in the party's name", "经查，当事人某某商贸有限公司将其从税务机关领购的空白增值税普通发票共计10份，分三次交给与当事人并无任何购销往来的一家个体五金店，由该五金店以当事人的名义对外开具给其客户，当事人未收取费用。",
			"2025-11-12", "tax-invoice-37-lend", "tax-invoice-35-false-issue", 10000, 50000, false},
	})
}
