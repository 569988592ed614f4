package api

import (
	"fmt"
	"net"
	"net/url"
	"strings"
	"testing"
)

// goLeaks are what a message must not show: Go type names and
// encoding/json's English.
var goLeaks = []string{"float64", "float32", "int64", "map[", "[]", "rules.", "corpus.", "caseanalysis.", "legal.", "json:", "unmarshal", "Go ", "struct", "fasthttp", "multipart"}

// TestHostileInputCatalog sends a catalog of hostile requests to every
// endpoint through a live listener: empty, huge, invalid UTF-8, NUL,
// wrong types, out-of-range and NaN numbers, unknown ids and fields,
// script tags, SQL-looking text, path traversal, long query strings,
// forged headers. Each must be a 4xx in the error format with a readable
// message, never a 5xx, and none may change the store.
func TestHostileInputCatalog(t *testing.T) {
	lib := testLibrary(t, nil)
	s := withAdmin(t, Config{Library: lib, Catalog: testCatalog(t), Analyzer: testAnalyzer(t, lib), Calendar: testCalendar(t)})
	addr := liveServer(t, s)
	_, port, _ := net.SplitHostPort(addr)
	before := snapshot(t, lib)

	json := map[string]string{"Content-Type": "application/json"}
	type entry struct {
		name string
		req  liveRequest
		// field, when set, is the field the error must name.
		field string
	}
	var catalog []entry
	add := func(name string, req liveRequest, field string) {
		catalog = append(catalog, entry{name, req, field})
	}
	post := func(target, body string) liveRequest { return liveRequest{"POST", target, json, []byte(body)} }
	get := func(target string) liveRequest { return liveRequest{"GET", target, nil, nil} }

	// Bodies every POST endpoint must refuse.
	posts := []string{"/v1/library/cases", "/v1/citations/resolve", "/v1/suggest", "/v1/analyze", "/v1/redact"}
	for _, p := range posts {
		for _, b := range []struct{ name, body, field string }{
			{"empty", "", "body"},
			{"blank", " \n\t ", "body"},
			{"invalid utf8", "{\"facts\":\"\xff\xfe\"}", "body"},
			{"not json", "facts=销售过期食品", "body"},
			{"truncated", `{"facts":"销售`, "body"},
			{"top-level string", `"<script>alert(1)</script>"`, "body"},
			{"top-level number", `1e309`, "body"},
			{"two values", `{} {}`, "body"},
			{"deep nesting", strings.Repeat("[", 20000) + strings.Repeat("]", 20000), "body"},
			{"unknown field", `{"zzz":"'; DROP TABLE cases; --"}`, ""},
		} {
			add(p+" "+b.name, post(p, b.body), b.field)
		}
		add(p+" huge", post(p, `{"facts":"`+strings.Repeat("法", DefaultBodyLimit/3+1)+`"}`), "")
		add(p+" no content type", liveRequest{"POST", p, nil, []byte(`{}`)}, "Content-Type")
		add(p+" forged origin", liveRequest{"POST", p, map[string]string{"Content-Type": "application/json", "Origin": "http://localhost@evil.example"}, []byte(`{}`)}, "Origin")
		add(p+" origin with our name as prefix", liveRequest{"POST", p, map[string]string{"Content-Type": "application/json", "Origin": "http://127.0.0.1." + "evil.example:" + port}, []byte(`{}`)}, "Origin")
		add(p+" two content types", liveRequest{"POST", p, map[string]string{"Content-Type": "text/plain, application/json"}, []byte(`{}`)}, "Content-Type")
	}
	// Wrong types, out-of-range numbers and hostile strings per field.
	for _, b := range []struct{ name, target, body, field string }{
		{"analyze facts number", "/v1/analyze", `{"facts":1}`, "facts"},
		{"analyze facts null byte", "/v1/analyze", `{"facts":"销售\u0000过期食品"}`, "facts"},
		{"analyze violations 1e309", "/v1/analyze", `{"facts":"销售过期食品","violations":1e309}`, "violations"},
		{"analyze violations NaN string", "/v1/analyze", `{"facts":"销售过期食品","violations":"NaN"}`, "violations"},
		{"analyze violations fraction", "/v1/analyze", `{"facts":"销售过期食品","violations":2.5}`, "violations"},
		{"analyze similar huge", "/v1/analyze", `{"facts":"销售过期食品","similar_cases":99999999999999999999}`, "similar_cases"},
		{"analyze sector array", "/v1/analyze", `{"facts":"销售过期食品","sector":["市场监管"]}`, "sector"},
		{"analyze sector script", "/v1/analyze", `{"facts":"销售过期食品","sector":"<script>alert(1)</script>"}`, "sector"},
		{"analyze sector traversal", "/v1/analyze", `{"facts":"销售过期食品","sector":"../../etc/passwd"}`, "sector"},
		{"analyze facts array", "/v1/analyze", `{"facts":["销售过期食品"]}`, "facts"},
		{"resolve citations -0", "/v1/citations/resolve", `{"citations":-0}`, "citations"},
		{"resolve citations object", "/v1/citations/resolve", `{"citations":{"a":1}}`, "citations"},
		{"resolve citation number", "/v1/citations/resolve", `{"citations":[124]}`, "citations"},
		{"resolve 201 citations", "/v1/citations/resolve", `{"citations":[` + strings.TrimSuffix(strings.Repeat(`"食品安全法第1条",`, 201), ",") + `]}`, "citations"},
		{"resolve date traversal", "/v1/citations/resolve", `{"text":"食品安全法第一百二十四条","date":"../../etc"}`, "date"},
		{"resolve date NaN", "/v1/citations/resolve", `{"text":"食品安全法第一百二十四条","date":"NaN"}`, "date"},
		{"resolve date number", "/v1/citations/resolve", `{"text":"食品安全法第一百二十四条","date":20200101}`, "date"},
		{"resolve text NUL", "/v1/citations/resolve", `{"text":"食品安全法\u0000第一百二十四条"}`, "text"},
		{"resolve citation NUL", "/v1/citations/resolve", `{"citations":["食品安全法\u0000第1条"]}`, "citations"},
		{"resolve text bool", "/v1/citations/resolve", `{"text":true}`, "text"},
		{"suggest id number", "/v1/suggest", `{"benchmark_id":-0,"facts":{}}`, "benchmark_id"},
		{"suggest id script", "/v1/suggest", `{"benchmark_id":"<script>alert(1)</script>","facts":{}}`, "benchmark_id"},
		{"suggest id SQL", "/v1/suggest", `{"benchmark_id":"' OR '1'='1","facts":{}}`, "benchmark_id"},
		{"suggest id traversal", "/v1/suggest", `{"benchmark_id":"../../../etc/passwd","facts":{}}`, "benchmark_id"},
		{"suggest id NUL", "/v1/suggest", `{"benchmark_id":"food\u0000","facts":{}}`, "benchmark_id"},
		{"suggest facts array", "/v1/suggest", `{"benchmark_id":"food-124-expired","facts":[1]}`, "facts"},
		{"suggest facts string", "/v1/suggest", `{"benchmark_id":"food-124-expired","facts":"很多"}`, "facts"},
		{"suggest goods 1e309", "/v1/suggest", `{"benchmark_id":"food-124-expired","facts":{"goods_value":1e309}}`, "facts.goods_value"},
		{"suggest goods NaN string", "/v1/suggest", `{"benchmark_id":"food-124-expired","facts":{"goods_value":"NaN"}}`, "facts.goods_value"},
		{"suggest goods -1e308", "/v1/suggest", `{"benchmark_id":"food-124-expired","facts":{"goods_value":-1e308}}`, "facts.goods_value"},
		{"suggest age bool", "/v1/suggest", `{"benchmark_id":"food-124-expired","facts":{"age":true}}`, "facts.age"},
		{"suggest flag string", "/v1/suggest", `{"benchmark_id":"food-124-expired","facts":{"cooperated":"yes"}}`, "facts.cooperated"},
		{"suggest unknown fact", "/v1/suggest", `{"benchmark_id":"food-124-expired","facts":{"<script>":1}}`, "facts.<script>"},
		{"redact text number", "/v1/redact", `{"text":1}`, "text"},
		{"redact text NUL", "/v1/redact", `{"text":"身份证\u0000号"}`, "text"},
		{"redact names string", "/v1/redact", `{"text":"证人王五","names":"王五"}`, "names"},
		{"redact names script", "/v1/redact", `{"text":"证人王五","names":["<script>alert(1)</script>"]}`, "names"},
		{"redact names NUL", "/v1/redact", `{"text":"证人王五","names":["王\u0000五"]}`, "names"},
		{"redact names 1e309", "/v1/redact", `{"text":"证人王五","names":[1e309]}`, "names"},
		{"cases row string", "/v1/library/cases", `["x"]`, "body"},
		{"cases row null fields", "/v1/library/cases", `[{}]`, ""},
		{"cases fine 1e309", "/v1/library/cases", "[" + strings.Replace(validCase, `"fine":50000`, `"fine":1e309`, 1) + "]", "penalty.fine"},
		{"cases fine NaN", "/v1/library/cases", "[" + strings.Replace(validCase, `"fine":50000`, `"fine":"NaN"`, 1) + "]", "penalty.fine"},
		{"cases fine negative", "/v1/library/cases", "[" + strings.Replace(validCase, `"fine":50000`, `"fine":-1`, 1) + "]", ""},
		{"cases article string", "/v1/library/cases", "[" + strings.Replace(validCase, `"article":124`, `"article":"124"`, 1) + "]", "basis.article"},
		{"cases id traversal", "/v1/library/cases", "[" + strings.Replace(validCase, `"api-1"`, `"../../etc/passwd"`, 1) + "]", ""},
		{"cases id SQL", "/v1/library/cases", "[" + strings.Replace(validCase, `"api-1"`, `"1; DROP TABLE cases"`, 1) + "]", ""},
		{"cases id script", "/v1/library/cases", "[" + strings.Replace(validCase, `"api-1"`, `"<script>alert(1)</script>"`, 1) + "]", ""},
		{"cases id empty", "/v1/library/cases", "[" + strings.Replace(validCase, `"api-1"`, `""`, 1) + "]", ""},
		{"cases date invalid", "/v1/library/cases", "[" + strings.Replace(validCase, `"disposition":"处罚"`, `"disposition":"处罚","decision_date":"2021-02-30"`, 1) + "]", ""},
		{"cases good then bad", "/v1/library/cases", "[" + validCase + `,{"id":"api-2"}]`, ""},
		{"cases unknown nested field", "/v1/library/cases", "[" + strings.Replace(validCase, `"fine":50000`, `"fine":50000,"bribe":1`, 1) + "]", "bribe"},
		{"cases 10k empty rows", "/v1/library/cases", "[" + strings.TrimSuffix(strings.Repeat("{},", 10000), ",") + "]", ""},
	} {
		add(b.name, post(b.target, b.body), b.field)
	}

	// Query strings and path segments.
	long := strings.Repeat("食", 2001)
	for _, base := range []string{"/v1/norms/search?", "/v1/cases/search?", "/v1/library/cases/search?"} {
		for _, q := range []struct{ name, query, field string }{
			{"invalid utf8", "q=%FF%FE", "q"},
			{"NUL", "q=%00", "q"},
			{"too long", "q=" + url.QueryEscape(long), "q"},
			{"limit 1e309", "q=x&limit=1e309", "limit"},
			{"limit NaN", "q=x&limit=NaN", "limit"},
			{"limit -0", "q=x&limit=-0", "limit"},
			{"limit huge", "q=x&limit=99999999999999999999", "limit"},
			{"offset negative", "q=x&offset=-1", "offset"},
			{"from traversal", "q=x&from=..%2F..%2Fetc", "from"},
			{"to script", "q=x&to=%3Cscript%3E", "to"},
			{"mode traversal", "q=x&mode=..%2F", "mode"},
			{"filter too long", "region=" + url.QueryEscape(strings.Repeat("区", 201)), "region"},
		} {
			add(base+q.name, get(base+q.query), q.field)
		}
	}
	add("norm search in_force NaN", get("/v1/norms/search?q=x&in_force=NaN"), "in_force")
	add("norm search nothing", get("/v1/norms/search?q=%20%20"), "q")
	add("query string over the header buffer", get("/v1/norms/search?q=x&pad="+strings.Repeat("a", 70<<10)), "")
	law := url.PathEscape("食品安全法")
	for _, p := range []struct{ name, path string }{
		{"law traversal", "/v1/norms/..%2F..%2Fetc%2Fpasswd/1"},
		{"law NUL", "/v1/norms/%00/1"},
		{"law invalid utf8", "/v1/norms/%C3%28/1"},
		{"law too long", "/v1/norms/" + url.PathEscape(strings.Repeat("法", 201)) + "/1"},
		{"law script", "/v1/norms/" + url.PathEscape("<script>alert(1)</script>") + "/1"},
		{"law SQL", "/v1/norms/" + url.PathEscape("' OR 1=1 --") + "/1"},
		{"article 1e309", "/v1/norms/" + law + "/1e309"},
		{"article -0", "/v1/norms/" + law + "/-0"},
		{"article NaN", "/v1/norms/" + law + "/NaN"},
		{"article huge", "/v1/norms/" + law + "/99999999999999999999"},
		{"article traversal", "/v1/norms/" + law + "/..%2F..%2F1"},
		{"article date NaN", "/v1/norms/" + law + "/124?date=NaN"},
		{"case id traversal", "/v1/library/cases/..%2F..%2Fetc%2Fpasswd"},
		{"case id NUL", "/v1/library/cases/api%00"},
		{"case id invalid utf8", "/v1/library/cases/%FF"},
		{"case id too long", "/v1/library/cases/" + strings.Repeat("a", 129)},
		{"case id SQL", "/v1/library/cases/" + url.PathEscape("1' OR '1'='1")},
		{"case id unknown", "/v1/library/cases/no-such-case"},
		{"benchmark id traversal", "/v1/benchmarks/..%2F..%2Fetc%2Fpasswd"},
		{"benchmark id NUL", "/v1/benchmarks/%00"},
		{"benchmark id unknown", "/v1/benchmarks/" + url.PathEscape("<script>")},
		{"benchmarks limit 1e309", "/v1/benchmarks?limit=1e309"},
		{"benchmarks q too long", "/v1/benchmarks?q=" + url.QueryEscape(strings.Repeat("食", 201))},
		{"benchmarks sector NUL", "/v1/benchmarks?sector=%00"},
		{"workdays from traversal", "/v1/workdays/add?from=..%2F..%2Fetc&n=1"},
		{"workdays from NUL", "/v1/workdays/add?from=%00&n=1"},
		{"workdays from invalid utf8", "/v1/workdays/add?from=%FF&n=1"},
		{"workdays n 1e309", "/v1/workdays/add?from=2025-09-30&n=1e309"},
		{"workdays n NaN", "/v1/workdays/add?from=2025-09-30&n=NaN"},
		{"workdays n huge", "/v1/workdays/add?from=2025-09-30&n=99999999999999999999"},
		{"workdays beyond schedule", "/v1/workdays/add?from=9999-12-31&n=1"},
		{"unknown route", "/v1/../../etc/passwd"},
		{"unknown version", "/v2/norms/search?q=x"},
		{"route prefix", "/v1/norms"},
	} {
		add(p.name, get(p.path), "")
	}
	// Methods and forged headers.
	for _, m := range []string{"PUT", "PATCH", "DELETE"} {
		add(m+" case", liveRequest{m, "/v1/cases/api-1", json, []byte("[" + validCase + "]")}, "")
	}
	for _, target := range []string{"/", "/healthz", "/v1/norms/search?q=x", "/v1/cases/api-1", "/v1/benchmarks"} {
		add("foreign host "+target, liveRequest{"GET", target, map[string]string{"Host": "evil.example:" + port, "X-Forwarded-Host": "127.0.0.1:" + port}, nil}, "Host")
	}
	add("foreign host on a write, forwarded-for loopback", liveRequest{"POST", "/v1/library/cases", map[string]string{"Host": "rebind.evil.example", "Content-Type": "application/json", "X-Forwarded-For": "127.0.0.1"}, []byte("[" + validCase + "]")}, "Host")
	add("foreign origin with loopback referer", liveRequest{"POST", "/v1/library/cases", map[string]string{"Content-Type": "application/json", "Origin": "https://evil.example", "Referer": "http://127.0.0.1:" + port + "/"}, []byte("[" + validCase + "]")}, "Origin")
	add("file origin", liveRequest{"POST", "/v1/library/cases", map[string]string{"Content-Type": "application/json", "Origin": "file://"}, []byte("[" + validCase + "]")}, "Origin")

	if len(catalog) < 100 {
		t.Fatalf("catalog has %d requests; want at least 100", len(catalog))
	}
	for i, e := range catalog {
		t.Run(fmt.Sprintf("%03d %s", i, e.name), func(t *testing.T) {
			st, h, got := send(t, addr, e.req)
			if testing.Verbose() {
				t.Logf("%d %s %s: %s", st, got.Code, got.Field, got.Message)
			}
			if st < 400 || st >= 500 {
				t.Fatalf("status %d %+v; want a 4xx", st, got)
			}
			checkSecurityHeaders(t, e.name, h)
			if e.field != "" && got.Field != e.field {
				t.Errorf("field %q (%s); want %q", got.Field, got.Message, e.field)
			}
			for _, leak := range goLeaks {
				if strings.Contains(got.Message, leak) {
					t.Errorf("message %q shows %q", got.Message, leak)
				}
			}
		})
	}
	if after := snapshot(t, lib); after != before {
		t.Fatalf("hostile requests changed stored data: %s -> %s", before, after)
	}
	t.Logf("%d hostile requests, none answered outside 4xx", len(catalog))
}
