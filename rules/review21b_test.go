package rules

import (
	"strings"
	"testing"
)

// TestSentenceAtBoundedTwentyFirst: the sentence around a date is sought at
// most sentenceReach bytes either side, so a long text without a stop costs
// each date a bounded scan, not one of the whole text (texts reach 60 KB).
func TestSentenceAtBoundedTwentyFirst(t *testing.T) {
	long := strings.Repeat("当事人继续在车间安排工人加班做工", 2000)
	text := long + "2025年5月20日复查时童工仍在" + long
	start := len(long)
	end := start + len("2025年5月20日")
	tests := []struct {
		name       string
		text       string
		start, end int
		want       string // "" : only the bound is checked
	}{
		{"no stop in a long text", text, start, end, ""},
		{"a short sentence", "责令改正。2025年5月20日复查时仍在。其他", len("责令改正。"), len("责令改正。2025年5月20日"), "。2025年5月20日复查时仍在"},
	}
	for _, tt := range tests {
		got := sentenceAt(tt.text, tt.start, tt.end)
		if tt.want != "" && got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
		if len(got) > 2*sentenceReach+(tt.end-tt.start) {
			t.Errorf("%s: %d bytes, want at most %d", tt.name, len(got), 2*sentenceReach+(tt.end-tt.start))
		}
		if !strings.Contains(got, tt.text[tt.start:tt.end]) {
			t.Errorf("%s: the date is not in %q", tt.name, got)
		}
	}
}
