package api

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/bleveidx"
	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

func testLibrary(t testing.TB, index func(corpus.Index) corpus.Index) *corpus.Library {
	t.Helper()
	dir := t.TempDir()
	st, err := corpus.OpenStore(filepath.Join(dir, "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := bleveidx.Open(bleveidx.Config{Dir: filepath.Join(dir, "index"), Segmenter: nlp.RuneSegmenter{}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close(); st.Close() })
	var idx corpus.Index = ix
	if index != nil {
		idx = index(ix)
	}
	lib := corpus.NewLibrary(st, idx, nil)
	fs := corpus.Statute{ID: "fs", Law: "食品安全法", Title: "中华人民共和国食品安全法", Category: "行政法", VersionDate: "2021-04-29",
		Articles: []corpus.Article{
			{Number: 122, Paragraphs: []corpus.Paragraph{{Text: "违反本法规定，未取得食品生产经营许可从事食品生产经营活动，没收违法所得。"}}},
			{Number: 124, Paragraphs: []corpus.Paragraph{{Text: "有下列情形之一的，处五万元以上十万元以下罚款：\n（一）甲；\n（二）乙。", Items: []string{"（一）甲；", "（二）乙。"}}}},
		}}
	src := func(fn func(corpus.Statute) error) error { return fn(fs) }
	if _, err := lib.ImportStatutes(context.Background(), src); err != nil {
		t.Fatal(err)
	}
	return lib
}

const validCase = `{"id":"api-1","title":"某店销售过期食品案","facts":"当事人销售超过保质期的食品，货值金额800元。","sector":"市场监管","violation_type":"经营超过保质期食品","basis":[{"law":"食品安全法","article":124,"paragraph":1}],"penalty":{"fine":50000},"disposition":"处罚"}`

type result struct {
	status int
	body   map[string]any
	header http.Header
}

// localRequest is a request for app.Test as the CLI or the page sends it
// to a service on loopback: httptest's default Host, example.com, is one
// the web guard refuses.
func localRequest(method, target string, body io.Reader) *http.Request {
	req := httptest.NewRequest(method, target, body)
	req.Host = "127.0.0.1"
	return req
}

func do(t *testing.T, s *Server, method, target, contentType string, body []byte) result {
	t.Helper()
	req := localRequest(method, target, bytes.NewReader(body))
	if tok, ok := adminTokens.Load(s); ok {
		req.Header.Set("Authorization", "Bearer "+tok.(string))
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := s.App().Test(req, -1)
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil && !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("%s %s: body is not JSON: %q", method, target, raw)
	}
	return result{resp.StatusCode, m, resp.Header}
}

func errCode(r result) string {
	e, _ := r.body["error"].(map[string]any)
	c, _ := e["code"].(string)
	return c
}

// snapshot is what "no change to stored data" compares.
func snapshot(t *testing.T, lib *corpus.Library) string {
	t.Helper()
	g, err := lib.Store().Generation()
	if err != nil {
		t.Fatal(err)
	}
	n, _ := lib.Store().CaseCount()
	a, c, _ := lib.Index().Counts()
	return fmt.Sprintf("gen=%d cases=%d indexed=%d/%d statutes=%d", g, n, a, c, len(lib.Store().StatuteInfos()))
}

func TestBadInputIs4xxAndChangesNothing(t *testing.T) {
	lib := testLibrary(t, nil)
	s := withAdmin(t, Config{Library: lib, Catalog: testCatalog(t), Analyzer: testAnalyzer(t, lib)})
	before := snapshot(t, lib)
	big := bytes.Repeat([]byte("a"), 5<<20)
	injections := []string{"' OR '1'='1", "'; DROP TABLE cases; --", "<script>alert(1)</script>", "../../../etc/passwd", "${jndi:ldap://x}", "\u202e\u0000"}
	tests := []struct {
		name, method, target, ct string
		body                     []byte
		status                   int
		code                     string
	}{
		{"search no query", "GET", "/v1/norms/search", "", nil, 400, "invalid_input"},
		{"search invalid utf8", "GET", "/v1/norms/search?q=%FF%FE", "", nil, 400, "invalid_utf8"},
		{"search bad limit", "GET", "/v1/norms/search?q=x&limit=abc", "", nil, 400, "invalid_input"},
		{"search limit 0", "GET", "/v1/norms/search?q=x&limit=0", "", nil, 400, "invalid_input"},
		{"search bad in_force", "GET", "/v1/norms/search?q=x&in_force=maybe", "", nil, 400, "invalid_input"},
		{"search huge q", "GET", "/v1/norms/search?q=" + strings.Repeat("法", 3000), "", nil, 400, "invalid_input"},
		{"article 0", "GET", "/v1/norms/" + url.PathEscape("食品安全法") + "/0", "", nil, 400, "invalid_input"},
		{"article 99999", "GET", "/v1/norms/" + url.PathEscape("食品安全法") + "/99999", "", nil, 404, "not_found"},
		{"article words", "GET", "/v1/norms/" + url.PathEscape("食品安全法") + "/abc", "", nil, 400, "invalid_input"},
		{"unknown law", "GET", "/v1/norms/" + url.PathEscape("不存在法") + "/1", "", nil, 404, "not_found"},
		{"bad date", "GET", "/v1/norms/" + url.PathEscape("食品安全法") + "/124?date=2021-02-30", "", nil, 400, "invalid_input"},
		{"law invalid utf8", "GET", "/v1/norms/%FF/1", "", nil, 400, "invalid_utf8"},
		{"resolve empty", "POST", "/v1/citations/resolve", "application/json", nil, 400, "invalid_input"},
		{"resolve not json", "POST", "/v1/citations/resolve", "application/json", []byte("{"), 400, "invalid_input"},
		{"resolve invalid utf8", "POST", "/v1/citations/resolve", "application/json", []byte("{\"text\":\"\xff\"}"), 400, "invalid_utf8"},
		{"resolve wrong type", "POST", "/v1/citations/resolve", "application/json", []byte(`{"citations":"食品安全法第1条"}`), 400, "invalid_input"},
		{"resolve unknown field", "POST", "/v1/citations/resolve", "application/json", []byte(`{"cites":[]}`), 400, "invalid_input"},
		{"resolve nothing", "POST", "/v1/citations/resolve", "application/json", []byte(`{}`), 400, "invalid_input"},
		{"resolve two values", "POST", "/v1/citations/resolve", "application/json", []byte(`{"text":"a"} {"text":"b"}`), 400, "invalid_input"},
		{"cases empty body", "POST", "/v1/library/cases", "application/json", nil, 400, "invalid_input"},
		{"cases not array", "POST", "/v1/library/cases", "application/json", []byte(validCase), 400, "invalid_input"},
		{"cases empty array", "POST", "/v1/library/cases", "application/json", []byte(`[]`), 400, "invalid_input"},
		{"cases invalid utf8", "POST", "/v1/library/cases", "application/json", []byte("[\xff]"), 400, "invalid_utf8"},
		{"cases second row bad", "POST", "/v1/library/cases", "application/json", []byte("[" + validCase + "," + strings.Replace(validCase, `"fine":50000`, `"fine":"x"`, 1) + "]"), 400, "invalid_input"},
		{"cases wrong content type", "POST", "/v1/library/cases", "text/plain", []byte("[" + validCase + "]"), 415, "unsupported_media_type"},
		{"case unknown id", "GET", "/v1/library/cases/nope", "", nil, 404, "not_found"},
		{"case search bad date", "GET", "/v1/library/cases/search?from=yesterday", "", nil, 400, "invalid_input"},
		{"search bad mode", "GET", "/v1/norms/search?q=x&mode=magic", "", nil, 400, "invalid_input"},
		{"case search bad mode", "GET", "/v1/cases/search?q=x&mode=BM25", "", nil, 400, "invalid_input"},
		{"unknown route", "GET", "/v1/nothing", "", nil, 404, "route_not_found"},
		{"benchmark unknown", "GET", "/v1/benchmarks/nope", "", nil, 404, "unknown_benchmark"},
		{"benchmarks bad limit", "GET", "/v1/benchmarks?limit=0", "", nil, 400, "invalid_input"},
		{"benchmarks invalid utf8", "GET", "/v1/benchmarks?q=%FF", "", nil, 400, "invalid_utf8"},
		{"suggest empty", "POST", "/v1/suggest", "application/json", nil, 400, "invalid_input"},
		{"suggest no id", "POST", "/v1/suggest", "application/json", []byte(`{"facts":{}}`), 400, "invalid_input"},
		{"suggest unknown benchmark", "POST", "/v1/suggest", "application/json", []byte(`{"benchmark_id":"nope","facts":{}}`), 404, "unknown_benchmark"},
		{"suggest negative amount", "POST", "/v1/suggest", "application/json", []byte(`{"benchmark_id":"food-124-expired","facts":{"goods_value":-5}}`), 400, "invalid_facts"},
		{"suggest wrong type", "POST", "/v1/suggest", "application/json", []byte(`{"benchmark_id":"food-124-expired","facts":{"goods_value":"很多"}}`), 400, "invalid_facts"},
		{"suggest unknown fact", "POST", "/v1/suggest", "application/json", []byte(`{"benchmark_id":"food-124-expired","facts":{"colour":"red"}}`), 400, "invalid_facts"},
		{"suggest absurd age", "POST", "/v1/suggest", "application/json", []byte(`{"benchmark_id":"food-124-expired","facts":{"age":300}}`), 400, "invalid_facts"},
		{"suggest facts not object", "POST", "/v1/suggest", "application/json", []byte(`{"benchmark_id":"food-124-expired","facts":[1]}`), 400, "invalid_facts"},
		{"suggest invalid utf8", "POST", "/v1/suggest", "application/json", []byte("{\"benchmark_id\":\"\xff\"}"), 400, "invalid_utf8"},
		{"wrong method", "DELETE", "/v1/cases/api-1", "", nil, 404, "route_not_found"},
		{"analyze empty", "POST", "/v1/analyze", "application/json", nil, 400, "invalid_input"},
		{"analyze no facts", "POST", "/v1/analyze", "application/json", []byte(`{}`), 400, "invalid_input"},
		{"analyze blank facts", "POST", "/v1/analyze", "application/json", []byte(`{"facts":"  \n "}`), 400, "invalid_input"},
		{"analyze facts not text", "POST", "/v1/analyze", "application/json", []byte(`{"facts":{"goods_value":1}}`), 400, "invalid_input"},
		{"analyze unknown field", "POST", "/v1/analyze", "application/json", []byte(`{"facts":"销售过期食品","colour":"red"}`), 400, "invalid_input"},
		{"analyze invalid utf8", "POST", "/v1/analyze", "application/json", []byte("{\"facts\":\"\xff\xfe\"}"), 400, "invalid_utf8"},
		{"analyze nul", "POST", "/v1/analyze", "application/json", []byte(`{"facts":"销售\u0000过期食品"}`), 400, "invalid_input"},
		{"analyze too long", "POST", "/v1/analyze", "application/json", []byte(`{"facts":"` + strings.Repeat("销售过期食品", 4000) + `"}`), 400, "invalid_input"},
		{"analyze unknown sector", "POST", "/v1/analyze", "application/json", []byte(`{"facts":"销售过期食品","sector":"火星"}`), 400, "unknown_sector"},
		{"analyze bad count", "POST", "/v1/analyze", "application/json", []byte(`{"facts":"销售过期食品","violations":500}`), 400, "invalid_input"},
		{"analyze count not number", "POST", "/v1/analyze", "application/json", []byte(`{"facts":"销售过期食品","violations":"5"}`), 400, "invalid_input"},
		{"analyze two values", "POST", "/v1/analyze", "application/json", []byte(`{"facts":"a"} {"facts":"b"}`), 400, "invalid_input"},
	}
	for _, inj := range injections {
		tests = append(tests,
			struct {
				name, method, target, ct string
				body                     []byte
				status                   int
				code                     string
			}{"inject law " + inj, "GET", "/v1/norms/" + url.PathEscape(inj) + "/1", "", nil, 0, ""},
			struct {
				name, method, target, ct string
				body                     []byte
				status                   int
				code                     string
			}{"inject case id " + inj, "GET", "/v1/library/cases/" + url.PathEscape(inj), "", nil, 0, ""},
			struct {
				name, method, target, ct string
				body                     []byte
				status                   int
				code                     string
			}{"inject case row " + inj, "POST", "/v1/library/cases", "application/json", []byte("[" + strings.Replace(validCase, `"api-1"`, strings.ReplaceAll(fmt.Sprintf("%q", inj), `\x00`, `\u0000`), 1) + "]"), 400, "invalid_input"},
		)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := do(t, s, tt.method, tt.target, tt.ct, tt.body)
			if tt.status == 0 {
				// Any 4xx with an error code will do (404 or 400 by shape).
				if r.status < 400 || r.status >= 500 || errCode(r) == "" {
					t.Fatalf("status %d code %q; want a 4xx with a code", r.status, errCode(r))
				}
				return
			}
			if r.status != tt.status || errCode(r) != tt.code {
				t.Fatalf("status %d code %q body %v; want %d %q", r.status, errCode(r), r.body, tt.status, tt.code)
			}
			if msg, _ := r.body["error"].(map[string]any)["message"].(string); msg == "" {
				t.Fatalf("error without message: %v", r.body)
			}
		})
	}
	// Injection strings as search text or case facts are ordinary text:
	// answered, harmless (the NUL one is refused).
	for _, inj := range injections {
		r := do(t, s, "GET", "/v1/norms/search?q="+url.QueryEscape(inj), "", nil)
		if r.status != 200 && r.status != 400 {
			t.Errorf("search %q: status %d", inj, r.status)
		}
		body, _ := json.Marshal(map[string]string{"facts": inj})
		r = do(t, s, "POST", "/v1/analyze", "application/json", body)
		if want := 200; strings.ContainsRune(inj, 0) {
			if r.status != 400 || errCode(r) != "invalid_input" {
				t.Errorf("analyze %q: status %d code %q, want 400 invalid_input", inj, r.status, errCode(r))
			}
		} else if r.status != want {
			t.Errorf("analyze %q: status %d, want %d", inj, r.status, want)
		}
	}
	// A 5 MB body is refused before any handler runs. app.Test cannot show the
	// 413 (fasthttp fails the request), so go through a real listener.
	addr := liveServer(t, s)
	for _, target := range []string{"/v1/library/cases", "/v1/citations/resolve", "/v1/suggest", "/v1/analyze"} {
		st, code := postReal(t, addr, target, big)
		if st != 413 || code != "body_too_large" {
			t.Errorf("5 MB POST %s: status %d code %q; want 413 body_too_large", target, st, code)
		}
	}
	if after := snapshot(t, lib); after != before {
		t.Fatalf("bad input changed stored data: %s -> %s", before, after)
	}
}

