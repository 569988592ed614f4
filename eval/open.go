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

// Open opens an evaluation data directory exactly as `cailiang serve` opens
// a data directory (app.ForServe: sample cases, trained embedder, vectors in
// sync, the service's analyzer), so that every number eval reports comes
// from the code path users get. A directory without statutes first gets
// the national database at nationalPath and the newer versions beside it
// (UpdatesFile), imported as `cailiang import` would (without vectors: the start that follows trains the embedder on the
// whole corpus, as the service's next start does). It returns an error when
// the directory cannot be opened or the national database is missing.
// UpdatesFile holds the national versions newer than national.jsonl's,
// beside it in the public data folder.
const UpdatesFile = "national_updates.jsonl"

func Open(ctx context.Context, cfg app.Config, nationalPath string) (*app.App, error) {
	if nationalPath != "" {
		if _, err := os.Stat(nationalPath); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				err = fmt.Errorf("the national database %s is missing (set the public data folder): %w", nationalPath, err)
			}
			return nil, err
		}
		// The newer versions beside it (national_updates.jsonl) follow, as
		// serve's first import does, so dated scenarios meet the law in
		// force on their day.
		paths := []string{nationalPath}
		updates := filepath.Join(filepath.Dir(nationalPath), UpdatesFile)
		if _, err := os.Stat(updates); err == nil {
			paths = append(paths, updates)
		}
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
