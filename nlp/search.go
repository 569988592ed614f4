package nlp

import "strings"

// Index is strings.Index (the same answer for any bytes), faster on
// Chinese text. strings.Index looks for the first byte of sub and then
// checks the second; the first byte of a Chinese character is one of a
// handful (0xE4–0xE9 for most), so in Chinese text it stops at nearly every
// character before its fallback takes over. Index looks instead for one
// continuation byte of sub's first two characters (one of 64 values), the
// rarest in Chinese text (byteWeight), and compares the whole of
// sub only where it finds it. A case analysis asks a few thousand such
// searches of one text.
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

// keyByte is the offset in sub (at least 3 bytes, opening with a
// multibyte character) of the byte Index searches for: of the
// continuation bytes of its first two characters, the one Chinese text
// holds least often. Where the text has it more rarely, IndexByte runs
// further between stops: the most frequent of the 64 values is ten times
// as common as the rarest. Straight-line code with one table load a
// byte: it runs on every search.
func keyByte(sub string) int {
	key, w := 2, byteWeight[sub[2]]
	if x := byteWeight[sub[1]]; x < w {
		key, w = 1, x
	}
	if len(sub) > 5 {
		if x := byteWeight[sub[4]]; x < w {
			key, w = 4, x
		}
		if x := byteWeight[sub[5]]; x < w {
			key = 5
		}
	}
	return key
}

// byteWeight is how often each continuation byte (0x80–0xBF) occurs in
// Chinese case facts, scaled to the most frequent (255), counted over the
// development set's and the admin scenarios' facts (1.85 MB); every other
// byte weighs 255, the most, so that it is chosen only where no
// continuation byte is rarer.
var byteWeight = func() (w [256]uint8) {
	for b := range w {
		w[b] = 255
	}
	for i, v := range [64]uint8{
		174, 85, 79, 48, 55, 116, 66, 77, 88, 98, 70, 65, 177, 85, 85, 117,
		120, 83, 33, 61, 86, 57, 42, 81, 47, 51, 80, 48, 157, 58, 29, 134,
		47, 71, 39, 56, 64, 129, 53, 58, 77, 29, 42, 27, 50, 55, 112, 75,
		98, 43, 33, 57, 92, 31, 67, 61, 160, 84, 255, 116, 167, 103, 72, 73,
	} {
		w[0x80+i] = v
	}
	return w
}()

// Contains is strings.Contains by Index.
func Contains(s, sub string) bool { return Index(s, sub) >= 0 }
