package eval

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/cailiang/cailiang/app"
)

// Open opens an evaluation data directory exactly as `cailiang serve` opens
// a data directory (app.ForServe: sample cases, trained embedder, vectors in
// sync, the service's analyzer), so that every number eval reports comes
// from the code path users get. A directory without statutes first gets
// the national database at nationalPath, imported as `cailiang import` would (without vectors: the start that follows trains the embedder on the
// whole corpus, as the service's next start does). It returns an error when
// the directory cannot be opened or the national database is missing.
func Open(ctx context.Context, cfg app.Config, nationalPath string) (*app.App, error) {
	if nationalPath != "" {
		if _, err := os.Stat(nationalPath); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				err = fmt.Errorf("the national database %s is missing (set the public data folder): %w", nationalPath, err)
			}
			return nil, err
		}
		// Only the snapshot the retrieval suites were labelled on (April
		// 2025): their expected articles include laws the 生态环境法典 has
		// since repealed. Dated scenarios that need the newer versions get
		// them by `cailiang import statutes …/national_updates.jsonl` into
		// the eval directory (README), as the dev-set test does.
		paths := []string{nationalPath}
		if _, err := app.ImportIfEmpty(ctx, cfg, paths); err != nil {
			return nil, err
		}
	}
	a, err := app.Open(ctx, cfg, app.ForServe)
	if err != nil {
		return nil, fmt.Errorf("open eval data: %w", err)
	}
	return a, nil
}
