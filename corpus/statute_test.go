package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/iotest"

	"github.com/cailiang/cailiang/corpus/shareddata"
)

// --- helpers ---------------------------------------------------------------

var lawrefCache struct {
	sync.Mutex
	m map[string][]Statute
}

// loadLawref parses one lawrefbook JSONL file from the shared data folder
// once per test binary.
func loadLawref(tb testing.TB, name string) []Statute {
	tb.Helper()
	p := shareddata.File(tb, filepath.Join("statutes_lawrefbook", name))
	lawrefCache.Lock()
	defer lawrefCache.Unlock()
	if sts, ok := lawrefCache.m[name]; ok {
		return sts
	}
	f, err := os.Open(p)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var sts []Statute
	if err := ReadLawrefJSONL(f, func(s Statute) error {
		sts = append(sts, s)
		return nil
	}); err != nil {
		tb.Fatalf("ReadLawrefJSONL(%s): %v", name, err)
	}
	if lawrefCache.m == nil {
		lawrefCache.m = map[string][]Statute{}
	}
	lawrefCache.m[name] = sts
	return sts
}

// lawrefRawRecords decodes a JSONL file independently of the code under test.
func lawrefRawRecords(tb testing.TB, name string) []map[string]any {
	tb.Helper()
	p := shareddata.File(tb, filepath.Join("statutes_lawrefbook", name))
	data, err := os.ReadFile(p)
	if err != nil {
		tb.Fatal(err)
	}
	var out []map[string]any
	for _, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal(line, &m); err != nil {
			tb.Fatal(err)
		}
		out = append(out, m)
	}
	return out
}

// statuteArticle finds an article by its printed label.
func statuteArticle(st Statute, label string) (Article, bool) {
	for _, a := range st.Articles {
		if a.Label() == label {
			return a, true
		}
	}
	return Article{}, false
}

// inForceVersions returns the in-force versions of a law.
func inForceVersions(sts []Statute, law string) []Statute {
	var out []Statute
	for _, s := range sts {
		if s.Law == law && s.InForce {
			out = append(out, s)
		}
	}
	return out
}

// paragraphShape is the number of items of each paragraph: its length is the number
// of 款.
func paragraphShape(a Article) []int {
	out := make([]int, len(a.Paragraphs))
	for i, p := range a.Paragraphs {
		out[i] = len(p.Items)
	}
	return out
}

func parseStatuteFixture(t *testing.T, name string) Statute {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "statutes", name))
	if err != nil {
		t.Fatal(err)
	}
	st, err := ParseStatuteMarkdown(StatuteMeta{ID: "fixture", Law: strings.TrimSuffix(name, ".md")}, string(data))
	if err != nil {
		t.Fatalf("ParseStatuteMarkdown(%s): %v", name, err)
	}
	return st
}

// parseTestBody parses a document made of a title, the marker and body.
func parseTestBody(t *testing.T, body string) Statute {
	t.Helper()
	st, err := ParseStatuteMarkdown(StatuteMeta{Law: "测试法"}, "# 测试法\n\n<!-- INFO END -->\n\n"+body)
	if err != nil {
		t.Fatalf("ParseStatuteMarkdown: %v", err)
	}
	return st
}

// --- real data -------------------------------------------------------------

func TestStatuteLawrefAllDocumentsParse(t *testing.T) {
	tests := []struct {
		file      string
		want      int
		emptyBody int
		regions   map[string]int
	}{
		{"national.jsonl", 1564, 0, map[string]int{"": 1564}},
		// Four local files have nothing after the INFO END marker.
		{"local.jsonl", 1911, 4, map[string]int{"山东": 472, "河南": 418, "浙江": 410, "上海": 233, "北京": 187, "重庆": 103, "广东": 88}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			sts := loadLawref(t, tt.file)
			recs := lawrefRawRecords(t, tt.file)
			if got := len(sts); got != tt.want || len(recs) != tt.want {
				t.Fatalf("documents = %d (records %d), want %d", got, len(recs), tt.want)
			}
			regions := map[string]int{}
			ids := map[string]bool{}
			emptyBody := 0
			for i, s := range sts {
				_, body, _ := strings.Cut(recs[i]["text"].(string), "<!-- INFO END -->")
				if strings.TrimSpace(body) == "" {
					emptyBody++
					if len(s.Articles) != 0 {
						t.Errorf("%s: empty body gave %d articles", s.Source, len(s.Articles))
					}
				} else if len(s.Articles) == 0 {
					t.Errorf("%s: no articles", s.Source)
				}
				regions[s.Region]++
				if s.ID == "" || s.Law == "" || s.Title == "" || s.Category == "" || s.Source == "" {
					t.Errorf("%s: empty metadata: id=%q law=%q title=%q category=%q source=%q", s.Source, s.ID, s.Law, s.Title, s.Category, s.Source)
				}
				if ids[s.ID] {
					t.Errorf("%s: duplicate id %s", s.Source, s.ID)
				}
				ids[s.ID] = true
				// Article starts in the corpus are strictly increasing; a
				// misread start (a cross-reference taken for an article)
				// would break the order.
				for i := 1; i < len(s.Articles); i++ {
					if a, b := s.Articles[i-1], s.Articles[i]; !a.Key().Less(b.Key()) {
						t.Errorf("%s: %s follows %s", s.Source, b.Label(), a.Label())
						break
					}
				}
			}
			if !reflect.DeepEqual(regions, tt.regions) {
				t.Errorf("regions = %v, want %v", regions, tt.regions)
			}
			if emptyBody != tt.emptyBody {
				t.Errorf("documents with an empty body = %d, want %d", emptyBody, tt.emptyBody)
			}
		})
	}
}

