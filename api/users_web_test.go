package api

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cailiang/cailiang/api/webtest"
)

// TestWorkbenchUsersInBrowser: an admin opens 用户管理 in the workbench,
// picks the agency, sets an officer's 执法证号 with the page's form — the
// store holds it and the log records it — and, the list fetched again,
// sees it; a bad number is refused with the API's Chinese message and
// leaves it unchanged; a leader sees the agency's numbers without a form.
func TestWorkbenchUsersInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	f := newPermFixture(t)
	base := "http://" + f.addr
	signIn := func(ctx context.Context, actor string) error {
		token := strings.TrimPrefix(f.header(t, actor)["Authorization"], "Bearer ")
		return chromedp.Do(ctx,
			chromedp.Navigate(base+"/workbench"),
			chromedp.Evaluate[chromedp.Void](`sessionStorage.setItem("cailiang.token", `+jsString(token)+`)`),
			chromedp.Navigate(base+"/workbench"),
			chromedp.WaitVisible(chromedp.CSS(`#tousers`)),
			chromedp.Click(chromedp.CSS(`#tousers`)),
			chromedp.WaitReady(chromedp.CSS(`#uagency option[value="scjg"]`)),
			chromedp.SetValue(chromedp.CSS(`#uagency`), "scjg"),
			chromedp.Evaluate[chromedp.Void](`document.querySelector("#uagency").dispatchEvent(new Event("change"))`),
			chromedp.WaitVisible(chromedp.CSS(`#ulist tr[data-user="oa"]`)),
		)
	}
	officer := `#ulist tr[data-user="oa"] `
	cert := func(ctx context.Context) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#ulist tr[data-user="oa"] .ucert').value`))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	stored := func() string {
		t.Helper()
		list, err := f.w.svc.Users(context.Background(), f.users["admin"])
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range list {
			if u.ID == "oa" {
				return u.CertNumber
			}
		}
		t.Fatal("officer oa not listed")
		return ""
	}

	ctx := webtest.Browser(t, 90*time.Second)
	if err := signIn(ctx, "admin"); err != nil {
		t.Fatalf("admin opens 用户管理: %v", err)
	}
	before := f.w.entryCount(t)
	err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(officer+`.ucert`), "14010020260001"),
		chromedp.Click(chromedp.CSS(officer+`.usave`)),
		chromedp.WaitVisible(chromedp.CSS(`#umsg.ok`)),
	)
	if err != nil {
		t.Fatalf("set the 执法证号: %v", err)
	}
	if got := stored(); got != "14010020260001" {
		t.Errorf("stored 执法证号 = %q after saving it in the page", got)
	}
	added := f.w.entriesSince(t, before)
	if len(added) != 1 || added[0].Action != "user.cert" || added[0].Subject != "oa" {
		t.Errorf("log after saving: %+v, want one user.cert entry for oa", added)
	}
	// Fetched again, the list shows the number.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#tousers`)), chromedp.WaitVisible(chromedp.CSS(officer+`.ucert`))); err != nil {
		t.Fatal(err)
	}
	if got := cert(ctx); got != "14010020260001" {
		t.Errorf("the list fetched again shows %q", got)
	}

	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(officer+`.ucert`), "14 01"),
		chromedp.Click(chromedp.CSS(officer+`.usave`)),
		chromedp.WaitVisible(chromedp.CSS(`#umsg.err`)),
	)
	if err != nil {
		t.Fatalf("a bad number: %v", err)
	}
	if shown, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#umsg`))); err != nil || !strings.Contains(shown, "执法证号") {
		t.Errorf("after a bad number the page says %q (%v), want the field named", shown, err)
	}
	if got := stored(); got != "14010020260001" {
		t.Errorf("a refused number changed the store to %q", got)
	}

	lctx := webtest.Browser(t, 60*time.Second)
	if err := signIn(lctx, "leader"); err != nil {
		t.Fatalf("leader opens 用户管理: %v", err)
	}
	row, err := chromedp.Run(lctx, chromedp.Text(chromedp.CSS(`#ulist tr[data-user="oa"]`)))
	if err != nil || !strings.Contains(row, "14010020260001") {
		t.Errorf("the leader's row for oa = %q (%v), want the number", row, err)
	}
	if n, err := chromedp.Run(lctx, chromedp.Evaluate[int](`document.querySelectorAll("#ulist .usave").length`)); err != nil || n != 0 {
		t.Errorf("the leader sees %d save buttons (%v), want none", n, err)
	}
}
