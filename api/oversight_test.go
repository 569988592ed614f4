package api

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/oversight"
	"github.com/cailiang/cailiang/synthcases"
)

// oversightViewers are the permission table's actors who see statistics
// and warnings of their own agency (or the city: the admin).
var oversightViewers = []string{"reviewer", "leader", "reviewer@other", "leader@other", "admin"}

func testOversight(t testing.TB, store casework.Store) *oversight.Index {
	t.Helper()
	ix, err := oversight.New(oversight.Config{Store: store})
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// oversightFixture is a live server over seeded synthetic cases with a
// supervising agency's reviewer, an agency's leader and an officer.
type oversightFixture struct {
	addr                        string
	batch                       synthcases.Batch
	ids                         []string
	supervisor, leader, officer string
	w                           *testWorkbench
}

func newOversightFixture(t *testing.T) *oversightFixture {
	t.Helper()
	w := newTestWorkbench(t, 0)
	now := time.Now().UTC()
	b, err := synthcases.Generate(synthcases.Config{Cases: 1500, Agencies: 4, Seed: 3, Catalog: testCatalog(t), Now: now,
		Period: oversight.Period{From: now.AddDate(-1, 0, 0), To: now}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ids, err := synthcases.Load(ctx, w.svc, w.admin, b, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := New(Config{Library: testLibrary(t, nil), Catalog: testCatalog(t), Casework: w.svc, Oversight: testOversight(t, w.store)})
	f := &oversightFixture{addr: liveServer(t, s), batch: b, ids: ids, w: w}
	token := func(id, agency string, roles ...casework.Role) string {
		if _, _, err := w.svc.AddUser(ctx, w.admin, casework.User{ID: id, Agency: agency, Roles: roles}, ""); err != nil {
			t.Fatal(err)
		}
		tok, err := w.svc.IssueToken(ctx, w.admin, id, 0)
		if err != nil {
			t.Fatal(err)
		}
		return "Bearer " + tok
	}
	f.supervisor = token("sfj.reviewer", "sim-sfj", casework.RoleReviewer)
	f.leader = token("scjg.leader", b.Agencies[0].Code, casework.RoleLeader)
	f.officer = token("scjg.officer", b.Agencies[0].Code, casework.RoleOfficer)
	return f
}

func (f *oversightFixture) get(t *testing.T, auth, target string, into any) (int, Error) {
	t.Helper()
	req, err := http.NewRequest("GET", "http://"+f.addr+target, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", auth)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		var e struct{ Error Error }
		_ = json.NewDecoder(resp.Body).Decode(&e)
		return resp.StatusCode, e.Error
	}
	if into != nil {
		if err := json.NewDecoder(resp.Body).Decode(into); err != nil {
			t.Fatal(err)
		}
	}
	return resp.StatusCode, Error{}
}

// TestOversightEndpoints: the supervising agency's reviewer sees the city
// and any agency, a leader their agency only, an officer nothing; the
// counts equal those computed from the generated batch; every planted
// anomaly is warned over HTTP.
func TestOversightEndpoints(t *testing.T) {
	f := newOversightFixture(t)
	period := "from=" + time.Now().UTC().AddDate(-2, 0, 0).Format(time.DateOnly) + "&to=" + time.Now().UTC().AddDate(0, 0, 1).Format(time.DateOnly)
	var city oversight.Report
	if st, e := f.get(t, f.supervisor, "/v1/stats?"+period, &city); st != 200 {
		t.Fatalf("supervisor, city: %d %+v", st, e)
	}
	perAgency := map[string]int{}
	for _, c := range f.batch.Cases {
		perAgency[c.Agency]++
	}
	if city.Agency != "" || city.Cases != len(f.batch.Cases) || len(city.ByAgency) != len(perAgency) {
		t.Errorf("city: agency %q, %d cases in %d agencies; generated %d in %d", city.Agency, city.Cases, len(city.ByAgency), len(f.batch.Cases), len(perAgency))
	}
	for _, row := range city.ByAgency {
		if row.N != perAgency[row.Key] {
			t.Errorf("agency %s: %d cases, generated %d", row.Key, row.N, perAgency[row.Key])
		}
	}
	other := f.batch.Agencies[1].Code
	var one oversight.Report
	if st, e := f.get(t, f.supervisor, "/v1/stats?agency="+other+"&"+period, &one); st != 200 || one.Cases != perAgency[other] {
		t.Errorf("supervisor, %s: %d %+v, %d cases; generated %d", other, st, e, one.Cases, perAgency[other])
	}
	var own oversight.Report
	if st, e := f.get(t, f.leader, "/v1/stats?"+period, &own); st != 200 || own.Agency != f.batch.Agencies[0].Code || own.Cases != perAgency[own.Agency] {
		t.Errorf("leader, default view: %d %+v, agency %q, %d cases", st, e, own.Agency, own.Cases)
	}
	if st, e := f.get(t, f.leader, "/v1/stats?agency="+other, nil); st != 403 || e.Code != "forbidden" {
		t.Errorf("leader, another agency: %d %+v; want 403", st, e)
	}
	if st, e := f.get(t, f.officer, "/v1/warnings", nil); st != 403 || e.Code != "forbidden" {
		t.Errorf("officer: %d %+v; want 403", st, e)
	}
	var ws struct {
		Warnings []oversight.Warning `json:"warnings"`
	}
	if st, e := f.get(t, f.supervisor, "/v1/warnings", &ws); st != 200 {
		t.Fatalf("warnings: %d %+v", st, e)
	}
	warned := map[string]bool{}
	for _, w := range ws.Warnings {
		for _, id := range w.Cases {
			warned[string(w.Kind)+"|"+id] = true
		}
		if !hasHan(w.Reason) || !hasHan(w.Label) {
			t.Errorf("warning without a Chinese reason or label: %+v", w)
		}
	}
	for _, p := range f.batch.Planted {
		for _, i := range p.Cases {
			if !warned[string(p.Kind)+"|"+f.ids[i]] {
				t.Errorf("planted %s on %s not warned over HTTP", p.Kind, f.ids[i])
			}
		}
	}
}

// TestOversightDownloads: CSV and XLSX answers are files with the report's numbers.
func TestOversightDownloads(t *testing.T) {
	f := newOversightFixture(t)
	for _, format := range []string{"csv", "xlsx"} {
		req, _ := http.NewRequest("GET", "http://"+f.addr+"/v1/stats?format="+format, nil)
		req.Header.Set("Authorization", f.leader)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Disposition"), "stats."+format) {
			t.Errorf("%s: %d, %q", format, resp.StatusCode, resp.Header.Get("Content-Disposition"))
		}
		if format == "xlsx" {
			x, err := excelize.OpenReader(resp.Body)
			if err != nil {
				t.Fatalf("xlsx: %v", err)
			}
			if rows, err := x.GetRows("执法统计"); err != nil || len(rows) < 10 {
				t.Errorf("xlsx rows: %d, %v", len(rows), err)
			}
			x.Close()
		}
		resp.Body.Close()
	}
}

// TestOversightHostileInput: bad parameters are 4xx in the error format
// with a Chinese message, and change nothing.
func TestOversightHostileInput(t *testing.T) {
	f := newOversightFixture(t)
	before := f.w.entryCount(t)
	for _, tt := range []struct {
		name, auth, target string
		status             int
		field              string
	}{
		{"bad month", f.supervisor, "/v1/stats?from=2025-13-01", 400, "from"},
		{"not a date", f.supervisor, "/v1/warnings?to=" + url.QueryEscape("<script>"), 400, "to"},
		{"reversed period", f.supervisor, "/v1/stats?from=2026-01-01&to=2025-01-01", 400, "to"},
		{"same day", f.supervisor, "/v1/stats?from=2026-01-01&to=2026-01-01", 400, "to"},
		{"invalid UTF-8 agency", f.supervisor, "/v1/stats?agency=%FF%FE", 400, "agency"},
		{"huge agency", f.supervisor, "/v1/warnings?agency=" + strings.Repeat("a", 5000), 400, "agency"},
		{"unknown agency", f.supervisor, "/v1/stats?agency=nowhere", 404, "agency"},
		{"hostile agency", f.supervisor, "/v1/stats?agency=" + url.QueryEscape("'; DROP TABLE cases; --"), 404, "agency"},
		{"unknown format", f.supervisor, "/v1/stats?format=pdf", 400, "format"},
		{"leader asks for an unknown agency", f.leader, "/v1/stats?agency=nowhere", 403, ""},
		{"digest of 30 February", f.supervisor, "/v1/digest?date=2026-02-30", 400, "date"},
		{"digest of a day not written YYYY-MM-DD", f.supervisor, "/v1/digest?date=" + url.QueryEscape("2026-3-1"), 400, "date"},
		{"digest of a future day", f.supervisor, "/v1/digest?date=2999-01-01", 400, "date"},
		{"digest of an unknown agency", f.supervisor, "/v1/digest?agency=nowhere", 404, "agency"},
		{"digest of a huge agency", f.supervisor, "/v1/digest?agency=" + strings.Repeat("机", 3000), 400, "agency"},
		{"digest of invalid UTF-8", f.supervisor, "/v1/digest?agency=%FF", 400, "agency"},
		{"digest for an officer", f.officer, "/v1/digest", 403, ""},
		{"digest of another agency for a leader", f.leader, "/v1/digest?agency=" + url.QueryEscape(f.batch.Agencies[1].Code), 403, ""},
		{"no token", "", "/v1/stats", 401, ""},
	} {
		st, e := f.get(t, tt.auth, tt.target, nil)
		if st != tt.status || (tt.field != "" && e.Field != tt.field) || !hasHan(e.Message) {
			t.Errorf("%s: %d %+v; want %d on field %q with a Chinese message", tt.name, st, e, tt.status, tt.field)
		}
	}
	if after := f.w.entryCount(t); after != before {
		t.Errorf("bad requests changed the record: %d → %d entries", before, after)
	}
}

// TestDigestEndpoint: the supervising agency's reviewer reads the city's
// digest and a leader their agency's, made on the fly until the day's is
// kept, then the kept one; the numbers are the oversight index's.
func TestDigestEndpoint(t *testing.T) {
	f := newOversightFixture(t)
	type answer struct {
		Kept   bool             `json:"kept"`
		Digest oversight.Digest `json:"digest"`
	}
	var city, mine answer
	if st, e := f.get(t, f.supervisor, "/v1/digest", &city); st != 200 {
		t.Fatalf("city digest: %d %+v", st, e)
	}
	if city.Kept || city.Digest.Agency != "" || city.Digest.Warnings == 0 || len(city.Digest.Deadlines) == 0 || city.Digest.Summary == "" {
		t.Errorf("city digest: kept %v, agency %q, %d warnings, %d deadlines", city.Kept, city.Digest.Agency, city.Digest.Warnings, len(city.Digest.Deadlines))
	}
	code := f.batch.Agencies[0].Code
	if st, e := f.get(t, f.leader, "/v1/digest", &mine); st != 200 || mine.Digest.Agency != code {
		t.Fatalf("leader's digest: %d %+v, agency %q", st, e, mine.Digest.Agency)
	}
	ix := testOversight(t, f.w.store)
	day := time.Now().UTC()
	want, err := ix.Fresh(context.Background(), code, day)
	if err != nil {
		t.Fatal(err)
	}
	if mine.Digest.Warnings != want.Warnings || len(mine.Digest.Deadlines) != len(want.Deadlines) || len(mine.Digest.Reviews) != len(want.Reviews) {
		t.Errorf("leader's digest %d warnings, %d deadlines, %d reviews; the index: %d, %d, %d", mine.Digest.Warnings,
			len(mine.Digest.Deadlines), len(mine.Digest.Reviews), want.Warnings, len(want.Deadlines), len(want.Reviews))
	}
	want.Summary = "保存的简报"
	doc, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	system := casework.User{ID: casework.SystemActor, Roles: []casework.Role{casework.RoleAdmin}}
	if ok, err := f.w.svc.KeepDigest(context.Background(), system, casework.Digest{Agency: code, Day: want.Day, Summary: want.Summary, Doc: doc}); err != nil || !ok {
		t.Fatalf("KeepDigest: %v %v", ok, err)
	}
	var kept answer
	if st, e := f.get(t, f.supervisor, "/v1/digest?agency="+url.QueryEscape(code)+"&date="+want.Day, &kept); st != 200 || !kept.Kept || kept.Digest.Summary != "保存的简报" {
		t.Errorf("kept digest: %d %+v kept=%v summary %q", st, e, kept.Kept, kept.Digest.Summary)
	}
}