func TestStatuteLawrefHistoryAndFields(t *testing.T) {
	for _, file := range []string{"national.jsonl", "local.jsonl"} {
		t.Run(file, func(t *testing.T) {
			sts := loadLawref(t, file)
			recs := lawrefRawRecords(t, file)
			if len(recs) != len(sts) {
				t.Fatalf("records = %d, statutes = %d", len(recs), len(sts))
			}
			for i, rec := range recs {
				s := sts[i]
				var info []string
				for _, v := range rec["info"].([]any) {
					info = append(info, v.(string))
				}
				if !slices.Equal(s.History, info) {
					t.Errorf("%s: History = %q, want info %q", s.Source, s.History, info)
				}
				date, _ := rec["version_date"].(string)
				if s.ID != rec["id"] || s.Law != rec["law"] || s.Title != rec["title"] || s.Category != rec["category"] ||
					s.Source != rec["path"] || s.VersionDate != date || s.InForce != rec["is_latest"] {
					t.Errorf("line %d: got %+v, want fields of %v", i+1, Statute{ID: s.ID, Law: s.Law, Title: s.Title, Category: s.Category, Source: s.Source, VersionDate: s.VersionDate, InForce: s.InForce}, rec["id"])
				}
			}
		})
	}
}

// TestStatuteCoreArticleCounts checks the article counts of the core
// enforcement statutes (data README, section 1) for every in-force copy.
func TestStatuteCoreArticleCounts(t *testing.T) {
	sts := loadLawref(t, "national.jsonl")
	tests := []struct {
		law    string
		copies int
		want   int
	}{
		{"行政处罚法", 1, 86},
		{"行政许可法", 1, 83},
		{"行政强制法", 1, 71},
		{"行政复议法", 1, 90},
		{"行政诉讼法", 1, 103},
		{"食品安全法", 1, 154},
		{"产品质量法", 1, 74},
		{"广告法", 2, 74}, // in 经济法 and 行政法
		{"药品管理法", 1, 155},
		{"环境保护法", 1, 70},
		{"大气污染防治法", 1, 129},
		{"水污染防治法", 1, 103},
		{"固体废物污染环境防治法", 1, 126},
		{"道路交通安全法", 1, 124},
		{"治安管理处罚法", 1, 119},
		{"安全生产法", 1, 119},
		{"消防法", 1, 74},
		{"价格法", 1, 48},
		{"反不正当竞争法", 1, 33},
		{"消费者权益保护法", 1, 63},
		{"税收征收管理法", 1, 94},
		{"劳动合同法", 1, 98},
		{"城乡规划法", 1, 70},
		{"刑法", 1, 505}, // 第一条…第四百五十二条 plus 53 之X articles
		{"行政执法机关移送涉嫌犯罪案件的规定", 1, 20},
		{"城市市容和环境卫生管理条例", 1, 45},
		{"劳动保障监察条例", 1, 36},
		{"娱乐场所管理条例", 1, 58},
		{"公安机关办理行政案件程序规定", 1, 266},
	}
	for _, tt := range tests {
		t.Run(tt.law, func(t *testing.T) {
			got := inForceVersions(sts, tt.law)
			if len(got) != tt.copies {
				t.Fatalf("in-force copies = %d, want %d", len(got), tt.copies)
			}
			for _, s := range got {
				if n := len(s.Articles); n != tt.want {
					t.Errorf("%s: articles = %d, want %d", s.Source, n, tt.want)
				}
				for _, a := range s.Articles {
					if a.Point {
						t.Errorf("%s: %s is a point, want an article", s.Source, a.Label())
					}
				}
			}
		})
	}
}

// TestStatuteCriminalLawSuffixes pins down what the 505 of 刑法 is: 452
// numbered articles (第一百九十九条 kept as （删去）) and 53 之X articles.
func TestStatuteCriminalLawSuffixes(t *testing.T) {
	sts := inForceVersions(loadLawref(t, "national.jsonl"), "刑法")
	if len(sts) != 1 {
		t.Fatalf("in-force 刑法 = %d, want 1", len(sts))
	}
	var plain, suffixed, maxNumber int
	for _, a := range sts[0].Articles {
		if a.Suffix > 0 {
			suffixed++
		} else {
			plain++
		}
		maxNumber = max(maxNumber, a.Number)
	}
	if got, want := [3]int{plain, suffixed, maxNumber}, [3]int{452, 53, 452}; got != want {
		t.Errorf("plain, 之X, highest number = %v, want %v", got, want)
	}
	a, ok := statuteArticle(sts[0], "第一百九十九条")
	if !ok || a.Text() != "（删去）" {
		t.Errorf("第一百九十九条 = %q (found %v), want （删去）", a.Text(), ok)
	}
	for _, label := range []string{"第一百三十三条之一", "第一百三十三条之二", "第二百八十七条之一"} {
		if _, ok := statuteArticle(sts[0], label); !ok {
			t.Errorf("%s missing", label)
		}
	}
}

