package api

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"unicode"

	"github.com/cailiang/cailiang/workdays"
)

func testCalendar(t *testing.T) *workdays.Calendar {
	t.Helper()
	cal, err := workdays.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return cal
}

func publicationServer(t *testing.T) *Server {
	t.Helper()
	return New(Config{Catalog: testCatalog(t), Calendar: testCalendar(t)})
}

func TestWorkdaysAddAPI(t *testing.T) {
	s := publicationServer(t)
	for _, tc := range []struct {
		query  string
		status int
		code   string
		field  string
		date   string
	}{
		{"from=2025-09-30&n=7", 200, "", "", "2025-10-16"},
		{"from=2025-01-24&n=7", 200, "", "", "2025-02-10"},
		{"from=2025-09-30&n=0", 200, "", "", "2025-09-30"},
		{"from=2027-12-28&n=10", 422, "beyond_schedule", "from", ""},
		{"from=2030-01-01&n=1", 422, "beyond_schedule", "from", ""},
		{"n=7", 400, "invalid_input", "from", ""},
		{"from=2025-09-30", 400, "invalid_input", "n", ""},
		{"from=2025-02-30&n=7", 400, "invalid_input", "from", ""},
		{"from=2025%2F09%2F30&n=7", 400, "invalid_input", "from", ""},
		{"from=%FF%FE&n=7", 400, "invalid_input", "from", ""},
		{"from=2025-09-30&n=-1", 400, "invalid_input", "n", ""},
		{"from=2025-09-30&n=abc", 400, "invalid_input", "n", ""},
		{"from=2025-09-30&n=99999999999999999999", 400, "invalid_input", "n", ""},
	} {
		r := do(t, s, "GET", "/v1/workdays/add?"+tc.query, "", nil)
		if r.status != tc.status || errCode(r) != tc.code {
			t.Errorf("%s: %d %s, want %d %s (%v)", tc.query, r.status, errCode(r), tc.status, tc.code, r.body)
			continue
		}
		if tc.status == 200 && r.body["date"] != tc.date {
			t.Errorf("%s: date %v, want %s", tc.query, r.body["date"], tc.date)
		}
		if tc.status != 200 {
			e := r.body["error"].(map[string]any)
			if e["field"] != tc.field || strings.IndexFunc(e["message"].(string), func(r rune) bool { return unicode.Is(unicode.Han, r) }) < 0 {
				t.Errorf("%s: error %v", tc.query, e)
			}
		}
	}
	if r := do(t, New(Config{Catalog: testCatalog(t)}), "GET", "/v1/workdays/add?from=2025-09-30&n=7", "", nil); r.status != 503 || errCode(r) != "workdays_unavailable" {
		t.Errorf("without a calendar: %d %s", r.status, errCode(r))
	}
}

func TestRedactAPI(t *testing.T) {
	s := publicationServer(t)
	body := `{"text":"当事人刘某（身份证号320102199003071212，电话025-84561234），住址南京市玄武区中山路1号，证人周芳证实。统一社会信用代码91350100M000100Y43，罚款5000元。","names":["周芳"]}`
	r := do(t, s, "POST", "/v1/redact", "application/json", []byte(body))
	if r.status != 200 {
		t.Fatalf("status %d: %v", r.status, r.body)
	}
	text := r.body["text"].(string)
	for _, leak := range []string{"320102199003071212", "84561234", "中山路1号", "周芳"} {
		if strings.Contains(text, leak) {
			t.Errorf("%s leaked: %s", leak, text)
		}
	}
	for _, keep := range []string{"91350100M000100Y43", "罚款5000元", "周某"} {
		if !strings.Contains(text, keep) {
			t.Errorf("%s masked: %s", keep, text)
		}
	}
	spans := r.body["spans"].([]any)
	if len(spans) != 4 {
		t.Fatalf("spans %v", spans)
	}
	// Spans are byte offsets into the text as sent.
	var req struct{ Text string }
	json.Unmarshal([]byte(body), &req)
	for _, sp := range spans {
		m := sp.(map[string]any)
		start, end := int(m["start"].(float64)), int(m["end"].(float64))
		if req.Text[start:end] != m["text"] {
			t.Errorf("span %v does not match %q", m, req.Text[start:end])
		}
	}
	// Nothing personal: an empty span list, not null.
	r = do(t, s, "POST", "/v1/redact", "application/json", []byte(`{"text":"罚款5000元"}`))
	if r.status != 200 || r.body["text"] != "罚款5000元" || r.body["spans"] == nil {
		t.Errorf("plain text: %d %v", r.status, r.body)
	}
}

