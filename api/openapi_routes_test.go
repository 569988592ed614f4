package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/speech"
)

// apiCall is one request of TestOpenAPIEveryRoute and the status it must
// get.
type apiCall struct {
	name, actor           string
	method, target, ctype string
	body                  []byte
	status                int
	// server is the address to call when not the fixture's.
	server string
}

// TestOpenAPIEveryRoute is the document's acceptance: a successful call of
// every route through a real server (the permission table's fixture: a
// real store, real users and tokens) whose answer must match what the
// document says of that route and status — the JSON schema, or for files
// and pages the media type — and whose JSON request body must match the
// documented request body. The calls are the permission table's rows (the
// first actor allowed) and openAPICalls for the routes it does not reach;
// a route no call reached fails the test by name.
func TestOpenAPIEveryRoute(t *testing.T) {
	f := newPermFixture(t)
	doc := clientDoc(t)
	reached := map[string]bool{}
	run := func(t *testing.T, c apiCall) []byte {
		t.Helper()
		status, ctype, raw := exchangeCall(t, f, c)
		if status != c.status {
			t.Fatalf("%s %s as %s: %d %.300s; want %d", c.method, c.target, c.actor, status, raw, c.status)
		}
		route := documentedRoute(doc, c.method, c.target)
		if route == "" {
			t.Fatalf("%s %s matches no documented route", c.method, c.target)
		}
		op := doc.Paths.Find(route).GetOperation(c.method)
		if c.ctype == "application/json" && len(c.body) > 0 {
			checkRequestBody(t, op, c.body)
		}
		if strings.HasPrefix(c.ctype, "multipart/form-data") {
			checkForm(t, op, c.ctype, c.body)
		}
		checkQuery(t, op, c.target)
		checkSecurity(t, f, op, c)
		checkAnswer(t, op, status, ctype, raw)
		if !t.Failed() {
			reached[c.method+" "+route] = true
		}
		return raw
	}
	for _, row := range permRows() {
		if row.ok >= 300 || len(row.allow) == 0 {
			continue
		}
		t.Run("table/"+row.name, func(t *testing.T) {
			method, target, ct, body := row.req(t, f)
			run(t, apiCall{name: row.name, actor: row.allow[0], method: method, target: target, ctype: ct, body: body, status: row.ok})
		})
	}
	openAPICalls(t, f, func(c apiCall) (raw []byte) {
		t.Run(c.name, func(t *testing.T) { raw = run(t, c) })
		return raw
	})
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			if !reached[method+" "+path] {
				t.Errorf("%s %s: no successful call checked its answer against the document; add one to openAPICalls (api/openapi_routes_test.go)", method, path)
			}
		}
	}
}

// exchangeCall sends c as its actor and returns the status, the answer's
// media type and its body.
func exchangeCall(t *testing.T, f *permFixture, c apiCall) (int, string, []byte) {
	t.Helper()
	addr := f.addr
	if c.server != "" {
		addr = c.server
	}
	header := f.header(t, c.actor)
	if c.ctype != "" {
		header["Content-Type"] = c.ctype
	}
	status, h, raw := roundTrip(t, addr, c.method, c.target, header, c.body)
	media, _, _ := mime.ParseMediaType(h.Get("Content-Type"))
	return status, media, raw
}

// roundTrip sends one request with a real client (a nil body: none) and
// returns the status, the headers and the body.
func roundTrip(t *testing.T, addr, method, target string, header map[string]string, body []byte) (int, http.Header, []byte) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, "http://"+addr+target, rd)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, raw
}

// documentedRoute is the documented path a request's target falls under:
// of the paths with the method whose segments match, the one with the most
// literal segments (GET /v1/cases/search before /v1/cases/{id}).
func documentedRoute(doc *openapi3.T, method, target string) string {
	path, _, _ := strings.Cut(target, "?")
	segs := strings.Split(path, "/")
	best, bestLit := "", -1
	for tmpl, item := range doc.Paths.Map() {
		if item.GetOperation(method) == nil {
			continue
		}
		ts := strings.Split(tmpl, "/")
		if len(ts) != len(segs) {
			continue
		}
		lit, ok := 0, true
		for i, s := range ts {
			if strings.HasPrefix(s, "{") {
				ok = ok && segs[i] != ""
				continue
			}
			ok = ok && s == segs[i]
			lit++
		}
		if ok && lit > bestLit {
			best, bestLit = tmpl, lit
		}
	}
	return best
}

