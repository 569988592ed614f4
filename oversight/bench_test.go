package oversight_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/oversight"
)

var queryAll = oversight.Query{}

// benchAgencies are the views the benchmarks cycle through: the city and two agencies.
var benchAgencies = []string{"", "sim-scjg-1", "sim-sthj-2"}

// measure runs q b.N times, the i-th on benchAgencies[i%3], and reports p50
// and p99 in milliseconds.
func measure(b *testing.B, q func(agency string) error) {
	b.Helper()
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		start := time.Now()
		if err := q(benchAgencies[i%len(benchAgencies)]); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[min(len(lat)-1, len(lat)*99/100)].Microseconds())/1000, "p99-ms")
}

// benchIndex seeds 20,000 cases in 12 agencies and returns an index, a
// tick that moves its clock a minute, and how long its first question
// (reading every case) took, which the benchmarks report as load-ms.
func benchIndex(b *testing.B, store casework.Store) (ix *oversight.Index, tick func(), load time.Duration) {
	b.Helper()
	s := seed(b, store, 20000, 12)
	clock := now
	ix, err := oversight.New(oversight.Config{Store: s.store, Now: func() time.Time { return clock }})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if _, err := ix.Stats(context.Background(), queryAll); err != nil {
		b.Fatal(err)
	}
	return ix, func() { clock = clock.Add(time.Minute) }, time.Since(start)
}

// benchStats: the year report of the city and of two agencies on 20,000 cases.
func benchStats(b *testing.B, store casework.Store) {
	ix, _, load := benchIndex(b, store)
	defer b.ReportMetric(float64(load.Microseconds())/1000, "load-ms")
	period := oversight.Period{From: now.AddDate(-1, 0, 0), To: now}
	measure(b, func(agency string) error {
		_, err := ix.Stats(context.Background(), oversight.Query{Agency: agency, Period: period})
		return err
	})
}

// benchWarnings: every warning of the city and of two agencies on 20,000
// cases; computed moves the clock a minute before each question so that
// none is answered from the cache (what the first question after a change
// costs).
func benchWarnings(b *testing.B, store casework.Store, computed bool) {
	ix, tick, load := benchIndex(b, store)
	defer b.ReportMetric(float64(load.Microseconds())/1000, "load-ms")
	measure(b, func(agency string) error {
		if computed {
			tick()
		}
		_, err := ix.Warnings(context.Background(), oversight.Query{Agency: agency})
		return err
	})
}
