package boltstore

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/cailiang/cailiang/casework"
)

// bucketDigests holds the kept daily digests keyed by agency code, 0 and
// day: an agency's digests are a prefix in day order, so the latest before
// a day is a backward walk from it.
var bucketDigests = []byte("digests")

func digestKey(agency, day string) []byte { return append(append([]byte(agency), 0), day...) }

// Digest implements casework.ReadTx.
func (t *tx) Digest(agency, day string) (d casework.Digest, err error) {
	err = t.getLater(bucketDigests, string(digestKey(agency, day)), "digest", &d)
	return d, err
}

// Digests implements casework.ReadTx.
func (t *tx) Digests(agency, before string, limit int) ([]casework.Digest, error) {
	b, err := t.later(bucketDigests)
	if err != nil {
		return nil, nil
	}
	prefix := append([]byte(agency), 0)
	// Seek the first key at or after the bound (the day, or past the whole
	// prefix), then walk back.
	bound := append([]byte(agency), 1)
	if before != "" {
		bound = digestKey(agency, before)
	}
	cur := b.Cursor()
	k, v := cur.Seek(bound)
	if k == nil {
		k, v = cur.Last()
	} else {
		k, v = cur.Prev()
	}
	var out []casework.Digest
	for ; k != nil && bytes.HasPrefix(k, prefix) && (limit <= 0 || len(out) < limit); k, v = cur.Prev() {
		var d casework.Digest
		if err := json.Unmarshal(v, &d); err != nil {
			return nil, fmt.Errorf("digest %q: %w", k, err)
		}
		out = append(out, d)
	}
	return out, nil
}

// CreateDigest implements casework.Tx.
func (t *tx) CreateDigest(d casework.Digest) error {
	if !casework.ValidDay(d.Day) {
		return fmt.Errorf("digest day %q: %w", d.Day, casework.ErrInvalid)
	}
	b, err := t.later(bucketDigests)
	if err != nil {
		return err
	}
	key := digestKey(d.Agency, d.Day)
	if b.Get(key) != nil {
		return fmt.Errorf("digest %s %s: %w", d.Agency, d.Day, casework.ErrExists)
	}
	return t.put(bucketDigests, string(key), "digest", d)
}
