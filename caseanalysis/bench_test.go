package caseanalysis

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/cailiang/cailiang/exemplars"
	"github.com/cailiang/cailiang/rules"
)

// devsetTexts returns the facts of every row of the issue-12 development
// set (both halves): texts written the four ways officers write them.
func devsetTexts(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob("../eval/testdata/devset/*.jsonl")
	if err != nil || len(files) == 0 {
		tb.Fatalf("development set: %v (%d files)", err, len(files))
	}
	var out []string
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			tb.Fatal(err)
		}
		defer f.Close()
		for dec := json.NewDecoder(f); ; {
			var row struct {
				Facts string `json:"facts"`
			}
			if err := dec.Decode(&row); errors.Is(err, io.EOF) {
				break
			} else if err != nil || row.Facts == "" {
				tb.Fatalf("%s: bad row after %d texts: %v", name, len(out), err)
			}
			out = append(out, row.Facts)
		}
	}
	return out
}

// BenchmarkAnalyze analyses the development set's texts one after another
// over the sample cases, the catalog and the provision entries, with the
// dictionary-free segmenter: the analysis's own CPU time (us/analysis) and,
// with -benchmem, its allocations (allocs/op is per pass over the texts).
// cpu_us/analysis is the process's CPU time (garbage collection included)
// per analysis: on a machine shared with other work it moves less than
// the wall time.
// It runs the analysis as shipped, the learned vote at its default weight.
func BenchmarkAnalyze(b *testing.B) { benchmarkAnalyze(b, 0) }

// BenchmarkAnalyzeNoVote is BenchmarkAnalyze without the learned vote (a
// negative weight): beside BenchmarkAnalyze, what the vote costs.
func BenchmarkAnalyzeNoVote(b *testing.B) { benchmarkAnalyze(b, -1) }

// BenchmarkExemplarVote scores the development set's texts with the
// shipped learned vote alone.
func BenchmarkExemplarVote(b *testing.B) {
	m, err := BuiltinExemplars()
	if err != nil {
		b.Fatal(err)
	}
	texts := devsetTexts(b)
	var dst []exemplars.Score
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			dst = m.Vote(t, exemplarVotes, dst[:0])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(texts))/1000, "us/vote")
}

// benchmarkAnalyze is BenchmarkAnalyze with the learned vote's weight
// (Config.ExemplarWeight: 0 the default, negative none).
func benchmarkAnalyze(b *testing.B, exemplarWeight float64) {
	a, _ := newTestAnalyzer(b)
	cat := a.cfg.Catalog
	ps, err := rules.LoadBuiltinProvisions(cat)
	if err != nil {
		b.Fatal(err)
	}
	cfg := a.cfg
	cfg.Provisions = ps
	cfg.ExemplarWeight = exemplarWeight
	if a, err = New(cfg); err != nil {
		b.Fatal(err)
	}
	texts := devsetTexts(b)
	ctx := context.Background()
	analyse := func() {
		for _, t := range texts {
			if _, err := a.Analyze(ctx, Request{Facts: t}); err != nil {
				b.Fatal(err)
			}
		}
	}
	analyse() // fills the corpus caches, as a running service has them
	b.ReportAllocs()
	cpu0 := processCPU(b)
	b.ResetTimer()
	for b.Loop() {
		analyse()
	}
	b.StopTimer()
	n := float64(b.N * len(texts))
	b.ReportMetric(float64(b.Elapsed().Microseconds())/n, "us/analysis")
	b.ReportMetric(float64((processCPU(b)-cpu0).Microseconds())/n, "cpu_us/analysis")
}

// processCPU is the user and system CPU time the process has used.
func processCPU(tb testing.TB) time.Duration {
	tb.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatalf("getrusage: %v", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
