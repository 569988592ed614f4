package pgstore

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/pgschema"
)

var ctx = context.Background()

func update(t *testing.T, s *Store, fn func(casework.Tx) error) {
	t.Helper()
	if err := s.Update(ctx, fn); err != nil {
		t.Fatalf("Update: %v", err)
	}
}

func view(t *testing.T, s *Store, fn func(casework.ReadTx) error) {
	t.Helper()
	if err := s.View(ctx, fn); err != nil {
		t.Fatalf("View: %v", err)
	}
}

func TestOpenConfigErrors(t *testing.T) {
	for _, cfg := range []Config{{}, {DSN: "  "}, {DSN: "postgres://x/y?sslmode=bogus"}, {DSN: "postgres://x/y", Schema: strings.Repeat("s", 64)}} {
		if _, err := Open(ctx, cfg); !errors.Is(err, ErrConfig) {
			t.Errorf("Open(%+v) = %v, want ErrConfig", cfg, err)
		}
	}
}

// Nodes starting together on an empty schema apply each migration once.
func TestMigrationsConcurrentOpen(t *testing.T) {
	dsn := testDSN(t)
	cfg := Config{DSN: dsn, Schema: freshSchema(t, dsn)}
	var wg sync.WaitGroup
	stores := make([]*Store, 4)
	errs := make([]error, 4)
	for i := range stores {
		wg.Add(1)
		go func() { defer wg.Done(); stores[i], errs[i] = Open(ctx, cfg) }()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("Open %d: %v", i, err)
		}
		defer stores[i].Close()
	}
	ms, err := pgschema.FromFS(migrationFiles, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := stores[0].pool.QueryRow(ctx, `SELECT count(*) FROM cailiang_schema_migrations WHERE component = $1`, component).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != len(ms) {
		t.Errorf("migration rows = %d, want %d", n, len(ms))
	}
	again, err := stores[0].migrate(ctx)
	if err != nil || again != 0 {
		t.Errorf("migrate again = %d, %v; want 0, nil", again, err)
	}
}

func TestUsersAgenciesTokens(t *testing.T) {
	s, _ := openTest(t)
	now := time.Now().UTC().Truncate(time.Microsecond)
	a := casework.Agency{Code: "scjg", Name: "某市市场监督管理局", DocPrefix: "某市监处罚"}
	u1 := casework.User{ID: "li.si", Name: "李四", Agency: "scjg", Roles: []casework.Role{casework.RoleOfficer}, Created: now}
	u2 := casework.User{ID: "admin", Name: "管理员", Roles: []casework.Role{casework.RoleAdmin}, Created: now}
	cred := casework.Credential{UserID: "li.si", Hash: "$argon2id$x", Changed: now}
	tok := casework.Token{Hash: "ab12", UserID: "li.si", Kind: "session", Created: now, Expires: now.Add(time.Hour)}
	update(t, s, func(tx casework.Tx) error {
		for _, err := range []error{tx.PutAgency(a), tx.PutUser(u1), tx.PutUser(u2), tx.PutCredential(cred), tx.PutToken(tok)} {
			if err != nil {
				return err
			}
		}
		return nil
	})
	tok.Revoked = true
	u1.Disabled = true
	update(t, s, func(tx casework.Tx) error {
		if err := tx.PutToken(tok); err != nil {
			return err
		}
		return tx.PutUser(u1)
	})
	view(t, s, func(tx casework.ReadTx) error {
		if got, err := tx.Agency("scjg"); err != nil || got != a {
			t.Errorf("Agency = %+v, %v; want %+v", got, err, a)
		}
		if got, err := tx.Agencies(); err != nil || len(got) != 1 {
			t.Errorf("Agencies = %+v, %v", got, err)
		}
		if got, err := tx.User("li.si"); err != nil || !reflect.DeepEqual(got, u1) {
			t.Errorf("User = %+v, %v; want %+v", got, err, u1)
		}
		if got, err := tx.Users(""); err != nil || len(got) != 2 || got[0].ID != "admin" {
			t.Errorf("Users(\"\") = %+v, %v; want admin, li.si", got, err)
		}
		if got, err := tx.Users("scjg"); err != nil || len(got) != 1 || got[0].ID != "li.si" {
			t.Errorf("Users(scjg) = %+v, %v", got, err)
		}
		if got, err := tx.Credential("li.si"); err != nil || !reflect.DeepEqual(got, cred) {
			t.Errorf("Credential = %+v, %v", got, err)
		}
		if got, err := tx.Token("ab12"); err != nil || !reflect.DeepEqual(got, tok) {
			t.Errorf("Token = %+v, %v; want %+v", got, err, tok)
		}
		for _, key := range []string{"nobody", "", "\xff\xfe", "a\x00b", strings.Repeat("长", 10000), "'; DROP TABLE users; --"} {
			if _, err := tx.User(key); !errors.Is(err, casework.ErrNotFound) {
				t.Errorf("User(%q) = %v, want ErrNotFound", key, err)
			}
			if _, err := tx.Agency(key); !errors.Is(err, casework.ErrNotFound) {
				t.Errorf("Agency(%q) = %v, want ErrNotFound", key, err)
			}
			if _, err := tx.Token(key); !errors.Is(err, casework.ErrNotFound) {
				t.Errorf("Token(%q) = %v, want ErrNotFound", key, err)
			}
			if _, err := tx.Credential(key); !errors.Is(err, casework.ErrNotFound) {
				t.Errorf("Credential(%q) = %v, want ErrNotFound", key, err)
			}
		}
		return nil
	})
}

