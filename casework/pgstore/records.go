package pgstore

import (
	"encoding/json"
	"fmt"

	"github.com/cailiang/cailiang/casework"
)

// Deliveries implements casework.ReadTx.
func (t *tx) Deliveries(caseID string) ([]casework.Delivery, error) {
	if badKey(caseID) {
		return nil, nil
	}
	return listDocs[casework.Delivery](t, "deliveries", `SELECT doc FROM case_records WHERE case_id = $1 AND kind = 'delivery' ORDER BY seq`, caseID)
}

// Statements implements casework.ReadTx.
func (t *tx) Statements(caseID string) ([]casework.Statement, error) {
	if badKey(caseID) {
		return nil, nil
	}
	return listDocs[casework.Statement](t, "statements", `SELECT doc FROM case_records WHERE case_id = $1 AND kind = 'statement' ORDER BY seq`, caseID)
}

// PutDelivery implements casework.Tx.
func (t *tx) PutDelivery(d casework.Delivery, prev int64) error {
	return t.putRecord(d.CaseID, "delivery", d.Seq, d.Version, prev, d)
}

// PutStatement implements casework.Tx.
func (t *tx) PutStatement(s casework.Statement, prev int64) error {
	return t.putRecord(s.CaseID, "statement", s.Seq, s.Version, prev, s)
}

// putRecord inserts (prev 0) or updates at version prev a procedure
// record, with the errors casework.Tx's PutDelivery names.
func (t *tx) putRecord(caseID, kind string, seq int, version, prev int64, v any) error {
	if caseID == "" || badKey(caseID) || seq < 1 || version < 1 {
		return fmt.Errorf("%s %d of case %q: %w", kind, seq, caseID, casework.ErrInvalid)
	}
	doc, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s: %w", kind, err)
	}
	if prev == 0 {
		// As AddDocument: nothing is inserted for an unknown case or a
		// taken Seq; a second look tells which.
		tag, err := t.tx.Exec(t.ctx, `INSERT INTO case_records (case_id, kind, seq, version, doc)
			SELECT id, $2, $3, $4, $5 FROM cases WHERE id = $1 ON CONFLICT (case_id, kind, seq) DO NOTHING`, caseID, kind, seq, version, string(doc))
		if err != nil {
			return fmt.Errorf("add %s to %s: %w", kind, caseID, mapErr(err))
		}
		if tag.RowsAffected() == 1 {
			t.touch(caseID, 0)
			return nil
		}
		var exists bool
		if err := t.tx.QueryRow(t.ctx, `SELECT EXISTS (SELECT 1 FROM cases WHERE id = $1)`, caseID).Scan(&exists); err != nil {
			return fmt.Errorf("add %s to %s: %w", kind, caseID, mapErr(err))
		}
		if !exists {
			return fmt.Errorf("case %s: %w", caseID, casework.ErrNotFound)
		}
		return fmt.Errorf("%s %d of case %s: %w", kind, seq, caseID, casework.ErrExists)
	}
	tag, err := t.tx.Exec(t.ctx, `UPDATE case_records SET version = $4, doc = $5 WHERE case_id = $1 AND kind = $2 AND seq = $3 AND version = $6`,
		caseID, kind, seq, version, string(doc), prev)
	if err != nil {
		return fmt.Errorf("update %s %d of %s: %w", kind, seq, caseID, mapErr(err))
	}
	if tag.RowsAffected() == 1 {
		t.touch(caseID, 0)
		return nil
	}
	var exists bool
	if err := t.tx.QueryRow(t.ctx, `SELECT EXISTS (SELECT 1 FROM case_records WHERE case_id = $1 AND kind = $2 AND seq = $3)`, caseID, kind, seq).Scan(&exists); err != nil {
		return fmt.Errorf("update %s %d of %s: %w", kind, seq, caseID, mapErr(err))
	}
	if !exists {
		return fmt.Errorf("%s %d of case %s: %w", kind, seq, caseID, casework.ErrNotFound)
	}
	return fmt.Errorf("%s %d of case %s changed since version %d: %w", kind, seq, caseID, prev, casework.ErrConflict)
}
