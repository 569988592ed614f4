package storetest

import (
	"crypto/ed25519"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
)

// testRecords: deliveries and statements are kept per case in Seq order,
// a taken Seq is ErrExists, an unknown case ErrNotFound, an update at a
// stale version ErrConflict, and the two kinds never mix.
func testRecords(t *testing.T, s casework.Store) {
	a := sampleCase("scjg-2026-000001", "scjg", casework.StageDecided, t0)
	update(t, s, func(tx casework.Tx) error { return tx.CreateCase(a) })
	del := func(seq int) casework.Delivery {
		return casework.Delivery{CaseID: a.ID, Seq: seq, Version: 1, Method: casework.DeliverDirect, Place: "某市某区某路1号",
			Documents: []casework.DeliveredDocument{{Kind: "decision", Version: seq}}, At: t0, Officers: []string{"zhang.san"}}
	}
	for _, seq := range []int{2, 1} {
		update(t, s, func(tx casework.Tx) error { return tx.PutDelivery(del(seq), 0) })
	}
	st := casework.Statement{CaseID: a.ID, Seq: 1, Version: 1, Received: t0, Text: "初次违法，请求从轻。"}
	update(t, s, func(tx casework.Tx) error { return tx.PutStatement(st, 0) })
	for _, bad := range []struct {
		what string
		put  func(tx casework.Tx) error
		want error
	}{
		{"the same delivery Seq twice", func(tx casework.Tx) error { return tx.PutDelivery(del(1), 0) }, casework.ErrExists},
		{"a statement on an unknown case", func(tx casework.Tx) error {
			x := st
			x.CaseID = "scjg-2026-000404"
			return tx.PutStatement(x, 0)
		}, casework.ErrNotFound},
		{"a statement at a stale version", func(tx casework.Tx) error { x := st; x.Version = 3; return tx.PutStatement(x, 2) }, casework.ErrConflict},
		{"an update of a missing delivery", func(tx casework.Tx) error { x := del(7); x.Version = 2; return tx.PutDelivery(x, 1) }, casework.ErrNotFound},
		{"Seq 0", func(tx casework.Tx) error { return tx.PutDelivery(del(0), 0) }, casework.ErrInvalid},
	} {
		wantErr(t, bad.what, s.Update(t.Context(), bad.put), bad.want)
	}
	answered := st
	answered.Version, answered.Outcome, answered.Reasons = 2, casework.OutcomeRejected, "理由不成立。"
	update(t, s, func(tx casework.Tx) error { return tx.PutStatement(answered, 1) })
	view(t, s, func(tx casework.ReadTx) error {
		ds, err := tx.Deliveries(a.ID)
		if err != nil {
			t.Fatal(err)
		}
		var seqs []int
		for _, d := range ds {
			seqs = append(seqs, d.Seq)
		}
		if !slices.Equal(seqs, []int{1, 2}) || ds[0].Documents[0].Version != 1 {
			t.Errorf("Deliveries = %+v, want Seq 1 then 2", ds)
		}
		sts, err := tx.Statements(a.ID)
		if err != nil || len(sts) != 1 || sts[0].Version != 2 || sts[0].Outcome != casework.OutcomeRejected {
			t.Errorf("Statements = %+v, %v; want the answered statement at version 2", sts, err)
		}
		if got, err := tx.Deliveries("scjg-2026-000404"); err != nil || len(got) != 0 {
			t.Errorf("Deliveries(unknown) = %v, %v; want none", got, err)
		}
		return nil
	})
}