// Bad keys are refused before they reach PostgreSQL, and the transaction
// stays usable: nothing else the caller does is lost.
func TestInvalidKeys(t *testing.T) {
	s, _ := openTest(t)
	update(t, s, func(tx casework.Tx) error {
		for _, err := range []error{
			tx.PutUser(casework.User{ID: ""}),
			tx.PutUser(casework.User{ID: "a\xff"}),
			tx.PutAgency(casework.Agency{Code: "x\x00"}),
			tx.PutToken(casework.Token{}),
			tx.CreateCase(casework.Case{ID: "", Version: 1}),
			tx.CreateCase(casework.Case{ID: "c1", Version: 0}),
			tx.AddEvidence(casework.Evidence{CaseID: "c1"}),
			tx.AddCheckpoint(casework.Checkpoint{}),
		} {
			if !errors.Is(err, casework.ErrInvalid) {
				t.Errorf("got %v, want ErrInvalid", err)
			}
		}
		if _, err := tx.NextCaseNumber("", 2026); !errors.Is(err, casework.ErrInvalid) {
			t.Errorf("NextCaseNumber(\"\") = %v, want ErrInvalid", err)
		}
		if _, err := tx.Cases(casework.CaseFilter{Limit: -1}); !errors.Is(err, casework.ErrInvalid) {
			t.Errorf("Cases(Limit -1) = %v, want ErrInvalid", err)
		}
		return tx.PutAgency(casework.Agency{Code: "ok", Name: "仍可写入"})
	})
	view(t, s, func(tx casework.ReadTx) error {
		if _, err := tx.Agency("ok"); err != nil {
			t.Errorf("the transaction's valid write was lost: %v", err)
		}
		return nil
	})
}

func newCase(id, agency string, stage casework.Stage, officers []string, updated time.Time) casework.Case {
	return casework.Case{ID: id, Agency: agency, Title: "案件 " + id, Stage: stage, Version: 1, Officers: officers,
		Party: casework.Party{Name: "某公司"}, Facts: "事实\n", CreatedBy: officers[0], Created: updated, Updated: updated,
		Analysis: json.RawMessage(`{"b":1,"a":[2,1]}`)} // compact, as json.Marshal writes it
}

