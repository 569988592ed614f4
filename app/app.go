package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"sync"
	"time"

	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/bleveidx"
	"github.com/cailiang/cailiang/corpus/embed"
	"github.com/cailiang/cailiang/corpus/samples"
	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/nlp/jieba"
	"github.com/cailiang/cailiang/rules"
	"github.com/cailiang/cailiang/workdays"
)

// Parts says what a caller needs opened. Commands ask for the least they
// use: a citation lookup needs only the store, a search the index, and
// only the service and eval need everything kept up to date.
type Parts uint8

const (
	// PartIndex opens the full-text index (and the segmenter it needs).
	PartIndex Parts = 1 << iota
	// PartVectors opens dense retrieval as configured (VectorConfig).
	PartVectors
	// PartAnalyzer builds the case analyzer (catalogs, similar cases).
	PartAnalyzer
	// ReadOnly opens existing data for reading only: several readers can
	// share a data directory, nothing is created, trained, imported or
	// repaired, and writes fail.
	ReadOnly
	// PartCasework opens the case workbench (App.Casework): its store,
	// evidence directory and audit key.
	PartCasework
)

// What each entry point opens.
const (
	// ForServe is the service and eval: everything, read-write, with the
	// sample cases loaded, the index repaired and vectors trained and in sync.
	ForServe = PartIndex | PartVectors | PartAnalyzer
	// ForImport is import and reindex: the index and vectors kept in sync
	// with what is written.
	ForImport = PartIndex | PartVectors
	// ForCite resolves citations from the store alone.
	ForCite = ReadOnly
	// ForSearch searches norms and cases.
	ForSearch = ReadOnly | PartIndex | PartVectors
	// ForAnalyze analyses facts as the service does.
	ForAnalyze = ReadOnly | PartIndex | PartVectors | PartAnalyzer
)

func (p Parts) has(q Parts) bool { return p&q == q }

// App is an open data directory: the parts a caller asked for, wired the
// one way the service, the command line and eval share.
type App struct {
	cfg   Config
	parts Parts
	log   *slog.Logger
	seg   nlp.Segmenter
	store *corpus.Store
	// index is nil when no index is open.
	index    *bleveidx.Index
	resolver *corpus.Resolver
	vectors  corpus.VectorStore
	// lsa is the local model in use and lsaTexts the number of texts it
	// was trained on (nil, 0 with a remote embedder or none yet).
	lsa      *embed.LSA
	lsaTexts int
	// Library searches, resolves citations and imports (nil unless
	// PartIndex or PartAnalyzer).
	Library *corpus.Library
	// Catalog is the built-in discretion benchmark catalog (nil unless
	// PartAnalyzer).
	Catalog *rules.Catalog
	// Analyzer analyses case facts (nil unless PartAnalyzer).
	Analyzer *caseanalysis.Analyzer
	// Casework is the case workbench (nil unless PartCasework).
	Casework *Casework
}

// Catalog loads the built-in discretion benchmark catalog once per process;
// commands that only compute over it (suggest, benchmarks) open no data.
func Catalog() (*rules.Catalog, error) { return catalogOnce() }

var catalogOnce = sync.OnceValues(rules.LoadBuiltin)

// Segmenter loads the shared legal segmenter, materialising its
// dictionaries under cfg.CacheDir.
func Segmenter(cfg Config) (nlp.Segmenter, error) {
	cfg = cfg.withDefaults()
	seg, err := jieba.Shared(cfg.segmenterDir())
	if err != nil {
		return nil, fmt.Errorf("load segmenter: %w", err)
	}
	return seg, nil
}

// Calendar builds the working-day calendar every deadline counts in: the
// State Council's schedule with cfg.Holidays applied. It returns an error
// wrapping workdays.ErrBadOverride when that file is unreadable or invalid.
func Calendar(cfg Config) (*workdays.Calendar, error) {
	return workdays.Open(workdays.Config{OverridePath: cfg.Holidays})
}

// ErrNoData is wrapped by a read-only Open of a data directory that has no
// store yet.
var ErrNoData = errors.New("no data yet")

// Open opens cfg.DataDir with the given parts. It returns an error wrapping
// ErrConfig for a bad configuration, corpus.ErrBusy when another process
// holds the data directory, ErrNoData for a read-only open of an empty
// directory, and other errors when the data cannot be read. Vectors that
// cannot be set up are logged and left off: everything else works without.
func Open(ctx context.Context, cfg Config, parts Parts) (*App, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	start := time.Now()
	a := &App{cfg: cfg, parts: parts, log: cfg.Logger}
	if err := a.open(ctx); err != nil {
		a.Close()
		return nil, err
	}
	a.log.Info("data directory open", "dir", cfg.DataDir, "read_only", parts.has(ReadOnly), "statutes", len(a.store.StatuteInfos()),
		"vectors", a.Library != nil && a.Library.VectorsEnabled(), "took_ms", time.Since(start).Milliseconds())
	return a, nil
}

