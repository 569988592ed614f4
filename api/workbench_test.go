package api

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/casework/blobdir"
)

// permFixture is a live server over an in-memory workbench with users of
// two agencies, and the ways to put a case of agency "scjg" in any stage.
type permFixture struct {
	w    *testWorkbench
	addr string
	// users by actor name (officer, reviewer@other, …); tokens are issued
	// fresh for every request, since one row logs out.
	users map[string]casework.User
	// disabledToken was issued before its user was disabled.
	disabledToken string
	n             int
	// partner is the second certified officer of decided cases
	// (行政处罚法 第四十二条), added by the first decidedCase.
	partner casework.User
}

// The actors of the permission table: every role of the case's agency
// ("own"), the staff of another agency, and those who are no one.
var actors = []string{"officer", "reviewer", "leader", "officer@other", "reviewer@other", "leader@other", "trainer", "admin",
	"anonymous", "forged", "disabled"}

func newPermFixture(t *testing.T) *permFixture {
	t.Helper()
	lib := testLibrary(t, nil)
	w := newTestWorkbench(t, 0, func(c *casework.Config) { c.Citations = app.CaseCitations{Resolver: lib.Resolver()} })
	s := New(Config{Library: lib, Catalog: testCatalog(t), Analyzer: testAnalyzer(t, lib), Casework: w.svc, Oversight: testOversight(t, w.store),
		Speech: permSpeech(t), Documents: testDocuments(t)})
	t.Cleanup(s.closeCaseSpeech)
	f := &permFixture{w: w, addr: liveServer(t, s), users: map[string]casework.User{"admin": w.admin}}
	add := func(name, id, agency string, roles ...casework.Role) {
		u, _, err := w.svc.AddUser(context.Background(), w.admin, casework.User{ID: id, Name: id, Agency: agency, Roles: roles}, "")
		if err != nil {
			t.Fatal(err)
		}
		f.users[name] = u
	}
	add("officer", "oa", "scjg", casework.RoleOfficer)
	add("reviewer", "ra", "scjg", casework.RoleReviewer)
	add("leader", "la", "scjg", casework.RoleLeader)
	add("officer@other", "ob", "hbj", casework.RoleOfficer)
	add("reviewer@other", "rb", "hbj", casework.RoleReviewer)
	add("leader@other", "lb", "hbj", casework.RoleLeader)
	add("trainer", "tr", "", casework.RoleTrainer)
	add("disabled", "gone", "scjg", casework.RoleOfficer, casework.RoleReviewer, casework.RoleLeader)
	var err error
	if f.disabledToken, err = w.svc.IssueToken(context.Background(), w.admin, "gone", 0); err != nil {
		t.Fatal(err)
	}
	if err := w.svc.SetUserDisabled(context.Background(), w.admin, "gone", true); err != nil {
		t.Fatal(err)
	}
	return f
}

