package boltstore

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/cailiang/cailiang/casework"
)

// TestReadOnlyBeforeDiscussions: a file written before the discussion
// buckets existed opens read-only (audit verify) and reads no discussion;
// a read-write open adds the buckets.
func TestReadOnlyBeforeDiscussions(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		for _, b := range laterBuckets {
			if err := tx.DeleteBucket(b); err != nil {
				return err
			}
		}
		return nil
	})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("read-only open of an older file: %v", err)
	}
	err = ro.View(context.Background(), func(tx casework.ReadTx) error {
		if _, err := tx.Discussion("x-d1"); !errors.Is(err, casework.ErrNotFound) {
			t.Errorf("Discussion: %v, want ErrNotFound", err)
		}
		if _, err := tx.Collection("col-1"); !errors.Is(err, casework.ErrNotFound) {
			t.Errorf("Collection: %v, want ErrNotFound", err)
		}
		for what, n := range map[string]func() (int, error){
			"discussions":   func() (int, error) { l, err := tx.Discussions(""); return len(l), err },
			"comments":      func() (int, error) { l, err := tx.Comments("x-d1"); return len(l), err },
			"notifications": func() (int, error) { l, err := tx.Notifications("u"); return len(l), err },
			"collections":   func() (int, error) { l, err := tx.Collections(); return len(l), err },
		} {
			if got, err := n(); got != 0 || err != nil {
				t.Errorf("%s: %d, %v; want none", what, got, err)
			}
		}
		return nil
	})
	ro.Close()
	if err != nil {
		t.Fatal(err)
	}
	rw, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	err = rw.Update(context.Background(), func(tx casework.Tx) error {
		return tx.CreateCollection(casework.Collection{ID: "col-1", Title: "典型案例", Version: 1})
	})
	if err != nil {
		t.Fatalf("a read-write open did not add the buckets: %v", err)
	}
}
