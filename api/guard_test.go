package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// liveServer serves s on a loopback port until the test ends and returns
// its address.
func liveServer(t *testing.T, s *Server) string {
	t.Helper()
	base, stop := serveLocal(t, s)
	t.Cleanup(stop)
	addr := strings.TrimPrefix(base, "http://")
	if tok, ok := adminTokens.Load(s); ok {
		adminTokens.Store(addr, tok)
	}
	return addr
}

// liveRequest is one request to a live server with explicit headers
// (Host among them: an empty Host means the address's).
type liveRequest struct {
	method, target string
	header         map[string]string
	body           []byte
}

// send sends r to addr with a real client and returns the status, the
// headers and the error body (zero for a success).
func send(t *testing.T, addr string, r liveRequest) (int, http.Header, Error) {
	t.Helper()
	var body io.Reader
	if r.body != nil {
		body = bytes.NewReader(r.body)
	}
	req, err := http.NewRequest(r.method, "http://"+addr+r.target, body)
	if err != nil {
		t.Fatal(err)
	}
	if tok, ok := adminTokens.Load(addr); ok {
		req.Header.Set("Authorization", "Bearer "+tok.(string))
	}
	for k, v := range r.header {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", r.method, r.target, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var eb ErrorBody
	if resp.StatusCode >= 400 {
		if err := json.Unmarshal(raw, &eb); err != nil || eb.Error.Code == "" || eb.Error.Message == "" {
			t.Fatalf("%s %s: %d answer not in the error format: %q", r.method, r.target, resp.StatusCode, raw)
		}
	}
	return resp.StatusCode, resp.Header, eb.Error
}

func checkSecurityHeaders(t *testing.T, what string, h http.Header) {
	t.Helper()
	for k, want := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer"} {
		if got := h.Get(k); got != want {
			t.Errorf("%s: %s = %q; want %q", what, k, got, want)
		}
	}
	if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("%s: Content-Security-Policy %q lacks frame-ancestors 'none'", what, csp)
	}
}