// token returns a bearer header for actor ("" for anonymous).
func (f *permFixture) header(t *testing.T, actor string) map[string]string {
	t.Helper()
	h := map[string]string{}
	switch actor {
	case "anonymous":
		return h
	case "forged":
		h["Authorization"] = "Bearer clt_" + strings.Repeat("A", 43)
	case "disabled":
		h["Authorization"] = "Bearer " + f.disabledToken
	default:
		tok, err := f.w.svc.IssueToken(context.Background(), f.w.admin, f.users[actor].ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		h["Authorization"] = "Bearer " + tok
	}
	return h
}

// path of the case's life from 立案审批 to 结案, with who takes each step.
var lifePath = []struct {
	action casework.Action
	actor  string
}{
	{casework.ActionRegister, "leader"}, {casework.ActionToDiscretion, "officer"}, {casework.ActionNotify, "officer"},
	{casework.ActionSubmitReview, "officer"}, {casework.ActionReviewPass, "reviewer"}, {casework.ActionApprove, "leader"},
	{casework.ActionServe, "officer"}, {casework.ActionClose, "officer"},
}

// walkTo takes c along lifePath to stage st as the right people, with a
// proposal (罚款 5000 元, unless c has one) before 告知 and the checklist
// marked before 审核通过.
func (f *permFixture) walkTo(t *testing.T, c casework.Case, st casework.Stage) casework.Case {
	t.Helper()
	ctx := context.Background()
	var err error
	for _, step := range lifePath {
		if c.Stage == st {
			break
		}
		if _, ok := casework.TransitionFor(c.Stage, step.action); !ok {
			continue
		}
		if step.action == casework.ActionNotify && c.Proposal == nil {
			p := casework.Proposal{Disposition: "处罚", Fine: 5000}
			if c, err = f.w.svc.EditCase(ctx, f.users["officer"], c.ID, c.Version, casework.CaseEdit{Proposal: &p}); err != nil {
				t.Fatal(err)
			}
		}
		if step.action == casework.ActionReviewPass {
			c = passChecklist(t, f.w.svc, f.users["reviewer"], c)
		}
		if step.action == casework.ActionServe {
			c = f.serveDecision(t, c)
		}
		if c, err = f.w.svc.Transition(ctx, f.users[step.actor], c.ID, c.Version, step.action, ""); err != nil {
			t.Fatalf("%s: %v", step.action, err)
		}
	}
	if c.Stage != st {
		t.Fatalf("case reached %s, not %s", c.Stage, st)
	}
	return c
}

// serveDecision records, as the officer, the direct service of c's latest
// 决定书 (issuing one without a 文号 when none is), which the 送达 stage
// requires, and returns the case as it now is.
func (f *permFixture) serveDecision(t *testing.T, c casework.Case) casework.Case {
	t.Helper()
	ctx, officer := context.Background(), f.users["officer"]
	docs, err := f.w.svc.Documents(ctx, officer, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	served := casework.DeliveredDocument{}
	for _, d := range docs {
		if (d.Kind == "decision" || d.Kind == "no-penalty") && d.Version > served.Version {
			served = casework.DeliveredDocument{Kind: d.Kind, Version: d.Version}
		}
	}
	if served.Kind == "" {
		spec := casework.DocumentSpec{Kind: "decision", Title: "行政处罚决定书", Roles: []casework.Role{casework.RoleOfficer},
			Stages: []casework.Stage{casework.StageDecided}}
		d, err := f.w.svc.IssueDocument(ctx, officer, c.ID, spec, func(c casework.Case, _ casework.Agency, _ string, _ time.Time) (casework.Rendered, error) {
			return casework.Rendered{DOCX: []byte("决定书 " + c.ID)}, nil
		})
		if err != nil {
			t.Fatalf("issue the decision of %s: %v", c.ID, err)
		}
		served = casework.DeliveredDocument{Kind: d.Kind, Version: d.Version}
	}
	if _, err := f.w.svc.RecordDelivery(ctx, officer, c.ID, casework.Delivery{Documents: []casework.DeliveredDocument{served},
		Method: casework.DeliverDirect, Recipient: "王五", Relation: "本人", Place: "某市某区某路1号", At: c.Decided,
		Officers: []string{officer.ID}}); err != nil {
		t.Fatalf("deliver the decision of %s: %v", c.ID, err)
	}
	if c, err = f.w.svc.Case(ctx, officer, c.ID); err != nil {
		t.Fatal(err)
	}
	return c
}

// caseAt creates a case of agency scjg and takes it to stage st (shared for
// training when shared), through the Service as the right people.
func (f *permFixture) caseAt(t *testing.T, st casework.Stage, shared bool) casework.Case {
	t.Helper()
	ctx := context.Background()
	f.n++
	c, err := f.w.svc.CreateCase(ctx, f.users["officer"], casework.NewCase{Title: fmt.Sprintf("某店销售过期食品案 %d", f.n),
		Party: casework.Party{Kind: "organisation", Name: "某食品店"}, Facts: "当事人销售超过保质期的食品，货值金额800元。"})
	if err != nil {
		t.Fatal(err)
	}
	c = f.walkTo(t, c, st)
	if c.Stage != st {
		t.Fatalf("case reached %s, not %s", c.Stage, st)
	}
	if shared {
		if c, err = f.w.svc.Share(ctx, f.users["leader"], c.ID, c.Version, true); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

// withEvidence attaches a small PDF to c and returns its digest.
func (f *permFixture) withEvidence(t *testing.T, c casework.Case) string {
	t.Helper()
	ev, err := f.w.svc.AddEvidence(context.Background(), f.users["officer"], c.ID, strings.NewReader("%PDF-1.4\n"+c.ID+"\n%%EOF\n"), "询问笔录.pdf", "")
	if err != nil {
		t.Fatal(err)
	}
	return ev.Digest
}

func jsonBody(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

// evidenceForm is the evidence upload form: the note, then the file.
func evidenceForm(t testing.TB, note, name string, content []byte) (string, []byte) {
	body, ct := multipartBody(t, "file", name, content, "note", note)
	return ct, body
}

// permRow is one endpoint of the permission table: req prepares the state
// the request needs (a case in the right stage, a user to act on) and
// returns it; the actors in allow get status ok, the others 401 (no valid
// token) or 403.
type permRow struct {
	name  string
	req   func(t *testing.T, f *permFixture) (method, target, contentType string, body []byte)
	ok    int
	allow []string
}

func permRows() []permRow {
	staff := []string{"officer", "reviewer", "leader"}
	allStaff := append(slices.Clone(staff), "officer@other", "reviewer@other", "leader@other")
	signedIn := append(slices.Clone(allStaff), "trainer", "admin")
	caseReq := func(st casework.Stage, method, suffix string, body func(c casework.Case) any) func(*testing.T, *permFixture) (string, string, string, []byte) {
		return func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			c := f.caseAt(t, st, false)
			if body == nil {
				return method, "/v1/cases/" + c.ID + suffix, "", nil
			}
			return method, "/v1/cases/" + c.ID + suffix, "application/json", jsonBody(body(c))
		}
	}
	transition := func(st casework.Stage, a casework.Action) func(*testing.T, *permFixture) (string, string, string, []byte) {
		return caseReq(st, "POST", "/transitions", func(c casework.Case) any {
			return map[string]any{"action": a, "version": c.Version, "note": "理由"}
		})
	}
	plain := func(method, target string, body any) func(*testing.T, *permFixture) (string, string, string, []byte) {
		return func(*testing.T, *permFixture) (string, string, string, []byte) {
			if body == nil {
				return method, target, "", nil
			}
			return method, target, "application/json", jsonBody(body)
		}
	}
	newUser := func(suffix string) func(*testing.T, *permFixture) (string, string, string, []byte) {
		return func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			f.n++
			id := fmt.Sprintf("u%d", f.n)
			if _, _, err := f.w.svc.AddUser(context.Background(), f.w.admin, casework.User{ID: id, Agency: "scjg", Roles: []casework.Role{casework.RoleOfficer}}, ""); err != nil {
				t.Fatal(err)
			}
			return "POST", "/v1/users/" + id + suffix, "application/json", []byte(`{}`)
		}
	}
	rows := []permRow{
		{"read case", caseReq(casework.StageInvestigating, "GET", "", nil), 200, staff},
		{"read closed case shared for training", func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			return "GET", "/v1/cases/" + f.caseAt(t, casework.StageClosed, true).ID, "", nil
		}, 200, staff},
		{"read closed case not shared", func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			return "GET", "/v1/cases/" + f.caseAt(t, casework.StageClosed, false).ID, "", nil
		}, 200, staff},
		{"edit case", caseReq(casework.StageInvestigating, "PATCH", "", func(c casework.Case) any {
			return map[string]any{"version": c.Version, "facts": "补充：货值金额900元。"}
		}), 200, []string{"officer"}},
		{"register (批准立案)", transition(casework.StageFiling, casework.ActionRegister), 200, []string{"leader"}},
		{"end investigation (调查终结)", transition(casework.StageInvestigating, casework.ActionToDiscretion), 200, []string{"officer"}},
		{"pass review (审核通过)", func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			c := passChecklist(t, f.w.svc, f.users["reviewer"], f.caseAt(t, casework.StageReview, false))
			return "POST", "/v1/cases/" + c.ID + "/transitions", "application/json", jsonBody(map[string]any{"action": casework.ActionReviewPass, "version": c.Version})
		}, 200, []string{"reviewer"}},
		{"approve (批准)", transition(casework.StageApproval, casework.ActionApprove), 200, []string{"leader"}},
		{"extend", caseReq(casework.StageInvestigating, "POST", "/extend", func(c casework.Case) any {
			return map[string]any{"version": c.Version, "days": 30, "reason": "案情复杂"}
		}), 200, []string{"leader"}},
		{"share", caseReq(casework.StageClosed, "POST", "/share", func(c casework.Case) any {
			return map[string]any{"version": c.Version, "shared": true}
		}), 200, []string{"leader"}},
		{"attach analysis", caseReq(casework.StageDiscretion, "POST", "/analysis", func(c casework.Case) any {
			return map[string]any{"version": c.Version}
		}), 200, []string{"officer"}},
		{"upload evidence", func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			c := f.caseAt(t, casework.StageInvestigating, false)
			ct, body := evidenceForm(t, "现场照片", "现场.pdf", []byte("%PDF-1.4\n"+c.ID+"\n%%EOF\n"))
			return "POST", "/v1/cases/" + c.ID + "/evidence", ct, body
		}, 201, []string{"officer"}},
		{"list evidence", caseReq(casework.StageInvestigating, "GET", "/evidence", nil), 200, staff},
		{"download evidence", func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			c := f.caseAt(t, casework.StageInvestigating, false)
			return "GET", "/v1/cases/" + c.ID + "/evidence/" + f.withEvidence(t, c), "", nil
		}, 200, staff},
		{"timeline", caseReq(casework.StageInvestigating, "GET", "/timeline", nil), 200, staff},
		{"list documents", caseReq(casework.StageDecided, "GET", "/documents", nil), 200, staff},
		{"draft document", caseReq(casework.StageDiscretion, "GET", "/documents/notice.docx", nil), 200, staff},
		{"issue document", func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			return "POST", "/v1/cases/" + f.decidedCase(t).ID + "/documents/decision", "application/json", []byte(`{}`)
		}, 201, []string{"officer"}},
		{"document versions", caseReq(casework.StageDecided, "GET", "/documents/decision/versions", nil), 200, staff},
		{"create case", plain("POST", "/v1/cases", map[string]any{"title": "某公司未按规定公示年报案", "facts": "当事人未按规定公示。"}), 201,
			[]string{"officer", "officer@other"}},
		{"queue mine", plain("GET", "/v1/cases?queue=mine", nil), 200, []string{"officer", "officer@other"}},
		{"queue review", plain("GET", "/v1/cases?queue=review", nil), 200, []string{"reviewer", "reviewer@other"}},
		{"queue approval", plain("GET", "/v1/cases?queue=approval", nil), 200, []string{"leader", "leader@other"}},
		{"queue overdue", plain("GET", "/v1/cases?queue=overdue", nil), 200, allStaff},
		{"queue agency", plain("GET", "/v1/cases?queue=agency", nil), 200, allStaff},
		{"queue training", plain("GET", "/v1/cases?queue=training", nil), 200, allStaff},
		{"list users", plain("GET", "/v1/users", nil), 200, []string{"leader", "leader@other", "admin"}},
		{"add user", func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			f.n++
			return "POST", "/v1/users", "application/json", jsonBody(map[string]any{"id": fmt.Sprintf("new%d", f.n), "name": "新用户", "agency": "scjg", "roles": []string{"officer"}})
		}, 201, []string{"admin"}},
		{"disable user", newUser("/disable"), 200, []string{"admin"}},
		{"enable user", newUser("/enable"), 200, []string{"admin"}},
		{"issue token for another user", newUser("/tokens"), 201, []string{"admin"}},
		{"me", plain("GET", "/v1/me", nil), 200, signedIn},
		{"logout", plain("POST", "/v1/logout", map[string]any{}), 200, signedIn},
		{"import library cases", plain("POST", "/v1/library/cases", json.RawMessage("["+validCase+"]")), 201, []string{"admin"}},
		{"transition table", plain("GET", "/v1/transitions", nil), 200, append(slices.Clone(signedIn), "anonymous")},
		{"library search", plain("GET", "/v1/library/cases/search?q=x", nil), 200, append(slices.Clone(signedIn), "anonymous")},
		// Statistics and warnings (oversight.go): leaders and reviewers see their own agency (the default view), admins the city.
		{"stats, default view", plain("GET", "/v1/stats", nil), 200, oversightViewers},
		{"stats of agency scjg", plain("GET", "/v1/stats?agency=scjg", nil), 200, []string{"reviewer", "leader", "admin"}},
		{"stats as a workbook", plain("GET", "/v1/stats?format=xlsx", nil), 200, oversightViewers},
		{"warnings, default view", plain("GET", "/v1/warnings", nil), 200, oversightViewers},
		{"warnings of agency hbj", plain("GET", "/v1/warnings?agency=hbj", nil), 200, []string{"reviewer@other", "leader@other", "admin"}},
		// The daily digest: an agency's leaders (their own), admins (the city, any agency); not an agency's reviewers.
		{"digest, default view", plain("GET", "/v1/digest", nil), 200, []string{"leader", "leader@other", "admin"}},
		{"digest of agency hbj", plain("GET", "/v1/digest?agency=hbj", nil), 200, []string{"leader@other", "admin"}},
		{"digest of a past day", plain("GET", "/v1/digest?date=2026-01-05", nil), 200, []string{"leader", "leader@other", "admin"}},
		// Enforcement acts: officers and leaders record their agency's (admins any), its staff list them.
		{"record an act of scjg", plain("POST", "/v1/acts", map[string]any{"acts": []map[string]any{{"agency": "scjg", "category": "inspection",
			"date": "2026-03-01", "subject": "某某超市", "outcome": "no_findings"}}}), 201, []string{"officer", "leader", "admin"}},
		{"import acts of scjg", plain("POST", "/v1/acts/import", map[string]any{"csv": "机关,类别,日期,当事人,结果\nscjg,行政许可,2026-03-01,某某公司,准予行政许可\n"}),
			201, []string{"officer", "leader", "admin"}},
		{"list acts", plain("GET", "/v1/acts", nil), 200, []string{"officer", "reviewer", "leader", "officer@other", "reviewer@other", "leader@other", "admin"}},
		{"act categories", plain("GET", "/v1/acts/categories", nil), 200, signedIn},
	}
	rows = append(rows, discussionPermRows()...)
	rows = append(rows, exchangePermRows()...)
	rows = append(rows, reviewPermRows(caseReq, staff)...)
	rows = append(rows, caseRecordPermRows(caseReq, staff)...)
	rows = append(rows, transcriptPermRows()...)
	return append(rows, publicationPermRows()...)
}

