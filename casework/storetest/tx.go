package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
)

var t0 = time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)

func update(t *testing.T, s casework.Store, fn func(casework.Tx) error) {
	t.Helper()
	if err := s.Update(context.Background(), fn); err != nil {
		t.Fatalf("Update: %v", err)
	}
}

func view(t *testing.T, s casework.Store, fn func(casework.ReadTx) error) {
	t.Helper()
	if err := s.View(context.Background(), fn); err != nil {
		t.Fatalf("View: %v", err)
	}
}

// testDirectory: agencies, users, credentials and tokens round-trip, list
// in ID order, and unknown IDs are ErrNotFound.
func testDirectory(t *testing.T, s casework.Store) {
	users := []casework.User{
		{ID: "b.officer", Name: "乙", Agency: "scjg", Roles: []casework.Role{casework.RoleOfficer}, Created: t0},
		{ID: "a.leader", Name: "甲", Agency: "scjg", Roles: []casework.Role{casework.RoleLeader, casework.RoleReviewer}, Created: t0},
		{ID: "c.other", Name: "丙", Agency: "sthj", Roles: []casework.Role{casework.RoleOfficer}, Disabled: true, Created: t0},
	}
	tok := casework.Token{Hash: casework.TokenHash("clt_x"), UserID: "a.leader", Kind: "api", Created: t0, Expires: t0.Add(time.Hour)}
	update(t, s, func(tx casework.Tx) error {
		for _, a := range []casework.Agency{{Code: "sthj", Name: "某市生态环境局"}, {Code: "scjg", Name: "某市市场监督管理局", DocPrefix: "某市监处罚"}} {
			if err := tx.PutAgency(a); err != nil {
				return err
			}
		}
		for _, u := range users {
			if err := tx.PutUser(u); err != nil {
				return err
			}
		}
		if err := tx.PutCredential(casework.Credential{UserID: "a.leader", Hash: "$argon2id$x", Changed: t0}); err != nil {
			return err
		}
		return tx.PutToken(tok)
	})
	view(t, s, func(tx casework.ReadTx) error {
		ags, err := tx.Agencies()
		if err != nil || len(ags) != 2 || ags[0].Code != "scjg" || ags[0].DocPrefix != "某市监处罚" || ags[1].Code != "sthj" {
			t.Errorf("Agencies = %+v, %v", ags, err)
		}
		if a, err := tx.Agency("sthj"); err != nil || a.Name != "某市生态环境局" {
			t.Errorf("Agency(sthj) = %+v, %v", a, err)
		}
		all, err := tx.Users("")
		if err != nil || len(all) != 3 || all[0].ID != "a.leader" || all[2].ID != "c.other" {
			t.Errorf("Users(\"\") = %+v, %v; want 3 by ID", all, err)
		}
		scjg, err := tx.Users("scjg")
		if err != nil || len(scjg) != 2 {
			t.Errorf("Users(scjg) = %+v, %v", scjg, err)
		}
		if u, err := tx.User("a.leader"); err != nil || !reflect.DeepEqual(u, users[1]) {
			t.Errorf("User(a.leader) = %+v, %v; want %+v", u, err, users[1])
		}
		if u, err := tx.User("c.other"); err != nil || !u.Disabled {
			t.Errorf("User(c.other) = %+v, %v", u, err)
		}
		if c, err := tx.Credential("a.leader"); err != nil || c.Hash != "$argon2id$x" {
			t.Errorf("Credential = %+v, %v", c, err)
		}
		if got, err := tx.Token(tok.Hash); err != nil || !got.Expires.Equal(tok.Expires) || got.UserID != "a.leader" {
			t.Errorf("Token = %+v, %v", got, err)
		}
		for what, err := range map[string]error{
			"Agency":     second(tx.Agency("nope")),
			"User":       second(tx.User("nope")),
			"Credential": second(tx.Credential("b.officer")),
			"Token":      second(tx.Token("00")),
			"Case":       second(tx.Case("scjg-2026-000001")),
		} {
			wantErr(t, what+" of an unknown ID", err, casework.ErrNotFound)
		}
		return nil
	})
	// Put replaces.
	update(t, s, func(tx casework.Tx) error {
		tok.Revoked = true
		return tx.PutToken(tok)
	})
	view(t, s, func(tx casework.ReadTx) error {
		if got, err := tx.Token(tok.Hash); err != nil || !got.Revoked {
			t.Errorf("Token after revoke = %+v, %v", got, err)
		}
		return nil
	})
}

func second[T any](_ T, err error) error { return err }

