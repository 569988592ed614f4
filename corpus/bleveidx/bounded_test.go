package bleveidx

import (
	"context"
	"fmt"
	"html"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/nlp"
)

func TestSnippetsOf(t *testing.T) {
	long := strings.Repeat("甲", 150)
	tests := []struct {
		name, text string
		terms      []string
		max        int
		want       []string
	}{
		{"marks and escapes", "未取得<许可>从事食品生产经营", []string{"食品", "许可"}, 3,
			[]string{"未取得&lt;<mark>许可</mark>&gt;从事<mark>食品</mark>生产经营"}},
		{"longest term wins an overlap", "食品生产经营许可", []string{"生产", "食品生产经营"}, 3,
			[]string{"<mark>食品生产经营</mark>许可"}},
		{"no match, no snippet", "醉酒驾驶", []string{"食品"}, 3, nil},
		{"far matches make two snippets, the richer first", "食品" + long + "许可许可", []string{"食品", "许可"}, 3,
			[]string{"…" + strings.Repeat("甲", 20) + "<mark>许可</mark><mark>许可</mark>", "<mark>食品</mark>" + strings.Repeat("甲", 98) + "…"}},
		{"at most max", "食品" + long + "许可", []string{"食品", "许可"}, 1,
			[]string{"<mark>食品</mark>" + strings.Repeat("甲", 98) + "…"}},
		{"upper-case text matches the lower-cased term", "GB 2760 标准", []string{"gb"}, 3, []string{"<mark>GB</mark> 2760 标准"}},
		{"upper case after Han text", "食品安全国家标准GB", []string{"gb"}, 3, []string{"食品安全国家标准<mark>GB</mark>"}},
		{"full-width upper case", "依照ＧＢ执行", []string{"ｇｂ"}, 3, []string{"依照<mark>ＧＢ</mark>执行"}},
		{"a Roman numeral lower-cases too", "Ⅱ类食品", []string{"ⅱ类"}, 3, []string{"<mark>Ⅱ类</mark>食品"}},
	}
	for _, tt := range tests {
		if got := snippetsOf(tt.text, tt.terms, tt.max); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: snippetsOf(%q, %q) =\n%q\nwant\n%q", tt.name, tt.text, tt.terms, got, tt.want)
		}
	}
}

func TestMarkTerms(t *testing.T) {
	if got, want := markTerms([]string{"的", "食品", "生产经营"}), []string{"生产经营", "食品"}; !reflect.DeepEqual(got, want) {
		t.Errorf("markTerms = %q; want %q (single characters dropped, longest first)", got, want)
	}
	if got, want := markTerms([]string{"食", "品"}), []string{"食", "品"}; !reflect.DeepEqual(got, want) {
		t.Errorf("markTerms of single characters = %q; want them kept", got)
	}
}

