package exemplars

import (
	"testing"
	"unicode"
)

// TestFoldTwentyFourth checks fold's shortcut for the CJK Unified
// Ideographs block against the rule it skips: every rune of the block is
// Han, and fold keeps each; and fold of runes around the block and of
// other kinds is what the switch gives.
func TestFoldTwentyFourth(t *testing.T) {
	slow := func(r rune) rune {
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFEE0
		}
		switch {
		case r >= '0' && r <= '9':
			return '0'
		case unicode.Is(unicode.Han, r):
			return r
		case unicode.IsLetter(r):
			return unicode.ToLower(r)
		}
		return -1
	}
	for r := rune(0); r <= 0x10FFFF; r++ {
		if r >= cjkFirst && r <= cjkLast && !unicode.Is(unicode.Han, r) {
			t.Fatalf("%U in the shortcut's block is not Han", r)
		}
		if got, want := fold(r), slow(r); got != want {
			t.Fatalf("fold(%U) = %U, want %U", r, got, want)
		}
	}
}