func sampleCase(id, agency string, stage casework.Stage, updated time.Time) casework.Case {
	return casework.Case{ID: id, Agency: agency, Title: "案件 " + id, Stage: stage, Version: 1, Facts: "事实",
		Officers: []string{"zhang.san"}, CreatedBy: "zhang.san", Created: updated, Updated: updated}
}

// testCases: create, duplicate, versioned update.
func testCases(t *testing.T, s casework.Store) {
	c := sampleCase("scjg-2026-000001", "scjg", casework.StageFiling, t0)
	update(t, s, func(tx casework.Tx) error { return tx.CreateCase(c) })
	err := s.Update(context.Background(), func(tx casework.Tx) error { return tx.CreateCase(c) })
	wantErr(t, "CreateCase of a taken ID", err, casework.ErrExists)

	next := c
	next.Version, next.Stage, next.Updated = 2, casework.StageInvestigating, t0.Add(time.Hour)
	update(t, s, func(tx casework.Tx) error { return tx.UpdateCase(next, 1) })
	stale := c
	stale.Version, stale.Title = 2, "stale"
	err = s.Update(context.Background(), func(tx casework.Tx) error { return tx.UpdateCase(stale, 1) })
	wantErr(t, "UpdateCase at an old version", err, casework.ErrConflict)
	ghost := sampleCase("scjg-2026-000009", "scjg", casework.StageFiling, t0)
	err = s.Update(context.Background(), func(tx casework.Tx) error { return tx.UpdateCase(ghost, 1) })
	wantErr(t, "UpdateCase of an unknown case", err, casework.ErrNotFound)

	view(t, s, func(tx casework.ReadTx) error {
		got, err := tx.Case(c.ID)
		if err != nil || got.Version != 2 || got.Stage != casework.StageInvestigating || got.Title != c.Title {
			t.Errorf("Case after update = %+v, %v", got, err)
		}
		list, err := tx.Cases(casework.CaseFilter{})
		if err != nil || len(list) != 1 || list[0].Version != 2 {
			t.Errorf("Cases = %+v, %v; want the one case at version 2", list, err)
		}
		return nil
	})
}

// testCaseFilter compares Cases with the filter applied by hand over the
// same cases, for each field and for paging.
func testCaseFilter(t *testing.T, s casework.Store) {
	const n = 150
	var all []casework.Case
	agencies := []string{"scjg", "sthj", "zjj"}
	stages := casework.Stages()
	for i := range n {
		c := sampleCase(fmt.Sprintf("%s-2026-%06d", agencies[i%3], i+1), agencies[i%3], stages[i%len(stages)], t0.Add(time.Duration(i*7%n)*time.Minute))
		if i%4 == 0 {
			c.Officers = []string{"li.si", "zhang.san"}
		} else if i%4 == 1 {
			c.Officers = []string{"li.si"}
		}
		c.SharedForTraining = i%5 == 0
		if !c.Stage.Decided() && c.Stage != casework.StageFiling {
			c.Due = t0.AddDate(0, 0, i%20)
		}
		all = append(all, c)
	}
	update(t, s, func(tx casework.Tx) error {
		for _, c := range all {
			if err := tx.CreateCase(c); err != nil {
				return err
			}
		}
		return nil
	})
	// Move some cases: their position in the order must follow.
	update(t, s, func(tx casework.Tx) error {
		for i := 0; i < n; i += 10 {
			c := all[i]
			c.Version, c.Updated, c.Stage = 2, t0.Add(-time.Duration(i)*time.Hour), casework.StageReview
			if err := tx.UpdateCase(c, 1); err != nil {
				return err
			}
			all[i] = c
		}
		return nil
	})
	slices.SortFunc(all, func(a, b casework.Case) int { return b.Updated.Compare(a.Updated) })
	match := func(f casework.CaseFilter, c casework.Case) bool {
		return (f.Agency == "" || c.Agency == f.Agency) &&
			(len(f.Stages) == 0 || slices.Contains(f.Stages, c.Stage)) &&
			(f.Officer == "" || slices.Contains(c.Officers, f.Officer)) &&
			(!f.SharedOnly || c.SharedForTraining && c.Stage.Ended()) &&
			(f.DueBefore.IsZero() || !c.Due.IsZero() && !c.Stage.Decided() && c.Due.Before(f.DueBefore))
	}
	filters := []casework.CaseFilter{
		{},
		{Limit: 1000},
		{Agency: "sthj", Limit: 1000},
		{Agency: "scjg", Stages: []casework.Stage{casework.StageReview, casework.StageApproval}},
		{Officer: "li.si", Limit: 1000},
		{Agency: "zjj", Officer: "zhang.san"},
		{SharedOnly: true},
		{DueBefore: t0.AddDate(0, 0, 7), Limit: 1000},
		{Agency: "scjg", Limit: 7, Offset: 14},
		{Limit: 10, Offset: 145},
		{Agency: "none"},
	}
	for _, f := range filters {
		var want []string
		for _, c := range all {
			if match(f, c) {
				want = append(want, c.ID)
			}
		}
		limit := f.Limit
		if limit == 0 {
			limit = 100
		}
		want = want[min(f.Offset, len(want)):]
		want = want[:min(limit, len(want))]
		view(t, s, func(tx casework.ReadTx) error {
			got, err := tx.Cases(f)
			if err != nil {
				t.Errorf("Cases(%+v): %v", f, err)
				return nil
			}
			ids := []string{}
			for _, c := range got {
				ids = append(ids, c.ID)
			}
			if want == nil {
				want = []string{}
			}
			if !slices.Equal(ids, want) {
				t.Errorf("Cases(%+v) = %d cases %v\nwant %d %v", f, len(ids), ids, len(want), want)
			}
			return nil
		})
	}
}

