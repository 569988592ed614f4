package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/eval"
)

const evalUsage = `Usage: cailiang eval [flags]

Measures norm search against labelled queries and prints a Markdown table
(suite | metric | value | baseline | n). Statutes are imported from the shared
data folder into the eval data directory on first use; later runs reuse them.

Flags:
`

// runEval runs `cailiang eval`: it opens (or fills) an evaluation data
// directory through the same packages as eval's tests, runs the chosen suites
// and prints their results. Flag errors wrap errUsage.
func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("cailiang eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, evalUsage)
		fs.PrintDefaults()
		fmt.Fprintf(stderr, "\nSuites: %s\n", strings.Join(eval.SuiteNames(), ", "))
	}
	var (
		dataDir, shared, suites, segMode, logLevel string
		modesFlag                                  string
		pgDSN                                      string
		bigramWeight                               float64
		asJSON                                     bool
	)
	defDir := env("CAILIANG_EVAL_DIR", filepath.Join("data", "eval"))
	fs.StringVar(&dataDir, "data-dir", defDir, "eval data directory (store and index); env CAILIANG_EVAL_DIR")
	fs.StringVar(&dataDir, "data", defDir, "alias of --data-dir")
	fs.StringVar(&shared, "shared", env("CAILIANG_DATA", filepath.Join("..", "shared", "data")), "shared public data folder; env CAILIANG_DATA")
	fs.StringVar(&suites, "suites", "", "comma-separated suites to run (default all)")
	fs.BoolVar(&asJSON, "json", false, "print JSON instead of a Markdown table")
	fs.StringVar(&segMode, "seg-mode", env("CAILIANG_SEG_MODE", "precise"), "index segmentation: precise or search (a change rebuilds the index); env CAILIANG_SEG_MODE")
	fs.Float64Var(&bigramWeight, "bigram-weight", 0, "weight of the character-bigram match at query time: 0 default, negative disables")
	fs.StringVar(&modesFlag, "modes", string(corpus.ModeBM25), "comma-separated search modes for the norm suites: bm25, vector, hybrid (vector modes train LSA on the in-force articles, ~minutes)")
	fs.StringVar(&logLevel, "log-level", env("CAILIANG_LOG_LEVEL", "info"), "log level")
	fs.StringVar(&pgDSN, "pg", env("CAILIANG_PG_DSN", ""), "PostgreSQL DSN: the vector-index suite also measures pgvector there; env CAILIANG_PG_DSN")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return fmt.Errorf("eval: %v: %w", err, errUsage)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("eval: unexpected argument %q: %w", fs.Arg(0), errUsage)
	}
	if segMode != "precise" && segMode != "search" {
		return fmt.Errorf("eval: --seg-mode %q: want precise or search: %w", segMode, errUsage)
	}
	var names []string
	for _, s := range strings.Split(suites, ",") {
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
	var modes []string
	needVectors := false
	for _, m := range strings.Split(modesFlag, ",") {
		if m = strings.TrimSpace(m); m == "" {
			continue
		}
		sm, err := corpus.ParseSearchMode(m)
		if err != nil {
			return fmt.Errorf("eval: --modes: %w: %w", err, errUsage)
		}
		needVectors = needVectors || sm.Dense()
		modes = append(modes, string(sm))
	}
	if len(modes) == 0 {
		modes = []string{string(corpus.ModeBM25)}
	}
	log, err := newLogger(logLevel, stderr)
	if err != nil {
		return err
	}

	national := filepath.Join(shared, "statutes_lawrefbook", "national.jsonl")
	if _, err := os.Stat(filepath.Join(dataDir, "cailiang.db")); errors.Is(err, os.ErrNotExist) {
		// A new data directory will need the national database: check
		// before creating anything.
		if _, err := os.Stat(national); err != nil {
			return fmt.Errorf("eval: %s is new and the national database is missing (set --shared or CAILIANG_DATA): %w", dataDir, err)
		}
	}
	start := time.Now()
	c, err := eval.OpenCorpus(ctx, eval.CorpusConfig{Dir: dataDir, SegMode: segMode, BigramWeight: bigramWeight, Logger: log, Progress: progress(stderr)})
	if err != nil {
		return err
	}
	defer c.Close()
	if c.Statutes() == 0 {
		if _, err := os.Stat(national); err != nil {
			return fmt.Errorf("eval: %s has no statutes and the national database is missing (set --shared or CAILIANG_DATA): %w", dataDir, err)
		}
		if _, err := c.ImportStatutes(ctx, national); err != nil {
			return err
		}
	}
	log.Info("eval corpus ready", "dir", dataDir, "seg_mode", segMode, "statutes", c.Statutes(), "took_ms", time.Since(start).Milliseconds())

	if needVectors {
		vs, err := c.EnableVectors(ctx, eval.VectorConfig{Dir: filepath.Join(dataDir, "vectors")})
		if err != nil {
			return err
		}
		defer vs.Close()
	}
	an, err := c.Analyzer(ctx)
	if err != nil {
		return err
	}
	envEval := eval.Env{DataDir: shared, Norms: c.Searcher(string(corpus.ModeBM25)), Logger: log, Progress: evalProgress(stderr), Analyzer: an,
		VectorIndex: eval.VectorIndexOptions{PGDSN: pgDSN}}
	var results []eval.Result
	if len(modes) == 1 && modes[0] == string(corpus.ModeBM25) {
		// The default keeps the historical metric names (no /bm25 suffix).
		results, err = eval.Run(ctx, envEval, names)
	} else {
		searchers := map[string]eval.NormSearcher{}
		for _, m := range modes {
			searchers[m] = c.Searcher(m)
		}
		results, err = eval.RunModes(ctx, envEval, names, modes, searchers)
	}
	if err != nil {
		return err
	}
	if asJSON {
		return eval.WriteJSON(stdout, results)
	}
	return eval.Markdown(stdout, results)
}

// evalProgress draws one bar per suite on a terminal and stays silent
// otherwise (main.go's progress labels its bars as index builds).
func evalProgress(stderr io.Writer) func(suite string, done, total int) {
	f, ok := stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	var bar *progressbar.ProgressBar
	var barSuite string
	return func(suite string, done, total int) {
		if bar == nil || barSuite != suite {
			bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(stderr), progressbar.OptionSetDescription("评测 "+suite),
				progressbar.OptionShowCount(), progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
			barSuite = suite
		}
		_ = bar.Set(done)
		if done >= total {
			_ = bar.Finish()
		}
	}
}
