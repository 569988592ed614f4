package bleveidx

import (
	"math/rand"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/nlp/jieba"
)

// quickTexts are texts to analyse both ways: the ranker tests' articles
// and titles, every ideograph bigramTerms takes, every separator
// candidate between ideographs, and random mixtures of ideographs,
// separators, Latin letters of both cases, digits, full-width letters,
// kana, hangul, ideographs beyond U+9FA5, format characters, emoji and
// invalid bytes.
func quickTexts(t *testing.T) []string {
	var out []string
	for i, a := range rankerCorpus(t) {
		out = append(out, a.Article.Text())
		if i%20 == 0 {
			out = append(out, a.Statute.Title, a.Statute.Law+"第"+a.Article.Label())
		}
	}
	var b strings.Builder
	for r := rune(0x4E00); r <= 0x9FA5; r++ {
		b.WriteRune(r)
		if r%500 == 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	out = append(out, b.String())
	var seps []rune
	for _, rg := range gramSepCandidates {
		for r := rg[0]; r <= rg[1]; r++ {
			seps = append(seps, r)
			c := string(r)
			out = append(out, "一"+c+"二", "一二"+c+"三四", c+"五"+c+c+"六七"+c, c, c+c)
		}
	}
	pool := []rune("的和或者应当行政处罚法第条款项龙魚ABCXYZabcxyz0123456789ＡＢａｂ０１アイあいㄅ한글\u00adİ\u200b\u200d\u2060\U0001F600\u9FA6\u9FFF\u3400\U00020000\uFFFD_-.,'\":")
	pool = append(pool, seps...)
	rnd := rand.New(rand.NewSource(18))
	for i := 0; i < 20000; i++ {
		n := 1 + rnd.Intn(12)
		var s strings.Builder
		for j := 0; j < n; j++ {
			switch rnd.Intn(6) {
			case 0, 1, 2:
				s.WriteRune(rune(0x4E00 + rnd.Intn(0x9FA6-0x4E00)))
			default:
				s.WriteRune(pool[rnd.Intn(len(pool))])
			}
		}
		if rnd.Intn(50) == 0 {
			s.WriteByte(0xE4) // a truncated character
		}
		out = append(out, s.String())
	}
	return out
}

// TestQuickTermsMatchAnalyzers checks analyzeTerms against the analyzers
// of the norm index's text fields (jieba, precise and search mode, and
// the rune segmenter; bleve's cjk analyzer) on quickTexts, and that the
// quick paths answer for statute text.
func TestQuickTermsMatchAnalyzers(t *testing.T) {
	texts := quickTexts(t)
	seg, err := jieba.Shared("")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		cfg  Config
	}{
		{"jieba", Config{Segmenter: seg}},
		{"jieba-search", Config{Segmenter: seg, Mode: ModeSearch}},
		{"runes", Config{Segmenter: nlp.RuneSegmenter{}}},
	} {
		c.cfg.Dir = filepath.Join(t.TempDir(), "index")
		ix, err := Open(c.cfg)
		if err != nil {
			t.Fatal(err)
		}
		m := ix.norms.Mapping()
		for _, name := range []string{Analyzer, cjk.AnalyzerName} {
			a := m.AnalyzerNamed(name)
			quick := 0
			for _, s := range texts {
				want := analyzed(a, s)
				got := analyzeTerms(a, s)
				if !slices.Equal(got, want) || (got == nil) != (want == nil) {
					t.Fatalf("%s %s of %q: %q, analyzer %q", c.name, name, s, got, want)
				}
				if name == cjk.AnalyzerName {
					if _, ok := bigramTerms(s); ok {
						quick++
					}
				}
			}
			if name == cjk.AnalyzerName && quick < len(texts)/10 {
				t.Errorf("%s: the quick bigrams answered %d of %d texts", c.name, quick, len(texts))
			}
		}
		ix.Close()
	}
	// Statute text is the quick path's: articles' punctuation are separators.
	n := 0
	for _, a := range rankerCorpus(t) {
		if _, ok := bigramTerms(a.Article.Text()); ok {
			n++
		}
	}
	if all := len(rankerCorpus(t)); n < all*8/10 {
		t.Errorf("the quick bigrams answered %d of %d articles", n, all)
	}
	if !isGramSep('，') || !isGramSep('\u3000') || !isGramSep('、') {
		t.Error("， and U+3000 、 should be separators")
	}
}

// TestDistinctTermsShort checks that the map-free dedup of short queries
// and termFreq give what the map did.
func TestDistinctTermsShort(t *testing.T) {
	ix, err := Open(Config{Dir: filepath.Join(t.TempDir(), "index"), Segmenter: nlp.RuneSegmenter{}})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	a := ix.norms.Mapping().AnalyzerNamed(cjk.AnalyzerName)
	for _, q := range []string{"", "，", "一", "一二一二一二", "行政处罚，行政处罚法，处罚", strings.Repeat("甲乙丙丁", 9), strings.Repeat("甲乙", 40)} {
		out, tf, long, all := distinctTerms(a, q, 4)
		want := map[string]int{}
		var wantOut []string
		for _, s := range all {
			if want[s] == 0 {
				wantOut = append(wantOut, s)
			}
			want[s]++
		}
		if !slices.Equal(out, wantOut) || long != (len(wantOut) > 4) {
			t.Errorf("%q: %q long %v, want %q", q, out, long, wantOut)
		}
		if tf == nil {
			tf = termFreq(out, all)
		}
		for s, n := range want {
			if tf[s] != n {
				t.Errorf("%q: tf[%q] %d, want %d", q, s, tf[s], n)
			}
		}
	}
}
