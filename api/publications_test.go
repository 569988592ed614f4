package api

import (
	"cmp"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/casework"
)

// publicationReady takes a decided case's publication to a publishable
// draft (a 处罚依据 set by the reviewer) and, when publish, publishes it.
func (f *permFixture) publicationReady(t *testing.T, c casework.Case, publish bool) casework.Publication {
	t.Helper()
	ctx := context.Background()
	p, err := f.w.svc.Publication(ctx, f.users["reviewer"], c.ID)
	if err != nil {
		t.Fatal(err)
	}
	basis := "《中华人民共和国食品安全法》第一百二十四条第一款第（五）项"
	if p, err = f.w.svc.EditPublication(ctx, f.users["reviewer"], c.ID, p.Version, casework.PublicationEdit{Basis: &basis}); err != nil {
		t.Fatal(err)
	}
	if publish {
		if p, err = f.w.svc.Publish(ctx, f.users["reviewer"], c.ID, p.Version); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

// publicationPermRows are the permission table's rows of publication (公示).
func publicationPermRows() []permRow {
	staff := []string{"officer", "reviewer", "leader"}
	handlers := []string{"reviewer", "leader"}
	allStaff := append(slices.Clone(staff), "officer@other", "reviewer@other", "leader@other")
	everyone := append(slices.Clone(allStaff), "trainer", "admin", "anonymous")
	decided := func(method, suffix string, publish bool, body func(p casework.Publication) any) func(*testing.T, *permFixture) (string, string, string, []byte) {
		return func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			c := f.caseAt(t, casework.StageDecided, false)
			target := "/v1/cases/" + c.ID + "/publication" + suffix
			if body == nil {
				return method, target, "", nil
			}
			return method, target, "application/json", jsonBody(body(f.publicationReady(t, c, publish)))
		}
	}
	get := func(target string) func(*testing.T, *permFixture) (string, string, string, []byte) {
		return func(*testing.T, *permFixture) (string, string, string, []byte) { return "GET", target, "", nil }
	}
	return []permRow{
		{"read publication", decided("GET", "", false, nil), 200, staff},
		{"edit publication", decided("PATCH", "", false, func(p casework.Publication) any {
			return map[string]any{"version": p.Version, "doc_number": "某市监处罚〔2026〕1号"}
		}), 200, handlers},
		{"publish", decided("POST", "/publish", false, func(p casework.Publication) any {
			return map[string]any{"version": p.Version}
		}), 200, handlers},
		{"withdraw publication", decided("POST", "/withdraw", true, func(p casework.Publication) any {
			return map[string]any{"version": p.Version, "reason": "公示内容有误"}
		}), 200, handlers},
		{"revoke (撤销决定)", func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			c := f.caseAt(t, casework.StageDecided, false)
			return "POST", "/v1/cases/" + c.ID + "/transitions", "application/json",
				jsonBody(map[string]any{"action": casework.ActionRevoke, "version": c.Version, "note": "行政复议决定撤销"})
		}, 200, []string{"leader"}},
		{"vary a decision (变更)", changeRow(map[string]any{"action": "vary", "by": "reconsideration", "document": "某政复决字〔2026〕8号",
			"reason": "罚款明显不当", "proposal": map[string]any{"disposition": "处罚", "fine": 2000}}), 200, []string{"leader"}},
		{"confirm a decision unlawful", changeRow(map[string]any{"action": "confirm_unlawful", "by": "litigation",
			"document": "（2026）某0102行初15号", "reason": "程序违法"}), 200, []string{"leader"}},
		{"confirm a decision void", changeRow(map[string]any{"action": "confirm_void", "by": "agency", "reason": "不具有行政主体资格"}),
			200, []string{"leader"}},
		{"publications due", get("/v1/publications?state=due"), 200, allStaff},
		{"publications ended", get("/v1/publications?state=ended"), 200, allStaff},
		{"publications overdue", get("/v1/publications?state=overdue"), 200, allStaff},
		{"public decisions", get("/v1/public/decisions?q=食品"), 200, everyone},
		{"public RSS", get("/public/decisions.rss"), 200, everyone},
		{"public page", get("/public"), 200, everyone},
		{"set agency rule", func(*testing.T, *permFixture) (string, string, string, []byte) {
			return "PUT", "/v1/agencies/scjg", "application/json", jsonBody(map[string]any{"name": "某市市场监督管理局",
				"publication": map[string]any{"days": 20, "skip_warnings": true}})
		}, 200, []string{"admin"}},
	}
}

