package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"github.com/cailiang/cailiang/casework"
)

// defaultLimit is the page size of Cases when the filter gives none.
const defaultLimit = 100

// entriesPage is how many log entries Entries reads at a time: the log
// verifies in bounded memory, and fn may use the transaction between pages.
const entriesPage = 1000

// tx is casework's Tx (and ReadTx) over one pgx transaction.
type tx struct {
	ctx context.Context
	tx  pgx.Tx
	s   *Store
	// writable is set in Update; locked once it holds audit_head's row.
	writable, locked bool
	// changed are the cases this transaction changed, with their latest
	// version (0 for an evidence record), NOTIFYed before it commits.
	changed map[string]int64
	order   []string
}

var _ casework.Tx = (*tx)(nil)

// badKey reports a key PostgreSQL's text cannot hold (invalid UTF-8, NUL):
// no record can have it, and sending it would abort the transaction.
func badKey(k string) bool { return !utf8.ValidString(k) || strings.ContainsRune(k, 0) }

func (t *tx) touch(caseID string, version int64) {
	if t.changed == nil {
		t.changed = map[string]int64{}
	}
	if _, ok := t.changed[caseID]; !ok {
		t.order = append(t.order, caseID)
	}
	if version > t.changed[caseID] {
		t.changed[caseID] = version
	}
}

// lock takes the row of audit_head that serialises writers, once per
// transaction, until it ends. Append takes it; so does, in an Update, every
// read of users, agencies, credentials, tokens and checkpoints, because
// Service decides on those reads (the first admin when there is no user, a
// new user when the ID is free, a checkpoint when no node signed as far)
// and, under READ COMMITTED, two nodes deciding on the same read would
// both write. Blocked until the holder commits, the read that
// follows sees what it wrote. Reads of cases need no lock: UpdateCase's
// version check stops the second writer.
func (t *tx) lock() error {
	if !t.writable || t.locked {
		return nil
	}
	if _, err := t.tx.Exec(t.ctx, `SELECT id FROM audit_head WHERE id = 1 FOR UPDATE`); err != nil {
		return fmt.Errorf("lock writers: %w", mapErr(err))
	}
	t.locked = true
	return nil
}

// notify sends one NOTIFY per changed case; PostgreSQL delivers them when
// (and only if) the transaction commits.
func (t *tx) notify() error {
	for _, id := range t.order {
		payload, err := json.Marshal(casework.Event{CaseID: id, Version: t.changed[id]})
		if err != nil {
			return fmt.Errorf("notify %s: %w", id, err)
		}
		if _, err := t.tx.Exec(t.ctx, `SELECT pg_notify($1, $2)`, t.s.channel, string(payload)); err != nil {
			return fmt.Errorf("notify %s: %w", id, err)
		}
	}
	return nil
}

// getDoc reads one JSON document by key into v; ErrNotFound when absent.
func getDoc[T any](t *tx, what, query, key string) (T, error) {
	var v T
	if badKey(key) {
		return v, fmt.Errorf("%s %q: %w", what, key, casework.ErrNotFound)
	}
	if what != "case" && what != "publication" { // versioned like cases: no lock needed
		if err := t.lock(); err != nil {
			return v, err
		}
	}
	var doc string
	err := t.tx.QueryRow(t.ctx, query, key).Scan(&doc)
	if errors.Is(err, pgx.ErrNoRows) {
		return v, fmt.Errorf("%s %q: %w", what, key, casework.ErrNotFound)
	}
	if err != nil {
		return v, fmt.Errorf("read %s %q: %w", what, key, mapErr(err))
	}
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		return v, fmt.Errorf("decode %s %q: %w", what, key, err)
	}
	return v, nil
}

// listDocs reads JSON documents in the query's order.
func listDocs[T any](t *tx, what, query string, args ...any) ([]T, error) {
	if what == "users" || what == "agencies" || what == "checkpoints" {
		if err := t.lock(); err != nil {
			return nil, err
		}
	}
	rows, err := t.tx.Query(t.ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", what, mapErr(err))
	}
	docs, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", what, mapErr(err))
	}
	out := make([]T, 0, len(docs))
	for _, d := range docs {
		var v T
		if err := json.Unmarshal([]byte(d), &v); err != nil {
			return nil, fmt.Errorf("decode %s: %w", what, err)
		}
		out = append(out, v)
	}
	return out, nil
}

