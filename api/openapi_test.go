package api

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/exchange"
)

// registeredRoutes lists "METHOD /openapi/{path}" for every route the
// fiber app of s registers (HEAD routes fiber adds beside each GET left out).
func registeredRoutes(s *Server) []string {
	var out []string
	for _, r := range s.App().GetRoutes(true) {
		if r.Method == headMethod || r.Method == "CONNECT" || r.Method == "OPTIONS" || r.Method == "TRACE" {
			continue
		}
		key := r.Method + " " + openAPIPath(r.Path)
		if !slices.Contains(out, key) {
			out = append(out, key)
		}
	}
	slices.Sort(out)
	return out
}

const headMethod = "HEAD"

// TestOpenAPIMatchesRoutes: every route the server registers is in the
// document and everything the document describes is a registered route.
// When it fails it names the route and where to add it.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	lib := testLibrary(t, nil)
	s := New(Config{Library: lib, Catalog: testCatalog(t)})
	doc, err := OpenAPI("test")
	if err != nil {
		t.Fatal(err)
	}
	var documented []string
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			documented = append(documented, method+" "+path)
		}
	}
	slices.Sort(documented)
	registered := registeredRoutes(s)
	for _, r := range registered {
		if !slices.Contains(documented, r) {
			t.Errorf("route %s is registered but not in the OpenAPI document: add a row for it to apiRoutes in api/openapi.go", r)
		}
	}
	for _, d := range documented {
		if !slices.Contains(registered, d) {
			t.Errorf("the OpenAPI document describes %s, which the server does not register: remove or correct its row in apiRoutes (api/openapi.go)", d)
		}
	}
	if len(registered) < 90 {
		t.Errorf("only %d routes registered: the comparison saw too little", len(registered))
	}
}

// TestOpenAPIDocumentValid: /openapi.json answers without login, and what
// it answers is a valid OpenAPI 3.1 document (kin-openapi's validation,
// schemas included).
func TestOpenAPIDocumentValid(t *testing.T) {
	lib := testLibrary(t, nil)
	addr := liveServer(t, New(Config{Library: lib, Catalog: testCatalog(t)}))
	resp, err := http.Get("http://" + addr + "/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("GET /openapi.json: %d %s %.200s", resp.StatusCode, resp.Header.Get("Content-Type"), raw)
	}
	doc, err := openapi3.NewLoader().LoadFromData(raw)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("the document is not valid OpenAPI: %v", err)
	}
	if doc.OpenAPI != "3.1.0" || doc.Components.SecuritySchemes["bearer"] == nil || doc.Components.Schemas["ExchangeRecord"] == nil {
		t.Errorf("document: openapi %s, security %v", doc.OpenAPI, doc.Components.SecuritySchemes)
	}
	me := doc.Paths.Find("/v1/me").Get
	if me == nil || me.Security == nil || len(*me.Security) != 1 || (*me.Security)[0]["bearer"] == nil {
		t.Errorf("GET /v1/me is not documented as needing a bearer token")
	}
}

