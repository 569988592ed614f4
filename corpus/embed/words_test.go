package embed

import (
	"context"
	"slices"
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

// pairModel trains a 16-dimension model on the synthetic corpus cut by
// pairSegmenter.
func pairModel(t *testing.T) ([]string, pairSegmenter, *LSA) {
	t.Helper()
	texts, _ := syntheticCorpus(20)
	seg := pairSegmenter{}
	m, err := TrainLSA(context.Background(), texts, seg, LSAConfig{Dim: 16})
	if err != nil {
		t.Fatal(err)
	}
	return texts, seg, m
}

// TestEmbedWords checks that embedding the words a text was cut into gives
// the vector of the words joined by spaces, which the model would cut the
// same way again; and that words the model never saw give its null vector.
func TestEmbedWords(t *testing.T) {
	texts, seg, m := pairModel(t)
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

// TestQueryScratchReused checks that the working memory queries share
// (scratches) carries nothing from one query to the next: each query's
// vector, asked between queries of other lengths and in reverse order, is
// bit for bit the one EmbedDocuments gives the same text with its own, and
// each text's words give the same vector in either order.
func TestQueryScratchReused(t *testing.T) {
	texts, seg, m := pairModel(t)
	ctx := context.Background()
	texts = append(texts[:30:30], "", "ⓧⓨ", strings.Repeat(texts[0], 5))
	docs, err := m.EmbedDocuments(ctx, texts)
	if err != nil {
		t.Fatal(err)
	}
	words := make([][]float32, len(texts))
	for i, text := range texts {
		if words[i], err = m.EmbedWords(ctx, nlp.Words(seg.Cut(text))); err != nil {
			t.Fatal(err)
		}
	}
	for i := len(texts) - 1; i >= 0; i-- {
		// A longer and a shorter query first leave their features behind.
		if _, err := m.EmbedWords(ctx, nlp.Words(seg.Cut(texts[len(texts)-1]))); err != nil {
			t.Fatal(err)
		}
		if _, err := m.EmbedQuery(ctx, texts[(i+7)%len(texts)]); err != nil {
			t.Fatal(err)
		}
		got, err := m.EmbedQuery(ctx, texts[i])
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, docs[i]) {
			t.Fatalf("text %d %q: query vector differs from the document vector", i, texts[i])
		}
		again, err := m.EmbedWords(ctx, nlp.Words(seg.Cut(texts[i])))
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(again, words[i]) {
			t.Fatalf("text %d %q: its words' vector changed with the queries before it", i, texts[i])
		}
	}
}
