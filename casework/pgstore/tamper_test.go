package pgstore

import (
	"encoding/json"
	"testing"

	"github.com/cailiang/cailiang/casework"
)

// sqlTamperer changes the log with SQL behind the service's back, as
// someone with access to the database would (casework/storetest's
// Tamperer). A position is the place of a row in seq order.
type sqlTamperer struct{}

// seqAt returns the seq column of the row at position pos.
func (sqlTamperer) seqAt(t *testing.T, s casework.Store, pos uint64) int64 {
	t.Helper()
	var seq int64
	if err := s.(*Store).pool.QueryRow(ctx, `SELECT seq FROM audit_log ORDER BY seq OFFSET $1 LIMIT 1`, int64(pos-1)).Scan(&seq); err != nil {
		t.Fatalf("tamper: no record at position %d: %v", pos, err)
	}
	return seq
}

// caseOf is the case_id column a record would have (nil when the bytes
// are not an entry about a case).
func caseOf(raw []byte) *string {
	var e struct {
		CaseID string `json:"case_id"`
	}
	if json.Unmarshal(raw, &e) != nil || e.CaseID == "" {
		return nil
	}
	return &e.CaseID
}

func (tm sqlTamperer) SetRecord(t *testing.T, s casework.Store, pos uint64, raw []byte) {
	t.Helper()
	execSQL(t, s.(*Store), `UPDATE audit_log SET body = $2, case_id = $3 WHERE seq = $1`, tm.seqAt(t, s, pos), raw, caseOf(raw))
}

func (tm sqlTamperer) DeleteRecord(t *testing.T, s casework.Store, pos uint64) {
	t.Helper()
	execSQL(t, s.(*Store), `DELETE FROM audit_log WHERE seq = $1`, tm.seqAt(t, s, pos))
}

func (tm sqlTamperer) SwapRecords(t *testing.T, s casework.Store, a, b uint64) {
	t.Helper()
	execSQL(t, s.(*Store), `UPDATE audit_log l SET body = o.body, case_id = o.case_id
		FROM audit_log o WHERE (l.seq, o.seq) IN (($1, $2), ($2, $1))`, tm.seqAt(t, s, a), tm.seqAt(t, s, b))
}

func (tm sqlTamperer) InsertRecord(t *testing.T, s casework.Store, pos uint64, raw []byte) {
	t.Helper()
	seq := tm.seqAt(t, s, pos)
	st := s.(*Store)
	// Two steps, so that no moved row collides with another on the key.
	execSQL(t, st, `UPDATE audit_log SET seq = seq + 1000000000 WHERE seq >= $1`, seq)
	execSQL(t, st, `UPDATE audit_log SET seq = seq - 1000000000 + 1 WHERE seq >= 1000000000`)
	execSQL(t, st, `INSERT INTO audit_log (seq, case_id, body) VALUES ($1, $2, $3)`, seq, caseOf(raw), raw)
}

func (sqlTamperer) ReplaceLog(t *testing.T, s casework.Store, raws [][]byte) {
	t.Helper()
	st := s.(*Store)
	execSQL(t, st, `DELETE FROM audit_log`)
	for i, raw := range raws {
		execSQL(t, st, `INSERT INTO audit_log (seq, case_id, body) VALUES ($1, $2, $3)`, int64(i+1), caseOf(raw), raw)
	}
}