func TestCases(t *testing.T) {
	s, _ := openTest(t)
	t0 := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	cases := []casework.Case{
		newCase("scjg-2026-000001", "scjg", casework.StageInvestigating, []string{"o1", "o2"}, t0),
		newCase("scjg-2026-000002", "scjg", casework.StageReview, []string{"o2"}, t0.Add(time.Hour)),
		newCase("scjg-2026-000003", "scjg", casework.StageClosed, []string{"o1"}, t0.Add(2*time.Hour)),
		newCase("hbj-2026-000001", "hbj", casework.StageClosed, []string{"h1"}, t0.Add(3*time.Hour)),
		newCase("hbj-2026-000002", "hbj", casework.StageDecided, []string{"h1"}, t0.Add(4*time.Hour)),
	}
	cases[0].Due = t0.AddDate(0, 0, 90)
	cases[1].Due = t0.AddDate(0, 0, 10)
	cases[4].Due = t0.AddDate(0, 0, 5) // decided: its deadline no longer runs
	cases[2].SharedForTraining = true
	cases[3].SharedForTraining = true
	update(t, s, func(tx casework.Tx) error {
		for _, c := range cases {
			if err := tx.CreateCase(c); err != nil {
				return err
			}
		}
		return nil
	})
	err := s.Update(ctx, func(tx casework.Tx) error { return tx.CreateCase(cases[0]) })
	if !errors.Is(err, casework.ErrExists) {
		t.Errorf("CreateCase twice = %v, want ErrExists", err)
	}
	ids := func(cs []casework.Case) string {
		var out []string
		for _, c := range cs {
			out = append(out, c.ID)
		}
		return strings.Join(out, " ")
	}
	tests := []struct {
		name string
		f    casework.CaseFilter
		want string
	}{
		{"all, newest first", casework.CaseFilter{}, "hbj-2026-000002 hbj-2026-000001 scjg-2026-000003 scjg-2026-000002 scjg-2026-000001"},
		{"agency", casework.CaseFilter{Agency: "scjg"}, "scjg-2026-000003 scjg-2026-000002 scjg-2026-000001"},
		{"stages", casework.CaseFilter{Stages: []casework.Stage{casework.StageReview, casework.StageInvestigating}}, "scjg-2026-000002 scjg-2026-000001"},
		{"officer", casework.CaseFilter{Agency: "scjg", Officer: "o1"}, "scjg-2026-000003 scjg-2026-000001"},
		{"shared", casework.CaseFilter{SharedOnly: true}, "hbj-2026-000001 scjg-2026-000003"},
		{"overdue", casework.CaseFilter{DueBefore: t0.AddDate(0, 0, 30)}, "scjg-2026-000002"},
		{"page", casework.CaseFilter{Limit: 2, Offset: 1}, "hbj-2026-000001 scjg-2026-000003"},
		{"unknown agency", casework.CaseFilter{Agency: "nobody"}, ""},
		{"hostile officer", casework.CaseFilter{Officer: "o1'] OR true --"}, ""},
		{"invalid UTF-8", casework.CaseFilter{Agency: "\xff"}, ""},
	}
	view(t, s, func(tx casework.ReadTx) error {
		for _, tt := range tests {
			got, err := tx.Cases(tt.f)
			if err != nil || ids(got) != tt.want {
				t.Errorf("%s: Cases = %q, %v; want %q", tt.name, ids(got), err, tt.want)
			}
		}
		got, err := tx.Case(cases[0].ID)
		if err != nil || !reflect.DeepEqual(got, cases[0]) {
			t.Errorf("Case = %+v, %v; want %+v (analysis JSON byte for byte)", got, err, cases[0])
		}
		return nil
	})

	// Optimistic update: the version read wins once.
	c := cases[0]
	c.Stage, c.Version, c.Updated = casework.StageDiscretion, 2, t0.Add(5*time.Hour)
	update(t, s, func(tx casework.Tx) error { return tx.UpdateCase(c, 1) })
	stale := c
	stale.Version = 2
	for _, tt := range []struct {
		c    casework.Case
		prev int64
		want error
	}{
		{stale, 1, casework.ErrConflict},
		{casework.Case{ID: "nope", Version: 2}, 1, casework.ErrNotFound},
		{casework.Case{ID: "\xff", Version: 2}, 1, casework.ErrNotFound},
	} {
		if err := s.Update(ctx, func(tx casework.Tx) error { return tx.UpdateCase(tt.c, tt.prev) }); !errors.Is(err, tt.want) {
			t.Errorf("UpdateCase(%s, %d) = %v, want %v", tt.c.ID, tt.prev, err, tt.want)
		}
	}
	view(t, s, func(tx casework.ReadTx) error {
		got, err := tx.Case(c.ID)
		if err != nil || got.Version != 2 || got.Stage != casework.StageDiscretion {
			t.Errorf("after update: %+v, %v", got, err)
		}
		if l, err := tx.Cases(casework.CaseFilter{Limit: 1}); err != nil || ids(l) != c.ID {
			t.Errorf("newest after update = %q, %v; want %s", ids(l), err, c.ID)
		}
		return nil
	})
}

