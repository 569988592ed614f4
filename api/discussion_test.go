package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/casework"
)

// discussionAt opens a discussion of a case of scjg in stage st, as its
// officer, inviting the agency's reviewer; with an evidence attachment
// commented when attach.
func (f *permFixture) discussionAt(t *testing.T, st casework.Stage, attach bool) casework.Discussion {
	t.Helper()
	ctx := context.Background()
	c := f.caseAt(t, st, false)
	d, err := f.w.svc.OpenDiscussion(ctx, f.users["officer"], c.ID, casework.NewDiscussion{Topic: "罚款幅度是否适当", Invited: []string{f.users["reviewer"].ID}})
	if err != nil {
		t.Fatal(err)
	}
	if attach {
		if _, err := f.w.svc.AddComment(ctx, f.users["officer"], d.ID, casework.NewComment{Text: "见询问笔录", Attachments: []string{f.withEvidence(t, c)}}); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

// collection creates a trainers' collection holding one shared case.
func (f *permFixture) collection(t *testing.T) casework.Collection {
	t.Helper()
	ctx := context.Background()
	col, err := f.w.svc.CreateCollection(ctx, f.users["trainer"], "食品安全典型案例", "")
	if err != nil {
		t.Fatal(err)
	}
	c := f.caseAt(t, casework.StageClosed, true)
	col, err = f.w.svc.EditCollection(ctx, f.users["trainer"], col.ID, col.Version, casework.CollectionEdit{Add: []casework.CollectionItem{{CaseID: c.ID, Note: "典型"}}})
	if err != nil {
		t.Fatal(err)
	}
	return col
}

// discussionPermRows are the permission table's rows of discussions,
// notifications and training collections.
func discussionPermRows() []permRow {
	staff := []string{"officer", "reviewer", "leader"}
	allStaff := append(slices.Clone(staff), "officer@other", "reviewer@other", "leader@other")
	training := append(slices.Clone(allStaff), "trainer")
	signedIn := append(slices.Clone(training), "admin")
	onDiscussion := func(method, suffix string, attach bool, body func(d casework.Discussion) any) func(*testing.T, *permFixture) (string, string, string, []byte) {
		return func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			d := f.discussionAt(t, casework.StageReview, attach)
			target := "/v1/discussions/" + d.ID + suffix
			if attach {
				th, err := f.w.svc.Discussion(context.Background(), f.users["officer"], d.ID)
				if err != nil {
					t.Fatal(err)
				}
				target += th.Comments[0].Attachments[0]
			}
			if body == nil {
				return method, target, "", nil
			}
			return method, target, "application/json", jsonBody(body(d))
		}
	}
	get := func(target string) func(*testing.T, *permFixture) (string, string, string, []byte) {
		return func(*testing.T, *permFixture) (string, string, string, []byte) { return "GET", target, "", nil }
	}
	return []permRow{
		{"open discussion", func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			c := f.caseAt(t, casework.StageReview, false)
			return "POST", "/v1/cases/" + c.ID + "/discussions", "application/json", jsonBody(map[string]any{"topic": "是否从轻"})
		}, 201, staff},
		{"read discussion", onDiscussion("GET", "", false, nil), 200, staff},
		{"comment", onDiscussion("POST", "/comments", false, func(casework.Discussion) any { return map[string]any{"text": "建议从轻"} }), 201, staff},
		{"conclude", onDiscussion("POST", "/conclusion", false, func(d casework.Discussion) any {
			return map[string]any{"version": d.Version, "text": "从轻处罚"}
		}), 200, []string{"officer", "leader"}},
		{"download attachment", onDiscussion("GET", "/attachments/", true, nil), 200, staff},
		{"read anonymised discussion of the city's reviewers", func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			c := f.caseAt(t, casework.StageReview, false)
			d, err := f.w.svc.OpenDiscussion(context.Background(), f.users["leader"], c.ID, casework.NewDiscussion{Topic: "裁量尺度",
				Anonymised: true, Audience: casework.AudienceCityReviewers})
			if err != nil {
				t.Fatal(err)
			}
			return "GET", "/v1/discussions/" + d.ID, "", nil
		}, 200, []string{"leader", "reviewer", "reviewer@other"}},
		{"list discussions", get("/v1/discussions"), 200, allStaff},
		{"notifications", get("/v1/notifications"), 200, signedIn},
		{"mark notifications read", func(*testing.T, *permFixture) (string, string, string, []byte) {
			return "POST", "/v1/notifications/read", "application/json", []byte(`{}`)
		}, 200, signedIn},
		{"browse training cases", get("/v1/training/cases"), 200, training},
		{"training case shared and ended", func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			return "GET", "/v1/training/cases/" + f.caseAt(t, casework.StageClosed, true).ID, "", nil
		}, 200, training},
		{"training case still open", func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			return "GET", "/v1/training/cases/" + f.caseAt(t, casework.StageReview, false).ID, "", nil
		}, 200, nil},
		{"training case ended, not shared", func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			return "GET", "/v1/training/cases/" + f.caseAt(t, casework.StageClosed, false).ID, "", nil
		}, 200, nil},
		{"compare", func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			a, b := f.caseAt(t, casework.StageClosed, true), f.caseAt(t, casework.StageClosed, true)
			return "GET", "/v1/training/compare?ids=" + a.ID + "," + b.ID, "", nil
		}, 200, training},
		{"list collections", get("/v1/training/collections"), 200, training},
		{"create collection", func(*testing.T, *permFixture) (string, string, string, []byte) {
			return "POST", "/v1/training/collections", "application/json", jsonBody(map[string]any{"title": "典型案例"})
		}, 201, []string{"trainer"}},
		{"read collection", func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			return "GET", "/v1/training/collections/" + f.collection(t).ID, "", nil
		}, 200, training},
		{"edit collection", func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			col := f.collection(t)
			return "PATCH", "/v1/training/collections/" + col.ID, "application/json", jsonBody(map[string]any{"version": col.Version, "note": "按情节排列"})
		}, 200, []string{"trainer"}},
	}
}

