package storetest

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
)

// maskParty is the suite's working Anonymiser: it replaces the party's
// name, representative and ID number wherever they occur (the app's
// adapter applies the publication rules of the redact package instead).
type maskParty struct{}

func (maskParty) Anonymise(p casework.Party, texts []string) ([]string, error) {
	out := make([]string, len(texts))
	for i, s := range texts {
		for _, v := range []string{p.Name, p.Representative, p.IDNumber, p.Phone, p.Address} {
			if v != "" {
				s = strings.ReplaceAll(s, v, "当事人")
			}
		}
		out[i] = s
	}
	return out, nil
}

// article32 is 行政处罚法 第三十二条's opening sentence, as in the statute text.
const article32 = "当事人有下列情形之一，应当从轻或者减轻行政处罚："

// citeArticles is the suite's working CitationResolver over one article.
type citeArticles struct{}

func (citeArticles) Cite(_ context.Context, text string) ([]casework.Citation, error) {
	var out []casework.Citation
	if strings.Contains(text, "行政处罚法》第三十二条") {
		out = append(out, casework.Citation{Text: "《行政处罚法》第三十二条", Label: "行政处罚法第三十二条", Article: article32, InForce: true})
	}
	if strings.Contains(text, "第九千条") {
		out = append(out, casework.Citation{Text: "第九千条", Error: "未找到该条文"})
	}
	return out, nil
}

