package blobdir

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/casework"
)

// files lists every regular file under root (relative paths).
func files(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(root, p)
			out = append(out, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestPutOpen(t *testing.T) {
	ctx := context.Background()
	root := filepath.Join(t.TempDir(), "evidence")
	d, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	content := bytes.Repeat([]byte("现场照片"), 1000)
	sum := sha256.Sum256(content)
	want := hex.EncodeToString(sum[:])
	digest, size, err := d.Put(ctx, bytes.NewReader(content), int64(len(content)))
	if err != nil {
		t.Fatal(err)
	}
	if digest != want || size != int64(len(content)) {
		t.Fatalf("Put = %s, %d; want %s, %d", digest, size, want, len(content))
	}
	// The same content again keeps one copy.
	if d2, _, err := d.Put(ctx, bytes.NewReader(content), 1<<20); err != nil || d2 != want {
		t.Fatalf("second Put = %s, %v", d2, err)
	}
	if got := files(t, root); len(got) != 1 || got[0] != filepath.Join(want[:2], want) {
		t.Fatalf("files after two Puts = %v, want one at %s/%s", got, want[:2], want)
	}
	rc, err := d.Open(ctx, digest)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	got, err := io.ReadAll(rc)
	if err != nil || !bytes.Equal(got, content) {
		t.Fatalf("Open read %d bytes (%v), want the %d put", len(got), err, len(content))
	}
}

func TestPutTooLargeLeavesNothing(t *testing.T) {
	root := t.TempDir()
	d, err := Open(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int64{101, 1 << 20} {
		_, _, err := d.Put(context.Background(), io.LimitReader(zeros{}, n), 100)
		if !errors.Is(err, casework.ErrTooLarge) {
			t.Fatalf("Put of %d bytes with max 100: %v, want ErrTooLarge", n, err)
		}
	}
	if got := files(t, root); len(got) != 0 {
		t.Fatalf("files left after refused uploads: %v", got)
	}
	// Exactly max bytes is accepted.
	if _, size, err := d.Put(context.Background(), io.LimitReader(zeros{}, 100), 100); err != nil || size != 100 {
		t.Fatalf("Put of exactly max: %d, %v", size, err)
	}
}

func TestPutCancelledLeavesNothing(t *testing.T) {
	root := t.TempDir()
	d, _ := Open(root)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := d.Put(ctx, strings.NewReader("x"), 10); !errors.Is(err, context.Canceled) {
		t.Fatalf("Put with a cancelled context: %v", err)
	}
	if got := files(t, root); len(got) != 0 {
		t.Fatalf("files left: %v", got)
	}
}

func TestOpenRejectsBadDigests(t *testing.T) {
	d, _ := Open(t.TempDir())
	tests := []struct {
		digest string
		want   error
	}{
		{"", casework.ErrInvalid},
		{"../../etc/passwd", casework.ErrInvalid},
		{strings.Repeat("A", 64), casework.ErrInvalid},
		{strings.Repeat("a", 63) + "/", casework.ErrInvalid},
		{"..", casework.ErrInvalid},
		{strings.Repeat("a", 64) + "\x00", casework.ErrInvalid},
		{strings.Repeat("a", 64), casework.ErrNotFound},
	}
	for _, tt := range tests {
		_, err := d.Open(context.Background(), tt.digest)
		if !errors.Is(err, tt.want) {
			t.Errorf("Open(%q) = %v, want %v", tt.digest, err, tt.want)
		}
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