// checkQuery fails when a request the server took has a query parameter
// the document does not describe, or one whose value is not of the
// documented type.
func checkQuery(t *testing.T, op *openapi3.Operation, target string) {
	t.Helper()
	_, rawQuery, _ := strings.Cut(target, "?")
	values, err := url.ParseQuery(rawQuery)
	if err != nil {
		t.Fatalf("query %q: %v", rawQuery, err)
	}
	for name, vs := range values {
		p := op.Parameters.GetByInAndName(openapi3.ParameterInQuery, name)
		if p == nil {
			t.Errorf("query parameter %s is not documented", name)
			continue
		}
		var v any = vs[0]
		switch {
		case p.Schema.Value.Type.Is("integer"), p.Schema.Value.Type.Is("number"):
			if v, err = strconv.ParseFloat(vs[0], 64); err != nil {
				t.Errorf("query parameter %s=%s: not a number", name, vs[0])
				continue
			}
		case p.Schema.Value.Type.Is("boolean"):
			if v, err = strconv.ParseBool(vs[0]); err != nil {
				t.Errorf("query parameter %s=%s: not a boolean", name, vs[0])
				continue
			}
		}
		if err := p.Schema.Value.VisitJSON(v, openapi3.EnableJSONSchema2020()); err != nil {
			t.Errorf("query parameter %s=%s does not match the document: %v", name, vs[0], err)
		}
	}
}

// checkSecurity fails when the document's word on a token is not what the
// server does: a route documented as needing one answered without, or
// answers the same request without one other than 401.
func checkSecurity(t *testing.T, f *permFixture, op *openapi3.Operation, c apiCall) {
	t.Helper()
	bearer := op.Security != nil && len(*op.Security) > 0
	switch {
	case bearer && c.actor == "anonymous":
		t.Errorf("documented as needing a token, but answered %d without one", c.status)
	case bearer:
		anon := c
		anon.actor = "anonymous"
		if status, _, raw := exchangeCall(t, f, anon); status != http.StatusUnauthorized {
			t.Errorf("documented as needing a token; without one: %d %.200s", status, raw)
		}
	}
}

// checkForm fails when a multipart upload the server took has a part the
// document does not name, or lacks one it requires.
func checkForm(t *testing.T, op *openapi3.Operation, ctype string, body []byte) {
	t.Helper()
	if op.RequestBody == nil || op.RequestBody.Value.Content.Get("multipart/form-data") == nil {
		t.Errorf("the server took a multipart upload the document does not describe")
		return
	}
	s := op.RequestBody.Value.Content.Get("multipart/form-data").Schema.Value
	_, params, err := mime.ParseMediaType(ctype)
	if err != nil {
		t.Fatal(err)
	}
	r := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	var parts []string
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, p.FormName())
		if s.Properties[p.FormName()] == nil {
			t.Errorf("the upload's part %q is not documented", p.FormName())
		}
	}
	for _, name := range s.Required {
		if !slices.Contains(parts, name) {
			t.Errorf("the document requires part %q, which the upload the server took lacks", name)
		}
	}
}

// checkRequestBody fails when a JSON body the server took is not one the
// document allows.
func checkRequestBody(t *testing.T, op *openapi3.Operation, body []byte) {
	t.Helper()
	if op.RequestBody == nil || op.RequestBody.Value.Content.Get("application/json") == nil {
		t.Errorf("the server took a JSON body the document does not describe: %.200s", body)
		return
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("request body is not JSON: %v", err)
	}
	s := op.RequestBody.Value.Content.Get("application/json").Schema.Value
	if err := s.VisitJSON(v, openapi3.EnableJSONSchema2020(), openapi3.MultiErrors()); err != nil {
		t.Errorf("the request the server took does not match the documented request body: %v\n%.300s", err, body)
	}
}

