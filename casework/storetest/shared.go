package storetest

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/legal"
)

// testSharedTx: shared records round-trip, are replaced by key, list by key
// in byte order, and one agency's list is exactly its records (an agency
// code that is a prefix of another's does not take the other's records).
func testSharedTx(t *testing.T, s casework.Store) {
	rec := func(agency, id string, fine float64) casework.SharedRecord {
		return casework.SharedRecord{Key: agency + "/" + id, SourceAgency: agency, CaseID: id, Title: "超限运输", Stage: casework.StageClosed,
			PartyKind: "organisation", PartyName: "甲公司", PartyID: "91000000MA0000001X",
			Decision: casework.Proposal{Disposition: legal.DispositionPenalty, Fine: fine}, Decided: t0, Digest: "d"}
	}
	update(t, s, func(tx casework.Tx) error {
		for _, r := range []casework.SharedRecord{rec("jt", "jt-2025-000002", 1), rec("jt-b", "jt-b-2025-000001", 2), rec("jt", "jt-2025-000001", 3)} {
			if err := tx.PutSharedRecord(r); err != nil {
				return err
			}
		}
		return tx.PutSharedRecord(rec("jt", "jt-2025-000002", 4)) // replaces
	})
	view(t, s, func(tx casework.ReadTx) error {
		all, err := tx.SharedRecords("")
		if err != nil {
			return err
		}
		var keys []string
		for _, r := range all {
			keys = append(keys, r.Key)
		}
		if want := []string{"jt-b/jt-b-2025-000001", "jt/jt-2025-000001", "jt/jt-2025-000002"}; !slices.Equal(keys, want) {
			t.Errorf("SharedRecords(\"\") keys = %v, want %v", keys, want)
		}
		jt, err := tx.SharedRecords("jt")
		if err != nil {
			return err
		}
		if len(jt) != 2 || jt[1].Decision.Fine != 4 {
			t.Errorf("SharedRecords(jt) = %+v, want 2 with the replaced fine 4", jt)
		}
		got, err := tx.SharedRecord("jt/jt-2025-000001")
		if err != nil || got.Decision.Fine != 3 || !got.Decided.Equal(t0) || got.PartyID != "91000000MA0000001X" {
			t.Errorf("SharedRecord = %+v, %v", got, err)
		}
		if _, err := tx.SharedRecord("jt/none"); !errors.Is(err, casework.ErrNotFound) {
			t.Errorf("SharedRecord(unknown) = %v, want ErrNotFound", err)
		}
		return nil
	})
	if err := s.Update(t.Context(), func(tx casework.Tx) error { return tx.PutSharedRecord(casework.SharedRecord{}) }); !errors.Is(err, casework.ErrInvalid) {
		t.Errorf("PutSharedRecord without a key = %v, want ErrInvalid", err)
	}
}