// Case numbers count per agency and year, and a number taken by a
// transaction that rolled back is not handed out again.
func TestNextCaseNumber(t *testing.T) {
	s, _ := openTest(t)
	take := func(agency string, year int) int {
		var n int
		update(t, s, func(tx casework.Tx) (err error) { n, err = tx.NextCaseNumber(agency, year); return err })
		return n
	}
	if got := take("scjg", 2026); got != 1 {
		t.Errorf("first = %d, want 1", got)
	}
	if got := take("scjg", 2026); got != 2 {
		t.Errorf("second = %d, want 2", got)
	}
	if got := take("scjg", 2027); got != 1 {
		t.Errorf("next year = %d, want 1", got)
	}
	if got := take("hbj", 2026); got != 1 {
		t.Errorf("other agency = %d, want 1", got)
	}
	rollback := errors.New("roll back")
	err := s.Update(ctx, func(tx casework.Tx) error {
		if _, err := tx.NextCaseNumber("scjg", 2026); err != nil {
			return err
		}
		return rollback
	})
	if !errors.Is(err, rollback) {
		t.Fatalf("Update = %v, want fn's error", err)
	}
	if got := take("scjg", 2026); got != 4 {
		t.Errorf("after a rolled-back 3: %d, want 4 (a gap, never a repeat)", got)
	}
	// Concurrent takers never get the same number.
	var mu sync.Mutex
	seen := map[int]bool{}
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var n int
			if err := s.Update(ctx, func(tx casework.Tx) (err error) { n, err = tx.NextCaseNumber("par", 2026); return err }); err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			defer mu.Unlock()
			if seen[n] {
				t.Errorf("number %d handed out twice", n)
			}
			seen[n] = true
		}()
	}
	wg.Wait()
}

func TestEvidence(t *testing.T) {
	s, _ := openTest(t)
	t0 := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	c := newCase("scjg-2026-000001", "scjg", casework.StageInvestigating, []string{"o1"}, t0)
	ev := func(d string) casework.Evidence {
		return casework.Evidence{CaseID: c.ID, Digest: d, Size: 3, MediaType: "image/png", Name: "照片.png", Stage: c.Stage, AddedBy: "o1", Added: t0}
	}
	update(t, s, func(tx casework.Tx) error {
		if err := tx.CreateCase(c); err != nil {
			return err
		}
		for _, d := range []string{"ff01", "aa02", "cc03"} {
			if err := tx.AddEvidence(ev(d)); err != nil {
				return err
			}
		}
		return nil
	})
	for _, tt := range []struct {
		e    casework.Evidence
		want error
	}{
		{ev("aa02"), casework.ErrExists},
		{casework.Evidence{CaseID: "nope", Digest: "aa02"}, casework.ErrNotFound},
	} {
		if err := s.Update(ctx, func(tx casework.Tx) error { return tx.AddEvidence(tt.e) }); !errors.Is(err, tt.want) {
			t.Errorf("AddEvidence(%s, %s) = %v, want %v", tt.e.CaseID, tt.e.Digest, err, tt.want)
		}
	}
	view(t, s, func(tx casework.ReadTx) error {
		got, err := tx.Evidence(c.ID)
		if err != nil || len(got) != 3 || got[0].Digest != "ff01" || got[1].Digest != "aa02" || got[2].Digest != "cc03" {
			t.Errorf("Evidence = %+v, %v; want ff01, aa02, cc03 in the order attached", got, err)
		}
		if !reflect.DeepEqual(got[0], ev("ff01")) {
			t.Errorf("Evidence[0] = %+v, want %+v", got[0], ev("ff01"))
		}
		if got, err := tx.Evidence("nope"); err != nil || len(got) != 0 {
			t.Errorf("Evidence(nope) = %+v, %v", got, err)
		}
		return nil
	})
}

