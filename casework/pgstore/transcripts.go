package pgstore

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/cailiang/cailiang/casework"
)

// Transcript returns the transcript of a case's recording; ErrNotFound
// when there is none.
func (t *tx) Transcript(caseID, digest string) (casework.Transcript, error) {
	var out casework.Transcript
	if badKey(caseID) || badKey(digest) {
		return out, fmt.Errorf("transcript of %q on %q: %w", digest, caseID, casework.ErrNotFound)
	}
	var doc string
	err := t.tx.QueryRow(t.ctx, `SELECT doc FROM transcripts WHERE case_id = $1 AND digest = $2`, caseID, digest).Scan(&doc)
	if errors.Is(err, pgx.ErrNoRows) {
		return out, fmt.Errorf("transcript of %s on %s: %w", digest, caseID, casework.ErrNotFound)
	}
	if err != nil {
		return out, fmt.Errorf("read transcript of %s on %s: %w", digest, caseID, mapErr(err))
	}
	if err := json.Unmarshal([]byte(doc), &out); err != nil {
		return out, fmt.Errorf("decode transcript of %s on %s: %w", digest, caseID, err)
	}
	return out, nil
}

// Transcripts lists a case's transcripts by recording digest.
func (t *tx) Transcripts(caseID string) ([]casework.Transcript, error) {
	if badKey(caseID) {
		return nil, nil
	}
	return listDocs[casework.Transcript](t, "transcripts", `SELECT doc FROM transcripts WHERE case_id = $1 ORDER BY digest`, caseID)
}

// PutTranscript inserts (prev 0) or updates at version prev a transcript:
// ErrExists, ErrConflict, ErrNotFound as casework.Tx says.
func (t *tx) PutTranscript(tr casework.Transcript, prev int64) error {
	if tr.CaseID == "" || tr.Digest == "" || badKey(tr.CaseID) || badKey(tr.Digest) || tr.Version <= 0 {
		return fmt.Errorf("transcript %q of case %q: %w", tr.Digest, tr.CaseID, casework.ErrInvalid)
	}
	doc, err := json.Marshal(tr)
	if err != nil {
		return fmt.Errorf("encode transcript %s: %w", tr.Digest, err)
	}
	if prev == 0 {
		// As AddEvidence: nothing is inserted for an unknown case or a taken
		// key; a second look tells which.
		tag, err := t.tx.Exec(t.ctx, `INSERT INTO transcripts (case_id, digest, version, doc)
			SELECT id, $2, $3, $4 FROM cases WHERE id = $1 ON CONFLICT (case_id, digest) DO NOTHING`,
			tr.CaseID, tr.Digest, tr.Version, string(doc))
		if err != nil {
			return fmt.Errorf("add transcript %s to %s: %w", tr.Digest, tr.CaseID, mapErr(err))
		}
		if tag.RowsAffected() == 1 {
			t.touch(tr.CaseID, 0)
			return nil
		}
		var exists bool
		if err := t.tx.QueryRow(t.ctx, `SELECT EXISTS (SELECT 1 FROM cases WHERE id = $1)`, tr.CaseID).Scan(&exists); err != nil {
			return fmt.Errorf("add transcript %s to %s: %w", tr.Digest, tr.CaseID, mapErr(err))
		}
		if !exists {
			return fmt.Errorf("case %s: %w", tr.CaseID, casework.ErrNotFound)
		}
		return fmt.Errorf("transcript of %s on %s: %w", tr.Digest, tr.CaseID, casework.ErrExists)
	}
	tag, err := t.tx.Exec(t.ctx, `UPDATE transcripts SET version = $3, doc = $4 WHERE case_id = $1 AND digest = $2 AND version = $5`,
		tr.CaseID, tr.Digest, tr.Version, string(doc), prev)
	if err != nil {
		return fmt.Errorf("update transcript %s of %s: %w", tr.Digest, tr.CaseID, mapErr(err))
	}
	if tag.RowsAffected() == 1 {
		t.touch(tr.CaseID, 0)
		return nil
	}
	if _, err := t.Transcript(tr.CaseID, tr.Digest); err != nil {
		return err
	}
	return fmt.Errorf("transcript of %s on %s changed since version %d: %w", tr.Digest, tr.CaseID, prev, casework.ErrConflict)
}