// TestDiscussionHostileInput sends bad input to every new endpoint as a
// user who may use it: a 4xx in the error format with a Chinese message,
// and the full-process record does not move.
func TestDiscussionHostileInput(t *testing.T) {
	f := newPermFixture(t)
	d := f.discussionAt(t, casework.StageReview, false)
	col := f.collection(t)
	open := f.caseAt(t, casework.StageReview, false)
	dp := "/v1/discussions/" + d.ID
	cp := "/v1/training/collections/" + col.ID
	long := strings.Repeat("字", 5001)
	type bad struct {
		name, actor, method, target, body string
		status                            int
		code                              string
	}
	var cases []bad
	for _, e := range []struct{ actor, method, target string }{
		{"officer", "POST", "/v1/cases/" + open.ID + "/discussions"}, {"officer", "POST", dp + "/comments"},
		{"officer", "POST", dp + "/conclusion"}, {"officer", "POST", "/v1/notifications/read"},
		{"trainer", "POST", "/v1/training/collections"}, {"trainer", "PATCH", cp},
	} {
		for _, b := range []struct{ name, body, code string }{
			{"empty", "", "invalid_input"},
			{"invalid utf8", "{\"text\":\"\xff\"}", "invalid_utf8"},
			{"not json", "text=x", "invalid_input"},
			{"array", "[1,2]", "invalid_input"},
			{"unknown field", `{"zzz":1}`, "invalid_input"},
			{"wrong type", `{"version":"1","text":1,"topic":2,"title":3,"ids":"x","invited":"y"}`, "invalid_input"},
		} {
			cases = append(cases, bad{e.target + " " + b.name, e.actor, e.method, e.target, b.body, 400, b.code})
		}
	}
	cases = append(cases,
		bad{"topic too long", "officer", "POST", "/v1/cases/" + open.ID + "/discussions", `{"topic":"` + strings.Repeat("题", 201) + `"}`, 400, "invalid_input"},
		bad{"topic control char", "officer", "POST", "/v1/cases/" + open.ID + "/discussions", `{"topic":"a\u0007b"}`, 400, "invalid_input"},
		bad{"unknown audience", "officer", "POST", "/v1/cases/" + open.ID + "/discussions", `{"topic":"x","audience":"everyone"}`, 400, "invalid_input"},
		bad{"city without extract", "officer", "POST", "/v1/cases/" + open.ID + "/discussions", `{"topic":"x","audience":"city_reviewers"}`, 400, "invalid_input"},
		bad{"invite another agency to the case", "officer", "POST", "/v1/cases/" + open.ID + "/discussions", `{"topic":"x","invited":["ob"]}`, 400, "invalid_input"},
		bad{"discussion of an unknown case", "officer", "POST", "/v1/cases/scjg-2026-999999/discussions", `{"topic":"x"}`, 404, "not_found"},
		bad{"comment too long", "officer", "POST", dp + "/comments", `{"text":"` + long + `"}`, 400, "invalid_input"},
		bad{"comment blank", "officer", "POST", dp + "/comments", `{"text":"   "}`, 400, "invalid_input"},
		bad{"comment NUL", "officer", "POST", dp + "/comments", `{"text":"a\u0000b"}`, 400, "invalid_input"},
		bad{"mention of an outsider", "officer", "POST", dp + "/comments", `{"text":"@ob 请看"}`, 400, "invalid_input"},
		bad{"attachment not of the case", "officer", "POST", dp + "/comments", `{"text":"x","attachments":["` + strings.Repeat("0", 64) + `"]}`, 400, "invalid_input"},
		bad{"hostile script", "officer", "POST", dp + "/comments", `{"text":"x","reply_to":"<script>alert(1)</script>"}`, 400, "invalid_input"},
		bad{"comment on an unknown discussion", "officer", "POST", "/v1/discussions/nope-d1/comments", `{"text":"x"}`, 404, "not_found"},
		bad{"conclusion without version", "officer", "POST", dp + "/conclusion", `{"text":"x"}`, 400, "invalid_input"},
		bad{"conclusion stale", "officer", "POST", dp + "/conclusion", `{"version":99,"text":"x"}`, 409, "version_conflict"},
		bad{"conclusion empty", "officer", "POST", dp + "/conclusion", fmt.Sprintf(`{"version":%d,"text":""}`, d.Version), 400, "invalid_input"},
		bad{"attachment digest malformed", "officer", "GET", dp + "/attachments/xyz", "", 400, "invalid_input"},
		bad{"mark unknown notification", "officer", "POST", "/v1/notifications/read", `{"ids":["nope"]}`, 404, "not_found"},
		bad{"training fine negative", "trainer", "GET", "/v1/training/cases?min_fine=-1", "", 400, "invalid_input"},
		bad{"training fine not a number", "trainer", "GET", "/v1/training/cases?max_fine=NaN", "", 400, "invalid_input"},
		bad{"training outcome unknown", "trainer", "GET", "/v1/training/cases?outcome=%3Cb%3E", "", 400, "invalid_input"},
		bad{"training case unknown", "trainer", "GET", "/v1/training/cases/scjg-2026-999999", "", 404, "not_found"},
		bad{"compare one", "trainer", "GET", "/v1/training/compare?ids=a", "", 400, "invalid_input"},
		bad{"compare seven", "trainer", "GET", "/v1/training/compare?ids=a,b,c,d,e,f,g", "", 400, "invalid_input"},
		bad{"compare an open case", "trainer", "GET", "/v1/training/compare?ids=" + open.ID + "," + col.Items[0].CaseID, "", 403, "forbidden"},
		bad{"collection title empty", "trainer", "POST", "/v1/training/collections", `{"title":""}`, 400, "invalid_input"},
		bad{"collection edit nothing", "trainer", "PATCH", cp, fmt.Sprintf(`{"version":%d}`, col.Version), 400, "invalid_input"},
		bad{"collection add open case", "trainer", "PATCH", cp, fmt.Sprintf(`{"version":%d,"add":[{"case_id":%q}]}`, col.Version, open.ID), 403, "forbidden"},
		bad{"collection remove absent", "trainer", "PATCH", cp, fmt.Sprintf(`{"version":%d,"remove":["x"]}`, col.Version), 400, "invalid_input"},
		bad{"collection unknown", "trainer", "GET", "/v1/training/collections/col-nope", "", 404, "not_found"},
		bad{"collection edit stale", "trainer", "PATCH", cp, `{"version":1,"note":"x"}`, 409, "version_conflict"},
	)
	auth := map[string]string{}
	for _, a := range []string{"officer", "trainer"} {
		auth[a] = f.header(t, a)["Authorization"]
	}
	for _, b := range cases {
		t.Run(b.name, func(t *testing.T) {
			h := map[string]string{"Authorization": auth[b.actor]}
			if b.method != "GET" {
				h["Content-Type"] = "application/json"
			}
			entries := f.w.entryCount(t)
			var body []byte
			if b.method != "GET" {
				body = []byte(b.body)
			}
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
		})
	}
}

