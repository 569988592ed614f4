package api

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/shareddata"
)

// The national statute database is imported once per test binary into a
// temporary data directory with the real segmenter and index, as an officer
// would with `cailiang import statutes national.jsonl`.
var (
	nationalOnce sync.Once
	nationalApp  *app.App
	nationalErr  error
	nationalDur  time.Duration
	nationalRep  corpus.ImportReport
	nationalDir  string
)

// nationalFile is the path of the national statutes; the test is skipped
// in -short mode, where nothing is imported.
func nationalFile(tb testing.TB) string {
	tb.Helper()
	path := shareddata.File(tb, "statutes_lawrefbook/national.jsonl")
	if testing.Short() {
		tb.Skip("national import skipped in -short mode")
	}
	return path
}

func nationalLibrary(tb testing.TB) *app.App {
	tb.Helper()
	path := nationalFile(tb)
	nationalOnce.Do(func() {
		nationalDir, nationalErr = os.MkdirTemp("", "cailiang-national-")
		if nationalErr != nil {
			return
		}
		ctx := context.Background()
		nationalApp, nationalErr = app.Open(ctx, app.Config{DataDir: nationalDir, NoSamples: true}, app.ForServe)
		if nationalErr != nil {
			return
		}
		start := time.Now()
		nationalRep, nationalErr = nationalApp.ImportStatutes(ctx, path)
		nationalDur = time.Since(start)
		if nationalErr == nil {
			// As the service does once loaded: norm search from memory.
			nationalErr = nationalApp.WarmSearch(ctx)
		}
	})
	if nationalErr != nil {
		tb.Fatalf("import national.jsonl: %v", nationalErr)
	}
	return nationalApp
}

// cleanups run after all tests and benchmarks, last registered first: the
// apps shared across them are closed and their directories removed.
var cleanups []func()

func TestMain(m *testing.M) {
	code := m.Run()
	for i := len(cleanups) - 1; i >= 0; i-- {
		cleanups[i]()
	}
	if nationalApp != nil {
		nationalApp.Close()
	}
	if nationalDir != "" {
		os.RemoveAll(nationalDir)
	}
	os.Exit(code)
}

func TestNationalArticleCounts(t *testing.T) {
	a := nationalLibrary(t)
	t.Logf("imported %d statutes, %d articles, indexed %d in %v", nationalRep.Statutes, nationalRep.Articles, nationalRep.Indexed, nationalDur)
	want := map[string]int{
		"行政处罚法": 86, "行政许可法": 83, "行政强制法": 71, "行政复议法": 90, "行政诉讼法": 103,
		"食品安全法": 154, "产品质量法": 74, "广告法": 74, "药品管理法": 155, "环境保护法": 70,
		"大气污染防治法": 129, "水污染防治法": 103, "固体废物污染环境防治法": 126, "道路交通安全法": 124,
		"治安管理处罚法": 119, "安全生产法": 119, "消防法": 74, "价格法": 48, "反不正当竞争法": 33,
		"消费者权益保护法": 63, "税收征收管理法": 94, "劳动合同法": 98, "城乡规划法": 70,
		"行政执法机关移送涉嫌犯罪案件的规定": 20, "城市市容和环境卫生管理条例": 45, "劳动保障监察条例": 36,
		"娱乐场所管理条例": 58, "公安机关办理行政案件程序规定": 266,
	}
	got := map[string]int{}
	for _, info := range a.Library.Store().StatuteInfos() {
		if info.InForce {
			got[info.Law] = info.ArticleCount
		}
	}
	for law, n := range want {
		if got[law] != n {
			t.Errorf("%s in force: %d articles; want %d", law, got[law], n)
		}
	}
	// Older versions are kept and not in force.
	var old []string
	for _, info := range a.Library.Store().StatuteInfos() {
		if info.Law == "行政复议法" && !info.InForce {
			old = append(old, info.VersionDate)
		}
	}
	if len(old) == 0 {
		t.Errorf("no superseded 行政复议法 version kept")
	}
}

var rawArticleStart = regexp.MustCompile(`^第([零一二三四五六七八九十百千]+)条(之[一二三四五六七八九十]+)? `)

type rawArticle struct {
	law, label, text string
}

