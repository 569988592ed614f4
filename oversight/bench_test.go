package oversight_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/oversight"
)

// benchIndex seeds 20,000 cases in 12 agencies and returns a warm index
// (the first question, which reads every case, is reported as load-ms).
func benchIndex(b *testing.B, store casework.Store) *oversight.Index {
	b.Helper()
	s := seed(b, store, 20000, 12)
	ix := index(b, s)
	start := time.Now()
	if _, err := ix.Stats(context.Background(), oversight.Query{}); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000, "load-ms")
	return ix
}

// measure runs q b.N times and reports p50 and p99 in milliseconds.
func measure(b *testing.B, q func() error) {
	b.Helper()
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		if err := q(); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[min(len(lat)-1, len(lat)*99/100)].Microseconds())/1000, "p99-ms")
}

// BenchmarkStatsBolt: the city's and one agency's year report on 20,000
// cases in the embedded store.
func BenchmarkStatsBolt(b *testing.B) {
	ix := benchIndex(b, boltStore(b))
	ctx := context.Background()
	agencies := []string{"", "sim-scjg-1", "sim-sthj-2"}
	i := 0
	measure(b, func() error {
		i++
		_, err := ix.Stats(ctx, oversight.Query{Agency: agencies[i%len(agencies)], Period: oversight.Period{From: now.AddDate(-1, 0, 0), To: now}})
		return err
	})
}

// BenchmarkWarningsBolt: every warning of the city and of one agency on
// 20,000 cases in the embedded store.
func BenchmarkWarningsBolt(b *testing.B) {
	ix := benchIndex(b, boltStore(b))
	ctx := context.Background()
	agencies := []string{"", "sim-scjg-1", "sim-sthj-2"}
	i := 0
	measure(b, func() error {
		i++
		_, err := ix.Warnings(ctx, oversight.Query{Agency: agencies[i%len(agencies)]})
		return err
	})
}

// BenchmarkWarningsBoltComputed: as BenchmarkWarningsBolt, with the clock
// a minute later at each question, so that every question computes the
// city's warnings afresh (what the first question after a change costs).
func BenchmarkWarningsBoltComputed(b *testing.B) {
	s := seed(b, boltStore(b), 20000, 12)
	tick := now
	ix, err := oversight.New(oversight.Config{Store: s.store, Now: func() time.Time { return tick }})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	if _, err := ix.Stats(ctx, oversight.Query{}); err != nil {
		b.Fatal(err)
	}
	agencies := []string{"", "sim-scjg-1", "sim-sthj-2"}
	i := 0
	measure(b, func() error {
		i++
		tick = tick.Add(time.Minute)
		_, err := ix.Warnings(ctx, oversight.Query{Agency: agencies[i%len(agencies)]})
		return err
	})
}
