package caseanalysis

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/rules"
)

// dumpAnalyses names a file for the full JSON of every analysis
// TestAnalysesStable makes, one line each: run it before and after a
// change to the matcher's speed and compare the files byte for byte
// (`cmp`), which checks that the change altered no answer without anyone
// reading the answers.
var dumpAnalyses = flag.String("analysis.dump", "", "write every analysis of TestAnalysesStable to this file")

// stableRequests are the development-set texts and the admin scenarios,
// each without a sector and with the sector its row names, with a fixed
// decision day so that the law on the day does not move with the clock.
func stableRequests(tb testing.TB) []Request {
	tb.Helper()
	files, err := filepath.Glob("../eval/testdata/devset/*.jsonl")
	if err != nil || len(files) == 0 {
		tb.Fatalf("development set: %v (%d files)", err, len(files))
	}
	files = append(files, "../eval/testdata/admin_scenarios.jsonl")
	var out []Request
	for _, name := range files {
		raw, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		for dec := json.NewDecoder(bytes.NewReader(raw)); ; {
			var row struct {
				Facts  string       `json:"facts"`
				Sector legal.Sector `json:"sector"`
			}
			if err := dec.Decode(&row); errors.Is(err, io.EOF) {
				break
			} else if err != nil || row.Facts == "" {
				tb.Fatalf("%s: bad row after %d requests: %v", name, len(out), err)
			}
			out = append(out, Request{Facts: row.Facts, DecisionDate: "2026-12-01"})
			if row.Sector != "" {
				out = append(out, Request{Facts: row.Facts, Sector: row.Sector, DecisionDate: "2026-12-01"})
			}
		}
	}
	return out
}

// TestAnalysesStable analyses every development-set text and scenario
// once in order, then again from two goroutines in the opposite order,
// and wants the same JSON: the caches and reused buffers that make an
// analysis fast must never let one text's analysis leak into another's.
func TestAnalysesStable(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses the whole development set twice")
	}
	a, _ := newTestAnalyzer(t)
	ps, err := rules.LoadBuiltinProvisions(a.cfg.Catalog)
	if err != nil {
		t.Fatal(err)
	}
	cfg := a.cfg
	cfg.Provisions = ps
	if a, err = New(cfg); err != nil {
		t.Fatal(err)
	}
	reqs := stableRequests(t)
	ctx := context.Background()
	analyse := func(r Request) ([]byte, error) {
		res, err := a.Analyze(ctx, r)
		if err != nil {
			return nil, err
		}
		return json.Marshal(res)
	}
	first := make([][]byte, len(reqs))
	for i, r := range reqs {
		if first[i], err = analyse(r); err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
	}
	second := make([][]byte, len(reqs))
	errs := make([]error, len(reqs))
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := len(reqs) - 1 - w; i >= 0; i -= 2 {
				second[i], errs[i] = analyse(reqs[i])
			}
		}()
	}
	wg.Wait()
	for i := range reqs {
		if errs[i] != nil {
			t.Fatalf("request %d again: %v", i, errs[i])
		}
		if !bytes.Equal(first[i], second[i]) {
			t.Errorf("request %d (%.40s…, sector %q): analysed again concurrently, the answer differs", i, reqs[i].Facts, reqs[i].Sector)
		}
	}
	if *dumpAnalyses != "" {
		var buf bytes.Buffer
		for i, b := range first {
			fmt.Fprintf(&buf, "%d\t%s\n", i, b)
		}
		if err := os.WriteFile(*dumpAnalyses, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