func appendN(t *testing.T, s *Store, n int, caseOf func(i int) string) {
	t.Helper()
	update(t, s, func(tx casework.Tx) error {
		for i := range n {
			if _, err := tx.Append(casework.Entry{At: time.Now(), Actor: "o1", Action: "case.update", CaseID: caseOf(i), Note: fmt.Sprintf("第%d步 \"引号\" <b>", i)}); err != nil {
				return err
			}
		}
		return nil
	})
}

func verify(s *Store) error {
	var v casework.ChainVerifier
	return s.View(ctx, func(tx casework.ReadTx) error { return tx.Entries(1, v.Next) })
}

func TestLog(t *testing.T) {
	s, _ := openTest(t)
	view(t, s, func(tx casework.ReadTx) error {
		if _, ok, err := tx.LastEntry(); ok || err != nil {
			t.Errorf("LastEntry of an empty log = %v, %v", ok, err)
		}
		return nil
	})
	// More than a page, so that Entries pages.
	n := entriesPage + 7
	appendN(t, s, n, func(i int) string { return []string{"c1", "c2", ""}[i%3] })
	var count uint64
	var v casework.ChainVerifier
	view(t, s, func(tx casework.ReadTx) error {
		last, ok, err := tx.LastEntry()
		if err != nil || !ok || last.Seq != uint64(n) {
			t.Errorf("LastEntry = %d, %v, %v; want %d", last.Seq, ok, err, n)
		}
		if err := tx.Entries(1, v.Next); err != nil {
			t.Errorf("verify: %v", err)
		}
		if err := tx.Entries(uint64(n-1), func(e casework.Entry) error { count++; return nil }); err != nil {
			t.Error(err)
		}
		c1, err := tx.CaseEntries("c1")
		if err != nil || len(c1) != (n+2)/3 || c1[0].Seq != 1 || c1[1].Seq != 4 {
			t.Errorf("CaseEntries(c1) = %d entries, %v", len(c1), err)
		}
		stop := errors.New("stop")
		seen := 0
		if err := tx.Entries(1, func(casework.Entry) error { seen++; return stop }); !errors.Is(err, stop) || seen != 1 {
			t.Errorf("Entries did not stop at fn's error: %v after %d", err, seen)
		}
		return nil
	})
	if v.Count() != uint64(n) || count != 2 {
		t.Errorf("verified %d of %d, Entries(from n-1) gave %d", v.Count(), n, count)
	}
	// The entry's JSON is stored byte for byte.
	var body []byte
	if err := s.pool.QueryRow(ctx, `SELECT body FROM audit_log WHERE seq = 2`).Scan(&body); err != nil {
		t.Fatal(err)
	}
	var e casework.Entry
	firstOnly := errors.New("first only")
	if err := s.View(ctx, func(tx casework.ReadTx) error {
		return tx.Entries(2, func(x casework.Entry) error { e = x; return firstOnly })
	}); !errors.Is(err, firstOnly) {
		t.Fatal(err)
	}
	want, _ := json.Marshal(e)
	if string(body) != string(want) {
		t.Errorf("stored body %s\nwant the entry's JSON %s", body, want)
	}
}

