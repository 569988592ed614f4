// Package webtest drives the workbench's pages in a real headless browser
// (Debian's chromium, through chromedp) for end-to-end tests. It is imported
// by tests only.
//
// The browser is never downloaded at run time: `.ci/deps.sh install browser`
// installs Debian's package, and CAILIANG_CHROMIUM may name another binary.
// Without a browser, tests skip — or fail under CI=true, where every test
// must run.
package webtest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// candidates are where Debian and other distributions put the browser.
var candidates = []string{"chromium", "chromium-browser", "google-chrome", "/usr/lib/chromium/chromium"}

// Binary returns the browser to use: CAILIANG_CHROMIUM, or the first
// candidate on PATH; "" when there is none.
func Binary() string {
	if p := os.Getenv("CAILIANG_CHROMIUM"); p != "" {
		return p
	}
	for _, c := range candidates {
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
	}
	return ""
}

// Browser starts a headless browser for the test and returns a chromedp
// context bound to a new tab, cancelled when the test ends. timeout bounds
// the whole test's browsing.
func Browser(t *testing.T, timeout time.Duration) context.Context {
	t.Helper()
	bin := Binary()
	if bin == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no chromium found: run `.ci/deps.sh install browser` (or set CAILIANG_CHROMIUM)")
		}
		t.Skip("no chromium found (`.ci/deps.sh install browser`)")
	}
	// The flags keep the browser off the network (this machine has none but
	// loopback: background services would fail by the dozen) and out of the
	// user's profile; --no-sandbox because tests run as root in CI.
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx, chromedp.WithErrorf(t.Logf))
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() { cancelTimeout(); cancelTab(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", bin, err)
	}
	return ctx
}
