package boltstore

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/cailiang/cailiang/casework"
)

// bucketActs holds the enforcement acts by ID (a few thousand a year per
// agency: listing decodes them and filters with ActFilter.Match).
var bucketActs = []byte("acts")

// Act implements casework.ReadTx.
func (t *tx) Act(id string) (a casework.Act, err error) {
	err = t.getLater(bucketActs, id, "act", &a)
	return a, err
}

// Acts implements casework.ReadTx.
func (t *tx) Acts(f casework.ActFilter) ([]casework.Act, error) {
	b, err := t.later(bucketActs)
	if err != nil {
		return nil, nil
	}
	out, err := decodeAll(b, "act", f.Match)
	slices.SortFunc(out, func(a, b casework.Act) int { return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.ID, b.ID)) })
	return out, err
}

// CreateAct implements casework.Tx.
func (t *tx) CreateAct(a casework.Act) error {
	b, err := t.later(bucketActs)
	if err != nil {
		return err
	}
	if a.ID == "" {
		return fmt.Errorf("act without ID: %w", casework.ErrInvalid)
	}
	if b.Get([]byte(a.ID)) != nil {
		return fmt.Errorf("act %s: %w", a.ID, casework.ErrExists)
	}
	return t.put(bucketActs, a.ID, "act", a)
}
