package api

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
)

// memStore is a working in-memory casework.Store for the api tests, a
// stopgap until the embedded store is wired into app: Update runs on a copy
// of the state and swaps it in only when fn succeeds, so a failed change
// leaves nothing behind, as the real stores do.
type memStore struct {
	mu sync.Mutex
	st memState
}

type memState struct {
	agencies    map[string]casework.Agency
	users       map[string]casework.User
	creds       map[string]casework.Credential
	tokens      map[string]casework.Token
	cases       map[string]casework.Case
	evidence    map[string][]casework.Evidence
	entries     []casework.Entry
	checkpoints []casework.Checkpoint
	seqs        map[string]int
}

func newMemStore() *memStore {
	return &memStore{st: memState{agencies: map[string]casework.Agency{}, users: map[string]casework.User{},
		creds: map[string]casework.Credential{}, tokens: map[string]casework.Token{}, cases: map[string]casework.Case{},
		evidence: map[string][]casework.Evidence{}, seqs: map[string]int{}}}
}

func (s memState) clone() memState {
	out := memState{agencies: maps(s.agencies), users: maps(s.users), creds: maps(s.creds), tokens: maps(s.tokens),
		cases: maps(s.cases), evidence: map[string][]casework.Evidence{}, seqs: maps(s.seqs),
		entries: slices.Clone(s.entries), checkpoints: slices.Clone(s.checkpoints)}
	for k, v := range s.evidence {
		out.evidence[k] = slices.Clone(v)
	}
	return out
}

func maps[K comparable, V any](m map[K]V) map[K]V {
	out := make(map[K]V, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func (m *memStore) Update(ctx context.Context, fn func(casework.Tx) error) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	tx := &memTx{st: m.st.clone()}
	if err := fn(tx); err != nil {
		return err
	}
	m.st = tx.st
	return nil
}

func (m *memStore) View(ctx context.Context, fn func(casework.ReadTx) error) error {
	m.mu.Lock()
	st := m.st.clone()
	m.mu.Unlock()
	return fn(&memTx{st: st})
}

func (m *memStore) Close() error { return nil }

// entryCount is the length of the full-process log, for "nothing changed".
func (m *memStore) entryCount() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.st.entries)
}

type memTx struct{ st memState }

func get[V any](m map[string]V, id, what string) (V, error) {
	v, ok := m[id]
	if !ok {
		return v, fmt.Errorf("%s %q: %w", what, id, casework.ErrNotFound)
	}
	return v, nil
}

