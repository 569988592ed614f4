package rules

import "testing"

// TestChildMonthsSinceOrderTwentyFirst reads the 人·月 of children kept after
// an order to send them home from the order's day to the later visit's
// (禁止使用童工规定 第六条第二款: 从责令限期改正之日起, 每人每月), when the text
// states the two dates and not the months (acc21blindb); a visit before a
// full month, or a text without the order, gives none.
func TestChildMonthsSinceOrderTwentyFirst(t *testing.T) {
	tests := []struct {
		text string
		want float64 // 0: no quantity
	}{
		{"监察大队于2026年1月8日责令某餐馆限期将使用的三名童工送回原籍。该餐馆逾期未送回，2026年4月8日回访时三人仍在后厨洗碗。", 9},
		{"某鞋厂使用童工一名，2025年6月15日被责令限期改正，逾期仍未将其送交父母，2025年8月20日监察员复查发现该童工仍在车间做工。", 2},
		{"某鞋厂使用童工一名，2025年6月15日被责令限期改正，逾期仍未将其送交父母，2025年7月10日监察员复查发现该童工仍在车间做工。", 0},
		{"某鞋厂使用童工两名，2025年6月15日被查处，2025年8月20日监察员复查时二人已离厂。", 0},
	}
	for _, tt := range tests {
		got := ExtractFacts(tt.text).Facts.Quantity
		switch {
		case tt.want == 0 && got != nil:
			t.Errorf("%s: quantity %v, want none", tt.text, *got)
		case tt.want != 0 && (got == nil || *got != tt.want):
			t.Errorf("%s: quantity %v, want %v", tt.text, got, tt.want)
		}
	}
}
