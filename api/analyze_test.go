package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/valyala/fasthttp"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/samples"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/rules"
)

// scenarioFile holds our labelled administrative scenarios (eval's test
// data); their narratives are analysed here too.
const scenarioFile = "../eval/testdata/admin_scenarios.jsonl"

// analysisTexts are the facts analysed over the national statutes: every
// built-in sample case, every scenario of eval's set, and narratives that
// reach the transfer catalog.
func analysisTexts(t testing.TB) []string {
	t.Helper()
	cases, err := corpus.DecodeCasesJSONL(bytes.NewReader(samples.CasesJSONL()))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range cases {
		out = append(out, c.Facts)
	}
	raw, err := os.ReadFile(scenarioFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range bytes.Split(bytes.TrimSpace(raw), []byte("\n")) {
		var s struct {
			Facts string `json:"facts"`
		}
		if err := json.Unmarshal(line, &s); err != nil || s.Facts == "" {
			t.Fatalf("%s: bad line %q: %v", scenarioFile, line, err)
		}
		out = append(out, s.Facts)
	}
	return append(out,
		"2025年5月1日22时，王某驾驶小型轿车被查获，经检验其血液酒精含量为126毫克/100毫升。",
		"某某化工有限公司将危险废物废矿物油4.5吨交由无危险废物经营许可证的个人处置，倾倒于河滩。",
		"某某建筑公司施工现场发生坍塌事故，造成1人死亡、2人重伤，直接经济损失120万元。",
		"某某商贸公司销售以次充好的电线电缆，销售金额共计6.8万元，货值金额2万元。",
		"某某公司隐匿收入进行虚假纳税申报，少缴税款15万元，占应纳税额的20%。",
		"某某养殖场未经批准占用耕地12亩建设养殖棚舍。",
	)
}

// nationalAnalyzer returns the national a with the sample cases loaded.
func nationalAnalyzer(tb testing.TB) *app.App {
	tb.Helper()
	a := nationalLibrary(tb)
	if _, err := a.Library.LoadSamplesOnce(context.Background(), samples.CasesJSONL()); err != nil {
		tb.Fatal(err)
	}
	return a
}

// snapshotDay is a day on which national.jsonl was the law in force for
// the laws the catalog cites (the first later version took effect on
// 2025-10-15), after every act dated in the analysis texts.
const snapshotDay = "2025-09-30"

// TestAnalyzeCitationsResolve checks the acceptance rule "no analysis emits
// a citation that does not resolve" over 155 analyses: every provision any
// part of the answer cites (violation suggestions, provision-level matches, transfer basis, dispute points,
// pushed norms) resolves against the imported national statutes.
func TestAnalyzeCitationsResolve(t *testing.T) {
	a := nationalAnalyzer(t)
	res := a.Library.Resolver()
	// A citation names the law in force when the case is decided or, for a
	// benchmark of a law since revised (从旧兼从轻), the version in force on
	// the day of the act: it must resolve against one of the two.
	check := func(where string, r legal.Ref, actDate string) error {
		pc := corpus.ParsedCitation{LawName: r.Law, Ref: legal.Ref{Law: r.Law, Article: r.Article, Suffix: r.Suffix, Paragraph: r.Paragraph, Item: r.Item}}
		_, err := res.ResolveParsed(pc, "")
		if err != nil && actDate != "" {
			_, err = res.ResolveParsed(pc, actDate)
		}
		if err != nil {
			return fmt.Errorf("%s: %s 第%d条之%d 第%d款 第%d项: %v", where, r.Law, r.Article, r.Suffix, r.Paragraph, r.Item, err)
		}
		return nil
	}
	var bad []string
	risks := map[string]int{}
	for _, text := range analysisTexts(t) {
		// The corpus here is national.jsonl, the April 2025 snapshot: the
		// case is decided on a day it was the law (the versions since — the
		// 生态环境法典, the 2025 治安管理处罚法 — are in national_updates.jsonl,
		// which rules' and eval's tests import).
		out, err := a.Analyzer.Analyze(context.Background(), caseanalysis.Request{Facts: text, DecisionDate: snapshotDay})
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		risks[out.Transfer.Risk]++
		var refs []struct {
			where string
			r     legal.Ref
		}
		add := func(where string, r legal.Ref) {
			refs = append(refs, struct {
				where string
				r     legal.Ref
			}{where, r})
		}
		for _, v := range out.Violations {
			if v.Suggestion == nil {
				continue
			}
			for _, b := range v.Suggestion.Basis {
				add("suggestion "+v.BenchmarkID, b.Ref)
			}
		}
		for _, b := range out.Transfer.Basis {
			add("transfer "+out.Transfer.Crime, b.Ref)
		}
		for _, d := range out.Disputes {
			for _, r := range d.Basis {
				add("dispute "+d.Code, r)
			}
		}
		for _, v := range out.Violations {
			if v.Provision != nil {
				add("provision "+v.Provision.Label, v.Provision.Ref)
			}
		}
		for _, n := range out.Norms {
			if !n.Resolved || n.Text == "" {
				bad = append(bad, fmt.Sprintf("norm %s (%s) not resolved, in %.60q", n.Label, n.Kind, text))
			}
			add("norm "+n.Kind, legal.Ref{Law: n.Law, Article: n.Article, Suffix: n.Suffix, Paragraph: n.Paragraph, Item: n.Item})
		}
		for _, r := range refs {
			if err := check(r.where, r.r, out.Facts.Engine.ActDate); err != nil {
				bad = append(bad, err.Error())
			}
		}
	}
	sort.Strings(bad)
	if len(bad) > 0 {
		t.Fatalf("%d unresolvable citations, e.g.:\n%s", len(bad), strings.Join(bad[:min(len(bad), 20)], "\n"))
	}
	if risks[rules.RiskLikely] < 4 {
		t.Errorf("transfer risks %v: the crime narratives should give at least 4 likely", risks)
	}
}

// TestAnalyzeHTTP posts facts through the API and checks the answer's
// shape against the contract.
// TestAnswersAreEncodingJSON checks that the server's JSON encoder (sonic,
// for speed) writes exactly what encoding/json writes, over the 155
// analyses and a search answer with highlighted snippets.
func TestAnswersAreEncodingJSON(t *testing.T) {
	a := nationalAnalyzer(t)
	s := ForApp(a, Config{})
	check := func(what string, v any) {
		t.Helper()
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.App().Config().JSONEncoder(v)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: server encoder differs from encoding/json:\n%s\n%s", what, got, want)
		}
		var streamed bytes.Buffer
		if err := encodeAnswer(&streamed, v); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if !bytes.Equal(streamed.Bytes(), want) {
			t.Errorf("%s: streamed answer differs from encoding/json:\n%s\n%s", what, streamed.Bytes(), want)
		}
	}
	for _, text := range analysisTexts(t) {
		res, err := a.Analyzer.Analyze(context.Background(), caseanalysis.Request{Facts: text})
		if err != nil {
			t.Fatal(err)
		}
		check(text, res)
	}
	hits, err := a.Library.SearchNorms(context.Background(), corpus.NormQuery{Q: "销售不符合食品安全标准的食品 <script>&"}, corpus.ModeBM25)
	if err != nil {
		t.Fatal(err)
	}
	check("norm search", hits)
	check("map keys", map[string]any{"b": 1, "a": "<mark>x</mark> & y", "c": []float64{0.1, 1e21, 123456789.125}})
	check("hostile strings", map[string]any{"line separators": "甲\u2028乙\u2029丙", "invalid": "违法\xff\xfe所得", "html": "</script><!--&amp;"})
	req := localRequest("POST", "/v1/analyze", strings.NewReader(`{"facts":"销售过期食品，货值金额300元。"}`))
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.App().Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	res, err := a.Analyzer.Analyze(context.Background(), caseanalysis.Request{Facts: "销售过期食品，货值金额300元。"})
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := json.Marshal(res); !bytes.Equal(raw, want) {
		t.Errorf("HTTP answer is not encoding/json's bytes")
	}
}