func TestStatuteOlderVersionsKept(t *testing.T) {
	sts := loadLawref(t, "national.jsonl")
	tests := []struct {
		law, date string
		inForce   bool
		articles  int
	}{
		{"行政复议法", "2017-09-01", false, 43},
		{"行政复议法", "2023-09-01", true, 90},
	}
	for _, tt := range tests {
		t.Run(tt.law+tt.date, func(t *testing.T) {
			var found []Statute
			for _, s := range sts {
				if s.Law == tt.law && s.VersionDate == tt.date {
					found = append(found, s)
				}
			}
			if len(found) != 1 {
				t.Fatalf("versions = %d, want 1", len(found))
			}
			if got := found[0].InForce; got != tt.inForce {
				t.Errorf("InForce = %v, want %v", got, tt.inForce)
			}
			if got := len(found[0].Articles); got != tt.articles {
				t.Errorf("articles = %d, want %d", got, tt.articles)
			}
		})
	}
}

// TestStatuteRealParagraphs checks 款/项 grouping against the official
// numbering of articles whose structure is known.
func TestStatuteRealParagraphs(t *testing.T) {
	sts := loadLawref(t, "national.jsonl")
	tests := []struct {
		law, label string
		want       []int // items per 款
		firstItem  string
	}{
		{"行政处罚法", "第九条", []int{6}, "（一）警告、通报批评；"},
		{"行政处罚法", "第三十条", []int{0}, ""},
		{"行政处罚法", "第三十三条", []int{0, 0, 0}, ""},
		{"食品安全法", "第一百二十二条", []int{0, 0}, ""},
		{"食品安全法", "第一百二十四条", []int{9, 0, 0}, "（一）生产经营致病性微生物"},
		{"食品安全法", "第一百二十六条", []int{13, 0, 0, 0}, "（一）食品、食品添加剂生产者"},
		{"刑法", "第一百三十三条之一", []int{4, 0, 0}, "（一）追逐竞驶，情节恶劣的；"},
		{"道路交通安全法", "第九十一条", []int{0, 0, 0, 0, 0}, ""},
		// The composition list (总理，副总理若干人，…) is part of 第一款.
		{"宪法", "第八十六条", []int{0, 0, 0}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.law+tt.label, func(t *testing.T) {
			got := inForceVersions(sts, tt.law)
			if len(got) != 1 {
				t.Fatalf("in-force versions = %d, want 1", len(got))
			}
			a, ok := statuteArticle(got[0], tt.label)
			if !ok {
				t.Fatalf("%s not found", tt.label)
			}
			if s := paragraphShape(a); !slices.Equal(s, tt.want) {
				t.Errorf("items per paragraph = %v, want %v", s, tt.want)
			}
			if tt.firstItem != "" && len(a.Paragraphs) > 0 && len(a.Paragraphs[0].Items) > 0 {
				if it := a.Paragraphs[0].Items[0]; !strings.HasPrefix(it, tt.firstItem) {
					t.Errorf("first item = %q, want prefix %q", it, tt.firstItem)
				}
			}
			// Items are lines of their paragraph, never extra text.
			for i, p := range a.Paragraphs {
				for _, it := range p.Items {
					if !strings.Contains(p.Text, it) {
						t.Errorf("paragraph %d does not contain its item %q", i+1, it)
					}
				}
			}
		})
	}
}

var (
	statuteRawArticleStart = regexp.MustCompile(`(?m)^(第[零〇一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?) `)
	statuteRawHeading      = regexp.MustCompile(`(?m)^#`)
	statuteRawZeroWidth    = regexp.MustCompile("[\u200b-\u200d\u2060\ufeff]")
)

