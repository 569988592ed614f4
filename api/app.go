package api

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/bleveidx"
	"github.com/cailiang/cailiang/corpus/samples"
	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/nlp/jieba"
	"github.com/cailiang/cailiang/rules"
)

// Options configure an App: everything `cailiang` reads from flags and the
// environment.
type Options struct {
	// DataDir holds the store, the indexes and the dictionary cache.
	DataDir string
	// SegMode is the index segmentation mode (bleveidx.ModePrecise or
	// bleveidx.ModeSearch); it applies when indexes are created.
	SegMode string
	// NoSamples skips loading the built-in illustrative cases.
	NoSamples bool
	// Logger receives logs; nil discards them.
	Logger *slog.Logger
	// Progress reports long imports and reindexing (stage, done, total).
	Progress func(stage string, done, total int)
	// BodyLimit for the HTTP server; 0 means DefaultBodyLimit.
	BodyLimit int
	// Version is reported by /healthz.
	Version string
	// Vectors configures dense retrieval (embedded store and local LSA
	// embedder by default).
	Vectors VectorOptions
}

// App is a running cailiang instance: the legal segmenter, the store, the
// index and the library over them.
type App struct {
	opts    Options
	seg     nlp.Segmenter
	store   *corpus.Store
	index   *bleveidx.Index
	Library *corpus.Library
	// Catalog is the built-in discretion benchmark catalog.
	Catalog *rules.Catalog
	log     *slog.Logger
	vectors corpus.VectorStore
	// Analyzer analyses case facts (/v1/analyze, cailiang analyze).
	Analyzer *caseanalysis.Analyzer
}

// Open opens (or creates) the data directory, loads the segmenter, brings the
// index up to date with the store and loads the built-in sample cases on
// first use. It returns an error when the data directory is unusable or held
// by another process.
func Open(ctx context.Context, opts Options) (*App, error) {
	if opts.DataDir == "" {
		opts.DataDir = "data"
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	start := time.Now()
	seg, err := jieba.Shared(filepath.Join(opts.DataDir, "jieba"))
	if err != nil {
		return nil, fmt.Errorf("load segmenter: %w", err)
	}
	catStart := time.Now()
	catalog, err := rules.LoadBuiltin()
	if err != nil {
		return nil, err
	}
	log.Info("benchmark catalog loaded", "benchmarks", catalog.Len(), "took_ms", float64(time.Since(catStart).Microseconds())/1000)
	store, err := corpus.OpenStore(filepath.Join(opts.DataDir, "cailiang.db"))
	if err != nil {
		return nil, err
	}
	idx, err := bleveidx.Open(bleveidx.Config{Dir: filepath.Join(opts.DataDir, "index"), Segmenter: seg, Mode: opts.SegMode})
	if err != nil {
		store.Close()
		return nil, err
	}
	lib := corpus.NewLibrary(store, idx, log)
	if opts.Progress != nil {
		lib.SetProgress(opts.Progress)
	}
	a := &App{opts: opts, seg: seg, store: store, index: idx, Library: lib, Catalog: catalog, log: log}
	if err := lib.EnsureIndexed(ctx); err != nil {
		a.Close()
		return nil, err
	}
	if !opts.NoSamples {
		loaded, err := lib.LoadSamplesOnce(ctx, samples.CasesJSONL())
		if err != nil {
			a.Close()
			return nil, err
		}
		if loaded {
			log.Info("built-in sample cases loaded (示例)")
		}
	}
	if err := a.openVectors(ctx); err != nil {
		// Dense retrieval is optional: full-text search, citations and the
		// rules engine work without it, so the service still starts.
		log.Error("vector search disabled", "err", err)
		a.Library.SetVectors(nil)
	}
	if a.Analyzer, err = newAnalyzer(a); err != nil {
		a.Close()
		return nil, err
	}
	log.Info("data directory open", "dir", opts.DataDir, "statutes", len(store.StatuteInfos()), "took_ms", time.Since(start).Milliseconds())
	return a, nil
}

// Close closes the vector store, the index and the store.
func (a *App) Close() error {
	var verr error
	if a.vectors != nil {
		verr = a.vectors.Close()
	}
	return errors.Join(verr, a.index.Close(), a.store.Close())
}

// openVectors sets up dense retrieval and embeds what is missing. Vector
// search stays off (bm25 still works) when there is nothing to train on yet.
func (a *App) openVectors(ctx context.Context) error {
	o := a.opts.Vectors
	if o.Embedder == "none" {
		return nil
	}
	emb, spec, err := openEmbedder(ctx, a.opts.DataDir, o, a.seg, a.store, a.log)
	if err != nil || emb == nil {
		return err
	}
	vs, err := openVectorStore(ctx, a.opts.DataDir, o, a.log)
	if err != nil {
		return err
	}
	a.vectors = vs
	a.Library.SetVectors(&corpus.Vectors{Store: vs, Embedder: emb, Spec: spec})
	start := time.Now()
	if err := a.Library.SyncVectors(ctx, nil); err != nil {
		return fmt.Errorf("embed corpus: %w", err)
	}
	a.log.Info("vectors in sync", "spec", spec.Embedder, "dim", spec.Dim, "took_ms", time.Since(start).Milliseconds())
	return nil
}

// newAnalyzer wires case analysis over the app's catalog and library.
// Similar cases use hybrid retrieval when vectors are on.
func newAnalyzer(a *App) (*caseanalysis.Analyzer, error) {
	mode := corpus.ModeBM25
	if a.Library.VectorsEnabled() {
		mode = corpus.ModeHybrid
	}
	return caseanalysis.ForLibrary(a.Library, a.Catalog, a.seg, mode, a.log)
}

// Segmenter returns the legal segmenter.
func (a *App) Segmenter() nlp.Segmenter { return a.seg }

// Server returns an HTTP server over the app.
func (a *App) Server() *Server {
	return New(Config{Library: a.Library, Catalog: a.Catalog, Segmenter: a.seg, Analyzer: a.Analyzer, Logger: a.log, BodyLimit: a.opts.BodyLimit, Version: a.opts.Version})
}

// Serve listens on addr and serves until ctx is cancelled.
func (a *App) Serve(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", addr, err)
	}
	a.log.Info("listening", "addr", ln.Addr().String())
	return a.Server().Serve(ctx, ln)
}