// checkAnswer fails when an answer is not what the document says of its
// status: a JSON body of the documented schema, or a documented media type.
func checkAnswer(t *testing.T, op *openapi3.Operation, status int, media string, raw []byte) {
	t.Helper()
	r := op.Responses.Status(status)
	if r == nil || r.Value == nil {
		t.Fatalf("status %d is not documented", status)
	}
	var documented []string
	for m := range r.Value.Content {
		documented = append(documented, m)
	}
	if !slices.Contains(documented, media) {
		t.Fatalf("answered %s; the document says %v", media, documented)
	}
	mt := r.Value.Content.Get(media)
	if media != "application/json" {
		if len(raw) == 0 {
			t.Errorf("empty %s answer", media)
		}
		return
	}
	if mt.Schema == nil || mt.Schema.Value == nil {
		t.Fatalf("no schema for the JSON answer")
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("answer is not JSON: %v %.200s", err, raw)
	}
	if err := mt.Schema.Value.VisitJSON(v, openapi3.EnableJSONSchema2020(), openapi3.MultiErrors()); err != nil {
		t.Errorf("answer does not match the documented schema: %v\n%.600s", err, raw)
	}
	// The schemas allow more properties (a client must not break when the
	// API grows), so the fields the answer has and the document does not
	// name are looked for here: a field a handler writes is documented.
	if extra := undocumented(mt.Schema.Value, v, ""); len(extra) > 0 {
		slices.Sort(extra)
		t.Errorf("answer has fields the document does not name: %v", slices.Compact(extra))
	}
}

// undocumented lists where value v has an object key that schema s does
// not declare (array indexes as [], so each place is named once).
func undocumented(s *openapi3.Schema, v any, at string) []string {
	if s == nil {
		return nil
	}
	for _, alt := range append(slices.Clone(s.AnyOf), s.OneOf...) {
		// The fields of the shape the value has.
		if alt.Value.VisitJSON(v, openapi3.EnableJSONSchema2020()) == nil {
			return undocumented(alt.Value, v, at)
		}
	}
	var out []string
	switch x := v.(type) {
	case map[string]any:
		if len(s.Properties) == 0 {
			// A map: every value by the schema of additional properties.
			if ap := s.AdditionalProperties.Schema; ap != nil {
				for k, e := range x {
					out = append(out, undocumented(ap.Value, e, at+"."+k)...)
				}
			}
			return out
		}
		for k, e := range x {
			p, ok := s.Properties[k]
			if !ok {
				out = append(out, at+"."+k)
				continue
			}
			out = append(out, undocumented(p.Value, e, at+"."+k)...)
		}
	case []any:
		if s.Items != nil {
			for _, e := range x {
				out = append(out, undocumented(s.Items.Value, e, at+"[]")...)
			}
		}
	}
	return out
}