func (t *memTx) Agency(code string) (casework.Agency, error) {
	return get(t.st.agencies, code, "agency")
}
func (t *memTx) Agencies() ([]casework.Agency, error) {
	var out []casework.Agency
	for _, a := range t.st.agencies {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out, nil
}
func (t *memTx) User(id string) (casework.User, error) { return get(t.st.users, id, "user") }
func (t *memTx) Users(agency string) ([]casework.User, error) {
	var out []casework.User
	for _, u := range t.st.users {
		if agency == "" || u.Agency == agency {
			out = append(out, u)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}
func (t *memTx) Credential(id string) (casework.Credential, error) {
	return get(t.st.creds, id, "credential")
}
func (t *memTx) Token(hash string) (casework.Token, error) { return get(t.st.tokens, hash, "token") }
func (t *memTx) Case(id string) (casework.Case, error)     { return get(t.st.cases, id, "case") }
func (t *memTx) Cases(f casework.CaseFilter) ([]casework.Case, error) {
	var out []casework.Case
	for _, c := range t.st.cases {
		switch {
		case f.Agency != "" && c.Agency != f.Agency,
			len(f.Stages) > 0 && !slices.Contains(f.Stages, c.Stage),
			f.Officer != "" && !slices.Contains(c.Officers, f.Officer),
			f.SharedOnly && !(c.SharedForTraining && c.Stage.Ended()),
			!f.DueBefore.IsZero() && (c.Due.IsZero() || c.Stage.Decided() || !c.Due.Before(f.DueBefore)):
			continue
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Updated.After(out[j].Updated) })
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	if f.Offset >= len(out) {
		return nil, nil
	}
	out = out[f.Offset:]
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}
func (t *memTx) Evidence(caseID string) ([]casework.Evidence, error) {
	return slices.Clone(t.st.evidence[caseID]), nil
}
func (t *memTx) LastEntry() (casework.Entry, bool, error) {
	if len(t.st.entries) == 0 {
		return casework.Entry{}, false, nil
	}
	return t.st.entries[len(t.st.entries)-1], true, nil
}
func (t *memTx) Entries(from uint64, fn func(casework.Entry) error) error {
	for _, e := range t.st.entries {
		if e.Seq >= from {
			if err := fn(e); err != nil {
				return err
			}
		}
	}
	return nil
}
func (t *memTx) CaseEntries(caseID string) ([]casework.Entry, error) {
	var out []casework.Entry
	for _, e := range t.st.entries {
		if e.CaseID == caseID {
			out = append(out, e)
		}
	}
	return out, nil
}
func (t *memTx) Checkpoints() ([]casework.Checkpoint, error) {
	return slices.Clone(t.st.checkpoints), nil
}

func (t *memTx) PutAgency(a casework.Agency) error         { t.st.agencies[a.Code] = a; return nil }
func (t *memTx) PutUser(u casework.User) error             { t.st.users[u.ID] = u; return nil }
func (t *memTx) PutCredential(c casework.Credential) error { t.st.creds[c.UserID] = c; return nil }
func (t *memTx) PutToken(tk casework.Token) error          { t.st.tokens[tk.Hash] = tk; return nil }
func (t *memTx) NextCaseNumber(agency string, year int) (int, error) {
	k := fmt.Sprintf("%s/%d", agency, year)
	t.st.seqs[k]++
	return t.st.seqs[k], nil
}
func (t *memTx) CreateCase(c casework.Case) error {
	if _, ok := t.st.cases[c.ID]; ok {
		return fmt.Errorf("case %s: %w", c.ID, casework.ErrExists)
	}
	t.st.cases[c.ID] = c
	return nil
}
func (t *memTx) UpdateCase(c casework.Case, prev int64) error {
	old, ok := t.st.cases[c.ID]
	if !ok {
		return fmt.Errorf("case %s: %w", c.ID, casework.ErrNotFound)
	}
	if old.Version != prev {
		return fmt.Errorf("case %s: %w", c.ID, casework.ErrConflict)
	}
	t.st.cases[c.ID] = c
	return nil
}
func (t *memTx) AddEvidence(e casework.Evidence) error {
	for _, x := range t.st.evidence[e.CaseID] {
		if x.Digest == e.Digest {
			return fmt.Errorf("evidence %s: %w", e.Digest, casework.ErrExists)
		}
	}
	t.st.evidence[e.CaseID] = append(t.st.evidence[e.CaseID], e)
	return nil
}
func (t *memTx) Append(e casework.Entry) (casework.Entry, error) {
	var prev *casework.Entry
	if n := len(t.st.entries); n > 0 {
		prev = &t.st.entries[n-1]
	}
	e, err := casework.Link(prev, e)
	if err != nil {
		return casework.Entry{}, err
	}
	t.st.entries = append(t.st.entries, e)
	return e, nil
}
func (t *memTx) AddCheckpoint(c casework.Checkpoint) error {
	t.st.checkpoints = append(t.st.checkpoints, c)
	return nil
}

// memBlobs is a working in-memory casework.BlobStore.
type memBlobs struct {
	mu    sync.Mutex
	blobs map[string][]byte
}

func (b *memBlobs) Put(ctx context.Context, r io.Reader, max int64) (string, int64, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return "", 0, err
	}
	if int64(len(data)) > max {
		return "", 0, fmt.Errorf("evidence over %d bytes: %w", max, casework.ErrTooLarge)
	}
	sum := sha256.Sum256(data)
	d := hex.EncodeToString(sum[:])
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.blobs == nil {
		b.blobs = map[string][]byte{}
	}
	b.blobs[d] = data
	return d, int64(len(data)), nil
}

func (b *memBlobs) Open(ctx context.Context, digest string) (io.ReadCloser, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	data, ok := b.blobs[digest]
	if !ok {
		return nil, fmt.Errorf("blob %s: %w", digest, casework.ErrNotFound)
	}
	return io.NopCloser(bytes.NewReader(data)), nil
}

// testWorkbench is a casework.Service over the in-memory store, with its
// clock, and the first admin's token.
type testWorkbench struct {
	svc   *casework.Service
	store *memStore
	blobs *memBlobs
	admin casework.User
	now   time.Time
}

func newTestWorkbench(t *testing.T, maxEvidence int64) *testWorkbench {
	t.Helper()
	w := &testWorkbench{store: newMemStore(), blobs: &memBlobs{}}
	svc, err := casework.New(casework.Config{Store: w.store, Blobs: w.blobs, MaxEvidence: maxEvidence})
	if err != nil {
		t.Fatal(err)
	}
	w.svc = svc
	ctx := context.Background()
	id, _, created, err := svc.EnsureAdmin(ctx)
	if err != nil || !created {
		t.Fatalf("EnsureAdmin: %v %v", created, err)
	}
	err = w.store.View(ctx, func(tx casework.ReadTx) (err error) { w.admin, err = tx.User(id); return err })
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// user adds a user with roles in agency and returns a token of theirs.
func (w *testWorkbench) user(t *testing.T, id, agency string, roles ...casework.Role) string {
	t.Helper()
	ctx := context.Background()
	if _, _, err := w.svc.AddUser(ctx, w.admin, casework.User{ID: id, Name: id, Agency: agency, Roles: roles}, ""); err != nil {
		t.Fatalf("add user %s: %v", id, err)
	}
	tok, err := w.svc.IssueToken(ctx, w.admin, id, 0)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// adminToken issues a token for the first admin.
func (w *testWorkbench) adminToken(t *testing.T) string {
	t.Helper()
	tok, err := w.svc.IssueToken(context.Background(), w.admin, w.admin.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// adminTokens holds the bearer token that do and send attach to requests of
// a server made by withAdmin (keyed by *Server and by live address): the
// library tests import as an admin, the only user who may.
var adminTokens sync.Map

// withAdmin builds a server over cfg with an in-memory workbench whose
// first admin signs every request that do and send make to it.
func withAdmin(t *testing.T, cfg Config) *Server {
	t.Helper()
	w := newTestWorkbench(t, 0)
	cfg.Casework = w.svc
	s := New(cfg)
	adminTokens.Store(s, w.adminToken(t))
	return s
}
