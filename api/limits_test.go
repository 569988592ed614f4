package api

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestDeadline checks that a request whose deadline passes while it
// searches is answered 503 in the error format, not left running or
// answered 500.
func TestDeadline(t *testing.T) {
	lib := testLibrary(t, nil)
	s := New(Config{Library: lib, Catalog: testCatalog(t), RequestTimeout: time.Nanosecond})
	for _, target := range []string{
		"/v1/norms/search?q=" + url.QueryEscape("生产经营许可"),
		"/v1/cases/search?q=" + url.QueryEscape("销售过期食品"),
	} {
		r := do(t, s, "GET", target, "", nil)
		msg, _ := r.body["error"].(map[string]any)["message"].(string)
		if r.status != 503 || errCode(r) != "timeout" || !strings.Contains(msg, "超时") {
			t.Errorf("GET %s with a 1ns deadline: %d %v; want 503 timeout", target, r.status, r.body)
		}
	}
	// A generous deadline leaves the same search alone.
	s = New(Config{Library: lib, Catalog: testCatalog(t), RequestTimeout: time.Minute})
	if r := do(t, s, "GET", "/v1/norms/search?q="+url.QueryEscape("生产经营许可"), "", nil); r.status != 200 {
		t.Errorf("norm search with a 1 min deadline: %d %v", r.status, r.body)
	}
}

// TestBusy checks the back-pressure on expensive requests: with every slot
// held, a search waits the queue wait and is refused 429 with Retry-After
// in the error format; cheap requests still pass; once a slot frees up the
// search is answered.
func TestBusy(t *testing.T) {
	lib := testLibrary(t, nil)
	s := New(Config{Library: lib, Catalog: testCatalog(t), MaxConcurrent: 2, QueueWait: 20 * time.Millisecond})
	search := "/v1/norms/search?q=" + url.QueryEscape("生产经营许可")
	// Hold both slots as two long searches would.
	s.limits.slots <- struct{}{}
	s.limits.slots <- struct{}{}
	tests := []struct {
		method, target string
		body           []byte
	}{
		{"GET", search, nil},
		{"GET", "/v1/cases/search?q=" + url.QueryEscape("过期食品"), nil},
		{"POST", "/v1/analyze", []byte(`{"facts":"销售过期食品"}`)},
	}
	for _, tt := range tests {
		r := do(t, s, tt.method, tt.target, "application/json", tt.body)
		if r.status != 429 || errCode(r) != "too_busy" || r.header.Get("Retry-After") != "1" {
			t.Errorf("%s %s with every slot held: %d %v Retry-After %q; want 429 too_busy, Retry-After 1",
				tt.method, tt.target, r.status, r.body, r.header.Get("Retry-After"))
		}
	}
	if r := do(t, s, "GET", "/healthz", "", nil); r.status != 200 {
		t.Errorf("healthz with every search slot held: %d", r.status)
	}
	<-s.limits.slots
	if r := do(t, s, "GET", search, "", nil); r.status != 200 || r.header.Get("Retry-After") != "" {
		t.Errorf("search with a slot free: %d %v", r.status, r.body)
	}
	if n := len(s.limits.slots); n != 1 {
		t.Errorf("%d slots held after the search; want 1 (its slot released)", n)
	}
}