// TestWebGuard plays a web page the officer visits (no-cors POST,
// cross-site Origin, DNS rebinding Host) against a live server: each is
// refused in the error format and changes nothing; the service's own page
// and the CLI (no Origin) still work.
func TestWebGuard(t *testing.T) {
	lib := testLibrary(t, nil)
	s := withAdmin(t, Config{Library: lib, Catalog: testCatalog(t), Analyzer: testAnalyzer(t, lib),
		Web: WebConfig{AllowedHosts: []string{"cailiang.example.gov.cn", "Intranet.Example:9443"}}})
	addr := liveServer(t, s)
	_, port, _ := net.SplitHostPort(addr)
	self := "http://" + addr
	before := snapshot(t, lib)
	cases := []byte("[" + validCase + "]")
	analyze := []byte(`{"facts":"销售过期食品，货值金额300元。"}`)
	search := "/v1/cases/search?q=" + url.QueryEscape("过期")
	tests := []struct {
		name   string
		req    liveRequest
		status int
		code   string
	}{
		// fetch(url, {mode: "no-cors", method: "POST", body: blob}) from
		// another site: no Content-Type, the page's Origin.
		{"no-cors blob POST", liveRequest{"POST", "/v1/library/cases", map[string]string{"Origin": "https://evil.example"}, cases}, 403, "origin_not_allowed"},
		{"no-cors text/plain POST", liveRequest{"POST", "/v1/library/cases", map[string]string{"Origin": "https://evil.example", "Content-Type": "text/plain;charset=UTF-8"}, cases}, 403, "origin_not_allowed"},
		{"form POST from null origin", liveRequest{"POST", "/v1/library/cases", map[string]string{"Origin": "null", "Content-Type": "application/x-www-form-urlencoded"}, cases}, 403, "origin_not_allowed"},
		{"same host other port origin", liveRequest{"POST", "/v1/library/cases", map[string]string{"Origin": "http://127.0.0.1:1", "Content-Type": "application/json"}, cases}, 403, "origin_not_allowed"},
		{"blob without origin", liveRequest{"POST", "/v1/library/cases", nil, cases}, 415, "unsupported_media_type"},
		{"text/plain without origin", liveRequest{"POST", "/v1/library/cases", map[string]string{"Content-Type": "text/plain"}, cases}, 415, "unsupported_media_type"},
		{"form type", liveRequest{"POST", "/v1/analyze", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, analyze}, 415, "unsupported_media_type"},
		{"multipart", liveRequest{"POST", "/v1/citations/resolve", map[string]string{"Content-Type": "multipart/form-data; boundary=x"}, []byte(`{"text":"a"}`)}, 415, "unsupported_media_type"},
		{"json in latin1", liveRequest{"POST", "/v1/suggest", map[string]string{"Content-Type": "application/json; charset=iso-8859-1"}, []byte(`{}`)}, 415, "unsupported_media_type"},
		{"malformed content type", liveRequest{"POST", "/v1/analyze", map[string]string{"Content-Type": "application/json; ;;="}, analyze}, 415, "unsupported_media_type"},
		{"rebinding host", liveRequest{"GET", search, map[string]string{"Host": "attacker.example:" + port}, nil}, 421, "host_not_allowed"},
		{"rebinding host on write", liveRequest{"POST", "/v1/library/cases", map[string]string{"Host": "attacker.example", "Content-Type": "application/json"}, cases}, 421, "host_not_allowed"},
		{"loopback name, other port", liveRequest{"GET", search, map[string]string{"Host": "localhost:1"}, nil}, 421, "host_not_allowed"},
		{"other loopback address", liveRequest{"GET", search, map[string]string{"Host": "127.0.0.2:" + port}, nil}, 421, "host_not_allowed"},
		{"configured name, other port", liveRequest{"GET", search, map[string]string{"Host": "intranet.example:80"}, nil}, 421, "host_not_allowed"},
		{"suffix of a configured name", liveRequest{"GET", search, map[string]string{"Host": "evil-cailiang.example.gov.cn"}, nil}, 421, "host_not_allowed"},
		{"host with userinfo", liveRequest{"GET", search, map[string]string{"Host": "127.0.0.1@evil.example"}, nil}, 421, "host_not_allowed"},
		{"own page", liveRequest{"POST", "/v1/analyze", map[string]string{"Origin": self, "Content-Type": "application/json"}, analyze}, 200, ""},
		{"CLI, charset", liveRequest{"POST", "/v1/analyze", map[string]string{"Content-Type": "application/json; charset=utf-8"}, analyze}, 200, ""},
		{"localhost", liveRequest{"GET", search, map[string]string{"Host": "localhost:" + port}, nil}, 200, ""},
		{"localhost, trailing dot, upper case", liveRequest{"GET", search, map[string]string{"Host": "LOCALHOST.:" + port}, nil}, 200, ""},
		{"ipv6 loopback", liveRequest{"GET", search, map[string]string{"Host": "[::1]:" + port}, nil}, 200, ""},
		{"no port (proxy on 80)", liveRequest{"GET", search, map[string]string{"Host": "127.0.0.1"}, nil}, 200, ""},
		{"configured name", liveRequest{"GET", search, map[string]string{"Host": "cailiang.example.gov.cn"}, nil}, 200, ""},
		{"configured name and port", liveRequest{"GET", search, map[string]string{"Host": "intranet.example:9443"}, nil}, 200, ""},
		{"configured origin", liveRequest{"POST", "/v1/analyze", map[string]string{"Origin": "https://cailiang.example.gov.cn", "Host": "cailiang.example.gov.cn", "Content-Type": "application/json"}, analyze}, 200, ""},
		{"page", liveRequest{"GET", "/", nil, nil}, 200, ""},
		{"unknown route", liveRequest{"GET", "/v1/nothing", nil, nil}, 404, "route_not_found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, h, e := send(t, addr, tt.req)
			if st != tt.status || e.Code != tt.code {
				t.Fatalf("status %d %+v; want %d %q", st, e, tt.status, tt.code)
			}
			checkSecurityHeaders(t, tt.name, h)
		})
	}
	if after := snapshot(t, lib); after != before {
		t.Fatalf("refused requests changed stored data: %s -> %s", before, after)
	}
	// The same import with the right headers goes through: the refusals
	// above were the guard's, not the body's.
	if st, _, e := send(t, addr, liveRequest{"POST", "/v1/library/cases", map[string]string{"Origin": self, "Content-Type": "application/json"}, cases}); st != 201 {
		t.Fatalf("own page import: %d %+v", st, e)
	}
}

// TestWebPagePolicy checks the page's own Content-Security-Policy: it
// forbids framing, and allows the page's inline script and styles (the
// page uses both) but nothing from elsewhere.
func TestWebPagePolicy(t *testing.T) {
	s := New(Config{Library: testLibrary(t, nil), Catalog: testCatalog(t)})
	r := do(t, s, "GET", "/", "", nil)
	checkSecurityHeaders(t, "page", r.header)
	csp := r.header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "script-src 'self' 'unsafe-inline'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("page CSP %q lacks %q", csp, want)
		}
	}
	if !bytes.Contains(indexPage, []byte("<script>")) || bytes.Contains(indexPage, []byte("<script src=")) {
		t.Errorf("the page's script moved: revisit its CSP")
	}
}