// testCaseNumbers: numbers count from 1 per agency and year, and no two
// committed cases ever get the same one, rollbacks included.
func testCaseNumbers(t *testing.T, s casework.Store) {
	ctx := context.Background()
	next := func(agency string, year int, fail bool) (int, error) {
		var n int
		err := s.Update(ctx, func(tx casework.Tx) error {
			var err error
			if n, err = tx.NextCaseNumber(agency, year); err != nil {
				return err
			}
			if fail {
				return errRollback
			}
			return tx.CreateCase(sampleCase(fmt.Sprintf("%s-%d-%06d", agency, year, n), agency, casework.StageFiling, t0))
		})
		return n, err
	}
	if n, err := next("scjg", 2026, false); err != nil || n != 1 {
		t.Fatalf("first number = %d, %v; want 1", n, err)
	}
	if n, err := next("sthj", 2026, false); err != nil || n != 1 {
		t.Errorf("another agency's first number = %d, %v; want 1", n, err)
	}
	if n, err := next("scjg", 2027, false); err != nil || n != 1 {
		t.Errorf("next year's first number = %d, %v; want 1", n, err)
	}
	checkNeverReused(t, func(fail bool) (int, error) { return next("scjg", 2026, fail) }, func() (int, error) { return next("zjj", 2026, false) })
}

var errRollback = errors.New("storetest: roll back")

// testEvidence: records list in attach order; a digest twice on one case is
// ErrExists, on another case fine.
func testEvidence(t *testing.T, s casework.Store) {
	a, b := sampleCase("scjg-2026-000001", "scjg", casework.StageInvestigating, t0), sampleCase("scjg-2026-000002", "scjg", casework.StageInvestigating, t0)
	update(t, s, func(tx casework.Tx) error {
		if err := tx.CreateCase(a); err != nil {
			return err
		}
		return tx.CreateCase(b)
	})
	digests := []string{"ff" + fmt.Sprintf("%062d", 1), "00" + fmt.Sprintf("%062d", 2), "aa" + fmt.Sprintf("%062d", 3)}
	for i, d := range digests {
		update(t, s, func(tx casework.Tx) error {
			return tx.AddEvidence(casework.Evidence{CaseID: a.ID, Digest: d, Size: int64(i + 1), MediaType: "image/png", Name: fmt.Sprintf("%d.png", i),
				Stage: casework.StageInvestigating, AddedBy: "zhang.san", Added: t0})
		})
	}
	err := s.Update(context.Background(), func(tx casework.Tx) error {
		return tx.AddEvidence(casework.Evidence{CaseID: a.ID, Digest: digests[1], Size: 2, MediaType: "image/png", AddedBy: "zhang.san", Added: t0})
	})
	wantErr(t, "the same file twice on one case", err, casework.ErrExists)
	update(t, s, func(tx casework.Tx) error {
		return tx.AddEvidence(casework.Evidence{CaseID: b.ID, Digest: digests[1], Size: 2, MediaType: "image/png", AddedBy: "zhang.san", Added: t0})
	})
	view(t, s, func(tx casework.ReadTx) error {
		got, err := tx.Evidence(a.ID)
		if err != nil || len(got) != 3 {
			t.Fatalf("Evidence(a) = %+v, %v", got, err)
		}
		for i, e := range got {
			if e.Digest != digests[i] || e.Size != int64(i+1) {
				t.Errorf("evidence %d = %s (%d bytes), want %s in attach order", i, e.Digest, e.Size, digests[i])
			}
		}
		if got, err := tx.Evidence(b.ID); err != nil || len(got) != 1 {
			t.Errorf("Evidence(b) = %+v, %v", got, err)
		}
		if got, err := tx.Evidence("scjg-2026-000404"); err != nil || len(got) != 0 {
			t.Errorf("Evidence(unknown) = %+v, %v; want none", got, err)
		}
		return nil
	})
}