func (a *App) open(ctx context.Context) error {
	cfg, ro := a.cfg, a.parts.has(ReadOnly)
	var err error
	if ro {
		a.store, err = corpus.OpenStoreReadOnly(cfg.storePath())
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("数据目录 %s 中还没有数据（先运行 cailiang serve 或 cailiang import）: %w", cfg.DataDir, ErrNoData)
		}
	} else {
		a.store, err = corpus.OpenStore(cfg.storePath())
	}
	if err != nil {
		return err
	}
	a.resolver = corpus.NewResolver(a.store)
	if a.parts.has(PartCasework) {
		if a.Casework, err = openCasework(cfg, ro, a.resolver); err != nil {
			return err
		}
	}
	if !a.parts.has(PartIndex) && !a.parts.has(PartAnalyzer) {
		return nil
	}
	if a.seg, err = Segmenter(cfg); err != nil {
		return err
	}
	idx, err := bleveidx.Open(bleveidx.Config{Dir: cfg.indexDir(), Segmenter: a.seg, Mode: cfg.SegMode, BigramWeight: cfg.BigramWeight, BM25: cfg.BM25, ReadOnly: ro})
	if err != nil {
		return err
	}
	a.index = idx
	a.Library = corpus.NewLibrary(a.store, idx, a.log)
	a.resolver = a.Library.Resolver()
	if cfg.Progress != nil {
		a.Library.SetProgress(cfg.Progress)
	}
	if err := a.ensureIndexed(ctx); err != nil {
		return err
	}
	if !ro && a.parts.has(PartAnalyzer) {
		// The service (and eval) answer norm searches from postings in
		// memory (bleveidx's ranker); built here, while /readyz says
		// loading, rather than on the first search.
		if err := a.WarmSearch(ctx); err != nil {
			return err
		}
	}
	if !ro && !cfg.NoSamples && a.parts.has(PartAnalyzer) {
		loaded, err := a.Library.LoadSamplesOnce(ctx, samples.CasesJSONL())
		if err != nil {
			return err
		}
		if loaded {
			a.log.Info("built-in sample cases loaded (示例)")
		}
	}
	if a.parts.has(PartVectors) {
		if err := a.openVectors(ctx); err != nil {
			// Dense retrieval is optional: full-text search, citations and
			// the rules engine work without it.
			a.log.Error("vector search disabled", "err", err)
			a.Library.SetVectors(nil)
		}
	}
	if a.parts.has(PartAnalyzer) {
		return a.openAnalyzer()
	}
	return nil
}

// ensureIndexed repairs an index that lags behind the store; a read-only
// open cannot, and says so.
func (a *App) ensureIndexed(ctx context.Context) error {
	if !a.parts.has(ReadOnly) {
		return a.Library.EnsureIndexed(ctx)
	}
	fresh, err := a.Library.IndexCurrent()
	if err != nil {
		return err
	}
	if !fresh {
		a.log.Warn("全文索引落后于数据，检索结果可能不全：请运行 cailiang reindex（或启动 cailiang serve）", "dir", a.cfg.DataDir)
	}
	return nil
}

func (a *App) openAnalyzer() error {
	cat, err := Catalog()
	if err != nil {
		return err
	}
	crimes, err := rules.LoadCrimes()
	if err != nil {
		return err
	}
	mode := corpus.ModeBM25
	if a.Library.VectorsEnabled() {
		mode = corpus.ModeHybrid
	}
	provisions, err := rules.LoadBuiltinProvisions(cat)
	if err != nil {
		return err
	}
	lib := a.Library
	a.Catalog = cat
	a.Analyzer, err = caseanalysis.New(caseanalysis.Config{Catalog: cat, Crimes: crimes, Segmenter: a.seg, Cases: lib, CaseStore: lib.Store(),
		Norms: lib, Resolver: lib.Resolver(), Generation: lib.Store().Generation, Mode: mode, Provisions: provisions, Logger: a.log,
		ExemplarWeight: a.cfg.ExemplarWeight})
	return err
}

// Resolver resolves citations against the store.
func (a *App) Resolver() *corpus.Resolver { return a.resolver }

// Segmenter returns the legal segmenter (nil when neither the index nor
// the analyzer was opened).
func (a *App) Segmenter() nlp.Segmenter { return a.seg }

// Config returns the configuration the app was opened with, defaults filled.
func (a *App) Config() Config { return a.cfg }

// Close closes the vector store, the index and the store.
func (a *App) Close() error {
	var errs []error
	if a.Casework != nil {
		errs = append(errs, a.Casework.Close())
	}
	if a.vectors != nil {
		errs = append(errs, a.vectors.Close())
	}
	if a.index != nil {
		errs = append(errs, a.index.Close())
	}
	if a.store != nil {
		errs = append(errs, a.store.Close())
	}
	return errors.Join(errs...)
}

// WarmSearch prepares norm search on the index as it is now (the in-memory
// ranker of corpus/bleveidx), so that the next searches need not build it;
// a later write to the index drops it again and the first search after
// rebuilds it in the background. It logs how long the build took.
func (a *App) WarmSearch(ctx context.Context) error {
	if a.index == nil {
		return nil
	}
	start := time.Now()
	if err := a.index.WarmRanking(ctx); err != nil {
		return fmt.Errorf("prepare norm search: %w", err)
	}
	a.log.Info("norm search ready", "took_ms", time.Since(start).Milliseconds())
	return nil
}
