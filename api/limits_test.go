package api

import (
	"net/url"
	"os"
	"runtime"
	"strconv"
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
// of a queue held, a request of that queue waits the queue wait and is
// refused 429 with Retry-After in the error format; cheap requests and
// those of the other queue (analyses have their own) still pass; once a
// slot frees up the request is answered.
func TestBusy(t *testing.T) {
	lib := testLibrary(t, nil)
	search := "/v1/norms/search?q=" + url.QueryEscape("生产经营许可")
	type req struct {
		method, target string
		body           []byte
	}
	searches := []req{{"GET", search, nil}, {"GET", "/v1/cases/search?q=" + url.QueryEscape("过期食品"), nil}}
	analyses := []req{{"POST", "/v1/analyze", []byte(`{"facts":"销售过期食品"}`)}}
	tests := []struct {
		name            string
		queue           func(l *workLimits) *admission
		refused, served []req
	}{
		{"searches", func(l *workLimits) *admission { return &l.queue }, searches, analyses},
		{"analyses", func(l *workLimits) *admission { return &l.analyses }, analyses, searches},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(Config{Library: lib, Catalog: testCatalog(t), Analyzer: testAnalyzer(t, lib), MaxConcurrent: 2, AnalysisConcurrent: 2,
				QueueWait: 20 * time.Millisecond})
			q := tt.queue(s.limits)
			// Hold both slots as two long requests would.
			for range 2 {
				if ok, _ := q.enter(); !ok {
					t.Fatal("a free slot was not given at once")
				}
			}
			for _, r := range tt.refused {
				got := do(t, s, r.method, r.target, "application/json", r.body)
				if got.status != 429 || errCode(got) != "too_busy" || got.header.Get("Retry-After") != "1" {
					t.Errorf("%s %s with every slot held: %d %v Retry-After %q; want 429 too_busy, Retry-After 1",
						r.method, r.target, got.status, got.body, got.header.Get("Retry-After"))
				}
			}
			for _, r := range tt.served {
				if got := do(t, s, r.method, r.target, "application/json", r.body); got.status != 200 {
					t.Errorf("%s %s with the other queue full: %d %v; want 200", r.method, r.target, got.status, got.body)
				}
			}
			if r := do(t, s, "GET", "/healthz", "", nil); r.status != 200 {
				t.Errorf("healthz with every slot held: %d", r.status)
			}
			// The refused requests left the queue: nobody waits, both slots held.
			if running, queued := q.state(); running != 2 || queued != 0 {
				t.Errorf("after the 429s: %d running, %d queued; want 2, 0", running, queued)
			}
			q.release()
			r := tt.refused[0]
			if got := do(t, s, r.method, r.target, "application/json", r.body); got.status != 200 || got.header.Get("Retry-After") != "" {
				t.Errorf("%s %s with a slot free: %d %v", r.method, r.target, got.status, got.body)
			}
			if running, queued := q.state(); running != 1 || queued != 0 {
				t.Errorf("%d slots held, %d queued after the request; want 1, 0 (its slot released)", running, queued)
			}
		})
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

// TestMaxConcurrent checks the admission widths a configuration gives:
// its own values, or DefaultMaxConcurrent and DefaultAnalysisConcurrent
// for 0.
func TestMaxConcurrent(t *testing.T) {
	tests := []struct{ configured, want, analyses, wantAnalyses int }{
		{0, DefaultMaxConcurrent, 0, DefaultAnalysisConcurrent()},
		{-1, DefaultMaxConcurrent, -1, DefaultAnalysisConcurrent()},
		{1, 1, 3, 3},
		{4, 4, 1, 1},
	}
	for _, tt := range tests {
		l := newLimiter(Config{MaxConcurrent: tt.configured, AnalysisConcurrent: tt.analyses})
		if l.queue.slots != tt.want || l.analyses.slots != tt.wantAnalyses {
			t.Errorf("server with MaxConcurrent %d, AnalysisConcurrent %d admits %d and %d analyses, want %d and %d",
				tt.configured, tt.analyses, l.queue.slots, l.analyses.slots, tt.want, tt.wantAnalyses)
		}
	}
}

// TestReserveNetworkProcessor checks the processors serve runs with: one
// more than before for the scheduler while analyses keep to the cores, or,
// when GOMAXPROCS is set in the environment, the operator's number with
// one of them kept from analyses; restore puts both back.
func TestReserveNetworkProcessor(t *testing.T) {
	procs := runtime.GOMAXPROCS(0)
	tests := []struct {
		name                 string
		env                  string
		wantProcs, wantWidth int
	}{
		{"unset", "", procs + 1, procs},
		{"operator's", strconv.Itoa(procs), procs, max(1, procs-1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("GOMAXPROCS", tt.env)
			if tt.env == "" {
				os.Unsetenv("GOMAXPROCS")
			}
			if got := DefaultAnalysisConcurrent(); got != procs {
				t.Fatalf("before: %d analyses at once, want %d (one per processor)", got, procs)
			}
			restore := ReserveNetworkProcessor()
			gotProcs, gotWidth := runtime.GOMAXPROCS(0), DefaultAnalysisConcurrent()
			restore()
			if gotProcs != tt.wantProcs || gotWidth != tt.wantWidth {
				t.Errorf("reserved: GOMAXPROCS %d, %d analyses at once; want %d, %d", gotProcs, gotWidth, tt.wantProcs, tt.wantWidth)
			}
			if runtime.GOMAXPROCS(0) != procs || DefaultAnalysisConcurrent() != procs {
				t.Errorf("restored: GOMAXPROCS %d, %d analyses; want %d, %d", runtime.GOMAXPROCS(0), DefaultAnalysisConcurrent(), procs, procs)
			}
		})
	}
}
