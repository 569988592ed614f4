package main

import (
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/eval"
)

func evalFlags(fs *flag.FlagSet, a *cmdArgs) {
	fs.StringVar(&a.suites, "suites", "", "comma-separated suites to run (default all: "+strings.Join(eval.SuiteNames(), ", ")+")")
	fs.BoolVar(&a.asJSON, "json", false, "print JSON instead of a Markdown table")
	fs.Float64Var(&a.bigramWeight, "bigram-weight", 0, "weight of the character-bigram match at query time: 0 default, negative disables")
	fs.Float64Var(&a.exemplarWeight, "exemplar-weight", caseanalysis.DefaultExemplarWeight, "weight of the case analysis' learned vote (exemplars), default the shipped one (chosen on first-sight rows); 0 or negative: no vote")
	fs.StringVar(&a.fresh, "fresh", "", "comma-separated JSONL files of first-sight rows the exemplar-fresh suite scores with and without the learned vote")
	fs.StringVar(&a.modes, "modes", string(corpus.ModeBM25), "comma-separated search modes for the norm suites: bm25, vector, hybrid")
}

// runEval runs `cailiang eval`: it opens (or fills) an evaluation data
// directory the way `cailiang serve` opens one (eval.Open), runs the chosen
// suites and prints their results.
func runEval(e *runEnv) error {
	if len(e.args.pos) > 0 {
		return fmt.Errorf("eval: unexpected argument %q: %w", e.args.pos[0], errUsage)
	}
	var names []string
	for _, s := range strings.Split(e.args.suites, ",") {
		if s = strings.TrimSpace(s); s != "" {
			names = append(names, s)
		}
	}
	known := map[string]bool{}
	for _, n := range eval.SuiteNames() {
		known[n] = true
	}
	for _, n := range names {
		if !known[n] {
			return fmt.Errorf("eval: unknown suite %q (known: %s): %w", n, strings.Join(eval.SuiteNames(), ", "), errUsage)
		}
	}
	var modes []corpus.SearchMode
	needVectors := false
	for _, s := range strings.Split(e.args.modes, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		m, err := corpus.ParseSearchMode(s)
		if err != nil {
			return fmt.Errorf("eval: --modes: %v: %w", err, errUsage)
		}
		needVectors = needVectors || m.Dense()
		modes = append(modes, m)
	}
	if len(modes) == 0 {
		modes = []corpus.SearchMode{corpus.ModeBM25}
	}
	cfg := e.opts.app
	if needVectors && cfg.Vectors.Embedder == app.EmbedderNone {
		return fmt.Errorf("eval: --modes %s needs vectors, but --embedder is none: %w", e.args.modes, errUsage)
	}
	cfg.BigramWeight = e.args.bigramWeight
	cfg.ExemplarWeight = exemplarWeight(e.args.exemplarWeight)
	national := filepath.Join(e.opts.publicData, "statutes_lawrefbook", "national.jsonl")
	start := time.Now()
	a, err := eval.Open(e.ctx, cfg, national)
	if err != nil {
		return explainOpen(err, cfg.DataDir)
	}
	defer a.Close()
	if needVectors && !a.Library.VectorsEnabled() {
		return errors.New("eval: vector modes asked for, but vectors could not be set up (see the log)")
	}
	e.log.Info("eval corpus ready", "dir", cfg.DataDir, "statutes", a.Library.Store().StatuteCount(), "vectors", a.Library.VectorsEnabled(),
		"took_ms", time.Since(start).Milliseconds())
	env := eval.Env{DataDir: e.opts.publicData, Norms: eval.LibrarySearcher{Library: a.Library, Mode: corpus.ModeBM25}, Logger: e.log,
		Progress: progress(e.stderr, "评测"), Analyzer: a.Analyzer, VectorIndex: eval.VectorIndexOptions{PGDSN: cfg.PGDSN}}
	for _, f := range strings.Split(e.args.fresh, ",") {
		if f = strings.TrimSpace(f); f != "" {
			env.FreshFiles = append(env.FreshFiles, f)
		}
	}
	var results []eval.Result
	if len(modes) == 1 && modes[0] == corpus.ModeBM25 {
		// The default keeps the historical metric names (no /bm25 suffix).
		results, err = eval.Run(e.ctx, env, names)
	} else {
		searchers := map[corpus.SearchMode]eval.NormSearcher{}
		for _, m := range modes {
			searchers[m] = eval.LibrarySearcher{Library: a.Library, Mode: m}
		}
		results, err = eval.RunModes(e.ctx, env, names, modes, searchers)
	}
	if err != nil {
		return err
	}
	if e.args.asJSON {
		return eval.WriteJSON(e.stdout, results)
	}
	return eval.Markdown(e.stdout, results)
}

// exemplarWeight is app.Config.ExemplarWeight for --exemplar-weight: there 0
// means the default, here (as in the measurements that chose the weight) no
// vote, like a negative weight.
func exemplarWeight(flag float64) float64 {
	if flag <= 0 {
		return -1
	}
	return flag
}