// changeRow is a permission row that changes a fresh decided case's
// decision with body (the version added).
func changeRow(body map[string]any) func(*testing.T, *permFixture) (string, string, string, []byte) {
	return func(t *testing.T, f *permFixture) (string, string, string, []byte) {
		c := f.caseAt(t, casework.StageDecided, false)
		b := maps.Clone(body)
		b["version"] = c.Version
		return "POST", "/v1/cases/" + c.ID + "/decision-changes", "application/json", jsonBody(b)
	}
}

// fetch sends a request with an optional bearer token and returns status
// and body.
func fetch(t *testing.T, addr, token, method, target string, body []byte) (int, []byte) {
	t.Helper()
	header := map[string]string{}
	if token != "" {
		header["Authorization"] = "Bearer " + token
	}
	if body != nil {
		header["Content-Type"] = "application/json"
	}
	status, _, raw := roundTrip(t, addr, method, target, header, body)
	return status, raw
}

// Personal data of the flow's case; none of it may be served to the public.
var flowSecrets = []string{"340504198506151234", "13812345678", "李大伟", "王小明", "福州市鼓楼区某路8号"}

// TestPublicationFlow: decide a case whose party and facts hold personal
// data; the publication is due, redacted; the reviewer masks a witness and
// publishes; the public (no token) finds it in JSON, RSS and by search, and
// none of the personal data anywhere; a leader revokes the decision and it
// leaves the public list, withdrawn with the reason.
func TestPublicationFlow(t *testing.T) {
	f := newPermFixture(t)
	ctx := context.Background()
	off := f.users["officer"]
	c, err := f.w.svc.CreateCase(ctx, off, casework.NewCase{Title: "某食品有限公司销售过期食品案",
		Party: casework.Party{Kind: "organisation", Name: "某食品有限公司", IDNumber: "91350100M000100Y43", Representative: "李大伟",
			Address: "福州市鼓楼区某路8号", Phone: "13812345678"},
		Facts: "当事人法定代表人李大伟（公民身份号码340504198506151234，住址福州市鼓楼区某路8号，电话13812345678）销售超过保质期的食品，证人王小明证实。"})
	if err != nil {
		t.Fatal(err)
	}
	c = f.walkTo(t, c, casework.StageDecided)
	rev := f.header(t, "reviewer")["Authorization"][len("Bearer "):]
	lead := f.header(t, "leader")["Authorization"][len("Bearer "):]
	var item casework.PublicationItem
	decode := func(st int, raw []byte, want int, v any) {
		t.Helper()
		if st != want {
			t.Fatalf("status %d %s; want %d", st, raw, want)
		}
		if err := json.Unmarshal(raw, v); err != nil {
			t.Fatal(err)
		}
	}
	pubURL := "/v1/cases/" + c.ID + "/publication"
	st, raw := fetch(t, f.addr, rev, "GET", pubURL, nil)
	decode(st, raw, 200, &item)
	if item.State != casework.PubDue || item.Due.IsZero() || item.PartyCode != "91350100M000100Y43" || len(item.Removed) < 3 {
		t.Fatalf("on the decision: %+v", item)
	}
	var queue struct{ Publications []casework.PublicationItem }
	st, raw = fetch(t, f.addr, rev, "GET", "/v1/publications?state=due", nil)
	decode(st, raw, 200, &queue)
	if len(queue.Publications) != 1 || queue.Publications[0].CaseID != c.ID {
		t.Fatalf("due queue %s", raw)
	}
	st, raw = fetch(t, f.addr, rev, "PATCH", pubURL, jsonBody(map[string]any{"version": item.Version, "names": []string{"王小明"},
		"basis": "《中华人民共和国食品安全法》第一百二十四条第一款第（五）项", "doc_number": "某市监处罚〔2026〕7号"}))
	decode(st, raw, 200, &item)
	st, raw = fetch(t, f.addr, rev, "POST", pubURL+"/publish", jsonBody(map[string]any{"version": item.Version}))
	decode(st, raw, 200, &item)
	if item.State != casework.PubPublished {
		t.Fatalf("after publish: %+v", item)
	}

	var pub struct {
		Decisions []casework.PublicDecision
		More      bool
	}
	for _, q := range []string{"", "?q=某市监处罚〔2026〕7号", "?q=保质期&agency=scjg", "?from=2020-01-01"} {
		st, raw = fetch(t, f.addr, "", "GET", "/v1/public/decisions"+q, nil)
		decode(st, raw, 200, &pub)
		if len(pub.Decisions) != 1 || pub.Decisions[0].ID != c.ID || pub.Decisions[0].PartyName != "某食品有限公司" {
			t.Fatalf("public %q: %s", q, raw)
		}
		for _, s := range flowSecrets {
			if strings.Contains(string(raw), s) {
				t.Errorf("public JSON %q leaks %s", q, s)
			}
		}
	}
	for _, q := range []string{"?q=13812345678", "?agency=hbj", "?to=2020-01-01"} {
		st, raw = fetch(t, f.addr, "", "GET", "/v1/public/decisions"+q, nil)
		decode(st, raw, 200, &pub)
		if len(pub.Decisions) != 0 {
			t.Errorf("public %q found %s", q, raw)
		}
	}
	st, raw = fetch(t, f.addr, "", "GET", "/public/decisions.rss", nil)
	var feed rss
	if st != 200 || xml.Unmarshal(raw, &feed) != nil || len(feed.Channel.Items) != 1 || feed.Channel.Items[0].GUID.Value != c.ID {
		t.Fatalf("RSS %d %s", st, raw)
	}
	for _, s := range flowSecrets {
		if strings.Contains(string(raw), s) {
			t.Errorf("RSS leaks %s", s)
		}
	}

	c, err = f.w.svc.Case(ctx, off, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	st, raw = fetch(t, f.addr, lead, "POST", "/v1/cases/"+c.ID+"/transitions",
		jsonBody(map[string]any{"action": "revoke", "version": c.Version, "note": "行政复议决定撤销"}))
	if st != 200 {
		t.Fatalf("revoke: %d %s", st, raw)
	}
	st, raw = fetch(t, f.addr, "", "GET", "/v1/public/decisions", nil)
	decode(st, raw, 200, &pub)
	// Only the notice of the withdrawal, with the reason, stays public.
	if len(pub.Decisions) != 1 || pub.Decisions[0].Status != "withdrawn" || pub.Decisions[0].Facts != "" ||
		!strings.Contains(pub.Decisions[0].WithdrawReason, "行政复议决定撤销") {
		t.Fatalf("revoked decision still public: %s", raw)
	}
	st, raw = fetch(t, f.addr, rev, "GET", "/v1/publications?state=withdrawn", nil)
	decode(st, raw, 200, &queue)
	if len(queue.Publications) != 1 || !strings.Contains(queue.Publications[0].WithdrawReason, "行政复议决定撤销") ||
		queue.Publications[0].WithdrawDue.IsZero() {
		t.Fatalf("withdrawn list %s", raw)
	}
}

// TestPublicationHostileInput sends bad input to every publication
// endpoint as a user who may use it: a 4xx in the error format with a
// Chinese message, and neither the record nor the publication changes.
func TestPublicationHostileInput(t *testing.T) {
	f := newPermFixture(t)
	c := f.caseAt(t, casework.StageDecided, false)
	p := f.publicationReady(t, c, false)
	open := f.caseAt(t, casework.StageInvestigating, false)
	url := "/v1/cases/" + c.ID + "/publication"
	v := fmt.Sprint(p.Version)
	type bad struct {
		name, method, target, body string
		status                     int
		code                       string
		// as is who sends it (empty: a reviewer).
		as string
	}
	var cases []bad
	for _, e := range []struct{ method, target string }{{"PATCH", url}, {"POST", url + "/publish"}, {"POST", url + "/withdraw"}} {
		for _, b := range []struct{ name, body, code string }{
			{"empty", "", "invalid_input"},
			{"invalid utf8", "{\"summary\":\"\xff\"}", "invalid_utf8"},
			{"not json", "x=1", "invalid_input"},
			{"array", "[]", "invalid_input"},
			{"unknown field", `{"version":` + v + `,"zzz":1}`, "invalid_input"},
			{"wrong type", `{"version":"1","summary":1,"reason":2}`, "invalid_input"},
			{"no version", `{"summary":"x","reason":"x"}`, "invalid_input"},
		} {
			cases = append(cases, bad{e.target + " " + b.name, e.method, e.target, b.body, 400, b.code, ""})
		}
		cases = append(cases, bad{e.target + " huge", e.method, e.target, `{"version":` + v + `,"summary":"` + strings.Repeat("法", DefaultBodyLimit/3+1) + `"}`, 413, "body_too_large", ""})
	}
	cases = append(cases,
		bad{"edit stale", "PATCH", url, `{"version":` + fmt.Sprint(p.Version+5) + `,"summary":"x"}`, 409, "version_conflict", ""},
		bad{"edit nothing", "PATCH", url, `{"version":` + v + `}`, 400, "invalid_input", ""},
		bad{"edit summary too long", "PATCH", url, `{"version":` + v + `,"summary":"` + strings.Repeat("字", 20001) + `"}`, 400, "invalid_input", ""},
		bad{"edit summary NUL", "PATCH", url, `{"version":` + v + `,"summary":"a\u0000b"}`, 400, "invalid_input", ""},
		bad{"edit doc number control", "PATCH", url, `{"version":` + v + `,"doc_number":"\u0007"}`, 400, "invalid_input", ""},
		bad{"edit one-character name", "PATCH", url, `{"version":` + v + `,"names":["王"]}`, 400, "invalid_input", ""},
		bad{"edit names not strings", "PATCH", url, `{"version":` + v + `,"names":[1]}`, 400, "invalid_input", ""},
		bad{"withdraw a due one", "POST", url + "/withdraw", `{"version":` + v + `,"reason":"x"}`, 409, "stage_not_allowed", ""},
		bad{"withdraw no reason", "POST", url + "/withdraw", `{"version":` + v + `,"reason":"  "}`, 400, "invalid_input", ""},
		bad{"publication of an open case", "GET", "/v1/cases/" + open.ID + "/publication", "", 404, "not_found", ""},
		bad{"publication of an unknown case", "GET", "/v1/cases/nope/publication", "", 404, "not_found", ""},
		bad{"publication SQL id", "POST", "/v1/cases/1'%20OR%20'1'='1/publication/publish", `{"version":1}`, 404, "not_found", ""},
		bad{"list unknown state", "GET", "/v1/publications?state=all", "", 400, "invalid_input", ""},
		bad{"list limit", "GET", "/v1/publications?limit=1e9", "", 400, "invalid_input", ""},
		bad{"public q too long", "GET", "/v1/public/decisions?q=" + strings.Repeat("a", 101), "", 400, "invalid_input", ""},
		bad{"public q invalid utf8", "GET", "/v1/public/decisions?q=%FF", "", 400, "invalid_utf8", ""},
		bad{"public bad date", "GET", "/v1/public/decisions?from=2026-13-01", "", 400, "invalid_input", ""},
		bad{"public to before from", "GET", "/v1/public/decisions?from=2026-03-02&to=2026-03-01", "", 400, "invalid_input", ""},
		bad{"public offset", "GET", "/v1/public/decisions?offset=-1", "", 400, "invalid_input", ""},
		bad{"public limit", "GET", "/v1/public/decisions?limit=101", "", 400, "invalid_input", ""},
		bad{"rss bad date", "GET", "/public/decisions.rss?to=yesterday", "", 400, "invalid_input", ""},
	)
	for _, b := range []bad{
		{"agency rule 0 days", "PUT", "/v1/agencies/scjg", `{"name":"x","publication":{"days":0}}`, 400, "invalid_input", "admin"},
		{"agency rule 1000 days", "PUT", "/v1/agencies/scjg", `{"name":"x","publication":{"days":1000}}`, 400, "invalid_input", "admin"},
		{"agency rule wrong type", "PUT", "/v1/agencies/scjg", `{"name":"x","publication":{"days":"7"}}`, 400, "invalid_input", "admin"},
		{"agency bad code", "PUT", "/v1/agencies/SC%20JG", `{"name":"x"}`, 400, "invalid_input", "admin"},
		{"agency unknown field", "PUT", "/v1/agencies/scjg", `{"name":"x","rule":1}`, 400, "invalid_input", "admin"},
		{"agency push days without remote days", "PUT", "/v1/agencies/scjg", `{"name":"x","publication":{"days":20,"push_days":10}}`, 400, "invalid_input", "admin"},
		{"agency unknown province", "PUT", "/v1/agencies/scjg", `{"name":"x","publication":{"days":20,"province":"99"}}`, 400, "invalid_input", "admin"},
		{"agency negative small fine", "PUT", "/v1/agencies/scjg", `{"name":"x","publication":{"days":20,"small_fine_org":-1}}`, 400, "invalid_input", "admin"},
	} {
		cases = append(cases, b)
	}
	// POST /v1/cases/:id/decision-changes, as a leader.
	changeURL := "/v1/cases/" + c.ID + "/decision-changes"
	cv := fmt.Sprint(c.Version)
	ok := `"version":` + cv + `,"by":"reconsideration","document":"某政复决字〔2026〕8号","reason":"罚款明显不当"`
	vary := `{` + ok + `,"action":"vary","proposal":{"disposition":"处罚","fine":2000}}`
	for _, b := range []struct {
		name, target, body string
		status             int
		code               string
	}{
		{"empty", changeURL, "", 400, "invalid_input"},
		{"not json", changeURL, "action=vary", 400, "invalid_input"},
		{"array", changeURL, "[]", 400, "invalid_input"},
		{"invalid utf8", changeURL, "{\"reason\":\"\xff\"}", 400, "invalid_utf8"},
		{"unknown field", changeURL, `{` + ok + `,"action":"vary","fine":1}`, 400, "invalid_input"},
		{"no version", changeURL, strings.Replace(vary, `"version":`+cv+`,`, "", 1), 400, "invalid_input"},
		{"wrong type", changeURL, `{"version":"1","action":1}`, 400, "invalid_input"},
		{"unknown action", changeURL, `{` + ok + `,"action":"approve"}`, 400, "invalid_input"},
		{"SQL in the action", changeURL, `{` + ok + `,"action":"vary'; DROP TABLE cases;--"}`, 400, "invalid_input"},
		{"unknown body", changeURL, strings.Replace(vary, "reconsideration", "court", 1), 400, "invalid_input"},
		{"no document from 复议", changeURL, strings.Replace(vary, "某政复决字〔2026〕8号", "", 1), 400, "invalid_input"},
		{"document with a control character", changeURL, strings.Replace(vary, "8号", `8号\u0007`, 1), 400, "invalid_input"},
		{"document too long", changeURL, strings.Replace(vary, "8号", strings.Repeat("号", 70), 1), 400, "invalid_input"},
		{"no reason", changeURL, strings.Replace(vary, "罚款明显不当", "  ", 1), 400, "invalid_input"},
		{"reason too long", changeURL, strings.Replace(vary, "罚款明显不当", strings.Repeat("理", 2001), 1), 400, "invalid_input"},
		{"vary without content", changeURL, `{` + ok + `,"action":"vary"}`, 400, "invalid_input"},
		{"negative fine", changeURL, strings.Replace(vary, "2000", "-2000", 1), 400, "invalid_input"},
		{"fine not a number", changeURL, strings.Replace(vary, "2000", `"2000"`, 1), 400, "invalid_input"},
		{"unknown disposition", changeURL, strings.Replace(vary, `"disposition":"处罚"`, `"disposition":"罚一下"`, 1), 400, "invalid_input"},
		{"revoke with content", changeURL, strings.Replace(vary, `"action":"vary"`, `"action":"revoke"`, 1), 400, "invalid_input"},
		{"stale version", changeURL, strings.Replace(vary, `"version":`+cv, `"version":`+fmt.Sprint(c.Version+3), 1), 409, "version_conflict"},
		{"huge", changeURL, `{"version":` + cv + `,"reason":"` + strings.Repeat("法", DefaultBodyLimit/3+1) + `"}`, 413, "body_too_large"},
		{"an open case", "/v1/cases/" + open.ID + "/decision-changes", strings.Replace(vary, `"version":`+cv, `"version":`+fmt.Sprint(open.Version), 1), 409, "stage_not_allowed"},
		{"dated not a date", changeURL, strings.Replace(vary, `"action"`, `"dated":"2026-3-2","action"`, 1), 400, "invalid_input"},
		{"dated in the future", changeURL, strings.Replace(vary, `"action"`, `"dated":"2999-01-01","action"`, 1), 400, "invalid_input"},
		{"dated before the decision", changeURL, strings.Replace(vary, `"action"`, `"dated":"2000-01-01","action"`, 1), 400, "invalid_input"},
		{"an unknown case", "/v1/cases/nope/decision-changes", vary, 404, "not_found"},
	} {
		cases = append(cases, bad{"change " + b.name, "POST", b.target, b.body, b.status, b.code, "leader"})
	}
	for _, b := range cases {
		t.Run(b.name, func(t *testing.T) {
			h := map[string]string{"Authorization": f.header(t, cmp.Or(b.as, "reviewer"))["Authorization"]}
			var body []byte
			if b.method != "GET" {
				h["Content-Type"] = "application/json"
				body = []byte(b.body)
			}
			entries := f.w.entryCount(t)
			st, _, e := send(t, f.addr, liveRequest{b.method, b.target, h, body})
			if st != b.status || e.Code != b.code {
				t.Fatalf("%d %+v; want %d %q", st, e, b.status, b.code)
			}
			if !hasHan(e.Message) {
				t.Errorf("message %q is not in Chinese", e.Message)
			}
			if got := f.w.entryCount(t); got != entries {
				t.Fatalf("refused request changed the record: %d → %d entries", entries, got)
			}
			now, err := f.w.svc.Publication(context.Background(), f.users["reviewer"], c.ID)
			if err != nil || now.Version != p.Version {
				t.Fatalf("publication changed: version %d → %d (%v)", p.Version, now.Version, err)
			}
		})
	}
}

// TestPublicRateLimit: the public's reads count against the per-client
// limit of expensive reads, answered 429 in the error format.
func TestPublicRateLimit(t *testing.T) {
	w := newTestWorkbench(t, 0)
	s := New(Config{Catalog: testCatalog(t), Casework: w.svc, Web: WebConfig{ReadsPerMinute: 3, LimitLoopback: true}})
	addr := liveServer(t, s)
	for i, target := range []string{"/v1/public/decisions", "/public/decisions.rss", "/public", "/v1/public/decisions"} {
		st, hdr, e := send(t, addr, liveRequest{"GET", target, nil, nil})
		want := 200
		if i == 3 {
			want = 429
		}
		if st != want {
			t.Fatalf("request %d %s: %d %+v; want %d", i+1, target, st, e, want)
		}
		if want == 429 && (e.Code == "" || hdr.Get("Retry-After") == "" || !hasHan(e.Message)) {
			t.Fatalf("429 without the error format or Retry-After: %+v %v", e, hdr)
		}
	}
}
