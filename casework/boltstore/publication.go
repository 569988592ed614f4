package boltstore

import (
	"encoding/json"
	"fmt"

	"github.com/cailiang/cailiang/casework"
)

// bucketPublications holds the publications' JSON by Publication.Key (the
// case ID for a decision's first record). Stores
// made before publications existed lack it until opened for writing, so a
// read-only open does not require it and reads treat it as empty.
var bucketPublications = []byte("publications")

// Publication implements casework.ReadTx.
func (t *tx) Publication(id string) (p casework.Publication, err error) {
	if t.tx.Bucket(bucketPublications) == nil {
		return p, fmt.Errorf("publication %q: %w", id, casework.ErrNotFound)
	}
	err = t.get(bucketPublications, id, "publication", &p)
	return p, err
}

// Publications implements casework.ReadTx: it decodes the publications and
// filters them with the filter's own Match (a few thousand a year per
// agency; an index can come when that is too slow).
func (t *tx) Publications(f casework.PublicationFilter) ([]casework.Publication, error) {
	b := t.tx.Bucket(bucketPublications)
	if b == nil {
		return []casework.Publication{}, nil
	}
	list, err := decodeAll(b, "publication", f.Match)
	if err != nil {
		return nil, err
	}
	casework.SortPublications(list)
	return casework.PagePublications(list, f), nil
}

// PutPublication implements casework.Tx.
func (t *tx) PutPublication(p casework.Publication, prev int64) error {
	if t.tx.Bucket(bucketCases).Get([]byte(p.CaseID)) == nil {
		return fmt.Errorf("publication: case %q: %w", p.CaseID, casework.ErrNotFound)
	}
	b, err := t.tx.CreateBucketIfNotExists(bucketPublications)
	if err != nil {
		return fmt.Errorf("publications bucket: %w", err)
	}
	key := p.Key()
	raw := b.Get([]byte(key))
	switch {
	case prev == 0 && raw != nil:
		return fmt.Errorf("publication %s: %w", key, casework.ErrExists)
	case prev != 0 && raw == nil:
		return fmt.Errorf("publication %s: %w", key, casework.ErrNotFound)
	case prev != 0:
		var old casework.Publication
		if err := json.Unmarshal(raw, &old); err != nil {
			return fmt.Errorf("decode publication %s: %w", key, err)
		}
		if old.Version != prev {
			return fmt.Errorf("publication %s is at version %d, not %d: %w", key, old.Version, prev, casework.ErrConflict)
		}
		if old.CaseID != p.CaseID {
			return fmt.Errorf("publication %s of case %s: %w", key, p.CaseID, casework.ErrNotFound)
		}
	}
	return t.put(bucketPublications, key, "publication", p)
}
