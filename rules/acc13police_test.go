package rules

import "testing"

// TestChildMonthsWithoutAHeadCount reads child labour's 人·月 when the text
// names one child in the singular or dates the child by birth, and does not
// take a wage's period (一个月给一千五) for the months used (acc13police).
func TestChildMonthsWithoutAHeadCount(t *testing.T) {
	tests := []struct {
		text string
		want float64
	}{
		{"家长反映：孩子才十四岁，暑假在面馆帮工，一个月给一千二。监察员核实，该面馆自2026年7月5日起使用该孩子，至9月4日共两个月。", 2},
		{"群众举报：永兴砖厂让一个男孩搬砖，每天干十个小时。经查该男孩2011年9月出生，2026年5月1日至7月31日在厂内干活。", 3},
		{"监察员查明：鑫鑫网吧使用这名不满十六周岁的少年做网管，每个月工资八百元，共使用四个月。", 4},
	}
	for _, tt := range tests {
		got := ExtractFacts(tt.text).Facts.Quantity
		if got == nil || *got != tt.want {
			t.Errorf("%s: quantity %v, want %v", tt.text, got, tt.want)
		}
	}
}
