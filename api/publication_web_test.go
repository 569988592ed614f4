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

// TestPublicationInBrowser is the acceptance in a real browser: a
// decided case is due in the 公示 queue; the reviewer masks a witness in
// the draft and publishes; the public page shows it without personal data;
// a leader varies the decision on a 复议决定书 through the change form: the
// case shows the new record due with the withdrawn one listed, the leader
// publishes it, and the public page shows the withdrawal notice with its
// reason beside the corrected record; the leader then revokes the decision:
// the case shows the publication withdrawn with the reason, and the public
// page holds only the two notices.
func TestPublicationInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	f := newPermFixture(t)
	ctx := context.Background()
	off := f.users["officer"]
	c, err := f.w.svc.CreateCase(ctx, off, casework.NewCase{Title: "某食品有限公司销售过期食品案",
		Party: casework.Party{Kind: "organisation", Name: "某食品有限公司", IDNumber: "91350100M000100Y43", Representative: "李大伟"},
		Facts: "当事人法定代表人李大伟（电话13812345678）销售超过保质期的食品，证人王小明证实。"})
	if err != nil {
		t.Fatal(err)
	}
	c = f.walkTo(t, c, casework.StageDecided)
	base := "http://" + f.addr
	token := func(actor string) string { return strings.TrimPrefix(f.header(t, actor)["Authorization"], "Bearer ") }
	b := webtest.Browser(t, 90*time.Second)
	row := `#pubtable tr[data-case="` + c.ID + `"]`
	err = chromedp.Do(b,
		chromedp.Navigate(base+"/workbench"),
		chromedp.Evaluate[chromedp.Void](`sessionStorage.setItem("cailiang.token", "`+token("reviewer")+`")`),
		chromedp.Reload(),
		chromedp.WaitVisible(chromedp.CSS(`#desk`)),
		chromedp.Click(chromedp.CSS(`#queues [data-pubq]`)),
		chromedp.WaitVisible(chromedp.CSS(row)),
	)
	if err != nil {
		t.Fatalf("see it due: %v", err)
	}
	queue, err := chromedp.Run(b, chromedp.Text(chromedp.CSS(row)))
	if err != nil || !strings.Contains(queue, "待公示") {
		t.Fatalf("due queue row %q, %v", queue, err)
	}
	err = chromedp.Do(b,
		chromedp.Click(chromedp.CSS(row+` a`)),
		chromedp.WaitVisible(chromedp.CSS(`#pubedit`)),
		chromedp.SetValue(chromedp.CSS(`#pub_names`), "王小明"),
		chromedp.SetValue(chromedp.CSS(`#pub_basis`), "《中华人民共和国食品安全法》第一百二十四条第一款第（五）项"),
		chromedp.Click(chromedp.CSS(`#pubsave`)),
		chromedp.Poll[chromedp.Void](`document.getElementById("pubmsg").textContent.startsWith("公示信息已保存")`),
	)
	if err != nil {
		t.Fatalf("edit the redaction: %v", err)
	}
	// The deadline is shown with how it was counted (the agency's rule).
	if why, _ := chromedp.Run(b, chromedp.Text(chromedp.CSS(`#pubduewhy`))); !strings.Contains(why, "7 个工作日内公示") {
		t.Errorf("due reason %q", why)
	}
	facts, err := chromedp.Run(b, chromedp.Text(chromedp.CSS(`#pubfacts`)))
	if err != nil || strings.Contains(facts, "王小明") || strings.Contains(facts, "13812345678") || !strings.Contains(facts, "王某某") {
		t.Fatalf("redacted draft %q, %v", facts, err)
	}
	removed, _ := chromedp.Run(b, chromedp.Text(chromedp.CSS(`#pubremoved`)))
	if !strings.Contains(removed, "13812345678") || !strings.Contains(removed, "姓名") {
		t.Errorf("what was removed: %q", removed)
	}
	err = chromedp.Do(b,
		chromedp.Click(chromedp.CSS(`#pubpublish`)),
		chromedp.WaitVisible(chromedp.CSS(`#pubwd`)),
	)
	if err != nil {
		t.Fatalf("publish: %v", err)
	}
	if st, _ := chromedp.Run(b, chromedp.Text(chromedp.CSS(`#pubstate`))); st != "已公示" {
		t.Errorf("state after publish %q", st)
	}
	article := `article[data-id="` + c.ID + `"]`
	err = chromedp.Do(b, chromedp.Navigate(base+"/public"), chromedp.WaitVisible(chromedp.CSS(article)))
	if err != nil {
		t.Fatalf("find it on the public page: %v", err)
	}
	text, err := chromedp.Run(b, chromedp.Text(chromedp.CSS(`#list`)))
	if err != nil || !strings.Contains(text, "某食品有限公司") || !strings.Contains(text, "罚款5000 元") {
		t.Fatalf("public page %q, %v", text, err)
	}
	for _, secret := range []string{"王小明", "李大伟", "13812345678"} {
		if strings.Contains(text, secret) {
			t.Errorf("public page shows %s", secret)
		}
	}
	err = chromedp.Do(b,
		chromedp.Navigate(base+"/workbench"),
		chromedp.Evaluate[chromedp.Void](`sessionStorage.setItem("cailiang.token", "`+token("leader")+`")`),
		chromedp.Reload(),
		chromedp.WaitVisible(chromedp.CSS(`#desk`)),
		chromedp.Evaluate[chromedp.Void](`openCase("`+c.ID+`")`),
		chromedp.WaitVisible(chromedp.CSS(`#actions [data-action=vary]`)),
		chromedp.Click(chromedp.CSS(`#actions [data-action=vary]`)),
		chromedp.WaitVisible(chromedp.CSS(`#chg_fine`)),
		chromedp.SetValue(chromedp.CSS(`#chg_by`), "reconsideration"),
		chromedp.SetValue(chromedp.CSS(`#chg_document`), "某政复决字〔2026〕8号"),
		chromedp.SetValue(chromedp.CSS(`#chg_reason`), "复议机关认为罚款明显不当，变更为罚款二千元"),
		chromedp.SetValue(chromedp.CSS(`#chg_fine`), "2000"),
		chromedp.Click(chromedp.CSS(`#chgsubmit`)),
		chromedp.WaitVisible(chromedp.CSS(`#pubrecords li[data-record="`+c.ID+`"]`)),
	)
	if err != nil {
		t.Fatalf("vary: %v", err)
	}
	earlier, _ := chromedp.Run(b, chromedp.Text(chromedp.CSS(`#pubrecords`)))
	st, _ := chromedp.Run(b, chromedp.Text(chromedp.CSS(`#pubstate`)))
	penalty, _ := chromedp.Run(b, chromedp.Value(chromedp.CSS(`#pub_penalty`)))
	if st != "待公示" || penalty != "罚款2000 元" || !strings.Contains(earlier, "已撤回") || !strings.Contains(earlier, "某政复决字〔2026〕8号") {
		t.Errorf("after the variation: state %q, penalty %q, earlier records %q", st, penalty, earlier)
	}
	err = chromedp.Do(b,
		chromedp.SetValue(chromedp.CSS(`#pub_basis`), "《中华人民共和国食品安全法》第一百二十四条第一款第（五）项"),
		chromedp.Click(chromedp.CSS(`#pubsave`)),
		chromedp.Poll[chromedp.Void](`document.getElementById("pubmsg").textContent.startsWith("公示信息已保存")`),
		chromedp.Click(chromedp.CSS(`#pubpublish`)),
		chromedp.WaitVisible(chromedp.CSS(`#pubwd`)),
		chromedp.Navigate(base+"/public"),
		chromedp.WaitVisible(chromedp.CSS(`article.withdrawn[data-id="`+c.ID+`"]`)),
		chromedp.WaitVisible(chromedp.CSS(`article[data-id="`+c.ID+`.2"]`)),
	)
	if err != nil {
		t.Fatalf("publish the corrected record and find both: %v", err)
	}
	notice, _ := chromedp.Run(b, chromedp.Text(chromedp.CSS(`article.withdrawn[data-id="`+c.ID+`"]`)))
	corrected, _ := chromedp.Run(b, chromedp.Text(chromedp.CSS(`article[data-id="`+c.ID+`.2"]`)))
	if !strings.Contains(notice, "复议机关认为罚款明显不当") || !strings.Contains(notice, "某政复决字〔2026〕8号") || strings.Contains(notice, "罚款5000 元") ||
		!strings.Contains(notice, c.ID+".2") {
		t.Errorf("withdrawal notice %q", notice)
	}
	if !strings.Contains(corrected, "罚款2000 元") || !strings.Contains(corrected, "已撤回（"+c.ID+"）") {
		t.Errorf("corrected record %q", corrected)
	}
	err = chromedp.Do(b,
		chromedp.Navigate(base+"/workbench"),
		chromedp.WaitVisible(chromedp.CSS(`#desk`)),
		chromedp.Evaluate[chromedp.Void](`openCase("`+c.ID+`")`),
		chromedp.WaitVisible(chromedp.CSS(`#actions [data-action=revoke]`)),
		chromedp.SetValue(chromedp.CSS(`#tnote`), "行政复议决定撤销"),
		chromedp.Click(chromedp.CSS(`#actions [data-action=revoke]`)),
		chromedp.WaitVisible(chromedp.CSS(`#pubwhy`)),
	)
	if err != nil {
		t.Fatalf("revoke: %v", err)
	}
	why, _ := chromedp.Run(b, chromedp.Text(chromedp.CSS(`#pubwhy`)))
	st, _ = chromedp.Run(b, chromedp.Text(chromedp.CSS(`#pubstate`)))
	if st != "已撤回" || !strings.Contains(why, "行政复议决定撤销") {
		t.Errorf("after revoke: state %q, reason %q", st, why)
	}
	err = chromedp.Do(b, chromedp.Navigate(base+"/public"),
		chromedp.WaitVisible(chromedp.CSS(`article.withdrawn[data-id="`+c.ID+`.2"]`)))
	if err != nil {
		t.Fatalf("public page after withdrawal: %v", err)
	}
	n, _ := chromedp.Run(b, chromedp.Evaluate[int](`document.querySelectorAll("article.withdrawn").length`))
	all, _ := chromedp.Run(b, chromedp.Evaluate[int](`document.querySelectorAll("article").length`))
	if n != 2 || all != 2 {
		t.Errorf("after revocation the public page has %d articles, %d of them notices; want only the 2 notices", all, n)
	}
}
