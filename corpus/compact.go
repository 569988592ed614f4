package corpus

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Compaction is what compacting one bbolt file did.
type Compaction struct {
	Path string `json:"path"`
	// Before and After are the file's sizes in bytes.
	Before int64 `json:"before_bytes"`
	After  int64 `json:"after_bytes"`
}

// compactTxBytes bounds a compaction transaction, so that a large file is
// copied in several commits rather than held in memory at once.
const compactTxBytes = 64 << 20

// CompactFile rewrites the bbolt file at path (the store, or the embedded
// vector store's file) without the free pages that replaced and deleted
// records left: bbolt's Compact into a new file beside it, fsynced, then
// renamed over path and the directory fsynced, so a crash at any point
// leaves either the old file or the new one, never a mix. bbolt files never
// shrink by themselves. The file is held locked throughout. It returns an
// error wrapping ErrBusy when another process holds the file, and one
// wrapping fs.ErrNotExist when there is no file.
func CompactFile(path string) (Compaction, error) {
	rep := Compaction{Path: path}
	st, err := os.Stat(path)
	if err != nil {
		return rep, fmt.Errorf("compact %s: %w", path, err)
	}
	rep.Before = st.Size()
	src, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: storeLockWait})
	if errors.Is(err, berrors.ErrTimeout) {
		return rep, fmt.Errorf("compact %s: %w", path, ErrBusy)
	}
	if err != nil {
		return rep, fmt.Errorf("compact %s: %w", path, err)
	}
	defer src.Close()
	tmp := path + ".compact"
	if err := os.Remove(tmp); err != nil && !errors.Is(err, os.ErrNotExist) {
		return rep, fmt.Errorf("compact %s: %w", path, err)
	}
	dst, err := bolt.Open(tmp, st.Mode().Perm(), nil)
	if err != nil {
		return rep, fmt.Errorf("compact %s: %w", path, err)
	}
	err = bolt.Compact(dst, src, compactTxBytes)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = syncPath(tmp)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return rep, fmt.Errorf("compact %s: %w", path, err)
	}
	if err := syncPath(filepath.Dir(path)); err != nil {
		return rep, fmt.Errorf("compact %s: sync directory: %w", path, err)
	}
	if st, err = os.Stat(path); err != nil {
		return rep, fmt.Errorf("compact %s: %w", path, err)
	}
	rep.After = st.Size()
	return rep, nil
}

// syncPath fsyncs a file or directory.
func syncPath(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	serr := f.Sync()
	return errors.Join(serr, f.Close())
}
