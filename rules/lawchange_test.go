package rules

import (
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cailiang/cailiang/legal"
)

func lawChangeCatalog(t *testing.T) *Catalog {
	t.Helper()
	c, err := Load(os.DirFS("testdata/lawchange"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestFromOldOrLighter checks 行政处罚法 第三十七条 over benchmark lines: the
// law at the time of the act, unless at decision time it changed and the
// new rule is lighter or no longer makes the act unlawful; a repeal with no
// successor benchmark is flagged for review, not silently applied.
func TestFromOldOrLighter(t *testing.T) {
	c := lawChangeCatalog(t)
	tests := []struct {
		name, id, act, decision string
		wantID                  string
		wantRange               *Range
		wantApplied             string // "" means no LawChange
		wantReview              bool
		wantDisposition         legal.Disposition
		wantInReason            []string
	}{
		{name: "assault before 2026, decided after: the 2012 article is lighter",
			id: "assault-2012", act: "2025-06-03", decision: "2026-03-10", wantID: "assault-2012",
			wantRange: &Range{200, 500}, wantApplied: AppliedAct, wantDisposition: legal.DispositionPenalty,
			wantInReason: []string{"治安管理处罚法已经修改，新的规定自2026-01-01起施行（治安管理处罚法第一百四十四条）", "不轻于", "适用违法行为发生时的规定"}},
		{name: "the line is followed from the new benchmark too",
			id: "assault-2025", act: "2025-06-03", decision: "2026-03-10", wantID: "assault-2012",
			wantRange: &Range{200, 500}, wantApplied: AppliedAct, wantDisposition: legal.DispositionPenalty},
		{name: "assault in 2026 gets the 2025 article",
			id: "assault-2012", act: "2026-03-01", decision: "2026-03-10", wantID: "assault-2025",
			wantRange: &Range{500, 1000}, wantDisposition: legal.DispositionPenalty},
		{name: "assault in 2025 decided in 2025 gets the 2012 article",
			id: "assault-2025", act: "2025-06-03", decision: "2025-08-01", wantID: "assault-2012",
			wantRange: &Range{200, 500}, wantDisposition: legal.DispositionPenalty},
		{name: "the new rule is lighter: it applies",
			id: "heavy-old", act: "2024-06-01", decision: "2025-03-01", wantID: "light-new",
			wantRange: &Range{1000, 3000}, wantApplied: AppliedDecision, wantDisposition: legal.DispositionPenalty,
			wantInReason: []string{"新的规定处罚较轻，适用新的规定"}},
		{name: "repealed with no successor benchmark: act-time law, flagged",
			id: "repealed-no-successor", act: "2026-05-01", decision: "2026-09-01", wantID: "repealed-no-successor",
			wantRange: &Range{20000, 200000}, wantApplied: AppliedAct, wantReview: true, wantDisposition: legal.DispositionPenalty,
			wantInReason: []string{"测试污染防治法已于2026-08-15被生态环境法典废止（生态环境法典第一千二百四十二条）", "尚无依据新的规定编写的裁量基准"}},
		{name: "no longer unlawful at decision: not penalised",
			id: "decriminalised", act: "2024-06-01", decision: "2025-02-01", wantID: "decriminalised",
			wantRange: &Range{100, 500}, wantApplied: AppliedDecision, wantDisposition: legal.DispositionNone,
			wantInReason: []string{"不认为是违法", "不予行政处罚"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := c.Suggest(tt.id, Facts{ActDate: tt.act, DecisionDate: tt.decision, PartyKind: "个人"})
			if err != nil {
				t.Fatal(err)
			}
			if s.BenchmarkID != tt.wantID {
				t.Errorf("benchmark %s, want %s", s.BenchmarkID, tt.wantID)
			}
			if s.Statutory == nil || *s.Statutory != *tt.wantRange {
				t.Errorf("statutory %v, want %v", s.Statutory, *tt.wantRange)
			}
			if s.Disposition != tt.wantDisposition {
				t.Errorf("disposition %s, want %s", s.Disposition, tt.wantDisposition)
			}
			if tt.wantApplied == "" {
				if s.LawChange != nil {
					t.Errorf("law change %+v, want none", s.LawChange)
				}
				return
			}
			ch := s.LawChange
			if ch == nil {
				t.Fatal("no law change")
			}
			if ch.Applied != tt.wantApplied || ch.Review != tt.wantReview || len(ch.Versions) != 2 {
				t.Errorf("applied %s review %v versions %d, want %s %v 2", ch.Applied, ch.Review, len(ch.Versions), tt.wantApplied, tt.wantReview)
			}
			for _, w := range tt.wantInReason {
				if !strings.Contains(ch.Reason, w) {
					t.Errorf("reason %q lacks %q", ch.Reason, w)
				}
			}
			if len(s.Trace) == 0 || s.Trace[0].Step != "法律适用（从旧兼从轻）" || !strings.Contains(s.Trace[0].Result, ch.Reason) {
				t.Errorf("first step %+v does not give the reason", s.Trace[0])
			}
			if !citesRef(s.Basis, legal.Ref{Law: cfl, Article: 37}) {
				t.Errorf("basis %v lacks 行政处罚法第三十七条", s.Basis)
			}
			if tt.wantReview != s.Procedure.LegalReview && tt.wantReview {
				t.Errorf("legal review %v, want %v", s.Procedure.LegalReview, tt.wantReview)
			}
		})
	}
}

func citesRef(bs []Basis, r legal.Ref) bool {
	for _, b := range bs {
		if b.Ref == r {
			return true
		}
	}
	return false
}

// TestLawChangeShowsBothVersions checks the assault case's trace names both
// articles and both ranges, as a reviewer reads them.
func TestLawChangeShowsBothVersions(t *testing.T) {
	c := lawChangeCatalog(t)
	s, err := c.Suggest("assault-2012", Facts{ActDate: "2025-06-03", DecisionDate: "2026-03-10"})
	if err != nil {
		t.Fatal(err)
	}
	text := s.Trace[0].Result
	for _, w := range []string{"违法行为发生于2025-06-03", "作出处罚决定于2026-03-10",
		"治安管理处罚法第四十三条第一款（2012-10-26起）：罚款200元至500元，行政拘留5至10日",
		"治安管理处罚法第五十一条第一款（2026-01-01起）：罚款500元至1000元，行政拘留5至10日"} {
		if !strings.Contains(text, w) {
			t.Errorf("step %q lacks %q", text, w)
		}
	}
	v := s.LawChange.Versions
	if v[0].BenchmarkID != "assault-2012" || v[1].BenchmarkID != "assault-2025" || v[1].Statutory == nil || v[1].Statutory.FineMax != 1000 {
		t.Errorf("versions %+v", v)
	}
}

// TestRepealedBeforeActIsFlagged: an act after the law was repealed gets no
// silent answer from the old benchmark.
func TestRepealedBeforeActIsFlagged(t *testing.T) {
	c := lawChangeCatalog(t)
	s, err := c.Suggest("repealed-no-successor", Facts{ActDate: "2026-09-02", DecisionDate: "2026-10-01"})
	if err != nil {
		t.Fatal(err)
	}
	if !s.Procedure.LegalReview || len(s.Warnings) == 0 || !strings.Contains(strings.Join(s.Warnings, ""), "已于2026-08-15被生态环境法典废止") {
		t.Errorf("review %v warnings %v", s.Procedure.LegalReview, s.Warnings)
	}
	var cited bool
	for _, st := range s.Trace {
		cited = cited || citesRef(st.Basis, legal.Ref{Law: "生态环境法典", Article: 1242})
	}
	if !cited {
		t.Errorf("trace %v lacks the repealing article", s.Trace)
	}
}

// TestUndatedUnchanged: without an act date no line is followed and the
// answer is the benchmark's own.
func TestUndatedUnchanged(t *testing.T) {
	c := lawChangeCatalog(t)
	for _, id := range []string{"assault-2012", "assault-2025"} {
		s, err := c.Suggest(id, Facts{})
		if err != nil {
			t.Fatal(err)
		}
		if s.BenchmarkID != id || s.LawChange != nil {
			t.Errorf("%s: got %s with change %+v", id, s.BenchmarkID, s.LawChange)
		}
	}
}

func TestDecisionBeforeActRefused(t *testing.T) {
	c := lawChangeCatalog(t)
	_, err := c.Suggest("assault-2012", Facts{ActDate: "2025-06-03", DecisionDate: "2025-06-01"})
	var fe *FactError
	if !errors.As(err, &fe) || fe.Field != "decision_date" {
		t.Errorf("err %v, want a FactError on decision_date", err)
	}
	_, err = c.Suggest("assault-2012", Facts{ActDate: "2025-06-03", DecisionDate: "2025-13-01"})
	if !errors.As(err, &fe) || fe.Field != "decision_date" {
		t.Errorf("err %v, want a FactError on decision_date", err)
	}
}

// TestWrittenFor: a benchmark without law_version was written for the
// version in force on the catalog's written_on day.
func TestWrittenFor(t *testing.T) {
	c := lawChangeCatalog(t)
	for id, want := range map[string]StatuteVersion{
		"assault-2012": {InForceOn: "2025-04-19"},
		"assault-2025": {VersionDate: "2025-06-27"},
	} {
		b, _ := c.Get(id)
		if got := c.WrittenFor(b); got != want {
			t.Errorf("%s: %+v, want %+v", id, got, want)
		}
	}
	builtin, err := LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	if builtin.Config.WrittenOn == "" {
		t.Error("the built-in catalog must say when it was written (config.yaml written_on)")
	}
	if got := c.Line(mustGet(t, c, "assault-2025")); len(got) != 2 || got[0].ID != "assault-2012" {
		t.Errorf("line %v", got)
	}
}

func mustGet(t *testing.T, c *Catalog, id string) *Benchmark {
	t.Helper()
	b, err := c.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestSuccessorLinksChecked: broken lines are load errors.
func TestSuccessorLinksChecked(t *testing.T) {
	bench := func(id, extra string) string {
		return "  - id: " + id + "\n    name: x\n    sector: 公安\n" + extra +
			"    violated: [{law: 测试法, article: 1}]\n    penalty: {law: 测试法, article: 1}\n    penalties: [{kind: 警告}]\n"
	}
	tests := map[string]struct{ body, want string }{
		"unknown successor":     {bench("a", "    effective_from: 2020-01-01\n    effective_to: 2021-01-01\n    superseded_by: zz\n"), "unknown benchmark"},
		"gap":                   {bench("a", "    effective_from: 2020-01-01\n    effective_to: 2021-01-01\n    superseded_by: b\n") + bench("b", "    effective_from: 2021-02-01\n"), "no gap or overlap"},
		"successor without end": {bench("a", "    effective_from: 2020-01-01\n    superseded_by: b\n") + bench("b", "    effective_from: 2021-02-01\n"), "need effective_to"},
		"two predecessors": {bench("a", "    effective_from: 2020-01-01\n    effective_to: 2021-01-01\n    superseded_by: c\n") +
			bench("b", "    effective_from: 2020-01-01\n    effective_to: 2021-01-01\n    superseded_by: c\n") + bench("c", "    effective_from: 2021-01-01\n"), "both superseded"},
		"bad law_version": {bench("a", "    effective_from: 2020-01-01\n    law_version: 2020\n"), "law_version"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := Load(fstest.MapFS{"x.yaml": {Data: []byte("benchmarks:\n" + tt.body)}})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err %v, want %q", err, tt.want)
			}
		})
	}
}