// normalizeRawStatute is the whitespace normalisation both sides of the comparison
// get: zero-width characters removed, lines trimmed, blank lines dropped.
func normalizeRawStatute(s string) string {
	s = statuteRawZeroWidth.ReplaceAllString(s, "")
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestStatuteRawArticleText re-extracts 200 random articles from
// national.jsonl with a plain regexp scan and compares them with the parser.
func TestStatuteRawArticleText(t *testing.T) {
	sts := loadLawref(t, "national.jsonl")
	recs := lawrefRawRecords(t, "national.jsonl")
	type start struct {
		doc, k     int
		label, raw string
	}
	var starts []start
	for i, rec := range recs {
		text := rec["text"].(string)
		_, body, ok := strings.Cut(text, "<!-- INFO END -->")
		if !ok {
			t.Fatalf("%v: no INFO END marker", rec["path"])
		}
		ms := statuteRawArticleStart.FindAllStringSubmatchIndex(body, -1)
		for k, m := range ms {
			end := len(body)
			if k+1 < len(ms) {
				end = ms[k+1][0]
			}
			if h := statuteRawHeading.FindStringIndex(body[m[1]:end]); h != nil {
				end = m[1] + h[0]
			}
			starts = append(starts, start{doc: i, k: k, label: body[m[2]:m[3]], raw: body[m[1]:end]})
		}
	}
	if got, want := len(starts), 64670; got != want {
		t.Fatalf("article starts in national.jsonl = %d, want %d", got, want)
	}
	rng := rand.New(rand.NewPCG(20250419, 1))
	for n := 0; n < 200; n++ {
		s := starts[rng.IntN(len(starts))]
		st := sts[s.doc]
		if s.k >= len(st.Articles) {
			t.Errorf("%s: article index %d, only %d parsed", st.Source, s.k, len(st.Articles))
			continue
		}
		a := st.Articles[s.k]
		if got := a.Label(); got != s.label {
			t.Errorf("%s #%d: label = %s, want %s", st.Source, s.k, got, s.label)
		}
		if got, want := a.Text(), normalizeRawStatute(s.raw); got != want {
			t.Errorf("%s %s: text =\n%q\nwant\n%q", st.Source, s.label, got, want)
		}
	}
}

func TestStatutePointsDocument(t *testing.T) {
	sts := loadLawref(t, "national.jsonl")
	var doc *Statute
	for i := range sts {
		if sts[i].Law == "人民检察院办理行政执法机关移送涉嫌犯罪案件的规定" {
			doc = &sts[i]
		}
	}
	if doc == nil {
		t.Fatal("人民检察院办理行政执法机关移送涉嫌犯罪案件的规定 not found")
	}
	if got := len(doc.Articles); got != 15 {
		t.Fatalf("points = %d, want 15", got)
	}
	for i, a := range doc.Articles {
		if !a.Point || a.Number != i+1 || a.Suffix != 0 {
			t.Errorf("point %d = {Number:%d Suffix:%d Point:%v}, want {Number:%d Point:true}", i, a.Number, a.Suffix, a.Point, i+1)
		}
		if strings.HasPrefix(a.Text(), a.Label()) {
			t.Errorf("point %d text keeps its label: %.30q", i+1, a.Text())
		}
	}
	if got, want := doc.Articles[0].Label(), "一、"; got != want {
		t.Errorf("first label = %q, want %q", got, want)
	}
}

func TestStatuteWholeBodyDocument(t *testing.T) {
	sts := loadLawref(t, "national.jsonl")
	got := inForceVersions(sts, "人体损伤程度鉴定标准")
	if len(got) != 1 {
		t.Fatalf("versions = %d, want 1", len(got))
	}
	arts := got[0].Articles
	if len(arts) != 1 || !arts[0].Point || arts[0].Number != 1 {
		t.Fatalf("articles = %d (first %+v), want one point numbered 1", len(arts), arts)
	}
	text := arts[0].Text()
	for _, want := range []string{"范围", "本标准规定了人体损伤程度鉴定的原则", "轻微伤"} {
		if !strings.Contains(text, want) {
			t.Errorf("whole-body text lacks %q", want)
		}
	}
}

// --- synthetic fixtures ----------------------------------------------------

func TestStatuteFixtureChapters(t *testing.T) {
	st := parseStatuteFixture(t, "chapters.md")
	if got, want := st.Title, "中华人民共和国示例法"; got != want {
		t.Errorf("Title = %q, want %q", got, want)
	}
	if got, want := st.History, []string{"2020年1月1日 第一届示例会议通过", "2023年5月1日 第二届示例会议修正"}; !slices.Equal(got, want) {
		t.Errorf("History = %q, want %q", got, want)
	}
	bian1, zhang1 := "第一编 总则", "第一章 一般规定"
	tests := []struct {
		label   string
		chapter []string
		shape   []int
		text    string
	}{
		{"第一条", []string{bian1, zhang1}, []int{0}, "为了测试条文切分，制定本法。"},
		{"第二条", []string{bian1, zhang1}, []int{0}, "本法适用于测试。\n第二条在同一段落中换行继续。"},
		{"第三条", []string{bian1, zhang1, "第一节 罚则"}, []int{2, 0}, "有下列情形之一的，处一千元以上一万元以下罚款：\n（一）甲行为；\n（二）乙行为。\n有前款第一项行为，情节严重的，处一万元以上五万元以下罚款。"},
		{"第三条之一", []string{bian1, zhang1, "第一节 罚则"}, []int{0}, "本条是第三条之一。"},
		{"第三条之二", []string{bian1, zhang1, "第一节 罚则"}, []int{0}, "本条是第三条之二。"},
		{"第四条", []string{bian1, zhang1, "第二节 其他"}, []int{0}, "第二节的条文。"},
		{"第五条", []string{bian1, "第二章 附则"}, []int{0}, "第二章的条文。"},
		{"第六条", []string{"第二编 分则"}, []int{0}, "第二编的条文，章和节都已清空。"},
		{"第七条", []string{"第二编 分则"}, []int{0}, "本法自公布之日起施行。"},
	}
	if got := len(st.Articles); got != len(tests) {
		t.Fatalf("articles = %d, want %d", got, len(tests))
	}
	for i, tt := range tests {
		a := st.Articles[i]
		if got := a.Label(); got != tt.label {
			t.Errorf("article %d label = %s, want %s", i, got, tt.label)
			continue
		}
		if !slices.Equal(a.Chapter, tt.chapter) {
			t.Errorf("%s chapter = %q, want %q", tt.label, a.Chapter, tt.chapter)
		}
		if got := paragraphShape(a); !slices.Equal(got, tt.shape) {
			t.Errorf("%s items per paragraph = %v, want %v", tt.label, got, tt.shape)
		}
		if got := a.Text(); got != tt.text {
			t.Errorf("%s text = %q, want %q", tt.label, got, tt.text)
		}
	}
	if a := st.Articles[3]; a.Number != 3 || a.Suffix != 1 {
		t.Errorf("第三条之一 = {%d %d}, want {3 1}", a.Number, a.Suffix)
	}
	// Appending to one article's chapter must not change its neighbour's.
	a, b := st.Articles[0], st.Articles[1]
	_ = append(a.Chapter, "x")
	if got := b.Chapter; len(got) != 2 {
		t.Errorf("neighbour chapter changed to %q", got)
	}
}

// TestStatuteFixtureEncodings checks that zero-width characters, a BOM and
// CRLF line ends give the same statute as the clean LF file.
func TestStatuteFixtureEncodings(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "statutes", "chapters.md"))
	if err != nil {
		t.Fatal(err)
	}
	clean := string(data)
	want, err := ParseStatuteMarkdown(StatuteMeta{Law: "示例法"}, clean)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		text string
	}{
		{"crlf", strings.ReplaceAll(clean, "\n", "\r\n")},
		{"bom", "\ufeff" + clean},
		{"zero-width line between headings", strings.Replace(clean, "## 第一编 总则\n", "## 第一编 总则\n\u200b\n", 1)},
		{"zero-width inside label", strings.Replace(clean, "第三条之一 ", "第三\u200b条之\u2060一 ", 1)},
		{"zero-width at line start", strings.ReplaceAll(clean, "\n第", "\n\u200b第")},
		{"zero-width in text", strings.ReplaceAll(clean, "。", "\u200c。\u200d")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseStatuteMarkdown(StatuteMeta{Law: "示例法"}, tt.text)
			if err != nil {
				t.Fatalf("ParseStatuteMarkdown: %v", err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestStatuteFixtureDocuments(t *testing.T) {
	tests := []struct {
		file     string
		title    string
		history  int
		labels   []string
		shapes   [][]int
		chapters [][]string
	}{
		// Without the marker, the history line is body text before the
		// first article: kept out of both History and the articles.
		{"nomarker.md", "示例无标记条例", 0, []string{"第一条", "第二条"}, [][]int{{0}, {0}}, [][]string{nil, nil}},
		{"empty.md", "空正文示例", 1, nil, nil, nil},
		// 四、 out of sequence is text; after the heading it is the next point.
		{"points.md", "关于示例问题的通知", 1, []string{"一、", "二、", "三、", "四、"}, [][]int{{0}, {2, 0}, {0}, {0}}, [][]string{nil, nil, nil, {"附件"}}},
		// Headings become paragraphs of their own.
		{"whole.md", "示例鉴定标准", 0, []string{"一、"}, [][]int{{0, 0, 0, 0, 0, 0}}, [][]string{nil}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			st := parseStatuteFixture(t, tt.file)
			if st.Title != tt.title || len(st.History) != tt.history {
				t.Errorf("Title, history lines = %q, %d, want %q, %d", st.Title, len(st.History), tt.title, tt.history)
			}
			var labels []string
			var shapes [][]int
			var chapters [][]string
			for _, a := range st.Articles {
				labels = append(labels, a.Label())
				shapes = append(shapes, paragraphShape(a))
				chapters = append(chapters, a.Chapter)
			}
			if !slices.Equal(labels, tt.labels) || !reflect.DeepEqual(shapes, tt.shapes) || !reflect.DeepEqual(chapters, tt.chapters) {
				t.Errorf("labels, shapes, chapters = %q %v %q, want %q %v %q", labels, shapes, chapters, tt.labels, tt.shapes, tt.chapters)
			}
		})
	}
	st := parseStatuteFixture(t, "whole.md")
	if got, want := st.Articles[0].Text(), "范围\n本标准规定了示例鉴定的原则。\n本标准适用于测试。\n术语\n重伤\n使人肢体残废的损伤。"; got != want {
		t.Errorf("whole-body text = %q, want %q", got, want)
	}
	pts := parseStatuteFixture(t, "points.md")
	if got, want := pts.Articles[1].Text(), "第二点有下列情形：\n（一）甲；\n（二）乙。\n四、这一行不是第四点而是正文，因为前面缺了三。"; got != want {
		t.Errorf("point 二 text = %q, want %q", got, want)
	}
}

// TestStatuteParagraphRule covers each branch of the 款/项 grouping rule.
func TestStatuteParagraphRule(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []Paragraph
	}{
		{"items after colon join the intro",
			"第一条 有下列行为之一的，处罚款：\n\n（一）甲；\n\n（二）乙。\n\n有前款行为的，从重处罚。",
			[]Paragraph{{Text: "有下列行为之一的，处罚款：\n（一）甲；\n（二）乙。", Items: []string{"（一）甲；", "（二）乙。"}}, {Text: "有前款行为的，从重处罚。"}}},
		{"ASCII parens and items on single lines",
			"第一条 应当提交下列文件:\n(一)申请书;\n(二)证明。",
			[]Paragraph{{Text: "应当提交下列文件:\n(一)申请书;\n(二)证明。", Items: []string{"(一)申请书;", "(二)证明。"}}}},
		{"sub-items belong to their item",
			"第一条 有下列情形之一的：\n\n（一）甲，包括：\n\n1.子一；\n\n2.子二；\n\n（二）乙。",
			[]Paragraph{{Text: "有下列情形之一的：\n（一）甲，包括：\n1.子一；\n2.子二；\n（二）乙。", Items: []string{"（一）甲，包括：\n1.子一；\n2.子二；", "（二）乙。"}}}},
		{"digit items without Chinese items",
			"第一条 人民法院受理下列案件：\n\n1.甲案件；\n\n2、乙案件；\n\n（3）丙案件。",
			[]Paragraph{{Text: "人民法院受理下列案件：\n1.甲案件；\n2、乙案件；\n（3）丙案件。", Items: []string{"1.甲案件；", "2、乙案件；", "（3）丙案件。"}}}},
		{"decimal is not an item",
			"第一条 有下列情形之一的：\n\n（一）甲；\n\n1.5倍以下的部分免除。",
			[]Paragraph{{Text: "有下列情形之一的：\n（一）甲；", Items: []string{"（一）甲；"}}, {Text: "1.5倍以下的部分免除。"}}},
		{"一、 items after colon",
			"第一条 承运人应当承担下列义务：\n\n一、按时发车；\n\n二、保证安全。\n\n违反前款规定的，承担责任。",
			[]Paragraph{{Text: "承运人应当承担下列义务：\n一、按时发车；\n二、保证安全。", Items: []string{"一、按时发车；", "二、保证安全。"}}, {Text: "违反前款规定的，承担责任。"}}},
		{"一、 without colon is a paragraph",
			"第一条 本条第一款。\n\n一、不是项。",
			[]Paragraph{{Text: "本条第一款。"}, {Text: "一、不是项。"}}},
		{"line broken inside a sentence",
			"第一条 任何单位和个人都有权对损害城市绿化设施的\n\n行为进行劝阻。\n\n第二款。",
			[]Paragraph{{Text: "任何单位和个人都有权对损害城市绿化设施的\n行为进行劝阻。"}, {Text: "第二款。"}}},
		{"broken item continues the item",
			"第一条 下列绿地：\n\n（一）政府投资的绿地，由城\n\n市绿化部门负责；\n\n（二）其他。",
			[]Paragraph{{Text: "下列绿地：\n（一）政府投资的绿地，由城\n市绿化部门负责；\n（二）其他。", Items: []string{"（一）政府投资的绿地，由城\n市绿化部门负责；", "（二）其他。"}}}},
		{"comma list stays in the paragraph",
			"第一条 国务院由下列人员组成：\n\n总理，\n\n秘书长。\n\n国务院实行总理负责制。",
			[]Paragraph{{Text: "国务院由下列人员组成：\n总理，\n秘书长。"}, {Text: "国务院实行总理负责制。"}}},
		{"formula after colon",
			"第一条 计算公式：\n\n应纳税额＝销售额×税率\n\n第二款。",
			[]Paragraph{{Text: "计算公式：\n应纳税额＝销售额×税率"}, {Text: "第二款。"}}},
		{"unnumbered list after colon runs to the full stop",
			"第一条 可以采取以下方式：\n\n讯问；\n\n询问证人；\n\n调取材料。\n\n前款规定的方式，应当记录。",
			[]Paragraph{{Text: "可以采取以下方式：\n讯问；\n询问证人；\n调取材料。"}, {Text: "前款规定的方式，应当记录。"}}},
		{"definitions keep one paragraph per sentence",
			"第一条 本法下列用语的含义：\n\n食品，指供人食用的物品。\n\n食品安全，指食品无毒、无害。",
			[]Paragraph{{Text: "本法下列用语的含义："}, {Text: "食品，指供人食用的物品。"}, {Text: "食品安全，指食品无毒、无害。"}}},
		{"semicolon after items starts a paragraph",
			"第一条 有下列情形的：\n\n（一）甲；\n\n（二）乙；\n\n前款第一项情形，从轻处罚。",
			[]Paragraph{{Text: "有下列情形的：\n（一）甲；\n（二）乙；", Items: []string{"（一）甲；", "（二）乙；"}}, {Text: "前款第一项情形，从轻处罚。"}}},
		{"deleted article",
			"第一条 （删去）\n\n第二条 有效。",
			[]Paragraph{{Text: "（删去）"}}},
		{"label alone on its line",
			"第一条 \n\n正文在下一行。",
			[]Paragraph{{Text: "正文在下一行。"}}},
		{"cross-reference at line start is text",
			"第一条 本条。\n第二条规定的情形除外。\n\n第零条 不是条文。",
			[]Paragraph{{Text: "本条。\n第二条规定的情形除外。"}, {Text: "第零条 不是条文。"}}},
		{"ideographic space after label",
			"第一条\u3000全角空格分隔。",
			[]Paragraph{{Text: "全角空格分隔。"}}},
		{"trailing spaces and indentation trimmed",
			"第一条 正文。  \n\n\u3000\u3000第二款。\t",
			[]Paragraph{{Text: "正文。"}, {Text: "第二款。"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := parseTestBody(t, tt.body)
			if len(st.Articles) == 0 {
				t.Fatal("no articles")
			}
			if got := st.Articles[0].Paragraphs; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("paragraphs =\n%#v\nwant\n%#v", got, tt.want)
			}
		})
	}
}

func TestStatuteParseErrors(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		wantErr bool
		want    int // articles
	}{
		{"invalid UTF-8", "# 法\n\n第一条 \xff\xfe", true, 0},
		{"NUL byte", "# 法\n\n第一条 a\x00b", true, 0},
		{"empty", "", false, 0},
		{"only whitespace", " \n\n\t\n", false, 0},
		{"only title", "# 标题", false, 0},
		{"no title", "第一条 没有标题。", false, 1},
		{"heading marks only", "##\n\n###\n\n第一条 正文。", false, 1},
		{"large article number", "第九千九百九十九条 正文。", false, 1},
		{"万 is not an article numeral", "第一万条 正文。", false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := ParseStatuteMarkdown(StatuteMeta{Law: "法", Source: "x.md"}, tt.text)
			if gotErr := err != nil; gotErr != tt.wantErr {
				t.Fatalf("error = %v, want error %v", err, tt.wantErr)
			}
			if err != nil {
				if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "x.md") {
					t.Errorf("error %q does not wrap ErrInvalid or name the source", err)
				}
				return
			}
			if got := len(st.Articles); got != tt.want {
				t.Errorf("articles = %d, want %d", got, tt.want)
			}
			if st.Title == "" {
				t.Error("Title empty, want a fallback")
			}
		})
	}
}