// TestOpenAPIResponses sends a sample of requests through a real server
// and validates each answer against the schema the document gives for its
// route and status: successes of every kind of body and errors in the one
// error format.
func TestOpenAPIResponses(t *testing.T) {
	f := newPermFixture(t)
	closed := f.caseAt(t, casework.StageClosed, false)
	open := f.caseAt(t, casework.StageInvestigating, false)
	doc := clientDoc(t)
	foreign := foreignFile(t, exchange.JSONL)
	importBody, _ := json.Marshal(map[string]string{"content": foreign, "note": "来自外市"})
	for _, tc := range []struct {
		actor, method, target, route string
		body                         []byte
		status                       int
	}{
		{"anonymous", "GET", "/healthz", "/healthz", nil, 200},
		{"leader", "GET", "/v1/me", "/v1/me", nil, 200},
		{"anonymous", "GET", "/v1/me", "/v1/me", nil, 401},
		{"admin", "GET", "/v1/users", "/v1/users", nil, 200},
		{"officer", "GET", "/v1/cases?queue=agency", "/v1/cases", nil, 200},
		{"officer", "GET", "/v1/cases/" + open.ID, "/v1/cases/{id}", nil, 200},
		{"officer", "GET", "/v1/cases/" + closed.ID, "/v1/cases/{id}", nil, 200},
		{"officer", "GET", "/v1/cases/nope", "/v1/cases/{id}", nil, 404},
		{"officer", "POST", "/v1/cases", "/v1/cases", []byte(`{"title":"某店无证经营案","party":{"kind":"person","name":"王某"},"facts":"无证经营。"}`), 201},
		{"officer", "PATCH", "/v1/cases/" + open.ID, "/v1/cases/{id}", []byte(`{"version":1,"facts":"x"}`), 409},
		{"officer", "GET", "/v1/cases/" + open.ID + "/timeline", "/v1/cases/{id}/timeline", nil, 200},
		{"anonymous", "GET", "/v1/transitions", "/v1/transitions", nil, 200},
		{"anonymous", "GET", "/v1/benchmarks?limit=3", "/v1/benchmarks", nil, 200},
		{"anonymous", "GET", "/v1/benchmarks/food-124-expired", "/v1/benchmarks/{id}", nil, 200},
		{"anonymous", "POST", "/v1/suggest", "/v1/suggest", []byte(`{"benchmark_id":"food-124-expired","facts":{"goods_value":20000,"cooperated":true}}`), 200},
		{"anonymous", "POST", "/v1/analyze", "/v1/analyze", []byte(`{"facts":"当事人销售超过保质期的食品，货值金额8000元，违法所得1200元。","sector":"市场监管"}`), 200},
		{"officer", "GET", "/v1/cases/" + closed.ID + "/evidence", "/v1/cases/{id}/evidence", nil, 200},
		{"officer", "GET", "/v1/cases/" + closed.ID + "/consistency", "/v1/cases/{id}/consistency", nil, 200},
		{"leader", "GET", "/v1/stats", "/v1/stats", nil, 200},
		{"leader", "GET", "/v1/warnings", "/v1/warnings", nil, 200},
		{"leader@other", "POST", "/v1/exchange/import", "/v1/exchange/import", importBody, 200},
		{"officer", "GET", "/v1/exchange/records", "/v1/exchange/records", nil, 200},
		{"officer", "GET", "/v1/exchange/export", "/v1/exchange/export", nil, 403},
		{"trainer", "GET", "/v1/exchange/records", "/v1/exchange/records", nil, 403},
	} {
		t.Run(tc.method+" "+tc.target+" as "+tc.actor, func(t *testing.T) {
			status, body := fetch(t, f.addr, strings.TrimPrefix(f.header(t, tc.actor)["Authorization"], "Bearer "), tc.method, tc.target, tc.body)
			if status != tc.status {
				t.Fatalf("%d %.300s; want %d", status, body, tc.status)
			}
			if tc.body != nil && status < 300 {
				// A request the server took must be one the document allows.
				rb := doc.Paths.Find(tc.route).GetOperation(tc.method).RequestBody
				var in any
				if rb == nil || json.Unmarshal(tc.body, &in) != nil {
					t.Fatalf("no documented request body, or the sample is not JSON")
				}
				if err := rb.Value.Content.Get("application/json").Schema.Value.VisitJSON(in, openapi3.EnableJSONSchema2020()); err != nil {
					t.Errorf("the request the server took does not match the documented request body: %v", err)
				}
			}
			schema := responseSchema(t, doc, tc.method, tc.route, status)
			var v any
			if err := json.Unmarshal(body, &v); err != nil {
				t.Fatalf("answer is not JSON: %v %.200s", err, body)
			}
			if err := schema.VisitJSON(v, openapi3.EnableJSONSchema2020(), openapi3.MultiErrors()); err != nil {
				t.Errorf("answer does not match the documented schema: %v\n%.500s", err, body)
			}
		})
	}
}

// clientDoc is the document as a client reads it: built, written as JSON
// and loaded again, so that its schemas hold what the document says, not
// the Go values it was built from.
func clientDoc(t *testing.T) *openapi3.T {
	t.Helper()
	doc, err := OpenAPI("test")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if doc, err = openapi3.NewLoader().LoadFromData(raw); err != nil {
		t.Fatal(err)
	}
	return doc
}

// responseSchema is the documented JSON schema of an answer: the exact
// status's, else its class's (4XX).
func responseSchema(t *testing.T, doc *openapi3.T, method, route string, status int) *openapi3.Schema {
	t.Helper()
	item := doc.Paths.Find(route)
	if item == nil || item.GetOperation(method) == nil {
		t.Fatalf("%s %s is not documented", method, route)
	}
	op := item.GetOperation(method)
	r := op.Responses.Status(status)
	if r == nil {
		r = op.Responses.Value(fmt.Sprintf("%dXX", status/100))
	}
	if r == nil || r.Value == nil || r.Value.Content.Get("application/json") == nil {
		t.Fatalf("%s %s documents no JSON answer for %d", method, route, status)
	}
	s := r.Value.Content.Get("application/json").Schema
	if s.Value == nil {
		t.Fatalf("%s %s %d: unresolved schema %s", method, route, status, s.Ref)
	}
	return s.Value
}