func postReal(t *testing.T, addr, target string, body []byte) (int, string) {
	t.Helper()
	// Send the headers, then stream the body while reading the answer:
	// fasthttp answers 413 as soon as it sees Content-Length over the limit
	// and may close before the body is sent, which an http.Client reports
	// as a write error instead of the response.
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(20 * time.Second))
	fmt.Fprintf(conn, "POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", target, len(body))
	go func() { _, _ = conn.Write(body) }()
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("POST %s: %v", target, err)
	}
	defer resp.Body.Close()
	var b ErrorBody
	_ = json.NewDecoder(resp.Body).Decode(&b)
	return resp.StatusCode, b.Error.Code
}

func TestEndpoints(t *testing.T) {
	lib := testLibrary(t, nil)
	s := withAdmin(t, Config{Library: lib, Catalog: testCatalog(t), Version: "test"})
	r := do(t, s, "GET", "/healthz", "", nil)
	if r.status != 200 || r.body["status"] != "ok" || r.header.Get("X-Request-ID") == "" {
		t.Fatalf("healthz: %d %v %v", r.status, r.body, r.header)
	}
	r = do(t, s, "GET", "/v1/norms/search?q="+url.QueryEscape("生产经营许可")+"&in_force=true&limit=5", "", nil)
	hits, _ := r.body["hits"].([]any)
	if r.status != 200 || len(hits) == 0 {
		t.Fatalf("norm search: %d %v", r.status, r.body)
	}
	first := hits[0].(map[string]any)
	if first["label"] != "第一百二十二条" || len(first["snippets"].([]any)) == 0 || !strings.Contains(fmt.Sprint(first["snippets"]), "<mark>") {
		t.Errorf("first hit %v; want 第一百二十二条 with highlighted snippets", first)
	}
	for _, art := range []string{"124", url.PathEscape("第一百二十四条")} {
		r = do(t, s, "GET", "/v1/norms/"+url.PathEscape("食品安全法")+"/"+art, "", nil)
		if r.status != 200 || r.body["label"] != "食品安全法第一百二十四条" {
			t.Errorf("article %s: %d %v", art, r.status, r.body)
		}
	}
	r = do(t, s, "POST", "/v1/citations/resolve", "application/json", []byte(`{"citations":["食品安全法第124条第1款第（二）项","食品安全法第900条","乱写"],"text":"依据《中华人民共和国食品安全法》第一百二十二条处罚。"}`))
	results, _ := r.body["results"].([]any)
	if r.status != 200 || len(results) != 4 {
		t.Fatalf("resolve: %d %v", r.status, r.body)
	}
	wantCodes := []string{"", "not_found", "bad_citation", ""}
	for i, res := range results {
		m := res.(map[string]any)
		e, _ := m["error"].(map[string]any)
		code, _ := e["code"].(string)
		if code != wantCodes[i] {
			t.Errorf("result %d code %q; want %q (%v)", i, code, wantCodes[i], m)
		}
	}
	if text := results[0].(map[string]any)["resolved"].(map[string]any)["text"]; text != "（二）乙。" {
		t.Errorf("item text = %v", text)
	}
	r = do(t, s, "POST", "/v1/library/cases", "application/json", []byte("["+validCase+"]"))
	if r.status != 201 || r.body["imported"] != float64(1) {
		t.Fatalf("post cases: %d %v", r.status, r.body)
	}
	r = do(t, s, "GET", "/v1/library/cases/api-1", "", nil)
	if r.status != 200 || r.body["title"] != "某店销售过期食品案" {
		t.Fatalf("get case: %d %v", r.status, r.body)
	}
	r = do(t, s, "GET", "/v1/cases/search?q="+url.QueryEscape("过期食品")+"&sector="+url.QueryEscape("市场监管"), "", nil)
	if hits, _ := r.body["hits"].([]any); r.status != 200 || len(hits) != 1 {
		t.Fatalf("case search: %d %v", r.status, r.body)
	}
	r = do(t, s, "GET", "/v1/library/cases/search?sector="+url.QueryEscape("生态环境"), "", nil)
	if hits, _ := r.body["hits"].([]any); r.status != 200 || len(hits) != 0 {
		t.Fatalf("case search filter: %d %v", r.status, r.body)
	}
	// A short disposition is stored canonically, and either spelling filters.
	lighter := strings.NewReplacer(`"api-1"`, `"api-2"`, `"disposition":"处罚"`, `"disposition":"从轻"`).Replace(validCase)
	if r = do(t, s, "POST", "/v1/library/cases", "application/json", []byte("["+lighter+"]")); r.status != 201 {
		t.Fatalf("post 从轻 case: %d %v", r.status, r.body)
	}
	if r = do(t, s, "GET", "/v1/library/cases/api-2", "", nil); r.body["disposition"] != "从轻处罚" {
		t.Errorf("stored disposition %v; want 从轻处罚", r.body["disposition"])
	}
	for _, d := range []string{"从轻", "从轻处罚"} {
		r = do(t, s, "GET", "/v1/library/cases/search?disposition="+url.QueryEscape(d), "", nil)
		if hits, _ := r.body["hits"].([]any); r.status != 200 || len(hits) != 1 || hits[0].(map[string]any)["id"] != "api-2" {
			t.Errorf("case search disposition=%s: %d %v; want api-2 only", d, r.status, r.body)
		}
	}
	r = do(t, s, "GET", "/", "", nil)
	if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
		t.Fatalf("index page: %d %v", r.status, r.header)
	}
}

