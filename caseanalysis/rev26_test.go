package caseanalysis

import "testing"

// TestReviewRev26TwentySixth holds the review of the twenty-fifth round's
// merge (rev26), each case in other words than the review's probes: a
// shop's yearly turnover is no 违法经营额; a debt demanded back is no
// 强拿硬要 (2013年寻衅滋事解释 第一条第三款), while a taking for no reason still
// is; a fire inspection told beside goods under 市场监管's seal does not make
// the seal the fire service's; a posing as a state-owned enterprise's staff
// is 诈骗 (第五十八条), a posing as an agency's staff 招摇撞骗; 纳税人识别号 in
// a company's particulars is no tax case; 第六十七条 of 矿产资源法 fines only
// after a refusal to correct.
func TestReviewRev26TwentySixth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkReviewCases(t, a, []reviewCase{
		{"a shop's yearly turnover beside ten cartons", "执法人员在某便利店查获无烟草专卖零售许可证购进的卷烟10条，经了解该店年营业收入约70万元。",
			"2026-03-20", "", "", "none", ""},
		{"a debt demanded back with a shelf pushed over", "赵某因与钱某存在货款纠纷，纠集两人到钱某的门店内强行索要欠款5000元，并推倒货架致商品损坏，价值300元。",
			"2026-03-20", "", "", "none", ""},
		{"a taking for no reason stays likely", "孙某无故到周某经营的小卖部强行索要香烟和现金，价值共计1800元，周某害怕未敢阻拦。",
			"2026-03-20", "", "", "likely", ""},
		{"goods under seal, a fire inspection told apart", "本局依法扣押当事人库房内不合格插线板80个并加贴封条。复查时发现封条已被揭掉，其中30个已被当事人卖出。另查，该库房上月曾接受消防救援大队检查。",
			"2026-03-20", "prod-63-seized-goods", "", "", ""},
		{"posing as the telecom bureau's staff for a fee", "吴某冒充电信局工作人员，以升级宽带线路为名上门收取居民服务费，共骗得600元。",
			"2026-03-20", "", "police25-62-impersonation", "", ""},
		{"posing as the market regulator's staff", "冯某冒充区市场监管局工作人员，以检查食品安全为名到三家小吃店索要现金和香烟，价值共计900元。",
			"2026-03-20", "police25-62-impersonation", "", "", ""},
		{"a company's taxpayer number in its particulars", "当事人某灯具有限公司（纳税人识别号91320100MA1XXXXX）在门店销售的地板砖外包装未标注生产厂名厂址。",
			"2026-03-20", "", "prov:tax-collection-rules-99", "", ""},
	})
	// 第六十七条: 责令改正 first; the fine is conditional on a refusal.
	res := analyzeOn(t, a, "当事人某石材公司已取得采矿权，采矿许可证尚在办理中即进行开采作业，违法采出的矿产品市场价值约6万元，执法人员当场责令其改正。", "2026-03-20")
	for _, v := range res.Violations {
		if v.BenchmarkID == "mineral25-67-no-mining-licence" && v.Suggestion != nil && v.Suggestion.Statutory != nil {
			t.Errorf("第六十七条 without a refusal has a fine range %+v", *v.Suggestion.Statutory)
		}
	}
}