// FuzzStatuteMarkdown checks that no text makes the parser panic and that
// its output keeps its invariants: every item is a line run of its paragraph
// and no paragraph is empty.
func FuzzStatuteMarkdown(f *testing.F) {
	for _, name := range []string{"chapters.md", "nomarker.md", "empty.md", "points.md", "whole.md"} {
		data, err := os.ReadFile(filepath.Join("testdata", "statutes", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	f.Add("第一条 \n（一）\n1.\n一、\n##\n第一条之一 ")
	f.Fuzz(func(t *testing.T, text string) {
		st, err := ParseStatuteMarkdown(StatuteMeta{Law: "法"}, text)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
			return
		}
		for _, a := range st.Articles {
			for _, p := range a.Paragraphs {
				if p.Text == "" {
					t.Fatalf("%s: empty paragraph", a.Label())
				}
				for _, it := range p.Items {
					if it == "" || !strings.Contains(p.Text, it) {
						t.Fatalf("%s: item %q not in paragraph %q", a.Label(), it, p.Text)
					}
				}
			}
		}
	})
}

// --- ReadLawrefJSONL -------------------------------------------------------

func TestStatuteReadLawrefFixture(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "statutes", "lawref.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []Statute
	if err := ReadLawrefJSONL(f, func(s Statute) error { got = append(got, s); return nil }); err != nil {
		t.Fatalf("ReadLawrefJSONL: %v", err)
	}
	type row struct {
		ID, Law, Title, Category, Region, VersionDate, Source string
		InForce                                               bool
		History, Articles                                     int
	}
	want := []row{
		{"lrb-000000000001", "示例法", "中华人民共和国示例法", "行政法", "", "2023-05-01", "行政法/示例法(2023-05-01).md", true, 2, 2},
		{"lrb-000000000002", "示例法", "中华人民共和国示例法", "行政法", "", "2020-01-01", "行政法/示例法(2020-01-01).md", false, 1, 1},
		{"lrb-000000000003", "示例市容条例", "示例市市容条例", "DLC/山东地方法规", "山东", "", "DLC/山东地方法规/地方性法规/山东/示例市容条例.md", true, 0, 1},
	}
	var rows []row
	for _, s := range got {
		rows = append(rows, row{s.ID, s.Law, s.Title, s.Category, s.Region, s.VersionDate, s.Source, s.InForce, len(s.History), len(s.Articles)})
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("statutes =\n%+v\nwant\n%+v", rows, want)
	}
	if got := got[0].Articles[0].Chapter; !slices.Equal(got, []string{"第一章 总则"}) {
		t.Errorf("chapter = %q", got)
	}
}

func TestStatuteReadLawrefErrors(t *testing.T) {
	good := `{"id":"lrb-1","law":"示例法","title":"示例法","category":"行政法","path":"a.md","version_date":null,"is_latest":true,"text":"# 示例法\n\n<!-- INFO END -->\n\n第一条 正文。"}`
	errStop := errors.New("stop")
	tests := []struct {
		name     string
		input    string
		fn       func(Statute) error
		wantLine string
		wantIs   error
	}{
		{"bad JSON", good + "\n" + good + "\n{not json\n", nil, "line 3", ErrInvalid},
		{"truncated last line", good + "\n" + good[:40], nil, "line 2", ErrInvalid},
		{"missing law", `{"id":"x","text":"第一条 a"}`, nil, "line 1", ErrInvalid},
		{"bad version_date", strings.Replace(good, `"version_date":null`, `"version_date":"2021-13-01"`, 1), nil, "line 1", ErrInvalid},
		{"bad in_force_from", strings.Replace(good, `"is_latest":true`, `"is_latest":true,"in_force_from":"2021-02-30"`, 1), nil, "line 1", ErrInvalid},
		{"fn error", good + "\n\n" + good, func(s Statute) error { return errStop }, "line 1", errStop},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fn := tt.fn
			if fn == nil {
				fn = func(Statute) error { return nil }
			}
			err := ReadLawrefJSONL(strings.NewReader(tt.input), fn)
			if err == nil {
				t.Fatal("error = nil, want an error")
			}
			if !strings.Contains(err.Error(), tt.wantLine) || !errors.Is(err, tt.wantIs) {
				t.Errorf("error = %q, want it to name %q and wrap %v", err, tt.wantLine, tt.wantIs)
			}
		})
	}

	errRead := errors.New("disk gone")
	err := ReadLawrefJSONL(failingStatuteReader(good+"\n", errRead), func(Statute) error { return nil })
	if !errors.Is(err, errRead) || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("read error = %v, want %v at line 2", err, errRead)
	}
}