func TestAnalyzeHTTP(t *testing.T) {
	a := nationalAnalyzer(t)
	s := ForApp(a, Config{})
	body, _ := json.Marshal(map[string]string{"facts": "2024年3月5日，执法人员检查发现当事人某某超市有限公司销售超过保质期的饼干10袋，货值金额共计260元，违法所得35元。当事人系初次违法，积极配合调查。"})
	r := do(t, s, "POST", "/v1/analyze", "application/json", body)
	if r.status != 200 {
		t.Fatalf("status %d: %v", r.status, r.body)
	}
	for _, k := range []string{"facts", "violations", "transfer", "disputes", "norms", "similar_cases"} {
		if _, ok := r.body[k]; !ok {
			t.Errorf("answer lacks %q", k)
		}
	}
	vs := r.body["violations"].([]any)
	if len(vs) == 0 {
		t.Fatal("no violations")
	}
	v0 := vs[0].(map[string]any)
	if v0["benchmark_id"] != "food-124-expired" {
		t.Errorf("best violation %v, want food-124-expired", v0["benchmark_id"])
	}
	sug, _ := v0["suggestion"].(map[string]any)
	if sug == nil || sug["benchmark_id"] != "food-124-expired" {
		t.Errorf("suggestion %v", v0["suggestion"])
	}
	facts := r.body["facts"].(map[string]any)
	amounts := facts["amounts"].([]any)
	if len(amounts) == 0 || amounts[0].(map[string]any)["role"] != "货值金额" {
		t.Errorf("amounts %v", amounts)
	}
	norms := r.body["norms"].([]any)
	found := false
	for _, n := range norms {
		m := n.(map[string]any)
		if m["law"] == "食品安全法" && m["article"] == float64(124) && m["kind"] == "处罚依据" && strings.Contains(m["text"].(string), "超过保质期") {
			found = true
		}
	}
	if !found {
		t.Errorf("norms lack 食品安全法第一百二十四条 with its text: %v", norms)
	}
	// Similar cases come from the case index through the conduct words
	// (terms cut by jieba, not re-analysed).
	sim := r.body["similar_cases"].([]any)
	if len(sim) == 0 || !strings.Contains(sim[0].(map[string]any)["title"].(string), "保质期") {
		t.Errorf("similar cases %v: want the expired-food sample first", sim)
	}
}

