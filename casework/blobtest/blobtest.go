// Package blobtest is the conformance suite every casework.BlobStore passes
// (casework/blobdir, casework/s3blobs): what the evidence workflow relies
// on, checked against the real storage, including what a refused or
// cancelled upload leaves behind.
package blobtest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/cailiang/cailiang/casework"
)

// Subject is one empty store under test.
type Subject struct {
	// Blobs is the store.
	Blobs casework.BlobStore
	// Stored lists everything the store's backing holds (files, objects,
	// unfinished uploads), each name with "/" separators; a blob's name
	// ends in "ab/abcdef…", its digest's path.
	Stored func(t *testing.T) []string
}

// Run runs the suite; open returns a fresh, empty store for each test.
func Run(t *testing.T, open func(t *testing.T) Subject) {
	tests := []struct {
		name string
		fn   func(*testing.T, Subject)
	}{
		{"RoundTrip", testRoundTrip},
		{"DuplicateStoredOnce", testDuplicate},
		{"TooLargeStoresNothing", testTooLarge},
		{"CancelledStoresNothing", testCancelled},
		{"BadDigests", testBadDigests},
		{"ConcurrentSameContent", testConcurrent},
		{"ReadAfterContextEnds", testReadAfterContextEnds},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.fn(t, open(t)) })
	}
}

func digestOf(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// pattern is content that is not all one byte, so that a part stored out
// of order or twice changes the digest.
func pattern(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*7 + i/251)
	}
	return b
}

func put(t *testing.T, s Subject, content []byte, max int64) string {
	t.Helper()
	digest, size, err := s.Blobs.Put(context.Background(), bytes.NewReader(content), max)
	if err != nil {
		t.Fatalf("Put of %d bytes (max %d): %v", len(content), max, err)
	}
	if want := digestOf(content); digest != want || size != int64(len(content)) {
		t.Fatalf("Put = %s, %d; want %s, %d", digest, size, want, len(content))
	}
	return digest
}

func read(t *testing.T, s Subject, digest string) []byte {
	t.Helper()
	rc, err := s.Blobs.Open(context.Background(), digest)
	if err != nil {
		t.Fatalf("Open(%s): %v", digest, err)
	}
	defer rc.Close()
	got, err := io.ReadAll(rc)
	if err != nil {
		t.Fatalf("read %s: %v", digest, err)
	}
	return got
}

// wantStored checks that the store holds exactly the blobs digests.
func wantStored(t *testing.T, s Subject, digests ...string) {
	t.Helper()
	got := s.Stored(t)
	slices.Sort(got)
	want := slices.Clone(digests)
	slices.Sort(want)
	ok := len(got) == len(want)
	for i := 0; ok && i < len(got); i++ {
		ok = strings.HasSuffix(got[i], want[i][:2]+"/"+want[i])
	}
	if !ok {
		t.Fatalf("stored %q, want exactly the blobs %q", got, want)
	}
}

func testRoundTrip(t *testing.T, s Subject) {
	// Sizes across a multipart upload's 5 MiB parts (exactly a part, more).
	sizes := []int{1, 1000, 5 << 20, 12<<20 + 3}
	var digests []string
	for _, n := range sizes {
		content := pattern(n)
		d := put(t, s, content, int64(n)) // exactly max bytes is accepted
		if got := read(t, s, d); !bytes.Equal(got, content) {
			t.Fatalf("read back %d bytes of the %d put (or different)", len(got), n)
		}
		digests = append(digests, d)
	}
	// Chinese text, the common evidence note, round-trips byte for byte.
	text := []byte(strings.Repeat("现场照片：当事人在无证经营。", 100))
	digests = append(digests, put(t, s, text, 1<<20))
	if got := read(t, s, digests[len(digests)-1]); !bytes.Equal(got, text) {
		t.Fatalf("text read back differs")
	}
	wantStored(t, s, digests...)
}

func testDuplicate(t *testing.T, s Subject) {
	content := pattern(3000)
	d1 := put(t, s, content, 1<<20)
	d2 := put(t, s, content, 1<<20)
	if d1 != d2 {
		t.Fatalf("same content, digests %s and %s", d1, d2)
	}
	wantStored(t, s, d1)
	if got := read(t, s, d1); !bytes.Equal(got, content) {
		t.Fatal("content changed by the second Put")
	}
}

