package jieba

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/yanyiwu/gojieba"

	"github.com/cailiang/cailiang/nlp"
)

var (
	rawOnce sync.Once
	raw     *gojieba.Jieba
)

// rawJieba is gojieba's Go API over the shared Segmenter's dictionary
// files, loaded once per test binary (a second instance, some 130 MB): the
// plain way the direct calls are compared with.
func rawJieba(tb testing.TB) *gojieba.Jieba {
	tb.Helper()
	s := testSegmenter(tb)
	rawOnce.Do(func() { raw = gojieba.NewJieba(s.paths...) })
	return raw
}

// gojiebaTokens is the plain way tokenize took before the direct call:
// gojieba's Tokenize with the HMM, whitespace tokens dropped.
func gojiebaTokens(jb *gojieba.Jieba, text string, mode gojieba.TokenizeMode) []nlp.Token {
	words := jb.Tokenize(text, mode, true)
	out := make([]nlp.Token, 0, len(words))
	for _, w := range words {
		if strings.TrimSpace(w.Str) == "" {
			continue
		}
		out = append(out, nlp.Token{Text: w.Str, Start: w.Start, End: w.End})
	}
	return out
}

// TestDirectTokenizeIsGojieba compares the direct call of gojieba's C
// Tokenize with gojieba's Go Tokenize, in both modes, on the golden
// sentences, every development-set text (normalised, as the analysis cuts
// them) and hostile ones (made safe by clean, as tokenize does).
func TestDirectTokenizeIsGojieba(t *testing.T) {
	s := testSegmenter(t)
	raw := rawJieba(t)
	texts := append(goldenSentences(t), " ", "\t\n", "a", "。", "  两个  空格  ", "\xff\xfe坏字节\x00NUL", "全角　空格",
		strings.Repeat("超过保质期的食品", 200))
	files, err := filepath.Glob("../../eval/testdata/devset/*.jsonl")
	if err != nil || len(files) == 0 {
		t.Fatalf("development set: %v (%d files)", err, len(files))
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for line := range strings.Lines(string(data)) {
			var row struct {
				Facts string `json:"facts"`
			}
			if json.Unmarshal([]byte(line), &row) == nil && row.Facts != "" {
				texts = append(texts, row.Facts, nlp.NormalizeText(row.Facts))
			}
		}
	}
	tokens := 0
	for _, text := range texts {
		text = clean(text)
		if text == "" {
			continue
		}
		for _, mode := range []gojieba.TokenizeMode{gojieba.DefaultMode, gojieba.SearchMode} {
			got, want := tokenizeDirect(s.handle, text, mode), gojiebaTokens(raw, text, mode)
			if !slices.Equal(got, want) {
				t.Fatalf("mode %d, %.60q: direct %v, gojieba %v", mode, text, got, want)
			}
			tokens += len(got)
		}
	}
	if tokens < 100000 {
		t.Fatalf("only %d tokens compared", tokens)
	}
}
