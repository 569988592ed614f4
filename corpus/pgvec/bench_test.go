package pgvec

import (
	"context"
	"fmt"
	mrand "math/rand"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/synthvec"
	"github.com/cailiang/cailiang/corpus/vectortest"
)

// BenchmarkSearch10k measures search latency (p50/p99 per query) and
// recall@10 against exact search over 10,000 random unit vectors of
// dimension 256, unfiltered and with a filter that keeps 10% of them, at
// several hnsw.ef_search values and as an exact scan:
//
//	bash .ci/postgres.sh run go test -run '^$' -bench Search10k ./corpus/pgvec/
func BenchmarkSearch10k(b *testing.B) { benchSearch(b, 10_000) }

// BenchmarkSearch100k is the same over 100,000 vectors; it loads for
// minutes, so it runs only with CAILIANG_BENCH_LARGE=1.
func BenchmarkSearch100k(b *testing.B) {
	if os.Getenv("CAILIANG_BENCH_LARGE") != "1" {
		b.Skip("set CAILIANG_BENCH_LARGE=1 to run the 100k benchmark")
	}
	benchSearch(b, 100_000)
}

func benchSearch(b *testing.B, n int) {
	const dim, k, nQueries, recallQueries, buckets = 256, 10, 500, 100, 10
	dsn := testDSN(b)
	ctx := context.Background()
	schema := freshSchema(b, dsn)
	// Load without the index, then build it once (DeferIndex): as a first
	// import would. ExactThreshold -1 so that BuildIndex builds it whatever
	// the size.
	load := openStore(b, Config{DSN: dsn, Schema: schema, ExactThreshold: -1, DeferIndex: true})
	defer load.Close()
	if err := load.EnsureCollection(ctx, "bench", corpus.CollectionSpec{Embedder: "random", Dim: dim}); err != nil {
		b.Fatal(err)
	}
	rng := mrand.New(mrand.NewSource(1))
	data := make([][]float32, n)
	recs := make([]corpus.VectorRecord, 0, 1000)
	start := time.Now()
	for i := range data {
		data[i] = synthvec.RandomUnit(rng, dim)
		recs = append(recs, corpus.VectorRecord{ID: fmt.Sprint(i), Vector: data[i], Meta: map[string]string{"bucket": fmt.Sprint(i % buckets)}})
		if len(recs) == cap(recs) || i == n-1 {
			if err := load.Upsert(ctx, "bench", recs); err != nil {
				b.Fatal(err)
			}
			recs = recs[:0]
		}
	}
	loaded := time.Since(start)
	start = time.Now()
	if err := load.BuildIndex(ctx, "bench"); err != nil {
		b.Fatal(err)
	}
	b.Logf("loaded %d vectors of dim %d in %v (%.0f/s, no index), then built the HNSW index in %v",
		n, dim, loaded.Round(time.Millisecond), float64(n)/loaded.Seconds(), time.Since(start).Round(time.Millisecond))

	queries := make([][]float32, nQueries)
	for i := range queries {
		queries[i] = synthvec.RandomUnit(rng, dim)
	}
	type mode struct {
		name   string
		filter corpus.VectorFilter
		keep   func(int) bool
	}
	modes := []mode{
		{"all", nil, nil},
		{"filter10pct", corpus.VectorFilter{"bucket": "3"}, func(i int) bool { return i%buckets == 3 }},
	}
	exact := map[string][][]int{}
	for _, m := range modes {
		for _, q := range queries[:recallQueries] {
			exact[m.name] = append(exact[m.name], vectortest.ExactTopK(data, q, k, m.keep))
		}
	}
	// ef=N: the HNSW index always (ExactThreshold -1), hnsw.ef_search N
	// (EfPerK·k = 100 at least); ef=0 stands for exact search: the same SQL
	// with index and bitmap scans disabled for the session, i.e. a
	// sequential scan and a top-k sort; ef=-1 is the shipped configuration
	// (exact up to DefaultExactThreshold rows or filter matches).
	for _, ef := range []int{100, 200, 400, 0, -1} {
		cfg := Config{DSN: dsn, Schema: schema, EfSearch: ef, ExactThreshold: -1}
		label := fmt.Sprintf("ef=%d", ef)
		switch ef {
		case 0:
			cfg.DSN = withParams(dsn, "enable_indexscan", "off", "enable_bitmapscan", "off")
			label = "exact"
		case -1:
			cfg = Config{DSN: dsn, Schema: schema}
			label = "shipped"
		}
		s := openStore(b, cfg)
		for _, m := range modes {
			b.Run(label+"/"+m.name, func(b *testing.B) {
				found := 0
				for qi, q := range queries[:recallQueries] {
					hits, err := s.Search(ctx, "bench", q, k, m.filter)
					if err != nil {
						b.Fatal(err)
					}
					got := map[string]bool{}
					for _, h := range hits {
						got[h.ID] = true
					}
					for _, id := range exact[m.name][qi] {
						if got[fmt.Sprint(id)] {
							found++
						}
					}
				}
				lat := make([]time.Duration, 0, b.N)
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					t0 := time.Now()
					if _, err := s.Search(ctx, "bench", queries[i%len(queries)], k, m.filter); err != nil {
						b.Fatal(err)
					}
					lat = append(lat, time.Since(t0))
				}
				b.StopTimer()
				sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
				b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
				b.ReportMetric(ms(lat[min(len(lat)-1, len(lat)*99/100)]), "p99-ms")
				b.ReportMetric(float64(found)/float64(recallQueries*k), "recall@10")
			})
		}
		s.Close()
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