// putDoc runs an upsert of v's JSON with args before it.
func (t *tx) putDoc(what, key, query string, v any, args ...any) error {
	if key == "" || badKey(key) {
		return fmt.Errorf("%s %q: empty or not valid UTF-8: %w", what, key, casework.ErrInvalid)
	}
	doc, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s %q: %w", what, key, err)
	}
	if _, err := t.tx.Exec(t.ctx, query, append(args, string(doc))...); err != nil {
		return fmt.Errorf("store %s %q: %w", what, key, mapErr(err))
	}
	return nil
}

// Agency returns an agency by code; ErrNotFound when there is none.
func (t *tx) Agency(code string) (casework.Agency, error) {
	return getDoc[casework.Agency](t, "agency", `SELECT doc FROM agencies WHERE code = $1`, code)
}

// Agencies lists every agency by code.
func (t *tx) Agencies() ([]casework.Agency, error) {
	return listDocs[casework.Agency](t, "agencies", `SELECT doc FROM agencies ORDER BY code`)
}

// User returns a user by ID; ErrNotFound when there is none.
func (t *tx) User(id string) (casework.User, error) {
	return getDoc[casework.User](t, "user", `SELECT doc FROM users WHERE id = $1`, id)
}

// Users lists an agency's users ("" for all) by ID.
func (t *tx) Users(agency string) ([]casework.User, error) {
	if agency == "" {
		return listDocs[casework.User](t, "users", `SELECT doc FROM users ORDER BY id`)
	}
	if badKey(agency) {
		return nil, nil
	}
	return listDocs[casework.User](t, "users", `SELECT doc FROM users WHERE agency = $1 ORDER BY id`, agency)
}

// Credential returns a user's password hash; ErrNotFound when there is none.
func (t *tx) Credential(userID string) (casework.Credential, error) {
	return getDoc[casework.Credential](t, "credential", `SELECT doc FROM credentials WHERE user_id = $1`, userID)
}

// Token returns a token by its hash; ErrNotFound when there is none.
func (t *tx) Token(hash string) (casework.Token, error) {
	return getDoc[casework.Token](t, "token", `SELECT doc FROM tokens WHERE hash = $1`, hash)
}

// Case returns a case by ID; ErrNotFound when there is none. In an Update
// it locks the case's row until the transaction ends (FOR UPDATE): what the
// writer decides on the case holds until it commits. Service reads the
// case, checks its stage, then writes (an evidence record on a case that
// has not ended, a transition): a second writer of the same case waits,
// then reads what the first committed. Every Update locks at most one case
// and locks it before audit_head, so writers never deadlock.
func (t *tx) Case(id string) (casework.Case, error) {
	// Once the writers' lock is held (a collection edit reads cases after
	// it), every other writer waits for this one anyway: no row lock, which
	// would wait in the opposite order to a case writer's and deadlock.
	if t.writable && !t.locked {
		return getDoc[casework.Case](t, "case", `SELECT doc FROM cases WHERE id = $1 FOR UPDATE`, id)
	}
	return getDoc[casework.Case](t, "case", `SELECT doc FROM cases WHERE id = $1`, id)
}

// stageNames lists the stages for which keep is true, as the text[] the
// stage column is compared with.
func stageNames(keep func(casework.Stage) bool) []string {
	var out []string
	for _, st := range casework.Stages() {
		if keep(st) {
			out = append(out, string(st))
		}
	}
	return out
}

// Cases lists the cases matching f, most recently updated first (then by
// ID, descending, so that pages are stable). A negative Limit or Offset is
// ErrInvalid.
func (t *tx) Cases(f casework.CaseFilter) ([]casework.Case, error) {
	if f.Limit < 0 || f.Offset < 0 {
		return nil, fmt.Errorf("case filter: negative limit or offset: %w", casework.ErrInvalid)
	}
	if f.Limit == 0 {
		f.Limit = defaultLimit
	}
	var (
		where []string
		args  []any
	)
	// param adds a query parameter and returns its placeholder: the only
	// text formatted into the query.
	param := func(v any) string { args = append(args, v); return "$" + strconv.Itoa(len(args)) }
	if f.Agency != "" {
		where = append(where, "agency = "+param(f.Agency))
	}
	if len(f.Stages) > 0 {
		stages := make([]string, len(f.Stages))
		for i, st := range f.Stages {
			stages[i] = string(st)
		}
		where = append(where, "stage = ANY("+param(stages)+")")
	}
	if f.Officer != "" {
		where = append(where, "officers @> ARRAY["+param(f.Officer)+"]::text[]")
	}
	if f.SharedOnly {
		where = append(where, "shared AND stage = ANY("+param(stageNames(casework.Stage.Ended))+")")
	}
	if !f.DueBefore.IsZero() {
		where = append(where, "due < "+param(f.DueBefore)+" AND stage <> ALL("+param(stageNames(casework.Stage.Decided))+")")
	}
	for _, a := range args {
		if s, ok := a.(string); ok && badKey(s) {
			return nil, nil // no case has such a key
		}
	}
	q := `SELECT doc FROM cases`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY updated DESC, id DESC LIMIT " + param(f.Limit) + " OFFSET " + param(f.Offset)
	return listDocs[casework.Case](t, "cases", q, args...)
}

