package boltstore

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"

	"github.com/cailiang/cailiang/casework"
)

// bucketRecords holds a case's procedure records (deliveries, statements)
// keyed by case ID, NUL, kind, NUL and Seq (8 bytes, so a prefix scan is
// in Seq order). Created by the first write: a store written before these
// records existed still opens read-only and reads as having none.
var bucketRecords = []byte("case_records")

func recordKey(caseID, kind string, seq int) []byte {
	k := append(append(append([]byte(caseID), 0), kind...), 0)
	return binary.BigEndian.AppendUint64(k, uint64(seq))
}

// listRecords decodes every record of kind on a case, in Seq order.
func listRecords[T any](t *tx, caseID, kind string) ([]T, error) {
	var out []T
	b := t.tx.Bucket(bucketRecords)
	if b == nil {
		return out, nil
	}
	prefix := append(append(append([]byte(caseID), 0), kind...), 0)
	cur := b.Cursor()
	for k, v := cur.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = cur.Next() {
		var x T
		if err := json.Unmarshal(v, &x); err != nil {
			return nil, fmt.Errorf("decode %s %q: %w", kind, k, err)
		}
		out = append(out, x)
	}
	return out, nil
}

// putRecord stores record v (Seq seq, Version version) of kind on a case
// as casework.Tx's PutDelivery says: new when prev is 0, else replacing
// the stored version prev.
func (t *tx) putRecord(caseID, kind string, seq int, version, prev int64, v any) error {
	if caseID == "" || seq < 1 || version < 1 || bytes.IndexByte([]byte(caseID), 0) >= 0 {
		return fmt.Errorf("%s %d of case %q: %w", kind, seq, caseID, casework.ErrInvalid)
	}
	if t.tx.Bucket(bucketCases).Get([]byte(caseID)) == nil {
		return fmt.Errorf("case %q: %w", caseID, casework.ErrNotFound)
	}
	b, err := t.tx.CreateBucketIfNotExists(bucketRecords)
	if err != nil {
		return fmt.Errorf("store %s: %w", kind, err)
	}
	key := recordKey(caseID, kind, seq)
	raw := b.Get(key)
	switch {
	case prev == 0 && raw != nil:
		return fmt.Errorf("%s %d of case %s: %w", kind, seq, caseID, casework.ErrExists)
	case prev != 0 && raw == nil:
		return fmt.Errorf("%s %d of case %s: %w", kind, seq, caseID, casework.ErrNotFound)
	case prev != 0:
		var old struct {
			Version int64 `json:"version"`
		}
		if err := json.Unmarshal(raw, &old); err != nil {
			return fmt.Errorf("decode %s %d of case %s: %w", kind, seq, caseID, err)
		}
		if old.Version != prev {
			return fmt.Errorf("%s %d of case %s is at version %d, not %d: %w", kind, seq, caseID, old.Version, prev, casework.ErrConflict)
		}
	}
	enc, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s: %w", kind, err)
	}
	if err := b.Put(key, enc); err != nil {
		return fmt.Errorf("store %s: %w", kind, err)
	}
	return nil
}

// Deliveries implements casework.ReadTx.
func (t *tx) Deliveries(caseID string) ([]casework.Delivery, error) {
	return listRecords[casework.Delivery](t, caseID, "delivery")
}

// Statements implements casework.ReadTx.
func (t *tx) Statements(caseID string) ([]casework.Statement, error) {
	return listRecords[casework.Statement](t, caseID, "statement")
}

// PutDelivery implements casework.Tx.
func (t *tx) PutDelivery(d casework.Delivery, prev int64) error {
	return t.putRecord(d.CaseID, "delivery", d.Seq, d.Version, prev, d)
}

// PutStatement implements casework.Tx.
func (t *tx) PutStatement(s casework.Statement, prev int64) error {
	return t.putRecord(s.CaseID, "statement", s.Seq, s.Version, prev, s)
}
