package nlp

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestPhraseSetTwentyThird: a PhraseSet answers as a Contains per phrase,
// and takingsOpen, whose phrases it finds in one pass, as its search per
// phrase did (reference below), on texts made of the phrases themselves,
// their pieces, clause marks and other words, valid UTF-8 or not.
func TestPhraseSetTwentyThird(t *testing.T) {
	sets := [][]string{
		takingsUnknown[:],
		{"盗", "窃", "骗", "敲诈", "安全账户", "a", "ab"},
		{"", "甲"},
		{"\xff", "乙丙"},
	}
	pieces := []string{"，", "。", "；", "x", "\xe4", "\xff", "此前营运收入", "多少", "拒绝", "清", "未", "查", "说明", "甲", "乙", "丙", "号牌模糊", "去向"}
	for _, set := range sets {
		for _, w := range set {
			pieces = append(pieces, w)
			if r := []rune(w); len(r) > 1 {
				pieces = append(pieces, string(r[:len(r)-1]), string(r[1:]))
			}
		}
	}
	pieces = append(pieces, takingsWords[:]...)
	rng := rand.New(rand.NewPCG(23, 1))
	texts := []string{""}
	for range 4000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, set := range sets {
		ps := NewPhraseSet(set...)
		for _, text := range texts {
			want := false
			for _, w := range set {
				want = want || strings.Contains(text, w)
			}
			if got := ps.In(text); got != want {
				t.Fatalf("set %q, text %q: In = %v, want %v", set, text, got, want)
			}
		}
	}
	opened := 0
	for _, text := range texts {
		want := takingsOpenOneByOne(text)
		if got := takingsOpen(text); got != want {
			t.Fatalf("takingsOpen(%q) = %v, want %v", text, got, want)
		}
		if want {
			opened++
		}
	}
	if opened == 0 {
		t.Error("no text opens the takings: the texts exercise nothing")
	}
}

// takingsOpenOneByOne is takingsOpen as written before the one-pass
// search: each phrase searched over the text by itself.
func takingsOpenOneByOne(s string) bool {
	for _, cue := range takingsUnknown {
		for off := 0; ; {
			i := strings.Index(s[off:], cue)
			if i < 0 {
				break
			}
			at := off + i
			start := clauseBefore(s, at, isClauseOrCommaEnd)
			end := at + len(cue)
			if containsAny(s[start:clauseAfter(s, end, isClauseOrCommaEnd)], takingsWords[:]...) {
				return true
			}
			off = end
		}
	}
	return false
}
