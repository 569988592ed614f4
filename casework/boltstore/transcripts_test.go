package boltstore

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/cailiang/cailiang/casework"
)

// TestStoreBeforeTranscripts: a store written before transcripts existed
// (no transcripts bucket) opens read-only, as `audit verify` opens it, and
// reads as having no transcripts; opened for writing, it gains the bucket.
func TestStoreBeforeTranscripts(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), FileName)
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bucketTranscripts) }); err != nil {
		t.Fatal(err)
	}
	w.Close()
	r, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("read-only open of a store without transcripts: %v", err)
	}
	err = r.View(ctx, func(tx casework.ReadTx) error {
		list, err := tx.Transcripts("scjg-2026-000001")
		if err != nil || len(list) != 0 {
			t.Errorf("Transcripts = %v, %v; want none", list, err)
		}
		if _, err := tx.Transcript("scjg-2026-000001", "ab"); !errors.Is(err, casework.ErrNotFound) {
			t.Errorf("Transcript: %v, want ErrNotFound", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	w, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := w.db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketTranscripts) == nil {
			return errors.New("no transcripts bucket after a read-write open")
		}
		return nil
	}); err != nil {
		t.Error(err)
	}
}