// testDiscussionTx: discussions, comments, notifications and collections
// as stored, with the errors every store returns.
func testDiscussionTx(t *testing.T, s casework.Store) {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	update(t, s, func(tx casework.Tx) error {
		return tx.CreateCase(sampleCase("scjg-2026-000001", "scjg", casework.StageReview, at))
	})
	d1 := casework.Discussion{ID: "scjg-2026-000001-d1", CaseID: "scjg-2026-000001", Agency: "scjg", Topic: "罚款幅度", Audience: casework.AudienceInvited,
		Invited: []string{"b"}, OpenedBy: "a", Opened: at, Version: 1, Updated: at}
	d2 := d1
	d2.ID, d2.Opened, d2.Topic = "scjg-2026-000001-d2", at.Add(time.Hour), "是否移送"
	update(t, s, func(tx casework.Tx) error {
		if err := tx.CreateDiscussion(d1); err != nil {
			return err
		}
		return tx.CreateDiscussion(d2)
	})
	ctx := context.Background()
	wantErr(t, "a discussion ID twice", s.Update(ctx, func(tx casework.Tx) error { return tx.CreateDiscussion(d1) }), casework.ErrExists)
	c1 := casework.Comment{ID: d1.ID + "-c1", DiscussionID: d1.ID, Author: "a", Text: "第一条", At: at}
	c2 := casework.Comment{ID: d1.ID + "-c2", DiscussionID: d1.ID, ReplyTo: c1.ID, Author: "b", Text: "回复", Mentions: []string{"a"}, At: at}
	update(t, s, func(tx casework.Tx) error {
		if err := tx.AddComment(c1); err != nil {
			return err
		}
		return tx.AddComment(c2)
	})
	wantErr(t, "a comment on no discussion", s.Update(ctx, func(tx casework.Tx) error {
		return tx.AddComment(casework.Comment{ID: "x-c1", DiscussionID: "x", Text: "?"})
	}), casework.ErrNotFound)
	wantErr(t, "a comment ID twice", s.Update(ctx, func(tx casework.Tx) error { return tx.AddComment(c1) }), casework.ErrExists)
	d1b := d1
	d1b.Version, d1b.Comments = 2, 2
	update(t, s, func(tx casework.Tx) error { return tx.UpdateDiscussion(d1b, 1) })
	wantErr(t, "a stale discussion update", s.Update(ctx, func(tx casework.Tx) error { return tx.UpdateDiscussion(d1b, 1) }), casework.ErrConflict)
	wantErr(t, "an unknown discussion update", s.Update(ctx, func(tx casework.Tx) error {
		x := d1b
		x.ID = "nope"
		return tx.UpdateDiscussion(x, 1)
	}), casework.ErrNotFound)
	n1 := casework.Notification{User: "a", ID: c2.ID, Kind: "mention", DiscussionID: d1.ID, At: at}
	n2 := casework.Notification{User: "a", ID: d2.ID, Kind: "invite", DiscussionID: d2.ID, At: at.Add(time.Minute)}
	update(t, s, func(tx casework.Tx) error {
		for _, n := range []casework.Notification{n1, n2, {User: "b", ID: "other", At: at}} {
			if err := tx.PutNotification(n); err != nil {
				return err
			}
		}
		n1.Read = true
		return tx.PutNotification(n1)
	})
	col := casework.Collection{ID: "col-1", Title: "典型案例", Items: []casework.CollectionItem{}, Created: at, Updated: at, Version: 1}
	old := casework.Collection{ID: "col-0", Title: "旧", Items: []casework.CollectionItem{}, Created: at, Updated: at.Add(-time.Hour), Version: 1}
	update(t, s, func(tx casework.Tx) error {
		if err := tx.CreateCollection(old); err != nil {
			return err
		}
		return tx.CreateCollection(col)
	})
	wantErr(t, "a collection ID twice", s.Update(ctx, func(tx casework.Tx) error { return tx.CreateCollection(col) }), casework.ErrExists)
	col2 := col
	col2.Version, col2.Note = 2, "按罚款幅度排列"
	update(t, s, func(tx casework.Tx) error { return tx.UpdateCollection(col2, 1) })
	wantErr(t, "a stale collection update", s.Update(ctx, func(tx casework.Tx) error { return tx.UpdateCollection(col2, 1) }), casework.ErrConflict)

	view(t, s, func(tx casework.ReadTx) error {
		d, err := tx.Discussion(d1.ID)
		if err != nil || d.Version != 2 || d.Comments != 2 || !slices.Equal(d.Invited, []string{"b"}) {
			t.Errorf("Discussion = %+v, %v", d, err)
		}
		_, err = tx.Discussion("nope\x00")
		wantErr(t, "an unknown discussion", err, casework.ErrNotFound)
		ds, err := tx.Discussions("scjg-2026-000001")
		if err != nil || len(ds) != 2 || ds[0].ID != d2.ID {
			t.Errorf("Discussions = %+v, %v; want d2 (opened later) first", ds, err)
		}
		if ds, err := tx.Discussions(""); err != nil || len(ds) != 2 {
			t.Errorf("all Discussions = %d, %v", len(ds), err)
		}
		if ds, err := tx.Discussions("other-case"); err != nil || len(ds) != 0 {
			t.Errorf("Discussions of another case = %+v, %v", ds, err)
		}
		cs, err := tx.Comments(d1.ID)
		if err != nil || len(cs) != 2 || cs[0].ID != c1.ID || cs[1].ReplyTo != c1.ID || !slices.Equal(cs[1].Mentions, []string{"a"}) {
			t.Errorf("Comments = %+v, %v", cs, err)
		}
		ns, err := tx.Notifications("a")
		if err != nil || len(ns) != 2 || ns[0].ID != n2.ID || !ns[1].Read || ns[0].Read {
			t.Errorf("Notifications = %+v, %v; want the newer unread invite first, the mention read", ns, err)
		}
		cols, err := tx.Collections()
		if err != nil || len(cols) != 2 || cols[0].ID != col.ID || cols[0].Note != col2.Note {
			t.Errorf("Collections = %+v, %v", cols, err)
		}
		_, err = tx.Collection("nope")
		wantErr(t, "an unknown collection", err, casework.ErrNotFound)
		return nil
	})
}

