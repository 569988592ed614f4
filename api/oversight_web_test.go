package api

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cailiang/cailiang/api/webtest"
)

// TestStatsPageInBrowser: the statistics page, signed in as the supervising
// agency's reviewer, draws its SVG charts from /v1/stats, shows the numbers
// and lists the warnings with their reasons; without a token it says to
// sign in.
func TestStatsPageInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	f := newOversightFixture(t)
	base := "http://" + f.addr
	ctx := webtest.Browser(t, 90*time.Second)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/stats"), chromedp.WaitVisible(chromedp.CSS(`#signin`))); err != nil {
		t.Fatalf("page without a token: %v", err)
	}
	token := strings.TrimPrefix(f.supervisor, "Bearer ")
	from := time.Now().UTC().AddDate(-2, 0, 0).Format(time.DateOnly)
	err := chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`sessionStorage.setItem("cailiang.token", `+strconv.Quote(token)+`)`),
		chromedp.Reload(),
		chromedp.WaitVisible(chromedp.CSS(`#charts svg rect`)),
		// The period of the seeded year, then the query again.
		chromedp.Evaluate[chromedp.Void](`document.querySelector("#from").value=`+strconv.Quote(from)),
		chromedp.Click(chromedp.CSS(`#q button`)),
		chromedp.WaitVisible(chromedp.CSS(`#warnings ol li`)),
	)
	if err != nil {
		t.Fatalf("browse: %v", err)
	}
	charts, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#charts svg").length`))
	if err != nil {
		t.Fatal(err)
	}
	bars, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#charts svg rect").length`))
	if err != nil {
		t.Fatal(err)
	}
	if charts < 6 || bars < 10 {
		t.Errorf("%d charts with %d bars; want the 7 charts of the city view", charts, bars)
	}
	// The first view (this year) was on the page already: wait for the
	// second answer to replace it.
	var nums string
	for range 100 {
		if nums, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#nums`))); err != nil || strings.Contains(nums, strconv.Itoa(len(f.batch.Cases))) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(nums, strconv.Itoa(len(f.batch.Cases))) || !strings.Contains(nums, "登记案件") {
		t.Errorf("numbers lack the %d registered cases:\n%s", len(f.batch.Cases), nums)
	}
	warnings, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#warnings`)))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"超出建议幅度未说明理由", "案件超过办案期限", "承办人罚款持续偏向一端", "同一当事人跨机关多次违法"} {
		if !strings.Contains(warnings, want) {
			t.Errorf("warnings on the page lack %q", want)
		}
	}
	charts2, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#charts`)))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"执法类别", "行政处罚", "行政许可", "行政强制", "行政征收", "行政检查"} {
		if !strings.Contains(charts2, want) {
			t.Errorf("the categories chart lacks %q", want)
		}
	}
	agencies, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#agency option").length`))
	if err != nil || agencies != 1+4 {
		t.Errorf("agency choices: %d (%v); want the city and 4 agencies", agencies, err)
	}
}

// TestDigestPageInBrowser: the daily digest page, signed in as the
// supervising agency's reviewer, shows the city's digest: the summary, the
// new warnings with their reasons, the deadlines, and the week against
// the week before with a pair of SVG bars per number.
func TestDigestPageInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	f := newOversightFixture(t)
	base := "http://" + f.addr
	ctx := webtest.Browser(t, 90*time.Second)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/digest"), chromedp.WaitVisible(chromedp.CSS(`#signin`))); err != nil {
		t.Fatalf("page without a token: %v", err)
	}
	token := strings.TrimPrefix(f.supervisor, "Bearer ")
	err := chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`sessionStorage.setItem("cailiang.token", `+strconv.Quote(token)+`)`),
		chromedp.Reload(),
		chromedp.WaitVisible(chromedp.CSS(`#week svg rect`)),
		chromedp.WaitVisible(chromedp.CSS(`#dead ol li`)),
	)
	if err != nil {
		t.Fatalf("browse: %v", err)
	}
	title, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#title`)))
	if err != nil || !strings.Contains(title, "全市") || !strings.Contains(title, "每日简报") {
		t.Errorf("title %q (%v)", title, err)
	}
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#week tbody tr svg").length`))
	if err != nil || rows != 5 {
		t.Errorf("%d week rows with bars (%v); want 5", rows, err)
	}
	dead, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#dead`)))
	if err != nil || !strings.Contains(dead, "办案期限") {
		t.Errorf("deadlines %q (%v)", dead, err)
	}
	line, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#line`)))
	if err != nil || !strings.Contains(line, "新预警") {
		t.Errorf("summary %q (%v)", line, err)
	}
	// An agency chosen from the list shows that agency's digest.
	code := f.batch.Agencies[0].Code
	err = chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`document.querySelector("#agency").value=`+strconv.Quote(code)),
		chromedp.Click(chromedp.CSS(`#q button`)),
		chromedp.WaitVisible(chromedp.CSS(`#summary`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	// The answer replaces the title when it arrives.
	for range 50 {
		if title, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#title`))); err != nil || !strings.Contains(title, "全市") {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil || strings.Contains(title, "全市") {
		t.Errorf("after choosing %s: title %q (%v)", code, title, err)
	}
}

// TestActsPageInBrowser: a leader records an inspection with findings on
// the acts page; it is listed with its Chinese labels.
func TestActsPageInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	f := newOversightFixture(t)
	ctx := webtest.Browser(t, 90*time.Second)
	token := strings.TrimPrefix(f.leader, "Bearer ")
	err := chromedp.Do(ctx,
		chromedp.Navigate("http://"+f.addr+"/acts"),
		chromedp.Evaluate[chromedp.Void](`sessionStorage.setItem("cailiang.token", `+strconv.Quote(token)+`)`),
		chromedp.Reload(),
		chromedp.WaitReady(chromedp.CSS(`#category option[value="inspection"]`)),
		chromedp.Evaluate[chromedp.Void](`(()=>{const s=document.querySelector("#category");s.value="inspection";s.dispatchEvent(new Event("change"));
			document.querySelector("#outcome").value="findings";
			document.querySelector("#one [name=subject]").value="浏览器测试超市（模拟）"})()`),
		chromedp.Click(chromedp.CSS(`#one button`)),
		chromedp.WaitVisible(chromedp.CSS(`#list table`)),
	)
	if err != nil {
		t.Fatalf("record: %v", err)
	}
	for range 50 {
		list, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#list`)))
		if err == nil && strings.Contains(list, "浏览器测试超市（模拟）") {
			if !strings.Contains(list, "行政检查") || !strings.Contains(list, "发现问题") {
				t.Errorf("the act is not listed with its labels:\n%s", list)
			}
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	msg, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#msg`)))
	t.Fatalf("the recorded act is not listed (message %q)", msg)
}