// testServiceRecords: officers record deliveries of issued documents and
// the party's statements with the agency's answers, each logged; the
// method's conditions, unissued documents, other agencies and the wrong
// stage are refused and leave nothing.
func testServiceRecords(t *testing.T, w *world) {
	c := w.toStage(t, casework.StageNotified)
	if err := w.svc.PutAgency(w.ctx, w.admin, casework.Agency{Code: "scjg", Name: "某市市场监督管理局", DocPrefix: "某市监"}); err != nil {
		t.Fatal(err)
	}
	spec := casework.DocumentSpec{Kind: "notice", Title: "行政处罚告知书", Family: "罚告", Roles: []casework.Role{casework.RoleOfficer},
		Stages: []casework.Stage{casework.StageNotified}}
	render := func(c casework.Case, _ casework.Agency, number string, _ time.Time) (casework.Rendered, error) {
		return casework.Rendered{DOCX: []byte("notice " + number)}, nil
	}
	notice, err := w.svc.IssueDocument(w.ctx, w.officer, c.ID, spec, render)
	if err != nil {
		t.Fatal(err)
	}
	at := w.clock.Now().Add(-2 * time.Hour)
	good := casework.Delivery{Documents: []casework.DeliveredDocument{{Kind: "notice", Version: 1}}, Method: casework.DeliverDirect,
		Recipient: "李大伟", Relation: "法定代表人", Place: "某市某区某路1号", At: at, Officers: []string{w.officer.ID, w.officer2.ID}}
	before := len(entries(t, w.store))
	for _, bad := range []struct {
		what  string
		actor casework.User
		edit  func(d *casework.Delivery)
		want  error
	}{
		{"an unknown method", w.officer, func(d *casework.Delivery) { d.Method = "pigeon" }, casework.ErrInvalid},
		{"direct service without who signed", w.officer, func(d *casework.Delivery) { d.Recipient = "" }, casework.ErrInvalid},
		{"electronic service without consent", w.officer, func(d *casework.Delivery) { d.Method = casework.DeliverElectronic }, casework.ErrInvalid},
		{"留置 without the reason", w.officer, func(d *casework.Delivery) { d.Method = casework.DeliverLeft }, casework.ErrInvalid},
		{"a document never issued", w.officer, func(d *casework.Delivery) { d.Documents[0].Version = 2 }, casework.ErrInvalid},
		{"another agency's officer as 送达人", w.officer, func(d *casework.Delivery) { d.Officers = []string{w.other.ID} }, casework.ErrInvalid},
		{"a time in the future", w.officer, func(d *casework.Delivery) { d.At = w.clock.Now().Add(48 * time.Hour) }, casework.ErrInvalid},
		{"a reviewer", w.reviewer, func(*casework.Delivery) {}, casework.ErrForbidden},
		{"another agency", w.other, func(*casework.Delivery) {}, casework.ErrForbidden},
	} {
		d := good
		d.Documents = slices.Clone(good.Documents)
		bad.edit(&d)
		_, err := w.svc.RecordDelivery(w.ctx, bad.actor, c.ID, d)
		wantErr(t, "delivery with "+bad.what, err, bad.want)
	}
	if n := len(entries(t, w.store)); n != before {
		t.Fatalf("refused deliveries left %d log entries", n-before)
	}
	d, err := w.svc.RecordDelivery(w.ctx, w.officer, c.ID, good)
	if err != nil {
		t.Fatal(err)
	}
	if d.Seq != 1 || d.Addressee != c.Party.Name || d.Documents[0].Number != notice.Number || d.Documents[0].Title != "行政处罚告知书" {
		t.Errorf("recorded delivery = %+v: want Seq 1, the party as addressee, the notice's number %s", d, notice.Number)
	}
	pub := good
	pub.Method, pub.Recipient, pub.Relation, pub.Note = casework.DeliverPublic, "", "", "当事人下落不明，于本局网站公告"
	d2, err := w.svc.RecordDelivery(w.ctx, w.officer, c.ID, pub)
	if err != nil {
		t.Fatal(err)
	}
	// Published 2026-03-02 (15:00 Beijing time): served thirty days later.
	if got, want := casework.ChinaDay(d2.ServedOn()), "2026-04-01"; got != want {
		t.Errorf("public notice served on %s, want %s (thirty days after publication)", got, want)
	}
	if list, err := w.svc.Deliveries(w.ctx, w.leader, c.ID); err != nil || len(list) != 2 {
		t.Errorf("Deliveries for the leader = %+v, %v; want 2", list, err)
	}
	_, err = w.svc.Deliveries(w.ctx, w.other, c.ID)
	wantErr(t, "deliveries read by another agency", err, casework.ErrForbidden)

	st, err := w.svc.RecordStatement(w.ctx, w.officer2, c.ID, casework.Statement{Received: at, Text: "系初次违法，已下架全部过期食品。", Hearing: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []struct {
		what string
		st   casework.Statement
	}{
		{"no text", casework.Statement{Received: at}},
		{"a waiver with text", casework.Statement{Received: at, Waived: true, Text: "放弃"}},
		{"no day", casework.Statement{Text: "意见"}},
	} {
		_, err := w.svc.RecordStatement(w.ctx, w.officer, c.ID, bad.st)
		wantErr(t, "statement with "+bad.what, err, casework.ErrInvalid)
	}
	_, err = w.svc.AnswerStatement(w.ctx, w.officer, c.ID, st.Seq, "maybe", "理由", st.Version)
	wantErr(t, "an unknown outcome", err, casework.ErrInvalid)
	_, err = w.svc.AnswerStatement(w.ctx, w.officer, c.ID, st.Seq, casework.OutcomePartly, "", st.Version)
	wantErr(t, "an answer without reasons", err, casework.ErrInvalid)
	_, err = w.svc.AnswerStatement(w.ctx, w.officer, c.ID, st.Seq, casework.OutcomePartly, "理由", st.Version+1)
	wantErr(t, "an answer at a stale version", err, casework.ErrConflict)
	_, err = w.svc.AnswerStatement(w.ctx, w.other, c.ID, st.Seq, casework.OutcomePartly, "理由", st.Version)
	wantErr(t, "an answer by another agency", err, casework.ErrForbidden)
	ans, err := w.svc.AnswerStatement(w.ctx, w.officer, c.ID, st.Seq, casework.OutcomePartly, "初次违法的主张成立，已从轻；听证已于某日举行。", st.Version)
	if err != nil {
		t.Fatal(err)
	}
	if ans.Open() || ans.Version != 2 || ans.AnsweredBy != w.officer.ID {
		t.Errorf("answered statement = %+v", ans)
	}
	if list, err := w.svc.Statements(w.ctx, w.reviewer, c.ID); err != nil || len(list) != 1 || list[0].Outcome != casework.OutcomePartly {
		t.Errorf("Statements = %+v, %v", list, err)
	}
	var actions []string
	for _, e := range entries(t, w.store)[before:] {
		actions = append(actions, e.Action+" "+e.Subject)
	}
	want := []string{"delivery.record delivery/1", "delivery.record delivery/2", "statement.record statement/1", "statement.answer statement/1"}
	if !slices.Equal(actions, want) {
		t.Errorf("log after the records = %v, want %v", actions, want)
	}
	if _, err := casework.Verify(w.ctx, w.store, w.key.Public().(ed25519.PublicKey)); err != nil {
		t.Errorf("record does not verify: %v", err)
	}
	// Submitted for review, the checklist shows the notice's service, the
	// statements and the officers without an 执法证号.
	cur, err := w.svc.Case(w.ctx, w.officer, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	cur = w.step(t, w.officer, cur, casework.ActionSubmitReview, "")
	known := map[string]string{}
	attention := map[string]bool{}
	for _, it := range cur.Review.Items {
		known[it.Key] = strings.Join(it.Known, "；")
		attention[it.Key] = it.Attention
	}
	for key, want := range map[string]string{"procedure": "告知书已于 " + casework.ChinaDay(at) + " 直接送达", "staff": "未登记执法证号：zhang.san"} {
		if !strings.Contains(known[key], want) || !attention["staff"] {
			t.Errorf("checklist %s = %q (attention %v), want %q", key, known[key], attention[key], want)
		}
	}
	if !strings.Contains(known["procedure"], "当事人陈述、申辩 1 项，待复核 0 项") || attention["procedure"] {
		t.Errorf("checklist procedure = %q (attention %v), want the answered statement and no attention", known["procedure"], attention["procedure"])
	}
	dec := w.toStage(t, casework.StageDecided)
	_, err = w.svc.RecordStatement(w.ctx, w.officer, dec.ID, casework.Statement{Received: at, Text: fmt.Sprint("迟到的意见")})
	wantErr(t, "a statement after the decision", err, casework.ErrStage)
}

// decisionSpec issues a 行政处罚决定书 without a 文号, so that walking a case
// past 送达 leaves the agency's numbering to the tests of it.
var decisionSpec = casework.DocumentSpec{Kind: "decision", Title: "行政处罚决定书", Roles: []casework.Role{casework.RoleOfficer},
	Stages: []casework.Stage{casework.StageDecided}}

// issueDecision issues c's 决定书 (a new version) as officer.
func (w *world) issueDecision(t *testing.T, officer casework.User, c casework.Case) casework.IssuedDocument {
	t.Helper()
	d, err := w.svc.IssueDocument(w.ctx, officer, c.ID, decisionSpec, func(c casework.Case, _ casework.Agency, number string, _ time.Time) (casework.Rendered, error) {
		return casework.Rendered{DOCX: []byte("decision of " + c.ID + " " + w.clock.Now().String())}, nil
	})
	if err != nil {
		t.Fatalf("issue the decision of %s: %v", c.ID, err)
	}
	return d
}

// deliver records the direct service of document d of case c by officer.
func (w *world) deliver(t *testing.T, officer casework.User, c casework.Case, d casework.IssuedDocument) casework.Delivery {
	t.Helper()
	got, err := w.svc.RecordDelivery(w.ctx, officer, c.ID, casework.Delivery{Documents: []casework.DeliveredDocument{{Kind: d.Kind, Version: d.Version}},
		Method: casework.DeliverDirect, Recipient: "李大伟", Relation: "法定代表人", Place: "某市某区某路1号", At: w.clock.Now(),
		Officers: []string{officer.ID}})
	if err != nil {
		t.Fatalf("deliver %s of %s: %v", d.Kind, c.ID, err)
	}
	return got
}

// serveDecision makes sure c's latest 决定书 has a recorded delivery, as
// the 送达 stage requires: it issues one if none is, and records its
// direct service. It returns the case as it now is.
func (w *world) serveDecision(t *testing.T, officer casework.User, c casework.Case) casework.Case {
	t.Helper()
	docs, err := w.svc.Documents(w.ctx, officer, c.ID)
	if err != nil {
		t.Fatalf("documents of %s: %v", c.ID, err)
	}
	var latest *casework.IssuedDocument
	for i, d := range docs {
		if (d.Kind == "decision" || d.Kind == "no-penalty") && (latest == nil || d.Kind == latest.Kind && d.Version > latest.Version) {
			latest = &docs[i]
		}
	}
	if latest == nil {
		d := w.issueDecision(t, officer, c)
		latest = &d
	}
	w.deliver(t, officer, c, *latest)
	if c, err = w.svc.Case(w.ctx, officer, c.ID); err != nil {
		t.Fatal(err)
	}
	return c
}

// testServeNeedsDelivery: a decided case moves to 已送达 only once its
// latest 决定书 has a recorded delivery; before, the transition is refused
// with ErrNotServed and changes nothing; the log entry of the step names
// the delivery it rests on.
func testServeNeedsDelivery(t *testing.T, w *world) {
	c := w.toStage(t, casework.StageDecided)
	notice := casework.DocumentSpec{Kind: "notice", Title: "行政处罚告知书", Roles: []casework.Role{casework.RoleOfficer},
		Stages: []casework.Stage{casework.StageDecided}}
	other, err := w.svc.IssueDocument(w.ctx, w.officer, c.ID, notice, func(casework.Case, casework.Agency, string, time.Time) (casework.Rendered, error) {
		return casework.Rendered{DOCX: []byte("notice")}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	w.deliver(t, w.officer, c, other) // serving another document is not serving the decision
	refused := func(what string) {
		t.Helper()
		cur, err := w.svc.Case(w.ctx, w.officer, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		before := len(entries(t, w.store))
		_, err = w.svc.Transition(w.ctx, w.officer, c.ID, cur.Version, casework.ActionServe, "")
		wantErr(t, "serve "+what, err, casework.ErrNotServed)
		wantErr(t, "serve "+what, err, casework.ErrStage)
		after, _ := w.svc.Case(w.ctx, w.officer, c.ID)
		if after.Stage != casework.StageDecided || after.Version != cur.Version || len(entries(t, w.store)) != before {
			t.Errorf("refused serve %s changed the case: %s v%d (was v%d), %d new entries", what, after.Stage, after.Version, cur.Version,
				len(entries(t, w.store))-before)
		}
	}
	refused("with no 决定书 issued")
	v1 := w.issueDecision(t, w.officer, c)
	refused("with the 决定书 issued but not served")
	w.deliver(t, w.officer, c, v1)
	v2 := w.issueDecision(t, w.officer, c)
	refused("with a corrected 决定书 whose new version was not served")
	d := w.deliver(t, w.officer, c, v2)
	cur, err := w.svc.Case(w.ctx, w.officer, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	served, err := w.svc.Transition(w.ctx, w.officer, c.ID, cur.Version, casework.ActionServe, "")
	if err != nil || served.Stage != casework.StageServed {
		t.Fatalf("serve after the delivery: %s, %v", served.Stage, err)
	}
	log := entries(t, w.store)
	last := log[len(log)-1]
	if last.Action != "case.transition.serve" || last.Subject != fmt.Sprintf("delivery/%d", d.Seq) || !strings.Contains(last.Note, fmt.Sprintf("第%d次送达", d.Seq)) {
		t.Errorf("serve entry = %+v, want it to name delivery/%d", last, d.Seq)
	}
}