// BenchmarkAnalyzeConcurrent measures POST /v1/analyze through a real
// listener with 50 concurrent clients over the national statutes and the
// sample cases, each client posting the sample facts in turn. It reports
// p50/p99 latency and, as the same-run baseline, p99 of GET /healthz under
// the same 50-client load (ratio_p99 = analyze p99 / healthz p99).
func BenchmarkAnalyzeConcurrent(b *testing.B) {
	benchAnalyzeConcurrent(b, nationalAnalyzer(b))
}

// BenchmarkAnalyzeConcurrentVectors is BenchmarkAnalyzeConcurrent with
// dense retrieval on, as the service runs by default once the corpus has
// texts to train on: the local LSA embedder trained on the national
// statutes and the sample cases, every text embedded, similar cases found
// by fusing the lexical and the vector rankings.
func BenchmarkAnalyzeConcurrentVectors(b *testing.B) {
	a := vectorAnalyzer(b)
	if a.Analyzer.Mode() != corpus.ModeHybrid {
		b.Fatalf("analysis mode %q, want hybrid", a.Analyzer.Mode())
	}
	benchAnalyzeConcurrent(b, a)
}

var (
	vectorOnce sync.Once
	vectorApp  *app.App
	vectorErr  error
)

// vectorAnalyzer builds, once per test binary, an a over its own data
// directory holding the national statutes and the sample cases, opened
// the way `cailiang serve` opens it: the LSA model is trained on that
// corpus and every text embedded in the embedded vector store.
func vectorAnalyzer(tb testing.TB) *app.App {
	tb.Helper()
	path := nationalFile(tb)
	vectorOnce.Do(func() {
		dir, err := os.MkdirTemp("", "cailiang-vectors-")
		if err != nil {
			vectorErr = err
			return
		}
		cleanups = append(cleanups, func() { os.RemoveAll(dir) })
		ctx := context.Background()
		plain, err := app.Open(ctx, app.Config{DataDir: dir, Vectors: app.VectorConfig{Embedder: app.EmbedderNone}}, app.ForServe)
		if err != nil {
			vectorErr = err
			return
		}
		_, err = plain.ImportStatutes(ctx, path)
		if cerr := plain.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			vectorErr = err
			return
		}
		vectorApp, vectorErr = app.Open(ctx, app.Config{DataDir: dir}, app.ForServe)
		if vectorErr == nil {
			cleanups = append(cleanups, func() { vectorApp.Close() })
		}
	})
	if vectorErr != nil {
		tb.Fatalf("vector a: %v", vectorErr)
	}
	return vectorApp
}

