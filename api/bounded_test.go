package api

import (
	"net/url"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cailiang/cailiang/corpus"
)

// statuteText returns n characters of the in-force text of law, articles
// joined: the query of an attacker pasting statute text.
func statuteText(t testing.TB, lib *corpus.Library, law string, skip, n int) string {
	t.Helper()
	var b strings.Builder
	for _, info := range lib.Store().StatuteInfos() {
		if info.Law != law || !info.InForce {
			continue
		}
		_ = lib.Store().Articles(info.ID, func(a corpus.Article) error {
			b.WriteString(a.Text())
			return nil
		})
	}
	r := []rune(b.String())
	if len(r) < skip+n {
		t.Fatalf("%s has %d characters; want %d", law, len(r), skip+n)
	}
	return string(r[skip : skip+n])
}

// searchTime times the norm search for q, each run another page (offset
// i) so that the search is done again rather than answered by the result
// cache.
func searchTime(tb testing.TB, s *Server, q string, i int) time.Duration {
	tb.Helper()
	target := "/v1/norms/search?q=" + url.QueryEscape(q) + "&limit=10&offset=" + strconv.Itoa(i)
	start := time.Now()
	resp, err := s.App().Test(localRequest("GET", target, nil), -1)
	if err != nil {
		tb.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		tb.Fatalf("search of %d characters: status %d", len([]rune(q)), resp.StatusCode)
	}
	return time.Since(start)
}

// heapBytes is the memory of live and not yet swept heap objects.
func heapBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// rssBytes is the resident set of the process (0 where /proc is missing).
func rssBytes() uint64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.ParseUint(f[1], 10, 64)
	return pages * uint64(os.Getpagesize())
}

// TestNationalLongQuery checks that long queries cannot exhaust memory:
// a 2,000-character query (the longest accepted) of statute text once took
// 26 s against 0.14 s for 50 characters, and four at once grew the process
// by 1.7 GB. Four long queries at once must grow the heap by a bounded
// amount. The plan that bounds a query's work is checked by
// corpus/bleveidx's TestPlanBoundsLongQueries; the time of a long query
// against a short one is BenchmarkNormSearchLongQuery's (a ratio of
// timings is a benchmark's number, not a test's: it once read 6.0 on a
// machine at load 23).
func TestNationalLongQuery(t *testing.T) {
	a := nationalLibrary(t)
	s := ForApp(a, Config{RequestTimeout: time.Minute})

	// Four concurrent long queries, each a different stretch of text.
	runtime.GC()
	heap0, rss0 := heapBytes(), rssBytes()
	var peak uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			if h := heapBytes(); h > peak {
				peak = h
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		q := statuteText(t, a.Library, "食品安全法", 2000*(i+1), 2000)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 3; j++ {
				resp, err := s.App().Test(localRequest("GET", "/v1/norms/search?q="+url.QueryEscape(q), nil), -1)
				if err != nil {
					t.Error(err)
					return
				}
				resp.Body.Close()
				if resp.StatusCode != 200 {
					t.Errorf("concurrent long query: status %d", resp.StatusCode)
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	<-sampled
	rss1 := rssBytes()
	const mb = 1 << 20
	t.Logf("4 concurrent 2,000-character queries (3 each): heap %d MB → peak %d MB (+%d MB); RSS %d → %d MB",
		heap0/mb, peak/mb, (peak-heap0)/mb, rss0/mb, rss1/mb)
	if peak > heap0 && peak-heap0 > 256*mb {
		t.Errorf("heap grew by %d MB under 4 concurrent long queries; want at most 256 MB", (peak-heap0)/mb)
	}
	if rss1 > rss0 && rss1-rss0 > 512*mb {
		t.Errorf("RSS grew by %d MB under 4 concurrent long queries; want at most 512 MB", (rss1-rss0)/mb)
	}
}

// BenchmarkNormSearchLongQuery times the norm search for 2,000 characters
// of statute text (the longest query accepted) against its first 50
// characters, alternated in the same run: long_ms, short_ms (fastest of
// b.N runs each) and their ratio, which the bounded plan keeps near 1–3
// (it was 185 before the bound).
func BenchmarkNormSearchLongQuery(b *testing.B) {
	a := nationalLibrary(b)
	s := ForApp(a, Config{RequestTimeout: time.Minute})
	long := statuteText(b, a.Library, "食品安全法", 0, 2000)
	short := string([]rune(long)[:50])
	// Warm the index's pages for both at an offset not measured (a cached
	// answer would cost nothing).
	searchTime(b, s, short, 1000)
	searchTime(b, s, long, 1000)
	best := [2]time.Duration{}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, q := range [2]string{short, long} {
			if d := searchTime(b, s, q, i); i == 0 || d < best[k] {
				best[k] = d
			}
		}
	}
	b.StopTimer()
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(best[0]), "short_ms")
	b.ReportMetric(ms(best[1]), "long_ms")
	b.ReportMetric(float64(best[1])/float64(best[0]), "ratio")
}
