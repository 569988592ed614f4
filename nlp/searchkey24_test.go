package nlp

import (
	"math/rand"
	"strings"
	"testing"
)

// TestIndexKeyTwentyFourth checks the byte Index looks for: the rarest of
// the needle's third byte and its second character's continuation bytes
// (a byte that is no continuation byte is never taken after the third),
// and that Index still answers as strings.Index where the key lies late in the needle:
// needles at the very start and end of a text, overlapping repeats,
// invalid bytes and four-byte runes, in random texts of such pieces.
func TestIndexKeyTwentyFourth(t *testing.T) {
	for _, tc := range []struct {
		sub  string
		want int
	}{
		{"人民", 5},                     // 人 ends in 0xBA, the commonest; 民 in 0x91
		{"为人", 2},                     // 为's 0xBA against 人's 0xBA: the first kept
		{"\xe4\xb8a\xe4\xb8\xad", 5},  // the third byte is ASCII: 0xAD is rarer than its table slot
		{"\xe4\xb8aaaaaaaaaaaaaa", 2}, // no continuation byte in the second character: the third
		{"超过保质期的食品", 4},               // 过's 0xBF (14 ‰) against 超's 0x85 (23 ‰) and 过's 0x87 (15 ‰)
		{"\U0001F600\U0001F600", 2},   // a four-byte rune: its bytes 0x9F 0x98 0x80
	} {
		got := keyByte(tc.sub)
		if got != tc.want {
			t.Errorf("keyByte(%q) = %d, want %d", tc.sub, got, tc.want)
		}
		if got != 2 && got != 4 && got != 5 {
			t.Errorf("keyByte(%q) = %d, not a byte of the first two characters' ends", tc.sub, got)
		}
	}
	pieces := []string{"人", "民", "为", "过", "超", "保质期", "食品", "\xe4\xb8", "\xad", "a", "。", "\U0001F600", "质量", "人民群众"}
	needles := []string{"人民", "民为", "过超", "保质期食品", "食品人民", "\U0001F600人", "a人民", "群众人民为过", "质量质量",
		"人民群众人民群众人民群众人民群众人民群众人民群众"}
	rng := rand.New(rand.NewSource(24))
	for range 20000 {
		var b strings.Builder
		for range 20 + rng.Intn(40) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		for _, sub := range needles {
			for _, text := range []string{s, sub + s, s + sub, sub + s + sub} {
				if got, want := Index(text, sub), strings.Index(text, sub); got != want {
					t.Fatalf("Index(%q, %q) = %d, strings.Index %d", text, sub, got, want)
				}
			}
		}
	}
}