// testLog: Append links entries, LastEntry, Entries from a Seq,
// CaseEntries and Checkpoints.
func testLog(t *testing.T, s casework.Store) {
	view(t, s, func(tx casework.ReadTx) error {
		if _, ok, err := tx.LastEntry(); ok || err != nil {
			t.Errorf("LastEntry of an empty log: ok=%v, %v", ok, err)
		}
		cps, err := tx.Checkpoints()
		if err != nil || len(cps) != 0 {
			t.Errorf("Checkpoints of an empty store = %v, %v", cps, err)
		}
		return nil
	})
	var stored []casework.Entry
	for i := range 12 {
		update(t, s, func(tx casework.Tx) error {
			e := casework.Entry{At: t0.Add(time.Duration(i) * time.Second), Actor: "zhang.san", Role: casework.RoleOfficer, Action: "case.update",
				CaseID: fmt.Sprintf("scjg-2026-%06d", i%3+1), Note: fmt.Sprintf("第 %d 次修改", i)}
			got, err := tx.Append(e)
			stored = append(stored, got)
			return err
		})
	}
	var v casework.ChainVerifier
	for i, e := range stored {
		if e.Seq != uint64(i+1) {
			t.Errorf("entry %d has Seq %d", i+1, e.Seq)
		}
		if err := v.Next(e); err != nil {
			t.Errorf("appended entries do not chain: %v", err)
		}
	}
	got := entries(t, s)
	if !reflect.DeepEqual(got, stored) {
		t.Errorf("Entries returned differ from those appended:\n%+v\n%+v", got, stored)
	}
	view(t, s, func(tx casework.ReadTx) error {
		last, ok, err := tx.LastEntry()
		if err != nil || !ok || last.Seq != 12 || last.Hash != stored[11].Hash {
			t.Errorf("LastEntry = %+v, %v, %v", last, ok, err)
		}
		var from []uint64
		if err := tx.Entries(10, func(e casework.Entry) error { from = append(from, e.Seq); return nil }); err != nil || !slices.Equal(from, []uint64{10, 11, 12}) {
			t.Errorf("Entries(10) = %v, %v", from, err)
		}
		stop := errors.New("stop")
		n := 0
		if err := tx.Entries(1, func(casework.Entry) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
			t.Errorf("Entries does not stop at fn's error: %d calls, %v", n, err)
		}
		ce, err := tx.CaseEntries("scjg-2026-000002")
		var seqs []uint64
		for _, e := range ce {
			seqs = append(seqs, e.Seq)
		}
		if err != nil || !slices.Equal(seqs, []uint64{2, 5, 8, 11}) {
			t.Errorf("CaseEntries = %v, %v; want 2 5 8 11", seqs, err)
		}
		return nil
	})
	update(t, s, func(tx casework.Tx) error {
		for _, size := range []uint64{4, 9} {
			if err := tx.AddCheckpoint(casework.Checkpoint{Size: size, Root: "ab", At: t0, KeyID: "k", Signature: "sig"}); err != nil {
				return err
			}
		}
		return nil
	})
	view(t, s, func(tx casework.ReadTx) error {
		cps, err := tx.Checkpoints()
		if err != nil || len(cps) != 2 || cps[0].Size != 4 || cps[1].Size != 9 || cps[1].Signature != "sig" {
			t.Errorf("Checkpoints = %+v, %v", cps, err)
		}
		return nil
	})
}

