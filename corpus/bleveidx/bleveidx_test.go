package bleveidx_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/blevesearch/bleve/v2/search"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/bleveidx"
	"github.com/cailiang/cailiang/nlp"
)

// wholeSegmenter keeps the whole text as one token: a segmenter whose
// words differ from nlp.RuneSegmenter's single characters.
type wholeSegmenter struct{}

func (wholeSegmenter) Cut(text string) []nlp.Token {
	return []nlp.Token{{Text: text, Start: 0, End: len(text)}}
}
func (s wholeSegmenter) CutForSearch(text string) []nlp.Token { return s.Cut(text) }

func open(t *testing.T, cfg bleveidx.Config) *bleveidx.Index {
	t.Helper()
	cfg.Dir = filepath.Join(t.TempDir(), "index")
	ix, err := bleveidx.Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func indexText(t *testing.T, ix *bleveidx.Index, text string) {
	t.Helper()
	a := corpus.IndexedArticle{
		Statute: corpus.StatuteInfo{Statute: corpus.Statute{ID: "s", Law: "道路交通安全法", InForce: true}},
		Article: corpus.Article{Number: 91, Paragraphs: []corpus.Paragraph{{Text: text}}},
	}
	if err := ix.IndexArticles(context.Background(), []corpus.IndexedArticle{a}); err != nil {
		t.Fatal(err)
	}
}

// TestSegmenterPerIndex checks that each index segments with its own
// Config's segmenter: opening a second index with another one must not
// change how the first analyses queries (the segmenter was once one
// process-wide setting that the last Open overwrote).
func TestSegmenterPerIndex(t *testing.T) {
	const text, q = "醉酒驾驶机动车", "驾驶"
	runes := open(t, bleveidx.Config{Segmenter: nlp.RuneSegmenter{}, BigramWeight: -1})
	indexText(t, runes, text)
	whole := open(t, bleveidx.Config{Segmenter: wholeSegmenter{}, BigramWeight: -1})
	indexText(t, whole, text)
	for _, tt := range []struct {
		name string
		ix   *bleveidx.Index
		want uint64
	}{
		{"rune segmenter matches a character run", runes, 1},
		{"whole-text segmenter needs the whole text", whole, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := tt.ix.SearchNorms(context.Background(), corpus.NormQuery{Q: q, NoSnippets: true})
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != tt.want {
				t.Errorf("SearchNorms(%q).Total = %d, want %d", q, res.Total, tt.want)
			}
		})
	}
}

// TestBM25Config checks that Open puts its Config's BM25 parameters in
// force (the default keeps b = 0) and refuses other parameters while an
// index scoring with these is open.
func TestBM25Config(t *testing.T) {
	first := open(t, bleveidx.Config{})
	if search.BM25_k1 != bleveidx.DefaultBM25K1 || search.BM25_b != bleveidx.DefaultBM25B {
		t.Errorf("after Open with defaults k1, b = %v, %v; want %v, %v", search.BM25_k1, search.BM25_b, bleveidx.DefaultBM25K1, bleveidx.DefaultBM25B)
	}
	_, err := bleveidx.Open(bleveidx.Config{Dir: t.TempDir(), BM25: bleveidx.BM25{K1: 1.2, B: 0.75}})
	if !errors.Is(err, bleveidx.ErrScoringConflict) {
		t.Errorf("Open with other BM25 while one is open: err = %v, want ErrScoringConflict", err)
	}
	if _, err := bleveidx.Open(bleveidx.Config{Dir: t.TempDir(), BM25: bleveidx.BM25{B: 2}}); err == nil {
		t.Error("Open with b = 2: no error")
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	if err := first.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	other := open(t, bleveidx.Config{BM25: bleveidx.BM25{K1: 2, B: 0.75}})
	if search.BM25_k1 != 2 || search.BM25_b != 0.75 {
		t.Errorf("after Open with k1 2 b 0.75: k1, b = %v, %v", search.BM25_k1, search.BM25_b)
	}
	other.Close()
}
