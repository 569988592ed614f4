package nlp

import (
	"strings"
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

// TestNormalizeTextIsFold checks the one-pass NormalizeText against the
// fold it stands for, strings.Map(foldRune, strings.ToValidUTF8(s, "")),
// on the samples and scenarios (as written and normalised) and on texts
// with each kind of rune the fold changes or drops, first, last and alone.
func TestNormalizeTextIsFold(t *testing.T) {
	texts := []string{"", "a", "食品", "食\r品", "食\x00品", "食\u200b品", "食\ufeff品", "\xff食品", "食品\xe4\xb8", "食\ufffd品",
		"１２３", "食，品", "食\u3000品", "食\t品\n", "\u0085", "\x7f", "㐀", "𠀀食", "ｱ", "～", "\uff5f", "\r", "\xff", "，",
		"\xe4\xff\xb8\x80", "食\xe4\xb8品", "一\u9fff\u4e00\u9fa5"}
	for _, f := range sampleFacts(t) {
		texts = append(texts, f, strings.Map(foldRune, strings.ToValidUTF8(f, "")))
	}
	same := 0
	for _, s := range texts {
		want := strings.Map(foldRune, strings.ToValidUTF8(s, ""))
		if got := NormalizeText(s); got != want {
			t.Errorf("NormalizeText(%q) = %q, want %q", s, got, want)
		}
		if want == s {
			same++
		}
	}
	if same < 50 {
		t.Errorf("only %d texts come back unchanged: the samples were not read", same)
	}
}

// BenchmarkNormalizeText measures the one pass against the two-step fold
// it replaced, over the extraction benchmark's texts.
func BenchmarkNormalizeText(b *testing.B) {
	b.Run("one-pass", func(b *testing.B) {
		for b.Loop() {
			for _, t := range extractBenchTexts {
				NormalizeText(t)
			}
		}
	})
	b.Run("map", func(b *testing.B) {
		for b.Loop() {
			for _, t := range extractBenchTexts {
				strings.Map(foldRune, strings.ToValidUTF8(t, ""))
			}
		}
	})
}
