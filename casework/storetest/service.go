package storetest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
)

// testServiceUsers: the first admin, adding users, login, tokens, logout
// and disabling.
func testServiceUsers(t *testing.T, w *world) {
	if _, _, created, err := w.svc.EnsureAdmin(w.ctx); err != nil || created {
		t.Errorf("EnsureAdmin on a store with users: created=%v, %v", created, err)
	}
	_, pw, err := w.svc.AddUser(w.ctx, w.admin, casework.User{ID: "new.officer", Name: "新同事", Agency: "scjg", Roles: []casework.Role{casework.RoleOfficer}}, "")
	if err != nil || len(pw) < casework.MinPasswordLen {
		t.Fatalf("AddUser: password %q, %v", pw, err)
	}
	_, _, err = w.svc.AddUser(w.ctx, w.admin, casework.User{ID: "new.officer", Agency: "scjg", Roles: []casework.Role{casework.RoleOfficer}}, "")
	wantErr(t, "AddUser of a taken ID", err, casework.ErrExists)
	_, _, err = w.svc.AddUser(w.ctx, w.officer, casework.User{ID: "sneaky", Agency: "scjg", Roles: []casework.Role{casework.RoleAdmin}}, "")
	wantErr(t, "AddUser by an officer", err, casework.ErrForbidden)
	for _, bad := range []casework.User{
		{ID: "../x", Agency: "scjg", Roles: []casework.Role{casework.RoleOfficer}},
		{ID: "no.role", Agency: "scjg"},
		{ID: "no.agency", Roles: []casework.Role{casework.RoleOfficer}},
		{ID: "bad.name", Name: "a\x00b", Agency: "scjg", Roles: []casework.Role{casework.RoleOfficer}},
		{ID: "bad.role", Agency: "scjg", Roles: []casework.Role{"boss"}},
	} {
		_, _, err := w.svc.AddUser(w.ctx, w.admin, bad, "")
		wantErr(t, "AddUser "+bad.ID, err, casework.ErrInvalid)
	}

	token, u, expires, err := w.svc.Login(w.ctx, "new.officer", pw)
	if err != nil || u.ID != "new.officer" || !expires.After(w.clock.Now()) {
		t.Fatalf("Login = %s, %+v, %v, %v", token, u, expires, err)
	}
	if got, err := w.svc.Authenticate(w.ctx, token); err != nil || got.ID != "new.officer" {
		t.Errorf("Authenticate(session) = %+v, %v", got, err)
	}
	_, _, _, err = w.svc.Login(w.ctx, "new.officer", pw+"x")
	wantErr(t, "Login with a wrong password", err, casework.ErrUnauthenticated)
	_, _, _, err = w.svc.Login(w.ctx, "nobody", pw)
	wantErr(t, "Login of an unknown user", err, casework.ErrUnauthenticated)
	for _, bad := range []string{"", "clt_", "clt_" + strings.Repeat("A", 43), "Bearer x", "clt_\xff\xfe", strings.Repeat("clt_", 100)} {
		_, err := w.svc.Authenticate(w.ctx, bad)
		wantErr(t, "Authenticate("+bad+")", err, casework.ErrUnauthenticated)
	}

	api, err := w.svc.IssueToken(w.ctx, w.admin, "new.officer", 0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = w.svc.IssueToken(w.ctx, w.officer, "new.officer", 0)
	wantErr(t, "IssueToken for someone else by an officer", err, casework.ErrForbidden)

	// Sessions expire; API tokens without a TTL do not.
	w.clock.Add(casework.DefaultSessionTTL + time.Minute)
	_, err = w.svc.Authenticate(w.ctx, token)
	wantErr(t, "Authenticate after the session expired", err, casework.ErrUnauthenticated)
	if _, err := w.svc.Authenticate(w.ctx, api); err != nil {
		t.Errorf("API token after a day: %v", err)
	}
	if err := w.svc.Logout(w.ctx, api); err != nil {
		t.Fatal(err)
	}
	_, err = w.svc.Authenticate(w.ctx, api)
	wantErr(t, "Authenticate after logout", err, casework.ErrUnauthenticated)

	api2, err := w.svc.IssueToken(w.ctx, w.admin, "new.officer", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.svc.SetUserDisabled(w.ctx, w.admin, "new.officer", true); err != nil {
		t.Fatal(err)
	}
	_, err = w.svc.Authenticate(w.ctx, api2)
	wantErr(t, "token of a disabled user", err, casework.ErrUnauthenticated)
	_, _, _, err = w.svc.Login(w.ctx, "new.officer", pw)
	wantErr(t, "Login of a disabled user", err, casework.ErrUnauthenticated)
	wantErr(t, "an admin disabling themselves", w.svc.SetUserDisabled(w.ctx, w.admin, "admin", true), casework.ErrInvalid)
	wantErr(t, "disabling an unknown user", w.svc.SetUserDisabled(w.ctx, w.admin, "nobody", true), casework.ErrNotFound)
	if err := w.svc.SetUserDisabled(w.ctx, w.admin, "new.officer", false); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.Authenticate(w.ctx, api2); err != nil {
		t.Errorf("token after re-enabling: %v", err)
	}

	all, err := w.svc.Users(w.ctx, w.admin)
	if err != nil || len(all) != 8 {
		t.Errorf("Users(admin) = %d users, %v; want 8", len(all), err)
	}
	mine, err := w.svc.Users(w.ctx, w.leader)
	if err != nil || len(mine) != 5 {
		t.Errorf("Users(leader) = %d users, %v; want the 5 of scjg", len(mine), err)
	}
	_, err = w.svc.Users(w.ctx, w.officer)
	wantErr(t, "Users by an officer", err, casework.ErrForbidden)

	var actions []string
	for _, e := range entries(t, w.store) {
		actions = append(actions, e.Action)
	}
	for _, want := range []string{"user.add", "token.issue", "user.disable", "user.enable"} {
		if !slices.Contains(actions, want) {
			t.Errorf("log has no %s entry: %v", want, actions)
		}
	}
}

// testServiceLifecycle walks the main path to 结案, checks who may take each
// step, and reads the timeline.
func testServiceLifecycle(t *testing.T, w *world) {
	c := w.newCase(t, "某某食品有限公司销售过期食品案")
	if c.ID != "scjg-2026-000001" || c.Stage != casework.StageFiling || c.Version != 1 {
		t.Fatalf("new case = %s in %s v%d", c.ID, c.Stage, c.Version)
	}
	if c2 := w.newCase(t, "第二案"); c2.ID != "scjg-2026-000002" {
		t.Errorf("second case ID = %s", c2.ID)
	}
	_, err := w.svc.CreateCase(w.ctx, w.reviewer, casework.NewCase{Title: "x"})
	wantErr(t, "CreateCase by a reviewer", err, casework.ErrForbidden)
	for _, bad := range []casework.NewCase{{Title: ""}, {Title: "a\x01"}, {Title: strings.Repeat("长", 201)}, {Title: "x", Facts: "\xff"},
		{Title: "x", Party: casework.Party{Kind: "robot"}}} {
		_, err := w.svc.CreateCase(w.ctx, w.officer, bad)
		wantErr(t, "CreateCase with bad input", err, casework.ErrInvalid)
	}

	// Who may not take a step: wrong role, other agency.
	_, err = w.svc.Transition(w.ctx, w.officer, c.ID, c.Version, casework.ActionRegister, "")
	wantErr(t, "register by an officer", err, casework.ErrForbidden)
	_, err = w.svc.Transition(w.ctx, w.other, c.ID, c.Version, casework.ActionRegister, "")
	wantErr(t, "register by another agency's leader", err, casework.ErrForbidden)
	_, err = w.svc.Transition(w.ctx, w.leader, c.ID, c.Version, casework.ActionApprove, "")
	wantErr(t, "approve in 立案审批", err, casework.ErrStage)
	_, err = w.svc.Transition(w.ctx, w.leader, "scjg-2026-999999", 1, casework.ActionRegister, "")
	wantErr(t, "register an unknown case", err, casework.ErrNotFound)
	_, err = w.svc.Case(w.ctx, w.other, c.ID)
	wantErr(t, "another agency reads the case", err, casework.ErrForbidden)
	_, err = w.svc.Case(w.ctx, w.trainer, c.ID)
	wantErr(t, "a trainer reads an open case", err, casework.ErrForbidden)

	c = w.step(t, w.leader, c, casework.ActionRegister, "")
	if c.Stage != casework.StageInvestigating || c.Opened.IsZero() {
		t.Fatalf("after register: %s, opened %v", c.Stage, c.Opened)
	}
	c = w.step(t, w.officer, c, casework.ActionToDiscretion, "")
	_, err = w.svc.Transition(w.ctx, w.officer, c.ID, c.Version, casework.ActionNotify, "")
	wantErr(t, "notify without a proposal", err, casework.ErrStage)
	analysis := json.RawMessage(`{"violations":[{"benchmark":"fsl-124"}]}`)
	c, err = w.svc.EditCase(w.ctx, w.officer2, c.ID, c.Version, casework.CaseEdit{Analysis: &analysis})
	if err != nil {
		t.Fatalf("attach analysis: %v", err)
	}
	bad := json.RawMessage(`{not json`)
	_, err = w.svc.EditCase(w.ctx, w.officer, c.ID, c.Version, casework.CaseEdit{Analysis: &bad})
	wantErr(t, "attach malformed analysis", err, casework.ErrInvalid)
	// A fine outside the suggested range needs a recorded reason.
	c, err = w.svc.EditCase(w.ctx, w.officer, c.ID, c.Version, casework.CaseEdit{Proposal: &casework.Proposal{Disposition: "处罚", Fine: 100000, SuggestedMin: 30000, SuggestedMax: 80000}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = w.svc.Transition(w.ctx, w.officer, c.ID, c.Version, casework.ActionNotify, "")
	wantErr(t, "notify with an unexplained deviation", err, casework.ErrStage)
	c, err = w.svc.EditCase(w.ctx, w.officer, c.ID, c.Version, casework.CaseEdit{Proposal: &casework.Proposal{Disposition: "处罚", Fine: 100000,
		SuggestedMin: 30000, SuggestedMax: 80000, Deviation: "当事人拒不改正，情节严重"}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = w.svc.EditCase(w.ctx, w.officer, c.ID, c.Version-1, casework.CaseEdit{Facts: new(string)})
	wantErr(t, "edit at an old version", err, casework.ErrConflict)
	c = w.step(t, w.officer, c, casework.ActionNotify, "")
	c = w.step(t, w.officer, c, casework.ActionSubmitReview, "")
	_, err = w.svc.Transition(w.ctx, w.officer, c.ID, c.Version, casework.ActionReviewPass, "")
	wantErr(t, "review by an officer", err, casework.ErrForbidden)
	_, err = w.svc.Transition(w.ctx, w.reviewer, c.ID, c.Version, casework.ActionReviewPass, "")
	wantErr(t, "review pass without the checklist marked", err, casework.ErrStage)
	c = w.opinion(t, c, casework.OpinionAgree, "")
	c = w.step(t, w.reviewer, c, casework.ActionReviewPass, "事实清楚，证据确凿，适用依据正确")
	c = w.step(t, w.leader, c, casework.ActionApprove, "")
	if c.Stage != casework.StageDecided || c.Decided.IsZero() {
		t.Fatalf("after approve: %s, decided %v", c.Stage, c.Decided)
	}
	title := "改名"
	_, err = w.svc.EditCase(w.ctx, w.officer, c.ID, c.Version, casework.CaseEdit{Title: &title})
	wantErr(t, "edit after the decision", err, casework.ErrStage)
	c = w.step(t, w.officer, c, casework.ActionServe, "")
	c = w.step(t, w.officer, c, casework.ActionExecute, "")
	c = w.step(t, w.leader, c, casework.ActionClose, "")
	_, err = w.svc.Share(w.ctx, w.officer, c.ID, c.Version, true)
	wantErr(t, "share by an officer", err, casework.ErrForbidden)
	c, err = w.svc.Share(w.ctx, w.leader, c.ID, c.Version, true)
	if err != nil || !c.SharedForTraining {
		t.Fatalf("Share: %+v, %v", c, err)
	}
	// Trainers read the anonymised extract (TrainingCase), never the case.
	_, err = w.svc.Case(w.ctx, w.trainer, c.ID)
	wantErr(t, "trainer reads a shared closed case itself", err, casework.ErrForbidden)
	if ex, err := w.svc.TrainingCase(w.ctx, w.trainer, c.ID); err != nil || ex.CaseID != c.ID {
		t.Errorf("trainer reads the shared case's extract: %+v, %v", ex, err)
	}
	_, err = w.svc.Timeline(w.ctx, w.trainer, c.ID)
	wantErr(t, "trainer reads the timeline", err, casework.ErrForbidden)

	tl, err := w.svc.Timeline(w.ctx, w.reviewer, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range tl {
		got = append(got, e.Action)
		if e.CaseID != c.ID || e.Actor == "" || e.After == "" {
			t.Errorf("timeline entry %+v lacks case, actor or digest", e)
		}
	}
	want := []string{"case.create", "case.transition.register", "case.transition.to_discretion", "case.update", "case.update", "case.update",
		"case.transition.notify", "case.transition.submit_review", "case.review", "case.transition.review_pass", "case.transition.approve",
		"publication.create", "document.issue", "delivery.record", "case.transition.serve", "case.transition.execute", "case.transition.close", "case.share"}
	if !slices.Equal(got, want) {
		t.Errorf("timeline = %v\nwant %v", got, want)
	}
	// Each object's entries chain: a case entry's before-digest is the
	// previous case entry's after-digest; likewise for the publication.
	last := map[string]string{}
	for i, e := range tl {
		object, _, _ := strings.Cut(e.Action, ".")
		if prev, ok := last[object]; ok && e.Before != prev || !ok && i > 0 && object == "case" {
			t.Errorf("timeline entry %d's before-digest is not the previous %s entry's after-digest", e.Seq, object)
		}
		last[object] = e.After
	}
}

// testServiceBranches: 不予立案, 撤案, 移送, returns, 集体讨论, 补充调查; ended
// cases take no more steps.
func testServiceBranches(t *testing.T, w *world) {
	c := w.newCase(t, "不予立案案")
	_, err := w.svc.Transition(w.ctx, w.leader, c.ID, c.Version, casework.ActionNotFile, "  ")
	wantErr(t, "不予立案 without a reason", err, casework.ErrStage)
	c = w.step(t, w.leader, c, casework.ActionNotFile, "违法行为轻微并及时改正，没有造成危害后果")
	if c.Stage != casework.StageNotFiled || !c.Opened.IsZero() {
		t.Errorf("不予立案: %s, opened %v", c.Stage, c.Opened)
	}
	for _, a := range casework.Actions() {
		_, err := w.svc.Transition(w.ctx, w.leader, c.ID, c.Version, a, "理由")
		wantErr(t, "a step after 不予立案", err, casework.ErrStage)
	}

	c = w.toStage(t, casework.StageInvestigating)
	c = w.step(t, w.leader, c, casework.ActionWithdraw, "违法事实不能成立")
	if c.Stage != casework.StageWithdrawn {
		t.Errorf("撤案 → %s", c.Stage)
	}

	c = w.toStage(t, casework.StageDiscretion)
	_, err = w.svc.Transition(w.ctx, w.officer, c.ID, c.Version, casework.ActionTransfer, "涉嫌犯罪")
	wantErr(t, "移送 by an officer", err, casework.ErrForbidden)
	c = w.step(t, w.leader, c, casework.ActionTransfer, "涉嫌生产、销售不符合安全标准的食品罪，移送公安机关")
	if c.Stage != casework.StageTransferred {
		t.Errorf("移送 → %s", c.Stage)
	}

	c = w.toStage(t, casework.StageReview)
	c = w.opinion(t, c, casework.OpinionDisagree, "证据不足，补充询问笔录")
	c = w.step(t, w.reviewer, c, casework.ActionReviewReturn, "证据不足，补充询问笔录")
	if c.Stage != casework.StageDiscretion {
		t.Errorf("审核退回 → %s", c.Stage)
	}
	o, r, l := w.officer, w.reviewer, w.leader
	c = w.walk(t, c, []move{{o, casework.ActionReinvestigate, ""}, {o, casework.ActionToDiscretion, ""}, {o, casework.ActionNotify, ""},
		{o, casework.ActionSubmitReview, ""}, {r, casework.ActionReviewPass, ""}, {l, casework.ActionCollective, ""},
		{l, casework.ActionReturn, "重新核定罚款数额"}})
	if c.Stage != casework.StageDiscretion {
		t.Errorf("集体讨论退回 → %s", c.Stage)
	}
	c = w.walk(t, c, []move{{o, casework.ActionNotify, ""}, {o, casework.ActionSubmitReview, ""}, {r, casework.ActionReviewPass, ""},
		{l, casework.ActionCollective, ""}, {l, casework.ActionApprove, "集体讨论决定"}, {o, casework.ActionServe, ""}, {o, casework.ActionClose, ""}})
	if c.Stage != casework.StageClosed {
		t.Errorf("served → close: %s", c.Stage)
	}
}

// testServiceDeadlines: 90 days from 立案 (行政处罚法 第六十条), extensions,
// and the overdue queue as the clock moves.
func testServiceDeadlines(t *testing.T, w *world) {
	c := w.newCase(t, "期限案")
	if !c.Due.IsZero() {
		t.Errorf("deadline before 立案: %v", c.Due)
	}
	c = w.step(t, w.leader, c, casework.ActionRegister, "")
	if want := c.Opened.AddDate(0, 0, casework.DefaultDecisionDays); !c.Due.Equal(want) {
		t.Errorf("Due = %v, want 立案 + 90 days = %v", c.Due, want)
	}
	_, err := w.svc.Extend(w.ctx, w.officer, c.ID, c.Version, 30, "案情复杂")
	wantErr(t, "extension by an officer", err, casework.ErrForbidden)
	_, err = w.svc.Extend(w.ctx, w.leader, c.ID, c.Version, 30, "")
	wantErr(t, "extension without a reason", err, casework.ErrInvalid)
	_, err = w.svc.Extend(w.ctx, w.leader, c.ID, c.Version, 0, "x")
	wantErr(t, "extension of 0 days", err, casework.ErrInvalid)
	due := c.Due
	c, err = w.svc.Extend(w.ctx, w.leader, c.ID, c.Version, 30, "案情复杂，经负责人批准延长")
	if err != nil || !c.Due.Equal(due.AddDate(0, 0, 30)) || len(c.Extensions) != 1 {
		t.Fatalf("Extend: due %v, %d extensions, %v", c.Due, len(c.Extensions), err)
	}
	other := w.toStage(t, casework.StageDecided)
	overdue := func() []string {
		list, err := w.svc.Cases(w.ctx, w.officer, casework.QueueOverdue, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, x := range list {
			ids = append(ids, x.ID)
		}
		return ids
	}
	if got := overdue(); len(got) != 0 {
		t.Errorf("overdue on day 1: %v", got)
	}
	w.clock.Add(100 * 24 * time.Hour)
	if got := overdue(); len(got) != 0 {
		t.Errorf("overdue after 100 days with a 120-day deadline: %v", got)
	}
	w.clock.Add(21 * 24 * time.Hour)
	if got := overdue(); !slices.Equal(got, []string{c.ID}) {
		t.Errorf("overdue after 121 days = %v, want %s (not the decided %s)", got, c.ID, other.ID)
	}
	if !c.Overdue(w.clock.Now()) {
		t.Errorf("Case.Overdue false after the deadline")
	}
	_, err = w.svc.Extend(w.ctx, w.leader, other.ID, other.Version, 10, "x")
	wantErr(t, "extension of a decided case", err, casework.ErrStage)
}

var png = append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{1}, 600)...)

// testServiceEvidence: attach, list, download; duplicates, types, size,
// roles.
func testServiceEvidence(t *testing.T, w *world) {
	c := w.toStage(t, casework.StageInvestigating)
	ev, err := w.svc.AddEvidence(w.ctx, w.officer, c.ID, bytes.NewReader(png), "现场照片.png", "证明当事人陈列过期食品")
	if err != nil {
		t.Fatal(err)
	}
	if ev.MediaType != "image/png" || ev.Size != int64(len(png)) || ev.Stage != casework.StageInvestigating || len(ev.Digest) != 64 {
		t.Errorf("evidence = %+v", ev)
	}
	_, err = w.svc.AddEvidence(w.ctx, w.officer, c.ID, bytes.NewReader(png), "again.png", "")
	wantErr(t, "the same file twice", err, casework.ErrExists)
	_, err = w.svc.AddEvidence(w.ctx, w.officer, c.ID, strings.NewReader("MZ\x90\x00 an executable"+strings.Repeat("\x00", 100)), "x.exe", "")
	wantErr(t, "an executable", err, casework.ErrInvalid)
	_, err = w.svc.AddEvidence(w.ctx, w.officer, c.ID, strings.NewReader(""), "empty.png", "")
	wantErr(t, "an empty file", err, casework.ErrInvalid)
	big := append(slices.Clone(png), bytes.Repeat([]byte{2}, int(w.svc.MaxEvidence()))...)
	_, err = w.svc.AddEvidence(w.ctx, w.officer, c.ID, bytes.NewReader(big), "big.png", "")
	wantErr(t, "a file over the limit", err, casework.ErrTooLarge)
	_, err = w.svc.AddEvidence(w.ctx, w.reviewer, c.ID, bytes.NewReader(png), "r.png", "")
	wantErr(t, "evidence by a reviewer", err, casework.ErrForbidden)
	_, err = w.svc.AddEvidence(w.ctx, w.other, c.ID, bytes.NewReader(png), "o.png", "")
	wantErr(t, "evidence by another agency", err, casework.ErrForbidden)

	list, err := w.svc.EvidenceList(w.ctx, w.leader, c.ID)
	if err != nil || len(list) != 1 || list[0].Digest != ev.Digest {
		t.Fatalf("EvidenceList = %+v, %v", list, err)
	}
	_, rc, err := w.svc.OpenEvidence(w.ctx, w.reviewer, c.ID, ev.Digest)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(rc)
	rc.Close()
	if !bytes.Equal(got, png) {
		t.Errorf("downloaded %d bytes, want the %d uploaded", len(got), len(png))
	}
	_, _, err = w.svc.OpenEvidence(w.ctx, w.other, c.ID, ev.Digest)
	wantErr(t, "download by another agency", err, casework.ErrForbidden)
	_, _, err = w.svc.OpenEvidence(w.ctx, w.officer, c.ID, strings.Repeat("0", 64))
	wantErr(t, "download of a digest not on the case", err, casework.ErrNotFound)

	tl, err := w.svc.Timeline(w.ctx, w.officer, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	last := tl[len(tl)-1]
	if last.Action != "evidence.add" || !slices.Equal(last.Evidence, []string{ev.Digest}) {
		t.Errorf("last timeline entry = %+v, want evidence.add with the digest", last)
	}
	if n := len(entries(t, w.store)); n != int(last.Seq) {
		t.Errorf("refused uploads left log entries: %d entries, last evidence entry %d", n, last.Seq)
	}
}

// testServiceQueues: each queue lists what its role should see.
func testServiceQueues(t *testing.T, w *world) {
	filing := w.newCase(t, "待立案")
	review := w.toStage(t, casework.StageReview)
	approval := w.toStage(t, casework.StageApproval)
	closed := w.toStage(t, casework.StageClosed)
	closed, err := w.svc.Share(w.ctx, w.leader, closed.ID, closed.Version, true)
	if err != nil {
		t.Fatal(err)
	}
	otherCase, err := w.svc.CreateCase(w.ctx, w.other, casework.NewCase{Title: "他局案件"})
	if err != nil {
		t.Fatal(err)
	}
	ids := func(actor casework.User, q casework.Queue) []string {
		t.Helper()
		list, err := w.svc.Cases(w.ctx, actor, q, 0, 0)
		if err != nil {
			t.Fatalf("queue %s for %s: %v", q, actor.ID, err)
		}
		var out []string
		for _, c := range list {
			out = append(out, c.ID)
		}
		slices.Sort(out)
		return out
	}
	sorted := func(s ...string) []string { slices.Sort(s); return s }
	tests := []struct {
		actor casework.User
		q     casework.Queue
		want  []string
	}{
		{w.officer, casework.QueueMine, sorted(filing.ID, review.ID, approval.ID)},
		{w.officer2, casework.QueueMine, nil},
		{w.reviewer, casework.QueueReview, []string{review.ID}},
		{w.leader, casework.QueueApproval, sorted(filing.ID, approval.ID)},
		{w.leader, casework.QueueAgency, sorted(filing.ID, review.ID, approval.ID, closed.ID)},
		{w.leader, casework.QueueTraining, []string{closed.ID}},
		{w.other, casework.QueueAgency, []string{otherCase.ID}},
	}
	for _, tt := range tests {
		if got := ids(tt.actor, tt.q); !slices.Equal(got, tt.want) {
			t.Errorf("queue %s for %s = %v, want %v", tt.q, tt.actor.ID, got, tt.want)
		}
	}
	for _, bad := range []struct {
		actor casework.User
		q     casework.Queue
		want  error
	}{
		{w.officer, casework.QueueReview, casework.ErrForbidden},
		{w.trainer, casework.QueueTraining, casework.ErrForbidden},
		{w.reviewer, casework.QueueApproval, casework.ErrForbidden},
		{w.trainer, casework.QueueAgency, casework.ErrForbidden},
		{w.admin, casework.QueueMine, casework.ErrForbidden},
		{w.leader, "everything", casework.ErrInvalid},
	} {
		_, err := w.svc.Cases(w.ctx, bad.actor, bad.q, 0, 0)
		if !errors.Is(err, bad.want) {
			t.Errorf("queue %s for %s: %v, want %v", bad.q, bad.actor.ID, err, bad.want)
		}
	}
}