// TestPermissionTable is the issue's acceptance: every workbench endpoint ×
// every role of the case's agency, the staff of another agency, a trainer,
// an admin, no token, a forged token and a disabled user → the expected
// status, through a real listener, each answer in the error format.
func TestPermissionTable(t *testing.T) {
	f := newPermFixture(t)
	n := 0
	for _, row := range permRows() {
		for _, actor := range actors {
			want := row.ok
			switch {
			case slices.Contains(row.allow, actor):
			case actor == "anonymous" || actor == "forged" || actor == "disabled":
				want = http.StatusUnauthorized
			default:
				want = http.StatusForbidden
			}
			t.Run(row.name+"/"+actor, func(t *testing.T) {
				method, target, ct, body := row.req(t, f)
				h := f.header(t, actor)
				if ct != "" {
					h["Content-Type"] = ct
				}
				before := f.w.entryCount(t)
				st, _, e := send(t, f.addr, liveRequest{method, target, h, body})
				if st != want {
					t.Fatalf("%s %s as %s: %d %+v; want %d", method, target, actor, st, e, want)
				}
				wantCode := map[int]string{401: "unauthenticated", 403: "forbidden"}[want]
				if wantCode != "" && e.Code != wantCode {
					t.Fatalf("code %q; want %q", e.Code, wantCode)
				}
				if want >= 400 {
					if added := f.w.entriesSince(t, before); len(added) > 0 {
						t.Fatalf("a refused request changed the record: %+v", added)
					}
				}
			})
			n++
		}
	}
	t.Logf("%d endpoint × actor cells", n)
}