// TestRateLimits checks the limits through a live server with loopback
// clients counted: the request over the limit is a 429 in the error
// format with Retry-After, per kind; without LimitLoopback the same
// loopback client is never limited.
func TestRateLimits(t *testing.T) {
	lib := testLibrary(t, nil)
	limited := withAdmin(t, Config{Library: lib, Catalog: testCatalog(t), Web: WebConfig{WritesPerMinute: 2, ReadsPerMinute: 3, LimitLoopback: true}})
	addr := liveServer(t, limited)
	search := liveRequest{"GET", "/v1/norms/search?q=" + url.QueryEscape("许可"), nil, nil}
	write := liveRequest{"POST", "/v1/library/cases", map[string]string{"Content-Type": "application/json"}, []byte(`[]`)}
	for i, want := range []int{200, 200, 200, 429} {
		st, h, e := send(t, addr, search)
		if st != want {
			t.Fatalf("search %d: status %d %+v; want %d", i+1, st, e, want)
		}
		if st == 429 && (e.Code != "rate_limited" || h.Get("Retry-After") == "" || !strings.Contains(e.Message, "每分钟最多 3 次")) {
			t.Fatalf("429: %+v Retry-After %q", e, h.Get("Retry-After"))
		}
	}
	// Writes are counted apart from reads; a cheap read is not counted.
	for i, want := range []int{400, 400, 429} {
		if st, _, e := send(t, addr, write); st != want {
			t.Fatalf("write %d: status %d %+v; want %d", i+1, st, e, want)
		}
	}
	if st, _, e := send(t, addr, liveRequest{"GET", "/v1/benchmarks", nil, nil}); st != 200 {
		t.Fatalf("benchmarks after the limits: %d %+v", st, e)
	}

	exempt := New(Config{Library: lib, Catalog: testCatalog(t), Web: WebConfig{WritesPerMinute: 2, ReadsPerMinute: 3}})
	addr = liveServer(t, exempt)
	for i := 0; i < 8; i++ {
		if st, _, e := send(t, addr, search); st != 200 {
			t.Fatalf("loopback search %d: %d %+v; want no limit for loopback", i+1, st, e)
		}
	}
}

// TestBodyTooLargeReachesClient sends 4 MB + 1 byte with Go's ordinary
// client, which writes the whole body before it reads: the 413 must
// arrive as an answer, not as a reset connection.
func TestBodyTooLargeReachesClient(t *testing.T) {
	lib := testLibrary(t, nil)
	s := New(Config{Library: lib, Catalog: testCatalog(t), Analyzer: testAnalyzer(t, lib)})
	addr := liveServer(t, s)
	body := bytes.Repeat([]byte(" "), DefaultBodyLimit+1)
	for _, target := range []string{"/v1/library/cases", "/v1/analyze", "/v1/citations/resolve", "/v1/suggest"} {
		for i := 0; i < 3; i++ {
			st, h, e := send(t, addr, liveRequest{"POST", target, map[string]string{"Content-Type": "application/json"}, body})
			if st != 413 || e.Code != "body_too_large" {
				t.Fatalf("POST %s 4 MB + 1: %d %+v; want 413 body_too_large", target, st, e)
			}
			checkSecurityHeaders(t, "413", h)
		}
	}
	// A body at the limit is read and judged on its content.
	at := append(append([]byte(`{"facts":"`), bytes.Repeat([]byte("a"), DefaultBodyLimit-len(`{"facts":""}`))...), `"}`...)
	if st, _, e := send(t, addr, liveRequest{"POST", "/v1/analyze", map[string]string{"Content-Type": "application/json"}, at}); st != 400 || e.Code != "invalid_input" {
		t.Fatalf("4 MB body: %d %+v; want 400 invalid_input (facts too long)", st, e)
	}
}

// TestSnippetsEscapedOnce checks that a snippet is HTML escaped exactly
// once around its marks: text with < and & reads as &lt; and &amp;, never
// &amp;lt; (the page undoes this escaping before its own).
func TestSnippetsEscapedOnce(t *testing.T) {
	lib := testLibrary(t, nil)
	s := withAdmin(t, Config{Library: lib, Catalog: testCatalog(t)})
	c := strings.Replace(validCase, "当事人销售超过保质期的食品", "当事人销售<超过保质期>的食品&饮料", 1)
	if r := do(t, s, "POST", "/v1/library/cases", "application/json", []byte("["+c+"]")); r.status != 201 {
		t.Fatalf("import: %d %v", r.status, r.body)
	}
	r := do(t, s, "GET", "/v1/cases/search?q="+url.QueryEscape("保质期"), "", nil)
	snips := fmt.Sprint(r.body["hits"])
	if !strings.Contains(snips, "&lt;") || !strings.Contains(snips, "<mark>") || strings.Contains(snips, "&amp;lt;") || strings.Contains(snips, "<超过") {
		t.Fatalf("snippets %s; want the text escaped once, marks kept", snips)
	}
}
