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

// TestNotWithinOpeningTwentyFifth: a not_within word holding the opening of
// a cue with parts (被拆除 for 拆除…护栏) leaves that match out.
func TestNotWithinOpeningTwentyFifth(t *testing.T) {
	cues := NewCues([]string{"拆除…护栏"})
	idx := NewCueIndex(cues)
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"从被拆除的护栏缺口处横穿", false},
		{"拆除了中央护栏", true},
		{"从被拆除的护栏缺口处横穿，后又拆除两节护栏", true},
	} {
		norm := NormalizeText(tt.text)
		if _, got := idx.Scan(norm).FindOutside(cues, []string{"被拆除"}); got != tt.want {
			t.Errorf("FindOutside in %s = %v, want %v", tt.text, got, tt.want)
		}
		if _, got := idx.Scan(norm).FindOutsideSpans(cues, []string{"被拆除"}, []Span{{Start: len(norm), End: len(norm) + 1}}); got != tt.want {
			t.Errorf("FindOutsideSpans in %s = %v, want %v", tt.text, got, tt.want)
		}
	}
}
