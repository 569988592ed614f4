package api

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/cailiang/cailiang/oversight"
)

// TestActsCountInStats: an act recorded over HTTP and acts imported from a
// CSV file with Chinese headers and labels are counted in their agency's
// statistics by category; a bad CSV line is named and nothing of the file
// is recorded.
func TestActsCountInStats(t *testing.T) {
	f := newOversightFixture(t)
	code := f.batch.Agencies[0].Code
	day := time.Now().UTC().Format(time.DateOnly)
	stats := func() map[string]int {
		t.Helper()
		var rep oversight.Report
		if st, e := f.get(t, f.leader, "/v1/stats", &rep); st != 200 {
			t.Fatalf("stats: %d %+v", st, e)
		}
		out := map[string]int{}
		for _, c := range rep.ByCategory {
			out[c.Key] = c.N
		}
		return out
	}
	before := stats()
	post := func(target string, body any) (int, Error) {
		t.Helper()
		raw, _ := json.Marshal(body)
		st, _, e := send(t, f.addr, liveRequest{"POST", target, map[string]string{"Authorization": f.leader, "Content-Type": "application/json"}, raw})
		return st, e
	}
	if st, e := post("/v1/acts", map[string]any{"acts": []map[string]any{{"category": "coercion", "date": day, "subject": "某某仓库",
		"outcome": "seal", "basis": "行政强制法第九条"}}}); st != 201 {
		t.Fatalf("record: %d %+v", st, e)
	}
	csv := "类别,日期,当事人,结果,单位\n行政检查," + day + ",甲超市,未发现问题,一所\n行政检查," + day + ",乙超市,发现问题,一所\n行政许可," + day + ",丙公司,准予行政许可,窗口\n"
	if st, e := post("/v1/acts/import", map[string]any{"csv": csv}); st != 201 {
		t.Fatalf("import: %d %+v", st, e)
	}
	bad := csv + "行政许可," + day + ",丁公司,不知道,窗口\n"
	st, e := post("/v1/acts/import", map[string]any{"csv": bad})
	if st != 400 || e.Field != "csv" || !strings.Contains(e.Message, "第 5 行") {
		t.Errorf("bad fifth line: %d %+v", st, e)
	}
	after := stats()
	for k, n := range map[string]int{"coercion": 1, "inspection": 2, "licensing": 1, "levy": 0, "penalty": 0} {
		if after[k]-before[k] != n {
			t.Errorf("%s: %d → %d, want +%d", k, before[k], after[k], n)
		}
	}
	var list struct {
		Acts []struct{ Agency, Category, Outcome string } `json:"acts"`
	}
	if st, e := f.get(t, f.leader, "/v1/acts?from="+day, &list); st != 200 {
		t.Fatalf("list: %d %+v", st, e)
	}
	n := 0
	for _, a := range list.Acts {
		if a.Agency != code {
			t.Errorf("the leader of %s lists an act of %s", code, a.Agency)
		}
		if a.Category == "inspection" && a.Outcome == "findings" {
			n++ // the label 发现问题 stored as its code
		}
	}
	if n == 0 {
		t.Errorf("imported 发现问题 not stored as findings: %+v", list.Acts)
	}
}
