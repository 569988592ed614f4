package rules

import "testing"

// TestRangeBasesTwelfth covers the bases of the twelfth round's range slice,
// each in wordings other than the dev rows': a count of trips per month or
// per week times the months or weeks it ran.
func TestRangeBasesTwelfth(t *testing.T) {
	type want = baseWant
	checkBases(t, []baseRow{
		// trips per month or week times the spans
		{"无道路运输经营许可，替建材店送货，每个月跑15趟，每趟收运费300元，前后干了4个月。", want{gains: 18000}},
		{"当事人未取得道路运输经营许可，每周拉货3趟，每趟运费600元，累计拉了6周。", want{gains: 10800}},
		{"无道路运输经营许可 一个月拉八趟 每趟运费500元 已经拉了两个月", want{gains: 8000}},
	})
}
