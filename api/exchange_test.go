package api

import (
	"bytes"
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/exchange"
)

// foreignFile is an exchange file of another city's agency (jtys-x), as
// that agency's export would write it.
func foreignFile(t *testing.T, format string) string {
	t.Helper()
	return foreignFileOn(t, format, "")
}

// foreignFileOn is foreignFile with a decision resting on basis.
func foreignFileOn(t *testing.T, format, basis string) string {
	t.Helper()
	r := casework.SharedRecord{Key: "jtys-x/jtys-x-2025-000001", SourceAgency: "jtys-x", SourceAgencyName: "外市交通运输局",
		CaseID: "jtys-x-2025-000001", Title: "当事人 超限运输", Stage: casework.StageClosed, PartyKind: "organisation",
		PartyName: "某物流有限公司", PartyID: "91330000MA2A000001", Decision: casework.Proposal{Disposition: "处罚", Basis: basis, Fine: 3000},
		Decided: time.Date(2025, 8, 1, 9, 0, 0, 0, time.UTC)}
	r.Digest = r.ContentDigest()
	var b bytes.Buffer
	if err := exchange.Write(&b, format, []casework.SharedRecord{r}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// exchangePermRows: an agency's leaders (not its admins without an agency,
// nor anyone of another agency) export its decisions; admins and leaders
// import; staff and admins list what was imported; trainers nothing.
func exchangePermRows() []permRow {
	staff := []string{"officer", "reviewer", "leader", "officer@other", "reviewer@other", "leader@other"}
	get := func(target string) func(*testing.T, *permFixture) (string, string, string, []byte) {
		return func(*testing.T, *permFixture) (string, string, string, []byte) { return "GET", target, "", nil }
	}
	return []permRow{
		{"export own agency's decisions", get("/v1/exchange/export"), 200, []string{"leader", "leader@other"}},
		{"export scjg's decisions as CSV", get("/v1/exchange/export?agency=scjg&format=csv"), 200, []string{"leader"}},
		{"import another agency's file", func(t *testing.T, _ *permFixture) (string, string, string, []byte) {
			return "POST", "/v1/exchange/import", "application/json", jsonBody(map[string]string{"content": foreignFile(t, exchange.JSONL), "note": "来自外市交通运输局"})
		}, 200, []string{"leader", "leader@other", "admin"}},
		{"list shared records", get("/v1/exchange/records"), 200, append(slices.Clone(staff), "admin")},
	}
}

// TestExchangeAPIRoundTrip: a leader's export of a closed case is imported
// by another agency's leader as a shared record, once (the second import
// changes nothing), from JSONL or CSV alike, and staff of both agencies
// list it.
func TestExchangeAPIRoundTrip(t *testing.T) {
	f := newPermFixture(t)
	closed := f.caseAt(t, casework.StageClosed, false)
	tok := func(actor string) string {
		return strings.TrimPrefix(f.header(t, actor)["Authorization"], "Bearer ")
	}
	files := map[string]string{}
	for _, format := range []string{exchange.JSONL, exchange.CSV} {
		st, body := fetch(t, f.addr, tok("leader"), "GET", "/v1/exchange/export?format="+format+"&from=2000-01-01", nil)
		if st != 200 || !strings.Contains(string(body), closed.ID) {
			t.Fatalf("export %s: %d %s", format, st, body)
		}
		files[format] = string(body)
	}
	for i, format := range []string{exchange.JSONL, exchange.CSV} {
		st, body := fetch(t, f.addr, tok("leader@other"), "POST", "/v1/exchange/import",
			jsonBody(map[string]string{"format": format, "content": files[format], "note": "来自市场监管局"}))
		var sum casework.ImportSummary
		if st != 200 || json.Unmarshal(body, &sum) != nil || sum.Added+sum.Unchanged != 1 || (i == 0) != (sum.Added == 1) {
			t.Fatalf("import %s: %d %s", format, st, body)
		}
	}
	st, body := fetch(t, f.addr, tok("officer"), "GET", "/v1/exchange/records?source_agency=scjg", nil)
	var list struct {
		Records []casework.SharedRecord `json:"records"`
	}
	if st != 200 || json.Unmarshal(body, &list) != nil || len(list.Records) != 1 || list.Records[0].CaseID != closed.ID ||
		list.Records[0].ImportedAgency != "hbj" || list.Records[0].PartyName != "某食品店" {
		t.Fatalf("records: %d %s", st, body)
	}
	// The importing agency's own decisions are refused: they are here already.
	st, body = fetch(t, f.addr, tok("leader"), "POST", "/v1/exchange/import",
		jsonBody(map[string]string{"content": files[exchange.JSONL], "note": "自己的"}))
	if st != 400 || !strings.Contains(string(body), "本机关自己的决定") {
		t.Errorf("importing our own file: %d %s", st, body)
	}
}

// TestExchangeHostileInput: bad parameters and bad files are 4xx in the
// error format with a Chinese message naming the field (and the line), and
// neither the record nor the shared records change.
func TestExchangeHostileInput(t *testing.T) {
	f := newPermFixture(t)
	good := foreignFile(t, exchange.JSONL)
	goodCSV := foreignFile(t, exchange.CSV)
	imp := func(format, content, note string) string {
		b, _ := json.Marshal(map[string]string{"format": format, "content": content, "note": note})
		return string(b)
	}
	const j = "application/json"
	for _, tt := range []struct {
		name, actor, method, target, ct, body string
		status                                int
		code, field, msg                      string
	}{
		{"export bad format", "leader", "GET", "/v1/exchange/export?format=xml", "", "", 400, "invalid_input", "format", ""},
		{"export bad day", "leader", "GET", "/v1/exchange/export?from=2025-13-01", "", "", 400, "invalid_input", "from", ""},
		{"export reversed period", "leader", "GET", "/v1/exchange/export?from=2026-01-01&to=2025-01-01", "", "", 400, "invalid_input", "to", ""},
		{"export invalid UTF-8 agency", "leader", "GET", "/v1/exchange/export?agency=%FF", "", "", 400, "invalid_input", "agency", ""},
		{"export SQL agency", "leader", "GET", "/v1/exchange/export?agency=" + url.QueryEscape("'; DROP TABLE cases; --"), "", "", 403, "forbidden", "", ""},
		{"records huge agency", "officer", "GET", "/v1/exchange/records?source_agency=" + strings.Repeat("a", 5000), "", "", 400, "invalid_input", "source_agency", ""},
		{"import empty body", "leader", "POST", "/v1/exchange/import", j, "", 400, "invalid_input", "body", ""},
		{"import the file itself as the body", "leader", "POST", "/v1/exchange/import", j, good, 400, "invalid_input", "case_id", "未知字段"},
		{"import as text/csv", "leader", "POST", "/v1/exchange/import", "text/csv", goodCSV, 415, "unsupported_media_type", "Content-Type", ""},
		{"import unknown field", "leader", "POST", "/v1/exchange/import", j, `{"content":"x","note":"n","zzz":1}`, 400, "invalid_input", "zzz", ""},
		{"import content number", "leader", "POST", "/v1/exchange/import", j, `{"content":1,"note":"n"}`, 400, "invalid_input", "content", ""},
		{"import no note", "leader", "POST", "/v1/exchange/import", j, imp("", good, " "), 400, "invalid_input", "note", ""},
		{"import bad format", "leader", "POST", "/v1/exchange/import", j, imp("xlsx", good, "n"), 400, "invalid_input", "format", ""},
		{"import empty file", "leader", "POST", "/v1/exchange/import", j, imp("", "", "n"), 400, "invalid_input", "content.", "没有记录"},
		{"import version 2", "leader", "POST", "/v1/exchange/import", j, imp("", "\n"+strings.Replace(good, `"version":1`, `"version":2`, 1), "n"), 400, "invalid_input", "content.version", "第 2 行"},
		{"import tampered fine", "leader", "POST", "/v1/exchange/import", j, imp("", strings.Replace(good, `"fine":3000`, `"fine":30`, 1), "n"), 400, "invalid_input", "content.digest", "第 1 行"},
		{"import script in title", "leader", "POST", "/v1/exchange/import", j, imp("", strings.Replace(good, `"title":"当事人 超限运输"`, `"title":"<script>\u0000</script>"`, 1), "n"), 400, "invalid_input", "content.", "第 1 行"},
		{"import CSV as JSONL", "leader", "POST", "/v1/exchange/import", j, imp("jsonl", goodCSV, "n"), 400, "invalid_input", "content.", "不是一个 JSON 对象"},
		{"import JSONL as CSV", "leader", "POST", "/v1/exchange/import", j, imp("csv", good, "n"), 400, "invalid_input", "content.header", "不是 CSV"},
		{"import twice in one file", "leader", "POST", "/v1/exchange/import", j, imp("", good+good, "n"), 400, "invalid_input", "content.key", "与第 1 行重复"},
		{"import by an officer", "officer", "POST", "/v1/exchange/import", j, imp("", good, "n"), 403, "forbidden", "", ""},
		{"import huge", "leader", "POST", "/v1/exchange/import", j, imp("", strings.Repeat(good, DefaultBodyLimit/len(good)+1), "n"), 413, "body_too_large", "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := f.header(t, tt.actor)
			if tt.ct != "" {
				h["Content-Type"] = tt.ct
			}
			before := f.w.entryCount(t)
			var body []byte
			if tt.method != "GET" {
				body = []byte(tt.body)
			}
			st, _, e := send(t, f.addr, liveRequest{tt.method, tt.target, h, body})
			if st != tt.status || e.Code != tt.code || !strings.HasPrefix(e.Field, tt.field) || !hasHan(e.Message) || !strings.Contains(e.Message, tt.msg) {
				t.Fatalf("%d %+v; want %d %s on field %q with a Chinese message containing %q", st, e, tt.status, tt.code, tt.field, tt.msg)
			}
			if after := f.w.entryCount(t); after != before {
				t.Errorf("a refused request changed the record: %d → %d entries", before, after)
			}
			recs, err := f.w.svc.SharedRecords(t.Context(), f.users["officer"], "")
			if err != nil || len(recs) != 0 {
				t.Errorf("a refused request stored shared records: %d, %v", len(recs), err)
			}
		})
	}
}

// TestExchangeConsistencyPeers: another agency's decision on the same
// benchmark, once imported, is one of the peers the consistency check of
// a proposal compares with, marked as shared.
func TestExchangeConsistencyPeers(t *testing.T) {
	f := newPermFixture(t)
	c := f.caseAt(t, casework.StageInvestigating, false)
	c, err := f.w.svc.EditCase(t.Context(), f.users["officer"], c.ID, c.Version, casework.CaseEdit{Proposal: &casework.Proposal{
		Disposition: "处罚", Basis: "test-basis", Fine: 5000}})
	if err != nil {
		t.Fatal(err)
	}
	tok := func(actor string) string { return strings.TrimPrefix(f.header(t, actor)["Authorization"], "Bearer ") }
	peers := func() (int, []map[string]any) {
		t.Helper()
		st, body := fetch(t, f.addr, tok("officer"), "GET", "/v1/cases/"+c.ID+"/consistency", nil)
		var v struct {
			Compared int              `json:"compared"`
			Nearest  []map[string]any `json:"nearest"`
		}
		if st != 200 || json.Unmarshal(body, &v) != nil {
			t.Fatalf("consistency: %d %s", st, body)
		}
		return v.Compared, v.Nearest
	}
	before, _ := peers()
	st, body := fetch(t, f.addr, tok("leader"), "POST", "/v1/exchange/import",
		jsonBody(map[string]string{"content": foreignFileOn(t, exchange.JSONL, "test-basis"), "note": "来自外市交通运输局"}))
	if st != 200 {
		t.Fatalf("import: %d %s", st, body)
	}
	after, nearest := peers()
	found := slices.ContainsFunc(nearest, func(p map[string]any) bool {
		return p["source"] == "shared" && p["id"] == "jtys-x/jtys-x-2025-000001" && p["fine"] == 3000.0
	})
	if after != before+1 || !found {
		t.Errorf("compared %d → %d, nearest %v; want the shared decision among them", before, after, nearest)
	}
}