// failingStatuteReader yields s and then fails with err.
func failingStatuteReader(s string, err error) *bufio.Reader {
	return bufio.NewReader(&failAfterReader{r: strings.NewReader(s), err: err})
}

type failAfterReader struct {
	r   *strings.Reader
	err error
}

func (f *failAfterReader) Read(p []byte) (int, error) {
	if f.r.Len() == 0 {
		return iotest.ErrReader(f.err).Read(p)
	}
	return f.r.Read(p)
}

func TestStatuteReadLawrefLongLine(t *testing.T) {
	var body strings.Builder
	const n = 3000
	for i := 1; i <= n; i++ {
		body.WriteString(statuteLabelFor(i))
		body.WriteString(" 本条用于测试超长的行，内容重复以超过缓冲区。\n\n")
	}
	rec := map[string]any{"id": "lrb-long", "law": "长法", "title": "长法", "category": "行政法", "path": "long.md",
		"version_date": "2020-01-01", "is_latest": true, "text": "# 长法\n\n<!-- INFO END -->\n\n" + body.String()}
	line, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	if len(line) < 200_000 {
		t.Fatalf("line is only %d bytes, want over 200 kB", len(line))
	}
	var got []Statute
	if err := ReadLawrefJSONL(bytes.NewReader(line), func(s Statute) error { got = append(got, s); return nil }); err != nil {
		t.Fatalf("ReadLawrefJSONL: %v", err)
	}
	if len(got) != 1 || len(got[0].Articles) != n {
		t.Fatalf("statutes = %d, want 1 with %d articles", len(got), n)
	}
}

