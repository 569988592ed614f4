package pgstore

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/cailiang/cailiang/casework"
)

// Publication implements casework.ReadTx: by Publication.Key (migration
// 0141 gave every row its key); ErrNotFound when there is none.
func (t *tx) Publication(id string) (casework.Publication, error) {
	return getDoc[casework.Publication](t, "publication", `SELECT doc FROM publications WHERE id = $1`, id)
}

// Publications implements casework.ReadTx: SQL selects by agency and state
// in list order, then the filter's own Match searches the public fields, so
// both stores find the same records.
func (t *tx) Publications(f casework.PublicationFilter) ([]casework.Publication, error) {
	states := make([]string, 0, len(f.States))
	for _, s := range f.States {
		states = append(states, string(s))
	}
	if badKey(f.Agency) {
		return []casework.Publication{}, nil
	}
	list, err := listDocs[casework.Publication](t, "publications", `SELECT doc FROM publications
		WHERE ($1 = '' OR agency = $1) AND (cardinality($2::text[]) = 0 OR state = ANY($2))
		ORDER BY decided DESC, id DESC`, f.Agency, states)
	if err != nil {
		return nil, err
	}
	kept := list[:0]
	for _, p := range list {
		if f.Match(p) {
			kept = append(kept, p)
		}
	}
	casework.SortPublications(kept)
	return casework.PagePublications(kept, f), nil
}

// PutPublication implements casework.Tx: an insert under p.Key() when
// prev is 0 (ErrExists when the key is taken), else an update at version
// prev (ErrConflict, ErrNotFound). ErrNotFound when the case does not exist.
func (t *tx) PutPublication(p casework.Publication, prev int64) error {
	key := p.Key()
	if badKey(p.CaseID) || p.CaseID == "" || badKey(key) {
		return fmt.Errorf("publication: case %q: %w", p.CaseID, casework.ErrNotFound)
	}
	if p.Version < 1 {
		return fmt.Errorf("publication of %s: version %d: %w", p.CaseID, p.Version, casework.ErrInvalid)
	}
	var one int
	err := t.tx.QueryRow(t.ctx, `SELECT 1 FROM cases WHERE id = $1`, p.CaseID).Scan(&one)
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("publication: case %q: %w", p.CaseID, casework.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("publication of %s: %w", key, mapErr(err))
	}
	doc, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("encode publication %s: %w", key, err)
	}
	args := []any{key, p.CaseID, p.Agency, string(p.State), p.Decided, p.Version, string(doc)}
	if prev == 0 {
		tag, err := t.tx.Exec(t.ctx, `INSERT INTO publications (id, case_id, agency, state, decided, version, doc)
			VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`, args...)
		if err != nil {
			return fmt.Errorf("store publication %s: %w", key, mapErr(err))
		}
		if tag.RowsAffected() == 0 {
			return fmt.Errorf("publication %s: %w", key, casework.ErrExists)
		}
		return nil
	}
	tag, err := t.tx.Exec(t.ctx, `UPDATE publications SET agency = $3, state = $4, decided = $5, version = $6, doc = $7
		WHERE id = $1 AND case_id = $2 AND version = $8`, append(args, prev)...)
	if err != nil {
		return fmt.Errorf("store publication %s: %w", key, mapErr(err))
	}
	if tag.RowsAffected() == 1 {
		return nil
	}
	var stored int64
	err = t.tx.QueryRow(t.ctx, `SELECT version FROM publications WHERE id = $1 AND case_id = $2`, key, p.CaseID).Scan(&stored)
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("publication %s: %w", key, casework.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("store publication %s: %w", key, mapErr(err))
	}
	return fmt.Errorf("publication %s is at version %d, not %d: %w", key, stored, prev, casework.ErrConflict)
}
