package caseanalysis

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/shareddata"
	"github.com/cailiang/cailiang/rules"
)

// newDatedNormsAnalyzer is an Analyzer whose citations resolve against the
// national texts of 大气污染防治法 (2018), the 生态环境法典 that repealed it
// on 2026-08-15 and 行政处罚法, imported as an agency does: national.jsonl,
// then national_updates.jsonl.
func newDatedNormsAnalyzer(t *testing.T) *Analyzer {
	t.Helper()
	want := map[string]bool{"大气污染防治法": true, "生态环境法典": true, "行政处罚法": true}
	store, err := corpus.OpenStore(filepath.Join(t.TempDir(), "statutes.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	for _, name := range []string{"statutes_lawrefbook/national.jsonl", "statutes_lawrefbook/national_updates.jsonl"} {
		f, err := os.Open(shareddata.File(t, name))
		if err != nil {
			t.Fatal(err)
		}
		var sts []corpus.Statute
		err = corpus.ReadLawrefJSONL(f, func(st corpus.Statute) error {
			if st.Region == "" && want[st.Law] {
				sts = append(sts, st)
			}
			return nil
		})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := store.PutStatutes(sts); err != nil {
			t.Fatal(err)
		}
	}
	return newBuiltinAnalyzer(t, corpus.NewResolver(store))
}

// TestNormsOnTheActDay checks the pushed norms of the 大气污染防治法's
// benchmark for excess emissions (第九十九条, superseded by the 法典's
// eco-1107-excess-air) on four days: a 2025 act gets the law in force with
// no notice; an act before 2026-08-15 decided after it keeps the old text
// (从旧兼从轻) and names the 法典's article; a 2026-09 act is told the law
// was repealed on 2026-08-15 by the 生态环境法典 and given the successor
// article; the analysis of a 2026-09 act pushes the 法典's article as in
// force and no article of the repealed law as if it applied.
func TestNormsOnTheActDay(t *testing.T) {
	a := newDatedNormsAnalyzer(t)
	old := mustGet(t, a, "air-99-excess").PenaltyRef
	succ := mustGet(t, a, "eco-1107-excess-air").PenaltyRef
	tests := []struct {
		name, act, decision string
		status              string
		notice              []string // words the notice must hold; nil: no notice
		successor           bool
	}{
		{"2025 act", "2025-06-01", "2025-09-01", corpus.StatusInForce, nil, false},
		{"act before the 法典, decided after", "2026-07-20", "2026-10-10", corpus.StatusInForce, []string{"从旧兼从轻", "行政处罚法第三十七条", "生态环境法典第一千二百四十二条"}, true},
		{"2026-09 act", "2026-09-10", "", NormRepealed, []string{"2026年8月15日", "生态环境法典", "废止"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Result{Facts: Facts{Engine: rules.Facts{ActDate: tt.act, DecisionDate: tt.decision}}}
			ns, err := a.norms(context.Background(), res, []Violation{{BenchmarkID: "air-99-excess"}})
			if err != nil {
				t.Fatal(err)
			}
			var n *Norm
			for i := range ns {
				if ns[i].Ref == old {
					n = &ns[i]
				}
			}
			if n == nil {
				t.Fatalf("norms %+v lack %v", ns, old)
			}
			if !n.Resolved || n.Version != "2018-10-26" || !strings.Contains(n.Text, "超过大气污染物排放标准") || n.Status != tt.status {
				t.Errorf("norm %+v: want the 2018 text, status %s", n, tt.status)
			}
			for _, w := range tt.notice {
				if !strings.Contains(n.Notice, w) {
					t.Errorf("notice %q lacks %q", n.Notice, w)
				}
			}
			if tt.notice == nil && n.Notice != "" {
				t.Errorf("notice %q for an act the law applied to", n.Notice)
			}
			if got := n.Successor != nil && *n.Successor == succ && n.SuccessorLabel == rules.RefLabel(succ); got != tt.successor {
				t.Errorf("successor %v %q, want %v: %v", n.Successor, n.SuccessorLabel, tt.successor, succ)
			}
		})
	}
	res, err := a.Analyze(context.Background(), Request{ActDate: "2026-09-10",
		Facts: "某化工公司超过大气污染物排放标准排放大气污染物，颗粒物排放浓度超标1.6倍。"})
	if err != nil {
		t.Fatal(err)
	}
	penalty := false
	for _, n := range res.Norms {
		if n.Law == "大气污染防治法" && n.Status != NormRepealed {
			t.Errorf("%s pushed as %q for a 2026-09 act", n.Label, n.Status)
		}
		if n.Kind == KindPenalty && n.Law == "生态环境法典" {
			penalty = true
			if n.Status != corpus.StatusInForce || !n.Resolved || n.Notice != "" {
				t.Errorf("%+v: want the 法典 in force", n)
			}
		}
	}
	if !penalty {
		t.Errorf("norms %+v: no 处罚依据 of the 生态环境法典", res.Norms)
	}
}
