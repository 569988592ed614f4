package eval

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"strconv"

	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/exemplars"
	"github.com/cailiang/cailiang/rules"
)

// SuiteExemplarCV is the name of the learned vote's cross-validation suite.
const SuiteExemplarCV = "exemplar-cv"

// fileFoldCount is the number of folds when whole files are held out: a
// held-out file's rows are scored by a model without any row of that file,
// closer to "cases of a new writer" than folds by hash.
const fileFoldCount = 10

// exemplarCVWeights are the vote weights compared (0: no vote).
// The shipped weight (caseanalysis.DefaultExemplarWeight, chosen on
// first-sight rows) is among them, to show its cost on the tuning half.
var exemplarCVWeights = []cvWeight{{0, false}, {0.05, false}, {0.1, false}, {0.2, false}, {caseanalysis.DefaultExemplarWeight, false}, {0.03, true}, {0.06, true}}

// cvWeight is a vote weight compared, on the cosine or spread
// (spreadVoter).
type cvWeight struct {
	w      float64
	spread bool
}

// exemplarCVOptions are the training settings compared on the vote alone.
var exemplarCVOptions = []exemplars.Options{
	{Keep: 150}, {Keep: 400}, {Keep: 1000}, {MinGram: 2, MaxGram: 4, Keep: 400}, {MinGram: 1, MaxGram: 3, Keep: 400}, {MinGram: 1, MaxGram: 3, Keep: 1000},
}

// cvScheme is one way of folding the tuning half.
type cvScheme struct {
	name string
	k    int
	fold func(Scenario) int
}

// runExemplarCV cross-validates the learned vote on the development set's
// tuning half only (never the reporting half): for each folding (by hash;
// by file and label, as eval cross-fits; by whole file), the vote alone
// (its best label right, among its best three) for several training
// settings, then the engine's basis@1, basis@3 and range exact for several
// vote weights with the shipped settings.
func runExemplarCV(ctx context.Context, env Env) ([]Result, error) {
	if env.Analyzer == nil {
		return nil, ErrNoAnalyzer
	}
	cat, err := rules.LoadBuiltin()
	if err != nil {
		return nil, fmt.Errorf("exemplar-cv: %w", err)
	}
	dev, err := DevSet()
	if err != nil {
		return nil, err
	}
	rows := devSplit(dev, DevTune)
	files, err := devFiles()
	if err != nil {
		return nil, err
	}
	schemes := []cvScheme{
		{"hash", exemplarFoldCount, exemplarFold},
		{"file+benchmark", exemplarFoldCount, siblingFold(cat, rows, files)},
		{"file", fileFoldCount, func(s Scenario) int {
			h := fnv.New32a()
			h.Write([]byte(files[s.ID]))
			return int(h.Sum32() % fileFoldCount)
		}},
	}
	var out []Result
	labels := make([]string, len(rows))
	for i, s := range rows {
		labels[i] = exemplarLabel(cat, s)
	}
	for _, sc := range schemes {
		for _, opt := range exemplarCVOptions {
			cf, err := newCrossFit(cat, rows, sc.k, sc.fold, opt, 0)
			if err != nil {
				return nil, err
			}
			var top1, top3 int
			for i, s := range rows {
				votes := cf.models[sc.fold(s)].Vote(s.Facts, 3, nil)
				for j, v := range votes {
					if v.Label == labels[i] {
						top1 += b2i(j == 0)
						top3++
					}
				}
			}
			name := fmt.Sprintf("%s folds, %s: vote alone", sc.name, optionName(opt))
			out = append(out,
				Result{Suite: SuiteExemplarCV, Metric: name + " top-1", Value: share(top1, len(rows)), N: len(rows)},
				Result{Suite: SuiteExemplarCV, Metric: name + " top-3", Value: share(top3, len(rows)), N: len(rows)})
			env.log().Info("exemplar-cv vote", "metric", name, "top1", share(top1, len(rows)), "top3", share(top3, len(rows)))
		}
		cf, err := newCrossFit(cat, rows, sc.k, sc.fold, exemplars.Options{}, 0)
		if err != nil {
			return nil, err
		}
		// basis@1 of each row without the vote, to log the rows a weight
		// changes (tuning rows only).
		without := map[string]bool{}
		for _, cw := range exemplarCVWeights {
			w := cw.w
			cf.weight, cf.spread = w, cw.spread
			var t devTally
			for _, s := range rows {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
				res, err := env.Analyzer.Analyze(cf.context(ctx, s), caseanalysis.Request{Facts: s.Facts, DecisionDate: s.decisionDay()})
				if err != nil {
					return nil, fmt.Errorf("dev row %s: %w", s.ID, err)
				}
				d := scoreDev(s, res)
				if w == 0 {
					without[s.ID] = d.basis1
				} else if d.basis1 != without[s.ID] {
					env.log().Debug("exemplar-cv changed", "folds", sc.name, "weight", w, "spread", cw.spread, "id", s.ID, "basis1", d.basis1, "want", s.Expect.Basis[0], "got", topBases(res))
				}
				t.add(d)
			}
			name := sc.name + " folds, weight " + strconv.FormatFloat(w, 'f', -1, 64)
			if cw.spread {
				name += " on the spread"
			}
			name += ":"
			out = append(out, t.results(SuiteExemplarCV, name)...)
			env.log().Info("exemplar-cv engine", "metric", name, "basis1", share(t.basis1, t.n), "basis3", share(t.basis3, t.n), "range", share(t.ranged, t.rangeN))
		}
	}
	return out, nil
}