// Evidence lists a case's evidence records in the order attached.
func (t *tx) Evidence(caseID string) ([]casework.Evidence, error) {
	if badKey(caseID) {
		return nil, nil
	}
	return listDocs[casework.Evidence](t, "evidence", `SELECT doc FROM evidence WHERE case_id = $1 ORDER BY ord`, caseID)
}

// scanEntry decodes a stored entry; a body that is not an entry is the
// tampering it is (a ChainError naming its position).
func scanEntry(seq int64, body []byte) (casework.Entry, error) {
	var e casework.Entry
	if err := json.Unmarshal(body, &e); err != nil {
		return e, &casework.ChainError{Seq: uint64(seq), Reason: "stored entry is not JSON: " + err.Error()}
	}
	return e, nil
}

// LastEntry returns the log's last entry; ok is false when the log is empty.
func (t *tx) LastEntry() (casework.Entry, bool, error) {
	var (
		seq  int64
		body []byte
	)
	err := t.tx.QueryRow(t.ctx, `SELECT seq, body FROM audit_log ORDER BY seq DESC LIMIT 1`).Scan(&seq, &body)
	if errors.Is(err, pgx.ErrNoRows) {
		return casework.Entry{}, false, nil
	}
	if err != nil {
		return casework.Entry{}, false, fmt.Errorf("read last log entry: %w", mapErr(err))
	}
	e, err := scanEntry(seq, body)
	return e, err == nil, err
}

// readEntries returns the entries of one query over (seq, body) and the
// seq column of the last row (whatever its body says).
func (t *tx) readEntries(query string, args ...any) ([]casework.Entry, int64, error) {
	rows, err := t.tx.Query(t.ctx, query, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("read log: %w", mapErr(err))
	}
	defer rows.Close()
	var (
		out []casework.Entry
		seq int64
	)
	for rows.Next() {
		var body []byte
		if err := rows.Scan(&seq, &body); err != nil {
			return nil, 0, fmt.Errorf("read log: %w", err)
		}
		e, err := scanEntry(seq, body)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("read log: %w", mapErr(err))
	}
	return out, seq, nil
}

// Entries calls fn for each entry with Seq ≥ from in Seq order, a page at a
// time, and returns fn's first error.
func (t *tx) Entries(from uint64, fn func(casework.Entry) error) error {
	if from > 1<<62 {
		return nil
	}
	next := int64(from)
	for {
		page, last, err := t.readEntries(`SELECT seq, body FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2`, next, entriesPage)
		if err != nil {
			return err
		}
		for _, e := range page {
			if err := fn(e); err != nil {
				return err
			}
		}
		if len(page) < entriesPage {
			return nil
		}
		next = last + 1
	}
}

// CaseEntries returns the entries about one case in Seq order.
func (t *tx) CaseEntries(caseID string) ([]casework.Entry, error) {
	if badKey(caseID) {
		return nil, nil
	}
	out, _, err := t.readEntries(`SELECT seq, body FROM audit_log WHERE case_id = $1 ORDER BY seq`, caseID)
	return out, err
}

// Checkpoints returns the signed checkpoints, oldest first.
func (t *tx) Checkpoints() ([]casework.Checkpoint, error) {
	return listDocs[casework.Checkpoint](t, "checkpoints", `SELECT doc FROM checkpoints ORDER BY size`)
}

// PutAgency creates or replaces an agency; ErrInvalid for an empty code.
func (t *tx) PutAgency(a casework.Agency) error {
	return t.putDoc("agency", a.Code, `INSERT INTO agencies (code, doc) VALUES ($1, $2)
		ON CONFLICT (code) DO UPDATE SET doc = EXCLUDED.doc`, a, a.Code)
}

