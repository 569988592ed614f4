package eval

import (
	"context"
	"fmt"
	"strings"

	"github.com/cailiang/cailiang/corpus"
)

// normSuites are the suites that search Env.Norms and so depend on the
// search mode; the others (lecard, cail2019-scm) bring their own rankers and
// report every mode themselves.
var normSuites = map[string]bool{SuiteNormRelset: true, SuiteLawBench31: true}

// RunModes runs the named suites (all when names is empty) like Run, but
// runs each norm suite once per mode with env.Norms replaced by
// searchers[mode], suffixing its metric names with "/<mode>" (recall@10/
// hybrid). Suites that do not search norms run once, unchanged. Modes must
// be known and have a searcher; otherwise RunModes returns an error wrapping
// corpus.ErrBadMode before running anything.
func RunModes(ctx context.Context, env Env, names []string, modes []corpus.SearchMode, searchers map[corpus.SearchMode]NormSearcher) ([]Result, error) {
	for _, m := range modes {
		if _, err := corpus.ParseSearchMode(string(m)); err != nil {
			return nil, err
		}
		if searchers[m] == nil {
			return nil, fmt.Errorf("%w %q: no searcher", corpus.ErrBadMode, m)
		}
	}
	if len(names) == 0 {
		names = SuiteNames()
	}
	// Check every name first, as Run does, so a typo fails before any work.
	suites := map[string]bool{}
	for _, n := range SuiteNames() {
		suites[n] = true
	}
	for _, n := range names {
		if !suites[n] {
			return nil, fmt.Errorf("%w %q (known: %s)", ErrUnknownSuite, n, strings.Join(SuiteNames(), ", "))
		}
	}
	var out []Result
	for _, n := range names {
		if !normSuites[n] {
			rs, err := Run(ctx, env, []string{n})
			if err != nil {
				return out, err
			}
			out = append(out, rs...)
			continue
		}
		for _, m := range modes {
			e := env
			e.Norms = searchers[m]
			rs, err := Run(ctx, e, []string{n})
			if err != nil {
				return out, fmt.Errorf("mode %s: %w", m, err)
			}
			for i := range rs {
				rs[i].Metric += "/" + string(m)
			}
			out = append(out, rs...)
		}
	}
	return out, nil
}