// openAPICalls makes, through call, the successful calls of the routes the
// permission table does not reach: the public ones (pages, norms,
// benchmarks, analysis, transcriptions) and the few workbench routes it
// only refuses. A call that needs an earlier answer (a transcription's ID)
// reads it from what call returned.
func openAPICalls(t *testing.T, f *permFixture, call func(apiCall) []byte) {
	j := "application/json"
	get := func(name, target string) []byte {
		return call(apiCall{name: name, actor: "anonymous", method: "GET", target: target, status: 200})
	}
	post := func(name, target, body string) []byte {
		return call(apiCall{name: name, actor: "anonymous", method: "POST", target: target, ctype: j, body: []byte(body), status: 200})
	}
	for _, page := range []string{"/openapi.json", "/", "/workbench", "/workbench/transcripts.js", "/workbench/publication.js",
		"/workbench/discuss", "/stats", "/digest", "/acts", "/oversight.css", "/oversight.js", "/public", "/public/decisions.rss"} {
		get("page "+page, page)
	}
	get("healthz", "/healthz")
	get("readyz", "/readyz")
	// A server still loading its data answers both in their other shape.
	loading := NewLoading(Config{Version: "test"})
	loading.SetProgress("索引", 3, 10)
	loadingAddr := liveServer(t, loading)
	call(apiCall{name: "healthz while loading", actor: "anonymous", method: "GET", target: "/healthz", status: 200, server: loadingAddr})
	call(apiCall{name: "readyz while loading", actor: "anonymous", method: "GET", target: "/readyz", status: 503, server: loadingAddr})

	// Norms and the case library (the test library: 食品安全法 第一百二十二条、第一百二十四条).
	get("norm search", "/v1/norms/search?mode=bm25&limit=5&q="+url.QueryEscape("罚款"))
	get("norm article", "/v1/norms/"+url.PathEscape("食品安全法")+"/124")
	post("resolve citations", "/v1/citations/resolve", `{"citations":["食品安全法第一百二十四条","食品安全法第九百条"],"text":"依据《食品安全法》第一百二十二条"}`)
	get("statute status", "/v1/statutes/status")
	libCase := strings.Replace(validCase, `"id":"api-1"`, `"id":"openapi-1"`, 1)
	call(apiCall{name: "import a library case", actor: "admin", method: "POST", target: "/v1/library/cases", ctype: j, body: []byte("[" + libCase + "]"), status: 201})
	get("library case", "/v1/library/cases/openapi-1")
	get("library search, old path", "/v1/cases/search?sector="+url.QueryEscape("市场监管")+"&q="+url.QueryEscape("过期食品"))

	// Benchmarks, suggestion, analysis, drafts, redaction, working days.
	get("benchmarks", "/v1/benchmarks?q="+url.QueryEscape("过期")+"&limit=3")
	get("benchmark", "/v1/benchmarks/food-124-expired")
	post("suggest", "/v1/suggest", `{"benchmark_id":"food-124-expired","facts":{"goods_value":20000,"cooperated":true}}`)
	post("analyze", "/v1/analyze", `{"facts":"当事人销售超过保质期的食品，货值金额8000元，违法所得1200元。","sector":"市场监管"}`)
	post("draft a document", "/v1/documents/draft/decision.docx", `{"facts":"当事人某某超市有限公司销售超过保质期的饼干10袋，货值金额共计260元，违法所得35元。","sector":"市场监管",`+
		`"document":{"date":"2024-05-01","party":{"kind":"organisation","name":"某某超市有限公司","address":"某市某路1号"},`+
		`"agency":{"name":"某市市场监督管理局","review_body":"某市人民政府","court":"某市某区人民法院"}}}`)
	post("redact", "/v1/redact", `{"text":"当事人王小明，身份证号340504198506151234，电话13812345678。","names":["李大伟"]}`)
	// The fixture has no working-day calendar (its documents count days as
	// they did before one existed); a server with one answers this.
	call(apiCall{name: "working days", actor: "anonymous", method: "GET", target: "/v1/workdays/add?from=2026-03-02&n=7", status: 200,
		server: liveServer(t, New(Config{Catalog: testCatalog(t), Calendar: testCalendar(t)}))})

	// The file of an issued version.
	dc := f.decidedCase(t)
	var issued casework.IssuedDocument
	_ = json.Unmarshal(call(apiCall{name: "issue a decision", actor: "officer", method: "POST", target: "/v1/cases/" + dc.ID + "/documents/decision",
		ctype: j, body: []byte(`{}`), status: 201}), &issued)
	call(apiCall{name: "issued version file", actor: "officer", method: "GET",
		target: "/v1/cases/" + dc.ID + "/documents/decision/versions/" + strconv.Itoa(issued.Version) + ".docx", status: 200})
	// A case with nothing filled in: the refusal names every failed check.
	bare := f.caseAt(t, casework.StageDecided, false)
	call(apiCall{name: "issue refused", actor: "officer", method: "POST", target: "/v1/cases/" + bare.ID + "/documents/decision",
		ctype: j, body: []byte(`{}`), status: 422})

	// Login with a password (the fixture's users have none).
	if _, _, err := f.w.svc.AddUser(context.Background(), f.w.admin, casework.User{ID: "openapi-login", Name: "登录用户", Agency: "scjg",
		Roles: []casework.Role{casework.RoleOfficer}}, "openapi-login-password-2026"); err != nil {
		t.Fatal(err)
	}
	post("login", "/v1/login", `{"user":"openapi-login","password":"openapi-login-password-2026"}`)

	// An uploaded recording: queued, transcribed, edited and approved, analysed.
	body, ctype := multipartBody(t, "file", "询问录音.wav", permRecording.wav)
	var job struct {
		ID     string `json:"id"`
		Status string `json:"status"`
	}
	_ = json.Unmarshal(call(apiCall{name: "upload a recording", actor: "anonymous", method: "POST", target: "/v1/transcriptions", ctype: ctype, body: body, status: 202}), &job)
	if job.ID == "" {
		t.Fatal("no transcription job")
	}
	for deadline := time.Now().Add(time.Minute); job.Status != speech.StatusDone; time.Sleep(50 * time.Millisecond) {
		if job.Status == speech.StatusFailed || time.Now().After(deadline) {
			t.Fatalf("transcription %s: %s", job.ID, job.Status)
		}
		_ = json.Unmarshal(get("transcription", "/v1/transcriptions/"+job.ID), &job)
	}
	get("transcriptions", "/v1/transcriptions")
	call(apiCall{name: "edit a transcription", actor: "anonymous", method: "POST", target: "/v1/transcriptions/" + job.ID + "/versions", ctype: j,
		body: []byte(`{"editor":"李明","speakers":["问"],"approve":true}`), status: 201})
	post("analyze a transcription", "/v1/transcriptions/"+job.ID+"/analyze", `{"sector":"市场监管"}`)
}
