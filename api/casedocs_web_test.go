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
)

// TestWorkbenchDocumentsInBrowser: an officer opens a decided case in the
// workbench, downloads the 决定书 with the page's button — the file
// arrives and is a DOCX whose document.xml holds the party and the article
// — then issues it and sees the number the agency's sequence gave.
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
	if want := "某市监处罚〔" + time.Now().Format("2006") + "〕1号"; !strings.Contains(shown, want) {
		t.Errorf("after issuing the page says %q, want the number %s", shown, want)
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
