package api

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/documents"
)

// testAgencyDetails is the agencies.yaml of the test template directory.
const testAgencyDetails = `scjg:
  address: 某市人民路1号
  contact: 王某
  phone: 0000-12345678
  review_body: 某市人民政府
  court: 某市某区人民法院
  payment: 某市财政非税收入电子缴款平台
`

// testDocuments is a generator with the built-in templates and the test
// agency's details.
func testDocuments(t testing.TB) *documents.Generator {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "agencies.yaml"), []byte(testAgencyDetails), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := documents.New(documents.Config{TemplateDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// testCaseAnalysis is an analysis as /v1/analyze answers it, over the
// articles of testLibrary's 食品安全法.
const testCaseAnalysis = `{"violations":[{"benchmark_id":"food-expired","name":"经营超过保质期的食品","suggestion":{
 "statutory":{"fine_min":50000,"fine_max":100000},"suggested":{"fine_min":50000,"fine_max":70000},
 "basis":[{"law":"食品安全法","article":122,"role":"violated"},{"law":"食品安全法","article":124,"role":"penalty"}],
 "trace":[{"step":"法定幅度","result":"五万元以上十万元以下罚款"},{"step":"从轻情节","result":"初次违法、配合调查：幅度下段"}]}}],
 "norms":[],"transfer":{"risk":"none"}}`

// decidedCase takes a complete case (party, analysis, proposal, two
// certified officers) of the fixture's agency, with its 机关代字 set, to
// 已作出决定: the notice issued and served, the party's statement answered.
func (f *permFixture) decidedCase(t *testing.T) casework.Case {
	t.Helper()
	ctx := context.Background()
	if err := f.w.svc.PutAgency(ctx, f.w.admin, casework.Agency{Code: "scjg", Name: "某市市场监督管理局", DocPrefix: "某市监处罚"}); err != nil {
		t.Fatal(err)
	}
	if f.partner.ID == "" {
		var err error
		if f.partner, _, err = f.w.svc.AddUser(ctx, f.w.admin, casework.User{ID: "oa2", Name: "李四", Agency: "scjg",
			Roles: []casework.Role{casework.RoleOfficer}, CertNumber: "14010120002"}, ""); err != nil {
			t.Fatal(err)
		}
		if f.users["officer"], err = f.w.svc.SetUserCert(ctx, f.w.admin, f.users["officer"].ID, "14010120001"); err != nil {
			t.Fatal(err)
		}
	}
	c := f.caseAt(t, casework.StageInvestigating, false)
	party := casework.Party{Kind: "organisation", Name: "某某食品有限公司", IDNumber: "91000000MA0000000X", Address: "某市和平街8号", Representative: "张某"}
	analysis := json.RawMessage(testCaseAnalysis)
	p := casework.Proposal{Disposition: "处罚", Basis: "food-expired", Fine: 50000, SuggestedMin: 50000, SuggestedMax: 70000, Reasons: []string{"初次违法，配合调查"}}
	source := "2026年1月5日，执法人员在日常监督检查中发现当事人经营超过保质期的食品，经负责人批准立案调查。"
	officers := []string{f.users["officer"].ID, f.partner.ID}
	c, err := f.w.svc.EditCase(ctx, f.users["officer"], c.ID, c.Version, casework.CaseEdit{Source: &source, Party: &party, Analysis: &analysis, Proposal: &p, Officers: officers})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.w.svc.AddEvidence(ctx, f.users["officer"], c.ID, strings.NewReader("%PDF-1.4\n"+c.ID+"\n%%EOF\n"), "询问笔录.pdf", "证明违法事实"); err != nil {
		t.Fatal(err)
	}
	if c, err = f.w.svc.Case(ctx, f.users["officer"], c.ID); err != nil {
		t.Fatal(err)
	}
	c = f.walkTo(t, c, casework.StageNotified)
	if st, _, raw := f.fetch(t, "officer", "POST", "/v1/cases/"+c.ID+"/documents/notice"); st != 201 {
		t.Fatalf("issue the notice: %d %s", st, raw)
	}
	served := time.Now().Add(-time.Hour)
	if _, err := f.w.svc.RecordDelivery(ctx, f.users["officer"], c.ID, casework.Delivery{Method: casework.DeliverDirect,
		Documents: []casework.DeliveredDocument{{Kind: "notice", Version: 1}}, Recipient: "张某", Relation: "法定代表人",
		Place: party.Address, At: served, Officers: officers}); err != nil {
		t.Fatal(err)
	}
	st, err := f.w.svc.RecordStatement(ctx, f.users["officer"], c.ID, casework.Statement{Received: served, Text: "系初次违法，请求从轻处罚。"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.w.svc.AnswerStatement(ctx, f.users["officer"], c.ID, st.Seq, casework.OutcomeRejected, "初次违法、配合调查已在裁量中考虑，罚款已在幅度下段。", st.Version); err != nil {
		t.Fatal(err)
	}
	if c, err = f.w.svc.Case(ctx, f.users["officer"], c.ID); err != nil {
		t.Fatal(err)
	}
	return f.walkTo(t, c, casework.StageDecided)
}

// fetch sends a request as actor through the live server and returns the
// status, headers and body.
func (f *permFixture) fetch(t *testing.T, actor, method, target string) (int, http.Header, []byte) {
	t.Helper()
	return f.fetchAs(t, f.header(t, actor), method, target)
}

// fetchAs is fetch with the headers of an actor already made (making them
// issues a token, which the record logs).
func (f *permFixture) fetchAs(t *testing.T, header map[string]string, method, target string) (int, http.Header, []byte) {
	t.Helper()
	if method != "POST" {
		return roundTrip(t, f.addr, method, target, header, nil)
	}
	h := maps.Clone(header)
	h["Content-Type"] = "application/json"
	return roundTrip(t, f.addr, method, target, h, []byte("{}"))
}

// TestCaseDocumentsIssue: a decided, complete case's 决定书 can be issued;
// issuing assigns the agency's numbers in sequence, re-issuing makes a new
// version and the first stays as it was; the list says what each kind
// lacks; an incomplete case is refused with every failed element and the
// record does not change.
func TestCaseDocumentsIssue(t *testing.T) {
	f := newPermFixture(t)
	c := f.decidedCase(t)
	year := time.Now().Year()

	st, _, raw := f.fetch(t, "reviewer", "GET", "/v1/cases/"+c.ID+"/documents")
	if st != 200 {
		t.Fatalf("list: %d %s", st, raw)
	}
	var list struct {
		Documents []docStatus `json:"documents"`
	}
	if err := json.Unmarshal(raw, &list); err != nil {
		t.Fatal(err)
	}
	status := map[documents.Kind]docStatus{}
	for _, d := range list.Documents {
		status[d.Kind] = d
	}
	if len(status) != len(documents.Kinds) || !status[documents.KindDecision].CanIssue {
		t.Fatalf("decision of a complete decided case cannot be issued: %+v", status[documents.KindDecision])
	}
	if n := status[documents.KindNotice]; n.CanIssue || len(n.Missing) == 0 || n.Missing[0].Code != "stage" {
		t.Errorf("notice of a decided case = %+v, want refused for the stage", n)
	}

	var issued []casework.IssuedDocument
	for i := 1; i <= 2; i++ {
		st, _, raw := f.fetch(t, "officer", "POST", "/v1/cases/"+c.ID+"/documents/decision")
		if st != 201 {
			t.Fatalf("issue %d: %d %s", i, st, raw)
		}
		var d casework.IssuedDocument
		if err := json.Unmarshal(raw, &d); err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("某市监处罚〔%d〕%d号", year, i); d.Number != want || d.Version != i || d.PDFDigest == "" && d.Digest == "" {
			t.Errorf("issue %d = %+v, want number %s version %d", i, d, want, i)
		}
		issued = append(issued, d)
	}
	st, _, raw = f.fetch(t, "leader", "GET", "/v1/cases/"+c.ID+"/documents/decision/versions")
	var versions struct {
		Versions []casework.IssuedDocument `json:"versions"`
	}
	if err := json.Unmarshal(raw, &versions); st != 200 || err != nil || len(versions.Versions) != 2 {
		t.Fatalf("versions: %d %s", st, raw)
	}
	st, hdr, raw := f.fetch(t, "officer", "GET", "/v1/cases/"+c.ID+"/documents/decision/versions/1.docx")
	if st != 200 || hdr.Get("Digest") != "sha-256="+issued[0].Digest {
		t.Fatalf("version 1: %d %v", st, hdr)
	}
	text, err := documents.DOCXText(raw)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{issued[0].Number, "某某食品有限公司", "《食品安全法》第一百二十四条", "询问笔录.pdf", "六十日内向某市人民政府申请行政复议"} {
		if !strings.Contains(text, want) {
			t.Errorf("issued version 1 lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "草稿") || strings.Contains(text, issued[1].Number) {
		t.Errorf("issued version 1 is marked draft or carries version 2's number:\n%s", text)
	}
	tl, err := f.w.svc.Timeline(context.Background(), f.users["officer"], c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if last := tl[len(tl)-1]; last.Action != "document.issue" || len(last.Evidence) == 0 || last.Evidence[0] != issued[1].Digest {
		t.Errorf("last entry = %+v, want document.issue with the DOCX digest", last)
	}

	// A draft at any stage, marked 草稿.
	st, hdr, raw = f.fetch(t, "officer", "GET", "/v1/cases/"+c.ID+"/documents/notice.docx")
	if st != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), docxType) {
		t.Fatalf("draft notice: %d %s", st, raw)
	}
	if text, err := documents.DOCXText(raw); err != nil || !strings.Contains(text, "草稿") || !strings.Contains(text, "某某食品有限公司") {
		t.Errorf("draft notice (%v):\n%s", err, text)
	}

	// Refusals change nothing.
	bare := f.caseAt(t, casework.StageDecided, false)
	headers := map[string]map[string]string{"officer": f.header(t, "officer"), "reviewer": f.header(t, "reviewer")}
	before := f.w.entryCount(t)
	for _, tc := range []struct {
		actor, method, target, code string
		status                      int
	}{
		{"officer", "POST", "/v1/cases/" + bare.ID + "/documents/decision", "document_check_failed", 422},
		{"officer", "POST", "/v1/cases/" + c.ID + "/documents/notice", "stage_not_allowed", 409},
		{"reviewer", "POST", "/v1/cases/" + c.ID + "/documents/decision", "forbidden", 403},
		{"officer", "POST", "/v1/cases/" + c.ID + "/documents/verdict", "unknown_document_kind", 404},
		{"officer", "GET", "/v1/cases/" + c.ID + "/documents/decision.odt", "unknown_format", 404},
		{"officer", "GET", "/v1/cases/" + c.ID + "/documents/decision/versions/9.docx", "not_found", 404},
		{"officer", "GET", "/v1/cases/" + c.ID + "/documents/decision/versions/-1.docx", "invalid_input", 400},
		{"officer", "GET", "/v1/cases/" + c.ID + "/documents/decision/versions/" + strings.Repeat("9", 40) + ".pdf", "invalid_input", 400},
		{"officer", "GET", "/v1/cases/scjg-2026-999999/documents", "not_found", 404},
		{"officer", "GET", "/v1/cases/%FF%FE/documents", "not_found", 404},
		{"officer", "POST", "/v1/cases/" + c.ID + "/documents/%3Cscript%3E", "unknown_document_kind", 404},
	} {
		st, _, raw := f.fetchAs(t, headers[tc.actor], tc.method, tc.target)
		var e struct {
			Error    Error               `json:"error"`
			Problems []documents.Problem `json:"problems"`
		}
		if err := json.Unmarshal(raw, &e); err != nil || st != tc.status || e.Error.Code != tc.code || e.Error.Message == "" {
			t.Errorf("%s %s: %d %s; want %d %s", tc.method, tc.target, st, raw, tc.status, tc.code)
			continue
		}
		if tc.code == "document_check_failed" {
			if len(e.Problems) < 2 || !strings.Contains(e.Error.Message, e.Problems[len(e.Problems)-1].Element) {
				t.Errorf("refusal does not name every failed element: %s", raw)
			}
		}
	}
	if after := f.w.entryCount(t); after != before {
		t.Errorf("refused requests changed the record: %d → %d entries", before, after)
	}
}
