package eval

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/cailiang/cailiang/app"
)

// Open opens an evaluation data directory exactly as `cailiang serve` opens
// a data directory (app.ForServe: sample cases, trained embedder, vectors in
// sync, the service's analyzer), so that every number eval reports comes
// from the code path users get. A directory without statutes first gets
// the national database at nationalPath, imported as `cailiang import`
// would (without vectors: the start that follows trains the embedder on the
// whole corpus, as the service's next start does). It returns an error when
// the directory cannot be opened or the national database is missing.
func Open(ctx context.Context, cfg app.Config, nationalPath string) (*app.App, error) {
	if err := ensureStatutes(ctx, cfg, nationalPath); err != nil {
		return nil, err
	}
	a, err := app.Open(ctx, cfg, app.ForServe)
	if err != nil {
		return nil, fmt.Errorf("open eval data: %w", err)
	}
	return a, nil
}

func ensureStatutes(ctx context.Context, cfg app.Config, nationalPath string) error {
	if nationalPath == "" {
		return nil
	}
	importCfg := cfg
	importCfg.Vectors = app.VectorConfig{Embedder: app.EmbedderNone}
	imp, err := app.Open(ctx, importCfg, app.ForImport)
	if err != nil {
		return fmt.Errorf("open eval data: %w", err)
	}
	err = importNational(ctx, imp, cfg, nationalPath)
	return errors.Join(err, imp.Close())
}

func importNational(ctx context.Context, imp *app.App, cfg app.Config, nationalPath string) error {
	if imp.Library.Store().StatuteCount() > 0 {
		return nil
	}
	if _, err := os.Stat(nationalPath); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("eval data directory %s has no statutes and the national database %s is missing (set the public data folder): %w", cfg.DataDir, nationalPath, err)
		}
		return err
	}
	start := time.Now()
	rep, err := imp.ImportStatutes(ctx, nationalPath)
	if err != nil {
		return err
	}
	if cfg.Logger != nil {
		cfg.Logger.Info("eval statutes imported", "statutes", rep.Statutes, "took_ms", time.Since(start).Milliseconds())
	}
	return nil
}
