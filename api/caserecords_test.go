package api

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/documents"
)

// today is the day in China, as the workbench's forms write it.
func today() string { return time.Now().In(chinaZone).Format(time.DateOnly) }

// caseRecordPermRows are the permission rows of the procedure records and
// of the 执法证号: officers record, the agency's staff read, admins set
// certificates.
func caseRecordPermRows(caseReq func(casework.Stage, string, string, func(casework.Case) any) func(*testing.T, *permFixture) (string, string, string, []byte), staff []string) []permRow {
	return []permRow{
		{"record delivery (送达)", func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			c := f.decidedCase(t)
			return "POST", "/v1/cases/" + c.ID + "/deliveries", "application/json", jsonBody(map[string]any{
				"documents": []map[string]any{{"kind": "notice", "version": 1}}, "method": "mail", "recipient": "张某", "relation": "法定代表人",
				"place": "某市和平街8号", "at": time.Now().Add(-time.Hour).Format(time.RFC3339), "officers": []string{f.users["officer"].ID}})
		}, 201, []string{"officer"}},
		{"list deliveries", caseReq(casework.StageDecided, "GET", "/deliveries", nil), 200, staff},
		{"record statement (陈述申辩)", caseReq(casework.StageNotified, "POST", "/statements", func(casework.Case) any {
			return map[string]any{"received": today(), "text": "系初次违法，请求从轻处罚。", "hearing": true}
		}), 201, []string{"officer"}},
		{"list statements", caseReq(casework.StageNotified, "GET", "/statements", nil), 200, staff},
		{"answer statement (复核)", func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			c := f.caseAt(t, casework.StageNotified, false)
			st, err := f.w.svc.RecordStatement(context.Background(), f.users["officer"], c.ID, casework.Statement{Received: time.Now().Add(-time.Hour), Text: "请求从轻。"})
			if err != nil {
				t.Fatal(err)
			}
			return "POST", fmt.Sprintf("/v1/cases/%s/statements/%d/answer", c.ID, st.Seq), "application/json",
				jsonBody(map[string]any{"outcome": "rejected", "reasons": "理由不成立。", "version": st.Version})
		}, 200, []string{"officer"}},
		{"set 执法证号", func(t *testing.T, f *permFixture) (string, string, string, []byte) {
			f.n++
			id := fmt.Sprintf("u%d", f.n)
			if _, _, err := f.w.svc.AddUser(context.Background(), f.w.admin, casework.User{ID: id, Agency: "scjg", Roles: []casework.Role{casework.RoleOfficer}}, ""); err != nil {
				t.Fatal(err)
			}
			return "PUT", "/v1/users/" + id + "/cert", "application/json", []byte(`{"cert_number":"14010120009"}`)
		}, 200, []string{"admin"}},
	}
}

