package caseanalysis

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/cailiang/cailiang/corpus"
)

// errEnough stops the walk over the library once limit cases are found.
var errEnough = errors.New("enough cases")

// BenchmarkCases returns up to limit cases of the library decided under
// benchmark id (their cited penalty provision is the benchmark's, as for
// similar cases), in the store's order; none when the analyzer has no case
// lister. Errors: the case store's, or the context's.
func (a *Analyzer) BenchmarkCases(ctx context.Context, id string, limit int) ([]corpus.Case, error) {
	lister, ok := a.cfg.CaseStore.(CaseLister)
	if !ok || id == "" || limit <= 0 {
		return nil, nil
	}
	var out []corpus.Case
	err := lister.Cases(func(c corpus.Case) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if slices.Contains(a.caseBenchmarks(c), id) {
			out = append(out, c)
			if len(out) >= limit {
				return errEnough
			}
		}
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		return nil, fmt.Errorf("cases of benchmark %s: %w", id, err)
	}
	return out, nil
}
