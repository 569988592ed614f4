package eval

import (
	"context"
	"testing"

	"github.com/cailiang/cailiang/app"
)

// TestAdminScenariosSuite runs case analysis (real segmenter, sample cases,
// built-in catalogs) over our scenario set. The floors sit below the
// measured values (docs/analysis.md) so that a broken matcher, extractor,
// engine wiring or transfer catalog fails the test.
func TestAdminScenariosSuite(t *testing.T) {
	if testing.Short() {
		t.Skip("scenario suite skipped in -short mode")
	}
	ctx := context.Background()
	// The service's own wiring (sample cases, LSA trained on them, hybrid
	// similar cases), without the national statutes.
	a, err := Open(ctx, app.Config{DataDir: t.TempDir()}, "")
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	rs, err := Run(ctx, Env{Analyzer: a.Analyzer}, []string{SuiteAdminScenarios})
	if err != nil {
		t.Fatal(err)
	}
	floors := map[string]float64{
		"benchmark@1": 0.5, "benchmark@3": 0.75, "statutory-range|suggested": 0.75,
		"disposition|suggested": 0.75, "transfer-risk": 0.8, "likely-recall": 0.6, "likely-precision": 0.8,
	}
	seen := 0
	for _, r := range rs {
		t.Logf("%s %.3f (n=%d)", r.Metric, r.Value, r.N)
		if f, ok := floors[r.Metric]; ok {
			seen++
			if r.Value < f {
				t.Errorf("%s = %.3f, below %.2f", r.Metric, r.Value, f)
			}
		}
	}
	if seen != len(floors) {
		t.Errorf("got %d of %d floored metrics", seen, len(floors))
	}
	if _, err := Run(ctx, Env{}, []string{SuiteAdminScenarios}); err == nil {
		t.Error("suite ran without an analyzer")
	}
}
