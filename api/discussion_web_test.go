package api

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cailiang/cailiang/api/webtest"
	"github.com/cailiang/cailiang/casework"
)

// browserUser adds a user with a known password for signing in on the page.
func (f *permFixture) browserUser(t *testing.T, id, agency string, roles ...casework.Role) {
	t.Helper()
	if _, _, err := f.w.svc.AddUser(context.Background(), f.w.admin, casework.User{ID: id, Name: id, Agency: agency, Roles: roles}, "correct-horse-battery"); err != nil {
		t.Fatal(err)
	}
}

// signIn signs in on the workbench page as id and opens the discussion page
// (with hash, when not empty).
func signIn(ctx context.Context, base, id, hash string) error {
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/workbench")); err != nil {
		return err
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("sessionStorage.clear();true")); err != nil {
		return err
	}
	return chromedp.Do(ctx,
		chromedp.Navigate(base+"/workbench"),
		chromedp.WaitVisible(chromedp.CSS(`#lf input[name=user]`)),
		chromedp.SendKeys(chromedp.CSS(`#lf input[name=user]`), id),
		chromedp.SendKeys(chromedp.CSS(`#lf input[name=password]`), "correct-horse-battery"),
		chromedp.Click(chromedp.CSS(`#lf button`)),
		chromedp.WaitVisible(chromedp.CSS(`#desk`)),
		chromedp.Navigate(base+"/workbench/discuss"+hash),
		chromedp.WaitVisible(chromedp.CSS(`#tabs`)),
	)
}

// TestDiscussionInBrowser: an officer opens a discussion of a case from the
// page, comments with a mention and a citation (the statute text appears
// under the comment) and records the conclusion; the colleague mentioned
// signs in and finds the unread notifications.
func TestDiscussionInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	f := newPermFixture(t)
	f.browserUser(t, "dz", "scjg", casework.RoleOfficer)
	f.browserUser(t, "dr", "scjg", casework.RoleReviewer)
	c := f.caseAt(t, casework.StageReview, false)
	base := "http://" + f.addr
	ctx := webtest.Browser(t, 90*time.Second)
	if err := signIn(ctx, base, "dz", "#case="+c.ID); err != nil {
		t.Fatalf("sign in: %v", err)
	}
	err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS(`#openform input[name=topic]`), "罚款幅度是否适当"),
		chromedp.SendKeys(chromedp.CSS(`#openform input[name=invited]`), "dr"),
		chromedp.Click(chromedp.CSS(`#openform button`)),
		chromedp.WaitVisible(chromedp.CSS(`#thread #cform`)),
		chromedp.SendKeys(chromedp.CSS(`#cform textarea`), "@dr 请对照《食品安全法》第一百二十四条核实货值金额。"),
		chromedp.Click(chromedp.CSS(`#cform button`)),
		chromedp.WaitVisible(chromedp.CSS(`#comments .cite`)),
		chromedp.SendKeys(chromedp.CSS(`#kform textarea`), "货值金额核实无误，维持原建议。"),
		chromedp.Click(chromedp.CSS(`#kform button`)),
		chromedp.WaitVisible(chromedp.CSS(`#concl`)),
	)
	if err != nil {
		t.Fatalf("discuss: %v", err)
	}
	comments, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#comments`)))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"@dr", "食品安全法第一百二十四条", "处五万元以上十万元以下罚款"} {
		if !strings.Contains(comments, want) {
			t.Errorf("the comments lack %q:\n%s", want, comments)
		}
	}
	if concl, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#concl`))); !strings.Contains(concl, "维持原建议") {
		t.Errorf("conclusion on the page: %q", concl)
	}
	tl, err := f.w.svc.Timeline(context.Background(), f.users["leader"], c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range tl {
		if strings.HasPrefix(e.Action, "discussion.") {
			got = append(got, e.Action)
		}
	}
	if want := []string{"discussion.open", "discussion.comment", "discussion.conclude"}; !slices.Equal(got, want) {
		t.Errorf("the case's record has %v, want %v", got, want)
	}

	if err := signIn(ctx, base, "dr", ""); err != nil {
		t.Fatalf("sign in as the colleague: %v", err)
	}
	// The workbench's own page shows the unread count on its link.
	err = chromedp.Do(ctx, chromedp.Navigate(base+"/workbench"), chromedp.WaitVisible(chromedp.CSS(`#unreadcount`)))
	if err != nil {
		t.Fatalf("no unread count on the workbench: %v", err)
	}
	if n, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#unreadcount`))); n != "2 条未读" {
		t.Errorf("workbench unread count %q, want 2 条未读", n)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/workbench/discuss"), chromedp.WaitVisible(chromedp.CSS(`#tabs`))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`#badge`))); err != nil {
		t.Fatalf("no unread badge: %v", err)
	}
	if badge, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#badge`))); badge != "2" {
		t.Errorf("unread badge %q, want 2 (the invitation and the mention)", badge)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#tabs button[data-tab=notes]`)),
		chromedp.WaitVisible(chromedp.CSS(`#nlist table`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	if notes, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#nlist`))); !strings.Contains(notes, "提及了您") || !strings.Contains(notes, "邀请您参加讨论") {
		t.Errorf("notifications on the page:\n%s", notes)
	}
}