// TestOpenAPISchemasBite: the validation above can fail — answers of the
// wrong shape are refused by the documented schemas.
func TestOpenAPISchemasBite(t *testing.T) {
	doc := clientDoc(t)
	for _, tc := range []struct {
		method, route string
		status        int
		body          string
	}{
		{"GET", "/v1/me", 401, `{"error":{"message":"没有代码"}}`},
		{"GET", "/v1/me", 401, `{"code":"unauthenticated"}`},
		{"GET", "/v1/cases/{id}", 200, `{"case":{"id":1}}`},
		{"GET", "/v1/cases/{id}", 200, `{"case":{"stage":"closed","officers":"oa"}}`},
		{"GET", "/v1/exchange/records", 200, `{"records":[{"decision":{"fine":"5000"}}]}`},
		{"POST", "/v1/exchange/import", 200, `{"added":"1"}`},
		{"POST", "/v1/exchange/import", 200, `{"added":1}`},
		{"GET", "/v1/me", 200, `{}`},
		{"GET", "/v1/cases/{id}", 200, `{"case":{"id":"scjg-2026-000001"}}`},
		{"GET", "/v1/warnings", 200, `{"warnings":[{"cases":"a"}]}`},
		{"GET", "/readyz", 200, `{}`},
		{"POST", "/v1/login", 200, `{"token":"clt_x","user":{"id":"oa"}}`},
		{"GET", "/v1/acts", 200, `{"acts":[{"date":1}]}`},
		{"GET", "/v1/notifications", 200, `{"notifications":[],"unread":"3"}`},
		{"GET", "/v1/cases/{id}/documents", 200, `{"case_id":"x","stage":"closed","documents":[{"can_issue":"yes"}]}`},
		{"GET", "/v1/transcriptions", 200, `{"transcriptions":{}}`},
		{"POST", "/v1/citations/resolve", 200, `{"results":[{"input":1}]}`},
		{"GET", "/v1/norms/search", 200, `{"hits":"none"}`},
		{"GET", "/v1/public/decisions", 200, `{"decisions":[],"more":false,"limit":"20","offset":0}`},
		{"GET", "/v1/training/collections/{cid}", 200, `[]`},
	} {
		var v any
		if err := json.Unmarshal([]byte(tc.body), &v); err != nil {
			t.Fatal(err)
		}
		if err := responseSchema(t, doc, tc.method, tc.route, tc.status).VisitJSON(v, openapi3.EnableJSONSchema2020()); err == nil {
			t.Errorf("%s %s %d accepts %s", tc.method, tc.route, tc.status, tc.body)
		}
	}
}

// TestOpenAPIEveryAnswerDescribed: no route but /openapi.json itself
// describes its answer or its request as any JSON, and every JSON body the
// document describes has a shape (a type), so an integrator can rely on
// it; TestOpenAPIEveryRoute checks the shapes against real answers.
func TestOpenAPIEveryAnswerDescribed(t *testing.T) {
	for _, r := range apiRoutes() {
		name := r.method + " " + r.path
		if r.req == anyJSON {
			t.Errorf("%s: the request body is any JSON; give its row the Go type the handler decodes", name)
		}
		if r.path == "/openapi.json" {
			continue
		}
		if r.resp == anyJSON || (r.resp == nil && r.media == "") {
			t.Errorf("%s: the answer is not described; give its row the Go type the handler encodes", name)
		}
	}
	doc := clientDoc(t)
	var shapeless func(s *openapi3.SchemaRef) bool
	shapeless = func(s *openapi3.SchemaRef) bool {
		if s == nil || s.Value == nil {
			return true
		}
		if len(s.Value.AnyOf) > 0 {
			return slices.ContainsFunc(s.Value.AnyOf, shapeless) // each shape has a type
		}
		return s.Value.Type == nil || len(*s.Value.Type) == 0
	}
	for path, item := range doc.Paths.Map() {
		if path == "/openapi.json" {
			continue
		}
		for method, op := range item.Operations() {
			for status, resp := range op.Responses.Map() {
				if mt := resp.Value.Content.Get("application/json"); mt != nil && shapeless(mt.Schema) {
					t.Errorf("%s %s %s: the JSON answer has no type", method, path, status)
				}
			}
			if op.RequestBody == nil {
				continue
			}
			for media, mt := range op.RequestBody.Value.Content {
				if shapeless(mt.Schema) {
					t.Errorf("%s %s: the %s request has no type", method, path, media)
				}
			}
		}
	}
}

// TestOpenAPIUndocumentedFields: the check TestOpenAPIEveryRoute makes of
// every answer finds the fields an answer has and its schema does not
// name, at any depth, and nothing in an answer of the documented shape.
func TestOpenAPIUndocumentedFields(t *testing.T) {
	doc := clientDoc(t)
	for _, tc := range []struct {
		method, route, body string
		want                []string
	}{
		{"GET", "/v1/me", `{"id":"oa","zzz":1}`, []string{".zzz"}},
		{"GET", "/v1/cases/{id}", `{"case":{"id":"x","party":{"name":"王某","secret":"x"}}}`, []string{".case.party.secret"}},
		{"GET", "/v1/acts", `{"acts":[{"id":"a"},{"id":"b","extra":true}]}`, []string{".acts[].extra"}},
		{"GET", "/v1/me", `{"id":"oa","roles":["officer"]}`, nil},
		{"GET", "/v1/notifications", `{"notifications":[],"unread":0}`, nil},
	} {
		var v any
		if err := json.Unmarshal([]byte(tc.body), &v); err != nil {
			t.Fatal(err)
		}
		got := undocumented(responseSchema(t, doc, tc.method, tc.route, 200), v, "")
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s %s %s: undocumented %v; want %v", tc.method, tc.route, tc.body, got, tc.want)
		}
	}
}
