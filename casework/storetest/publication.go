package storetest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
)

// testPublications: PutPublication's create/version rules and the filter,
// on records written straight to the store.
func testPublications(t *testing.T, s casework.Store) {
	day := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }
	update(t, s, func(tx casework.Tx) error {
		for i, id := range []string{"scjg-2026-000001", "scjg-2026-000002", "sthj-2026-000001"} {
			c := sampleCase(id, id[:4], casework.StageDecided, day(10+i))
			if err := tx.CreateCase(c); err != nil {
				return err
			}
		}
		return nil
	})
	pub := func(id string, state casework.PublicationState, decided time.Time, facts string) casework.Publication {
		return casework.Publication{CaseID: id, Agency: id[:4], Version: 1, State: state, Decided: decided,
			Notice: casework.Notice{PartyName: "某某有限公司", Facts: facts, Penalty: "罚款 5000 元"}}
	}
	update(t, s, func(tx casework.Tx) error {
		for _, p := range []casework.Publication{
			pub("scjg-2026-000001", casework.PubPublished, day(10), "销售过期食品"),
			pub("scjg-2026-000002", casework.PubDue, day(11), "未按规定标注"),
			pub("sthj-2026-000001", casework.PubPublished, day(12), "超标排放废水"),
		} {
			if err := tx.PutPublication(p, 0); err != nil {
				return err
			}
		}
		return nil
	})
	ctx := context.Background()
	err := s.Update(ctx, func(tx casework.Tx) error {
		return tx.PutPublication(pub("scjg-2026-000001", casework.PubDue, day(10), "x"), 0)
	})
	wantErr(t, "second publication of a case", err, casework.ErrExists)
	err = s.Update(ctx, func(tx casework.Tx) error {
		return tx.PutPublication(pub("scjg-2026-999999", casework.PubDue, day(10), "x"), 0)
	})
	wantErr(t, "publication of an unknown case", err, casework.ErrNotFound)
	stale := pub("scjg-2026-000002", casework.PubPublished, day(11), "未按规定标注")
	stale.Version = 3
	err = s.Update(ctx, func(tx casework.Tx) error { return tx.PutPublication(stale, 2) })
	wantErr(t, "publication at a stale version", err, casework.ErrConflict)
	stale.Version = 2
	update(t, s, func(tx casework.Tx) error { return tx.PutPublication(stale, 1) })

	var got casework.Publication
	view(t, s, func(tx casework.ReadTx) (err error) { got, err = tx.Publication("scjg-2026-000002"); return err })
	if got.Version != 2 || got.State != casework.PubPublished || got.Facts != "未按规定标注" {
		t.Errorf("stored publication = %+v", got)
	}
	err = s.View(ctx, func(tx casework.ReadTx) error { _, err := tx.Publication("nope\x00"); return err })
	wantErr(t, "unknown publication", err, casework.ErrNotFound)

	ids := func(f casework.PublicationFilter) string {
		t.Helper()
		var list []casework.Publication
		view(t, s, func(tx casework.ReadTx) (err error) { list, err = tx.Publications(f); return err })
		var out []string
		for _, p := range list {
			out = append(out, p.CaseID)
		}
		return strings.Join(out, " ")
	}
	pubd := []casework.PublicationState{casework.PubPublished}
	for _, tc := range []struct {
		name string
		f    casework.PublicationFilter
		want string
	}{
		{"all, newest decision first", casework.PublicationFilter{}, "sthj-2026-000001 scjg-2026-000002 scjg-2026-000001"},
		{"agency", casework.PublicationFilter{Agency: "scjg"}, "scjg-2026-000002 scjg-2026-000001"},
		{"state", casework.PublicationFilter{States: []casework.PublicationState{casework.PubDue}}, ""},
		{"published", casework.PublicationFilter{States: pubd}, "sthj-2026-000001 scjg-2026-000002 scjg-2026-000001"},
		{"text", casework.PublicationFilter{Text: "废水"}, "sthj-2026-000001"},
		{"text any case", casework.PublicationFilter{Text: "某某有限公司"}, "sthj-2026-000001 scjg-2026-000002 scjg-2026-000001"},
		{"text absent", casework.PublicationFilter{Text: "无此内容"}, ""},
		{"dates", casework.PublicationFilter{From: day(11), To: day(11)}, "scjg-2026-000002"},
		{"page", casework.PublicationFilter{Limit: 1, Offset: 1}, "scjg-2026-000002"},
		{"page beyond", casework.PublicationFilter{Offset: 10}, ""},
		{"hostile agency", casework.PublicationFilter{Agency: "scjg'\x00"}, ""},
	} {
		if got := ids(tc.f); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// Personal data in the pieces of a case that a publication draws on; none
// of it may reach the public.
const (
	pubUSCC    = "91350100M000100Y43"
	pubID      = "340504198506151234"
	pubPhone   = "13812345678"
	pubWitness = "王小明"
)

// decidedCase drives a case with a party and facts full of personal data to
// the decision.
func (w *world) decidedCase(t *testing.T, p *casework.Proposal) casework.Case {
	t.Helper()
	return w.decidedCaseOf(t, casework.Party{Kind: "organisation", Name: "某某食品有限公司", IDNumber: pubUSCC, Representative: "李大伟",
		Phone: pubPhone}, p)
}

// decidedCaseOf is decidedCase with another party.
func (w *world) decidedCaseOf(t *testing.T, party casework.Party, p *casework.Proposal) casework.Case {
	t.Helper()
	c, err := w.svc.CreateCase(w.ctx, w.officer, casework.NewCase{Title: "某某食品有限公司销售过期食品案", Source: "投诉举报",
		Party: party, Facts: "当事人法定代表人李大伟（公民身份号码" + pubID + "，电话 " + pubPhone + "）销售超过保质期的食品，证人" + pubWitness + "证实。"})
	if err != nil {
		t.Fatal(err)
	}
	c = w.step(t, w.leader, c, casework.ActionRegister, "")
	c = w.step(t, w.officer, c, casework.ActionToDiscretion, "")
	if p == nil {
		c = w.propose(t, c)
	} else if c, err = w.svc.EditCase(w.ctx, w.officer, c.ID, c.Version, casework.CaseEdit{Proposal: p}); err != nil {
		t.Fatal(err)
	}
	return w.walk(t, c, []move{{w.officer, casework.ActionNotify, ""}, {w.officer, casework.ActionSubmitReview, ""},
		{w.reviewer, casework.ActionReviewPass, ""}, {w.leader, casework.ActionApprove, ""}})
}

// leaks names the personal data found in s.
func leaks(s string) []string {
	var out []string
	for _, secret := range []string{pubID, pubPhone, pubWitness, "李大伟"} {
		if strings.Contains(s, secret) {
			out = append(out, secret)
		}
	}
	return out
}

// testServicePublication: made on the decision with its working-day due
// date and redacted; edited, published, found by the public, withdrawn on
// revocation; roles and agencies; the agency rule; every event logged.
func testServicePublication(t *testing.T, w *world) {
	c := w.decidedCase(t, nil)
	p, err := w.svc.Publication(w.ctx, w.officer, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Decided Monday 2026-03-02: seven working days later is Wednesday 03-11.
	if p.State != casework.PubDue || p.Due.Format("2006-01-02") != "2026-03-11" {
		t.Errorf("on the decision: state %s due %s, want due 2026-03-11", p.State, p.Due.Format("2006-01-02"))
	}
	if p.PartyName != "某某食品有限公司" || p.PartyCode != pubUSCC || p.DocNumber == "" || p.Penalty != "罚款50000 元" || p.AgencyName == "" {
		t.Errorf("fields: %+v", p.Notice)
	}
	// The witness is not known to the system until the reviewer names them.
	if l := leaks(p.Facts); len(l) != 1 || l[0] != pubWitness || !strings.Contains(p.Facts, "李某某") {
		t.Errorf("facts %q leak %v, want only the witness (and the representative masked)", p.Facts, l)
	}
	if len(p.Removed) < 3 {
		t.Errorf("removed %d spans, want the ID, the phone and the name: %+v", len(p.Removed), p.Removed)
	}
	_, err = w.svc.Publication(w.ctx, w.other, c.ID)
	wantErr(t, "another agency reads", err, casework.ErrForbidden)
	_, err = w.svc.Publish(w.ctx, w.officer, c.ID, p.Version)
	wantErr(t, "an officer publishes", err, casework.ErrForbidden)
	_, err = w.svc.Publish(w.ctx, w.other, c.ID, p.Version)
	wantErr(t, "another agency publishes", err, casework.ErrForbidden)

	due, err := w.svc.Publications(w.ctx, w.officer, casework.PubQueueDue, 0, 0)
	if err != nil || len(due) != 1 || due[0].CaseID != c.ID || due[0].Overdue {
		t.Errorf("due queue = %+v, %v", due, err)
	}
	_, err = w.svc.Publications(w.ctx, w.officer, "someday", 0, 0)
	wantErr(t, "unknown queue", err, casework.ErrInvalid)
	_, err = w.svc.Publications(w.ctx, w.trainer, casework.PubQueueDue, 0, 0)
	wantErr(t, "trainer lists", err, casework.ErrForbidden)

	// The reviewer masks the witness and adds an ID in the summary: it is
	// removed again.
	src := "当事人（法定代表人李大伟）销售超过保质期的食品，证人" + pubWitness + "（" + pubID + "）证实。"
	_, err = w.svc.EditPublication(w.ctx, w.reviewer, c.ID, p.Version+1, casework.PublicationEdit{Summary: &src})
	wantErr(t, "edit at a stale version", err, casework.ErrConflict)
	bad := "bad\x00"
	_, err = w.svc.EditPublication(w.ctx, w.reviewer, c.ID, p.Version, casework.PublicationEdit{Summary: &bad})
	wantErr(t, "control character", err, casework.ErrInvalid)
	_, err = w.svc.EditPublication(w.ctx, w.reviewer, c.ID, p.Version, casework.PublicationEdit{})
	wantErr(t, "empty edit", err, casework.ErrInvalid)
	_, err = w.svc.EditPublication(w.ctx, w.reviewer, c.ID, p.Version, casework.PublicationEdit{Names: []string{"王"}})
	wantErr(t, "one-character name", err, casework.ErrInvalid)
	_, err = w.svc.Publish(w.ctx, w.reviewer, c.ID, p.Version)
	wantErr(t, "publish without a 处罚依据", err, casework.ErrStage)
	docNo := "某市监处罚〔2026〕12号"
	basis := "《中华人民共和国食品安全法》第一百二十四条第一款第（五）项"
	p, err = w.svc.EditPublication(w.ctx, w.reviewer, c.ID, p.Version, casework.PublicationEdit{Summary: &src, DocNumber: &docNo,
		Basis: &basis, Names: []string{pubWitness}})
	if err != nil {
		t.Fatal(err)
	}
	if l := leaks(p.Facts); len(l) > 0 || p.DocNumber != docNo || p.Source != src || p.Basis != basis {
		t.Errorf("after the edit: facts %q leak %v; doc %q", p.Facts, l, p.DocNumber)
	}
	if list, more, err := w.svc.PublicDecisions(w.ctx, casework.PublicationFilter{}); err != nil || len(list) != 0 || more {
		t.Errorf("public before publishing: %+v %v %v", list, more, err)
	}

	p, err = w.svc.Publish(w.ctx, w.reviewer, c.ID, p.Version)
	if err != nil || p.State != casework.PubPublished || p.PublishedBy != w.reviewer.ID {
		t.Fatalf("publish: %+v, %v", p, err)
	}
	_, err = w.svc.EditPublication(w.ctx, w.reviewer, c.ID, p.Version, casework.PublicationEdit{Summary: &src})
	wantErr(t, "edit once published", err, casework.ErrStage)
	_, err = w.svc.Publish(w.ctx, w.reviewer, c.ID, p.Version)
	wantErr(t, "publish twice", err, casework.ErrStage)
	for _, tc := range []struct {
		name string
		f    casework.PublicationFilter
		n    int
	}{{"all", casework.PublicationFilter{}, 1}, {"text", casework.PublicationFilter{Text: "保质期"}, 1},
		{"agency", casework.PublicationFilter{Agency: "scjg"}, 1}, {"other agency", casework.PublicationFilter{Agency: "sthj"}, 0},
		{"personal data is not searchable", casework.PublicationFilter{Text: pubPhone}, 0},
		{"dates", casework.PublicationFilter{From: time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)}, 0}} {
		list, _, err := w.svc.PublicDecisions(w.ctx, tc.f)
		if err != nil || len(list) != tc.n {
			t.Errorf("public %s: %d records, %v; want %d", tc.name, len(list), err, tc.n)
		}
		for _, d := range list {
			if l := leaks(strings.Join([]string{d.Facts, d.PartyName, d.Basis, d.Penalty, d.Violation, d.DocNumber}, " ")); len(l) > 0 {
				t.Errorf("public record leaks %v: %+v", l, d)
			}
		}
	}
	_, _, err = w.svc.PublicDecisions(w.ctx, casework.PublicationFilter{Text: "\xff"})
	wantErr(t, "invalid UTF-8 query", err, casework.ErrInvalid)

	// Revocation: a leader, with a reason; the publication leaves the list.
	_, err = w.svc.Transition(w.ctx, w.leader, c.ID, c.Version, casework.ActionRevoke, "")
	wantErr(t, "revoke without a reason", err, casework.ErrStage)
	_, err = w.svc.Transition(w.ctx, w.officer, c.ID, c.Version, casework.ActionRevoke, "复议撤销")
	wantErr(t, "an officer revokes", err, casework.ErrForbidden)
	c = w.step(t, w.leader, c, casework.ActionRevoke, "行政复议决定撤销")
	if c.Stage != casework.StageRevoked {
		t.Errorf("after revoke: stage %s", c.Stage)
	}
	p, err = w.svc.Publication(w.ctx, w.reviewer, c.ID)
	if err != nil || p.State != casework.PubWithdrawn || !strings.Contains(p.WithdrawReason, "行政复议决定撤销") ||
		p.WithdrawDue.Format("2006-01-02") != "2026-03-05" || p.Withdrawn.IsZero() {
		t.Errorf("after revoke: %+v, %v (withdraw due %s, want 2026-03-05)", p, err, p.WithdrawDue.Format("2006-01-02"))
	}
	// The public sees a notice of the withdrawal with the reason, none of
	// the withdrawn content.
	if list, _, _ := w.svc.PublicDecisions(w.ctx, casework.PublicationFilter{}); len(list) != 1 || list[0].Status != "withdrawn" ||
		list[0].Facts != "" || list[0].Penalty != "" || !strings.Contains(list[0].WithdrawReason, "行政复议决定撤销") {
		t.Errorf("after withdrawal the public sees %+v, want only the notice", list)
	}
	if list, _, _ := w.svc.PublicDecisions(w.ctx, casework.PublicationFilter{Text: "保质期"}); len(list) != 0 {
		t.Errorf("the withdrawn content is still searchable: %+v", list)
	}
	if got, _ := w.svc.Publications(w.ctx, w.leader, casework.PubQueueWithdrawn, 0, 0); len(got) != 1 {
		t.Errorf("withdrawn queue: %+v", got)
	}
	acts, _ := w.pubEvents(t, c.ID)
	if want := "publication.create publication.edit publication.publish case.transition.revoke publication.withdraw"; acts != want {
		t.Errorf("publication events %v, want %s", acts, want)
	}
}

// testServicePublicationRule: an agency's rule of 20 working days that
// does not publish warnings alone; a due one becomes overdue.
func testServicePublicationRule(t *testing.T, w *world) {
	rule := casework.PublicationRule{Days: 20, SkipWarnings: true}
	if err := w.svc.PutAgency(w.ctx, w.admin, casework.Agency{Code: "scjg", Name: "某市市场监督管理局", Publication: &rule}); err != nil {
		t.Fatal(err)
	}
	bad := casework.PublicationRule{Days: 0}
	err := w.svc.PutAgency(w.ctx, w.admin, casework.Agency{Code: "scjg", Name: "x", Publication: &bad})
	wantErr(t, "a rule of 0 days", err, casework.ErrInvalid)

	warned := w.decidedCase(t, &casework.Proposal{Disposition: "处罚", Other: []string{"警告"}})
	p, err := w.svc.Publication(w.ctx, w.leader, warned.ID)
	if err != nil || p.State != casework.PubExempt {
		t.Errorf("warning alone: %+v, %v", p, err)
	}
	fined := w.decidedCase(t, nil)
	p, err = w.svc.Publication(w.ctx, w.leader, fined.ID)
	// 2026-03-02 + 20 working days (no holiday in March) = 2026-03-30.
	if err != nil || p.State != casework.PubDue || p.Due.Format("2006-01-02") != "2026-03-30" || p.AgencyName != "某市市场监督管理局" {
		t.Errorf("fine under the 20-day rule: %s due %s (%s), %v", p.State, p.Due.Format("2006-01-02"), p.AgencyName, err)
	}
	if got, _ := w.svc.Publications(w.ctx, w.leader, casework.PubQueueOverdue, 0, 0); len(got) != 0 {
		t.Errorf("overdue too early: %+v", got)
	}
	w.clock.Add(27 * 24 * time.Hour) // 2026-03-29, a Sunday: the next working day is the last.
	got, _ := w.svc.Publications(w.ctx, w.leader, casework.PubQueueDue, 0, 0)
	if len(got) != 1 || !got[0].DueSoon || got[0].Overdue {
		t.Errorf("due soon: %+v", got)
	}
	w.clock.Add(2 * 24 * time.Hour)
	got, _ = w.svc.Publications(w.ctx, w.leader, casework.PubQueueOverdue, 0, 0)
	if len(got) != 1 || got[0].CaseID != fined.ID || !got[0].Overdue {
		t.Errorf("overdue: %+v", got)
	}
}

// pubEvents lists the actions of case id's publication events and the
// decision's changes in log order, and the entries' notes by action.
func (w *world) pubEvents(t *testing.T, id string) (string, map[string]string) {
	t.Helper()
	tl, err := w.svc.Timeline(w.ctx, w.reviewer, id)
	if err != nil {
		t.Fatal(err)
	}
	var acts []string
	notes := map[string]string{}
	changes := map[string]bool{}
	for _, a := range casework.DecisionChanges() {
		changes["case.transition."+string(a)] = true
	}
	for _, e := range tl {
		if strings.HasPrefix(e.Action, "publication.") || changes[e.Action] {
			acts = append(acts, e.Action)
			notes[e.Action] = e.Note
		}
	}
	return strings.Join(acts, " "), notes
}