// panicIndex is a working index whose norm search panics, to prove the
// recovery middleware turns a panic into the error format.
type panicIndex struct{ corpus.Index }

func (panicIndex) SearchNorms(context.Context, corpus.NormQuery) (corpus.Results[corpus.NormHit], error) {
	panic("boom")
}

func TestPanicRecovery(t *testing.T) {
	lib := testLibrary(t, func(ix corpus.Index) corpus.Index { return panicIndex{ix} })
	s := New(Config{Library: lib, Catalog: testCatalog(t)})
	r := do(t, s, "GET", "/v1/norms/search?q=x", "", nil)
	if r.status != 500 || errCode(r) != "internal" {
		t.Fatalf("panic: %d %v; want 500 internal", r.status, r.body)
	}
	if r = do(t, s, "GET", "/healthz", "", nil); r.status != 200 {
		t.Fatalf("server unusable after panic: %d", r.status)
	}
}

// testAnalyzer builds case analysis over lib with the built-in catalog and
// crime thresholds.
func testAnalyzer(t testing.TB, lib *corpus.Library) *caseanalysis.Analyzer {
	t.Helper()
	crimes, err := rules.LoadCrimes()
	if err != nil {
		t.Fatal(err)
	}
	a, err := caseanalysis.New(caseanalysis.Config{Catalog: testCatalog(t), Crimes: crimes, Segmenter: nlp.RuneSegmenter{}, Cases: lib,
		CaseStore: lib.Store(), Norms: lib, Resolver: lib.Resolver(), Generation: lib.Store().Generation})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func testCatalog(t testing.TB) *rules.Catalog {
	t.Helper()
	c, err := rules.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestBenchmarksAndSuggest(t *testing.T) {
	s := New(Config{Library: testLibrary(t, nil), Catalog: testCatalog(t)})
	r := do(t, s, "GET", "/v1/benchmarks", "", nil)
	if r.status != 200 || r.body["total"].(float64) < 2 {
		t.Fatalf("benchmarks: %d %v", r.status, r.body)
	}
	r = do(t, s, "GET", "/v1/benchmarks?sector="+url.QueryEscape("市场监管")+"&q="+url.QueryEscape("销售过期食品"), "", nil)
	list, _ := r.body["benchmarks"].([]any)
	if r.status != 200 || len(list) == 0 || list[0].(map[string]any)["id"] != "food-124-expired" {
		t.Fatalf("benchmark search: %d %v", r.status, r.body)
	}
	r = do(t, s, "GET", "/v1/benchmarks/food-124-expired", "", nil)
	if r.status != 200 || r.body["id"] != "food-124-expired" {
		t.Fatalf("benchmark get: %d %v", r.status, r.body)
	}
	r = do(t, s, "POST", "/v1/suggest", "application/json", []byte(`{"benchmark_id":"food-124-expired","facts":{"goods_value":20000,"cooperated":true,"party_kind":"单位"}}`))
	if r.status != 200 || r.body["disposition"] != "从轻处罚" || r.body["level"] != "从轻" {
		t.Fatalf("suggest: %d %v", r.status, r.body)
	}
	stat := r.body["statutory"].(map[string]any)
	sug := r.body["suggested"].(map[string]any)
	if stat["fine_min"] != 200000.0 || stat["fine_max"] != 400000.0 || sug["fine_min"] != 200000.0 || sug["fine_max"] != 260000.0 {
		t.Errorf("ranges statutory %v suggested %v; want 200000–400000 and 200000–260000", stat, sug)
	}
	for _, k := range []string{"other", "basis", "trace", "warnings"} {
		if _, ok := r.body[k].([]any); !ok {
			t.Errorf("suggest: %s is not a list: %v", k, r.body[k])
		}
	}
	r = do(t, s, "POST", "/v1/suggest", "application/json", []byte(`{"benchmark_id":"food-124-expired","facts":{"goods_value":20000,"age":13,"party_kind":"个人"}}`))
	if r.status != 200 || r.body["disposition"] != "不予处罚" || r.body["suggested"] != nil || r.body["level"] != nil {
		t.Fatalf("suggest under 14: %d %v", r.status, r.body)
	}
}

// BenchmarkSuggestHTTP measures POST /v1/suggest in process (fiber's test
// transport, no network) and reports p50/p99.
func BenchmarkSuggestHTTP(b *testing.B) {
	cat, err := rules.LoadBuiltin()
	if err != nil {
		b.Fatal(err)
	}
	s := New(Config{Catalog: cat})
	body := []byte(`{"benchmark_id":"food-124-expired","facts":{"goods_value":20000,"cooperated":true,"party_kind":"单位","act_date":"2024-01-01","discovery_date":"2024-02-01"}}`)
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req := localRequest("POST", "/v1/suggest", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		start := time.Now()
		resp, err := s.App().Test(req, -1)
		if err != nil || resp.StatusCode != 200 {
			b.Fatalf("suggest: %v %v", err, resp)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		lat = append(lat, time.Since(start))
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50_ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99_ms")
}