// TestWorkbenchHostileInput sends bad input to every new endpoint as a user
// who may use it: each is a 4xx in the error format with a Chinese message,
// and neither the full-process record nor the case changes.
func TestWorkbenchHostileInput(t *testing.T) {
	f := newPermFixture(t)
	c := f.caseAt(t, casework.StageInvestigating, false)
	closed := f.caseAt(t, casework.StageClosed, false)
	stale := c.Version - 1
	id := "/v1/cases/" + c.ID
	huge := `{"version":` + fmt.Sprint(c.Version) + `,"facts":"` + strings.Repeat("法", DefaultBodyLimit/3+1) + `"}`
	long := strings.Repeat("字", 20001)
	type bad struct {
		name, actor, method, target, ct, body string
		status                                int
		code                                  string
	}
	j := "application/json"
	v := fmt.Sprint(c.Version)
	var cases []bad
	for _, e := range []struct{ actor, target string }{
		{"officer", id}, {"leader", id + "/transitions"}, {"leader", id + "/extend"}, {"leader", id + "/share"},
		{"officer", id + "/analysis"}, {"officer", "/v1/cases"}, {"admin", "/v1/users"}, {"nobody", "/v1/login"},
		{"officer", id + "/deliveries"}, {"officer", id + "/statements"}, {"officer", id + "/statements/1/answer"}, {"admin", "/v1/users/oa/cert"},
		{"officer", "/v1/acts"}, {"officer", "/v1/acts/import"},
	} {
		method := "POST"
		switch {
		case e.target == id:
			method = "PATCH"
		case strings.HasSuffix(e.target, "/cert"):
			method = "PUT"
		}
		for _, b := range []struct{ name, body, code string }{
			{"empty", "", "invalid_input"},
			{"invalid utf8", "{\"title\":\"\xff\"}", "invalid_utf8"},
			{"not json", "title=x", "invalid_input"},
			{"array", "[1,2]", "invalid_input"},
			{"two values", "{} {}", "invalid_input"},
			{"unknown field", `{"version":` + v + `,"zzz":1}`, "invalid_input"},
			{"wrong type", `{"version":"` + v + `","title":1,"action":2,"days":"x","user":3,"id":4}`, "invalid_input"},
		} {
			cases = append(cases, bad{e.target + " " + b.name, e.actor, method, e.target, j, b.body, 400, b.code})
		}
		cases = append(cases, bad{e.target + " huge", e.actor, method, e.target, j, huge, 413, "body_too_large"})
	}
	cases = append(cases,
		bad{"edit no version", "officer", "PATCH", id, j, `{"facts":"x"}`, 400, "invalid_input"},
		bad{"edit stale version", "officer", "PATCH", id, j, `{"version":` + fmt.Sprint(stale) + `,"facts":"x"}`, 409, "version_conflict"},
		bad{"edit nothing", "officer", "PATCH", id, j, `{"version":` + v + `}`, 400, "invalid_input"},
		bad{"edit facts too long", "officer", "PATCH", id, j, `{"version":` + v + `,"facts":"` + long + `"}`, 400, "invalid_input"},
		bad{"edit title NUL", "officer", "PATCH", id, j, `{"version":` + v + `,"title":"a\u0000b"}`, 400, "invalid_input"},
		bad{"edit title blank", "officer", "PATCH", id, j, `{"version":` + v + `,"title":"   "}`, 400, "invalid_input"},
		bad{"edit fine negative", "officer", "PATCH", id, j, `{"version":` + v + `,"proposal":{"disposition":"处罚","fine":-1}}`, 400, "invalid_input"},
		bad{"edit fine 1e309", "officer", "PATCH", id, j, `{"version":` + v + `,"proposal":{"fine":1e309}}`, 400, "invalid_input"},
		bad{"edit disposition unknown", "officer", "PATCH", id, j, `{"version":` + v + `,"proposal":{"disposition":"<script>"}}`, 400, "invalid_input"},
		bad{"edit no officers left", "officer", "PATCH", id, j, `{"version":` + v + `,"officers":[]}`, 400, "invalid_input"},
		bad{"edit officer of other agency", "officer", "PATCH", id, j, `{"version":` + v + `,"officers":["ob"]}`, 400, "invalid_input"},
		bad{"edit unknown case", "officer", "PATCH", "/v1/cases/scjg-2026-999999", j, `{"version":1,"facts":"x"}`, 404, "not_found"},
		bad{"edit SQL id", "officer", "PATCH", "/v1/cases/1'%20OR%20'1'='1", j, `{"version":1,"facts":"x"}`, 404, "not_found"},
		bad{"edit closed case", "officer", "PATCH", "/v1/cases/" + closed.ID, j, fmt.Sprintf(`{"version":%d,"facts":"x"}`, closed.Version), 409, "stage_not_allowed"},
		bad{"transition unknown action", "leader", "POST", id + "/transitions", j, `{"version":` + v + `,"action":"'; DROP TABLE cases; --"}`, 400, "invalid_input"},
		bad{"transition not from this stage", "leader", "POST", id + "/transitions", j, `{"version":` + v + `,"action":"approve"}`, 409, "stage_not_allowed"},
		bad{"transition stale", "officer", "POST", id + "/transitions", j, `{"version":` + fmt.Sprint(stale) + `,"action":"to_discretion"}`, 409, "version_conflict"},
		bad{"transition withdraw without reason", "leader", "POST", id + "/transitions", j, `{"version":` + v + `,"action":"withdraw"}`, 409, "stage_not_allowed"},
		bad{"transition note control chars", "officer", "POST", id + "/transitions", j, `{"version":` + v + `,"action":"to_discretion","note":"\u0007"}`, 400, "invalid_input"},
		bad{"extend 0 days", "leader", "POST", id + "/extend", j, `{"version":` + v + `,"days":0,"reason":"x"}`, 400, "invalid_input"},
		bad{"extend 10^9 days", "leader", "POST", id + "/extend", j, `{"version":` + v + `,"days":1000000000,"reason":"x"}`, 400, "invalid_input"},
		bad{"extend no reason", "leader", "POST", id + "/extend", j, `{"version":` + v + `,"days":30}`, 400, "invalid_input"},
		bad{"share open case", "leader", "POST", id + "/share", j, `{"version":` + v + `}`, 409, "stage_not_allowed"},
		bad{"analysis unknown sector", "officer", "POST", id + "/analysis", j, `{"version":` + v + `,"sector":"火星"}`, 400, "unknown_sector"},
		bad{"create no title", "officer", "POST", "/v1/cases", j, `{"facts":"x"}`, 400, "invalid_input"},
		bad{"create party kind", "officer", "POST", "/v1/cases", j, `{"title":"x","party":{"kind":"robot"}}`, 400, "invalid_input"},
		bad{"create title too long", "officer", "POST", "/v1/cases", j, `{"title":"` + strings.Repeat("案", 201) + `"}`, 400, "invalid_input"},
		bad{"queue unknown", "officer", "GET", "/v1/cases?queue=everything", "", "", 400, "invalid_input"},
		bad{"queue limit", "officer", "GET", "/v1/cases?queue=mine&limit=1e9", "", "", 400, "invalid_input"},
		bad{"read unknown case", "officer", "GET", "/v1/cases/nope", "", "", 404, "not_found"},
		bad{"read id percent-encoded invalid utf8", "officer", "GET", "/v1/cases/%FF", "", "", 404, "not_found"},
		bad{"read id too long", "officer", "GET", "/v1/cases/" + strings.Repeat("a", 129), "", "", 400, "invalid_input"},
		bad{"timeline unknown case", "officer", "GET", "/v1/cases/nope/timeline", "", "", 404, "not_found"},
		bad{"evidence bad digest", "officer", "GET", id + "/evidence/..%2F..%2Fetc%2Fpasswd", "", "", 400, "invalid_input"},
		bad{"evidence unknown digest", "officer", "GET", id + "/evidence/" + strings.Repeat("0", 64), "", "", 404, "not_found"},
		bad{"evidence json instead of multipart", "officer", "POST", id + "/evidence", j, `{}`, 415, "unsupported_media_type"},
		bad{"evidence no file part", "officer", "POST", id + "/evidence", "multipart/form-data; boundary=X", "--X\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nn\r\n--X--\r\n", 400, "invalid_input"},
		bad{"evidence broken multipart", "officer", "POST", id + "/evidence", "multipart/form-data; boundary=X", "garbage", 400, "invalid_input"},
		bad{"add user bad id", "admin", "POST", "/v1/users", j, `{"id":"../etc","roles":["officer"],"agency":"scjg"}`, 400, "invalid_input"},
		bad{"add user unknown role", "admin", "POST", "/v1/users", j, `{"id":"x1","roles":["god"],"agency":"scjg"}`, 400, "invalid_input"},
		bad{"add user exists", "admin", "POST", "/v1/users", j, `{"id":"oa","roles":["officer"],"agency":"scjg"}`, 409, "exists"},
		bad{"add user no role", "admin", "POST", "/v1/users", j, `{"id":"x2","roles":[],"agency":"scjg"}`, 400, "invalid_input"},
		bad{"add officer without agency", "admin", "POST", "/v1/users", j, `{"id":"x3","roles":["officer"]}`, 400, "invalid_input"},
		bad{"add user short password", "admin", "POST", "/v1/users", j, `{"id":"x4","roles":["officer"],"agency":"scjg","password":"short"}`, 400, "invalid_input"},
		bad{"disable unknown user", "admin", "POST", "/v1/users/nobody/disable", j, `{}`, 404, "not_found"},
		bad{"disable self", "admin", "POST", "/v1/users/admin/disable", j, `{}`, 400, "invalid_input"},
		bad{"token bad ttl", "admin", "POST", "/v1/users/oa/tokens", j, `{"ttl":"forever"}`, 400, "invalid_input"},
		bad{"login wrong password", "nobody", "POST", "/v1/login", j, `{"user":"oa","password":"wrong-password"}`, 401, "unauthenticated"},
		bad{"login unknown user", "nobody", "POST", "/v1/login", j, `{"user":"' OR 1=1 --","password":"x"}`, 401, "unauthenticated"},
		bad{"login empty", "nobody", "POST", "/v1/login", j, `{"user":"","password":""}`, 400, "invalid_input"},
		bad{"bearer malformed", "malformed", "GET", "/v1/me", "", "", 401, "unauthenticated"},
		// Enforcement acts (acts.go): all or none, every refusal names the act or line and field.
		bad{"act unknown category", "officer", "POST", "/v1/acts", j, `{"acts":[{"category":"reward","date":"2026-03-01","subject":"甲","outcome":"x"}]}`, 400, "invalid_input"},
		bad{"act outcome of another category", "officer", "POST", "/v1/acts", j, `{"acts":[{"category":"licensing","date":"2026-03-01","subject":"甲","outcome":"seal"}]}`, 400, "invalid_input"},
		bad{"act 30 February", "officer", "POST", "/v1/acts", j, `{"acts":[{"category":"levy","date":"2026-02-30","subject":"甲","outcome":"collected"}]}`, 400, "invalid_input"},
		bad{"act subject NUL", "officer", "POST", "/v1/acts", j, `{"acts":[{"category":"levy","date":"2026-02-03","subject":"a\u0000b","outcome":"collected"}]}`, 400, "invalid_input"},
		bad{"act subject too long", "officer", "POST", "/v1/acts", j, `{"acts":[{"category":"levy","date":"2026-02-03","subject":"` + strings.Repeat("<script>", 40) + `","outcome":"collected"}]}`, 400, "invalid_input"},
		bad{"act second of two bad", "officer", "POST", "/v1/acts", j, `{"acts":[{"category":"levy","date":"2026-02-03","subject":"甲","outcome":"collected"},{"category":"levy","date":"2026-02-03","subject":"","outcome":"collected"}]}`, 400, "invalid_input"},
		bad{"act of another agency", "officer", "POST", "/v1/acts", j, `{"acts":[{"agency":"hbj","category":"levy","date":"2026-02-03","subject":"甲","outcome":"collected"}]}`, 403, "forbidden"},
		bad{"acts none", "officer", "POST", "/v1/acts", j, `{"acts":[]}`, 400, "invalid_input"},
		bad{"acts import no rows", "officer", "POST", "/v1/acts/import", j, `{"csv":"类别,日期,当事人,结果\n"}`, 400, "invalid_input"},
		bad{"acts import empty", "officer", "POST", "/v1/acts/import", j, `{"csv":""}`, 400, "invalid_input"},
		bad{"acts import unknown column", "officer", "POST", "/v1/acts/import", j, `{"csv":"类别,日期,当事人,结果,'; DROP TABLE acts; --\n行政检查,2026-03-01,甲,未发现问题,x\n"}`, 400, "invalid_input"},
		bad{"acts import bad third line", "officer", "POST", "/v1/acts/import", j, `{"csv":"类别,日期,当事人,结果\n行政检查,2026-03-01,甲,未发现问题\n行政检查,2026-03-01,乙,没收\n"}`, 400, "invalid_input"},
		bad{"acts import quote", "officer", "POST", "/v1/acts/import", j, `{"csv":"类别,日期,当事人,结果\n\"行政检查,2026-03-01,甲,未发现问题\n"}`, 400, "invalid_input"},
		bad{"acts list bad day", "officer", "GET", "/v1/acts?from=2026-13-01", "", "", 400, "invalid_input"},
		bad{"acts list other agency", "officer", "GET", "/v1/acts?agency=hbj", "", "", 403, "forbidden"},
	)
	// Tokens are issued before the requests, so that the record's length
	// must not move at all.
	auth := map[string]string{"malformed": "Basic b2E6cHc="}
	for _, a := range []string{"officer", "leader", "admin"} {
		auth[a] = f.header(t, a)["Authorization"]
	}
	for _, b := range cases {
		t.Run(b.name, func(t *testing.T) {
			h := map[string]string{}
			if a := auth[b.actor]; a != "" {
				h["Authorization"] = a
			}
			if b.ct != "" {
				h["Content-Type"] = b.ct
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
			now, err := f.w.svc.Case(context.Background(), f.users["officer"], c.ID)
			if err != nil || now.Version != c.Version {
				t.Fatalf("case changed: version %d → %d (%v)", c.Version, now.Version, err)
			}
		})
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

// TestWorkbenchFlow walks one case from login to 结案 over HTTP: the next
// steps offered match the table, the analysis pre-fills a proposal, evidence
// round-trips byte for byte with its type and name, and the timeline records
// every step in order.
func TestWorkbenchFlow(t *testing.T) {
	f := newPermFixture(t)
	ctx := context.Background()
	if _, _, err := f.w.svc.AddUser(ctx, f.w.admin, casework.User{ID: "wang", Name: "王某", Agency: "scjg", Roles: []casework.Role{casework.RoleOfficer}}, "correct-horse-battery"); err != nil {
		t.Fatal(err)
	}
	call := func(token, method, target, ct string, body []byte, want int) map[string]any {
		t.Helper()
		h := map[string]string{}
		if token != "" {
			h["Authorization"] = "Bearer " + token
		}
		if ct != "" {
			h["Content-Type"] = ct
		}
		req, _ := http.NewRequest(method, "http://"+f.addr+target, bytes.NewReader(body))
		for k, v := range h {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != want {
			t.Fatalf("%s %s: %d %s; want %d", method, target, resp.StatusCode, raw, want)
		}
		var m map[string]any
		if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
			_ = json.Unmarshal(raw, &m)
		} else {
			m = map[string]any{"raw": string(raw), "type": resp.Header.Get("Content-Type"), "disposition": resp.Header.Get("Content-Disposition")}
		}
		return m
	}
	login := call("", "POST", "/v1/login", "application/json", jsonBody(map[string]string{"user": "wang", "password": "correct-horse-battery"}), 200)
	tok, _ := login["token"].(string)
	if !strings.HasPrefix(tok, "clt_") || login["expires"] == nil {
		t.Fatalf("login answer %v", login)
	}
	if me := call(tok, "GET", "/v1/me", "", nil, 200); me["id"] != "wang" || me["agency"] != "scjg" {
		t.Fatalf("me %v", me)
	}
	created := call(tok, "POST", "/v1/cases", "application/json", jsonBody(map[string]any{"title": "某超市销售过期食品案", "source": "投诉举报",
		"party": map[string]string{"kind": "organisation", "name": "某超市"}, "facts": "当事人销售超过保质期的食品，货值金额800元，违法所得200元。"}), 201)
	cs := created["case"].(map[string]any)
	id := cs["id"].(string)
	if cs["stage"] != "filing" || len(created["next"].([]any)) != 0 {
		t.Fatalf("created %v; an officer has no step in 立案审批", created)
	}
	c, err := f.w.svc.Transition(ctx, f.users["leader"], id, 1, casework.ActionRegister, "")
	if err != nil {
		t.Fatal(err)
	}
	got := call(tok, "GET", "/v1/cases/"+id, "", nil, 200)
	var next []string
	for _, n := range got["next"].([]any) {
		next = append(next, n.(map[string]any)["action"].(string))
	}
	if !slices.Equal(next, []string{"to_discretion"}) {
		t.Fatalf("officer's next steps in 调查取证: %v; want [to_discretion]", next)
	}
	content := append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("询问笔录"), 5000)...)
	ct, body := evidenceForm(t, "询问笔录（证明销售过期食品）", "询问笔录.pdf", content)
	ev := call(tok, "POST", "/v1/cases/"+id+"/evidence", ct, body, 201)
	if ev["media_type"] != "application/pdf" || ev["size"] != float64(len(content)) || ev["note"] != "询问笔录（证明销售过期食品）" {
		t.Fatalf("evidence %v", ev)
	}
	dl := call(tok, "GET", ev["url"].(string), "", nil, 200)
	if dl["raw"] != string(content) || dl["type"] != "application/pdf" || !strings.Contains(dl["disposition"].(string), "attachment") {
		t.Fatalf("download: type %v disposition %v, %d bytes", dl["type"], dl["disposition"], len(dl["raw"].(string)))
	}
	call(tok, "POST", "/v1/cases/"+id+"/transitions", "application/json", jsonBody(map[string]any{"action": "to_discretion", "version": c.Version}), 200)
	an := call(tok, "POST", "/v1/cases/"+id+"/analysis", "application/json", jsonBody(map[string]any{"version": c.Version + 1}), 200)
	ac := an["case"].(map[string]any)
	if ac["analysis"] == nil {
		t.Fatalf("no analysis attached: %v", ac)
	}
	p, _ := ac["proposal"].(map[string]any)
	if p == nil || p["disposition"] == "" || p["basis"] == "" {
		t.Fatalf("no pre-filled proposal: %v", ac["proposal"])
	}
	tl := call(tok, "GET", "/v1/cases/"+id+"/timeline", "", nil, 200)
	var acts []string
	for _, e := range tl["entries"].([]any) {
		acts = append(acts, e.(map[string]any)["action"].(string))
	}
	want := []string{"case.create", "case.transition.register", "evidence.add", "case.transition.to_discretion", "case.update"}
	if !slices.Equal(acts, want) {
		t.Fatalf("timeline %v; want %v", acts, want)
	}
	call(tok, "POST", "/v1/logout", "application/json", []byte(`{}`), 200)
	call(tok, "GET", "/v1/me", "", nil, 401)
}

// TestLoginRateLimit: after LoginFailuresPerUser wrong passwords for one
// user, even the right password is refused with 429 until the window ends.
func TestLoginRateLimit(t *testing.T) {
	f := newPermFixture(t)
	ctx := context.Background()
	if _, _, err := f.w.svc.AddUser(ctx, f.w.admin, casework.User{ID: "li", Agency: "scjg", Roles: []casework.Role{casework.RoleOfficer}}, "the-right-password"); err != nil {
		t.Fatal(err)
	}
	try := func(pw string) (int, Error) {
		st, _, e := send(t, f.addr, liveRequest{"POST", "/v1/login", map[string]string{"Content-Type": "application/json"},
			jsonBody(map[string]string{"user": "li", "password": pw})})
		return st, e
	}
	for i := 0; i < LoginFailuresPerUser; i++ {
		if st, e := try(fmt.Sprintf("guess-%d", i)); st != 401 {
			t.Fatalf("guess %d: %d %+v", i, st, e)
		}
	}
	if st, e := try("the-right-password"); st != 429 || e.Code != "rate_limited" {
		t.Fatalf("right password after %d failures: %d %+v; want 429", LoginFailuresPerUser, st, e)
	}
}

// readSignal is a reader that closes reached once n bytes have been read.
type readSignal struct {
	r       io.Reader
	n, read int64
	reached chan struct{}
}

func (s *readSignal) Read(p []byte) (int, error) {
	k, err := s.r.Read(p)
	s.read += int64(k)
	if s.read >= s.n && s.n > 0 {
		close(s.reached)
		s.n = 0
	}
	return k, err
}

// signalBlobs is a BlobStore telling when a Put has read the first n bytes.
type signalBlobs struct {
	casework.BlobStore
	n       int64
	reached chan struct{}
	puts    int
}

func (b *signalBlobs) Put(ctx context.Context, r io.Reader, max int64) (string, int64, error) {
	rs := &readSignal{r: r, n: b.n, reached: b.reached}
	b.n = 0 // the first upload signals; later ones read as they come
	b.puts++
	return b.BlobStore.Put(ctx, rs, max)
}

// TestEvidenceUploadStreams proves the upload is streamed: the client sends
// the first half of a file larger than BodyLimit and holds the rest back
// until the blob store has read from it, which a server that buffers the
// whole body first would never do (the wait ends the test as failed). A
// file over MaxEvidence is 413 too_large and stores nothing.
func TestEvidenceUploadStreams(t *testing.T) {
	const max = 8 << 20
	f := newPermFixture(t)
	root := t.TempDir()
	dir, err := blobdir.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	blobs := &signalBlobs{BlobStore: dir, n: 1 << 20, reached: make(chan struct{})}
	svc, err := casework.New(casework.Config{Store: f.w.store, Blobs: blobs, MaxEvidence: max})
	if err != nil {
		t.Fatal(err)
	}
	lib := testLibrary(t, nil)
	addr := liveServer(t, New(Config{Library: lib, Catalog: testCatalog(t), Casework: svc}))
	c := f.caseAt(t, casework.StageInvestigating, false)
	tok := f.header(t, "officer")["Authorization"]

	upload := func(size int, hold bool) (int, string) {
		content := append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte{'x'}, size-9)...)
		ct, body := evidenceForm(t, "大文件", "big.pdf", content)
		conn, err := (&net.Dialer{}).Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		fmt.Fprintf(conn, "POST /v1/cases/%s/evidence HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n",
			c.ID, tok, ct, len(body))
		half := len(body) / 2
		if _, err := conn.Write(body[:half]); err != nil {
			t.Fatal(err)
		}
		if hold {
			select {
			case <-blobs.reached:
			case <-time.After(30 * time.Second):
				t.Fatal("the blob store read nothing before the whole body arrived: the upload is buffered, not streamed")
			}
		}
		go func() { _, _ = conn.Write(body[half:]) }()
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(raw)
	}
	if st, body := upload(3*DefaultBodyLimit/2, true); st != 201 || !strings.Contains(body, `"size":6291456`) {
		t.Fatalf("6 MiB upload: %d %s", st, body)
	}
	entries := f.w.entryCount(t)
	if st, body := upload(max+1, false); st != 413 || !strings.Contains(body, `"too_large"`) {
		t.Fatalf("upload over MaxEvidence: %d %s", st, body)
	}
	files := 0
	_ = filepath.WalkDir(root, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			files++
		}
		return err
	})
	if got := f.w.entryCount(t); got != entries || files != 1 || blobs.puts != 2 {
		t.Fatalf("refused upload left %d entries (was %d), %d files in the evidence directory; %d puts", got, entries, files, blobs.puts)
	}
}

