package pgstore

import (
	"github.com/cailiang/cailiang/casework"
)

// SharedRecord returns a shared record by key; ErrNotFound when there is none.
func (t *tx) SharedRecord(key string) (casework.SharedRecord, error) {
	return getDoc[casework.SharedRecord](t, "shared record", `SELECT doc FROM shared_records WHERE key = $1`, key)
}

// SharedRecords lists the shared records of one source agency ("" for all),
// by key in byte order (as the embedded store keeps them).
func (t *tx) SharedRecords(sourceAgency string) ([]casework.SharedRecord, error) {
	if sourceAgency == "" {
		return listDocs[casework.SharedRecord](t, "shared records", `SELECT doc FROM shared_records ORDER BY key COLLATE "C"`)
	}
	return listDocs[casework.SharedRecord](t, "shared records",
		`SELECT doc FROM shared_records WHERE source_agency = $1 ORDER BY key COLLATE "C"`, sourceAgency)
}

// PutSharedRecord creates or replaces the shared record with r.Key.
func (t *tx) PutSharedRecord(r casework.SharedRecord) error {
	return t.putDoc("shared record", r.Key, `INSERT INTO shared_records (key, source_agency, decided, doc) VALUES ($1, $2, $3, $4)
		ON CONFLICT (key) DO UPDATE SET source_agency = EXCLUDED.source_agency, decided = EXCLUDED.decided, doc = EXCLUDED.doc`,
		r, r.Key, r.SourceAgency, r.Decided)
}