// Every kind of change behind the service's back is caught, at the entry
// where it happened.
func TestTamperDetected(t *testing.T) {
	var tm sqlTamperer
	record := func(t *testing.T, s *Store, pos int64) []byte {
		var b []byte
		if err := s.pool.QueryRow(ctx, `SELECT body FROM audit_log WHERE seq = $1`, pos).Scan(&b); err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name    string
		tamper  func(t *testing.T, s *Store)
		wantSeq uint64
	}{
		{"edited payload", func(t *testing.T, s *Store) {
			tm.SetRecord(t, s, 5, bytes.Replace(record(t, s, 5), []byte("第4步"), []byte("第9步"), 1))
		}, 5},
		{"deleted entry", func(t *testing.T, s *Store) { tm.DeleteRecord(t, s, 3) }, 3},
		{"swapped entries", func(t *testing.T, s *Store) { tm.SwapRecords(t, s, 4, 6) }, 4},
		{"inserted entry", func(t *testing.T, s *Store) { tm.InsertRecord(t, s, 7, record(t, s, 2)) }, 7},
		{"not JSON", func(t *testing.T, s *Store) { tm.SetRecord(t, s, 8, []byte{0, 0xff}) }, 8},
		{"rewritten chain", func(t *testing.T, s *Store) {
			// A consistent new chain verifies: only checkpoints signed
			// with the key (casework/storetest) tell it from the original.
			var raws [][]byte
			var prev *casework.Entry
			for i := range 3 {
				e, err := casework.Link(prev, casework.Entry{At: time.Now(), Actor: "x", Action: "case.update", CaseID: "c1", Note: fmt.Sprint(i)})
				if err != nil {
					t.Fatal(err)
				}
				b, _ := json.Marshal(e)
				raws, prev = append(raws, b), &e
			}
			tm.ReplaceLog(t, s, raws)
		}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := openTest(t)
			appendN(t, s, 10, func(int) string { return "c1" })
			if err := verify(s); err != nil {
				t.Fatalf("before tampering: %v", err)
			}
			tt.tamper(t, s)
			err := verify(s)
			if tt.wantSeq == 0 {
				if err != nil {
					t.Errorf("verify a consistent rewritten chain = %v", err)
				}
				return
			}
			var ce *casework.ChainError
			if !errors.As(err, &ce) || !errors.Is(err, casework.ErrTampered) || ce.Seq != tt.wantSeq {
				t.Errorf("verify = %v, want a ChainError at %d", err, tt.wantSeq)
			}
		})
	}
}

func TestCheckpoints(t *testing.T) {
	s, _ := openTest(t)
	at := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	c5 := casework.Checkpoint{Size: 5, Root: "r5", At: at, KeyID: "k", Signature: "s5"}
	c2 := casework.Checkpoint{Size: 2, Root: "r2", At: at, KeyID: "k", Signature: "s2"}
	update(t, s, func(tx casework.Tx) error {
		if err := tx.AddCheckpoint(c5); err != nil {
			return err
		}
		return tx.AddCheckpoint(c2)
	})
	if err := s.Update(ctx, func(tx casework.Tx) error { return tx.AddCheckpoint(c5) }); !errors.Is(err, casework.ErrExists) {
		t.Errorf("AddCheckpoint twice = %v, want ErrExists", err)
	}
	view(t, s, func(tx casework.ReadTx) error {
		got, err := tx.Checkpoints()
		if err != nil || !reflect.DeepEqual(got, []casework.Checkpoint{c2, c5}) {
			t.Errorf("Checkpoints = %+v, %v; want oldest first", got, err)
		}
		return nil
	})
}

// An error from fn leaves nothing behind: no case, no entry, no event.
func TestUpdateRollsBack(t *testing.T) {
	s, _ := openTest(t)
	boom := errors.New("boom")
	err := s.Update(ctx, func(tx casework.Tx) error {
		if err := tx.CreateCase(newCase("c1", "scjg", casework.StageFiling, []string{"o1"}, time.Now().UTC())); err != nil {
			return err
		}
		if _, err := tx.Append(casework.Entry{Actor: "o1", Action: "case.create", CaseID: "c1"}); err != nil {
			return err
		}
		return fmt.Errorf("later step: %w", boom)
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update = %v, want fn's error", err)
	}
	view(t, s, func(tx casework.ReadTx) error {
		if _, err := tx.Case("c1"); !errors.Is(err, casework.ErrNotFound) {
			t.Errorf("Case after rollback = %v, want ErrNotFound", err)
		}
		if _, ok, _ := tx.LastEntry(); ok {
			t.Error("log entry survived the rollback")
		}
		return nil
	})
	// A cancelled context writes nothing either.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.Update(cctx, func(tx casework.Tx) error { return tx.PutAgency(casework.Agency{Code: "x"}) }); !errors.Is(err, context.Canceled) {
		t.Errorf("Update with a cancelled context = %v", err)
	}
}