// TestCaseworkErrorMapping: each casework sentinel, wrapped as the service
// wraps it, leaves the API with its one status and code, a Chinese message,
// and the field when the error names one.
func TestCaseworkErrorMapping(t *testing.T) {
	tests := []struct {
		err           error
		status        int
		code, field   string
		wantInMessage string
	}{
		{fmt.Errorf("case x: %w", casework.ErrNotFound), 404, "not_found", "", "未找到"},
		{fmt.Errorf("title: empty: %w", casework.ErrInvalid), 400, "invalid_input", "title", "案件名称"},
		{fmt.Errorf("party.name: longer than 200 characters: %w", casework.ErrInvalid), 400, "invalid_input", "party.name", "过长"},
		{fmt.Errorf("user id %q: 2–64 letters, digits: %w", "a b", casework.ErrInvalid), 400, "invalid_input", "user id", "用户名"},
		{fmt.Errorf("case x is at version 3, not 2: %w", casework.ErrConflict), 409, "version_conflict", "", "刷新"},
		{fmt.Errorf("case x: 尚未记录处罚建议: %w", casework.ErrStage), 409, "stage_not_allowed", "", "尚未记录处罚建议"},
		{fmt.Errorf("user x: %w", casework.ErrExists), 409, "exists", "", "已存在"},
		{fmt.Errorf("token: %w", casework.ErrUnauthenticated), 401, "unauthenticated", "", "登录"},
		{fmt.Errorf("edit case x: %w", casework.ErrForbidden), 403, "forbidden", "", "无权"},
		{fmt.Errorf("evidence over 10 bytes: %w", casework.ErrTooLarge), 413, "too_large", "evidence", "过大"},
	}
	for _, tt := range tests {
		st, body := classify(tt.err)
		if st != tt.status || body.Code != tt.code || body.Field != tt.field || !strings.Contains(body.Message, tt.wantInMessage) || !hasHan(body.Message) {
			t.Errorf("%v → %d %+v; want %d %s field %q message with %q", tt.err, st, body, tt.status, tt.code, tt.field, tt.wantInMessage)
		}
	}
}

