package api

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/corpus"
)

// importRepeal adds a law the repeal table names and the law that repeals
// it, as their texts would be imported.
func importRepeal(t *testing.T, lib *corpus.Library) {
	t.Helper()
	var sts []corpus.Statute
	for _, d := range []struct{ id, law, date, text string }{
		{"dq", "大气污染防治法", "2018-10-26", "# 中华人民共和国大气污染防治法\n<!-- INFO END -->\n第九十九条 违反本法规定，未依法取得排污许可证排放大气污染物的，处十万元以上一百万元以下的罚款。\n\n第一百二十九条 本法自2016年1月1日起施行。"},
		{"code", "生态环境法典", "2026-03-12", "# 中华人民共和国生态环境法典\n2026年8月15日 施行\n<!-- INFO END -->\n第一千二百四十二条 本法自2026年8月15日起施行。《中华人民共和国大气污染防治法》同时废止。"},
	} {
		st, err := corpus.ParseStatuteMarkdown(corpus.StatuteMeta{ID: d.id, Law: d.law, Category: "行政法", VersionDate: d.date}, d.text)
		if err != nil {
			t.Fatal(err)
		}
		sts = append(sts, st)
	}
	src := func(fn func(corpus.Statute) error) error {
		for _, st := range sts {
			if err := fn(st); err != nil {
				return err
			}
		}
		return nil
	}
	if _, err := lib.ImportStatutes(context.Background(), src); err != nil {
		t.Fatal(err)
	}
}

func TestResolveOnADate(t *testing.T) {
	lib := testLibrary(t, nil)
	importRepeal(t, lib)
	s := New(Config{Library: lib, Catalog: testCatalog(t), Version: "test"})
	body := `{"citations":["大气污染防治法第九十九条","食品安全法第124条"],"date":"%s"}`
	for _, tt := range []struct {
		date                 string
		wantStatus, wantTo   string
		wantRepealed, wantFS bool
	}{
		{"2026-09-01", corpus.StatusRepealed, "2026-08-15", true, true},
		{"2025-06-01", corpus.StatusInForce, "2026-08-15", false, true},
		{"2020-01-01", corpus.StatusInForce, "2026-08-15", false, false}, // 食品安全法 2021 not yet in force
	} {
		r := do(t, s, "POST", "/v1/citations/resolve", "application/json", []byte(fmt.Sprintf(body, tt.date)))
		results, _ := r.body["results"].([]any)
		if r.status != 200 || len(results) != 2 {
			t.Fatalf("resolve on %s: %d %v", tt.date, r.status, r.body)
		}
		res, _ := results[0].(map[string]any)["resolved"].(map[string]any)
		if res == nil || res["status"] != tt.wantStatus || res["in_force_to"] != tt.wantTo || res["in_force_from"] != "2018-10-26" || res["date"] != tt.date {
			t.Errorf("大气污染防治法 on %s: %v", tt.date, results[0])
			continue
		}
		rep, _ := res["repealed_by"].(map[string]any)
		succ, _ := res["successor"].(map[string]any)
		notice, _ := res["notice"].(string)
		if rep == nil || rep["by"] != "生态环境法典" || rep["date"] != "2026-08-15" {
			t.Errorf("大气污染防治法 on %s: repealed_by %v", tt.date, rep)
		}
		if tt.wantRepealed != (succ != nil && succ["law"] == "生态环境法典" && strings.Contains(notice, "被《生态环境法典》废止")) {
			t.Errorf("大气污染防治法 on %s: successor %v notice %q", tt.date, succ, notice)
		}
		fs := results[1].(map[string]any)
		if tt.wantFS != (fs["resolved"] != nil) {
			t.Errorf("食品安全法 on %s: %v", tt.date, fs)
		}
		if !tt.wantFS {
			e, _ := fs["error"].(map[string]any)
			if e["code"] != "not_in_force" || !strings.Contains(fmt.Sprint(e["message"]), "《食品安全法》在2020年1月1日尚未施行") {
				t.Errorf("食品安全法 before its first version: %v", e)
			}
		}
	}
	r := do(t, s, "GET", "/v1/norms/"+"%E5%A4%A7%E6%B0%94%E6%B1%A1%E6%9F%93%E9%98%B2%E6%B2%BB%E6%B3%95/99?date=2026-09-01", "", nil)
	if r.status != 200 || r.body["status"] != corpus.StatusRepealed {
		t.Errorf("norm article after the repeal: %d %v", r.status, r.body)
	}
}

func TestStatuteStatus(t *testing.T) {
	lib := testLibrary(t, nil)
	importRepeal(t, lib)
	s := New(Config{Library: lib, Catalog: testCatalog(t), Version: "test"})
	r := do(t, s, "GET", "/v1/statutes/status?date=2026-12-03", "", nil)
	if r.status != 200 || r.body["date"] != "2026-12-03" {
		t.Fatalf("status: %d %v", r.status, r.body)
	}
	byLaw := map[string]map[string]any{}
	for _, l := range r.body["laws"].([]any) {
		m := l.(map[string]any)
		byLaw[m["law"].(string)] = m
	}
	if fs := byLaw["食品安全法"]; fs == nil || fs["status"] != corpus.LawInForce || fs["status_text"] != "现行有效" || fs["version"].(map[string]any)["statute_id"] != "fs" {
		t.Errorf("食品安全法: %v", fs)
	}
	if dq := byLaw["大气污染防治法"]; dq == nil || dq["status"] != corpus.LawRepealed || dq["status_text"] != "已废止" {
		t.Errorf("大气污染防治法: %v", dq)
	}
	if hb := byLaw["水污染防治法"]; hb == nil || hb["status"] != corpus.LawNotImported {
		t.Errorf("水污染防治法 (not imported): %v", hb)
	}
	repealed, _ := r.body["repealed"].([]any)
	if len(repealed) != 1 {
		t.Fatalf("repealed: %v", r.body["repealed"])
	}
	rep := repealed[0].(map[string]any)["repealed_by"].(map[string]any)
	if rep["by"] != "生态环境法典" || rep["date"] != "2026-08-15" || rep["provision"] != "第一千二百四十二条" {
		t.Errorf("repealed_by: %v", rep)
	}
	// Before the code took effect the old law is still in force.
	r = do(t, s, "GET", "/v1/statutes/status?date=2026-01-01", "", nil)
	for _, l := range r.body["laws"].([]any) {
		m := l.(map[string]any)
		switch m["law"] {
		case "大气污染防治法":
			if m["status"] != corpus.LawInForce {
				t.Errorf("大气污染防治法 on 2026-01-01: %v", m)
			}
		case "生态环境法典":
			if m["status"] != corpus.LawNotInForce || m["upcoming"] == nil {
				t.Errorf("生态环境法典 on 2026-01-01: %v", m)
			}
		}
	}
	if r := do(t, s, "GET", "/v1/statutes/status?date=2026-02-30", "", nil); r.status != 400 || errCode(r) != "invalid_input" {
		t.Errorf("bad date: %d %v", r.status, r.body)
	}
}
