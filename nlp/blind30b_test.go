package nlp

import "testing"

// TestDoesNotProduceThirtieth checks that 不产生 denies the thing it names as
// 未产生 does (该厂不产生危险废物), while 不 alone still reaches only the word it
// touches and a thing produced stays produced.
func TestDoesNotProduceThirtieth(t *testing.T) {
	tests := []struct {
		name, text, cue string
		want            bool
	}{
		{"a unit that produces none", "经核实，该铸件厂生产过程中不产生危险废物，只有炉渣和废砂。", "危险废物", true},
		{"none of any kind", "该印刷车间采用水性油墨，不产生任何挥发性有机物。", "挥发性有机物", true},
		{"produced, not denied", "该厂喷漆工序产生危险废物漆渣约2吨。", "危险废物", false},
		{"不 alone stays near", "该公司不按规定贮存危险废物，随意堆放。", "危险废物", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkNegatedCue(t, tc.text, tc.cue, tc.want) })
	}
}

// TestCircumstanceKindsThirtieth checks the circumstance words of the
// twenty-ninth round's blind rows, in other words: a fire that did not break
// out and water with no visible pollution are no harm; a rod taken in at
// once and a discharge stopped on the spot are a correction; an apology paid
// in person with compensation lessens the harm. Guards: the same words in the
// complainant's demand, negated, or done by another (由养护站修复); the
// agency's search that went on (一直未查明) is no continuing act.
func TestCircumstanceKindsThirtieth(t *testing.T) {
	tests := []struct {
		name, in, circ string
		want           bool
	}{
		{"no fire broke out", "检查发现该仓库两具灭火器压力不足，现场没有发生火情，已当场更换。", CircNoHarm, true},
		{"no visible pollution", "执法人员查看雨水井，井内无明显油污，周边无异味。", CircNoHarm, true},
		{"a fire that did break out", "该店电动车在楼道充电引发火情，烧毁鞋柜一个。", CircNoHarm, false},
		{"rod taken in at once", "巡查发现孙某在水库取水口附近垂钓，孙某见执法人员过来，当场收竿。", CircCorrectedInTime, true},
		{"the discharge stopped on the spot", "经检查该饭店厨房废水未经隔油直接接入雨水管，店主当场停止排放并自行封堵了接口。", CircCorrectedInTime, true},
		{"not stopped", "执法人员要求其停止排放，该店未当场停止，仍继续营业排水。", CircCorrectedInTime, false},
		{"apology and compensation in person", "事后该酒店经理主动到投诉人家中赔礼道歉并赔偿了3000元。", CircSelfRemovedHarm, true},
		{"apology demanded", "投诉人要求该酒店赔礼道歉并赔偿精神损失。", CircSelfRemovedHarm, false},
		{"no apology", "该酒店至今未主动赔礼道歉，也拒绝赔偿。", CircSelfRemovedHarm, false},
		{"repaired by the maintenance station", "2026年1月8日某货车撞坏桥梁护栏后离开，未报告，护栏由公路养护站次日自行修复。", CircSelfRemovedHarm, false},
		{"cleaned by the sanitation team", "当事人将装修垃圾倒在路边后离开，垃圾由环卫部门当天自行清运。", CircSelfRemovedHarm, false},
		{"repaired by the party", "当事人撞坏护栏后立即报告，并由当事人自行修复。", CircSelfRemovedHarm, true},
		{"the search went on", "2023年5月某车撞倒路灯杆后驶离，此后一直未查明肇事车辆，2026年2月经比对确认。", CircContinuing, false},
		{"the act went on", "该厂自2025年起一直未办理排污许可证，检查时仍在生产排污。", CircContinuing, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := hasCirc(Extract(tc.in), tc.circ); got != tc.want {
				t.Errorf("%s: %v, want %v (%v)", tc.circ, got, tc.want, Extract(tc.in).Circumstances)
			}
		})
	}
}