// rawArticles scans national.jsonl independently of the parser: every
// article of every in-force document, with the text between its label and the
// next article or heading, non-blank lines trimmed and joined.
func rawArticles(t *testing.T) []rawArticle {
	t.Helper()
	f, err := os.Open(shareddata.File(t, "statutes_lawrefbook/national.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<20)
	zw := strings.NewReplacer("\u200b", "", "\u200c", "", "\u200d", "", "\u2060", "", "\ufeff", "")
	var out []rawArticle
	for {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 {
			var d struct {
				Law      string `json:"law"`
				Category string `json:"category"`
				IsLatest bool   `json:"is_latest"`
				Text     string `json:"text"`
			}
			if jerr := json.Unmarshal(line, &d); jerr != nil {
				t.Fatal(jerr)
			}
			if d.IsLatest && d.Category != "案例" {
				_, body, _ := strings.Cut(zw.Replace(d.Text), "<!-- INFO END -->")
				var cur *rawArticle
				seen := map[string]int{}
				var doc []rawArticle
				for _, l := range strings.Split(body, "\n") {
					if m := rawArticleStart.FindStringSubmatch(l); m != nil {
						doc = append(doc, rawArticle{law: d.Law, label: "第" + m[1] + "条" + m[2], text: strings.TrimSpace(l[len(m[0]):])})
						cur = &doc[len(doc)-1]
						seen[cur.label]++
						continue
					}
					if strings.HasPrefix(l, "#") {
						cur = nil
						continue
					}
					if cur != nil && strings.TrimSpace(l) != "" {
						cur.text += "\n" + strings.TrimSpace(l)
					}
				}
				for _, a := range doc {
					// A label used twice in one document (appendices with
					// their own numbering) cannot be cited unambiguously.
					if seen[a.label] == 1 {
						out = append(out, a)
					}
				}
			}
		}
		if err != nil {
			break
		}
	}
	return out
}

func TestNationalRandomCitationsResolveToSource(t *testing.T) {
	lib := nationalLibrary(t).Library
	all := rawArticles(t)
	if len(all) < 50000 {
		t.Fatalf("only %d raw articles found", len(all))
	}
	rng := rand.New(rand.NewSource(20261128))
	for i := 0; i < 200; i++ {
		a := all[rng.Intn(len(all))]
		res, err := lib.Resolver().Resolve(a.law+a.label, "")
		if err != nil {
			t.Errorf("resolve %s%s: %v", a.law, a.label, err)
			continue
		}
		if got := res.Article.Text(); got != a.text {
			t.Errorf("resolve %s%s: text differs\n got: %.200q\nwant: %.200q", a.law, a.label, got, a.text)
		}
	}
}

func TestNationalSearchAcceptance(t *testing.T) {
	a := nationalLibrary(t)
	yes := true
	tests := []struct {
		q    string
		want []string // law + label, each must be in the top 5
	}{
		{"无证经营食品", []string{"食品安全法第一百二十二条"}},
		{"醉酒驾驶机动车", []string{"道路交通安全法第九十一条", "刑法第一百三十三条之一"}},
	}
	for _, tt := range tests {
		res, err := a.Library.SearchNorms(context.Background(), corpus.NormQuery{Q: tt.q, InForce: &yes, Limit: 5}, corpus.ModeBM25)
		if err != nil {
			t.Fatal(err)
		}
		var top []string
		for _, h := range res.Hits {
			if !h.InForce {
				t.Errorf("%s: hit %s%s not in force", tt.q, h.Law, h.Label)
			}
			top = append(top, h.Law+h.Label)
		}
		for _, w := range tt.want {
			found := false
			for _, h := range top {
				found = found || h == w
			}
			if !found {
				t.Errorf("search %q top 5 = %v; want %s among them", tt.q, top, w)
			}
		}
	}
}

func TestNationalCitationFormsAndDates(t *testing.T) {
	a := nationalLibrary(t)
	r := a.Library.Resolver()
	tests := []struct {
		in, date, label, contains, version string
	}{
		{"食品安全法第一百二十四条第一款", "", "食品安全法第一百二十四条第一款", "货值金额不足一万元的，并处五万元以上十万元以下罚款", "2021-04-29"},
		{"《中华人民共和国行政处罚法》第32条", "", "行政处罚法第三十二条", "应当从轻或者减轻行政处罚", "2021-01-22"},
		{"刑法第一百三十三条之一", "", "刑法第一百三十三条之一", "醉酒驾驶机动车", ""},
		{"行政复议法第九条", "2020-01-01", "行政复议法第九条", "六十日内提出行政复议申请", "2017-09-01"},
	}
	for _, tt := range tests {
		got, err := r.Resolve(tt.in, tt.date)
		if err != nil {
			t.Errorf("%s: %v", tt.in, err)
			continue
		}
		if got.Label != tt.label || !strings.Contains(got.Text, tt.contains) || got.Statute.VersionDate != tt.version {
			t.Errorf("%s @%s = %s %q (version %s); want %s containing %q (version %s)", tt.in, tt.date, got.Label, got.Text, got.Statute.VersionDate, tt.label, tt.contains, tt.version)
		}
	}
}

// articlePhrases draws n distinct phrases of 20 characters from the
// middle of in-force national articles (seeded).
func articlePhrases(a *app.App, n int) []string {
	var texts []string
	for _, info := range a.Library.Store().StatuteInfos() {
		if !info.InForce || info.Region != "" {
			continue
		}
		_ = a.Library.Store().Articles(info.ID, func(a corpus.Article) error {
			if r := []rune(a.Text()); len(r) >= 40 {
				texts = append(texts, string(r[10:30]))
			}
			return nil
		})
	}
	rng := rand.New(rand.NewSource(1))
	out := make([]string, 0, n)
	seen := make(map[string]bool, n)
	// Distinct phrases, as long as the articles hold enough of them: a
	// phrase drawn twice would be answered from the result cache.
	for tries := 0; len(out) < n && tries < 20*n; tries++ {
		if q := texts[rng.Intn(len(texts))]; !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	return out
}

// BenchmarkNormSearch reports p50/p99 latency of 1,000 in-force norm searches
// whose queries are phrases drawn from article text.
func BenchmarkNormSearch(b *testing.B) {
	a := nationalLibrary(b)
	queries := articlePhrases(a, 1000)
	yes := true
	b.ResetTimer()
	var lat []time.Duration
	for i := 0; i < b.N; i++ {
		lat = lat[:0]
		for _, q := range queries {
			start := time.Now()
			if _, err := a.Library.SearchNorms(context.Background(), corpus.NormQuery{Q: q, InForce: &yes, Limit: 10}, corpus.ModeBM25); err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Since(start))
		}
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50_ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99_ms")
	b.ReportMetric(float64(nationalDur.Milliseconds())/1000, "import_s")
	b.ReportMetric(float64(nationalRep.Indexed), "articles_indexed")
	fmt.Fprintf(os.Stderr, "national import+index: %d articles in %v\n", nationalRep.Indexed, nationalDur)
}