// statuteLabelFor formats 第N条 through Article.Label so the test does not
// reach into nlp.
func statuteLabelFor(n int) string { return Article{Number: n}.Label() }

// --- ReadStatuteDir --------------------------------------------------------

func TestStatuteReadDir(t *testing.T) {
	var got []Statute
	if err := ReadStatuteDir(filepath.Join("testdata", "statutes", "dir"), func(s Statute) error {
		got = append(got, s)
		return nil
	}); err != nil {
		t.Fatalf("ReadStatuteDir: %v", err)
	}
	type row struct {
		Source, Law, Category, Region, VersionDate, Title string
		InForce                                           bool
		Articles                                          int
	}
	want := []row{
		{"DLC/山东地方法规/示例市容条例(2019-01-01).md", "示例市容条例", "DLC/山东地方法规", "山东", "2019-01-01", "示例市市容条例", true, 1},
		{"其他/示例标准.md", "示例标准", "其他", "", "", "示例标准", true, 1},
		{"行政法/示例法(2020-01-01).md", "示例法", "行政法", "", "2020-01-01", "中华人民共和国示例法", false, 1},
		{"行政法/示例法(2023-05-01).md", "示例法", "行政法", "", "2023-05-01", "中华人民共和国示例法", true, 2},
		{"行政法/示例法.md", "示例法", "行政法", "", "", "中华人民共和国示例法", false, 1},
	}
	var rows []row
	for _, s := range got {
		rows = append(rows, row{s.Source, s.Law, s.Category, s.Region, s.VersionDate, s.Title, s.InForce, len(s.Articles)})
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("statutes =\n%+v\nwant\n%+v", rows, want)
	}
	// sha1 hex prefixes computed outside Go.
	ids := map[string]string{"行政法/示例法(2023-05-01).md": "md-18f717186081", "其他/示例标准.md": "md-cc94163b0c98"}
	for _, s := range got {
		if want, ok := ids[s.Source]; ok && s.ID != want {
			t.Errorf("%s: ID = %s, want %s", s.Source, s.ID, want)
		}
	}
}