func testTooLarge(t *testing.T, s Subject) {
	tests := []struct {
		size, max int64
	}{
		{101, 100},
		{1 << 20, 100},
		{6<<20 + 1, 6 << 20}, // one whole part uploaded before the limit is passed
		{13 << 20, 6 << 20},
	}
	for _, tt := range tests {
		_, _, err := s.Blobs.Put(context.Background(), bytes.NewReader(pattern(int(tt.size))), tt.max)
		if !errors.Is(err, casework.ErrTooLarge) {
			t.Fatalf("Put of %d bytes with max %d: %v, want ErrTooLarge", tt.size, tt.max, err)
		}
	}
	wantStored(t, s)
	for _, max := range []int64{0, -1} {
		if _, _, err := s.Blobs.Put(context.Background(), strings.NewReader("x"), max); !errors.Is(err, casework.ErrInvalid) {
			t.Fatalf("Put with max %d: %v, want ErrInvalid", max, err)
		}
	}
	wantStored(t, s)
}

// cancelAfter cancels its context once n bytes have been read from it.
type cancelAfter struct {
	r      io.Reader
	n      int
	cancel context.CancelFunc
}

func (c *cancelAfter) Read(p []byte) (int, error) {
	if c.n <= 0 {
		c.cancel()
	}
	n, err := c.r.Read(p[:min(len(p), max(c.n, 1))])
	c.n -= n
	return n, err
}

func testCancelled(t *testing.T, s Subject) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := s.Blobs.Put(ctx, strings.NewReader("x"), 10); !errors.Is(err, context.Canceled) {
		t.Fatalf("Put with a cancelled context: %v, want context.Canceled", err)
	}
	// Cancelled in the middle, after a whole 5 MiB part went out.
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	r := &cancelAfter{r: bytes.NewReader(pattern(12 << 20)), n: 6 << 20, cancel: cancel}
	if _, _, err := s.Blobs.Put(ctx, r, 100<<20); !errors.Is(err, context.Canceled) {
		t.Fatalf("Put cancelled mid-stream: %v, want context.Canceled", err)
	}
	wantStored(t, s)
	if _, err := s.Blobs.Open(ctx, digestOf([]byte("x"))); !errors.Is(err, context.Canceled) {
		t.Fatalf("Open with a cancelled context: %v, want context.Canceled", err)
	}
}

func testBadDigests(t *testing.T, s Subject) {
	stored := put(t, s, []byte("证据"), 100)
	tests := []struct {
		digest string
		want   error
	}{
		{"", casework.ErrInvalid},
		{"../../etc/passwd", casework.ErrInvalid},
		{"..", casework.ErrInvalid},
		{strings.ToUpper(stored), casework.ErrInvalid},
		{stored[:63], casework.ErrInvalid},
		{stored[:63] + "/", casework.ErrInvalid},
		{stored + "\x00", casework.ErrInvalid},
		{stored + "/../" + stored, casework.ErrInvalid},
		{stored[:2] + "/" + stored[:61], casework.ErrInvalid},
		{"\xff" + stored[1:], casework.ErrInvalid},
		{strings.Repeat("a", 64), casework.ErrNotFound},
		{digestOf([]byte("证据 ")), casework.ErrNotFound},
	}
	for _, tt := range tests {
		rc, err := s.Blobs.Open(context.Background(), tt.digest)
		if !errors.Is(err, tt.want) {
			if rc != nil {
				rc.Close()
			}
			t.Errorf("Open(%q) = %v, want %v", tt.digest, err, tt.want)
		}
	}
	wantStored(t, s, stored)
}

func testConcurrent(t *testing.T, s Subject) {
	content := pattern(200 << 10)
	want := digestOf(content)
	const n = 8
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			d, size, err := s.Blobs.Put(context.Background(), bytes.NewReader(content), 1<<20)
			if err == nil && (d != want || size != int64(len(content))) {
				err = errors.New("wrong digest or size " + d)
			}
			errs[i] = err
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatalf("concurrent Puts of the same content: %v", err)
	}
	wantStored(t, s, want)
	if got := read(t, s, want); !bytes.Equal(got, content) {
		t.Fatal("content differs after concurrent Puts")
	}
}

// The API streams a download after its handler, and the request context,
// returned: the reader must outlive the context it was opened with.
func testReadAfterContextEnds(t *testing.T, s Subject) {
	content := pattern(3 << 20)
	d := put(t, s, content, 4<<20)
	ctx, cancel := context.WithCancel(context.Background())
	rc, err := s.Blobs.Open(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	cancel()
	got, err := io.ReadAll(rc)
	if err != nil || !bytes.Equal(got, content) {
		t.Fatalf("read after the context ended: %d bytes of %d (%v)", len(got), len(content), err)
	}
}
