package pgstore

import (
	"encoding/json"
	"fmt"

	"github.com/cailiang/cailiang/casework"
)

// Documents implements casework.ReadTx.
func (t *tx) Documents(caseID string) ([]casework.IssuedDocument, error) {
	if badKey(caseID) {
		return nil, nil
	}
	return listDocs[casework.IssuedDocument](t, "documents", `SELECT doc FROM documents WHERE case_id = $1 ORDER BY kind, version`, caseID)
}

// NextDocumentNumber takes the next number of an agency's document family
// in a year in a statement of its own, committed at once (as
// NextCaseNumber): a number is never handed out twice, even when the
// caller's transaction rolls back (which leaves a gap).
func (t *tx) NextDocumentNumber(agency, family string, year int) (int, error) {
	if agency == "" || family == "" || badKey(agency) || badKey(family) || year < 1 || year > 9999 {
		return 0, fmt.Errorf("document number of %q %q in %d: %w", agency, family, year, casework.ErrInvalid)
	}
	var n int
	err := t.s.counters.QueryRow(t.ctx, `INSERT INTO document_numbers (agency, family, year, last) VALUES ($1, $2, $3, 1)
		ON CONFLICT (agency, family, year) DO UPDATE SET last = document_numbers.last + 1 RETURNING last`, agency, family, year).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("document number of %s %s in %d: %w", agency, family, year, mapErr(err))
	}
	return n, nil
}

// AddDocument implements casework.Tx.
func (t *tx) AddDocument(d casework.IssuedDocument) error {
	if d.CaseID == "" || d.Kind == "" || d.Version < 1 || d.Digest == "" || badKey(d.CaseID) || badKey(d.Kind) {
		return fmt.Errorf("document %q v%d of case %q: %w", d.Kind, d.Version, d.CaseID, casework.ErrInvalid)
	}
	doc, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("encode document %s: %w", d.Kind, err)
	}
	tag, err := t.tx.Exec(t.ctx, `INSERT INTO documents (case_id, kind, version, doc)
		SELECT id, $2, $3, $4 FROM cases WHERE id = $1 ON CONFLICT (case_id, kind, version) DO NOTHING`, d.CaseID, d.Kind, d.Version, string(doc))
	if err != nil {
		return fmt.Errorf("add document %s to %s: %w", d.Kind, d.CaseID, mapErr(err))
	}
	if tag.RowsAffected() == 1 {
		t.touch(d.CaseID, 0)
		return nil
	}
	var exists bool
	if err := t.tx.QueryRow(t.ctx, `SELECT EXISTS (SELECT 1 FROM cases WHERE id = $1)`, d.CaseID).Scan(&exists); err != nil {
		return fmt.Errorf("add document %s to %s: %w", d.Kind, d.CaseID, mapErr(err))
	}
	if !exists {
		return fmt.Errorf("case %s: %w", d.CaseID, casework.ErrNotFound)
	}
	return fmt.Errorf("document %s v%d of case %s: %w", d.Kind, d.Version, d.CaseID, casework.ErrExists)
}
