// Package boltstore is the embedded casework.Store: one bbolt file
// (<DataDir>/casework.db), apart from the corpus store so that statutes and
// cases can be re-imported without touching the system of record.
//
// Layout (one bucket each): agencies, users, credentials, tokens and cases
// hold their JSON by key; the log holds each entry's JSON bytes verbatim
// keyed by its big-endian Seq, so that iteration order is Seq order and
// verification re-hashes exactly what was written; caselog indexes entries
// by case; evidence is keyed by case and attach order; two ordering indexes
// (all cases, and per agency) list cases most recently updated first with
// a small summary as value, so that queues filter without decoding cases.
package boltstore

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/cailiang/cailiang/casework"
)

// FileName is the store's file name inside a data directory.
const FileName = "casework.db"

// ErrBusy is wrapped by Open and OpenReadOnly when another process holds
// the file open for writing.
var ErrBusy = errors.New("casework store held by another process")

// ErrReadOnly is wrapped by Update on a store opened read-only.
var ErrReadOnly = errors.New("casework store opened read-only")

// lockWait is how long an open waits for another process's lock: a short
// command finishes within it; a running service does not, and the user is
// told at once.
const lockWait = time.Second

// defaultLimit is the page size of Cases when the filter sets none.
const defaultLimit = 100

var (
	bucketAgencies    = []byte("agencies")
	bucketUsers       = []byte("users")
	bucketCredentials = []byte("credentials")
	bucketTokens      = []byte("tokens")
	bucketCases       = []byte("cases")
	bucketByUpdated   = []byte("cases_by_updated")
	bucketByAgency    = []byte("cases_by_agency")
	bucketCaseNumbers = []byte("case_numbers")
	bucketEvidence    = []byte("evidence")
	bucketLog         = []byte("log")
	bucketCaseLog     = []byte("case_log")
	bucketCheckpoints = []byte("checkpoints")
	allBuckets        = [][]byte{bucketAgencies, bucketUsers, bucketCredentials, bucketTokens, bucketCases, bucketByUpdated,
		bucketByAgency, bucketCaseNumbers, bucketEvidence, bucketLog, bucketCaseLog, bucketCheckpoints, bucketTranscripts}
)

// Store is the bbolt casework.Store.
type Store struct {
	db       *bolt.DB
	readOnly bool
}

var _ casework.Store = (*Store)(nil)

// Open opens or creates the store file path (creating its directory) for
// reading and writing. Errors: ErrBusy when another process holds it,
// others when it cannot be opened or is not a casework store.
func Open(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("open casework store %s: %w", path, err)
	}
	return open(path, false)
}

// OpenReadOnly opens an existing store for reading (commands such as
// `audit verify`): several readers share it and nothing is written.
// Errors: fs.ErrNotExist (wrapped) when there is none, ErrBusy when a
// writer holds it, others when it is not a casework store.
func OpenReadOnly(path string) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("open casework store %s: %w", path, err)
	}
	return open(path, true)
}

func open(path string, readOnly bool) (*Store, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockWait, ReadOnly: readOnly})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, fmt.Errorf("open casework store %s: %w", path, ErrBusy)
	}
	if err != nil {
		return nil, fmt.Errorf("open casework store %s: %w", path, err)
	}
	check := func(tx *bolt.Tx) error {
		// Buckets added after the first release are created by the first
		// read-write open; a read-only open of an older file reads them as empty.
		if !readOnly {
			for _, b := range laterBuckets {
				if _, err := tx.CreateBucketIfNotExists(b); err != nil {
					return err
				}
			}
		}
		for _, b := range allBuckets {
			if readOnly {
				if tx.Bucket(b) == nil && !bytes.Equal(b, bucketTranscripts) {
					return fmt.Errorf("bucket %s missing (not a casework store)", b)
				}
			} else if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	}
	if readOnly {
		err = db.View(check)
	} else {
		err = db.Update(check)
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open casework store %s: %w", path, err)
	}
	return &Store{db: db, readOnly: readOnly}, nil
}

// Close closes the file.
func (s *Store) Close() error { return s.db.Close() }

// Path is the file the store is in.
func (s *Store) Path() string { return s.db.Path() }