// PutUser creates or replaces a user; ErrInvalid for an empty ID.
func (t *tx) PutUser(u casework.User) error {
	if badKey(u.Agency) {
		return fmt.Errorf("user %q: agency not valid UTF-8: %w", u.ID, casework.ErrInvalid)
	}
	return t.putDoc("user", u.ID, `INSERT INTO users (id, agency, doc) VALUES ($1, $2, $3)
		ON CONFLICT (id) DO UPDATE SET agency = EXCLUDED.agency, doc = EXCLUDED.doc`, u, u.ID, u.Agency)
}

// PutCredential creates or replaces a user's password hash; ErrInvalid for
// an empty user ID.
func (t *tx) PutCredential(c casework.Credential) error {
	return t.putDoc("credential", c.UserID, `INSERT INTO credentials (user_id, doc) VALUES ($1, $2)
		ON CONFLICT (user_id) DO UPDATE SET doc = EXCLUDED.doc`, c, c.UserID)
}

// PutToken creates or replaces a token by its hash; ErrInvalid for an
// empty hash.
func (t *tx) PutToken(tk casework.Token) error {
	if badKey(tk.UserID) {
		return fmt.Errorf("token: user not valid UTF-8: %w", casework.ErrInvalid)
	}
	return t.putDoc("token", tk.Hash, `INSERT INTO tokens (hash, user_id, doc) VALUES ($1, $2, $3)
		ON CONFLICT (hash) DO UPDATE SET user_id = EXCLUDED.user_id, doc = EXCLUDED.doc`, tk, tk.Hash, tk.UserID)
}

// NextCaseNumber takes the next number of an agency's cases in a year in a
// statement of its own, committed at once: a number is never handed out
// twice, even when the caller's transaction rolls back (which leaves a
// gap). ErrInvalid for an empty agency or a year outside 1–9999.
func (t *tx) NextCaseNumber(agency string, year int) (int, error) {
	if agency == "" || badKey(agency) || year < 1 || year > 9999 {
		return 0, fmt.Errorf("case number of %q in %d: %w", agency, year, casework.ErrInvalid)
	}
	var n int
	err := t.s.counters.QueryRow(t.ctx, `INSERT INTO case_numbers (agency, year, last) VALUES ($1, $2, 1)
		ON CONFLICT (agency, year) DO UPDATE SET last = case_numbers.last + 1 RETURNING last`, agency, year).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("case number of %s in %d: %w", agency, year, mapErr(err))
	}
	return n, nil
}

// caseColumns are the values of a case's filter columns, in the order of
// the statements below ($2…$8), then its JSON.
func caseColumns(c casework.Case) ([]any, error) {
	if c.ID == "" || badKey(c.ID) || badKey(c.Agency) || badKey(string(c.Stage)) {
		return nil, fmt.Errorf("case %q: empty ID or text not valid UTF-8: %w", c.ID, casework.ErrInvalid)
	}
	officers := c.Officers
	if officers == nil {
		officers = []string{}
	}
	for _, o := range officers {
		if badKey(o) {
			return nil, fmt.Errorf("case %s: officer not valid UTF-8: %w", c.ID, casework.ErrInvalid)
		}
	}
	var due *time.Time
	if !c.Due.IsZero() {
		d := c.Due
		due = &d
	}
	doc, err := json.Marshal(c)
	if err != nil {
		return nil, fmt.Errorf("encode case %s: %w", c.ID, err)
	}
	return []any{c.ID, c.Agency, string(c.Stage), officers, c.SharedForTraining, due, c.Updated, c.Version, string(doc)}, nil
}

// CreateCase stores a new case; ErrExists when its ID is taken, ErrInvalid
// for an empty ID or a version below 1.
func (t *tx) CreateCase(c casework.Case) error {
	if c.Version < 1 {
		return fmt.Errorf("case %q: version %d: %w", c.ID, c.Version, casework.ErrInvalid)
	}
	args, err := caseColumns(c)
	if err != nil {
		return err
	}
	tag, err := t.tx.Exec(t.ctx, `INSERT INTO cases (id, agency, stage, officers, shared, due, updated, version, doc)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`, args...)
	if err != nil {
		return fmt.Errorf("create case %s: %w", c.ID, mapErr(err))
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("case %s: %w", c.ID, casework.ErrExists)
	}
	t.touch(c.ID, c.Version)
	return nil
}

