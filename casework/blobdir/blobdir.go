// Package blobdir is the directory casework.BlobStore: evidence files
// stored content-addressed under <Dir>/ab/abcdef… (the first two hex digits
// of the SHA-256 name a subdirectory, so that no directory grows to
// hundreds of thousands of entries).
package blobdir

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/cailiang/cailiang/casework"
)

// Dir stores blobs in a directory.
type Dir struct{ root string }

var _ casework.BlobStore = (*Dir)(nil)

// Open returns the blob directory root, creating it (0700: evidence holds
// personal data). Errors: the directory cannot be created.
func Open(root string) (*Dir, error) {
	if err := os.MkdirAll(root, 0o700); err != nil {
		return nil, fmt.Errorf("evidence directory %s: %w", root, err)
	}
	return &Dir{root: root}, nil
}

func (d *Dir) path(digest string) string { return filepath.Join(d.root, digest[:2], digest) }

// Put implements casework.BlobStore. The content streams into a temporary
// file in the target's directory while it is hashed and counted; more than
// max bytes stops the copy, removes the temporary file and returns
// casework.ErrTooLarge. A complete file is fsynced and renamed to its
// digest (atomic on one file system), so a reader never sees half a blob;
// content already present is not written again. Other errors: reading r,
// the file system, the context.
func (d *Dir) Put(ctx context.Context, r io.Reader, max int64) (digest string, size int64, err error) {
	if max <= 0 {
		return "", 0, fmt.Errorf("evidence size limit %d: %w", max, casework.ErrInvalid)
	}
	tmp, err := os.CreateTemp(d.root, ".upload-*")
	if err != nil {
		return "", 0, fmt.Errorf("evidence temp file: %w", err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	h := sha256.New()
	// One byte beyond max tells a file of exactly max bytes from a larger one.
	n, err := io.Copy(io.MultiWriter(tmp, h), io.LimitReader(ctxReader{ctx, r}, max+1))
	if err != nil {
		return "", 0, fmt.Errorf("evidence upload: %w", err)
	}
	if n > max {
		return "", 0, fmt.Errorf("evidence larger than %d bytes: %w", max, casework.ErrTooLarge)
	}
	if err := tmp.Sync(); err != nil {
		return "", 0, fmt.Errorf("evidence sync: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return "", 0, fmt.Errorf("evidence close: %w", err)
	}
	digest = hex.EncodeToString(h.Sum(nil))
	final := d.path(digest)
	if _, err := os.Stat(final); err == nil {
		// The same content is already stored: keep the one copy.
		os.Remove(tmp.Name())
		done = true
		return digest, n, nil
	}
	if err := os.MkdirAll(filepath.Dir(final), 0o700); err != nil {
		return "", 0, fmt.Errorf("evidence directory: %w", err)
	}
	if err := os.Rename(tmp.Name(), final); err != nil {
		return "", 0, fmt.Errorf("evidence store: %w", err)
	}
	done = true
	if err := syncDir(filepath.Dir(final)); err != nil {
		return "", 0, err
	}
	return digest, n, nil
}

// syncDir makes a rename durable: the new name lives in the directory.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("evidence directory sync: %w", err)
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		return fmt.Errorf("evidence directory sync: %w", err)
	}
	return nil
}

// Open implements casework.BlobStore. Errors: casework.ErrInvalid for a
// digest that is not lower-case hex SHA-256, casework.ErrNotFound when no
// such blob is stored, the file system's otherwise.
func (d *Dir) Open(ctx context.Context, digest string) (io.ReadCloser, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !casework.ValidDigest(digest) {
		return nil, fmt.Errorf("evidence digest %q: %w", digest, casework.ErrInvalid)
	}
	f, err := os.Open(d.path(digest))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("evidence %s: %w", digest, casework.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("evidence %s: %w", digest, err)
	}
	return f, nil
}

// ctxReader stops a long upload when its request is cancelled.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
