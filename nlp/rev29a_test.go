package nlp

import "testing"

// TestReviewRev29ATwentyNinth holds the review's finding on the earlier
// penalty reader (issue 12, rev29 item 1): the surname 曾 before 某 or a
// given name (曾某, 曾x某, 曾小明) is no past marker, and the case's own
// 因…被…处罚 after it is no earlier penalty. Guards: the marker 曾 before
// 因, 多次, 于 and 在 still reads one, and a 曾 surname followed by the
// marker (曾某曾因…) reads the marker's.
func TestReviewRev29ATwentyNinth(t *testing.T) {
	tests := []struct {
		name string
		text string
		want int
	}{
		{"surname 曾某, the case's own assault", "2026年4月1日，违法行为人曾某因琐事殴打邻居王某致其轻微伤，被公安机关处以行政拘留十日。", 0},
		{"surname 曾某, the case's own fireworks fine", "曾某因在居民区内燃放烟花爆竹被派出所罚款200元。", 0},
		{"surname with a given name", "经查，曾小明因酒后在饭店滋事被派出所处以罚款500元。", 0},
		{"surname 曾x某", "当事人曾x某因未按规定办理健康证明被市场监管局警告。", 0},
		{"surname with a bracket", "违法行为人曾伟（男，1990年5月出生）因赌博被处以行政拘留五日。", 0},
		{"marker before 因", "当事人曾因无证经营受到行政处罚，今年又在菜市场销售散装白酒。", 1},
		{"marker before 多次", "张某曾多次因殴打他人被公安机关处以拘留，此次又持棍追打路人。", 1},
		{"marker before 于", "李某曾于2024年因盗窃电动车被处以行政拘留，本次在商场偷拿衣服。", 1},
		{"surname then the marker", "曾某曾因赌博被公安机关处以罚款，本次在出租屋内殴打室友。", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PriorPenaltySpans(NormalizeText(tt.text)); len(got) != tt.want {
				t.Fatalf("PriorPenaltySpans = %d spans %v, want %d", len(got), got, tt.want)
			}
		})
	}
}