func benchAnalyzeConcurrent(b *testing.B, a *app.App) {
	bySlots(b, func(b *testing.B, cfg Config) { benchAnalyzeConcurrentWith(b, a, cfg) })
}

func benchAnalyzeConcurrentWith(b *testing.B, a *app.App, cfg Config) {
	texts := analysisTexts(b)
	bodies := make([][]byte, len(texts))
	for i, t := range texts {
		bodies[i], _ = json.Marshal(map[string]string{"facts": t})
	}
	base, stop := serveLocal(b, ForApp(a, cfg))
	defer stop()
	const clients = 50
	// The load generator is fasthttp's client (fiber's HTTP engine, already
	// in the module graph): net/http's client costs as much CPU per request
	// as a cheap handler, and it shares these 2 cores with the server.
	fc := &fasthttp.Client{MaxConnsPerHost: clients, ReadTimeout: 30 * time.Second, WriteTimeout: 30 * time.Second}
	do := func(method, path string, body []byte) error {
		req, resp := fasthttp.AcquireRequest(), fasthttp.AcquireResponse()
		defer fasthttp.ReleaseRequest(req)
		defer fasthttp.ReleaseResponse(resp)
		req.SetRequestURI(base + path)
		req.Header.SetMethod(method)
		if body != nil {
			req.Header.SetContentType("application/json")
			req.SetBodyRaw(body)
		}
		if err := fc.Do(req, resp); err != nil {
			return err
		}
		if resp.StatusCode() != 200 {
			return fmt.Errorf("%s %s: status %d", method, path, resp.StatusCode())
		}
		return nil
	}
	post := func(body []byte) error { return do("POST", "/v1/analyze", body) }
	get := func([]byte) error { return do("GET", "/healthz", nil) }
	// Warm up: each text once (fills the per-violation norm cache, as a
	// running service would have).
	for _, body := range bodies {
		if err := post(body); err != nil {
			b.Fatal(err)
		}
	}
	load := func(do func([]byte) error, perClient int) ([]time.Duration, time.Duration) {
		var mu sync.Mutex
		var lat []time.Duration
		var wg sync.WaitGroup
		start := time.Now()
		for c := 0; c < clients; c++ {
			wg.Add(1)
			go func(c int) {
				defer wg.Done()
				mine := make([]time.Duration, 0, perClient)
				for i := 0; i < perClient; i++ {
					t0 := time.Now()
					if err := do(bodies[(c*7+i)%len(bodies)]); err != nil {
						b.Error(err)
						return
					}
					mine = append(mine, time.Since(t0))
				}
				mu.Lock()
				lat = append(lat, mine...)
				mu.Unlock()
			}(c)
		}
		wg.Wait()
		el := time.Since(start)
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		return lat, el
	}
	perClient := *analyzeRequests
	// CAILIANG_LOAD_CPUPROFILE names a file for a CPU profile of the
	// measured load alone (-test.cpuprofile also covers the set-up: the
	// national import, model training and warm-up).
	if path := os.Getenv("CAILIANG_LOAD_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			b.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		defer pprof.StopCPUProfile()
	}
	cpu0, gc0 := cpuTime(), readGC()
	b.ResetTimer()
	var lat, hz []time.Duration
	var el time.Duration
	for i := 0; i < b.N; i++ {
		lat, el = load(post, perClient)
	}
	b.StopTimer()
	busy, gc1 := cpuTime()-cpu0, readGC()
	hz, _ = load(get, perClient)
	if len(lat) == 0 || len(hz) == 0 {
		b.Fatal("no measurements")
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	p99 := lat[len(lat)*99/100]
	b.ReportMetric(ms(lat[len(lat)/2]), "p50_ms")
	b.ReportMetric(ms(p99), "p99_ms")
	b.ReportMetric(float64(len(lat))/el.Seconds(), "req/s")
	b.ReportMetric(ms(hz[len(hz)*99/100]), "healthz_p99_ms")
	b.ReportMetric(ms(p99)/ms(hz[len(hz)*99/100]), "ratio_p99")
	b.ReportMetric(busy.Seconds()*1000/float64(b.N*clients*perClient), "cpu_ms/req")
	reportGC(b, "analyze 50 clients", gc0, gc1, b.N)
	fmt.Fprintf(os.Stderr, "analyze 50 clients: p50 %.1f ms p99 %.1f ms, %d requests in %v\n", ms(lat[len(lat)/2]), ms(p99), len(lat), el)
}

// BenchmarkAnalyzeSerial analyses the 155 texts one after another over the
// corpus `cailiang serve` starts with (the sample cases, the LSA model
// trained on them, vectors on), without HTTP: the analysis's own wall time
// (us/analysis), the process's CPU time per analysis (cpu_us/analysis,
// which moves less than the wall time on a machine shared with other
// work) and, with -benchmem, its allocations per 155 analyses.
func BenchmarkAnalyzeSerial(b *testing.B) {
	a, err := app.Open(context.Background(), app.Config{DataDir: b.TempDir()}, app.ForServe)
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	if a.Analyzer.Mode() != corpus.ModeHybrid {
		b.Fatalf("analysis mode %q, want hybrid", a.Analyzer.Mode())
	}
	texts := analysisTexts(b)
	ctx := context.Background()
	analyse := func() {
		for _, t := range texts {
			if _, err := a.Analyzer.Analyze(ctx, caseanalysis.Request{Facts: t}); err != nil {
				b.Fatal(err)
			}
		}
	}
	analyse() // fills the corpus caches, as a running service has them
	cpu0 := cpuTime()
	b.ResetTimer()
	for b.Loop() {
		analyse()
	}
	b.StopTimer()
	n := float64(b.N * len(texts))
	b.ReportMetric(float64(b.Elapsed().Microseconds())/n, "us/analysis")
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/n, "cpu_us/analysis")
}

