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
