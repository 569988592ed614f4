package nlp

import "testing"

// FuzzExtract checks that Extract never panics and that every span it
// reports lies within the input and on rune boundaries, whatever the input
// (invalid UTF-8, NUL, zero-width and full-width characters). The seed
// corpus is in testdata/fuzz/FuzzExtract; the officer sentences of the table
// test are added too.
func FuzzExtract(f *testing.F) {
	for _, tc := range factsCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, text string) {
		x := Extract(text)
		checkSpans(t, text, x)
		for _, a := range x.Amounts {
			if a.Value < 0 || a.Value != a.Value {
				t.Fatalf("amount value %v in %q", a.Value, text)
			}
		}
	})
}