// testRollback: an error from fn leaves nothing, including no log entry.
func testRollback(t *testing.T, s casework.Store) {
	update(t, s, func(tx casework.Tx) error {
		_, err := tx.Append(casework.Entry{At: t0, Actor: "system", Action: "user.add", Subject: "admin"})
		return err
	})
	before := entries(t, s)
	err := s.Update(context.Background(), func(tx casework.Tx) error {
		if err := tx.PutAgency(casework.Agency{Code: "scjg", Name: "x"}); err != nil {
			return err
		}
		if err := tx.PutUser(casework.User{ID: "ghost", Agency: "scjg", Roles: []casework.Role{casework.RoleOfficer}, Created: t0}); err != nil {
			return err
		}
		if err := tx.CreateCase(sampleCase("scjg-2026-000001", "scjg", casework.StageFiling, t0)); err != nil {
			return err
		}
		if _, err := tx.Append(casework.Entry{At: t0, Actor: "ghost", Action: "case.create", CaseID: "scjg-2026-000001"}); err != nil {
			return err
		}
		if err := tx.AddCheckpoint(casework.Checkpoint{Size: 2, Root: "ab", At: t0, KeyID: "k", Signature: "s"}); err != nil {
			return err
		}
		return fmt.Errorf("validation failed late: %w", errRollback)
	})
	wantErr(t, "Update returning an error", err, errRollback)
	if after := entries(t, s); !reflect.DeepEqual(after, before) {
		t.Errorf("log after a rolled-back Update = %+v, want %+v", after, before)
	}
	view(t, s, func(tx casework.ReadTx) error {
		wantErr(t, "user of a rolled-back Update", second(tx.User("ghost")), casework.ErrNotFound)
		wantErr(t, "agency of a rolled-back Update", second(tx.Agency("scjg")), casework.ErrNotFound)
		wantErr(t, "case of a rolled-back Update", second(tx.Case("scjg-2026-000001")), casework.ErrNotFound)
		if list, err := tx.Cases(casework.CaseFilter{}); err != nil || len(list) != 0 {
			t.Errorf("Cases after rollback = %v, %v", list, err)
		}
		if ce, err := tx.CaseEntries("scjg-2026-000001"); err != nil || len(ce) != 0 {
			t.Errorf("CaseEntries after rollback = %v, %v", ce, err)
		}
		if cps, err := tx.Checkpoints(); err != nil || len(cps) != 0 {
			t.Errorf("Checkpoints after rollback = %v, %v", cps, err)
		}
		return nil
	})
	// A cancelled context changes nothing either.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = s.Update(ctx, func(tx casework.Tx) error {
		_, err := tx.Append(casework.Entry{At: t0, Actor: "system", Action: "user.add", Subject: "late"})
		return err
	})
	if err == nil {
		t.Errorf("Update with a cancelled context succeeded")
	}
	if after := entries(t, s); len(after) != len(before) {
		t.Errorf("log grew to %d entries under a cancelled context", len(after))
	}
}

// testConcurrentUpdates: N writers change one case at the same version;
// exactly one wins, the others get ErrConflict, and the log has one entry
// for the winner.
func testConcurrentUpdates(t *testing.T, s casework.Store) {
	w := newWorld(t, s)
	c := w.newCase(t, "并发修改测试案")
	logBefore := len(entries(t, s))
	const n = 8
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			title := fmt.Sprintf("并发修改 %d", i)
			_, errs[i] = w.svc.EditCase(w.ctx, w.officer, c.ID, c.Version, casework.CaseEdit{Title: &title})
		})
	}
	wg.Wait()
	wins := 0
	for _, err := range errs {
		switch {
		case err == nil:
			wins++
		case errors.Is(err, casework.ErrConflict):
		default:
			t.Errorf("concurrent edit: %v, want nil or ErrConflict", err)
		}
	}
	if wins != 1 {
		t.Errorf("%d of %d concurrent edits at one version succeeded, want exactly 1", wins, n)
	}
	got, err := w.svc.Case(w.ctx, w.officer, c.ID)
	if err != nil || got.Version != c.Version+1 {
		t.Errorf("case after the race: version %d, %v; want %d", got.Version, err, c.Version+1)
	}
	if after := len(entries(t, s)); after != logBefore+1 {
		t.Errorf("log grew by %d entries, want 1 (the winner's)", after-logBefore)
	}
	// And transitions: only one leader's 立案 counts.
	for i := range n {
		wg.Go(func() { _, errs[i] = w.svc.Transition(w.ctx, w.leader, c.ID, got.Version, casework.ActionRegister, "") })
	}
	wg.Wait()
	wins = 0
	for _, err := range errs {
		if err == nil {
			wins++
		} else if !errors.Is(err, casework.ErrConflict) {
			t.Errorf("concurrent transition: %v", err)
		}
	}
	if wins != 1 {
		t.Errorf("%d concurrent transitions succeeded, want 1", wins)
	}
	var v casework.ChainVerifier
	for _, e := range entries(t, s) {
		if err := v.Next(e); err != nil {
			t.Fatalf("log after concurrent writers: %v", err)
		}
	}
}
