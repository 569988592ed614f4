package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/memvec"
)

// Compact compacts the data directory's store and, when there is one, the
// embedded vector store's file (corpus.CompactFile), and returns what it
// did, the store first. bbolt files keep the space of replaced and deleted
// records (a re-import, a re-embedding) until compacted. The directory must
// not be open, here or in another process: it returns an error wrapping
// corpus.ErrBusy when another process holds a file, and ErrNoData when the
// directory has no store.
func Compact(cfg Config) ([]corpus.Compaction, error) {
	cfg = cfg.withDefaults()
	if _, err := os.Stat(cfg.storePath()); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("数据目录 %s 中还没有数据: %w", cfg.DataDir, ErrNoData)
	}
	var out []corpus.Compaction
	for _, path := range []string{cfg.storePath(), filepath.Join(cfg.vectorsDir(), memvec.FileName)} {
		rep, err := corpus.CompactFile(path)
		if errors.Is(err, fs.ErrNotExist) && path != cfg.storePath() {
			continue
		}
		if err != nil {
			return out, err
		}
		cfg.Logger.Info("compacted", "path", path, "before_bytes", rep.Before, "after_bytes", rep.After)
		out = append(out, rep)
	}
	return out, nil
}
