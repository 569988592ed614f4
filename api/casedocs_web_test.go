package api

import (
	"archive/zip"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/cailiang/cailiang/api/webtest"
	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/documents"
)

// TestWorkbenchDocumentsInBrowser: an officer opens a decided case in the
// workbench, downloads the 决定书 with the page's button — the file
// arrives and is a DOCX whose document.xml holds the party and the article
// — then issues it and sees the number the agency's sequence gave; records
// its delivery with the page's form, sees the periods that run from it,
// and issues the 送达回证, which names the delivered decision.
func TestWorkbenchDocumentsInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	f := newPermFixture(t)
	c := f.decidedCase(t)
	token := strings.TrimPrefix(f.header(t, "officer")["Authorization"], "Bearer ")
	base := "http://" + f.addr

	ctx := webtest.Browser(t, 90*time.Second)
	dir := t.TempDir()
	progress := chromedp.Events(ctx, browser.DownloadProgress)
	row := `#documents tr[data-kind="decision"] `
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/workbench"),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: ptrTrue()})
			return err
		}),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Run(ctx, chromedp.Evaluate[any](`sessionStorage.setItem("cailiang.token", `+jsString(token)+`)`))
			return err
		}),
		chromedp.Navigate(base+"/workbench"),
		chromedp.Click(chromedp.CSS(`#lr a[data-id="`+c.ID+`"]`)),
		chromedp.WaitVisible(chromedp.CSS(row+`button[data-draft="docx"]`)),
		chromedp.Click(chromedp.CSS(row+`button[data-draft="docx"]`)),
	)
	if err != nil {
		t.Fatalf("browse: %v", err)
	}
	var file string
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("download: %v", err)
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			t.Fatal("download canceled")
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			file = filepath.Join(dir, ev.GUID)
			break
		}
	}
	xml := documentXML(t, file)
	for _, want := range []string{"某某食品有限公司", "第一百二十四条", "草稿"} {
		if !strings.Contains(xml, want) {
			t.Errorf("downloaded document.xml lacks %q", want)
		}
	}

	err = chromedp.Do(ctx,
		chromedp.WaitVisible(chromedp.CSS(row+`button[data-issue]`)),
		chromedp.Click(chromedp.CSS(row+`button[data-issue]`)),
		chromedp.WaitVisible(chromedp.CSS(row+`a[data-v="1"]`)),
	)
	if err != nil {
		t.Fatalf("issue: %v", err)
	}
	shown, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#cmsg`)))
	if err != nil {
		t.Fatal(err)
	}
	number := "某市监处罚〔" + time.Now().Format("2006") + "〕1号"
	if !strings.Contains(shown, number) {
		t.Errorf("after issuing the page says %q, want the number %s", shown, number)
	}

	service := `#documents tr[data-kind="service"] `
	err = chromedp.Do(ctx,
		chromedp.WaitReady(chromedp.CSS(`#d_doc option[value="decision:1"]`)),
		chromedp.SetValue(chromedp.CSS(`#d_doc`), "decision:1"),
		chromedp.SetValue(chromedp.CSS(`#d_method`), "direct"),
		chromedp.SendKeys(chromedp.CSS(`#d_recipient`), "张某"),
		chromedp.SendKeys(chromedp.CSS(`#d_relation`), "法定代表人"),
		chromedp.Click(chromedp.CSS(`#d_save`)),
		chromedp.WaitVisible(chromedp.CSS(`#deliveries tr[data-seq="2"]`)),
	)
	if err != nil {
		t.Fatalf("record the delivery: %v", err)
	}
	row2, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#deliveries tr[data-seq="2"]`)))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{number, "直接送达", "张某（法定代表人）", "缴纳罚款至", "申请复议至", "提起诉讼至"} {
		if !strings.Contains(row2, want) {
			t.Errorf("delivery row %q lacks %q", row2, want)
		}
	}
	err = chromedp.Do(ctx,
		chromedp.WaitVisible(chromedp.CSS(service+`button[data-issue]`)),
		chromedp.Click(chromedp.CSS(service+`button[data-issue]`)),
		chromedp.WaitVisible(chromedp.CSS(service+`a[data-v="1"]`)),
	)
	if err != nil {
		t.Fatalf("issue the 送达回证: %v", err)
	}
	if shown, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#cmsg`))); err != nil || !strings.Contains(shown, "送达回证") {
		t.Errorf("after issuing the 送达回证 the page says %q (%v)", shown, err)
	}
	docs, err := f.w.svc.Documents(context.Background(), f.users["officer"], c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if d.Kind != "service" {
			continue
		}
		_, rc, err := f.w.svc.OpenIssued(context.Background(), f.users["officer"], c.ID, "service", d.Version, false)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(rc)
		rc.Close()
		text, err := documents.DOCXText(raw)
		if err != nil || !strings.Contains(text, "行政处罚决定书（"+number+"）") || !strings.Contains(text, "收件人：张某（法定代表人）") {
			t.Errorf("issued 送达回证 (%v):\n%s", err, text)
		}
	}
}

