package api

import (
	"context"
	"os"
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/corpus"
)

// benchDirEnv names a data directory with national.jsonl already imported
// (e.g. a copy of one `cailiang eval` or `cailiang import` filled) that
// BenchmarkNormSearchCPU opens instead of importing the statutes into a
// temporary one: the import takes most of a run.
const benchDirEnv = "CAILIANG_BENCH_NATIONAL_DIR"

var (
	benchDirOnce sync.Once
	benchDirApp  *app.App
	benchDirErr  error
)

// searchLibrary is the national library of $CAILIANG_BENCH_NATIONAL_DIR,
// opened as `serve --embedder none` opens it, or nationalLibrary.
func searchLibrary(tb testing.TB) *app.App {
	tb.Helper()
	dir := os.Getenv(benchDirEnv)
	if dir == "" {
		return nationalLibrary(tb)
	}
	benchDirOnce.Do(func() {
		cfg := app.Config{DataDir: dir, NoSamples: true}
		cfg.Vectors.Embedder = app.EmbedderNone
		benchDirApp, benchDirErr = app.Open(context.Background(), cfg, app.ForServe)
		if benchDirErr == nil {
			cleanups = append(cleanups, func() { benchDirApp.Close() })
		}
	})
	if benchDirErr != nil {
		tb.Fatalf("open %s: %v", dir, benchDirErr)
	}
	return benchDirApp
}

// rusage is the process's user plus system CPU time, to the microsecond.
func rusage(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkNormSearchCPU measures what one norm search that misses the
// result cache costs on the national statutes, one search at a time in
// one goroutine, as the HTTP handler asks it (BM25, snippets, 10 hits):
// the process's CPU per search (garbage collection included), the wall
// time, and the allocations and bytes per search. Each round searches the
// same 400 distinct article phrases (articlePhrases, as the distinct-query
// load benchmark draws them) with two trailing white-space characters
// that no other round used: the analysis drops them, the result cache key
// does not, so every search is computed, and every round does the same
// work (at most 64 rounds). The CPU is load-independent enough to compare two
// builds alternated on a shared machine; latency under load is measured
// by BenchmarkNormSearchDistinctExternal.
//
//	CAILIANG_BENCH_NATIONAL_DIR=DIR go test -run '^$' -bench NormSearchCPU -benchtime 3x ./api
func BenchmarkNormSearchCPU(b *testing.B) {
	a := searchLibrary(b)
	qs := articlePhrases(a, 400)
	ctx := context.Background()
	round := 0
	search := func() {
		// Eight white-space characters, two at a time: 64 distinct pads.
		const ws = " \t\n\r\v\f\u3000\u00a0"
		rs := []rune(ws)
		if round >= len(rs)*len(rs) {
			b.Fatalf("more than %d rounds: searches would come from the result cache", len(rs)*len(rs))
		}
		pad := string(rs[round%len(rs)]) + string(rs[round/len(rs)])
		round++
		for _, q := range qs {
			if _, err := a.Library.SearchNorms(ctx, corpus.NormQuery{Q: q + pad, Limit: 10}, corpus.ModeBM25); err != nil {
				b.Fatal(err)
			}
		}
	}
	search() // the first round of a process pays for lazy set-up
	runtime.GC()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	cpu0 := rusage(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		search()
	}
	b.StopTimer()
	cpu := rusage(b) - cpu0
	runtime.ReadMemStats(&m1)
	n := float64(b.N * len(qs))
	b.ReportMetric(float64(cpu.Microseconds())/n, "cpu_us/search")
	b.ReportMetric(float64(b.Elapsed().Microseconds())/n, "us/search")
	b.ReportMetric(float64(m1.Mallocs-m0.Mallocs)/n, "allocs/search")
	b.ReportMetric(float64(m1.TotalAlloc-m0.TotalAlloc)/n, "B/search")
	b.ReportMetric(float64(m1.NumGC-m0.NumGC), "gcs")
}