// BenchmarkAnalyzeTextCost times each of the 155 texts BenchmarkAnalyzeConcurrent
// sends on its own, over the national statutes (the fastest of b.N runs
// of each, after one warm run): at 50 clients the heaviest texts set the
// p99, so it reports their cost beside the mean (mean_us, median_us,
// max_us, and max/mean).
func BenchmarkAnalyzeTextCost(b *testing.B) {
	a := nationalAnalyzer(b)
	texts := analysisTexts(b)
	ctx := context.Background()
	best := make([]time.Duration, len(texts))
	for i, t := range texts {
		if _, err := a.Analyzer.Analyze(ctx, caseanalysis.Request{Facts: t}); err != nil {
			b.Fatal(err)
		}
		best[i] = time.Hour
	}
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for i, t := range texts {
			t0 := time.Now()
			if _, err := a.Analyzer.Analyze(ctx, caseanalysis.Request{Facts: t}); err != nil {
				b.Fatal(err)
			}
			best[i] = min(best[i], time.Since(t0))
		}
	}
	b.StopTimer()
	var sum time.Duration
	for _, d := range best {
		sum += d
	}
	slices.Sort(best)
	us := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1000 }
	mean := sum / time.Duration(len(best))
	b.ReportMetric(us(mean), "mean_us")
	b.ReportMetric(us(best[len(best)/2]), "median_us")
	b.ReportMetric(us(best[len(best)-1]), "max_us")
	b.ReportMetric(float64(best[len(best)-1])/float64(mean), "max/mean")
}

