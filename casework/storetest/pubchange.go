package storetest

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
)

// testPublicationRecords: a case's later records under their own keys,
// the keys' create/version rules, and the filter's case, public and ended
// conditions.
func testPublicationRecords(t *testing.T, s casework.Store) {
	ctx := t.Context()
	day := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }
	update(t, s, func(tx casework.Tx) error {
		for _, id := range []string{"scjg-2026-000001", "scjg-2026-000002"} {
			if err := tx.CreateCase(sampleCase(id, "scjg", casework.StageDecided, day(2))); err != nil {
				return err
			}
		}
		return nil
	})
	first := casework.Publication{ID: "scjg-2026-000001", CaseID: "scjg-2026-000001", Agency: "scjg", Version: 1,
		State: casework.PubWithdrawn, Decided: day(2), Published: day(3), Withdrawn: day(9), SupersededBy: "scjg-2026-000001.2",
		Notice: casework.Notice{DocNumber: "某市监处罚〔2026〕1号", PartyName: "某某有限公司", Facts: "销售过期食品"}, WithdrawReason: "决定被变更：复议"}
	second := casework.Publication{ID: "scjg-2026-000001.2", CaseID: "scjg-2026-000001", Agency: "scjg", Version: 1,
		State: casework.PubPublished, Decided: day(9), Published: day(10), DisplayUntil: day(10).AddDate(0, 3, 0), Supersedes: first.ID,
		Notice: casework.Notice{PartyName: "某某有限公司", Facts: "销售过期食品（变更后）"}}
	// Written before publication IDs: the key is the case ID.
	legacy := casework.Publication{CaseID: "scjg-2026-000002", Agency: "scjg", Version: 1, State: casework.PubPublished, Decided: day(4),
		Published: day(4), DisplayUntil: day(5), Notice: casework.Notice{PartyName: "另一有限公司", Facts: "无照经营"}}
	update(t, s, func(tx casework.Tx) error {
		for _, p := range []casework.Publication{first, second, legacy} {
			if err := tx.PutPublication(p, 0); err != nil {
				return err
			}
		}
		return nil
	})
	err := s.Update(ctx, func(tx casework.Tx) error { return tx.PutPublication(second, 0) })
	wantErr(t, "the same key twice", err, casework.ErrExists)
	stray := second
	stray.CaseID, stray.Version = "scjg-2026-000002", 2
	err = s.Update(ctx, func(tx casework.Tx) error { return tx.PutPublication(stray, 1) })
	wantErr(t, "a key of another case", err, casework.ErrNotFound)
	var got casework.Publication
	view(t, s, func(tx casework.ReadTx) (err error) { got, err = tx.Publication("scjg-2026-000001.2"); return err })
	if got.Supersedes != first.ID || got.Facts != second.Facts {
		t.Errorf("second record: %+v", got)
	}
	view(t, s, func(tx casework.ReadTx) (err error) { got, err = tx.Publication("scjg-2026-000002"); return err })
	if got.Key() != "scjg-2026-000002" || got.Facts != "无照经营" {
		t.Errorf("legacy record: %+v", got)
	}
	ids := func(f casework.PublicationFilter) string {
		t.Helper()
		var list []casework.Publication
		view(t, s, func(tx casework.ReadTx) (err error) { list, err = tx.Publications(f); return err })
		var out []string
		for _, p := range list {
			out = append(out, p.Key())
		}
		return strings.Join(out, " ")
	}
	for _, tc := range []struct {
		name string
		f    casework.PublicationFilter
		want string
	}{
		{"one case, newest first", casework.PublicationFilter{CaseID: "scjg-2026-000001"}, "scjg-2026-000001.2 scjg-2026-000001"},
		{"public on 03-05: the notice and both published", casework.PublicationFilter{Public: day(5)}, "scjg-2026-000001.2 scjg-2026-000002 scjg-2026-000001"},
		{"public on 03-06: the legacy one's period ended", casework.PublicationFilter{Public: day(6)}, "scjg-2026-000001.2 scjg-2026-000001"},
		{"public notices are found by the reason", casework.PublicationFilter{Public: day(6), Text: "复议"}, "scjg-2026-000001"},
		{"not by the content withdrawn", casework.PublicationFilter{Public: day(6), Text: "过期食品"}, "scjg-2026-000001.2"},
		{"ended by 03-06", casework.PublicationFilter{EndedBy: day(6)}, "scjg-2026-000002"},
		{"ended by 03-05", casework.PublicationFilter{EndedBy: day(5)}, ""},
	} {
		if got := ids(tc.f); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// publishNow gives case id's current publication a 处罚依据 and publishes it
// as the reviewer.
func (w *world) publishNow(t *testing.T, id string) casework.Publication {
	t.Helper()
	p, err := w.svc.Publication(w.ctx, w.reviewer, id)
	if err != nil {
		t.Fatal(err)
	}
	basis := "《中华人民共和国食品安全法》第一百二十四条第一款第（五）项"
	if p, err = w.svc.EditPublication(w.ctx, w.reviewer, id, p.Version, casework.PublicationEdit{Basis: &basis, Names: []string{pubWitness}}); err != nil {
		t.Fatal(err)
	}
	if p, err = w.svc.Publish(w.ctx, w.reviewer, id, p.Version); err != nil {
		t.Fatal(err)
	}
	return p
}

// testServiceDecisionChange: a published decision varied by 行政复议 —
// refused when incomplete or by the wrong person, then recorded, its
// record withdrawn with the reason and a new one due for the decision as
// varied; that one published, then withdrawn when a court finds the
// decision unlawful; a due record varied and voided without ever being
// public.
func testServiceDecisionChange(t *testing.T, w *world) {
	c := w.decidedCase(t, nil)
	w.publishNow(t, c.ID)
	doc := "某市人民政府行政复议决定书 某政复决字〔2026〕8号"
	varied := func() casework.DecisionChange {
		return casework.DecisionChange{Action: casework.ActionVary, By: casework.ChangedByReconsideration, Document: doc,
			Reason: "复议机关认为罚款明显不当，变更为罚款二万元", Proposal: &casework.Proposal{Disposition: "处罚", Fine: 20000}}
	}
	for _, tc := range []struct {
		name    string
		who     casework.User
		version int64
		change  func(ch *casework.DecisionChange)
		want    error
	}{
		{"no reason", w.leader, c.Version, func(ch *casework.DecisionChange) { ch.Reason = " " }, casework.ErrInvalid},
		{"unknown body", w.leader, c.Version, func(ch *casework.DecisionChange) { ch.By = "court" }, casework.ErrInvalid},
		{"复议 without its document", w.leader, c.Version, func(ch *casework.DecisionChange) { ch.Document = "" }, casework.ErrInvalid},
		{"control character in the document", w.leader, c.Version, func(ch *casework.DecisionChange) { ch.Document = "8号\x00" }, casework.ErrInvalid},
		{"document too long", w.leader, c.Version, func(ch *casework.DecisionChange) { ch.Document = strings.Repeat("号", 65) }, casework.ErrInvalid},
		{"vary without content", w.leader, c.Version, func(ch *casework.DecisionChange) { ch.Proposal = nil }, casework.ErrInvalid},
		{"negative fine", w.leader, c.Version, func(ch *casework.DecisionChange) { ch.Proposal.Fine = -1 }, casework.ErrInvalid},
		{"revoke with content", w.leader, c.Version, func(ch *casework.DecisionChange) { ch.Action = casework.ActionRevoke }, casework.ErrInvalid},
		{"not a change", w.leader, c.Version, func(ch *casework.DecisionChange) { ch.Action = casework.ActionApprove }, casework.ErrInvalid},
		{"an officer", w.officer, c.Version, func(*casework.DecisionChange) {}, casework.ErrForbidden},
		{"a reviewer", w.reviewer, c.Version, func(*casework.DecisionChange) {}, casework.ErrForbidden},
		{"another agency's leader", w.other, c.Version, func(*casework.DecisionChange) {}, casework.ErrForbidden},
		{"stale version", w.leader, c.Version - 1, func(*casework.DecisionChange) {}, casework.ErrConflict},
	} {
		ch := varied()
		tc.change(&ch)
		_, err := w.svc.ChangeDecision(w.ctx, tc.who, c.ID, tc.version, ch)
		wantErr(t, tc.name, err, tc.want)
	}
	_, err := w.svc.Transition(w.ctx, w.leader, c.ID, c.Version, casework.ActionVary, "变更")
	wantErr(t, "vary as a plain transition", err, casework.ErrStage)
	if now, _ := w.svc.Case(w.ctx, w.leader, c.ID); now.Version != c.Version || len(now.Changes) != 0 {
		t.Fatalf("refused changes changed the case: version %d, changes %+v", now.Version, now.Changes)
	}

	c, err = w.svc.ChangeDecision(w.ctx, w.leader, c.ID, c.Version, varied())
	if err != nil {
		t.Fatal(err)
	}
	if c.Stage != casework.StageDecided || c.Proposal == nil || c.Proposal.Fine != 20000 || len(c.Changes) != 1 ||
		c.Changes[0].Previous == nil || c.Changes[0].Previous.Fine != 50000 || c.Changes[0].Actor != w.leader.ID || c.Changes[0].Document != doc {
		t.Errorf("after the variation: stage %s, proposal %+v, changes %+v", c.Stage, c.Proposal, c.Changes)
	}
	hist, err := w.svc.PublicationHistory(w.ctx, w.officer, c.ID)
	if err != nil || len(hist) != 2 {
		t.Fatalf("history: %d records, %v", len(hist), err)
	}
	old, cur := hist[0], hist[1]
	if old.State != casework.PubWithdrawn || !strings.Contains(old.WithdrawReason, "决定被变更") || !strings.Contains(old.WithdrawReason, "8号") ||
		old.WithdrawDue.Format("2006-01-02") != "2026-03-05" || old.SupersededBy != c.ID+".2" || old.Change == nil {
		t.Errorf("the varied decision's record: %s, %q, withdraw due %s, superseded by %q", old.State, old.WithdrawReason,
			old.WithdrawDue.Format("2006-01-02"), old.SupersededBy)
	}
	if cur.ID != c.ID+".2" || cur.Supersedes != c.ID || cur.State != casework.PubDue || cur.Penalty != "罚款20000 元" ||
		cur.Due.Format("2006-01-02") != "2026-03-11" || len(cur.Names) != 1 || len(leaks(cur.Facts)) > 0 {
		t.Errorf("the corrected record: %+v", cur)
	}
	if p, _ := w.svc.Publication(w.ctx, w.officer, c.ID); p.Key() != cur.ID {
		t.Errorf("current publication %s, want %s", p.Key(), cur.ID)
	}
	// The varied decision's 决定书, issued now, numbers the corrected
	// record; the withdrawn one keeps the number it was published with.
	if err := w.svc.PutAgency(w.ctx, w.admin, casework.Agency{Code: c.Agency, Name: "某市市场监督管理局", DocPrefix: "某市监处罚"}); err != nil {
		t.Fatal(err)
	}
	spec := casework.DocumentSpec{Kind: "decision", Title: "行政处罚决定书", Family: "处罚", Roles: []casework.Role{casework.RoleOfficer},
		Stages: []casework.Stage{casework.StageDecided}}
	issued, err := w.svc.IssueDocument(w.ctx, w.officer, c.ID, spec, func(casework.Case, casework.Agency, string, time.Time) (casework.Rendered, error) {
		return casework.Rendered{DOCX: []byte("docx"), PDF: []byte("%PDF")}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if hist, err = w.svc.PublicationHistory(w.ctx, w.officer, c.ID); err != nil || len(hist) != 2 {
		t.Fatalf("history after issuing: %d records, %v", len(hist), err)
	}
	if hist[1].DocNumber != issued.Number || hist[0].DocNumber != old.DocNumber {
		t.Errorf("after issuing %s: corrected record numbered %q, withdrawn one %q (was %q)", issued.Number, hist[1].DocNumber,
			hist[0].DocNumber, old.DocNumber)
	}
	list, _, err := w.svc.PublicDecisions(w.ctx, casework.PublicationFilter{})
	if err != nil || len(list) != 1 || list[0].Status != "withdrawn" || list[0].ReplacedBy != cur.ID || list[0].Penalty != "" {
		t.Errorf("public after the variation: %+v, %v", list, err)
	}
	w.publishNow(t, c.ID)
	list, _, _ = w.svc.PublicDecisions(w.ctx, casework.PublicationFilter{})
	if len(list) != 2 || list[0].ID != cur.ID || list[0].Status != "published" || list[0].Supersedes != c.ID || list[1].Status != "withdrawn" {
		t.Errorf("public with the corrected record: %+v", list)
	}

	// A reason that names the witness and a phone: the public notice
	// does not show them; the case keeps the reason as typed.
	unlawful := casework.DecisionChange{Action: casework.ActionConfirmUnlawful, By: casework.ChangedByLitigation,
		Document: "（2026）某0102行初15号行政判决书", Reason: "程序违法，确认违法（未听取证人" + pubWitness + "的陈述，电话 " + pubPhone + "）"}
	if c, err = w.svc.ChangeDecision(w.ctx, w.leader, c.ID, c.Version, unlawful); err != nil || c.Stage != casework.StageUnlawful {
		t.Fatalf("confirm unlawful: %s, %v", c.Stage, err)
	}
	if p, _ := w.svc.Publication(w.ctx, w.officer, c.ID); p.Key() != cur.ID || p.State != casework.PubWithdrawn ||
		!strings.Contains(p.WithdrawReason, "确认违法") {
		t.Errorf("after confirm unlawful: %s %s %q", p.Key(), p.State, p.WithdrawReason)
	}
	_, err = w.svc.ChangeDecision(w.ctx, w.leader, c.ID, c.Version, varied())
	wantErr(t, "vary a decision found unlawful", err, casework.ErrStage)
	if list, _, _ = w.svc.PublicDecisions(w.ctx, casework.PublicationFilter{}); len(list) != 2 || list[0].Status != "withdrawn" || list[1].Status != "withdrawn" ||
		len(leaks(list[0].WithdrawReason)) > 0 || !strings.Contains(list[0].WithdrawReason, "程序违法") {
		t.Errorf("public after confirm unlawful: %+v", list)
	}
	if got := c.Changes[len(c.Changes)-1].Reason; !strings.Contains(got, pubPhone) {
		t.Errorf("the case lost the reason as typed: %q", got)
	}
	acts, notes := w.pubEvents(t, c.ID)
	// The corrected record's first edit is the 文书号 of the issued 决定书.
	want := "publication.create publication.edit publication.publish case.transition.vary publication.withdraw publication.create " +
		"publication.edit publication.edit publication.publish case.transition.confirm_unlawful publication.withdraw"
	if acts != want {
		t.Errorf("events\n%s\nwant\n%s", acts, want)
	}
	if !strings.Contains(notes["case.transition.vary"], "8号") {
		t.Errorf("the variation's log entry does not name its document: %q", notes["case.transition.vary"])
	}

	// Varied before it was published: withdrawn without a public notice;
	// then the agency itself finds it void.
	d := w.decidedCase(t, nil)
	self := varied()
	self.By, self.Document = casework.ChangedByAgency, ""
	// Recorded a week after the agency's own decision of 03-02 to vary it:
	// the 3 working days ran out on 03-05, and the withdrawal shows late.
	w.clock.Add(7 * 24 * time.Hour)
	for _, bad := range []time.Time{time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)} {
		self.Dated = bad
		_, err = w.svc.ChangeDecision(w.ctx, w.leader, d.ID, d.Version, self)
		wantErr(t, "dated "+bad.Format("01-02"), err, casework.ErrInvalid)
	}
	self.Dated = time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	if d, err = w.svc.ChangeDecision(w.ctx, w.leader, d.ID, d.Version, self); err != nil {
		t.Fatal(err)
	}
	late, err := w.svc.Publications(w.ctx, w.leader, casework.PubQueueWithdrawn, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, it := range late {
		found = found || it.CaseID == d.ID
		if it.CaseID == d.ID && (!it.Overdue || it.WithdrawDue.Format("2006-01-02") != "2026-03-05") {
			t.Errorf("a withdrawal recorded late: overdue %v, due %s", it.Overdue, it.WithdrawDue.Format("2006-01-02"))
		}
		if it.CaseID == c.ID && it.Overdue {
			t.Errorf("a withdrawal on time shows overdue: %+v", it)
		}
	}
	if !found {
		t.Errorf("the late withdrawal is not in the withdrawn list")
	}
	if _, notes := w.pubEvents(t, d.ID); !strings.Contains(notes["publication.withdraw"], "已超过撤回期限 2026-03-05") {
		t.Errorf("the late withdrawal's log entry: %q", notes["publication.withdraw"])
	}
	void := casework.DecisionChange{Action: casework.ActionConfirmVoid, By: casework.ChangedByAgency, Reason: "实施主体不具有行政主体资格"}
	if d, err = w.svc.ChangeDecision(w.ctx, w.leader, d.ID, d.Version, void); err != nil || d.Stage != casework.StageVoid {
		t.Fatalf("confirm void: %s, %v", d.Stage, err)
	}
	hist, _ = w.svc.PublicationHistory(w.ctx, w.leader, d.ID)
	if len(hist) != 2 || hist[0].State != casework.PubWithdrawn || hist[1].State != casework.PubWithdrawn || !hist[0].Published.IsZero() {
		t.Errorf("a due record varied then voided: %+v", hist)
	}
	for _, pd := range func() []casework.PublicDecision {
		l, _, _ := w.svc.PublicDecisions(w.ctx, casework.PublicationFilter{})
		return l
	}() {
		if strings.HasPrefix(pd.ID, d.ID) {
			t.Errorf("a never published record has a public notice: %+v", pd)
		}
	}
}

// testServicePublicationPeriods: the deadline of a party registered in
// another province (10 + 10 working days), in this one, or in none the
// system can tell; the display periods; the take-down sweep, idempotent and
// run by two services at once.
func testServicePublicationPeriods(t *testing.T, w *world) {
	rule := casework.PublicationRule{Days: 7, PushDays: 10, RemoteDays: 10, Province: "34", SmallFineOrg: 10000}
	if err := w.svc.PutAgency(w.ctx, w.admin, casework.Agency{Code: "scjg", Name: "某市市场监督管理局", Publication: &rule}); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []casework.PublicationRule{{Days: 7, PushDays: 10}, {Days: 7, Province: "99"}, {Days: 7, SmallFineOrg: -1}} {
		err := w.svc.PutAgency(w.ctx, w.admin, casework.Agency{Code: "scjg", Name: "x", Publication: &bad})
		wantErr(t, "bad rule", err, casework.ErrInvalid)
	}
	org := func(code string) casework.Party {
		return casework.Party{Kind: "organisation", Name: "某某食品有限公司", IDNumber: code, Representative: "李大伟"}
	}
	small := &casework.Proposal{Disposition: "处罚", Fine: 5000}
	for _, tc := range []struct {
		name             string
		party            casework.Party
		p                *casework.Proposal
		province, reason string
		push, due        string
		short            bool
	}{
		// 350100: registered in 福建; the agency is in 安徽. 2026-03-02 + 10 = 03-16, + 10 = 03-30.
		{"registered in another province", org(pubUSCC), small, "35", "10+10", "2026-03-16", "2026-03-30", true},
		{"a person of this province", casework.Party{Kind: "person", Name: "张某", IDNumber: pubID}, nil, "34", "本省", "", "2026-03-11", false},
		{"registered nationally: cannot tell", org("91100000MA00000001"), nil, "", "未能", "", "2026-03-11", false},
	} {
		c := w.decidedCaseOf(t, tc.party, tc.p)
		p, err := w.svc.Publication(w.ctx, w.leader, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		push := ""
		if !p.PushDue.IsZero() {
			push = p.PushDue.Format("2006-01-02")
		}
		if p.PartyProvince != tc.province || push != tc.push || p.Due.Format("2006-01-02") != tc.due || !strings.Contains(p.DueReason, tc.reason) ||
			p.ShortDisplay != tc.short {
			t.Errorf("%s: province %q push %q due %s short %v (%s; %s)", tc.name, p.PartyProvince, push, p.Due.Format("2006-01-02"),
				p.ShortDisplay, p.DueReason, p.DisplayReason)
		}
	}
	list, err := w.svc.Publications(w.ctx, w.leader, casework.PubQueueDue, 0, 0)
	if err != nil || len(list) != 3 {
		t.Fatalf("due: %d, %v", len(list), err)
	}
	for _, it := range list {
		w.publishNow(t, it.CaseID)
	}
	public := func() int {
		t.Helper()
		l, _, err := w.svc.PublicDecisions(w.ctx, casework.PublicationFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return len(l)
	}
	// Published on 2026-03-02: the small fine is shown to 06-02, the others to 2029-03-02.
	w.clock.Add(92*24*time.Hour + time.Hour)
	if n := public(); n != 3 {
		t.Errorf("on the last day of the short period: %d public, want 3", n)
	}
	w.clock.Add(24 * time.Hour)
	if n := public(); n != 2 {
		t.Errorf("the day after: %d public before any sweep, want 2", n)
	}
	other, err := casework.New(casework.Config{Store: w.store, Now: w.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var n [2]int
	var errs [2]error
	for i, svc := range []*casework.Service{w.svc, other} {
		wg.Go(func() { n[i], errs[i] = svc.TakeDownExpired(w.ctx) })
	}
	wg.Wait()
	if errs[0] != nil || errs[1] != nil || n[0]+n[1] != 1 {
		t.Errorf("two sweeps at once took down %d and %d (%v, %v), want 1 in all", n[0], n[1], errs[0], errs[1])
	}
	if again, err := w.svc.TakeDownExpired(w.ctx); err != nil || again != 0 {
		t.Errorf("a second sweep took down %d, %v", again, err)
	}
	ended, err := w.svc.Publications(w.ctx, w.officer, casework.PubQueueEnded, 0, 0)
	if err != nil || len(ended) != 1 || ended[0].State != casework.PubEnded || ended[0].TakenDown.IsZero() || !ended[0].ShortDisplay {
		t.Errorf("ended queue: %+v, %v", ended, err)
	}
	takeDowns := 0
	for _, e := range entries(t, w.store) {
		if e.Action == "publication.take_down" {
			takeDowns++
			if e.Actor != casework.SystemActor || len(ended) == 0 || e.CaseID != ended[0].CaseID {
				t.Errorf("take-down entry %+v", e)
			}
		}
	}
	if takeDowns != 1 {
		t.Errorf("%d take-down entries, want 1", takeDowns)
	}
	if n := public(); n != 2 {
		t.Errorf("after the sweep: %d public, want 2", n)
	}
}