// SuiteExemplarFresh is the name of the suite that scores first-sight rows
// with and without the learned vote.
const SuiteExemplarFresh = "exemplar-fresh"

// runExemplarFresh scores the rows of Env.FreshFiles (first-sight rows, in
// no model) with the shipped vote and without it. Rows already in the
// development set's tuning half are in the shipped model: they are not
// first-sight rows any more, and the suite refuses them.
func runExemplarFresh(ctx context.Context, env Env) ([]Result, error) {
	if env.Analyzer == nil {
		return nil, ErrNoAnalyzer
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return freshScores(ctx, env)
}

// freshScores scores the rows of Env.FreshFiles with the shipped model at
// the analyzer's weight (--exemplar-weight, else DefaultExemplarWeight;
// CVExemplarWeight when the analyzer has no vote) and without a vote. Their
// misses are logged: first-sight rows are read.
func freshScores(ctx context.Context, env Env) ([]Result, error) {
	var rows []Scenario
	for _, f := range env.FreshFiles {
		raw, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("fresh rows: %w", err)
		}
		rs, err := ParseScenarios(bytes.NewReader(raw))
		if err != nil {
			return nil, fmt.Errorf("fresh rows %s: %w", f, err)
		}
		rows = append(rows, rs...)
	}
	if len(rows) == 0 {
		return nil, nil
	}
	dev, err := DevSet()
	if err != nil {
		return nil, err
	}
	inModel := map[string]bool{}
	for _, s := range devSplit(dev, DevTune) {
		inModel[s.Facts] = true
	}
	for _, s := range rows {
		if inModel[s.Facts] {
			return nil, fmt.Errorf("exemplar-fresh: row %s is in the development set's tuning half (the shipped model): %w", s.ID, errNotFresh)
		}
	}
	shipped, err := caseanalysis.BuiltinExemplars()
	if err != nil {
		return nil, err
	}
	weight := freshWeight(env.Analyzer)
	cat, err := rules.LoadBuiltin()
	if err != nil {
		return nil, fmt.Errorf("exemplar-fresh: %w", err)
	}
	// The vote alone: its best label right, among its best three.
	var top1, top3 int
	for _, s := range rows {
		want := exemplarLabel(cat, s)
		for j, v := range shipped.Vote(s.Facts, 3, nil) {
			if v.Label == want {
				top1 += b2i(j == 0)
				top3++
			}
		}
	}
	out := []Result{
		{Suite: SuiteExemplarFresh, Metric: "fresh rows, the shipped vote alone: top-1", Value: share(top1, len(rows)), N: len(rows)},
		{Suite: SuiteExemplarFresh, Metric: "fresh rows, the shipped vote alone: top-3", Value: share(top3, len(rows)), N: len(rows)},
	}
	for _, with := range []bool{false, true} {
		var t devTally
		for _, s := range rows {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			c := caseanalysis.WithExemplars(ctx, nil, 0)
			if with {
				c = caseanalysis.WithExemplars(ctx, shipped, weight)
			}
			res, err := env.Analyzer.Analyze(c, caseanalysis.Request{Facts: s.Facts, DecisionDate: s.decisionDay()})
			if err != nil {
				return nil, fmt.Errorf("fresh row %s: %w", s.ID, err)
			}
			d := scoreDev(s, res)
			t.add(d)
			// Every row's transfer answer, so that a blind batch's likely
			// recall and precision can be counted at first sight.
			env.log().Debug("fresh transfer", "vote", with, "id", s.ID, "want", s.Expect.Transfer, "want_crime", s.Expect.Crime,
				"got", res.Transfer.Risk, "got_crime", res.Transfer.Crime, "right", d.transfer)
			if !d.basis1 {
				env.log().Debug("fresh miss", "vote", with, "id", s.ID, "want", s.Expect.Basis[0], "got", topBases(res))
			}
		}
		name := "fresh rows, without the vote:"
		if with {
			name = "fresh rows, with the shipped vote (weight " + strconv.FormatFloat(weight, 'f', -1, 64) + "):"
		}
		out = append(out, t.results(SuiteExemplarFresh, name)...)
	}
	return out, nil
}

// errNotFresh is wrapped when a --fresh row is already in the shipped model.
var errNotFresh = errors.New("not a first-sight row")

// freshWeight is the weight exemplar-fresh measures the shipped vote with:
// the analyzer's own (what --exemplar-weight or the default set), else, when
// it runs without a vote, the cross-validation's.
func freshWeight(an CaseAnalyzer) float64 {
	if w, ok := an.(interface{ ExemplarWeight() float64 }); ok && w.ExemplarWeight() > 0 {
		return w.ExemplarWeight()
	}
	return caseanalysis.CVExemplarWeight
}

// optionName names training settings as the table shows them.
func optionName(opt exemplars.Options) string {
	lo, hi := opt.MinGram, opt.MaxGram
	if lo <= 0 {
		lo = 2
	}
	if hi < lo {
		hi = max(3, lo)
	}
	return fmt.Sprintf("grams %d-%d, keep %d", lo, hi, opt.Keep)
}
