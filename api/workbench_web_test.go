package api

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cailiang/cailiang/api/webtest"
	"github.com/cailiang/cailiang/casework"
)

// TestWorkbenchInBrowser is issue 13's end-to-end test in a real browser:
// an officer signs in, registers a case, attaches evidence and runs the
// analysis; the leader approves 立案; the officer proposes and sends the case
// to review; the reviewer passes it; the leader decides; the timeline shows
// every step, each by the person who took it.
func TestWorkbenchInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	lib := testLibrary(t, nil)
	w := newTestWorkbench(t, 0)
	s := New(Config{Library: lib, Catalog: testCatalog(t), Analyzer: testAnalyzer(t, lib), Casework: w.svc})
	base := "http://" + liveServer(t, s)
	const password = "correct-horse-battery"
	for _, u := range []casework.User{
		{ID: "wang", Name: "王办案", Agency: "scjg", Roles: []casework.Role{casework.RoleOfficer}},
		{ID: "zhao", Name: "赵审核", Agency: "scjg", Roles: []casework.Role{casework.RoleReviewer}},
		{ID: "li", Name: "李局长", Agency: "scjg", Roles: []casework.Role{casework.RoleLeader}},
	} {
		if _, _, err := w.svc.AddUser(context.Background(), w.admin, u, password); err != nil {
			t.Fatal(err)
		}
	}
	photo := filepath.Join(t.TempDir(), "现场检查笔录.pdf")
	if err := os.WriteFile(photo, []byte("%PDF-1.4\n现场检查笔录\n%%EOF\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	ctx := webtest.Browser(t, 3*time.Minute)
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			page, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
			t.Fatalf("%s: %v\npage:\n%s", what, err, page)
		}
	}
	// waitText waits until the element's text contains want.
	waitText := func(sel, want string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`(document.querySelector(%q)?.innerText||"").includes(%q)`, sel, want)))
			return err
		})
	}
	login := func(user string) {
		t.Helper()
		do("login "+user,
			chromedp.Navigate(base+"/workbench"),
			chromedp.WaitVisible(chromedp.CSS(`#lf`)),
			chromedp.SetValue(chromedp.CSS(`#lf input[name=user]`), user),
			chromedp.SetValue(chromedp.CSS(`#lf input[name=password]`), password),
			chromedp.Click(chromedp.CSS(`#lf button`)),
			chromedp.WaitVisible(chromedp.CSS(`#desk`)),
		)
	}
	logout := func() {
		t.Helper()
		do("logout", chromedp.Click(chromedp.CSS(`#out`)), chromedp.WaitVisible(chromedp.CSS(`#login`)))
	}
	act := func(action, note string) {
		t.Helper()
		do("action "+action,
			chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
				_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(document.querySelector("#tnote").value=%q, true)`, note)))
				return err
			}),
			chromedp.Click(chromedp.CSS(`#actions button[data-action=`+action+`]`)),
			waitText(`#cmsg`, "已办理"),
		)
	}
	open := func(id string) {
		t.Helper()
		do("open "+id, chromedp.WaitVisible(chromedp.CSS(`#lr a[data-id="`+id+`"]`)), chromedp.Click(chromedp.CSS(`#lr a[data-id="`+id+`"]`)),
			waitText(`#cmeta`, id))
	}

	// The officer registers the case and attaches evidence.
	login("wang")
	do("register a case",
		chromedp.Click(chromedp.CSS(`#queues button[data-new]`)),
		chromedp.SetValue(chromedp.CSS(`#nf input[name=title]`), "某超市销售过期食品案"),
		chromedp.SetValue(chromedp.CSS(`#nf input[name=source]`), "投诉举报"),
		chromedp.SetValue(chromedp.CSS(`#nf input[name=name]`), "某超市有限公司"),
		chromedp.SetValue(chromedp.CSS(`#nf textarea[name=facts]`), "2025年3月5日，执法人员检查发现当事人某某超市有限公司销售超过保质期的饼干10袋，货值金额共计260元，违法所得35元。当事人系初次违法，积极配合调查。"),
		chromedp.Click(chromedp.CSS(`#nf button`)),
		waitText(`#ctitle`, "某超市销售过期食品案"),
		waitText(`#cstage`, "立案审批"),
	)
	id, err := chromedp.Run(ctx, chromedp.Evaluate[string](`current.id`))
	if err != nil || !strings.HasPrefix(id, "scjg-") {
		t.Fatalf("case id %q: %v", id, err)
	}
	do("attach evidence",
		chromedp.SetUploadFiles(chromedp.CSS(`#ef input[type=file]`), []string{photo}),
		chromedp.SetValue(chromedp.CSS(`#ef input[name=note]`), "现场检查笔录（证明在售过期饼干）"),
		chromedp.Click(chromedp.CSS(`#ef button`)),
		waitText(`#cmsg`, "证据已上传"),
		waitText(`#evidence`, "现场检查笔录.pdf"),
	)
	logout()

	// The leader approves 立案 from the approval queue.
	login("li")
	open(id)
	act("register", "")
	logout()

	// The officer ends the investigation, runs the analysis, keeps the
	// pre-filled proposal, notifies the party and sends the case to review.
	login("wang")
	open(id)
	act("to_discretion", "")
	do("analysis",
		chromedp.Click(chromedp.CSS(`#analyze`)),
		waitText(`#cmsg`, "分析已附加"),
		waitText(`#canalysis`, "food-124-expired"),
	)
	do("proposal", chromedp.Click(chromedp.CSS(`#saveprop`)), waitText(`#cmsg`, "处罚建议已保存"))
	act("notify", "")
	act("submit_review", "")
	logout()

	// The checklist is marked through the service (TestReviewInBrowser marks
	// it on the page); the reviewer then passes the case on the page.
	var reviewer casework.User
	if err := w.store.View(context.Background(), func(tx casework.ReadTx) (err error) { reviewer, err = tx.User("zhao"); return err }); err != nil {
		t.Fatal(err)
	}
	c, err := w.svc.Case(context.Background(), reviewer, id)
	if err != nil {
		t.Fatal(err)
	}
	passChecklist(t, w.svc, reviewer, c)
	login("zhao")
	open(id)
	act("review_pass", "事实清楚，证据确凿，适用依据正确，裁量适当")
	logout()

	login("li")
	open(id)
	act("approve", "")
	// The page reloads the timeline after the step without waiting for it.
	do("decided", waitText(`#cstage`, "决定"), waitText(`#timeline`, "批准并作出决定"))
	timeline, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#timeline`)))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"登记案件", "附加证据：现场检查笔录.pdf", "批准立案", "调查终结", "修改：分析结果", "告知陈述申辩权",
		"提交法制审核", "法制审核：", "审核通过：事实清楚", "批准并作出决定", "wang（办案人员）", "zhao（法制审核人员）", "li（负责人）"} {
		if !strings.Contains(timeline, want) {
			t.Errorf("timeline lacks %q:\n%s", want, timeline)
		}
	}
}
