package storetest

import (
	"errors"
	"slices"
	"testing"

	"github.com/cailiang/cailiang/casework"
)

// testActTx: acts are stored once (ErrExists for an ID taken) and listed
// by day then ID, filtered by agency, category and days.
func testActTx(t *testing.T, s casework.Store) {
	ctx := t.Context()
	acts := []casework.Act{
		{ID: "a3", Agency: "scjg", Category: "licensing", Date: "2026-03-02", Subject: "甲", Outcome: "granted"},
		{ID: "a1", Agency: "scjg", Category: "inspection", Date: "2026-03-01", Subject: "乙", Outcome: "findings"},
		{ID: "a2", Agency: "scjg", Category: "licensing", Date: "2026-03-01", Subject: "丙", Outcome: "refused"},
		{ID: "b1", Agency: "sthj", Category: "coercion", Date: "2026-02-28", Subject: "丁", Outcome: "seal"},
	}
	err := s.Update(ctx, func(tx casework.Tx) error {
		for _, a := range acts {
			if err := tx.CreateAct(a); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Update(ctx, func(tx casework.Tx) error { return tx.CreateAct(acts[0]) }); !errors.Is(err, casework.ErrExists) {
		t.Errorf("an act ID twice: %v, want ErrExists", err)
	}
	err = s.View(ctx, func(tx casework.ReadTx) error {
		if a, err := tx.Act("a2"); err != nil || a.Subject != "丙" {
			t.Errorf("Act(a2) = %+v, %v", a, err)
		}
		if _, err := tx.Act("zz"); !errors.Is(err, casework.ErrNotFound) {
			t.Errorf("Act(zz): %v, want ErrNotFound", err)
		}
		for _, c := range []struct {
			f    casework.ActFilter
			want []string
		}{
			{casework.ActFilter{}, []string{"b1", "a1", "a2", "a3"}},
			{casework.ActFilter{Agency: "scjg"}, []string{"a1", "a2", "a3"}},
			{casework.ActFilter{Agency: "scjg", Category: "licensing"}, []string{"a2", "a3"}},
			{casework.ActFilter{From: "2026-03-01", To: "2026-03-02"}, []string{"a1", "a2"}},
			{casework.ActFilter{Agency: "nowhere"}, nil},
		} {
			list, err := tx.Acts(c.f)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, a := range list {
				ids = append(ids, a.ID)
			}
			if !slices.Equal(ids, c.want) {
				t.Errorf("Acts(%+v) = %v, want %v", c.f, ids, c.want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// testServiceActs: officers record their agency's acts (one log entry
// each), a batch with one bad act records none and names it, other
// agencies, trainers and unknown categories or outcomes are refused, an
// agency's configured category is accepted for it only, and the listing
// is the agency's own (admins: all).
func testServiceActs(t *testing.T, w *world) {
	before := len(entries(t, w.store))
	got, err := w.svc.RecordActs(w.ctx, w.officer, []casework.Act{
		{Category: "licensing", Date: "2026-03-01", Subject: "某某食品有限公司", Outcome: "granted", Basis: "行政许可法第三十八条"},
		{Category: "inspection", Date: "2026-03-02", Subject: "某某超市", Outcome: "no_findings", Unit: "一所"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Agency != "scjg" || got[0].ID == "" || got[0].RecordedBy != w.officer.ID {
		t.Errorf("recorded %+v", got)
	}
	if n := len(entries(t, w.store)) - before; n != 2 {
		t.Errorf("%d log entries for two acts, want 2", n)
	}
	act := func(agency, category, date, subject, outcome string) casework.Act {
		return casework.Act{Agency: agency, Category: category, Date: date, Subject: subject, Outcome: outcome}
	}
	bad := act("", "levy", "2026-02-03", "乙", "collected")
	bad.Note = string([]byte{0xff})
	for _, c := range []struct {
		name  string
		actor casework.User
		acts  []casework.Act
		want  error
		field string
	}{
		{"another agency", w.officer, []casework.Act{act("sthj", "licensing", "2026-03-01", "甲", "granted")}, casework.ErrForbidden, ""},
		{"a trainer", w.trainer, []casework.Act{act("scjg", "licensing", "2026-03-01", "甲", "granted")}, casework.ErrForbidden, ""},
		{"a reviewer", w.reviewer, []casework.Act{act("", "licensing", "2026-03-01", "甲", "granted")}, casework.ErrForbidden, ""},
		{"unknown category", w.officer, []casework.Act{act("", "reward", "2026-03-01", "甲", "x")}, casework.ErrInvalid, "category"},
		{"outcome of another category", w.officer, []casework.Act{act("", "licensing", "2026-03-01", "甲", "seal")}, casework.ErrInvalid, "outcome"},
		{"bad day", w.officer, []casework.Act{act("", "levy", "2026-02-30", "甲", "collected")}, casework.ErrInvalid, "date"},
		{"no subject", w.officer, []casework.Act{act("", "levy", "2026-02-03", " ", "collected")}, casework.ErrInvalid, "subject"},
		{"one bad of two", w.officer, []casework.Act{act("", "levy", "2026-02-03", "甲", "collected"), bad}, casework.ErrInvalid, "note"},
		{"none", w.officer, nil, casework.ErrInvalid, ""},
	} {
		n := len(entries(t, w.store))
		_, err := w.svc.RecordActs(w.ctx, c.actor, c.acts)
		var ae *casework.ActError
		if !errors.Is(err, c.want) || (c.field != "" && (!errors.As(err, &ae) || ae.Field != c.field)) {
			t.Errorf("%s: %v, want %v on %q", c.name, err, c.want, c.field)
		}
		if len(entries(t, w.store)) != n {
			t.Errorf("%s: the refused batch wrote entries", c.name)
		}
	}
	// A category configured for one agency.
	svc, err := casework.New(casework.Config{Store: w.store, Now: w.clock.Now, ActCategories: casework.ActCategories{
		Agencies: map[string][]casework.ActCategory{"scjg": {{Code: "confirmation", Label: "行政确认"}}}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.RecordActs(w.ctx, w.officer, []casework.Act{act("", "confirmation", "2026-03-03", "甲", "确认")}); err != nil {
		t.Errorf("configured category: %v", err)
	}
	if _, err := svc.RecordActs(w.ctx, w.other, []casework.Act{act("", "confirmation", "2026-03-03", "甲", "确认")}); !errors.Is(err, casework.ErrInvalid) {
		t.Errorf("another agency's configured category: %v, want ErrInvalid", err)
	}
	if _, err := w.svc.RecordActs(w.ctx, w.other, []casework.Act{act("", "coercion", "2026-03-03", "丁", "seize")}); err != nil {
		t.Fatal(err)
	}
	dup := casework.ActCategories{City: []casework.ActCategory{{Code: "licensing", Label: "重复"}}}
	if _, err := casework.New(casework.Config{Store: w.store, ActCategories: dup}); !errors.Is(err, casework.ErrInvalid) {
		t.Errorf("a configured category named like a built-in one: %v, want ErrInvalid", err)
	}
	mine, err := w.svc.Acts(w.ctx, w.reviewer, casework.ActFilter{})
	if err != nil || len(mine) != 3 {
		t.Errorf("the reviewer lists %d acts of scjg (%v), want 3", len(mine), err)
	}
	if _, err := w.svc.Acts(w.ctx, w.officer, casework.ActFilter{Agency: "sthj"}); !errors.Is(err, casework.ErrForbidden) {
		t.Errorf("an officer listing another agency's acts: %v", err)
	}
	if _, err := w.svc.Acts(w.ctx, w.trainer, casework.ActFilter{}); !errors.Is(err, casework.ErrForbidden) {
		t.Errorf("a trainer listing acts: %v", err)
	}
	all, err := w.svc.Acts(w.ctx, w.admin, casework.ActFilter{From: "2026-03-02"})
	if err != nil || len(all) != 3 {
		t.Errorf("the admin lists %d acts from 03-02 (%v), want 3", len(all), err)
	}
}
