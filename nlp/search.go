package nlp

import "strings"

// Index is strings.Index (the same answer for any bytes), faster on
// Chinese text. strings.Index looks for the first byte of sub and then
// checks the second; the first byte of a Chinese character is one of a
// handful (0xE4–0xE9 for most), so in Chinese text it stops at nearly every
// character before its fallback takes over. Index looks instead for sub's
// third byte, the last of its first character when that is a CJK rune (one
// of 64 continuation bytes), and compares the whole of sub only there. A
// case analysis asks a few thousand such searches of one text.
func Index(s, sub string) int {
	n := len(sub)
	// The byte search pays only for a sub that opens with a multibyte
	// character and a text long enough for strings.Index not to take its
	// brute-force path; a long sub keeps strings.Index's bound on the work
	// (its fallback), which the plain compare at each candidate lacks.
	if n < 3 || n > 64 || sub[0] < 0xE0 || len(s) <= 64 {
		return strings.Index(s, sub)
	}
	const key = 2
	c := sub[key]
	last := len(s) - n + key // the last offset the key byte can have in a match
	for i := key; i <= last; {
		o := strings.IndexByte(s[i:last+1], c)
		if o < 0 {
			return -1
		}
		if j := i + o - key; s[j:j+n] == sub {
			return j
		}
		i += o + 1
	}
	return -1
}

// Contains is strings.Contains by Index.
func Contains(s, sub string) bool { return Index(s, sub) >= 0 }