// BenchmarkWorkbench measures, in process, a sign-in (argon2id at
// casework's parameters), an authenticated case read (token lookup and the
// case from the embedded store) and a transition with its log entry.
func BenchmarkWorkbench(b *testing.B) {
	w := newTestWorkbench(b, 0)
	s := New(Config{Catalog: testCatalog(b), Casework: w.svc, Web: WebConfig{WritesPerMinute: -1, ReadsPerMinute: -1}})
	ctx := context.Background()
	officer, _, err := w.svc.AddUser(ctx, w.admin, casework.User{ID: "oa", Agency: "scjg", Roles: []casework.Role{casework.RoleOfficer, casework.RoleLeader}}, "bench-password-1")
	if err != nil {
		b.Fatal(err)
	}
	tok, err := w.svc.IssueToken(ctx, w.admin, "oa", 0)
	if err != nil {
		b.Fatal(err)
	}
	c, err := w.svc.CreateCase(ctx, officer, casework.NewCase{Title: "基准测试案件"})
	if err != nil {
		b.Fatal(err)
	}
	req := func(method, target, body string) *http.Request {
		r := localRequest(method, target, strings.NewReader(body))
		r.Header.Set("Authorization", "Bearer "+tok)
		if body != "" {
			r.Header.Set("Content-Type", "application/json")
		}
		return r
	}
	run := func(b *testing.B, mk func(i int) *http.Request, want int) {
		for i := 0; i < b.N; i++ {
			resp, err := s.App().Test(mk(i), -1)
			if err != nil || resp.StatusCode != want {
				b.Fatalf("%v %v", err, resp.Status)
			}
			resp.Body.Close()
		}
	}
	b.Run("login", func(b *testing.B) {
		run(b, func(int) *http.Request {
			return req("POST", "/v1/login", `{"user":"oa","password":"bench-password-1"}`)
		}, 200)
	})
	b.Run("read", func(b *testing.B) {
		run(b, func(int) *http.Request { return req("GET", "/v1/cases/"+c.ID, "") }, 200)
	})
	v := c.Version // across the runs b.Run makes (N=1 first)
	b.Run("edit", func(b *testing.B) {
		run(b, func(i int) *http.Request {
			v++
			return req("PATCH", "/v1/cases/"+c.ID, fmt.Sprintf(`{"version":%d,"facts":"第%d次修改"}`, v-1, i))
		}, 200)
	})
}
