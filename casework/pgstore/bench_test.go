package pgstore

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
)

var (
	loadOfficers = flag.Int("load.officers", 50, "BenchmarkLoad: concurrent officers")
	loadDuration = flag.Duration("load.duration", 60*time.Second, "BenchmarkLoad: how long they work")
	loadConns    = flag.Int("load.conns", 0, "BenchmarkLoad: the store's connection pool size (0: pgxpool's default)")
)

// BenchmarkLoad has -load.officers officers, each with a goroutine of its
// own, open cases and work them (edits, transitions, evidence records; a
// leader registers each case) through casework.Service on PostgreSQL for
// -load.duration, then checks the record. It reports changes per second,
// p50/p99 latency of one change and the number of errors. Run it once:
//
//	bash .ci/postgres.sh run go test ./casework/pgstore -run '^$' -bench Load -benchtime 1x
func BenchmarkLoad(b *testing.B) {
	s, cfg := openTest(b)
	if *loadConns > 0 {
		s.Close()
		cfg.MaxConns = int32(*loadConns)
		var err error
		if s, err = Open(ctx, cfg); err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { _ = s.Close() })
	}
	svc := newService(b, s)
	if err := seed(ctx, svc, s, *loadOfficers); err != nil {
		b.Fatal(err)
	}
	ld, err := user(ctx, s, "ld")
	if err != nil {
		b.Fatal(err)
	}
	for range b.N {
		var (
			mu     sync.Mutex
			lat    []time.Duration
			kinds  = map[string]int{}
			errs   int
			wg     sync.WaitGroup
			firstE error
		)
		dctx, cancel := context.WithTimeout(ctx, *loadDuration)
		start := time.Now()
		for i := 1; i <= *loadOfficers; i++ {
			o, err := user(ctx, s, fmt.Sprintf("o%d", i))
			if err != nil {
				b.Fatal(err)
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				w := &worker{svc: svc, officer: o, leader: ld}
				var mine []time.Duration
				for dctx.Err() == nil {
					t0 := time.Now()
					// The deadline ends the loop, never a change half way.
					what, err := w.step(ctx)
					d := time.Since(t0)
					mu.Lock()
					if err != nil {
						errs++
						if firstE == nil {
							firstE = fmt.Errorf("%s: %w", what, err)
						}
					} else {
						kinds[what]++
					}
					mu.Unlock()
					mine = append(mine, d)
				}
				mu.Lock()
				lat = append(lat, mine...)
				mu.Unlock()
			}()
		}
		wg.Wait()
		cancel()
		elapsed := time.Since(start)
		slices.Sort(lat)
		pct := func(p float64) float64 {
			if len(lat) == 0 {
				return 0
			}
			return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000
		}
		b.ReportMetric(float64(len(lat)-errs)/elapsed.Seconds(), "changes/s")
		b.ReportMetric(pct(0.50), "p50_ms")
		b.ReportMetric(pct(0.99), "p99_ms")
		b.ReportMetric(float64(errs), "errors")
		b.Logf("%d officers, %v: %d changes %v, %d errors (first: %v); p50 %.1f ms, p99 %.1f ms, max %.1f ms",
			*loadOfficers, elapsed.Round(time.Millisecond), len(lat)-errs, kinds, errs, firstE, pct(0.5), pct(0.99), pct(1))
	}
	b.StopTimer()
	ncases, entries, err := checkRecord(ctx, s)
	if err != nil {
		b.Errorf("record after the load: %v", err)
	}
	b.Logf("record: %d cases, %d entries, chain verifies", ncases, entries)
}

// BenchmarkWatchLatency measures how long after a committed case change
// another store on the schema (another node) hears of it: each iteration
// updates a case through one store and waits for the event on the other's
// Watch. It reports p50/p99 of the delay from the start of the Update.
//
//	bash .ci/postgres.sh run go test ./casework/pgstore -run '^$' -bench WatchLatency -benchtime 500x
func BenchmarkWatchLatency(b *testing.B) {
	s, cfg := openTest(b)
	other, err := Open(ctx, cfg)
	if err != nil {
		b.Fatal(err)
	}
	defer other.Close()
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	events, err := other.Watch(wctx)
	if err != nil {
		b.Fatal(err)
	}
	c := newCase("c1", "scjg", casework.StageInvestigating, []string{"o1"}, time.Now().UTC())
	if err := s.Update(ctx, func(tx casework.Tx) error { return tx.CreateCase(c) }); err != nil {
		b.Fatal(err)
	}
	<-events
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for range b.N {
		prev := c.Version
		c.Version++
		t0 := time.Now()
		if err := s.Update(ctx, func(tx casework.Tx) error { return tx.UpdateCase(c, prev) }); err != nil {
			b.Fatal(err)
		}
		for ev := range events {
			if ev.CaseID == c.ID && ev.Version == c.Version {
				break
			}
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50_ms")
	b.ReportMetric(float64(lat[(len(lat)-1)*99/100].Microseconds())/1000, "p99_ms")
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "max_ms")
}