// TestPlanBoundsLongQueries checks that a query within the bounds is
// searched whole and that a longer one keeps at most maxWords words and
// maxBigrams bigrams, the most telling (tf·idf) first, never one fewer
// than minDF documents have.
func TestPlanBoundsLongQueries(t *testing.T) {
	ix, err := Open(Config{Dir: filepath.Join(t.TempDir(), "index"), Segmenter: nlp.RuneSegmenter{}})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	// Characters 一…十 in every article, 甲 in two, 乙 in one only.
	var arts []corpus.IndexedArticle
	for i := 1; i <= 5; i++ {
		text := "一二三四五六七八九十"
		if i <= 2 {
			text += "甲"
		}
		if i == 3 {
			text += "乙"
		}
		arts = append(arts, corpus.IndexedArticle{
			Statute: corpus.StatuteInfo{Statute: corpus.Statute{ID: "s", Law: "某法", InForce: true}},
			Article: corpus.Article{Number: i, Paragraphs: []corpus.Paragraph{{Text: text}}},
		})
	}
	if err := ix.IndexArticles(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	p, err := planText(ctx, ix.norms, "一二三甲", "text", true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.bounded || len(p.words) != 4 {
		t.Errorf("short query planned %+v; want its 4 words, not bounded", p)
	}
	// 2,000 characters: the indexed ones, then others no document has,
	// 甲 among them.
	var b strings.Builder
	b.WriteString("一二三四五六七八九十")
	for r := rune(0x6000); b.Len() < 3*2000; r++ { // past 一…十
		if b.Len() == 3*500 {
			b.WriteString("甲乙")
		}
		if r != '甲' && r != '乙' {
			b.WriteRune(r)
		}
	}
	p, err = planText(ctx, ix.norms, b.String(), "text", true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !p.bounded || len(p.words) > maxWords || len(p.bigrams) > maxBigrams || len(p.words) == 0 || p.words[0] != "甲" || strings.Contains(strings.Join(p.words, ""), "乙") {
		t.Errorf("long query planned %d words %q, %d bigrams, bounded %v; want at most %d words, the rarer 甲 first, not 乙 (one document)",
			len(p.words), p.words, len(p.bigrams), p.bounded, maxWords)
	}
	res, err := ix.SearchNorms(ctx, corpus.NormQuery{Q: b.String()})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 5 || len(res.Hits) == 0 || res.Hits[0].Number > 2 {
		t.Errorf("long query: %d hits, first %v; want all 5, article 1 or 2 (those with 甲) first", res.Total, fmt.Sprint(res.Hits))
	}
}

// TestTiesBrokenByID checks that hits of equal score come back ordered
// by ID, on every page.
func TestTiesBrokenByID(t *testing.T) {
	ix, err := Open(Config{Dir: filepath.Join(t.TempDir(), "index"), Segmenter: nlp.RuneSegmenter{}})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var arts []corpus.IndexedArticle
	for _, n := range []int{7, 3, 9, 1, 5, 2} {
		arts = append(arts, corpus.IndexedArticle{
			Statute: corpus.StatuteInfo{Statute: corpus.Statute{ID: "s", Law: "某法", InForce: true}},
			Article: corpus.Article{Number: n, Paragraphs: []corpus.Paragraph{{Text: "食品"}}},
		})
	}
	if err := ix.IndexArticles(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	var got []int
	for off := 0; off < 6; off += 2 {
		res, err := ix.SearchNorms(context.Background(), corpus.NormQuery{Q: "食品", Limit: 2, Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			got = append(got, h.Number)
		}
	}
	// IDs are s#1-0, s#2-0, …: in ID order the articles are 1, 2, 3, 5, 7, 9.
	if want := []int{1, 2, 3, 5, 7, 9}; !reflect.DeepEqual(got, want) {
		t.Errorf("pages of equal scores hold %v; want %v (ID order)", got, want)
	}
}

// snippetsReference is snippetsOf written plainly (strings.Index, a byte
// map of what is marked, html.EscapeString, a copy per snippet): the
// faster one must give the same snippets.
func snippetsReference(text string, terms []string, most int) []string {
	if most <= 0 || len(terms) == 0 {
		return nil
	}
	terms = slices.Clone(terms)
	slices.SortStableFunc(terms, func(a, b string) int { return len(b) - len(a) })
	hay := text
	if l := strings.ToLower(text); len(l) == len(text) {
		hay = l
	}
	taken := make([]bool, len(hay))
	var spans []span
	for _, t := range terms {
		for from := 0; from < len(hay); {
			i := strings.Index(hay[from:], t)
			if i < 0 {
				break
			}
			s := span{from + i, from + i + len(t)}
			from = s.end
			if slices.Contains(taken[s.start:s.end], true) {
				continue
			}
			for k := s.start; k < s.end; k++ {
				taken[k] = true
			}
			spans = append(spans, s)
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var frags []frag
	for i := 0; i < len(spans); {
		start := backRunes(text, spans[i].start, snippetLead)
		end := max(forwardRunes(text, start, snippetRunes), spans[i].end)
		first := i
		for i < len(spans) && spans[i].end <= end {
			i++
		}
		frags = append(frags, frag{start: start, end: end, spans: spans[first:i]})
	}
	sort.SliceStable(frags, func(i, j int) bool { return len(frags[i].spans) > len(frags[j].spans) })
	var out []string
	for _, f := range frags[:min(len(frags), most)] {
		s := ""
		if f.start > 0 {
			s = "…"
		}
		at := f.start
		for _, m := range f.spans {
			s += html.EscapeString(text[at:m.start]) + "<mark>" + html.EscapeString(text[m.start:m.end]) + "</mark>"
			at = m.end
		}
		s += html.EscapeString(text[at:f.end])
		if f.end < len(text) {
			s += "…"
		}
		out = append(out, s)
	}
	return out
}

// TestSnippetsMatchReference compares the snippets of the ranker tests'
// articles (and a few with markup, Latin letters and repeats) for the
// words of other articles' phrases with snippetsReference, one scratch
// reused throughout as a search reuses it.
func TestSnippetsMatchReference(t *testing.T) {
	arts := rankerCorpus(t)
	var texts []string
	for i := 0; i < len(arts); i += 3 {
		texts = append(texts, arts[i].Article.Text())
	}
	texts = append(texts, "依照<GB 2760>执行&标准\"ＧＢ\"", strings.Repeat("食品安全", 60), "许可许可许", "", "食品食品食品食", "\xe4\xb8许可\xff许可许可许\xe8\xae", "\xe8\xae许可\xe8\xae\xb8可")
	phrases := rankerPhrases(t, 200)
	a := nlp.RuneSegmenter{}
	var sc snippetScratch
	n := 0
	for i, text := range texts {
		var words []string
		for _, tk := range a.Cut(phrases[i%len(phrases)]) {
			words = append(words, tk.Text)
		}
		// Runes cut one by one: join them in twos and threes too.
		rs := []rune(phrases[(i+7)%len(phrases)])
		for k := 0; k+3 <= len(rs); k += 2 {
			words = append(words, string(rs[k:k+2]), string(rs[k:k+3]))
		}
		// Terms that overlap themselves and each other, and one that is a
		// character's last bytes.
		words = append(words, "gb", "标准", "食品安全", "许可", "<", "许可许", "可许可", "品食品", "食品食", "\xae\xb8可")
		for _, terms := range [][]string{markTerms(words), markTerms(words[:len(words)/2]), words} {
			for _, m := range []int{3, 1} {
				want := snippetsReference(text, terms, m)
				if got := sc.snippets(text, terms, m); !reflect.DeepEqual(got, want) {
					t.Fatalf("snippets of %q for %q (max %d) =\n%q\nwant\n%q", text, terms, m, got, want)
				}
				n++
			}
		}
	}
	t.Logf("%d cases", n)
}

// TestHasUpper compares hasUpper with a rune by rune reference over the
// ranker tests' articles and text with Latin, full-width and Greek
// letters, other scripts and invalid UTF-8.
func TestHasUpper(t *testing.T) {
	reference := func(text string) bool {
		for _, r := range text {
			if (r < 0x3000 || r >= 0xA000) && unicode.ToLower(r) != r {
				return true
			}
		}
		return false
	}
	texts := []string{"", "abc", "食品Abc", "依照ＧＢ执行", "Ⅱ类", "Σ", "é", "É", "\xe4\xb8A", "\xe4A\x80", "食\xff品", "한국어", "ｇｂ", "〇", "\u9fff\ua000A"}
	for _, a := range rankerCorpus(t) {
		texts = append(texts, a.Article.Text())
	}
	for _, s := range texts {
		if got, want := hasUpper(s), reference(s); got != want {
			t.Fatalf("hasUpper(%q) = %v; want %v", s, got, want)
		}
	}
}

// TestRuneSteps compares backRunes and forwardRunes, which skip Han
// characters by their bytes, with stepping by utf8's decoding, on statute
// text, Latin letters, other scripts and invalid UTF-8, from every offset.
func TestRuneSteps(t *testing.T) {
	back := func(s string, at, n int) int {
		for ; n > 0 && at > 0; n-- {
			_, size := utf8.DecodeLastRuneInString(s[:at])
			at -= size
		}
		return at
	}
	forward := func(s string, at, n int) int {
		for ; n > 0 && at < len(s); n-- {
			_, size := utf8.DecodeRuneInString(s[at:])
			at += size
		}
		return at
	}
	texts := []string{
		"",
		"第一百二十四条　违反本法规定，未取得食品生产经营许可从事食品生产经营活动（一）GB 2760。",
		"Ωμέγα, İstanbul, ＡＢＣ１２３, 한국어, 𠀀𠀁 emoji 😀, ㈠ ㊣ 〇",
		"\xe4\xb8", "\xe4\xb8\xad\xe4", "\xe3\x80\x80\x80\xe9\xbf\xbf\xe9\xbf", "\xed\xa0\x80\xe0\x80\x80\xf0\x90\x80",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = []byte{0xe3, 0xe4, 0xe9, 0xea, 0x80, 0xbf, 'a', 0xc3, 0xf0, 0x90}[rng.IntN(10)]
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		for at := 0; at <= len(s); at++ {
			for _, n := range []int{0, 1, 2, 5, snippetLead, snippetRunes} {
				if got, want := backRunes(s, at, n), back(s, at, n); got != want {
					t.Fatalf("backRunes(%q, %d, %d) = %d, want %d", s, at, n, got, want)
				}
				if got, want := forwardRunes(s, at, n), forward(s, at, n); got != want {
					t.Fatalf("forwardRunes(%q, %d, %d) = %d, want %d", s, at, n, got, want)
				}
			}
		}
	}
}

// BenchmarkSnippets measures the snippets of the ranker tests' articles
// for their phrases' mark terms, as a search's hits take them.
func BenchmarkSnippets(b *testing.B) {
	arts := rankerCorpus(b)
	phrases := rankerPhrases(b, 200)
	a := nlp.RuneSegmenter{}
	var texts, hays []string
	var marks [][]string
	for i, art := range arts {
		text := art.Article.Text()
		var words []string
		for _, tk := range a.Cut(phrases[i%len(phrases)]) {
			words = append(words, tk.Text)
		}
		rs := []rune(phrases[(i+7)%len(phrases)])
		for k := 0; k+2 <= len(rs) && k < 20; k += 2 {
			words = append(words, string(rs[k:k+2]))
		}
		texts, hays, marks = append(texts, text), append(hays, snippetHay(text)), append(marks, markTerms(words))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var sc snippetScratch
		for j := range texts {
			sc.snippetsIn(texts[j], hays[j], marks[j], maxSnippets)
		}
	}
}
