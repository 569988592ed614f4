package eval

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
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

// CorpusConfig configures OpenCorpus.
type CorpusConfig struct {
	// Dir is the data directory. Its layout is the one `cailiang serve`
	// uses (cailiang.db, index/, jieba/), so an existing data directory can
	// be evaluated as it is.
	Dir string
	// SegMode is bleveidx.ModePrecise (default) or bleveidx.ModeSearch. An
	// index built with another mode is rebuilt on open.
	SegMode string
	// BigramWeight is passed to bleveidx: 0 means its default, negative
	// disables the character-bigram field at query time.
	BigramWeight float64
	// Logger receives logs; nil discards them.
	Logger *slog.Logger
	// Progress reports imports and index builds (stage, done, total).
	Progress func(stage string, done, total int)
}

// Corpus is a statute library opened for evaluation with the real segmenter
// and index, wired the way the service wires them (eval may not import api).
type Corpus struct {
	// Library searches and resolves; Searcher adapts it to NormSearcher.
	Library *corpus.Library
	store   *corpus.Store
	index   *bleveidx.Index
	seg     nlp.Segmenter
	log     *slog.Logger
}

// OpenCorpus opens (or creates) the data directory, loads the shared jieba
// segmenter and brings the index up to date with the store, rebuilding it
// when the segmentation mode or dictionary changed. It returns an error when
// the directory is unusable or held by another process.
func OpenCorpus(ctx context.Context, cfg CorpusConfig) (*Corpus, error) {
	if cfg.Dir == "" {
		return nil, errors.New("open eval corpus: no data directory")
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	start := time.Now()
	seg, err := jieba.Shared(filepath.Join(cfg.Dir, "jieba"))
	if err != nil {
		return nil, fmt.Errorf("open eval corpus: load segmenter: %w", err)
	}
	store, err := corpus.OpenStore(filepath.Join(cfg.Dir, "cailiang.db"))
	if err != nil {
		return nil, fmt.Errorf("open eval corpus: %w", err)
	}
	idx, err := bleveidx.Open(bleveidx.Config{Dir: filepath.Join(cfg.Dir, "index"), Segmenter: seg, Mode: cfg.SegMode, BigramWeight: cfg.BigramWeight})
	if err != nil {
		store.Close()
		return nil, fmt.Errorf("open eval corpus: %w", err)
	}
	lib := corpus.NewLibrary(store, idx, log)
	if cfg.Progress != nil {
		lib.SetProgress(cfg.Progress)
	}
	c := &Corpus{Library: lib, store: store, index: idx, seg: seg, log: log}
	if err := lib.EnsureIndexed(ctx); err != nil {
		c.Close()
		return nil, fmt.Errorf("open eval corpus: %w", err)
	}
	log.Info("eval corpus open", "dir", cfg.Dir, "statutes", len(store.StatuteInfos()), "took_ms", time.Since(start).Milliseconds())
	return c, nil
}

// Analyzer builds case analysis over the corpus as the service does, after
// loading the built-in sample cases (once per data directory). It returns
// the catalog loading and sample import errors.
func (c *Corpus) Analyzer(ctx context.Context) (*caseanalysis.Analyzer, error) {
	if _, err := c.Library.LoadSamplesOnce(ctx, samples.CasesJSONL()); err != nil {
		return nil, fmt.Errorf("eval analyzer: %w", err)
	}
	cat, err := rules.LoadBuiltin()
	if err != nil {
		return nil, err
	}
	return caseanalysis.ForLibrary(c.Library, cat, c.seg, corpus.ModeBM25, c.log)
}

// Close closes the index and the store.
func (c *Corpus) Close() error {
	return errors.Join(c.index.Close(), c.store.Close())
}

// Searcher returns a NormSearcher over the library in a search mode
// (corpus.ModeBM25 when empty).
func (c *Corpus) Searcher(mode string) NormSearcher {
	return LibrarySearcher{Library: c.Library, Mode: corpus.SearchMode(mode)}
}

// Statutes returns the number of statute versions stored.
func (c *Corpus) Statutes() int { return len(c.store.StatuteInfos()) }

// ImportStatutes imports a lawrefbook JSONL file (national.jsonl, optionally
// gzip-compressed with a .gz name) into the store and index, all or nothing.
// It returns an error when the file cannot be read or parsed.
func (c *Corpus) ImportStatutes(ctx context.Context, path string) (corpus.ImportReport, error) {
	src := func(fn func(corpus.Statute) error) error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		var r io.Reader = f
		if strings.HasSuffix(path, ".gz") {
			zr, err := gzip.NewReader(f)
			if err != nil {
				return err
			}
			defer zr.Close()
			r = zr
		}
		return corpus.ReadLawrefJSONL(r, fn)
	}
	start := time.Now()
	rep, err := c.Library.ImportStatutes(ctx, src)
	if err != nil {
		return rep, fmt.Errorf("import %s: %w", path, err)
	}
	c.log.Info("eval statutes imported", "path", path, "statutes", rep.Statutes, "indexed", rep.Indexed, "took_ms", time.Since(start).Milliseconds())
	return rep, nil
}
