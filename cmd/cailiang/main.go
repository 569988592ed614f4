// Command cailiang runs the discretion-assistance service and its
// command-line tools. It only parses flags and the environment, wires the
// api.App and calls it.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/cailiang/cailiang/api"
	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/rules"
)

// version is set with -ldflags "-X main.version=…".
var version = "dev"

const usage = `cailiang — 行政执法裁量辅助 (administrative enforcement discretion assistant)

Usage:
  cailiang serve [--addr 127.0.0.1:8080]        start the HTTP API and web page
  cailiang import statutes PATH                 import national.jsonl / local.jsonl (.gz ok) or a folder of .md statutes
  cailiang import cases PATH                    import cases from .jsonl, .json (array) or .csv (all or nothing)
  cailiang search [--cases] [--law L] [--all-versions] [--limit N] [--mode bm25|vector|hybrid] QUERY
                                                search norms (or cases) from the terminal
  cailiang cite [--date YYYY-MM-DD] CITATION    resolve a citation such as "食品安全法第124条"
  cailiang reindex                              rebuild the search index from the store
  cailiang eval [--data-dir DIR] [--shared PATH] [--suites a,b] [--json] [--seg-mode precise|search] [--bigram-weight W] [--pg DSN]
                                                measure search quality on our relevance set and LawBench 3-1 (docs/search.md)
  cailiang benchmarks [--sector S] [QUERY]      list or search the discretion benchmarks (裁量基准)
  cailiang suggest --benchmark ID [--facts FILE.json|-]
                                                penalty suggestion for a benchmark and facts (JSON, stdin with -)
  cailiang analyze [--sector S] [--input FILE|-]
                                                analyse case facts (plain text, or {"facts": …} JSON) from stdin:
                                                violations, penalty ranges, transfer risk, disputes, norms, similar cases

Global flags (before or after the subcommand):
  --data DIR        data directory (env CAILIANG_DATA_DIR, default ./data)
  --seg-mode MODE   index segmentation: precise or search (env CAILIANG_SEG_MODE, default precise)
  --log-level L     debug, info, warn, error (env CAILIANG_LOG_LEVEL, default info)
  --no-samples      do not load the built-in illustrative cases on first start
  --pg DSN          store vectors in PostgreSQL + pgvector (env CAILIANG_PG_DSN; default: embedded store under --data)
  --embedder E      lsa (local, trained from the corpus; default), openai, ollama or none (env CAILIANG_EMBEDDER)
  --embed-url U, --embed-model M, --embed-token T
                    remote embedder settings (env CAILIANG_EMBED_URL, CAILIANG_EMBED_MODEL, CAILIANG_EMBED_TOKEN)
  --embed-dim N     LSA dimension (default 256)
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "cailiang:", err)
		if errors.Is(err, errUsage) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

var errUsage = errors.New("usage")

func env(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

type globals struct {
	dataDir, segMode, logLevel, addr string
	noSamples                        bool
	vectors                          api.VectorOptions
}

func (g *globals) register(fs *flag.FlagSet) {
	fs.StringVar(&g.dataDir, "data", env("CAILIANG_DATA_DIR", "data"), "data directory")
	fs.StringVar(&g.segMode, "seg-mode", env("CAILIANG_SEG_MODE", "precise"), "index segmentation mode: precise or search")
	fs.StringVar(&g.logLevel, "log-level", env("CAILIANG_LOG_LEVEL", "info"), "log level")
	fs.BoolVar(&g.noSamples, "no-samples", false, "do not load the built-in sample cases")
	fs.StringVar(&g.vectors.PGDSN, "pg", env("CAILIANG_PG_DSN", ""), "PostgreSQL DSN: store vectors in pgvector instead of the embedded store")
	fs.StringVar(&g.vectors.Embedder, "embedder", env("CAILIANG_EMBEDDER", "lsa"), "lsa (local, default), openai, ollama or none")
	fs.StringVar(&g.vectors.URL, "embed-url", env("CAILIANG_EMBED_URL", ""), "base URL of a remote embedder")
	fs.StringVar(&g.vectors.Model, "embed-model", env("CAILIANG_EMBED_MODEL", ""), "remote embedding model")
	fs.StringVar(&g.vectors.Token, "embed-token", env("CAILIANG_EMBED_TOKEN", ""), "token for an OpenAI-compatible embedder")
	fs.IntVar(&g.vectors.Dim, "embed-dim", 0, "LSA dimension (default 256)")
}

func newLogger(level string, w io.Writer) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("--log-level %q: %w", level, errUsage)
	}
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: l})), nil
}

// progress draws a bar on a terminal and stays silent otherwise.
func progress(stderr io.Writer) func(stage string, done, total int) {
	f, ok := stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	var bar *progressbar.ProgressBar
	var barStage string
	return func(stage string, done, total int) {
		if bar == nil || barStage != stage {
			bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(stderr), progressbar.OptionSetDescription("索引 "+stage),
				progressbar.OptionShowCount(), progressbar.OptionThrottle(100_000_000), progressbar.OptionClearOnFinish())
			barStage = stage
		}
		_ = bar.Set(done)
		if done >= total {
			_ = bar.Finish()
		}
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return runWithStdin(ctx, args, os.Stdin, stdout, stderr)
}

func runWithStdin(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, usage)
		return nil
	}
	cmd, rest := args[0], args[1:]
	if cmd == "eval" {
		return runEval(ctx, rest, stdout, stderr)
	}
	var g globals
	fs := flag.NewFlagSet("cailiang "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	g.register(fs)
	var (
		cases, allVersions     bool
		law, date              string
		limit                  int
		benchmarkID, factsPath string
		sector, mode           string
	)
	switch cmd {
	case "serve":
		fs.StringVar(&g.addr, "addr", env("CAILIANG_ADDR", "127.0.0.1:8080"), "listen address")
	case "search":
		fs.BoolVar(&cases, "cases", false, "search cases instead of norms")
		fs.StringVar(&law, "law", "", "only this law (short name)")
		fs.BoolVar(&allVersions, "all-versions", false, "include versions no longer in force")
		fs.IntVar(&limit, "limit", 10, "number of results")
		fs.StringVar(&mode, "mode", "bm25", "bm25, vector or hybrid")
	case "cite":
		fs.StringVar(&date, "date", "", "resolve against the version in force on this date")
	case "benchmarks":
		fs.StringVar(&sector, "sector", "", "only this sector (市场监管, 生态环境 …)")
		fs.IntVar(&limit, "limit", 100, "number of results")
	case "suggest":
		fs.StringVar(&benchmarkID, "benchmark", "", "benchmark id (see cailiang benchmarks)")
		fs.StringVar(&factsPath, "facts", "-", "facts JSON file, - for stdin")
	case "analyze":
		fs.StringVar(&sector, "sector", "", "only violations of this sector (市场监管, 生态环境 …)")
		fs.StringVar(&factsPath, "input", "-", "file with the case facts, - for stdin")
	case "import", "reindex":
	default:
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("unknown command %q: %w", cmd, errUsage)
	}
	if err := fs.Parse(rest); err != nil {
		return fmt.Errorf("%v: %w", err, errUsage)
	}
	pos := fs.Args()
	log, err := newLogger(g.logLevel, stderr)
	if err != nil {
		return err
	}
	app, err := api.Open(ctx, api.Options{DataDir: g.dataDir, SegMode: g.segMode, NoSamples: g.noSamples, Logger: log, Progress: progress(stderr), Version: version, Vectors: g.vectors})
	if err != nil {
		return err
	}
	defer app.Close()
	out := json.NewEncoder(stdout)
	out.SetEscapeHTML(false)
	out.SetIndent("", "  ")

	switch cmd {
	case "serve":
		return app.Serve(ctx, g.addr)
	case "reindex":
		if err := app.Library.Reindex(ctx); err != nil {
			return err
		}
		n, c, err := app.Library.Index().Counts()
		if err != nil {
			return err
		}
		return out.Encode(map[string]uint64{"articles": n, "cases": c})
	case "import":
		if len(pos) != 2 || (pos[0] != "statutes" && pos[0] != "cases") {
			return fmt.Errorf("import statutes|cases PATH: %w", errUsage)
		}
		if pos[0] == "statutes" {
			rep, err := app.ImportStatutes(ctx, pos[1])
			if err != nil {
				return err
			}
			return out.Encode(rep)
		}
		n, err := app.ImportCases(ctx, pos[1])
		if err != nil {
			return err
		}
		return out.Encode(map[string]int{"imported": n})
	case "search":
		q := strings.Join(pos, " ")
		if strings.TrimSpace(q) == "" {
			return fmt.Errorf("search QUERY: %w", errUsage)
		}
		mode, err := corpus.ParseSearchMode(mode)
		if err != nil {
			return fmt.Errorf("search --mode: %w: %w", err, errUsage)
		}
		if cases {
			res, err := app.Library.SearchCases(ctx, corpus.CaseQuery{Q: q, Limit: limit}, mode)
			if err != nil {
				return err
			}
			return out.Encode(res)
		}
		nq := corpus.NormQuery{Q: q, Law: law, Limit: limit}
		if !allVersions {
			t := true
			nq.InForce = &t
		}
		res, err := app.Library.SearchNorms(ctx, nq, mode)
		if err != nil {
			return err
		}
		return out.Encode(res)
	case "benchmarks":
		var out2 []map[string]any
		for _, h := range app.Catalog.Search(strings.Join(pos, " "), app.Segmenter(), legal.Sector(sector), limit) {
			out2 = append(out2, map[string]any{"id": h.Benchmark.ID, "name": h.Benchmark.Name, "sector": h.Benchmark.Sector, "score": h.Score})
		}
		return out.Encode(out2)
	case "suggest":
		if benchmarkID == "" {
			return fmt.Errorf("suggest --benchmark ID: %w", errUsage)
		}
		var raw []byte
		if factsPath == "-" {
			raw, err = io.ReadAll(io.LimitReader(stdin, 1<<20))
		} else {
			raw, err = os.ReadFile(factsPath)
		}
		if err != nil {
			return fmt.Errorf("read facts: %w", err)
		}
		facts, err := rules.DecodeFacts(raw)
		if err != nil {
			return err
		}
		sug, err := app.Catalog.Suggest(benchmarkID, facts)
		if err != nil {
			return err
		}
		return out.Encode(sug)
	case "analyze":
		req, err := readAnalyzeRequest(stdin, factsPath)
		if err != nil {
			return err
		}
		if sector != "" {
			req.Sector = legal.Sector(sector)
		}
		res, err := app.Analyzer.Analyze(ctx, req)
		if err != nil {
			return err
		}
		return out.Encode(res)
	case "cite":
		if len(pos) == 0 {
			return fmt.Errorf("cite CITATION: %w", errUsage)
		}
		res, err := app.Library.Resolver().Resolve(strings.Join(pos, ""), date)
		if err != nil {
			return err
		}
		return out.Encode(res)
	}
	return nil
}

// readAnalyzeRequest reads the facts to analyse: a JSON request object
// ({"facts": "…", "sector": "…"}) or plain text.
func readAnalyzeRequest(stdin io.Reader, path string) (caseanalysis.Request, error) {
	var raw []byte
	var err error
	if path == "-" {
		raw, err = io.ReadAll(io.LimitReader(stdin, 4<<20))
	} else {
		raw, err = os.ReadFile(path)
	}
	if err != nil {
		return caseanalysis.Request{}, fmt.Errorf("read facts: %w", err)
	}
	var req caseanalysis.Request
	if trimmed := strings.TrimSpace(string(raw)); strings.HasPrefix(trimmed, "{") {
		dec := json.NewDecoder(strings.NewReader(trimmed))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			return caseanalysis.Request{}, fmt.Errorf("read facts: not a valid analysis request: %w", err)
		}
		return req, nil
	}
	req.Facts = string(raw)
	return req, nil
}