// Update runs fn in one bbolt read-write transaction. bbolt runs one writer
// at a time, so concurrent updates are serialised; the service's version
// check then turns a stale writer into casework.ErrConflict. Errors: fn's
// error as is, ErrReadOnly, the context's error, bbolt's commit errors.
func (s *Store) Update(ctx context.Context, fn func(casework.Tx) error) error {
	if s.readOnly {
		return ErrReadOnly
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.db.Update(func(btx *bolt.Tx) error { return fn(&tx{tx: btx}) })
}

// View runs fn in a read-only snapshot. Errors: fn's error as is, the
// context's error.
func (s *Store) View(ctx context.Context, fn func(casework.ReadTx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.db.View(func(btx *bolt.Tx) error { return fn(&tx{tx: btx}) })
}

// tx implements casework.Tx over one bbolt transaction.
type tx struct{ tx *bolt.Tx }

var _ casework.Tx = (*tx)(nil)

func (t *tx) get(bucket []byte, key string, what string, v any) error {
	raw := t.tx.Bucket(bucket).Get([]byte(key))
	if raw == nil {
		return fmt.Errorf("%s %q: %w", what, key, casework.ErrNotFound)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("decode %s %q: %w", what, key, err)
	}
	return nil
}

func (t *tx) put(bucket []byte, key string, what string, v any) error {
	if key == "" {
		return fmt.Errorf("%s: empty key: %w", what, casework.ErrInvalid)
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s %q: %w", what, key, err)
	}
	if err := t.tx.Bucket(bucket).Put([]byte(key), raw); err != nil {
		return fmt.Errorf("store %s %q: %w", what, key, err)
	}
	return nil
}

// Agency implements casework.ReadTx.
func (t *tx) Agency(code string) (a casework.Agency, err error) {
	err = t.get(bucketAgencies, code, "agency", &a)
	return a, err
}

// Agencies implements casework.ReadTx.
func (t *tx) Agencies() ([]casework.Agency, error) {
	return decodeAll(t.tx.Bucket(bucketAgencies), "agency", func(casework.Agency) bool { return true })
}

// decodeAll decodes every value of b that keep accepts, in key order.
func decodeAll[T any](b *bolt.Bucket, what string, keep func(T) bool) ([]T, error) {
	var out []T
	err := b.ForEach(func(k, v []byte) error {
		var x T
		if err := json.Unmarshal(v, &x); err != nil {
			return fmt.Errorf("decode %s %q: %w", what, k, err)
		}
		if keep(x) {
			out = append(out, x)
		}
		return nil
	})
	return out, err
}

// User implements casework.ReadTx.
func (t *tx) User(id string) (u casework.User, err error) {
	err = t.get(bucketUsers, id, "user", &u)
	return u, err
}

// Users implements casework.ReadTx.
func (t *tx) Users(agency string) ([]casework.User, error) {
	return decodeAll(t.tx.Bucket(bucketUsers), "user", func(u casework.User) bool { return agency == "" || u.Agency == agency })
}

// Credential implements casework.ReadTx.
func (t *tx) Credential(userID string) (c casework.Credential, err error) {
	err = t.get(bucketCredentials, userID, "credential", &c)
	return c, err
}

// Token implements casework.ReadTx.
func (t *tx) Token(hash string) (tok casework.Token, err error) {
	err = t.get(bucketTokens, hash, "token", &tok)
	return tok, err
}

// Case implements casework.ReadTx.
func (t *tx) Case(id string) (c casework.Case, err error) {
	err = t.get(bucketCases, id, "case", &c)
	return c, err
}

// summary is the value of the ordering indexes: what CaseFilter looks at,
// so that a filtered list decodes only the cases it returns. It is encoded
// by hand (encode/decodeSummary): decoding JSON summaries made a scan of
// 10,000 cases cost ~20 ms (BenchmarkCases).
type summary struct {
	Stage    casework.Stage
	Officers []string
	Shared   bool
	Due      time.Time
}

func summarise(c casework.Case) summary {
	return summary{Stage: c.Stage, Officers: c.Officers, Shared: c.SharedForTraining, Due: c.Due}
}

// encode writes: shared (1 byte), due in Unix µs (8 bytes, 0 for none),
// the stage's length (1 byte) and text, then the officers separated by 0.
func (m summary) encode() []byte {
	b := make([]byte, 0, 16+len(m.Stage)+16*len(m.Officers))
	if m.Shared {
		b = append(b, 1)
	} else {
		b = append(b, 0)
	}
	due := uint64(0)
	if !m.Due.IsZero() {
		due = uint64(m.Due.UnixMicro())
	}
	b = binary.BigEndian.AppendUint64(b, due)
	b = append(b, byte(len(m.Stage)))
	b = append(b, m.Stage...)
	for i, o := range m.Officers {
		if i > 0 {
			b = append(b, 0)
		}
		b = append(b, o...)
	}
	return b
}

// decodeSummary reads what encode wrote; officers stay one byte string
// (hasOfficer searches it) so that a scan allocates nothing per row.
func decodeSummary(v []byte) (m summary, officers []byte, err error) {
	if len(v) < 10 || len(v) < 10+int(v[9]) {
		return summary{}, nil, errors.New("short case index value")
	}
	m.Shared = v[0] == 1
	if due := binary.BigEndian.Uint64(v[1:9]); due != 0 {
		m.Due = time.UnixMicro(int64(due)).UTC()
	}
	n := int(v[9])
	m.Stage = casework.Stage(v[10 : 10+n])
	return m, v[10+n:], nil
}

// hasOfficer reports whether id is one of the 0-separated officers.
func hasOfficer(officers []byte, id string) bool {
	for len(officers) > 0 {
		i := bytes.IndexByte(officers, 0)
		if i < 0 {
			return string(officers) == id
		}
		if string(officers[:i]) == id {
			return true
		}
		officers = officers[i+1:]
	}
	return false
}

func (m summary) matches(f casework.CaseFilter, officers []byte) bool {
	if len(f.Stages) > 0 && !slices.Contains(f.Stages, m.Stage) {
		return false
	}
	if f.Officer != "" && !hasOfficer(officers, f.Officer) {
		return false
	}
	if f.SharedOnly && !(m.Shared && m.Stage.Ended()) {
		return false
	}
	if !f.DueBefore.IsZero() && (m.Due.IsZero() || m.Stage.Decided() || !m.Due.Before(f.DueBefore)) {
		return false
	}
	return true
}

// updatedKey orders cases most recently updated first: the bitwise
// complement of the update time, big-endian, then the ID.
func updatedKey(c casework.Case) []byte {
	k := make([]byte, 8, 8+len(c.ID))
	binary.BigEndian.PutUint64(k, math.MaxUint64-uint64(c.Updated.UnixMicro()))
	return append(k, c.ID...)
}

func agencyKey(c casework.Case) []byte {
	return append(append([]byte(c.Agency), 0), updatedKey(c)...)
}

// Cases implements casework.ReadTx: it walks the per-agency index (or the
// global one) in order, filtering on the summaries, and decodes only the
// page it returns.
func (t *tx) Cases(f casework.CaseFilter) ([]casework.Case, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	if f.Offset < 0 {
		return nil, fmt.Errorf("offset %d: %w", f.Offset, casework.ErrInvalid)
	}
	bucket, prefix := bucketByUpdated, []byte(nil)
	if f.Agency != "" {
		bucket, prefix = bucketByAgency, append([]byte(f.Agency), 0)
	}
	var out []casework.Case
	skip := f.Offset
	cur := t.tx.Bucket(bucket).Cursor()
	k, v := cur.First()
	if prefix != nil {
		k, v = cur.Seek(prefix)
	}
	for ; k != nil && bytes.HasPrefix(k, prefix) && len(out) < limit; k, v = cur.Next() {
		m, officers, err := decodeSummary(v)
		if err != nil {
			return nil, fmt.Errorf("decode case index %q: %w", k, err)
		}
		if !m.matches(f, officers) {
			continue
		}
		if skip > 0 {
			skip--
			continue
		}
		id := string(k[len(prefix)+8:])
		c, err := t.Case(id)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// Evidence implements casework.ReadTx.
func (t *tx) Evidence(caseID string) ([]casework.Evidence, error) {
	var out []casework.Evidence
	prefix := append([]byte(caseID), 0)
	cur := t.tx.Bucket(bucketEvidence).Cursor()
	for k, v := cur.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = cur.Next() {
		var e casework.Evidence
		if err := json.Unmarshal(v, &e); err != nil {
			return nil, fmt.Errorf("decode evidence %q: %w", k, err)
		}
		out = append(out, e)
	}
	return out, nil
}

func seqKey(seq uint64) []byte { return binary.BigEndian.AppendUint64(nil, seq) }

// LastEntry implements casework.ReadTx.
func (t *tx) LastEntry() (casework.Entry, bool, error) {
	k, v := t.tx.Bucket(bucketLog).Cursor().Last()
	if k == nil {
		return casework.Entry{}, false, nil
	}
	e, err := decodeEntry(k, v)
	return e, err == nil, err
}

func decodeEntry(k, v []byte) (casework.Entry, error) {
	var e casework.Entry
	if err := json.Unmarshal(v, &e); err != nil {
		// A record that is not an entry any more is tampering too: say where.
		seq := uint64(0)
		if len(k) == 8 {
			seq = binary.BigEndian.Uint64(k)
		}
		return casework.Entry{}, &casework.ChainError{Seq: seq, Reason: "not a log entry: " + err.Error()}
	}
	return e, nil
}

// Entries implements casework.ReadTx: keys are big-endian Seq, so bbolt's
// byte order is Seq order.
func (t *tx) Entries(from uint64, fn func(casework.Entry) error) error {
	cur := t.tx.Bucket(bucketLog).Cursor()
	for k, v := cur.Seek(seqKey(from)); k != nil; k, v = cur.Next() {
		e, err := decodeEntry(k, v)
		if err != nil {
			return err
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

// CaseEntries implements casework.ReadTx.
func (t *tx) CaseEntries(caseID string) ([]casework.Entry, error) {
	var out []casework.Entry
	prefix := append([]byte(caseID), 0)
	log := t.tx.Bucket(bucketLog)
	cur := t.tx.Bucket(bucketCaseLog).Cursor()
	for k, _ := cur.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = cur.Next() {
		sk := k[len(prefix):]
		v := log.Get(sk)
		if v == nil {
			return nil, &casework.ChainError{Seq: binary.BigEndian.Uint64(sk), Reason: "entry indexed for case " + caseID + " is missing"}
		}
		e, err := decodeEntry(sk, v)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// Checkpoints implements casework.ReadTx: keyed by big-endian size, so
// oldest first.
func (t *tx) Checkpoints() ([]casework.Checkpoint, error) {
	return decodeAll(t.tx.Bucket(bucketCheckpoints), "checkpoint", func(casework.Checkpoint) bool { return true })
}

// PutAgency implements casework.Tx.
func (t *tx) PutAgency(a casework.Agency) error { return t.put(bucketAgencies, a.Code, "agency", a) }

// PutUser implements casework.Tx.
func (t *tx) PutUser(u casework.User) error { return t.put(bucketUsers, u.ID, "user", u) }

// PutCredential implements casework.Tx.
func (t *tx) PutCredential(c casework.Credential) error {
	return t.put(bucketCredentials, c.UserID, "credential", c)
}

// PutToken implements casework.Tx.
func (t *tx) PutToken(tok casework.Token) error { return t.put(bucketTokens, tok.Hash, "token", tok) }

// NextCaseNumber implements casework.Tx: the counter commits with the case,
// and bbolt has one writer at a time, so a number is never handed out twice.
func (t *tx) NextCaseNumber(agency string, year int) (int, error) {
	if agency == "" || year < 1 {
		return 0, fmt.Errorf("case number for %q %d: %w", agency, year, casework.ErrInvalid)
	}
	b := t.tx.Bucket(bucketCaseNumbers)
	key := fmt.Appendf(nil, "%s\x00%d", agency, year)
	n := uint64(0)
	if v := b.Get(key); len(v) == 8 {
		n = binary.BigEndian.Uint64(v)
	}
	n++
	if err := b.Put(key, binary.BigEndian.AppendUint64(nil, n)); err != nil {
		return 0, fmt.Errorf("case number: %w", err)
	}
	return int(n), nil
}

// CreateCase implements casework.Tx.
func (t *tx) CreateCase(c casework.Case) error {
	if c.ID == "" || c.Agency == "" {
		return fmt.Errorf("case without ID or agency: %w", casework.ErrInvalid)
	}
	if t.tx.Bucket(bucketCases).Get([]byte(c.ID)) != nil {
		return fmt.Errorf("case %s: %w", c.ID, casework.ErrExists)
	}
	return t.writeCase(c, nil)
}

// UpdateCase implements casework.Tx.
func (t *tx) UpdateCase(c casework.Case, prev int64) error {
	old, err := t.Case(c.ID)
	if err != nil {
		return err
	}
	if old.Version != prev {
		return fmt.Errorf("case %s is at version %d, not %d: %w", c.ID, old.Version, prev, casework.ErrConflict)
	}
	if old.Agency != c.Agency {
		return fmt.Errorf("case %s: agency cannot change: %w", c.ID, casework.ErrInvalid)
	}
	return t.writeCase(c, &old)
}

// writeCase stores c and moves its index rows from old's position.
func (t *tx) writeCase(c casework.Case, old *casework.Case) error {
	if err := t.put(bucketCases, c.ID, "case", c); err != nil {
		return err
	}
	byUpdated, byAgency := t.tx.Bucket(bucketByUpdated), t.tx.Bucket(bucketByAgency)
	if old != nil {
		if err := byUpdated.Delete(updatedKey(*old)); err != nil {
			return fmt.Errorf("case index: %w", err)
		}
		if err := byAgency.Delete(agencyKey(*old)); err != nil {
			return fmt.Errorf("case index: %w", err)
		}
	}
	m := summarise(c).encode()
	if err := byUpdated.Put(updatedKey(c), m); err != nil {
		return fmt.Errorf("case index: %w", err)
	}
	if err := byAgency.Put(agencyKey(c), m); err != nil {
		return fmt.Errorf("case index: %w", err)
	}
	return nil
}

// AddEvidence implements casework.Tx.
func (t *tx) AddEvidence(e casework.Evidence) error {
	if t.tx.Bucket(bucketCases).Get([]byte(e.CaseID)) == nil {
		return fmt.Errorf("case %q: %w", e.CaseID, casework.ErrNotFound)
	}
	existing, err := t.Evidence(e.CaseID)
	if err != nil {
		return err
	}
	for _, x := range existing {
		if x.Digest == e.Digest {
			return fmt.Errorf("evidence %s on case %s: %w", e.Digest, e.CaseID, casework.ErrExists)
		}
	}
	b := t.tx.Bucket(bucketEvidence)
	seq, err := b.NextSequence()
	if err != nil {
		return fmt.Errorf("evidence: %w", err)
	}
	key := binary.BigEndian.AppendUint64(append([]byte(e.CaseID), 0), seq)
	raw, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("encode evidence: %w", err)
	}
	if err := b.Put(key, raw); err != nil {
		return fmt.Errorf("store evidence: %w", err)
	}
	return nil
}

// Append implements casework.Tx: it links e after the last stored entry and
// stores its JSON as written.
func (t *tx) Append(e casework.Entry) (casework.Entry, error) {
	linked, raw, err := casework.LinkNext(t, e)
	if err != nil {
		return casework.Entry{}, err
	}
	key := seqKey(linked.Seq)
	if err := t.tx.Bucket(bucketLog).Put(key, raw); err != nil {
		return casework.Entry{}, fmt.Errorf("store entry %d: %w", linked.Seq, err)
	}
	if linked.CaseID != "" {
		if err := t.tx.Bucket(bucketCaseLog).Put(append(append([]byte(linked.CaseID), 0), key...), nil); err != nil {
			return casework.Entry{}, fmt.Errorf("index entry %d: %w", linked.Seq, err)
		}
	}
	return linked, nil
}

// AddCheckpoint implements casework.Tx.
func (t *tx) AddCheckpoint(c casework.Checkpoint) error {
	if c.Size == 0 || c.Signature == "" {
		return fmt.Errorf("checkpoint without size or signature: %w", casework.ErrInvalid)
	}
	raw, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("encode checkpoint: %w", err)
	}
	if err := t.tx.Bucket(bucketCheckpoints).Put(seqKey(c.Size), raw); err != nil {
		return fmt.Errorf("store checkpoint: %w", err)
	}
	return nil
}
