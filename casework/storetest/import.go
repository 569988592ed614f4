package storetest

import (
	"crypto/ed25519"
	"strings"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/legal"
)

// testServiceImport: a batch of agencies, users and cases imported in one
// transaction, each with its log entry; bad batches store nothing.
func testServiceImport(t *testing.T, w *world) {
	created := time.Date(2025, 5, 6, 9, 0, 0, 0, time.UTC)
	decided := created.AddDate(0, 1, 0)
	good := casework.Import{
		Note:     "模拟数据",
		Agencies: []casework.Agency{{Code: "sfj", Name: "某市司法局", Supervising: true}, {Code: "jtys", Name: "某市交通运输局"}},
		Users:    []casework.User{{ID: "jt.officer", Name: "交通执法员", Agency: "jtys", Roles: []casework.Role{casework.RoleOfficer}}},
		Cases: []casework.Case{
			{Agency: "jtys", Title: "【模拟】甲公司 超限运输", Stage: casework.StageClosed, Officers: []string{"jt.officer"},
				Party:    casework.Party{Kind: "organisation", Name: "甲公司（模拟）", IDNumber: "91000000MA0000001X"},
				Proposal: &casework.Proposal{Disposition: legal.DispositionPenalty, Basis: "b1", Fine: 5000, SuggestedMin: 1000, SuggestedMax: 8000},
				Opened:   created, Due: created.AddDate(0, 0, 90), Decided: decided, Created: created},
			{Agency: "scjg", Title: "【模拟】乙 无证经营", Stage: casework.StageInvestigating, Officers: []string{"zhang.san"},
				Opened: created, Due: created.AddDate(0, 0, 90), Created: created},
		},
	}
	before := len(entries(t, w.store))
	got, err := w.svc.Import(w.ctx, w.admin, good)
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	if len(got) != 2 || got[0].ID != "jtys-2025-000001" || got[1].ID != "scjg-2025-000001" || got[0].CreatedBy != "jt.officer" {
		t.Fatalf("Import returned %+v", got)
	}
	log := entries(t, w.store)
	if n := len(log) - before; n != 5 {
		t.Errorf("Import appended %d entries, want 5 (2 agencies, 1 user, 2 cases)", n)
	}
	for _, c := range got {
		var stored casework.Case
		view(t, w.store, func(tx casework.ReadTx) (err error) { stored, err = tx.Case(c.ID); return err })
		if stored.Stage != c.Stage || !stored.Decided.Equal(c.Decided) || stored.Version != 1 {
			t.Errorf("stored %s = %+v", c.ID, stored)
		}
		var es []casework.Entry
		view(t, w.store, func(tx casework.ReadTx) (err error) { es, err = tx.CaseEntries(c.ID); return err })
		if len(es) != 1 || es[0].Action != "case.import" || !strings.HasPrefix(es[0].Note, "模拟数据") {
			t.Errorf("entries of %s = %+v", c.ID, es)
		}
	}
	var sfj casework.Agency
	view(t, w.store, func(tx casework.ReadTx) (err error) { sfj, err = tx.Agency("sfj"); return err })
	if !sfj.Supervising {
		t.Errorf("agency sfj lost its supervising flag: %+v", sfj)
	}
	if rep, err := casework.Verify(w.ctx, w.store, w.key.Public().(ed25519.PublicKey)); err != nil {
		t.Errorf("Verify after Import = %+v, %v", rep, err)
	}

	one := good.Cases[0]
	bad := []struct {
		name string
		im   casework.Import
		want error
	}{
		{"no note", casework.Import{Cases: []casework.Case{one}}, casework.ErrInvalid},
		{"unknown agency", casework.Import{Note: "x", Cases: []casework.Case{withAgency(one, "nowhere")}}, casework.ErrInvalid},
		{"officer of another agency", casework.Import{Note: "x", Cases: []casework.Case{withOfficer(one, "zhang.san")}}, casework.ErrInvalid},
		{"unknown stage", casework.Import{Note: "x", Cases: []casework.Case{withStage(one, "done")}}, casework.ErrInvalid},
		{"invalid UTF-8", casework.Import{Note: "x", Cases: []casework.Case{withTitle(one, "a\xffb")}}, casework.ErrInvalid},
		{"taken user", casework.Import{Note: "x", Users: []casework.User{{ID: "zhang.san", Agency: "scjg", Roles: []casework.Role{casework.RoleOfficer}}}}, casework.ErrExists},
		{"too many", casework.Import{Note: "x", Cases: make([]casework.Case, casework.MaxImport+1)}, casework.ErrInvalid},
		{"good then bad", casework.Import{Note: "x", Cases: []casework.Case{one, withOfficer(one, "nobody")}}, casework.ErrInvalid},
	}
	for _, b := range bad {
		_, err := w.svc.Import(w.ctx, w.admin, b.im)
		wantErr(t, "Import "+b.name, err, b.want)
	}
	_, err = w.svc.Import(w.ctx, w.leader, casework.Import{Note: "x", Cases: []casework.Case{one}})
	wantErr(t, "Import by a leader", err, casework.ErrForbidden)
	if n := len(entries(t, w.store)); n != len(log) {
		t.Errorf("refused imports appended %d entries", n-len(log))
	}
	var jt []casework.Case
	view(t, w.store, func(tx casework.ReadTx) (err error) {
		jt, err = tx.Cases(casework.CaseFilter{Agency: "jtys"})
		return err
	})
	if len(jt) != 1 {
		t.Errorf("refused imports stored cases: jtys has %d", len(jt))
	}
}

func withAgency(c casework.Case, a string) casework.Case   { c.Agency = a; return c }
func withOfficer(c casework.Case, id string) casework.Case { c.Officers = []string{id}; return c }
func withStage(c casework.Case, s casework.Stage) casework.Case {
	c.Stage = s
	return c
}
func withTitle(c casework.Case, s string) casework.Case { c.Title = s; return c }
