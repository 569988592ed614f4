package app

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/embed"
)

// errReadOnly is returned by writes to an app opened ReadOnly.
var errReadOnly = errors.New("data directory opened read-only")

// ImportStatutes imports a lawrefbook JSONL file (optionally .gz) or a
// directory of statute .md files, all or nothing, then embeds what changed
// with the model the next start will keep (trained here when the corpus
// outgrew the old one). It returns an error when the path cannot be read
// or a statute cannot be parsed, and when the app was opened read-only or
// without an index. It must not run while the same App serves searches
// (the service imports no statutes): vectors are off during it.
func (a *App) ImportStatutes(ctx context.Context, path string) (corpus.ImportReport, error) {
	if err := a.writable(); err != nil {
		return corpus.ImportReport{}, fmt.Errorf("import statutes: %w", err)
	}
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
	start := time.Now()
	// The import embeds once, with the model it keeps: vectors are set
	// aside while the statutes are stored and indexed, then the embedding
	// policy of every start is applied to the grown corpus (retraining
	// when it says so, with the reason logged) and what is missing or
	// stale is embedded. The next start then finds nothing to redo.
	vecs := a.Library.Vectors()
	a.Library.SetVectors(nil)
	// The embedder (trained when the grown corpus calls for it) reads only
	// the store, so it is opened beside the indexing once the statutes are
	// committed: training keeps the cores busy that bleve leaves idle
	// between its chunks. The vectors are written only after the index,
	// as before, so the crash points and their recovery do not change.
	var (
		opened  chan struct{}
		emb     specEmbedder
		primed  *embed.Primed
		embErr  error
		embCtx  = ctx
		stopEmb = func() {}
	)
	stored := func() {
		if !a.parts.has(PartVectors) || a.cfg.Vectors.Embedder == EmbedderNone {
			return
		}
		embCtx, stopEmb = context.WithCancel(ctx)
		opened = make(chan struct{})
		go func() {
			defer close(opened)
			emb, primed, embErr = a.openEmbedder(embCtx)
		}()
	}
	rep, err := a.Library.ImportStatutesThen(ctx, src, stored)
	a.Library.SetVectors(vecs)
	if err != nil {
		if opened != nil {
			stopEmb()
			<-opened
		}
		return rep, fmt.Errorf("import statutes %s: %w", path, err)
	}
	if a.parts.has(PartVectors) {
		if opened != nil {
			<-opened
			stopEmb()
			if embErr == nil && emb != nil {
				embErr = a.syncWith(ctx, emb, primed)
			}
		} else {
			embErr = a.openVectors(ctx)
		}
		if embErr != nil {
			// The statutes are stored and indexed; the next start embeds.
			a.log.Error("statutes imported but not embedded", "err", embErr)
		}
	}
	a.log.Info("statutes imported", "path", path, "statutes", rep.Statutes, "took_ms", time.Since(start).Milliseconds())
	return rep, nil
}

// ImportIfEmpty imports the statute files in order into a data directory
// that has no statutes yet, as `cailiang import statutes` would, with dense
// retrieval off: the open that follows trains the embedder once on the
// whole corpus (the service's first start, eval). It reports whether it
// imported, and returns an error when the directory cannot be opened or a
// file cannot be imported (the store then keeps what earlier files added).
func ImportIfEmpty(ctx context.Context, cfg Config, paths []string) (bool, error) {
	cfg.Vectors = VectorConfig{Embedder: EmbedderNone}
	a, err := Open(ctx, cfg, ForImport)
	if err != nil {
		return false, err
	}
	imported, err := a.importIfEmpty(ctx, paths)
	return imported, errors.Join(err, a.Close())
}

func (a *App) importIfEmpty(ctx context.Context, paths []string) (bool, error) {
	if a.store.StatuteCount() > 0 || len(paths) == 0 {
		return false, nil
	}
	for _, p := range paths {
		if _, err := a.ImportStatutes(ctx, p); err != nil {
			return false, err
		}
	}
	return true, nil
}

// ImportCases imports cases from a .jsonl, .json (array) or .csv file
// (optionally .gz), all or nothing. It returns the number imported, or an
// error naming the file (and the line, for a bad record).
func (a *App) ImportCases(ctx context.Context, path string) (int, error) {
	if err := a.writable(); err != nil {
		return 0, fmt.Errorf("import cases: %w", err)
	}
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

// Reindex rebuilds the full-text index from the store and returns the
// numbers of indexed articles and cases.
func (a *App) Reindex(ctx context.Context) (articles, cases uint64, err error) {
	if err := a.writable(); err != nil {
		return 0, 0, fmt.Errorf("reindex: %w", err)
	}
	if err := a.Library.Reindex(ctx); err != nil {
		return 0, 0, err
	}
	return a.index.Counts()
}

func (a *App) writable() error {
	if a.parts.has(ReadOnly) {
		return errReadOnly
	}
	if a.Library == nil {
		return errors.New("opened without an index")
	}
	return nil
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