// TestCaseRecordsOverHTTP: the decision of a decided case shows the
// party's statement and the agency's answer; issued and delivered, the
// delivery lists the periods running from it, and the 送达回证 issued after
// it names what was served, how, to whom and by whom.
func TestCaseRecordsOverHTTP(t *testing.T) {
	f := newPermFixture(t)
	c := f.decidedCase(t)
	st, _, raw := f.fetch(t, "officer", "POST", "/v1/cases/"+c.ID+"/documents/decision")
	if st != 201 {
		t.Fatalf("issue decision: %d %s", st, raw)
	}
	var dec casework.IssuedDocument
	if err := json.Unmarshal(raw, &dec); err != nil {
		t.Fatal(err)
	}
	_, _, raw = f.fetch(t, "officer", "GET", "/v1/cases/"+c.ID+"/documents/decision/versions/1.docx")
	text, err := documents.DOCXText(raw)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"提出陈述、申辩意见：系初次违法，请求从轻处罚。", "对当事人的意见不采纳，理由如下：初次违法、配合调查已在裁量中考虑",
		"oa（执法证号：14010120001）、李四（执法证号：14010120002）", "行政处罚告知书于"} {
		if !strings.Contains(text, want) {
			t.Errorf("issued decision lacks %q:\n%s", want, text)
		}
	}

	at := time.Now().Add(-30 * time.Minute).In(chinaZone)
	body := jsonBody(map[string]any{"documents": []map[string]any{{"kind": "decision", "version": 1}}, "method": "direct",
		"recipient": "张某", "relation": "法定代表人", "place": "某市和平街8号", "at": at.Format("2006-01-02T15:04"),
		"officers": []string{f.users["officer"].ID, f.partner.ID}, "note": "当事人当场签收"})
	h := f.header(t, "officer")
	h["Content-Type"] = "application/json"
	code, _, e := send(t, f.addr, liveRequest{"POST", "/v1/cases/" + c.ID + "/deliveries", h, body})
	if code != 201 {
		t.Fatalf("record delivery: %d %+v", code, e)
	}
	st, _, raw = f.fetch(t, "leader", "GET", "/v1/cases/"+c.ID+"/deliveries")
	var list struct {
		Deliveries []deliveryView `json:"deliveries"`
	}
	if err := json.Unmarshal(raw, &list); st != 200 || err != nil || len(list.Deliveries) != 2 {
		t.Fatalf("deliveries: %d %s", st, raw)
	}
	d := list.Deliveries[1]
	served := at.Format(time.DateOnly)
	if d.MethodLabel != "直接送达" || d.Terms == nil || d.Terms.ServedOn != served || d.Terms.Payment < served || d.Terms.Review <= d.Terms.Payment ||
		d.Terms.Litigation <= d.Terms.Review || d.Documents[0].Number != dec.Number {
		t.Errorf("delivery of the decision = %+v terms %+v: want 直接送达, served %s, payment, review and litigation ends in order, the decision's number", d, d.Terms, served)
	}

	st, _, raw = f.fetch(t, "officer", "POST", "/v1/cases/"+c.ID+"/documents/service")
	if st != 201 {
		t.Fatalf("issue 送达回证: %d %s", st, raw)
	}
	_, _, raw = f.fetch(t, "officer", "GET", "/v1/cases/"+c.ID+"/documents/service/versions/1.docx")
	if text, err = documents.DOCXText(raw); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"送达文书名称及文号：行政处罚决定书（" + dec.Number + "）", "送达方式：直接送达", "收件人：张某（法定代表人）",
		fmt.Sprintf("送达时间：%d年%d月%d日%d时%02d分", at.Year(), int(at.Month()), at.Day(), at.Hour(), at.Minute()),
		"送达人：oa（执法证号：14010120001）、李四（执法证号：14010120002）", "备注：当事人当场签收"} {
		if !strings.Contains(text, want) {
			t.Errorf("送达回证 lacks %q:\n%s", want, text)
		}
	}

	// The 送达回证 of the first delivery (the notice's), as a draft and issued.
	st, _, raw = f.fetch(t, "officer", "GET", "/v1/cases/"+c.ID+"/documents/service.docx?delivery=1")
	if text, err = documents.DOCXText(raw); st != 200 || err != nil || !strings.Contains(text, "送达文书名称及文号：行政处罚告知书（") || strings.Contains(text, dec.Number) {
		t.Errorf("draft 送达回证 of delivery 1 (%d, %v):\n%s", st, err, text)
	}
	h = f.header(t, "officer")
	h["Content-Type"] = "application/json"
	if code, _, e := send(t, f.addr, liveRequest{"POST", "/v1/cases/" + c.ID + "/documents/service", h, []byte(`{"delivery":1}`)}); code != 201 {
		t.Fatalf("issue the 送达回证 of delivery 1: %d %+v", code, e)
	}
	_, _, raw = f.fetch(t, "officer", "GET", "/v1/cases/"+c.ID+"/documents/service/versions/2.docx")
	if text, err = documents.DOCXText(raw); err != nil || !strings.Contains(text, "送达文书名称及文号：行政处罚告知书（") {
		t.Errorf("issued 送达回证 of delivery 1 (%v):\n%s", err, text)
	}
}

