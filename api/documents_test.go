package api

import (
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/documents"
)

// TestDocumentDraftHTTP drafts a 决定书 from bare facts over the national
// statutes: the DOCX carries the draft mark, the party, the provisions
// the analysis matched with their text, and the remedies; bad requests get
// the one error format.
func TestDocumentDraftHTTP(t *testing.T) {
	a := nationalAnalyzer(t)
	s := ForApp(a, Config{})
	body, _ := json.Marshal(map[string]any{
		"facts":  "2024年3月5日，执法人员检查发现当事人某某超市有限公司销售超过保质期的饼干10袋，货值金额共计260元，违法所得35元。当事人系初次违法，积极配合调查。",
		"sector": "市场监管",
		"document": map[string]any{
			"date":   "2024-05-01",
			"party":  map[string]string{"kind": "organisation", "name": "某某超市有限公司", "address": "某市某路1号"},
			"agency": map[string]string{"name": "某市市场监督管理局", "review_body": "某市人民政府", "court": "某市某区人民法院"},
		},
	})
	req := localRequest("POST", "/v1/documents/draft/decision.docx", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.App().Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, raw)
	}
	text, err := documents.DOCXText(raw)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"草稿", "某某超市有限公司", "《食品安全法》第一百二十四条", "超过保质期", "十五日内", "六十日内向某市人民政府申请行政复议", "六个月内向某市某区人民法院提起行政诉讼"} {
		if !strings.Contains(text, want) {
			t.Errorf("draft lacks %q:\n%s", want, text)
		}
	}
	for _, tc := range []struct {
		target, body, code, field string
		status                    int
	}{
		{"/v1/documents/draft/verdict.docx", string(body), "unknown_document_kind", "kind", 404},
		{"/v1/documents/draft/decision.odt", string(body), "unknown_format", "format", 404},
		{"/v1/documents/draft/decision.docx", `{"facts":"销售过期食品","document":{"date":"2024-13-01"}}`, "invalid_input", "document.date", 400},
		{"/v1/documents/draft/decision.docx", `{"facts":"","document":{}}`, "invalid_input", "facts", 400},
	} {
		r := do(t, s, "POST", tc.target, "application/json", []byte(tc.body))
		e, _ := r.body["error"].(map[string]any)
		if r.status != tc.status || errCode(r) != tc.code || e["field"] != tc.field {
			t.Errorf("%s %s: got %d %v, want %d %s field %s", tc.target, tc.body, r.status, r.body, tc.status, tc.code, tc.field)
		}
	}
}
