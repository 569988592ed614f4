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
