package api

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cailiang/cailiang/api/webtest"
	"github.com/cailiang/cailiang/app"
)

// TestWebAnalyzeInBrowser opens the page in a real browser, pastes facts,
// runs the analysis and reads the suggested benchmark off the page: the
// page's script, the API and the guard's headers (CSP, Host, Origin) work
// together as a user sees them.
func TestWebAnalyzeInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	a, err := app.Open(context.Background(), app.Config{DataDir: t.TempDir(), CacheDir: t.TempDir(),
		Vectors: app.VectorConfig{Embedder: app.EmbedderNone}}, app.ForServe)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	base, stop := serveLocal(t, ForApp(a, Config{}))
	t.Cleanup(stop)

	ctx := webtest.Browser(t, 60*time.Second)
	const facts = "2025年3月2日，执法人员检查发现当事人某某便利店有限公司销售超过保质期的牛奶12盒，货值金额360元，违法所得48元。当事人系初次违法，已当场下架。"
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.SendKeys(chromedp.CSS(`#af textarea[name=facts]`), facts),
		// A click, not form.submit(): the page's handler listens for the submit event.
		chromedp.Click(chromedp.CSS(`#af button`)),
		chromedp.WaitVisible(chromedp.CSS(`#ar h3`)),
	)
	if err != nil {
		t.Fatalf("browse: %v", err)
	}
	title, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil {
		t.Fatal(err)
	}
	result, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#ar`)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(title, "裁量") {
		t.Errorf("title %q", title)
	}
	for _, want := range []string{"违法行为与裁量建议", "food-124-expired", "法定：", "涉嫌犯罪移送"} {
		if !strings.Contains(result, want) {
			t.Errorf("analysis on the page lacks %q:\n%s", want, result)
		}
	}
}
