package boltstore

import (
	"fmt"

	"github.com/cailiang/cailiang/casework"
)

// bucketShared holds other agencies' decisions received in exchange files,
// keyed by their key (source agency "/" case ID), so one agency's records
// are a prefix in key order.
var bucketShared = []byte("shared")

// SharedRecord implements casework.ReadTx.
func (t *tx) SharedRecord(key string) (r casework.SharedRecord, err error) {
	err = t.getLater(bucketShared, key, "shared record", &r)
	return r, err
}

// SharedRecords implements casework.ReadTx.
func (t *tx) SharedRecords(sourceAgency string) ([]casework.SharedRecord, error) {
	b, err := t.later(bucketShared)
	if err != nil {
		return nil, nil
	}
	if sourceAgency != "" {
		return decodePrefix[casework.SharedRecord](b, []byte(sourceAgency+"/"), "shared record")
	}
	return decodeAll(b, "shared record", func(casework.SharedRecord) bool { return true })
}

// PutSharedRecord implements casework.Tx.
func (t *tx) PutSharedRecord(r casework.SharedRecord) error {
	if r.Key == "" {
		return fmt.Errorf("shared record without a key: %w", casework.ErrInvalid)
	}
	return t.put(bucketShared, r.Key, "shared record", r)
}