// A read-only open migrates nothing: it refuses an empty schema, reads a
// migrated one and writes nothing.
func TestReadOnly(t *testing.T) {
	dsn := testDSN(t)
	cfg := Config{DSN: dsn, Schema: freshSchema(t, dsn), ReadOnly: true}
	if _, err := Open(ctx, cfg); !errors.Is(err, ErrNotMigrated) {
		t.Fatalf("read-only Open of an empty schema = %v, want ErrNotMigrated", err)
	}
	cfg.ReadOnly = false
	rw, err := Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	update(t, rw, func(tx casework.Tx) error {
		return tx.PutAgency(casework.Agency{Code: "scjg", Name: "市场监管局"})
	})
	cfg.ReadOnly = true
	ro, err := Open(ctx, cfg)
	if err != nil {
		t.Fatalf("read-only Open of a migrated schema: %v", err)
	}
	defer ro.Close()
	if err := ro.Update(ctx, func(tx casework.Tx) error { return tx.PutAgency(casework.Agency{Code: "x"}) }); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Update on a read-only store = %v, want ErrReadOnly", err)
	}
	view(t, ro, func(tx casework.ReadTx) error {
		if a, err := tx.Agencies(); err != nil || len(a) != 1 {
			t.Errorf("Agencies = %+v, %v; want the one written", a, err)
		}
		return nil
	})
}

// An unreachable server fails Open within the connect timeout.
func TestOpenUnreachable(t *testing.T) {
	_, err := Open(ctx, Config{DSN: "postgres://nobody@127.0.0.1:1/none?sslmode=disable&connect_timeout=2"})
	if err == nil || errors.Is(err, ErrConfig) {
		t.Errorf("Open of a closed port = %v, want a connection error", err)
	}
}

// Without a schema, the tables go to DefaultSchema, not public.
func TestDefaultSchema(t *testing.T) {
	dsn := testDSN(t)
	conn, err := Open(ctx, Config{DSN: dsn, Schema: freshSchema(t, dsn)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() }) // after the drop below: cleanups run last first
	var exists bool
	if err := conn.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)`, DefaultSchema).Scan(&exists); err != nil {
		t.Fatal(err)
	}
	if exists {
		t.Skipf("schema %s exists in the test database already: not touching it", DefaultSchema)
	}
	t.Cleanup(func() { execSQL(t, conn, `DROP SCHEMA IF EXISTS `+DefaultSchema+` CASCADE`) })
	s, err := Open(ctx, Config{DSN: dsn})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var where string
	if err := s.pool.QueryRow(ctx, `SELECT table_schema FROM information_schema.tables WHERE table_name = 'cases' AND table_schema IN ('public', $1)`, DefaultSchema).Scan(&where); err != nil || where != DefaultSchema {
		t.Errorf("cases table in %q (%v), want %q", where, err, DefaultSchema)
	}
}

// The DSN's search_path places the tables when Config names no schema.
func TestSchemaFromDSN(t *testing.T) {
	dsn := testDSN(t)
	schema := freshSchema(t, dsn)
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	s, err := Open(ctx, Config{DSN: dsn + sep + "search_path=" + schema})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.schema != schema {
		t.Errorf("schema = %q, want %q from the DSN", s.schema, schema)
	}
	if _, err := Open(ctx, Config{DSN: dsn + sep + "search_path=a,b"}); !errors.Is(err, ErrConfig) {
		t.Errorf("two schemas in search_path: %v, want ErrConfig", err)
	}
}