// BenchmarkCaseIndexBuild measures what the first analysis after a write
// pays to rebuild the in-memory case index over 5,000 cases (the built-in
// samples repeated under new IDs), against a warm analysis of the same
// text, and the heap the index holds per case.
func BenchmarkCaseIndexBuild(b *testing.B) {
	const n = caseanalysis.DefaultMemCases
	a, err := app.Open(context.Background(), app.Config{DataDir: b.TempDir(), NoSamples: true}, app.ForServe)
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	base, err := corpus.DecodeCasesJSONL(bytes.NewReader(samples.CasesJSONL()))
	if err != nil {
		b.Fatal(err)
	}
	cases := make([]corpus.Case, n)
	for i := range cases {
		c := base[i%len(base)]
		c.ID = fmt.Sprintf("%s-%05d", c.ID, i)
		cases[i] = c
	}
	ctx := context.Background()
	if err := a.Library.ImportCases(ctx, cases); err != nil {
		b.Fatal(err)
	}
	req := caseanalysis.Request{Facts: base[0].Facts}
	var build, warm time.Duration
	var perCase float64
	for i := 0; i < b.N; i++ {
		// A write (the first case again) bumps the generation.
		if err := a.Library.ImportCases(ctx, cases[:1]); err != nil {
			b.Fatal(err)
		}
		var m0, m1 runtime.MemStats
		if i == 0 {
			// Let bleve persist the imported segments, whose memory it
			// frees in the background, before reading the heap.
			b.StopTimer()
			time.Sleep(3 * time.Second)
			b.StartTimer()
		}
		runtime.GC()
		runtime.ReadMemStats(&m0)
		t0 := time.Now()
		if _, err := a.Analyzer.Analyze(ctx, req); err != nil {
			b.Fatal(err)
		}
		build += time.Since(t0)
		if i == 0 {
			// Later rounds replace an index already held.
			runtime.GC()
			runtime.ReadMemStats(&m1)
			perCase = (float64(m1.HeapAlloc) - float64(m0.HeapAlloc)) / n
		}
		t0 = time.Now()
		if _, err := a.Analyzer.Analyze(ctx, req); err != nil {
			b.Fatal(err)
		}
		warm += time.Since(t0)
	}
	b.ReportMetric(float64(build.Milliseconds())/float64(b.N), "build_ms")
	b.ReportMetric(float64(build)/float64(warm), "ratio_first_vs_warm")
	b.ReportMetric(perCase, "heap_B/case")
}

// cpuTime is the process's user plus system CPU time (server and load
// generator) from /proc/self/stat, 0 where there is none: CPU per request
// is steadier across runs than latency on a shared VM.
func cpuTime() time.Duration {
	raw, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return 0
	}
	// Fields after the command name (which may hold spaces): state is
	// field 3, utime and stime are fields 14 and 15, in clock ticks
	// (USER_HZ, 100 on Linux).
	s := string(raw)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0
	}
	var ticks int64
	for _, v := range f[11:13] {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return 0
		}
		ticks += n
	}
	return time.Duration(ticks) * time.Second / 100
}