// testServiceDiscussion: a discussion is opened, commented with a mention,
// a citation and an attachment, concluded; every event is in the case's
// record; who may take part and what they see.
func testServiceDiscussion(t *testing.T, w *world) {
	c := w.toStage(t, casework.StageReview)
	ev, err := w.svc.AddEvidence(w.ctx, w.officer, c.ID, bytes.NewReader(png), "现场照片.png", "")
	if err != nil {
		t.Fatal(err)
	}
	otherReviewer, _, err := w.svc.AddUser(w.ctx, w.admin, casework.User{ID: "hj.reviewer", Agency: "sthj", Roles: []casework.Role{casework.RoleReviewer}}, "")
	if err != nil {
		t.Fatal(err)
	}
	before := len(entries(t, w.store))
	_, err = w.svc.OpenDiscussion(w.ctx, w.officer, c.ID, casework.NewDiscussion{Topic: "跨机关", Invited: []string{w.other.ID}})
	wantErr(t, "another agency invited to the case itself", err, casework.ErrInvalid)
	_, err = w.svc.OpenDiscussion(w.ctx, w.officer, c.ID, casework.NewDiscussion{Topic: "全市", Audience: casework.AudienceCityReviewers})
	wantErr(t, "the city's reviewers without an extract", err, casework.ErrInvalid)
	_, err = w.svc.OpenDiscussion(w.ctx, w.other, c.ID, casework.NewDiscussion{Topic: "他机关"})
	wantErr(t, "another agency opening", err, casework.ErrForbidden)
	_, err = w.svc.OpenDiscussion(w.ctx, w.trainer, c.ID, casework.NewDiscussion{Topic: "培训"})
	wantErr(t, "a trainer opening", err, casework.ErrForbidden)
	_, err = w.svc.OpenDiscussion(w.ctx, w.officer, c.ID, casework.NewDiscussion{Topic: " "})
	wantErr(t, "an empty topic", err, casework.ErrInvalid)
	_, err = w.svc.OpenDiscussion(w.ctx, w.officer, c.ID, casework.NewDiscussion{Topic: "x", Invited: []string{"nobody"}})
	wantErr(t, "an unknown colleague", err, casework.ErrInvalid)
	_, err = w.svc.OpenDiscussion(w.ctx, w.officer, "scjg-2026-999999", casework.NewDiscussion{Topic: "x"})
	wantErr(t, "an unknown case", err, casework.ErrNotFound)
	if n := len(entries(t, w.store)); n != before {
		t.Fatalf("refused openings left %d entries", n-before)
	}

	d, err := w.svc.OpenDiscussion(w.ctx, w.officer, c.ID, casework.NewDiscussion{Topic: "罚款是否应当从轻", Invited: []string{w.reviewer.ID, w.officer2.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != c.ID+"-d1" || d.Anonymised || d.Extract != nil {
		t.Errorf("discussion = %+v", d)
	}
	th, err := w.svc.Discussion(w.ctx, w.reviewer, d.ID)
	if err != nil || th.Case == nil || th.Case.Party.Name != "某某食品有限公司" {
		t.Fatalf("the invited reviewer reads %+v, %v", th, err)
	}
	_, err = w.svc.Discussion(w.ctx, w.other, d.ID)
	wantErr(t, "another agency reading", err, casework.ErrForbidden)
	_, err = w.svc.Discussion(w.ctx, otherReviewer, d.ID)
	wantErr(t, "a reviewer of another agency reading an invited discussion", err, casework.ErrForbidden)

	com, err := w.svc.AddComment(w.ctx, w.reviewer, d.ID, casework.NewComment{Text: "@zhang.san 依照《行政处罚法》第三十二条，请核实是否主动消除危害后果。",
		Attachments: []string{ev.Digest}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(com.Mentions, []string{w.officer.ID}) || len(com.Citations) != 1 || com.Citations[0].Article != article32 {
		t.Errorf("comment = %+v", com)
	}
	_, err = w.svc.AddComment(w.ctx, w.officer, d.ID, casework.NewComment{Text: "@hj.officer 请看"})
	wantErr(t, "a mention of someone outside", err, casework.ErrInvalid)
	_, err = w.svc.AddComment(w.ctx, w.officer, d.ID, casework.NewComment{Text: "附件", Attachments: []string{strings.Repeat("0", 64)}})
	wantErr(t, "an attachment not of the case", err, casework.ErrInvalid)
	_, err = w.svc.AddComment(w.ctx, w.officer, d.ID, casework.NewComment{Text: "回复", ReplyTo: d.ID + "-c9"})
	wantErr(t, "a reply to no comment", err, casework.ErrInvalid)
	_, err = w.svc.AddComment(w.ctx, w.other, d.ID, casework.NewComment{Text: "外人"})
	wantErr(t, "a comment by another agency", err, casework.ErrForbidden)
	reply, err := w.svc.AddComment(w.ctx, w.officer, d.ID, casework.NewComment{Text: "已核实，当场改正。", ReplyTo: com.ID})
	if err != nil || reply.ID != d.ID+"-c2" || reply.ReplyTo != com.ID {
		t.Fatalf("reply = %+v, %v", reply, err)
	}

	ns, unread, err := w.svc.Notifications(w.ctx, w.officer)
	if err != nil || unread != 1 || len(ns) != 1 || ns[0].Kind != "mention" || ns[0].ID != com.ID {
		t.Errorf("officer's notifications = %+v (%d unread), %v", ns, unread, err)
	}
	if _, unread, _ := w.svc.Notifications(w.ctx, w.reviewer); unread != 1 {
		t.Errorf("the invited reviewer has %d unread, want the invitation", unread)
	}
	_, err = w.svc.MarkRead(w.ctx, w.officer, []string{"nope"})
	wantErr(t, "marking an unknown notification", err, casework.ErrNotFound)
	if n, err := w.svc.MarkRead(w.ctx, w.officer, nil); err != nil || n != 1 {
		t.Errorf("MarkRead = %d, %v", n, err)
	}
	if _, unread, _ := w.svc.Notifications(w.ctx, w.officer); unread != 0 {
		t.Errorf("%d unread after marking all read", unread)
	}

	ev2, rc, err := w.svc.OpenAttachment(w.ctx, w.officer2, d.ID, ev.Digest)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(rc)
	rc.Close()
	if ev2.Digest != ev.Digest || !bytes.Equal(got, png) {
		t.Errorf("attachment %+v: %d bytes", ev2, len(got))
	}
	_, _, err = w.svc.OpenAttachment(w.ctx, w.other, d.ID, ev.Digest)
	wantErr(t, "an attachment for another agency", err, casework.ErrForbidden)

	_, err = w.svc.Conclude(w.ctx, w.officer2, d.ID, d.Version+2, "从轻")
	wantErr(t, "a conclusion by an invited colleague", err, casework.ErrForbidden)
	_, err = w.svc.Conclude(w.ctx, w.officer, d.ID, d.Version, "从轻")
	wantErr(t, "a conclusion at a stale version", err, casework.ErrConflict)
	done, err := w.svc.Conclude(w.ctx, w.officer, d.ID, d.Version+2, "符合第三十二条从轻情形，建议从轻处罚。")
	if err != nil || done.Conclusion == nil || done.Conclusion.By != w.officer.ID {
		t.Fatalf("Conclude = %+v, %v", done, err)
	}
	_, err = w.svc.Conclude(w.ctx, w.leader, d.ID, done.Version, "再次")
	wantErr(t, "a second conclusion", err, casework.ErrStage)
	_, err = w.svc.AddComment(w.ctx, w.officer, d.ID, casework.NewComment{Text: "结论之后"})
	wantErr(t, "a comment after the conclusion", err, casework.ErrStage)

	tl, err := w.svc.Timeline(w.ctx, w.leader, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range tl {
		if strings.HasPrefix(e.Action, "discussion.") {
			actions = append(actions, e.Action)
		}
	}
	if want := []string{"discussion.open", "discussion.comment", "discussion.comment", "discussion.conclude"}; !slices.Equal(actions, want) {
		t.Errorf("discussion entries in the case record = %v, want %v", actions, want)
	}

	// An anonymised extract for the city's reviewers: they read no party
	// and no case, and evidence stays with the agency.
	x, err := w.svc.OpenDiscussion(w.ctx, w.leader, c.ID, casework.NewDiscussion{Topic: "同类案件裁量尺度", Anonymised: true,
		Audience: casework.AudienceCityReviewers, Invited: []string{w.other.ID}})
	if err != nil {
		t.Fatal(err)
	}
	th, err = w.svc.Discussion(w.ctx, otherReviewer, x.ID)
	if err != nil || th.Case != nil || th.Discussion.Extract == nil {
		t.Fatalf("a city reviewer reads %+v, %v", th, err)
	}
	if strings.Contains(th.Discussion.Extract.Title+th.Discussion.Extract.Facts, "某某食品有限公司") {
		t.Errorf("extract names the party: %+v", th.Discussion.Extract)
	}
	_, err = w.svc.AddComment(w.ctx, w.leader, x.ID, casework.NewComment{Text: "附件", Attachments: []string{ev.Digest}})
	wantErr(t, "an attachment in an anonymised discussion", err, casework.ErrInvalid)
	if _, err := w.svc.AddComment(w.ctx, otherReviewer, x.ID, casework.NewComment{Text: "@hj.officer 本局类似案件罚款较低。"}); err != nil {
		t.Errorf("a city reviewer mentioning an invited colleague: %v", err)
	}
	list, err := w.svc.Discussions(w.ctx, otherReviewer, "")
	if err != nil || len(list) != 1 || list[0].ID != x.ID {
		t.Errorf("a city reviewer lists %+v, %v", list, err)
	}
	_, err = w.svc.Discussions(w.ctx, w.trainer, "")
	wantErr(t, "a trainer listing discussions", err, casework.ErrForbidden)
}

// testServiceTraining: trainers browse and compare shared ended cases as
// anonymised extracts, curate collections, and never see an open case.
func testServiceTraining(t *testing.T, w *world) {
	open := w.toStage(t, casework.StageReview)
	closedNotShared := w.toStage(t, casework.StageClosed)
	a := w.toStage(t, casework.StageClosed)
	b := w.toStage(t, casework.StageClosed)
	for _, c := range []casework.Case{a, b} {
		if _, err := w.svc.Share(w.ctx, w.leader, c.ID, c.Version, true); err != nil {
			t.Fatal(err)
		}
	}
	list, err := w.svc.TrainingCases(w.ctx, w.trainer, casework.TrainingFilter{})
	if err != nil || len(list) != 2 {
		t.Fatalf("TrainingCases = %d, %v; want the 2 shared", len(list), err)
	}
	for _, x := range list {
		if x.CaseID == open.ID || x.CaseID == closedNotShared.ID || strings.Contains(x.Title+x.Facts, "某某食品有限公司") || x.Fine != 50000 {
			t.Errorf("training extract %+v", x)
		}
	}
	for _, f := range []casework.TrainingFilter{{MinFine: 60000}, {Outcome: casework.StageWithdrawn}, {Disposition: "从重处罚"}, {Sector: "environment"}} {
		if got, err := w.svc.TrainingCases(w.ctx, w.trainer, f); err != nil || len(got) != 0 {
			t.Errorf("filter %+v: %d, %v; want none", f, len(got), err)
		}
	}
	if got, _ := w.svc.TrainingCases(w.ctx, w.trainer, casework.TrainingFilter{MinFine: 10000, MaxFine: 50000, Disposition: "处罚", Outcome: casework.StageClosed}); len(got) != 2 {
		t.Errorf("matching filter: %d cases, want 2", len(got))
	}
	_, err = w.svc.TrainingCases(w.ctx, w.admin, casework.TrainingFilter{})
	wantErr(t, "an admin browsing", err, casework.ErrForbidden)
	for _, c := range []casework.Case{open, closedNotShared} {
		_, err = w.svc.TrainingCase(w.ctx, w.trainer, c.ID)
		wantErr(t, "a trainer opening a case not shared/ended", err, casework.ErrForbidden)
		_, err = w.svc.Case(w.ctx, w.trainer, c.ID)
		wantErr(t, "a trainer reading a case not shared/ended", err, casework.ErrForbidden)
	}
	cmp, err := w.svc.Compare(w.ctx, w.trainer, []string{b.ID, a.ID})
	if err != nil || len(cmp) != 2 || cmp[0].CaseID != b.ID || cmp[1].CaseID != a.ID {
		t.Errorf("Compare = %+v, %v", cmp, err)
	}
	if cmp, err := w.svc.Compare(w.ctx, w.trainer, []string{a.ID, b.ID, a.ID}); err != nil || len(cmp) != 2 {
		t.Errorf("Compare with a repeat = %d cases, %v; want 2", len(cmp), err)
	}
	_, err = w.svc.Compare(w.ctx, w.trainer, []string{a.ID, a.ID})
	wantErr(t, "comparing a case with itself", err, casework.ErrInvalid)
	_, err = w.svc.Compare(w.ctx, w.trainer, []string{a.ID, open.ID})
	wantErr(t, "comparing with an open case", err, casework.ErrForbidden)
	_, err = w.svc.Compare(w.ctx, w.trainer, []string{a.ID})
	wantErr(t, "comparing one case", err, casework.ErrInvalid)

	before := len(entries(t, w.store))
	_, err = w.svc.CreateCollection(w.ctx, w.officer, "案例集", "")
	wantErr(t, "an officer creating a collection", err, casework.ErrForbidden)
	col, err := w.svc.CreateCollection(w.ctx, w.trainer, "食品安全典型案例", "用于新任执法人员培训")
	if err != nil {
		t.Fatal(err)
	}
	_, err = w.svc.EditCollection(w.ctx, w.trainer, col.ID, col.Version, casework.CollectionEdit{Add: []casework.CollectionItem{{CaseID: open.ID}}})
	wantErr(t, "adding an open case", err, casework.ErrForbidden)
	_, err = w.svc.EditCollection(w.ctx, w.trainer, col.ID, col.Version, casework.CollectionEdit{Add: []casework.CollectionItem{{CaseID: "nope"}}})
	wantErr(t, "adding an unknown case", err, casework.ErrNotFound)
	col, err = w.svc.EditCollection(w.ctx, w.trainer, col.ID, col.Version, casework.CollectionEdit{Add: []casework.CollectionItem{
		{CaseID: a.ID, Note: "从轻情节认定"}, {CaseID: b.ID, Note: "对照"}}})
	if err != nil || len(col.Items) != 2 || col.Version != 2 {
		t.Fatalf("EditCollection = %+v, %v", col, err)
	}
	_, err = w.svc.EditCollection(w.ctx, w.trainer, col.ID, 1, casework.CollectionEdit{Remove: []string{a.ID}})
	wantErr(t, "a stale collection edit", err, casework.ErrConflict)
	if _, err := w.svc.Share(w.ctx, w.leader, b.ID, b.Version+1, false); err != nil {
		t.Fatal(err)
	}
	v, err := w.svc.Collection(w.ctx, w.trainer, col.ID)
	if err != nil || len(v.Cases) != 1 || v.Cases[0].CaseID != a.ID || !slices.Equal(v.Withdrawn, []string{b.ID}) {
		t.Errorf("Collection after unsharing b = %+v, %v", v, err)
	}
	if got := len(entries(t, w.store)) - before; got != 3 {
		t.Errorf("%d entries for a collection created, edited, and a case unshared; want 3", got)
	}
}

// testConcurrentDiscussion: comments written at once all land, numbered
// without a gap, or fail with ErrConflict; a trainer editing a collection
// while a leader shares and unshares its case neither deadlocks nor fails
// otherwise; the record still verifies.
func testConcurrentDiscussion(t *testing.T, w *world) {
	c := w.toStage(t, casework.StageClosed)
	d, err := w.svc.OpenDiscussion(w.ctx, w.officer, c.ID, casework.NewDiscussion{Topic: "并发发言", Invited: []string{w.reviewer.ID, w.officer2.ID}})
	if err != nil {
		t.Fatal(err)
	}
	const n = 8
	errs := make([]error, 2*n)
	var wg sync.WaitGroup
	for i := range n {
		who := []casework.User{w.officer, w.reviewer, w.officer2, w.leader}[i%4]
		wg.Go(func() {
			_, errs[i] = w.svc.AddComment(w.ctx, who, d.ID, casework.NewComment{Text: fmt.Sprintf("意见 %d", i)})
		})
	}
	col, err := w.svc.CreateCollection(w.ctx, w.trainer, "并发案例集", "")
	if err != nil {
		t.Fatal(err)
	}
	c, err = w.svc.Share(w.ctx, w.leader, c.ID, c.Version, true)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		wg.Go(func() {
			if i%2 == 0 {
				cur, err := w.svc.Case(w.ctx, w.leader, c.ID)
				if err == nil {
					_, err = w.svc.Share(w.ctx, w.leader, c.ID, cur.Version, i%4 == 0)
				}
				errs[n+i] = err
				return
			}
			cur, err := w.svc.Collection(w.ctx, w.trainer, col.ID)
			if err == nil {
				_, err = w.svc.EditCollection(w.ctx, w.trainer, col.ID, cur.Collection.Version,
					casework.CollectionEdit{Add: []casework.CollectionItem{{CaseID: c.ID, Note: fmt.Sprint(i)}}})
			}
			errs[n+i] = err
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil && !errors.Is(err, casework.ErrConflict) && !(i >= n && errors.Is(err, casework.ErrForbidden)) {
			t.Errorf("concurrent change %d: %v, want nil or ErrConflict (ErrForbidden for a case just unshared)", i, err)
		}
	}
	th, err := w.svc.Discussion(w.ctx, w.officer, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if th.Discussion.Comments != len(th.Comments) {
		t.Errorf("discussion counts %d comments, holds %d", th.Discussion.Comments, len(th.Comments))
	}
	for i, com := range th.Comments {
		if want := fmt.Sprintf("%s-c%d", d.ID, i+1); com.ID != want {
			t.Errorf("comment %d is %s, want %s", i, com.ID, want)
		}
	}
	rep, err := casework.Verify(w.ctx, w.store, w.key.Public().(ed25519.PublicKey))
	if err != nil || rep.Entries == 0 {
		t.Errorf("Verify after the race: %+v, %v", rep, err)
	}
}