// TestTrainingInBrowser: a trainer opens a collection, compares its two
// cases side by side (anonymised: no party name), and cannot open a case
// that is still open or was never shared.
func TestTrainingInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	f := newPermFixture(t)
	f.browserUser(t, "tz", "", casework.RoleTrainer)
	ctx0 := context.Background()
	a, b := f.caseAt(t, casework.StageClosed, true), f.caseAt(t, casework.StageClosed, true)
	open, unshared := f.caseAt(t, casework.StageReview, false), f.caseAt(t, casework.StageClosed, false)
	trainer := f.users["trainer"]
	col, err := f.w.svc.CreateCollection(ctx0, trainer, "销售过期食品典型案例", "用于新任执法人员培训")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.w.svc.EditCollection(ctx0, trainer, col.ID, col.Version, casework.CollectionEdit{Add: []casework.CollectionItem{
		{CaseID: a.ID, Note: "货值金额认定"}, {CaseID: b.ID, Note: "对照案例"}}}); err != nil {
		t.Fatal(err)
	}
	base := "http://" + f.addr
	ctx := webtest.Browser(t, 90*time.Second)
	if err := signIn(ctx, base, "tz", ""); err != nil {
		t.Fatalf("sign in: %v", err)
	}
	err = chromedp.Do(ctx,
		chromedp.WaitVisible(chromedp.CSS(`#tlist table`)),
		chromedp.Click(chromedp.CSS(`#tabs button[data-tab=collections]`)),
		chromedp.WaitVisible(chromedp.CSS(`#clist a[data-col]`)),
		chromedp.Click(chromedp.CSS(`#clist a[data-col]`)),
		chromedp.WaitVisible(chromedp.CSS(`#colcases table`)),
	)
	if err != nil {
		t.Fatalf("open the collection: %v", err)
	}
	cases, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#colcases`)))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{a.ID, b.ID, "货值金额认定", "对照案例"} {
		if !strings.Contains(cases, want) {
			t.Errorf("the collection lacks %q:\n%s", want, cases)
		}
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelectorAll("#colcases input.pick").forEach(i=>i.click());true`)); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#colcompare`)),
		chromedp.WaitVisible(chromedp.CSS(`#cmp tr`)),
	)
	if err != nil {
		t.Fatalf("compare: %v", err)
	}
	cmp, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#cmp`)))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{a.ID, b.ID, "罚款", "5,000 元", "当事人（单位）"} {
		if !strings.Contains(cmp, want) {
			t.Errorf("the comparison lacks %q:\n%s", want, cmp)
		}
	}
	if strings.Contains(cmp, "某食品店") {
		t.Errorf("the comparison names the party:\n%s", cmp)
	}
	for _, c := range []casework.Case{open, unshared} {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("#caseid").value="";document.querySelector("#one").innerHTML="";true`)); err != nil {
			t.Fatal(err)
		}
		err = chromedp.Do(ctx,
			chromedp.SendKeys(chromedp.CSS(`#caseid`), c.ID),
			chromedp.Click(chromedp.CSS(`#opencase`)),
			chromedp.WaitVisible(chromedp.CSS(`#oneerr`)),
		)
		if err != nil {
			t.Fatalf("open %s: %v", c.ID, err)
		}
		text, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#one`)))
		if !strings.Contains(text, "无权") && !strings.Contains(text, "权限") {
			t.Errorf("opening %s (%s) shows %q, want a refusal", c.ID, c.Stage, text)
		}
		if strings.Contains(text, c.Facts) {
			t.Errorf("the refused case's facts are on the page")
		}
	}
}