// testServiceShared: an agency's decisions leave it without a natural
// person's data, only its leaders and admins export them, and another
// agency's import lands them read-only and idempotently, all or nothing.
func testServiceShared(t *testing.T, w *world) {
	created := time.Date(2025, 5, 6, 9, 0, 0, 0, time.UTC)
	decided := created.AddDate(0, 1, 0)
	prop := func(fine float64) *casework.Proposal {
		return &casework.Proposal{Disposition: "从轻", Basis: "b1", Fine: fine, SuggestedMin: 1000, SuggestedMax: 8000,
			Reasons: []string{"王小明首次违法"}}
	}
	_, err := w.svc.Import(w.ctx, w.admin, casework.Import{Note: "测试",
		Agencies: []casework.Agency{{Code: "scjg", Name: "某市市场监督管理局"}, {Code: "sthj", Name: "某市生态环境局"}},
		Cases: []casework.Case{
			{Agency: "scjg", Title: "甲公司 销售过期食品", Stage: casework.StageClosed, Officers: []string{"zhang.san"},
				Party: casework.Party{Kind: "organisation", Name: "甲公司", IDNumber: "91000000MA0000001X"}, Facts: "甲公司销售过期食品。",
				Proposal: prop(5000), Opened: created, Decided: decided, Created: created},
			{Agency: "scjg", Title: "王小明 无证经营", Stage: casework.StageServed, Officers: []string{"zhang.san"},
				Party: casework.Party{Kind: "person", Name: "王小明", IDNumber: "110101199003071234", Phone: "13800138000"},
				Facts: "王小明（电话13800138000）无证经营。", Proposal: prop(2000), Opened: created, Decided: decided.AddDate(0, 0, 1), Created: created},
			{Agency: "scjg", Title: "丙公司 调查中", Stage: casework.StageInvestigating, Officers: []string{"zhang.san"}, Opened: created, Created: created},
			{Agency: "scjg", Title: "丁公司 上一年", Stage: casework.StageClosed, Officers: []string{"zhang.san"},
				Party: casework.Party{Kind: "organisation", Name: "丁公司"}, Proposal: prop(3000), Opened: created.AddDate(-1, 0, 0),
				Decided: decided.AddDate(-1, 0, 0), Created: created.AddDate(-1, 0, 0)},
		}})
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	from, to := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, u := range []casework.User{w.officer, w.reviewer, w.trainer, w.other} {
		if _, err := w.svc.ExportShared(w.ctx, u, "scjg", from, to); !errors.Is(err, casework.ErrForbidden) {
			t.Errorf("ExportShared by %s = %v, want ErrForbidden", u.ID, err)
		}
	}
	if _, err := w.svc.ExportShared(w.ctx, w.leader, "scjg", to, from); !errors.Is(err, casework.ErrInvalid) {
		t.Errorf("ExportShared with from after to = %v, want ErrInvalid", err)
	}
	before := len(entries(t, w.store))
	recs, err := w.svc.ExportShared(w.ctx, w.leader, "scjg", from, to)
	if err != nil {
		t.Fatalf("ExportShared: %v", err)
	}
	if len(recs) != 2 {
		t.Fatalf("ExportShared = %d records, want the 2 decisions of 2025: %+v", len(recs), recs)
	}
	log := entries(t, w.store)
	if len(log) != before+1 || log[len(log)-1].Action != "exchange.export" || log[len(log)-1].Actor != w.leader.ID {
		t.Errorf("export log entry = %+v", log[len(log)-1])
	}
	org, person := recs[0], recs[1]
	if org.PartyKind != "organisation" || org.PartyName != "甲公司" || org.PartyID != "91000000MA0000001X" || org.Decision.Fine != 5000 ||
		org.Decision.Disposition != legal.DispositionLighter || org.SourceAgencyName != "某市市场监督管理局" || org.Key != "scjg/"+org.CaseID {
		t.Errorf("organisation record = %+v", org)
	}
	if person.PartyKind != "person" || person.PartyName != "" || person.PartyID != "" {
		t.Errorf("person record keeps the party: %+v", person)
	}
	for _, text := range append([]string{person.Title, person.Facts}, person.Decision.Reasons...) {
		if strings.Contains(text, "王小明") || strings.Contains(text, "110101199003071234") {
			t.Errorf("person record text keeps personal data: %q", text)
		}
	}
	for _, r := range recs {
		if r.Digest != r.ContentDigest() || r.Validate() != nil {
			t.Errorf("exported record %s: digest %s, content %s, valid %v", r.Key, r.Digest, r.ContentDigest(), r.Validate())
		}
	}

	// The importing side: another agency's leader.
	if _, err := w.svc.ImportShared(w.ctx, w.officer, recs, "来自市场监管局"); !errors.Is(err, casework.ErrForbidden) {
		t.Errorf("ImportShared by an officer = %v, want ErrForbidden", err)
	}
	if _, err := w.svc.ImportShared(w.ctx, w.leader, recs, "自己的"); !errors.Is(err, casework.ErrInvalid) {
		t.Errorf("ImportShared of the importer's own records = %v, want ErrInvalid", err)
	}
	bad := slices.Clone(recs)
	bad[1].Decision.Fine = 1 // content no longer matches its digest
	before = len(entries(t, w.store))
	if _, err := w.svc.ImportShared(w.ctx, w.other, bad, "来自市场监管局"); !errors.Is(err, casework.ErrInvalid) || !strings.Contains(err.Error(), "record 2") {
		t.Errorf("ImportShared with a tampered record = %v, want ErrInvalid naming record 2", err)
	}
	if n := sharedCount(t, w); n != 0 || len(entries(t, w.store)) != before {
		t.Errorf("a rejected import stored %d records or logged", n)
	}
	sum, err := w.svc.ImportShared(w.ctx, w.other, recs, "来自市场监管局")
	if err != nil || sum != (casework.ImportSummary{Added: 2}) {
		t.Fatalf("ImportShared = %+v, %v; want 2 added", sum, err)
	}
	log = entries(t, w.store)
	if len(log) != before+1 || log[len(log)-1].Action != casework.ActionSharedImport || log[len(log)-1].Agency != "sthj" {
		t.Errorf("import log entry = %+v", log[len(log)-1])
	}
	again, err := w.svc.ImportShared(w.ctx, w.other, recs, "来自市场监管局")
	if err != nil || again != (casework.ImportSummary{Unchanged: 2}) || len(entries(t, w.store)) != len(log) {
		t.Errorf("importing again = %+v, %v, log %d → %d; want 2 unchanged and no entry", again, err, len(log), len(entries(t, w.store)))
	}
	newer := slices.Clone(recs)
	newer[0].Stage = casework.StageClosed
	newer[0].Decision.Fine = 6000
	newer[0].Digest = newer[0].ContentDigest()
	if sum, err := w.svc.ImportShared(w.ctx, w.other, newer, "来自市场监管局"); err != nil || sum != (casework.ImportSummary{Replaced: 1, Unchanged: 1}) {
		t.Errorf("importing a newer export = %+v, %v; want 1 replaced, 1 unchanged", sum, err)
	}
	got, err := w.svc.SharedRecords(w.ctx, w.reviewer, "scjg")
	if err != nil || len(got) != 2 || got[0].Decision.Fine != 6000 || got[0].ImportedBy != w.other.ID || got[0].ImportedAgency != "sthj" {
		t.Errorf("SharedRecords = %+v, %v", got, err)
	}
	if _, err := w.svc.SharedRecords(w.ctx, w.trainer, ""); !errors.Is(err, casework.ErrForbidden) {
		t.Errorf("SharedRecords by a trainer = %v, want ErrForbidden", err)
	}
	if peers, err := w.svc.SharedByBasis(w.ctx, w.other, "b1", 10); err != nil || len(peers) != 2 {
		t.Errorf("SharedByBasis(b1) = %d, %v; want the 2 imported decisions", len(peers), err)
	}
	if peers, err := w.svc.SharedByBasis(w.ctx, w.officer, "b1", 10); err != nil || len(peers) != 0 {
		t.Errorf("SharedByBasis for the source agency's own officer = %d, %v; want none (its cases are here)", len(peers), err)
	}
	if _, err := w.svc.SharedByBasis(w.ctx, w.trainer, "b1", 10); !errors.Is(err, casework.ErrForbidden) {
		t.Errorf("SharedByBasis by a trainer = %v, want ErrForbidden", err)
	}
	// Shared records are not cases: nothing was added to the workbench.
	var cases []casework.Case
	view(t, w.store, func(tx casework.ReadTx) (err error) {
		cases, err = tx.Cases(casework.CaseFilter{Agency: "sthj"})
		return err
	})
	if len(cases) != 0 {
		t.Errorf("import created %d cases of the importing agency", len(cases))
	}
}

func sharedCount(t *testing.T, w *world) int {
	t.Helper()
	var n int
	view(t, w.store, func(tx casework.ReadTx) error {
		all, err := tx.SharedRecords("")
		n = len(all)
		return err
	})
	return n
}
