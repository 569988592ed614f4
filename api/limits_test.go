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
	for range 2 {
		if ok, _ := s.limits.queue.enter(); !ok {
			t.Fatal("a free slot was not given at once")
		}
	}
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
	// The refused requests left the queue: nobody waits, both slots held.
	if running, queued := s.limits.queue.state(); running != 2 || queued != 0 {
		t.Errorf("after the 429s: %d running, %d queued; want 2, 0", running, queued)
	}
	s.limits.queue.release()
	if r := do(t, s, "GET", search, "", nil); r.status != 200 || r.header.Get("Retry-After") != "" {
		t.Errorf("search with a slot free: %d %v", r.status, r.body)
	}
	if running, queued := s.limits.queue.state(); running != 1 || queued != 0 {
		t.Errorf("%d slots held, %d queued after the search; want 1, 0 (its slot released)", running, queued)
	}
}

// TestAdmissionOrder checks that requests waiting for a slot are admitted
// first come, first served, each freed slot going to the oldest waiter,
// and that a waiter giving up (429, deadline) neither keeps its place nor
// loses a slot it was handed meanwhile.
func TestAdmissionOrder(t *testing.T) {
	for _, slots := range []int{1, 2, 3} {
		q := &admission{slots: slots}
		for range slots {
			if ok, _ := q.enter(); !ok {
				t.Fatalf("%d slots: a free slot was not given at once", slots)
			}
		}
		const waiters = 6
		admitted := make(chan int, waiters)
		for i := range waiters {
			ok, turn := q.enter()
			if ok {
				t.Fatalf("%d slots: waiter %d admitted with every slot held", slots, i)
			}
			go func() { <-turn; admitted <- i }()
		}
		if running, queued := q.state(); running != slots || queued != waiters {
			t.Fatalf("%d slots: %d running, %d queued; want %d, %d", slots, running, queued, slots, waiters)
		}
		for want := range waiters {
			q.release()
			if got := <-admitted; got != want {
				t.Errorf("%d slots: release %d admitted waiter %d; want %d (arrival order)", slots, want, got, want)
			}
		}
		if running, queued := q.state(); running != slots || queued != 0 {
			t.Errorf("%d slots: after handing over %d running, %d queued; want %d, 0", slots, running, queued, slots)
		}
	}

	q := &admission{slots: 1}
	q.enter()
	_, first := q.enter()
	_, second := q.enter()
	// The first waiter gives up before its turn: its place goes, the
	// second is next.
	if !q.leave(first) {
		t.Error("leave of a queued waiter reported it admitted")
	}
	q.release()
	select {
	case <-second:
	default:
		t.Error("the freed slot did not go to the waiter behind the one that left")
	}
	// A waiter handed the slot just as it gives up holds it: leave says so
	// and the caller releases it; nothing stays held.
	_, third := q.enter()
	q.release()
	if q.leave(third) {
		t.Error("leave of an admitted waiter reported it still queued")
	}
	q.release()
	if running, queued := q.state(); running != 0 || queued != 0 {
		t.Errorf("after every request left: %d running, %d queued; want 0, 0", running, queued)
	}
}

// TestMaxConcurrent checks the admission width a configuration gives: its
// own value, or DefaultMaxConcurrent for 0.
func TestMaxConcurrent(t *testing.T) {
	tests := []struct{ configured, want int }{
		{0, DefaultMaxConcurrent},
		{-1, DefaultMaxConcurrent},
		{1, 1},
		{4, 4},
	}
	for _, tt := range tests {
		if got := newLimiter(Config{MaxConcurrent: tt.configured}).queue.slots; got != tt.want {
			t.Errorf("server with MaxConcurrent %d admits %d, want %d", tt.configured, got, tt.want)
		}
	}
}