// TestDiscussionFlow opens, comments (a mention and a citation resolved to
// the statute text the server holds) and concludes a discussion over HTTP;
// the mentioned colleague has an unread notification; the case's timeline
// records every event.
func TestDiscussionFlow(t *testing.T) {
	f := newPermFixture(t)
	c := f.caseAt(t, casework.StageReview, false)
	call := func(actor, method, target string, body any, want int) map[string]any {
		t.Helper()
		var rd io.Reader
		if body != nil {
			rd = bytes.NewReader(jsonBody(body))
		}
		req, _ := http.NewRequest(method, "http://"+f.addr+target, rd)
		for k, v := range f.header(t, actor) {
			req.Header.Set(k, v)
		}
		if body != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		raw, _ := io.ReadAll(res.Body)
		if res.StatusCode != want {
			t.Fatalf("%s %s: %d %s; want %d", method, target, res.StatusCode, raw, want)
		}
		var out map[string]any
		if err := json.Unmarshal(raw, &out); err != nil {
			t.Fatalf("%s %s: %v", method, target, err)
		}
		return out
	}
	d := call("officer", "POST", "/v1/cases/"+c.ID+"/discussions", map[string]any{"topic": "罚款是否适当", "invited": []string{"ra"}}, 201)
	id := d["id"].(string)
	com := call("reviewer", "POST", "/v1/discussions/"+id+"/comments", map[string]any{"text": "@oa 请对照《食品安全法》第一百二十四条核实货值金额。"}, 201)
	cites, _ := com["citations"].([]any)
	if len(cites) != 1 {
		t.Fatalf("citations = %v", com["citations"])
	}
	cite := cites[0].(map[string]any)
	if cite["label"] != "食品安全法第一百二十四条" || !strings.Contains(cite["article"].(string), "处五万元以上十万元以下罚款") {
		t.Errorf("citation = %v", cite)
	}
	n := call("officer", "GET", "/v1/notifications", nil, 200)
	if n["unread"].(float64) != 1 {
		t.Errorf("officer's notifications = %v", n)
	}
	th := call("reviewer", "GET", "/v1/discussions/"+id, nil, 200)
	version := th["discussion"].(map[string]any)["version"].(float64)
	done := call("officer", "POST", "/v1/discussions/"+id+"/conclusion", map[string]any{"version": version, "text": "货值金额核实无误，维持原建议。"}, 200)
	if done["conclusion"] == nil {
		t.Errorf("no conclusion: %v", done)
	}
	call("officer", "POST", "/v1/notifications/read", map[string]any{}, 200)
	if n := call("officer", "GET", "/v1/notifications", nil, 200); n["unread"].(float64) != 0 {
		t.Errorf("unread after marking read: %v", n)
	}
	tl, err := f.w.svc.Timeline(context.Background(), f.users["leader"], c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range tl {
		if strings.HasPrefix(e.Action, "discussion.") {
			got = append(got, e.Action)
		}
	}
	if want := []string{"discussion.open", "discussion.comment", "discussion.conclude"}; !slices.Equal(got, want) {
		t.Errorf("timeline discussion entries = %v, want %v", got, want)
	}
}
