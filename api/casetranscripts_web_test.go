package api

import (
	"context"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cailiang/cailiang/api/webtest"
	"github.com/cailiang/cailiang/speech/asrtest"
)

// TestWorkbenchTranscriptInBrowser drives the workbench's recordings
// section in a real browser: the officer opens the case, starts the
// transcription of an espeak-ng recording, opens the record when it is done,
// corrects a speaker and approves; clicking the amount among the facts
// plays the recording from the second it was said (the evidence URL with
// #t=), and the player really seeks there.
func TestWorkbenchTranscriptInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	rec := asrtest.Synthesize(t, t.TempDir(), inquirySentences, 0.5)
	tw := newTranscriptWorld(t, caseSpeechService(t, rec))
	wav, err := os.ReadFile(rec.Path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tw.w.svc.AddEvidence(context.Background(), tw.officer, tw.c.ID, strings.NewReader(string(wav)), "询问录音.wav", "询问当事人"); err != nil {
		t.Fatal(err)
	}
	base, stop := serveLocal(t, tw.s)
	t.Cleanup(stop)

	ctx := webtest.Browser(t, 90*time.Second)
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/workbench"),
		chromedp.WaitReady(chromedp.CSS(`#lf`)),
	)
	if err != nil {
		t.Fatalf("open the workbench: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](`sessionStorage.setItem("cailiang.token", `+strconv.Quote(tw.officerTok)+`)`)); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		what string
		do   chromedp.Action[chromedp.Void]
	}{
		{"reload signed in", chromedp.Navigate(base + "/workbench")},
		{"open the case", chromedp.Click(chromedp.CSS(`#lr a[data-id="` + tw.c.ID + `"]`))},
		{"start the transcription", chromedp.Click(chromedp.CSS(`#recs button[data-tr]`))},
		// Progress is shown while it runs; the record opens when it is done.
		{"open the record", chromedp.Click(chromedp.CSS(`#recs button[data-open]`))},
		{"see the turns", chromedp.WaitVisible(chromedp.CSS(`#turns textarea[data-tx="2"]`))},
		{"correct a speaker", chromedp.SetValue(chromedp.CSS(`#turns input[data-sp="1"]`), "答")},
		{"approve", chromedp.Click(chromedp.CSS(`#tapprove`))},
		{"see the facts", chromedp.WaitVisible(chromedp.CSS(`#facts a.fact`))},
	}
	for _, st := range steps {
		sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		err := chromedp.Do(sctx, st.do)
		cancel()
		if err != nil {
			page, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("main").innerText`))
			t.Fatalf("%s: %v\npage:\n%s", st.what, err, page)
		}
	}
	head, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#record h4`)))
	if err != nil || !strings.Contains(head, "第 2 版") || !strings.Contains(head, "已确认") {
		t.Errorf("record heading %q, %v; want the approved version", head, err)
	}
	status, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#recs`)))
	if !strings.Contains(status, "已确认") || !strings.Contains(status, asrModel) {
		t.Errorf("recordings table %q lacks the model and the approval", status)
	}
	analysis, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#canalysis`)))
	if strings.Contains(analysis, "尚未附加分析") {
		t.Errorf("the case page shows no analysis after approval: %q", analysis)
	}

	err = chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#facts a.fact[data-from]`)))
	if err != nil {
		t.Fatal(err)
	}
	src, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("player").src`))
	if err != nil {
		t.Fatal(err)
	}
	from, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#facts a.fact").dataset.from`))
	if err != nil {
		t.Fatal(err)
	}
	sec, _ := strconv.ParseFloat(from, 64)
	if truth := rec.Truth[1]; math.Abs(sec-truth.Start) > 0.05 {
		t.Errorf("first fact plays from %.2f s; the amount was said at %.2f s", sec, truth.Start)
	}
	if !strings.HasPrefix(src, "blob:") || !strings.HasSuffix(src, "#t="+strconv.FormatFloat(sec, 'f', 1, 64)) {
		t.Errorf("player src %q; want the recording with #t=%.1f", src, sec)
	}
	// The player seeks to the fragment's start (polled, not timed).
	at, err := chromedp.Run(ctx, chromedp.Poll[float64](`(()=>{const p=document.getElementById("player");return p.readyState>0&&p.currentTime>0?p.currentTime:false})()`))
	if err != nil || at < sec-0.2 {
		t.Errorf("player at %.2f s, %v; want from %.1f s", at, err, sec)
	}
}
