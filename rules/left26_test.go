package rules

import "testing"

// TestIncomeAsRevenueTwentySixth: what the conduct brought in, told as
// 收入 or 营业收入, is the 违法经营额 when none is named; a person's yearly
// or wage income is not, nor a 违法经营额 the text states (left26a).
func TestIncomeAsRevenueTwentySixth(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       float64 // 0: none
	}{
		{"pirated discs sold", "当事人在夜市摊点销售盗版光盘，自2026年2月起共售出四百余张，收入共计人民币五千二百元。", 5200},
		{"turnover told as 营业收入", "某网吧未经许可擅自从事互联网上网服务经营活动，经营期间营业收入约1.8万元。", 18000},
		{"a yearly income", "该公司主要负责人孙某上一年年收入为36万元。", 0},
		{"a wage income", "当事人称其工资收入每月约四千元。", 0},
		// rev26: a business's turnover over a year or a month is no 违法经营额
		// (该店年营业收入约60万元 made eight cartons likely 非法经营罪); the
		// conduct's takings beside it still are.
		{"a shop's yearly turnover", "执法人员在某超市查获无许可证购进的卷烟12条，该超市年营业收入约80万元。", 0},
		{"a company's turnover of a year", "该公司擅自复制教辅资料500册出售。该公司2025年度营业收入2.3亿元。", 0},
		{"a monthly turnover", "当事人未取得许可从事废品回收，该点月营业收入约3万元。", 0},
		{"the conduct's takings beside the yearly turnover", "当事人翻印图书200册出售，收入约四千元；该店年营业收入约50万元。", 4000},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := ExtractFacts(tt.text).Facts
			got := 0.0
			if f.IllegalRevenue != nil {
				got = *f.IllegalRevenue
			}
			if got != tt.want {
				t.Errorf("违法经营额 %v, want %v", got, tt.want)
			}
		})
	}
}
