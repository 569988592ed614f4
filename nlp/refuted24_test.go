package nlp

import "testing"

// TestRefutedNoHarmTwentyFourth: what the party says (称其, 声称, 辩称) and
// the agency finds false (该说法不成立, 经查不属实, 与事实不符) is no
// circumstance found: 未产生应纳税款 or 未造成损失 so refuted is no 无危害后果;
// the same words found true, or told by the agency, stay.
func TestRefutedNoHarmTwentyFourth(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"当事人称其逾期申报期间未产生应纳税款，经查，该说法不成立，其在此期间取得应税收入十二万元。", false},
		{"申辩中，当事人声称其行为未造成损失。经核查，与事实不符，三名消费者已多付价款。", false},
		{"当事人自称停业期间未产生应纳税款，经查不属实。", false},
		{"当事人称其逾期申报期间未产生应纳税款，经查属实。", true},
		{"经核查，当事人逾期申报期间未产生应纳税款。", true},
	}
	for _, tc := range tests {
		if got := Extract(tc.text).Flag(CircNoHarm); got != tc.want {
			t.Errorf("%s: no harm %v, want %v", tc.text, got, tc.want)
		}
	}
}
