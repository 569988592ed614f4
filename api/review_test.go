package api

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/casework"
)

// passChecklist marks every item of c's checklist 通过 and gives 同意, as
// reviewer, so that review_pass may follow.
func passChecklist(t *testing.T, svc *casework.Service, reviewer casework.User, c casework.Case) casework.Case {
	t.Helper()
	var m casework.ReviewMark
	if err := json.Unmarshal(allPassed("agree", ""), &m); err != nil {
		t.Fatal(err)
	}
	c, err := svc.MarkReview(context.Background(), reviewer, c.ID, c.Version, m)
	if err != nil {
		t.Fatalf("MarkReview: %v", err)
	}
	return c
}

// allPassed is the review body marking every item 通过 with an opinion.
func allPassed(opinion, reasons string) []byte {
	var items []map[string]string
	for _, k := range casework.ReviewKeys() {
		items = append(items, map[string]string{"key": k, "verdict": "pass"})
	}
	return jsonBody(map[string]any{"items": items, "opinion": opinion, "reasons": reasons})
}

// reviewPermRows are the permission table's rows of review.go.
func reviewPermRows(caseReq func(casework.Stage, string, string, func(casework.Case) any) func(*testing.T, *permFixture) (string, string, string, []byte), staff []string) []permRow {
	return []permRow{
		{"mark review (法制审核意见)", caseReq(casework.StageReview, "PUT", "/review", func(c casework.Case) any {
			var body map[string]any
			_ = json.Unmarshal(allPassed("agree", ""), &body)
			body["version"] = c.Version
			return body
		}), 200, []string{"reviewer"}},
		{"extend review", caseReq(casework.StageReview, "POST", "/review/extend", func(c casework.Case) any {
			return map[string]any{"version": c.Version, "reason": "案情复杂，需补充材料"}
		}), 200, []string{"leader"}},
		{"consistency", caseReq(casework.StageReview, "GET", "/consistency", nil), 200, staff},
		{"consistency strip (SVG)", caseReq(casework.StageReview, "GET", "/consistency.svg", nil), 200, staff},
	}
}