func TestRedactAPIBadInput(t *testing.T) {
	s := publicationServer(t)
	for _, tc := range []struct {
		body        string
		status      int
		code, field string
	}{
		{``, 400, "invalid_input", "body"},
		{`{}`, 400, "invalid_input", "text"},
		{`{"text":"   "}`, 400, "invalid_input", "text"},
		{`{"text":123}`, 400, "invalid_input", "text"},
		{`{"text":"a","names":"王五"}`, 400, "invalid_input", "names"},
		{`{"text":"a","names":["王"]}`, 400, "invalid_input", "names"},
		{`{"text":"a","names":[""]}`, 400, "invalid_input", "names"},
		{`{"text":"a","extra":1}`, 400, "invalid_input", "extra"},
		{`{"text":"a\u0000b"}`, 400, "invalid_input", "text"},
		{"{\"text\":\"\xff\"}", 400, "invalid_utf8", "body"},
		{`{"text":"` + strings.Repeat("字", maxRedactRunes+1) + `"}`, 400, "invalid_input", "text"},
		{`{"text":"a","names":[` + strings.Repeat(`"王五",`, maxRedactNames) + `"王五"]}`, 400, "invalid_input", "names"},
		{`[1,2]`, 400, "invalid_input", "body"},
	} {
		r := do(t, s, "POST", "/v1/redact", "application/json", []byte(tc.body))
		e, _ := r.body["error"].(map[string]any)
		if r.status != tc.status || errCode(r) != tc.code || e["field"] != tc.field {
			t.Errorf("%.60q: %d %v, want %d %s field %s", tc.body, r.status, r.body, tc.status, tc.code, tc.field)
		}
	}
	if r := do(t, s, "POST", "/v1/redact", "text/plain", []byte(`{"text":"a"}`)); r.status != 415 {
		t.Errorf("text/plain: %d", r.status)
	}
}

// TestPublicationAPIOverTheWire: both endpoints through a real listener.
func TestPublicationAPIOverTheWire(t *testing.T) {
	s := publicationServer(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go s.App().Listener(ln)
	t.Cleanup(func() { s.App().Shutdown() })
	base := "http://" + ln.Addr().String()
	resp, err := http.Get(base + "/v1/workdays/add?from=2025-09-30&n=7")
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.Contains(raw, []byte(`"date":"2025-10-16"`)) {
		t.Errorf("workdays: %d %s", resp.StatusCode, raw)
	}
	resp, err = http.Post(base+"/v1/redact", "application/json", strings.NewReader(`{"text":"手机：+86 138 1234 5678"}`))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	var res struct {
		Text  string
		Spans []struct{ Kind, Text string }
	}
	if err := json.Unmarshal(raw, &res); err != nil || resp.StatusCode != 200 {
		t.Fatalf("redact: %d %s", resp.StatusCode, raw)
	}
	// The spans carry what was removed, for the reviewer; the text does not.
	if strings.Contains(res.Text, "1234") || len(res.Spans) != 1 || res.Spans[0].Kind != "phone" || res.Spans[0].Text != "+86 138 1234 5678" {
		t.Errorf("redact: %s", raw)
	}
}
