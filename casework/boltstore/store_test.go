package boltstore

import (
	"encoding/binary"
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