func TestStatuteReadDirErrors(t *testing.T) {
	t.Run("missing dir", func(t *testing.T) {
		err := ReadStatuteDir(filepath.Join(t.TempDir(), "nope"), func(Statute) error { return nil })
		if err == nil || !errors.Is(err, os.ErrNotExist) {
			t.Errorf("error = %v, want one wrapping os.ErrNotExist", err)
		}
	})
	t.Run("invalid file", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "坏文件(2020-01-01).md"), []byte("# 坏\n\n第一条 \xff"), 0o644); err != nil {
			t.Fatal(err)
		}
		err := ReadStatuteDir(dir, func(Statute) error { return nil })
		if err == nil || !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "坏文件(2020-01-01).md") {
			t.Errorf("error = %v, want ErrInvalid naming the file", err)
		}
	})
	t.Run("fn error stops", func(t *testing.T) {
		stop := errors.New("stop")
		calls := 0
		err := ReadStatuteDir(filepath.Join("testdata", "statutes", "dir"), func(Statute) error { calls++; return stop })
		if !errors.Is(err, stop) || calls != 1 {
			t.Errorf("error = %v after %d calls, want stop after 1", err, calls)
		}
	})
}

func TestStatuteSplitFileName(t *testing.T) {
	tests := []struct{ in, law, date string }{
		{"食品安全法(2021-04-29)", "食品安全法", "2021-04-29"},
		{"刑法", "刑法", ""},
		{"刑法修正案（十一）", "刑法修正案（十一）", ""},
		{"某规定(试行)", "某规定(试行)", ""},
		{"某法(2021-02-30)", "某法(2021-02-30)", ""},
		{"某法(试行)(2020-01-01)", "某法(试行)", "2020-01-01"},
	}
	for _, tt := range tests {
		law, date := splitFileName(tt.in)
		if law != tt.law || date != tt.date {
			t.Errorf("splitFileName(%q) = %q, %q, want %q, %q", tt.in, law, date, tt.law, tt.date)
		}
	}
}

// --- performance -----------------------------------------------------------

// BenchmarkParseNational reads and parses all of national.jsonl from memory.
func BenchmarkParseNational(b *testing.B) {
	data, err := os.ReadFile(shareddata.File(b, "statutes_lawrefbook/national.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		articles := 0
		if err := ReadLawrefJSONL(bytes.NewReader(data), func(s Statute) error {
			articles += len(s.Articles)
			return nil
		}); err != nil {
			b.Fatal(err)
		}
		if articles == 0 {
			b.Fatal("no articles")
		}
	}
}
