package boltstore

import (
	"context"
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/casework/storetest"
)

func openTemp(t *testing.T) casework.Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), FileName))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, openTemp, tamperer{})
}

// tamperer edits the log bucket directly, as someone with the file would.
// A position is a key: entries are keyed by their big-endian Seq.
type tamperer struct{}

func (tamperer) edit(t *testing.T, s casework.Store, fn func(b *bolt.Bucket) error) {
	t.Helper()
	if err := s.(*Store).db.Update(func(tx *bolt.Tx) error { return fn(tx.Bucket(bucketLog)) }); err != nil {
		t.Fatalf("tamper: %v", err)
	}
}

// records returns the log's records from position from on, by key.
func records(b *bolt.Bucket, from uint64) (keys []uint64, vals [][]byte) {
	c := b.Cursor()
	for k, v := c.Seek(seqKey(from)); k != nil; k, v = c.Next() {
		keys = append(keys, binary.BigEndian.Uint64(k))
		vals = append(vals, append([]byte(nil), v...))
	}
	return keys, vals
}

func (tm tamperer) SetRecord(t *testing.T, s casework.Store, pos uint64, raw []byte) {
	tm.edit(t, s, func(b *bolt.Bucket) error { return b.Put(seqKey(pos), raw) })
}

func (tm tamperer) DeleteRecord(t *testing.T, s casework.Store, pos uint64) {
	tm.edit(t, s, func(b *bolt.Bucket) error { return b.Delete(seqKey(pos)) })
}

func (tm tamperer) SwapRecords(t *testing.T, s casework.Store, a, b uint64) {
	tm.edit(t, s, func(bk *bolt.Bucket) error {
		va, vb := append([]byte(nil), bk.Get(seqKey(a))...), append([]byte(nil), bk.Get(seqKey(b))...)
		if err := bk.Put(seqKey(a), vb); err != nil {
			return err
		}
		return bk.Put(seqKey(b), va)
	})
}

func (tm tamperer) InsertRecord(t *testing.T, s casework.Store, pos uint64, raw []byte) {
	tm.edit(t, s, func(b *bolt.Bucket) error {
		keys, vals := records(b, pos)
		for i := len(keys) - 1; i >= 0; i-- {
			if err := b.Put(seqKey(keys[i]+1), vals[i]); err != nil {
				return err
			}
		}
		return b.Put(seqKey(pos), raw)
	})
}

func (tm tamperer) ReplaceLog(t *testing.T, s casework.Store, raws [][]byte) {
	tm.edit(t, s, func(b *bolt.Bucket) error {
		keys, _ := records(b, 0)
		for _, k := range keys {
			if err := b.Delete(seqKey(k)); err != nil {
				return err
			}
		}
		for i, raw := range raws {
			if err := b.Put(seqKey(uint64(i+1)), raw); err != nil {
				return err
			}
		}
		return nil
	})
}

// TestOpenModes: a second writer or a reader meets ErrBusy while a writer
// holds the file; read-only opens never write; a missing or foreign file is
// refused.
func TestOpenModes(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	if _, err := OpenReadOnly(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("OpenReadOnly of a missing file: %v, want fs.ErrNotExist", err)
	}
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path); !errors.Is(err, ErrBusy) {
		t.Errorf("second Open while a writer holds the file: %v, want ErrBusy", err)
	}
	if _, err := OpenReadOnly(path); !errors.Is(err, ErrBusy) {
		t.Errorf("OpenReadOnly while a writer holds the file: %v, want ErrBusy", err)
	}
	if err := w.Update(ctx, func(tx casework.Tx) error {
		_, err := tx.Append(casework.Entry{Actor: "system", Action: "user.add"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	w.Close()
	r, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	err = r.Update(ctx, func(tx casework.Tx) error { return tx.PutAgency(casework.Agency{Code: "x"}) })
	if !errors.Is(err, ErrReadOnly) {
		t.Errorf("Update on a read-only store: %v, want ErrReadOnly", err)
	}
	err = r.View(ctx, func(tx casework.ReadTx) error {
		_, ok, err := tx.LastEntry()
		if !ok || err != nil {
			t.Errorf("read-only LastEntry: %v, %v", ok, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	foreign := filepath.Join(dir, "foreign.db")
	if err := os.WriteFile(foreign, []byte("not a database at all, just text"), 0o600); err != nil {
		t.Fatal(err)
	}
	if s, err := Open(foreign); err == nil {
		s.Close()
		t.Errorf("Open of a text file succeeded")
	}
}
