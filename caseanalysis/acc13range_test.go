package caseanalysis

import "testing"

// TestRangeChildLabourTwelfth: a child hired in speech (叫去帮工, 干了两个月)
// and a child's birth date written after the verb that uses the child (使用
// 2010年…出生的少年) are 禁止使用童工规定 第六条, fined per child and month —
// in wordings other than the dev rows'.
func TestRangeChildLabourTwelfth(t *testing.T) {
	a := newProvisionAnalyzer(t)
	checkPhrasings(t, a, []phrasingRow{
		{"a son called to help at a car wash", "一位父亲反映：他十四岁的儿子被镇上的洗车店老板叫去帮工，已经干了两个月，每天擦车到天黑。", "child-6-child-labour", ""},
	})
	checkRanges(t, a, []rangeRow{
		{"birth after the verb of use", "经查，当事人某某烧烤店于2025年5月至7月使用2010年10月出生的少年郑某在店内串肉串，共计三个月。", "child-6-child-labour", 15000, 15000},
	})
}

// TestRangeDeadlinePassedTwelfth: wages still unpaid when the deadline has
// passed, told in other words than 逾期未支付 (期满…未支付, 期限过了…没发),
// are 劳动保障监察条例 第二十六条's compensation order, 50 % to 100 % of the
// wages owed.
func TestRangeDeadlinePassedTwelfth(t *testing.T) {
	a := newProvisionAnalyzer(t)
	checkRanges(t, a, []rangeRow{
		{"期满…未支付", "劳动保障监察大队责令某某物业公司限期支付拖欠的6名保安工资共1.8万元，期满该公司未支付。", "labour-26-compensation", 9000, 18000},
		{"期限过了…没发", "我们五个人在某某装修队干活，老板欠了工资两万四千元，监察大队给他下了限期支付的通知，期限过了他还是没发。", "labour-26-compensation", 12000, 24000},
	})
}
