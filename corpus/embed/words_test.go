package embed

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cailiang/cailiang/nlp"
)

// pairSegmenter cuts text into runs of two runes (spaces are dropped), so
// that each word it gives is cut again as itself, as jieba's words are.
type pairSegmenter struct{ nlp.RuneSegmenter }

func (pairSegmenter) Fingerprint() string { return "pairs" }

func (pairSegmenter) Cut(text string) []nlp.Token {
	var out []nlp.Token
	start, n := -1, 0
	for i, r := range text {
		if r == ' ' {
			if start >= 0 {
				out = append(out, nlp.Token{Text: text[start:i], Start: start, End: i})
			}
			start, n = -1, 0
			continue
		}
		if start < 0 {
			start = i
		}
		n++
		if n == 2 {
			end := i + utf8.RuneLen(r)
			out = append(out, nlp.Token{Text: text[start:end], Start: start, End: end})
			start, n = -1, 0
		}
	}
	if start >= 0 {
		out = append(out, nlp.Token{Text: text[start:], Start: start, End: len(text)})
	}
	return out
}

// TestEmbedWords checks that embedding the words a text was cut into gives
// the vector of the words joined by spaces, which the model would cut the
// same way again; and that words the model never saw give its null vector.
func TestEmbedWords(t *testing.T) {
	texts, _ := syntheticCorpus(20)
	seg := pairSegmenter{}
	m, err := TrainLSA(context.Background(), texts, seg, LSAConfig{Dim: 16})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, text := range texts[:40] {
		words := nlp.Words(seg.Cut(text))
		got, err := m.EmbedWords(ctx, words)
		if err != nil {
			t.Fatal(err)
		}
		want, err := m.EmbedQuery(ctx, strings.Join(words, " "))
		if err != nil {
			t.Fatal(err)
		}
		if d := dot(got, want); d < 0.99999 {
			t.Fatalf("%q: cosine %v between EmbedWords and EmbedQuery of the joined words", text, d)
		}
	}
	null, err := m.EmbedWords(ctx, []string{"ⓧⓨ"})
	if err != nil {
		t.Fatal(err)
	}
	if !closeTo(null, NullVector(16)) {
		t.Errorf("unknown words: %v, want the null vector", null)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := m.EmbedWords(cancelled, []string{"甲乙"}); err == nil {
		t.Error("cancelled context: no error")
	}
}