// openMaybeGzip opens path, transparently decompressing .gz files.
func openMaybeGzip(path string) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if !strings.HasSuffix(path, ".gz") {
		return f, nil
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{zr, f}, nil
}

// ImportStatutes imports a lawrefbook JSONL file (optionally .gz) or a
// directory of statute .md files.
func (a *App) ImportStatutes(ctx context.Context, path string) (corpus.ImportReport, error) {
	st, err := os.Stat(path)
	if err != nil {
		return corpus.ImportReport{}, fmt.Errorf("import statutes: %w", err)
	}
	var src corpus.StatuteSource
	if st.IsDir() {
		src = func(fn func(corpus.Statute) error) error { return corpus.ReadStatuteDir(path, fn) }
	} else {
		src = func(fn func(corpus.Statute) error) error {
			r, err := openMaybeGzip(path)
			if err != nil {
				return err
			}
			defer r.Close()
			return corpus.ReadLawrefJSONL(r, fn)
		}
	}
	return a.Library.ImportStatutes(ctx, src)
}

// ImportCases imports cases from a .jsonl, .json (array) or .csv file, all
// or nothing.
func (a *App) ImportCases(ctx context.Context, path string) (int, error) {
	r, err := openMaybeGzip(path)
	if err != nil {
		return 0, fmt.Errorf("import cases: %w", err)
	}
	defer r.Close()
	var cases []corpus.Case
	name := strings.TrimSuffix(strings.ToLower(path), ".gz")
	switch {
	case strings.HasSuffix(name, ".csv"):
		cases, err = corpus.DecodeCasesCSV(r)
	case strings.HasSuffix(name, ".json"):
		var raw []byte
		raw, err = io.ReadAll(io.LimitReader(r, 1<<30))
		if err == nil {
			cases, err = corpus.DecodeCasesJSON(raw)
		}
	default:
		cases, err = corpus.DecodeCasesJSONL(r)
	}
	if err != nil {
		return 0, fmt.Errorf("import cases %s: %w", path, err)
	}
	if len(cases) == 0 {
		return 0, fmt.Errorf("import cases %s: no cases", path)
	}
	if err := a.Library.ImportCases(ctx, cases); err != nil {
		return 0, fmt.Errorf("import cases %s: %w", path, err)
	}
	return len(cases), nil
}
