package nlp

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestDecodeRuneTwentyFourth checks decodeRune against
// utf8.DecodeRuneInString: every three-byte sequence with a lead byte of
// 1110xxxx (valid runes, overlong forms, surrogates, bad continuation
// bytes), each cut short, and texts that mix ASCII, two- and four-byte
// runes and invalid bytes, at every offset.
func TestDecodeRuneTwentyFourth(t *testing.T) {
	check := func(s string, i int) {
		t.Helper()
		r, w := decodeRune(s, i)
		if wr, ww := utf8.DecodeRuneInString(s[i:]); r != wr || w != ww {
			t.Fatalf("decodeRune(%q, %d) = %U, %d; want %U, %d", s, i, r, w, wr, ww)
		}
	}
	for lead := 0xE0; lead <= 0xEF; lead++ {
		for b1 := range 256 {
			for b2 := range 256 {
				s := string([]byte{byte(lead), byte(b1), byte(b2)})
				check(s, 0)
				check(s[:2], 0)
				check("a"+s, 1)
			}
		}
	}
	texts := []string{
		"当事人张某于2026年3月销售过期食品",
		"ａｂｃ£é\U0001F600当\xff\xe5\x8d事\xed\xa0\x80\xe0\x80\x80\xef\xbf\xbd人",
		strings.Repeat("违法", 3) + "\xe5",
	}
	for _, s := range texts {
		for i := range len(s) {
			check(s, i)
		}
	}
}

// TestFirstFromTwentyFourth checks that firstFrom, which decodes each rune
// once, gives the least strings.Index answer of its phrases at or after
// every rune start of texts with one- and two-rune phrases, phrases at the
// text's end, invalid bytes and a written-out U+FFFD.
func TestFirstFromTwentyFourth(t *testing.T) {
	phrases := []string{"违法", "过期食品", "罚", "a", "ab", "\uFFFD", "品"}
	o := newPhraseIndex(phrases)
	texts := []string{
		"", "a", "b", "罚", "品", "ab", "ba",
		"当事人张某于2026年3月销售过期食品",
		"当\xff事人\xe5\x8d违法\uFFFD所得被罚款",
		"未发现违法行为。\n处罚：警告",
		"xx\xe0\x80\x80违",
	}
	for _, s := range texts {
		for pos := 0; pos <= len(s); pos++ {
			if pos < len(s) && !utf8.RuneStart(s[pos]) {
				continue
			}
			want := -1
			for _, p := range phrases {
				if k := strings.Index(s[pos:], p); k >= 0 && (want < 0 || pos+k < want) {
					want = pos + k
				}
			}
			// An invalid byte decodes as U+FFFD, which must not count as
			// the phrase written out; strings.Index never matches it.
			if got := o.firstFrom(s, pos); got != want {
				t.Errorf("firstFrom(%q, %d) = %d, want %d", s, pos, got, want)
			}
		}
	}
}
