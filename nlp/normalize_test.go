package nlp

import (
	"testing"
	"unicode"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"第１２４条", "第124条"},
		{"ＡＢＣ　食品", "ABC 食品"},
		{"违法\u200b所得", "违法所得"},
		{"罚款\x00五万\r\n元", "罚款五万\n元"},
		{"bad\xffbyte", "badbyte"},
		{"\ufeff开头", "开头"},
		{"《食品安全法》。", "《食品安全法》。"},
	}
	for _, tt := range tests {
		got := Normalize(tt.in)
		if got.Text != tt.want {
			t.Errorf("Normalize(%q) = %q; want %q", tt.in, got.Text, tt.want)
		}
		if NormalizeText(tt.in) != tt.want {
			t.Errorf("NormalizeText(%q) = %q; want %q", tt.in, NormalizeText(tt.in), tt.want)
		}
	}
}

func TestNormalizeOffsets(t *testing.T) {
	in := "当事人\u200b货值金额为１２０００元"
	n := Normalize(in)
	// Find "12000" in the normalised text and map it back.
	start := len("当事人货值金额为")
	end := start + len("12000")
	if n.Text[start:end] != "12000" {
		t.Fatalf("unexpected normalised text %q", n.Text)
	}
	os, oe := n.OrigSpan(start, end)
	if got := in[os:oe]; got != "１２０００" {
		t.Errorf("original span = %q; want %q", got, "１２０００")
	}
	if n.Orig(len(n.Text)) != len(in) {
		t.Errorf("end offset maps to %d; want %d", n.Orig(len(n.Text)), len(in))
	}
}

// TestIsHan checks the fast Han test against unicode.Han over every rune.
func TestIsHan(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if IsHan(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("IsHan(%U) = %v", r, IsHan(r))
		}
	}
}