func ptrTrue() *bool { v := true; return &v }

// jsString quotes s for a JavaScript string literal (a token is ASCII
// letters, digits, '_' and '-').
func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// documentXML returns word/document.xml of the DOCX at path.
func documentXML(t *testing.T, path string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		raw, _ := os.ReadFile(path)
		t.Fatalf("downloaded file is not a DOCX (%d bytes): %v", len(raw), err)
	}
	defer zr.Close()
	for _, zf := range zr.File {
		if zf.Name != "word/document.xml" {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		raw, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		return string(raw)
	}
	t.Fatal("the DOCX has no word/document.xml")
	return ""
}

// TestWorkbenchStatementsInBrowser: an officer records the party's
// statement and hearing request on a notified case with the page's form,
// answers it (部分采纳 with reasons), and the record holds both.
func TestWorkbenchStatementsInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	f := newPermFixture(t)
	c := f.caseAt(t, casework.StageNotified, false)
	token := strings.TrimPrefix(f.header(t, "officer")["Authorization"], "Bearer ")
	base := "http://" + f.addr
	ctx := webtest.Browser(t, 90*time.Second)
	row := `#statements tr[data-seq="1"] `
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/workbench"),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Run(ctx, chromedp.Evaluate[any](`sessionStorage.setItem("cailiang.token", `+jsString(token)+`)`))
			return err
		}),
		chromedp.Navigate(base+"/workbench"),
		chromedp.Click(chromedp.CSS(`#lr a[data-id="`+c.ID+`"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#s_save`)),
		chromedp.SendKeys(chromedp.CSS(`#s_text`), "系初次违法，已全部下架，请求从轻处罚。"),
		chromedp.Click(chromedp.CSS(`#s_hearing`)),
		chromedp.Click(chromedp.CSS(`#s_save`)),
		chromedp.WaitVisible(chromedp.CSS(row+`button[data-answer]`)),
		chromedp.SetValue(chromedp.CSS(row+`select[data-outcome]`), "partly"),
		chromedp.SendKeys(chromedp.CSS(row+`input[data-reasons]`), "初次违法的主张成立，已从轻。"),
		chromedp.Click(chromedp.CSS(row+`button[data-answer]`)),
		chromedp.Poll[chromedp.Void](`!document.querySelector('#statements button[data-answer]') && document.querySelector('#statements tr[data-seq="1"]')?.textContent.includes("部分采纳：初次违法的主张成立")`),
	)
	if err != nil {
		t.Fatalf("statement form: %v", err)
	}
	list, err := f.w.svc.Statements(context.Background(), f.users["officer"], c.ID)
	if err != nil || len(list) != 1 || !list[0].Hearing || list[0].Outcome != casework.OutcomePartly || list[0].Text != "系初次违法，已全部下架，请求从轻处罚。" ||
		casework.ChinaDay(list[0].Received) != casework.ChinaDay(time.Now()) {
		t.Errorf("statements after the form = %+v, %v", list, err)
	}
}