// TestReviewOverHTTP: the checklist pre-filled on submission with its
// deadline in working days, the marks and opinion through PUT, the one
// extension, the gate, and the consistency check with its picture.
func TestReviewOverHTTP(t *testing.T) {
	f := newPermFixture(t)
	ctx := context.Background()
	// A closed peer under the same basis, fined 40000.
	peer := f.caseWith(t, "fsl-124", 40000)
	peer = passChecklist(t, f.w.svc, f.users["reviewer"], peer)
	for _, step := range []struct {
		a     casework.Action
		actor string
	}{{casework.ActionReviewPass, "reviewer"}, {casework.ActionApprove, "leader"}, {casework.ActionServe, "officer"}, {casework.ActionClose, "officer"}} {
		var err error
		if step.a == casework.ActionServe {
			peer = f.serveDecision(t, peer)
		}
		if peer, err = f.w.svc.Transition(ctx, f.users[step.actor], peer.ID, peer.Version, step.a, ""); err != nil {
			t.Fatal(err)
		}
	}
	c := f.caseWith(t, "fsl-124", 70000)
	if c.Review == nil || c.Review.Due.IsZero() || !c.Review.Due.After(c.Review.Submitted.AddDate(0, 0, 8)) {
		t.Fatalf("review deadline: %+v (7 working days from submission, at least 9 calendar days)", c.Review)
	}
	get := func(actor, target string) (int, []byte) {
		t.Helper()
		req, _ := http.NewRequest("GET", "http://"+f.addr+target, nil)
		for k, v := range f.header(t, actor) {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var b strings.Builder
		buf := make([]byte, 1<<16)
		for {
			n, err := resp.Body.Read(buf)
			b.Write(buf[:n])
			if err != nil {
				break
			}
		}
		return resp.StatusCode, []byte(b.String())
	}
	st, body := get("reviewer", "/v1/cases/"+c.ID+"/consistency")
	var v consistencyView
	if st != 200 || json.Unmarshal(body, &v) != nil {
		t.Fatalf("consistency: %d %s", st, body)
	}
	if v.Compared != 1 || v.Median == nil || *v.Median != 40000 || v.Percentile == nil || *v.Percentile != 100 ||
		v.InSuggested == nil || *v.InSuggested || !v.Deviates || v.Blocked || len(v.Nearest) != 1 || v.Nearest[0].ID != peer.ID {
		t.Errorf("consistency: %s", body)
	}
	if v.InStatutory == nil || !*v.InStatutory {
		t.Errorf("statutory range from the analysis not used: %s", body)
	}
	st, body = get("reviewer", "/v1/cases/"+c.ID+"/consistency.svg")
	if st != 200 || !strings.HasPrefix(string(body), "<svg") || !strings.Contains(string(body), `class="proposed"`) {
		t.Errorf("svg: %d %.200s", st, body)
	}

	reviewerHeader := f.header(t, "reviewer")
	reviewerHeader["Content-Type"] = "application/json"
	put := func(body []byte, version int64) (int, Error) {
		t.Helper()
		var m map[string]any
		if err := json.Unmarshal(body, &m); err == nil && version > 0 {
			m["version"] = version
			body = jsonBody(m)
		}
		st, _, e := send(t, f.addr, liveRequest{"PUT", "/v1/cases/" + c.ID + "/review", reviewerHeader, body})
		return st, e
	}
	before := f.w.entryCount(t)
	for _, bad := range []struct {
		name string
		body []byte
		want int
	}{
		{"empty body", []byte(``), 400},
		{"not JSON", []byte(`{"items":`), 400},
		{"invalid UTF-8", []byte("{\"version\":1,\"opinion\":\"agree\",\"reasons\":\"\xff\"}"), 400},
		{"items of the wrong type", []byte(`{"version":1,"items":"all"}`), 400},
		{"unknown field", []byte(`{"version":1,"opinion":"agree","approve":true}`), 400},
		{"no version", []byte(`{"opinion":"agree"}`), 400},
		{"unknown item", jsonBody(map[string]any{"items": []map[string]string{{"key": "<script>", "verdict": "pass"}}}), 400},
		{"不同意 without reasons", jsonBody(map[string]any{"opinion": "disagree"}), 400},
		{"huge reasons", jsonBody(map[string]any{"opinion": "disagree", "reasons": strings.Repeat("理", 3000)}), 400},
		{"stale version", jsonBody(map[string]any{"opinion": "agree", "version": c.Version - 1}), 409},
	} {
		version := c.Version
		if strings.Contains(bad.name, "version") || !json.Valid(bad.body) || strings.Contains(string(bad.body), `"version":1`) {
			version = 0
		}
		if st, e := put(bad.body, version); st != bad.want || e.Code == "" || e.Message == "" {
			t.Errorf("%s: %d %+v; want %d in the error format", bad.name, st, e, bad.want)
		}
	}
	if f.w.entryCount(t) != before {
		t.Fatalf("refused review marks changed the record")
	}
	h := f.header(t, "reviewer")
	h["Content-Type"] = "application/json"
	if st, _, e := send(t, f.addr, liveRequest{"PUT", "/v1/cases/scjg-2026-999999/review", h, jsonBody(map[string]any{"version": 1, "opinion": "agree"})}); st != 404 {
		t.Errorf("unknown case: %d %+v", st, e)
	}
	// Pass refused until every item is marked and the opinion agrees.
	tr := func(a casework.Action, note string) int {
		h := f.header(t, "reviewer")
		h["Content-Type"] = "application/json"
		st, _, _ := send(t, f.addr, liveRequest{"POST", "/v1/cases/" + c.ID + "/transitions", h, jsonBody(map[string]any{"action": a, "version": c.Version, "note": note})})
		return st
	}
	if st := tr(casework.ActionReviewPass, ""); st != 409 {
		t.Errorf("pass before the checklist: %d", st)
	}
	if st, e := put(allPassed("agree_amended", "补充进货查验记录后同意"), c.Version); st != 200 {
		t.Fatalf("mark: %d %+v", st, e)
	}
	c, _ = f.w.svc.Case(ctx, f.users["reviewer"], c.ID)
	if c.Review.Opinion != casework.OpinionAgreeAmended || len(c.Review.Unmarked()) != 0 {
		t.Fatalf("after marking: %+v", c.Review)
	}
	due := c.Review.Due
	c, err := f.w.svc.ExtendReview(ctx, f.users["leader"], c.ID, c.Version, "补充材料")
	if err != nil || !c.Review.Due.After(due) {
		t.Fatalf("extend: %v, due %v → %v", err, due, c.Review.Due)
	}
	if _, err := f.w.svc.ExtendReview(ctx, f.users["leader"], c.ID, c.Version, "再次延长"); err == nil {
		t.Error("a second extension was accepted")
	}
	if st := tr(casework.ActionReviewPass, ""); st != 200 {
		t.Errorf("pass after marking: %d", st)
	}

	// The imported case library's cases under the same benchmark are
	// compared too (the case cites 食品安全法 第一百二十四条).
	ah := map[string]string{"Authorization": "Bearer " + f.w.adminToken(t), "Content-Type": "application/json"}
	if st, _, e := send(t, f.addr, liveRequest{"POST", "/v1/library/cases", ah, []byte("[" + validCase + "]")}); st != 201 {
		t.Fatalf("import library case: %d %+v", st, e)
	}
	lc := f.caseWith(t, "food-124-expired", 60000)
	st, body = get("reviewer", "/v1/cases/"+lc.ID+"/consistency")
	v = consistencyView{}
	if st != 200 || json.Unmarshal(body, &v) != nil || v.Compared != 1 || v.Nearest[0].ID != "api-1" || v.Nearest[0].Source != "library" || v.Nearest[0].Fine != 50000 {
		t.Errorf("library peers: %d %s", st, body)
	}
}

// caseWith takes a new case to 法制审核 with an analysis giving the
// statutory range 50000–100000 and the suggested 50000–65000 under basis,
// and a proposal of fine (a reason recorded when it deviates).
func (f *permFixture) caseWith(t *testing.T, basis string, fine float64) casework.Case {
	t.Helper()
	ctx := context.Background()
	c := f.proposeWith(t, f.caseAt(t, casework.StageDiscretion, false), basis, fine)
	var err error
	for _, a := range []casework.Action{casework.ActionNotify, casework.ActionSubmitReview} {
		if c, err = f.w.svc.Transition(ctx, f.users["officer"], c.ID, c.Version, a, ""); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

// proposeWith attaches to c (in 分析与裁量) an analysis and a proposal of
// fine under basis, as caseWith describes.
func (f *permFixture) proposeWith(t *testing.T, c casework.Case, basis string, fine float64) casework.Case {
	t.Helper()
	analysis := json.RawMessage(`{"violations":[{"benchmark_id":"` + basis + `","name":"销售超过保质期的食品","sector":"food",
		"suggestion":{"statutory":{"fine_min":50000,"fine_max":100000},"suggested":{"fine_min":50000,"fine_max":65000}}}]}`)
	p := casework.Proposal{Disposition: "处罚", Basis: basis, Fine: fine, SuggestedMin: 50000, SuggestedMax: 65000}
	if p.Deviates() {
		p.Deviation = "当事人主动消除危害后果"
	}
	c, err := f.w.svc.EditCase(context.Background(), f.users["officer"], c.ID, c.Version, casework.CaseEdit{Analysis: &analysis, Proposal: &p})
	if err != nil {
		t.Fatal(err)
	}
	return c
}
