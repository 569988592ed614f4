package samples

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/shareddata"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
)

const (
	wantSource      = "示例（cailiang 编写，非真实案件）"
	titlePrefix     = "【示例】"
	minCases        = 60
	minSectors      = 8 // sectors with at least minPerSector cases
	minPerSector    = 6
	minFactsRunes   = 150
	maxFactsRunes   = 600
	firstDecisionOn = "2021-08-01"
	lastDecisionOn  = "2025-03-31"
)

var sampleID = regexp.MustCompile(`^sample-[a-z]+-[0-9]{3}$`)

// loadCases decodes every line of the embedded file strictly: unknown
// fields, trailing data and blank lines are errors.
func loadCases(t *testing.T) []corpus.Case {
	t.Helper()
	data := CasesJSONL()
	if len(data) == 0 || data[len(data)-1] != '\n' {
		t.Fatal("cases.jsonl must be non-empty and end with a newline")
	}
	var cases []corpus.Case
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Bytes()
		if len(bytes.TrimSpace(line)) == 0 {
			t.Fatalf("line %d: blank line", n)
		}
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		var c corpus.Case
		if err := dec.Decode(&c); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		if _, err := dec.Token(); !errors.Is(err, io.EOF) {
			t.Fatalf("line %d: trailing data after the JSON object", n)
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("line %d (%s): %v", n, c.ID, err)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

func TestCasesDecodeAndValidate(t *testing.T) {
	cases := loadCases(t)
	if len(cases) < minCases {
		t.Errorf("got %d cases, want at least %d", len(cases), minCases)
	}
	ids := map[string]bool{}
	perSector := map[legal.Sector]int{}
	for _, c := range cases {
		if ids[c.ID] {
			t.Errorf("duplicate id %s", c.ID)
		}
		ids[c.ID] = true
		perSector[c.Sector]++
		if !sampleID.MatchString(c.ID) {
			t.Errorf("%s: id does not match %s", c.ID, sampleID)
		}
		if !c.Illustrative {
			t.Errorf("%s: not marked illustrative", c.ID)
		}
		if !strings.HasPrefix(c.Title, titlePrefix) {
			t.Errorf("%s: title %q lacks the %s prefix", c.ID, c.Title, titlePrefix)
		}
		if c.Source != wantSource {
			t.Errorf("%s: source %q, want %q", c.ID, c.Source, wantSource)
		}
		if n := utf8.RuneCountInString(c.Facts); n < minFactsRunes || n > maxFactsRunes {
			t.Errorf("%s: facts have %d characters, want %d–%d", c.ID, n, minFactsRunes, maxFactsRunes)
		}
		if c.DecisionDate < firstDecisionOn || c.DecisionDate > lastDecisionOn {
			t.Errorf("%s: decision date %q outside %s–%s", c.ID, c.DecisionDate, firstDecisionOn, lastDecisionOn)
		}
		if n := len(c.Disputes); n < 1 || n > 3 {
			t.Errorf("%s: %d disputes, want 1–3", c.ID, n)
		}
		if len(c.Basis) == 0 {
			t.Errorf("%s: no basis", c.ID)
		}
		if (c.Disposition == legal.DispositionNone || c.Disposition == legal.DispositionTransfer) && c.Penalty.Fine != 0 {
			t.Errorf("%s: disposition %s with fine %v, want 0", c.ID, c.Disposition, c.Penalty.Fine)
		}
		if c.Disposition == legal.DispositionTransfer && !citesArticle(c, "刑法") {
			t.Errorf("%s: transferred case cites no 刑法 article", c.ID)
		}
	}
	full := 0
	for _, n := range perSector {
		if n >= minPerSector {
			full++
		}
	}
	if full < minSectors {
		t.Errorf("%d sectors have at least %d cases (%v), want at least %d", full, minPerSector, perSector, minSectors)
	}
}

func citesArticle(c corpus.Case, law string) bool {
	for _, b := range c.Basis {
		if b.Law == law {
			return true
		}
	}
	return false
}

// statuteDoc is the part of a national.jsonl line the citation check reads.
type statuteDoc struct {
	Law      string `json:"law"`
	IsLatest bool   `json:"is_latest"`
	Text     string `json:"text"`
}

var zeroWidth = strings.NewReplacer("\u200b", "", "\u200c", "", "\u200d", "", "\u2060", "", "\ufeff", "")

// loadLatest returns the texts of the is_latest documents of the given laws
// (a law may have more than one, e.g. 广告法 is stored twice).
func loadLatest(t *testing.T, laws map[string]bool) map[string][]string {
	t.Helper()
	f, err := os.Open(shareddata.File(t, "statutes_lawrefbook/national.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		var d statuteDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		if d.IsLatest && laws[d.Law] {
			out[d.Law] = append(out[d.Law], zeroWidth.Replace(d.Text))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

var (
	articleStart = regexp.MustCompile(`^第[零一二三四五六七八九十百千]+条(之[一二三四五六七八九十]+)? `)
	itemStart    = regexp.MustCompile(`^[（(][一二三四五六七八九十]+[）)]`)
)

// articleStructure finds the article with the given label in a statute
// text and returns, for each paragraph (款), the number of items (项) in it.
// Paragraphs are blank-line-separated blocks; blocks that start with （一）
// or (一) are items of the preceding paragraph. ok is false when the article
// is absent.
func articleStructure(text, label string) (items []int, ok bool) {
	lines := strings.Split(text, "\n")
	start := -1
	for i, l := range lines {
		if strings.HasPrefix(l, label+" ") {
			start = i
			break
		}
	}
	if start < 0 {
		return nil, false
	}
	items = []int{0}
	blank := false
	for _, l := range lines[start+1:] {
		l = strings.TrimSpace(l)
		if articleStart.MatchString(l) || strings.HasPrefix(l, "#") {
			break
		}
		switch {
		case l == "":
			blank = true
		case itemStart.MatchString(l):
			items[len(items)-1]++
			blank = false
		case blank:
			items = append(items, 0)
			blank = false
		}
	}
	return items, true
}

func TestCitationsExistInStatutes(t *testing.T) {
	cases := loadCases(t)
	laws := map[string]bool{}
	for _, c := range cases {
		for _, b := range c.Basis {
			laws[b.Law] = true
		}
	}
	texts := loadLatest(t, laws)
	for _, c := range cases {
		for _, b := range c.Basis {
			label := nlp.ArticleLabel(b.Article, b.Suffix)
			docs, found := texts[b.Law]
			if !found {
				t.Errorf("%s: no is_latest document for law %q", c.ID, b.Law)
				continue
			}
			var items []int
			ok := false
			for _, text := range docs {
				if items, ok = articleStructure(text, label); ok {
					break
				}
			}
			if !ok {
				t.Errorf("%s: %s %s not found in the in-force text", c.ID, b.Law, label)
				continue
			}
			if b.Item > 0 && b.Paragraph == 0 {
				t.Errorf("%s: %s %s cites item %d without a paragraph", c.ID, b.Law, label, b.Item)
				continue
			}
			if b.Paragraph > len(items) {
				t.Errorf("%s: %s %s has %d paragraphs, case cites 第%d款", c.ID, b.Law, label, len(items), b.Paragraph)
				continue
			}
			if b.Item > 0 && b.Item > items[b.Paragraph-1] {
				t.Errorf("%s: %s %s 第%d款 has %d items, case cites 第%d项", c.ID, b.Law, label, b.Paragraph, items[b.Paragraph-1], b.Item)
			}
		}
	}
}

func TestArticleStructure(t *testing.T) {
	text := strings.Join([]string{
		"## 第一章",
		"",
		"第一条 总则。",
		"",
		"第二条 有下列行为之一的，处罚款：",
		"",
		"（一）甲；",
		"",
		"（二）乙。",
		"",
		"有前款行为的，从重。",
		"",
		"第二条之一 附加条款。",
		"",
		"第三条 另一条：",
		"(一)丙；",
		"(二)丁；",
		"(三)戊。",
		"",
		"## 第二章",
		"",
		"第四条 末条。",
	}, "\n")
	tests := []struct {
		label string
		want  []int
		ok    bool
	}{
		{"第一条", []int{0}, true},
		{"第二条", []int{2, 0}, true},
		{"第二条之一", []int{0}, true},
		{"第三条", []int{3}, true},
		{"第四条", []int{0}, true},
		{"第五条", nil, false},
	}
	for _, tt := range tests {
		got, ok := articleStructure(text, tt.label)
		if ok != tt.ok || !equalInts(got, tt.want) {
			t.Errorf("articleStructure(%s) = %v, %v; want %v, %v", tt.label, got, ok, tt.want, tt.ok)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
