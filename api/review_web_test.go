package api

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cailiang/cailiang/api/webtest"
	"github.com/cailiang/cailiang/casework"
)

// TestReviewInBrowser is the acceptance for 法制审核 on the page: an
// officer sends a case with an attached analysis to review, the reviewer
// sees the pre-filled checklist and the consistency strip, marks every
// item, gives 同意 and passes it, the leader approves, and the timeline
// shows each step.
func TestReviewInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	f := newPermFixture(t)
	ctx := context.Background()
	const password = "审核测试密码-2026"
	for _, u := range []casework.User{{ID: "wo", Name: "王办案", Agency: "scjg", Roles: []casework.Role{casework.RoleOfficer}},
		{ID: "wr", Name: "李审核", Agency: "scjg", Roles: []casework.Role{casework.RoleReviewer}},
		{ID: "wl", Name: "赵负责", Agency: "scjg", Roles: []casework.Role{casework.RoleLeader}}} {
		if _, _, err := f.w.svc.AddUser(ctx, f.w.admin, u, password); err != nil {
			t.Fatal(err)
		}
	}
	// A case in 告知 with two officers, an analysis and a proposal.
	c := f.caseAt(t, casework.StageDiscretion, false)
	c, err := f.w.svc.EditCase(ctx, f.users["officer"], c.ID, c.Version, casework.CaseEdit{Officers: []string{"oa", "wo"}})
	if err != nil {
		t.Fatal(err)
	}
	c = f.proposeWith(t, c, "fsl-124", 60000)
	if c, err = f.w.svc.Transition(ctx, f.users["officer"], c.ID, c.Version, casework.ActionNotify, ""); err != nil {
		t.Fatal(err)
	}

	b := webtest.Browser(t, 90*time.Second)
	base := "http://" + f.addr
	login := func(user string) {
		t.Helper()
		err := chromedp.Do(b, chromedp.Navigate(base+"/workbench"), chromedp.Evaluate[chromedp.Void]("sessionStorage.clear()"),
			chromedp.Navigate(base+"/workbench"),
			chromedp.SendKeys(chromedp.CSS(`#lf input[name=user]`), user), chromedp.SendKeys(chromedp.CSS(`#lf input[name=password]`), password),
			chromedp.Click(chromedp.CSS(`#lf button`)), chromedp.WaitVisible(chromedp.CSS(`#desk`)))
		if err != nil {
			t.Fatalf("login %s: %v", user, err)
		}
	}
	// open shows the case from the queue the page opens with for the
	// user (我的案件, 待审核, 待审批), once that has loaded.
	open := func() {
		t.Helper()
		err := chromedp.Do(b, chromedp.WaitVisible(chromedp.CSS(`#lr a[data-id="`+c.ID+`"]`)),
			chromedp.Click(chromedp.CSS(`#lr a[data-id="`+c.ID+`"]`)), chromedp.WaitVisible(chromedp.CSS(`#cstage`)))
		if err != nil {
			t.Fatalf("open %s: %v", c.ID, err)
		}
	}
	waitStage := func(label string) {
		t.Helper()
		if _, err := chromedp.Run(b, chromedp.Poll[bool](`document.querySelector("#cstage")?.textContent===`+"`"+label+"`")); err != nil {
			msg, _ := chromedp.Run(b, chromedp.Text(chromedp.CSS(`#cmsg`)))
			t.Fatalf("stage never became %s: %v (page says %q)", label, err, msg)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(b, chromedp.TextContent(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("%s: %v", sel, err)
		}
		return s
	}

	login("wo")
	open()
	if err := chromedp.Do(b, chromedp.Click(chromedp.CSS(`#actions button[data-action=submit_review]`))); err != nil {
		t.Fatal(err)
	}
	waitStage("法制审核")

	login("wr")
	open()
	if err := chromedp.Do(b, chromedp.WaitVisible(chromedp.CSS(`#rchecklist tr[data-key=transfer]`)),
		chromedp.WaitVisible(chromedp.CSS(`#csvg svg .proposed`))); err != nil {
		t.Fatalf("reviewer opens the case: %v", err)
	}
	checklist := text(`#rchecklist`)
	for _, want := range []string{"执法主体", "是否涉嫌犯罪应当移送", "承办人 2 名", "已告知陈述、申辩权", "法定幅度：50000 元 至 100000 元", "违法行为：销售超过保质期的食品"} {
		if !strings.Contains(checklist, want) {
			t.Errorf("checklist lacks %q:\n%s", want, checklist)
		}
	}
	if s := text(`#csum`); !strings.Contains(s, "在法定幅度") || !strings.Contains(s, "建议幅度") {
		t.Errorf("consistency summary: %q", s)
	}
	if !strings.Contains(text(`#rmeta`), "审核期限") {
		t.Errorf("no review deadline on the page: %q", text(`#rmeta`))
	}
	var marks []chromedp.Action[chromedp.Void]
	for _, k := range casework.ReviewKeys() {
		marks = append(marks, chromedp.SetValue(chromedp.CSS(`#rchecklist tr[data-key=`+k+`] select`), "pass"))
	}
	marks = append(marks, chromedp.SetValue(chromedp.CSS(`#ropinion`), "agree"), chromedp.Click(chromedp.CSS(`#savereview`)))
	if err := chromedp.Do(b, marks...); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(b, chromedp.Poll[bool](`document.querySelector("#rmeta").textContent.includes("审核意见：同意")`)); err != nil {
		t.Fatalf("opinion not shown: %v (%q)", err, text(`#cmsg`))
	}
	if err := chromedp.Do(b, chromedp.Click(chromedp.CSS(`#actions button[data-action=review_pass]`))); err != nil {
		t.Fatal(err)
	}
	waitStage("负责人审批")

	login("wl")
	open()
	if err := chromedp.Do(b, chromedp.Click(chromedp.CSS(`#actions button[data-action=approve]`))); err != nil {
		t.Fatal(err)
	}
	waitStage("决定")
	if _, err := chromedp.Run(b, chromedp.Poll[bool](`document.querySelector("#timeline").textContent.includes("批准并作出决定")`)); err != nil {
		t.Fatalf("timeline: %v", err)
	}
	tl := text(`#timeline`)
	for _, want := range []string{"告知陈述申辩权", "提交法制审核", "法制审核：执法主体 通过", "审核意见：同意", "审核通过", "批准并作出决定"} {
		if !strings.Contains(tl, want) {
			t.Errorf("timeline lacks %q:\n%s", want, tl)
		}
	}
}
