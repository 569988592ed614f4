package eval

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/cailiang/cailiang/app"
)

// UpdatesFile is the file of newer statute versions that sits beside
// national.jsonl in the public data folder (UPDATES.md there): the
// 2025–2026 revisions and the 生态环境法典 that repealed ten environmental
// laws.
const UpdatesFile = "national_updates.jsonl"

// Open opens an evaluation data directory exactly as `cailiang serve` opens
// a data directory (app.ForServe: sample cases, trained embedder, vectors in
// sync, the service's analyzer), so that every number eval reports comes
// from the code path users get. A directory without statutes first gets
// the national database at nationalPath and then the newer versions in
// UpdatesFile beside it, imported as `cailiang import` would (without
// vectors: the start that follows trains the embedder on the whole corpus,
// as the service's next start does), so that the suites run on the law in
// force today; a directory filled earlier gets the newer versions imported
// (nothing is written when it has them). It returns an error when the
// directory cannot be opened or the national database is missing.
func Open(ctx context.Context, cfg app.Config, nationalPath string) (*app.App, error) {
	if nationalPath != "" {
		if _, err := os.Stat(nationalPath); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				err = fmt.Errorf("the national database %s is missing (set the public data folder): %w", nationalPath, err)
			}
			return nil, err
		}
		paths := []string{nationalPath}
		updates := filepath.Join(filepath.Dir(nationalPath), UpdatesFile)
		if _, err := os.Stat(updates); err == nil {
			paths = append(paths, updates)
		}
		imported, err := app.ImportIfEmpty(ctx, cfg, paths)
		if err != nil {
			return nil, err
		}
		if !imported && len(paths) > 1 {
			// An eval directory created before the updates were imported
			// would otherwise measure the repealed laws: an import of an
			// unchanged file skips every statute and writes nothing.
			if err := importStatutes(ctx, cfg, updates); err != nil {
				return nil, err
			}
		}
	}
	a, err := app.Open(ctx, cfg, app.ForServe)
	if err != nil {
		return nil, fmt.Errorf("open eval data: %w", err)
	}
	return a, nil
}

// importStatutes imports one statute file into the directory, without
// vectors (the open that follows brings them in sync).
func importStatutes(ctx context.Context, cfg app.Config, path string) error {
	cfg.Vectors = app.VectorConfig{Embedder: app.EmbedderNone}
	a, err := app.Open(ctx, cfg, app.ForImport)
	if err != nil {
		return fmt.Errorf("open eval data for import: %w", err)
	}
	_, err = a.ImportStatutes(ctx, path)
	return errors.Join(err, a.Close())
}
