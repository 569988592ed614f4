package jieba

import (
	"runtime"
	"strings"
	"testing"

	"github.com/yanyiwu/gojieba"
)

// benchSetup returns the shared Segmenter, gojieba's Go API over the same
// dictionaries, and about 16 KB of legal text: the
// golden sentences repeated, so both benchmarks see the same mix of statute
// names, amounts and article labels that the service segments.
//
// It warms the instance up first. The first segmentations after loading
// touch the C++ dictionary trie for the first time and the loader leaves
// megabytes of Go garbage; without the warm-up whichever benchmark runs first
// is billed for both (measured: 20–30% slower).
func benchSetup(b *testing.B) (*Segmenter, *gojieba.Jieba, string) {
	b.Helper()
	s, raw := testSegmenter(b), rawJieba(b)
	var sb strings.Builder
	for sb.Len() < 16<<10 {
		for _, sent := range goldenSentences(b) {
			sb.WriteString(sent)
		}
	}
	text := sb.String()
	for range 20 {
		s.Cut(text)
		raw.Cut(text, true)
	}
	runtime.GC()
	return s, raw, text
}

// BenchmarkSegmenterCut measures our Cut: gojieba's Tokenize plus the token
// conversion, the article-label merge and the law-name repair.
func BenchmarkSegmenterCut(b *testing.B) {
	s, _, text := benchSetup(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if len(s.Cut(text)) == 0 {
			b.Fatal("no tokens")
		}
	}
}

// BenchmarkRawCut measures gojieba's own Cut on the same text and the same
// dictionaries, the baseline for BenchmarkSegmenterCut.
func BenchmarkRawCut(b *testing.B) {
	_, raw, text := benchSetup(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if len(raw.Cut(text, true)) == 0 {
			b.Fatal("no tokens")
		}
	}
}
