package nlp

import "testing"

// TestVictimCalledOffTwentyFifth: what a disruption forced the victim to
// call off or put back (手术被迫取消, 演出被迫延期) is the act's result, not
// the party's coercion; the party forced is still coerced.
func TestVictimCalledOffTwentyFifth(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       bool
	}{
		{"operations called off", "经查，胡某带人封堵医院门诊大楼，当日三台手术被迫取消。", false},
		{"a show put back", "经查，闫某在剧场门口拉横幅吵闹，当晚演出被迫延期。", false},
		{"the party forced", "经查，当事人系被迫为他人运送货物。", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := false
			for _, c := range Extract(tt.text).Circumstances {
				if c.Name == CircCoerced && !c.Negated {
					got = true
				}
			}
			if got != tt.want {
				t.Errorf("coerced = %v, want %v", got, tt.want)
			}
		})
	}
}
