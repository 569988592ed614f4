package nlp

import "testing"

// TestClauseGapTwentyFifth: parts joined by ‥ follow each other in one
// clause (no comma between), parts joined by … in one sentence.
func TestClauseGapTwentyFifth(t *testing.T) {
	for _, tt := range []struct {
		cue, text string
		want      bool
	}{
		{"已取得‥施工证明", "该公司已取得区住建局核发的夜间施工证明。", true},
		{"已取得‥施工证明", "该公司已取得施工许可证，但未办理夜间施工证明。", false},
		{"已取得…施工证明", "该公司已取得施工许可证，但未办理夜间施工证明。", true},
		{"已取得‥施工证明", "该公司已取得环评批复、施工许可证和夜间施工证明。", true},
		{"甲…乙‥丙", "甲，乙丙", true},
		{"甲…乙‥丙", "甲乙，丙", false},
	} {
		if got := NewCue(tt.cue).In(NormalizeText(tt.text)); got != tt.want {
			t.Errorf("%s in %s = %v, want %v", tt.cue, tt.text, got, tt.want)
		}
	}
}