// TestCaseRecordsHostileInput: bad input to the new endpoints is a 4xx in
// the error format with a Chinese message naming the field, and the
// record does not change.
func TestCaseRecordsHostileInput(t *testing.T) {
	f := newPermFixture(t)
	dc := f.decidedCase(t)
	nc := f.caseAt(t, casework.StageNotified, false)
	del := "/v1/cases/" + dc.ID + "/deliveries"
	sts := "/v1/cases/" + nc.ID + "/statements"
	good := func(edit func(m map[string]any)) string {
		m := map[string]any{"documents": []map[string]any{{"kind": "notice", "version": 1}}, "method": "direct", "recipient": "张某",
			"relation": "法定代表人", "place": "某市和平街8号", "at": time.Now().Add(-time.Hour).Format(time.RFC3339), "officers": []string{"oa"}}
		edit(m)
		return string(jsonBody(m))
	}
	st, err := f.w.svc.RecordStatement(context.Background(), f.users["officer"], nc.ID, casework.Statement{Received: time.Now().Add(-time.Hour), Text: "请求从轻。"})
	if err != nil {
		t.Fatal(err)
	}
	ans := fmt.Sprintf("%s/%d/answer", sts, st.Seq)
	for _, b := range []struct {
		name, actor, method, target, body string
		status                            int
		code, field                       string
	}{
		{"delivery empty", "officer", "POST", del, "", 400, "invalid_input", "body"},
		{"delivery unknown field", "officer", "POST", del, good(func(m map[string]any) { m["zzz"] = 1 }), 400, "invalid_input", ""},
		{"delivery method unknown", "officer", "POST", del, good(func(m map[string]any) { m["method"] = "'; DROP TABLE cases; --" }), 400, "invalid_input", "method"},
		{"delivery no time", "officer", "POST", del, good(func(m map[string]any) { delete(m, "at") }), 400, "invalid_input", "at"},
		{"delivery time garbage", "officer", "POST", del, good(func(m map[string]any) { m["at"] = "昨天" }), 400, "invalid_input", "at"},
		{"delivery in the future", "officer", "POST", del, good(func(m map[string]any) { m["at"] = time.Now().Add(72 * time.Hour).Format(time.RFC3339) }), 400, "invalid_input", "at"},
		{"delivery of an unissued document", "officer", "POST", del, good(func(m map[string]any) { m["documents"] = []map[string]any{{"kind": "decision", "version": 7}} }), 400, "invalid_input", "served"},
		{"delivery version wrong type", "officer", "POST", del, good(func(m map[string]any) { m["documents"] = []map[string]any{{"kind": "notice", "version": "1"}} }), 400, "invalid_input", ""},
		{"delivery without place", "officer", "POST", del, good(func(m map[string]any) { m["place"] = "  " }), 400, "invalid_input", "place"},
		{"delivery place NUL", "officer", "POST", del, good(func(m map[string]any) { m["place"] = "某\u0000路" }), 400, "invalid_input", "place"},
		{"delivery place too long", "officer", "POST", del, good(func(m map[string]any) { m["place"] = strings.Repeat("路", 501) }), 400, "invalid_input", "place"},
		{"direct delivery without who signed", "officer", "POST", del, good(func(m map[string]any) { m["recipient"] = "" }), 400, "invalid_input", "recipient"},
		{"electronic without consent", "officer", "POST", del, good(func(m map[string]any) { m["method"] = "electronic" }), 400, "invalid_input", "consent"},
		{"public notice without reason", "officer", "POST", del, good(func(m map[string]any) { m["method"] = "public" }), 400, "invalid_input", "note"},
		{"送达人 of another agency", "officer", "POST", del, good(func(m map[string]any) { m["officers"] = []string{"ob"} }), 400, "invalid_input", "servers"},
		{"no 送达人", "officer", "POST", del, good(func(m map[string]any) { m["officers"] = []string{} }), 400, "invalid_input", "servers"},
		{"delivery unknown case", "officer", "POST", "/v1/cases/scjg-2026-999999/deliveries", good(func(map[string]any) {}), 404, "not_found", ""},
		{"statement no day", "officer", "POST", sts, `{"text":"意见"}`, 400, "invalid_input", "received"},
		{"statement bad day", "officer", "POST", sts, `{"received":"2026-02-30","text":"意见"}`, 400, "invalid_input", "received"},
		{"statement empty", "officer", "POST", sts, `{"received":"` + today() + `"}`, 400, "invalid_input", "statement text"},
		{"statement waiver with text", "officer", "POST", sts, `{"received":"` + today() + `","waived":true,"text":"x"}`, 400, "invalid_input", "waived"},
		{"statement text too long", "officer", "POST", sts, `{"received":"` + today() + `","text":"` + strings.Repeat("意", 20001) + `"}`, 400, "invalid_input", "statement text"},
		{"statement hearing wrong type", "officer", "POST", sts, `{"received":"` + today() + `","text":"x","hearing":"yes"}`, 400, "invalid_input", ""},
		{"statement after the decision", "officer", "POST", "/v1/cases/" + dc.ID + "/statements", `{"received":"` + today() + `","text":"x"}`, 409, "stage_not_allowed", ""},
		{"answer no version", "officer", "POST", ans, `{"outcome":"adopted","reasons":"成立"}`, 400, "invalid_input", "version"},
		{"answer stale", "officer", "POST", ans, `{"outcome":"adopted","reasons":"成立","version":9}`, 409, "version_conflict", ""},
		{"answer outcome unknown", "officer", "POST", ans, `{"outcome":"<script>","reasons":"成立","version":1}`, 400, "invalid_input", "outcome"},
		{"answer without reasons", "officer", "POST", ans, `{"outcome":"adopted","version":1}`, 400, "invalid_input", "answer"},
		{"answer seq not a number", "officer", "POST", sts + "/..%2F1/answer", `{"outcome":"adopted","reasons":"x","version":1}`, 400, "invalid_input", "seq"},
		{"answer unknown seq", "officer", "POST", sts + "/99/answer", `{"outcome":"adopted","reasons":"x","version":1}`, 404, "not_found", ""},
		{"service of delivery 9", "officer", "POST", "/v1/cases/" + dc.ID + "/documents/service", `{"delivery":9}`, 404, "not_found", "delivery"},
		{"service of delivery -1", "officer", "POST", "/v1/cases/" + dc.ID + "/documents/service", `{"delivery":-1}`, 400, "invalid_input", "delivery"},
		{"decision of a delivery", "officer", "POST", "/v1/cases/" + dc.ID + "/documents/decision", `{"delivery":1}`, 400, "invalid_input", "delivery"},
		{"service of delivery x", "officer", "GET", "/v1/cases/" + dc.ID + "/documents/service.docx?delivery=x", "", 400, "invalid_input", "delivery"},
		{"serve before the 决定书 is delivered", "officer", "POST", "/v1/cases/" + dc.ID + "/transitions", fmt.Sprintf(`{"action":"serve","version":%d}`, dc.Version), 409, "decision_not_served", ""},
		{"cert with a space", "admin", "PUT", "/v1/users/oa/cert", `{"cert_number":"14 01"}`, 400, "invalid_input", "cert_number"},
		{"cert too long", "admin", "PUT", "/v1/users/oa/cert", `{"cert_number":"` + strings.Repeat("1", 33) + `"}`, 400, "invalid_input", "cert_number"},
		{"cert unknown user", "admin", "PUT", "/v1/users/nobody/cert", `{"cert_number":"1"}`, 404, "not_found", ""},
		{"cert wrong type", "admin", "PUT", "/v1/users/oa/cert", `{"cert_number":1}`, 400, "invalid_input", ""},
	} {
		t.Run(b.name, func(t *testing.T) {
			h := f.header(t, b.actor)
			h["Content-Type"] = "application/json"
			before := f.w.entryCount(t)
			code, _, e := send(t, f.addr, liveRequest{b.method, b.target, h, []byte(b.body)})
			if code != b.status || e.Code != b.code || (b.field != "" && e.Field != b.field) {
				t.Fatalf("%d %+v; want %d %s field %q", code, e, b.status, b.code, b.field)
			}
			if !hasHan(e.Message) {
				t.Errorf("message %q is not in Chinese", e.Message)
			}
			for _, leak := range goLeaks {
				if strings.Contains(e.Message, leak) {
					t.Errorf("message %q shows %q", e.Message, leak)
				}
			}
			if added := f.w.entriesSince(t, before); len(added) > 0 {
				t.Fatalf("a refused request changed the record: %+v", added)
			}
		})
	}
}
