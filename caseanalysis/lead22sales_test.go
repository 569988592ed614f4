package caseanalysis

import (
	"strings"
	"testing"
)

// TestGoodsFromSalesTwentySecond: sales told with nothing said of goods
// held give the 货值金额 the fine is a multiple of (产品质量法 第五十条,
// 食品安全法 第一百二十二条's 货值 tiers), and the answer says the 货值金额 was
// so taken; with goods still held or seized the 货值金额 stays to be
// established (conditional brackets) and nothing is said of the sales. The
// officers who seize the goods make no 冒充 of officials.
func TestGoodsFromSalesTwentySecond(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"fertiliser passed off, only its sales told", "村民联名反映买到的复合肥撒了不见效。经查，农资店店主将养分不足的劣质肥料以次充好出售，共卖出去四万六千元。",
			"2025-09-10", "prod-50-adulterate", "", 23000, 138000, false},
		{"meals without a food licence, the takings told", "某快餐配送部未取得食品经营许可，在出租屋内烹制盒饭送往附近工厂，至被查处时已收取货款￥8,000元。",
			"2025-09-10", "food-122-unlicensed", "", 50000, 100000, false},
	})
	const note = "货值金额暂按销售金额"
	for _, tt := range []struct {
		facts  string
		told   bool // the note is given
		range_ bool
	}{
		{"经查，当事人将劣质电缆冒充国标电缆销售，销售金额人民币陆万元整。", true, true},
		{"经查，当事人将劣质电缆冒充国标电缆销售，销售金额人民币陆万元整，仓库内尚存同批电缆二十卷。", false, false},
		{"经查，当事人将劣质电缆冒充国标电缆销售，销售金额人民币陆万元整，执法人员当场查扣电缆十五卷。", false, false},
	} {
		res := analyzeOn(t, a, tt.facts, "2025-09-10")
		told := false
		for _, w := range res.Warnings {
			told = told || strings.Contains(w, note)
		}
		if told != tt.told {
			t.Errorf("%s: note %v, want %v (%q)", tt.facts, told, tt.told, res.Warnings)
		}
		// The inspectors who seized the goods are no officials the party
		// passed himself off as (冒充…执法人员 across the sentence).
		if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != "prod-50-adulterate" || res.Violations[0].Suggestion == nil {
			t.Fatalf("%s: violations %v, want prod-50-adulterate first\n%s", tt.facts, ids(res.Violations), whys(res.Violations))
		}
		if got := res.Violations[0].Suggestion.Statutory != nil; got != tt.range_ {
			t.Errorf("%s: a statutory range %v, want %v", tt.facts, got, tt.range_)
		}
	}
	// A stock counted at the price the text gives: the 货值金额 is made and the
	// answer says how.
	res := analyzeOn(t, a, "经查，当事人将劣质电缆冒充国标电缆销售，销售金额人民币陆万元整，仓库内尚存同批电缆二十卷，每卷售价500元。", "2025-09-10")
	told := false
	for _, w := range res.Warnings {
		told = told || strings.Contains(w, "加库存数量乘以事实所写的价格")
	}
	if !told || len(res.Violations) == 0 || res.Violations[0].Suggestion == nil || res.Violations[0].Suggestion.Statutory == nil ||
		res.Violations[0].Suggestion.Statutory.FineMax != 210000 {
		t.Errorf("stock at its price: note %v, violations %v (want 第五十条 at 35,000–210,000)\n%q", told, ids(res.Violations), res.Warnings)
	}
}