// UpdateCase replaces the case whose stored version is prev: ErrConflict
// when the stored version differs (another writer, on any node, got there
// first), ErrNotFound when there is no such case.
func (t *tx) UpdateCase(c casework.Case, prev int64) error {
	if c.Version < 1 {
		return fmt.Errorf("case %q: version %d: %w", c.ID, c.Version, casework.ErrInvalid)
	}
	args, err := caseColumns(c)
	if err != nil {
		if badKey(c.ID) {
			return fmt.Errorf("case %q: %w", c.ID, casework.ErrNotFound)
		}
		return err
	}
	tag, err := t.tx.Exec(t.ctx, `UPDATE cases SET agency = $2, stage = $3, officers = $4, shared = $5, due = $6,
		updated = $7, version = $8, doc = $9 WHERE id = $1 AND version = $10`, append(args, prev)...)
	if err != nil {
		return fmt.Errorf("update case %s: %w", c.ID, mapErr(err))
	}
	if tag.RowsAffected() == 1 {
		t.touch(c.ID, c.Version)
		return nil
	}
	var stored int64
	err = t.tx.QueryRow(t.ctx, `SELECT version FROM cases WHERE id = $1`, c.ID).Scan(&stored)
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("case %s: %w", c.ID, casework.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("update case %s: %w", c.ID, mapErr(err))
	}
	return fmt.Errorf("case %s is at version %d, not %d: %w", c.ID, stored, prev, casework.ErrConflict)
}

// AddEvidence stores an evidence record: ErrExists when the case already
// has a file with that digest, ErrNotFound when there is no such case.
func (t *tx) AddEvidence(e casework.Evidence) error {
	if e.CaseID == "" || e.Digest == "" || badKey(e.CaseID) || badKey(e.Digest) {
		return fmt.Errorf("evidence %q of case %q: %w", e.Digest, e.CaseID, casework.ErrInvalid)
	}
	doc, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("encode evidence %s: %w", e.Digest, err)
	}
	// The INSERT … SELECT inserts nothing for an unknown case; the second
	// statement then tells a missing case from a duplicate.
	tag, err := t.tx.Exec(t.ctx, `INSERT INTO evidence (case_id, digest, doc)
		SELECT id, $2, $3 FROM cases WHERE id = $1 ON CONFLICT (case_id, digest) DO NOTHING`, e.CaseID, e.Digest, string(doc))
	if err != nil {
		return fmt.Errorf("add evidence %s to %s: %w", e.Digest, e.CaseID, mapErr(err))
	}
	if tag.RowsAffected() == 1 {
		t.touch(e.CaseID, 0)
		return nil
	}
	var exists bool
	if err := t.tx.QueryRow(t.ctx, `SELECT EXISTS (SELECT 1 FROM cases WHERE id = $1)`, e.CaseID).Scan(&exists); err != nil {
		return fmt.Errorf("add evidence %s to %s: %w", e.Digest, e.CaseID, mapErr(err))
	}
	if !exists {
		return fmt.Errorf("case %s: %w", e.CaseID, casework.ErrNotFound)
	}
	return fmt.Errorf("evidence %s of case %s: %w", e.Digest, e.CaseID, casework.ErrExists)
}

// Append links e after the last committed entry and stores its JSON as
// written. It first locks audit_head's row (lock), which every appender on
// every node locks, so entries are linked one at a time.
func (t *tx) Append(e casework.Entry) (casework.Entry, error) {
	if err := t.lock(); err != nil {
		return casework.Entry{}, err
	}
	linked, body, err := casework.LinkNext(t, e)
	if err != nil {
		return casework.Entry{}, err
	}
	var caseID *string
	if linked.CaseID != "" {
		caseID = &linked.CaseID
	}
	if _, err := t.tx.Exec(t.ctx, `INSERT INTO audit_log (seq, case_id, body) VALUES ($1, $2, $3)`,
		int64(linked.Seq), caseID, body); err != nil {
		return casework.Entry{}, fmt.Errorf("append entry %d: %w", linked.Seq, mapErr(err))
	}
	return linked, nil
}

// AddCheckpoint stores a signed checkpoint; ErrExists when one of that
// size is stored, ErrInvalid for size 0.
func (t *tx) AddCheckpoint(c casework.Checkpoint) error {
	if c.Size == 0 || c.Size > 1<<62 {
		return fmt.Errorf("checkpoint size %d: %w", c.Size, casework.ErrInvalid)
	}
	doc, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("encode checkpoint %d: %w", c.Size, err)
	}
	tag, err := t.tx.Exec(t.ctx, `INSERT INTO checkpoints (size, doc) VALUES ($1, $2) ON CONFLICT (size) DO NOTHING`,
		int64(c.Size), string(doc))
	if err != nil {
		return fmt.Errorf("add checkpoint %d: %w", c.Size, mapErr(err))
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("checkpoint of size %d: %w", c.Size, casework.ErrExists)
	}
	return nil
}
