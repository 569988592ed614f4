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
	key := keyByte(sub)
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

// keyByte returns the offset in sub (len(sub) >= 3) of the byte Index
// looks for: the third byte (the last of a first Chinese character), or
// the second character's second or third byte when contFreq says it is
// rarer in Chinese text, so that the search stops at fewer false
// candidates. Any byte of sub gives the same answer; looking further into
// sub cost more than it saved (a microbenchmark over the sample cases, 300
// phrases of two to four characters: 158 ns a search with the third byte,
// 127 with these three, 141 with the rarest of the first twelve bytes).
func keyByte(sub string) int {
	key, best := 2, contFreq[sub[2]&0x3F]
	if len(sub) >= 6 {
		if c := sub[4]; c&0xC0 == 0x80 && contFreq[c&0x3F] < best {
			key, best = 4, contFreq[c&0x3F]
		}
		if c := sub[5]; c&0xC0 == 0x80 && contFreq[c&0x3F] < best {
			key = 5
		}
	}
	return key
}

// contFreq is how often each continuation byte (0x80–0xBF) occurs among
// the continuation bytes of Chinese case texts, per thousand (counted
// over the sample cases and the development set's tuning half; uniform
// would be 16). 0xBA (the last byte of 人, 于, 为 …) is three times as
// common as uniform, 0xAB a third: a search for the rarer byte of a
// phrase stops at fewer places that are not the phrase.
var contFreq = [64]uint8{
	33, 16, 15, 9, 11, 23, 13, 15, 17, 19, 14, 13, 34, 16, 16, 23,
	23, 16, 6, 12, 16, 11, 8, 16, 9, 10, 15, 9, 31, 11, 6, 26,
	9, 14, 8, 11, 12, 25, 10, 12, 15, 6, 8, 5, 9, 11, 22, 14,
	19, 8, 7, 11, 18, 6, 13, 12, 31, 16, 50, 23, 32, 20, 14, 14,
}

// Contains is strings.Contains by Index.
func Contains(s, sub string) bool { return Index(s, sub) >= 0 }
