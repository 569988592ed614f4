package eval

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/corpus"
)

// unlabelledMarker marks the fixture lines that carry no usable label; the
// test drops them to build the fixture without them.
const unlabelledMarker = "unlabelled"

// copyFixture copies testdata files into a data folder laid out as the
// shared data is (dst path → testdata path), dropping the lines that contain
// unlabelledMarker when drop is set. It returns how many lines it dropped.
func copyFixture(t *testing.T, files map[string]string, drop bool) (dir string, dropped int) {
	t.Helper()
	dir = t.TempDir()
	for dst, src := range files {
		data, err := os.ReadFile(filepath.Join("testdata", src))
		if err != nil {
			t.Fatal(err)
		}
		if drop && !strings.HasSuffix(src, ".gz") {
			var kept [][]byte
			for _, line := range bytes.SplitAfter(data, []byte("\n")) {
				if bytes.Contains(line, []byte(unlabelledMarker)) {
					dropped++
					continue
				}
				kept = append(kept, line)
			}
			data = bytes.Join(kept, nil)
		}
		p := filepath.Join(dir, dst)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, dropped
}

// TestUnlabelledRowsSkipped runs every suite that reads a public labelled
// dataset over its fixture, which holds rows without a usable label (marked
// "unlabelled"), and over the same fixture without those rows. The run must
// succeed, count the rows in Skipped on every result, and give exactly the
// numbers of the fixture without them: a skipped row must not reach any
// statistic (IDF, LSA training, common bigrams, folds).
func TestUnlabelledRowsSkipped(t *testing.T) {
	lawbench31 := func() NormSearcher {
		return &fakeNorms{arts: []corpus.NormHit{
			art("刑法", 264, 0, true, "盗窃公私财物，数额较大的，或者多次盗窃、入户盗窃、携带凶器盗窃、扒窃的"),
			art("刑法", 266, 0, true, "诈骗公私财物，数额较大的，处三年以下有期徒刑"),
			art("刑法", 133, 1, true, "在道路上驾驶机动车，有下列情形之一的，处拘役，并处罚金：醉酒驾驶机动车的"),
			art("刑法", 234, 0, true, "故意伤害他人身体的，处三年以下有期徒刑"),
		}}
	}
	// charges adds the charge model's files to one labelled file.
	charges := func(dst, src string) map[string]string {
		return map[string]string{
			dst:                  src,
			ChargeListFile:       "charges_mini/lecard/criminal_charges.txt",
			NationalStatutesFile: "charges_mini/statutes_lawrefbook/national.jsonl",
		}
	}
	tests := []struct {
		suite string
		files map[string]string
		norms func() NormSearcher
		// skipped counts every row left out; without counts those left in
		// the fixture without the marked rows (answers of another shape,
		// 2-2's 赔偿).
		skipped, without int
	}{
		{SuiteLawBench31, map[string]string{LawBench31File: "lawbench/3-1.jsonl"}, lawbench31, 2, 1},
		{SuiteLawBench33, charges(LawBench33File, "charges_mini/lawbench/3-3.jsonl"), nil, 1, 0},
		{SuiteLeCaRDCharges, charges(LeCaRDQueries, "charges_mini/lecard/queries.jsonl"), nil, 1, 0},
		{SuiteLawBench37, map[string]string{LawBench37File: "lawbench/3-7.jsonl"}, nil, 2, 1},
		{SuiteLawBench22, map[string]string{LawBench22File: "lawbench/2-2.jsonl"}, nil, 2, 1},
		{SuiteLeCaRD, map[string]string{
			LeCaRDQueries:    "lecard_mini/lecard/queries.jsonl",
			LeCaRDPools:      "lecard_mini/lecard/pools.tsv",
			LeCaRDQrels:      "lecard_mini/lecard/qrels_top30.tsv",
			LeCaRDCandidates: "lecard_mini/lecard/candidates.jsonl.gz",
		}, nil, 1, 0},
		{SuiteSCM, map[string]string{SCMFile: "scm_mini.jsonl"}, nil, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.suite, func(t *testing.T) {
			run := func(drop bool) ([]Result, int) {
				dir, dropped := copyFixture(t, tt.files, drop)
				env := Env{DataDir: dir}
				if tt.norms != nil {
					env.Norms = tt.norms()
				}
				rs, err := Run(context.Background(), env, []string{tt.suite})
				if err != nil {
					t.Fatalf("drop unlabelled %v: %v", drop, err)
				}
				if len(rs) == 0 {
					t.Fatalf("drop unlabelled %v: no results", drop)
				}
				return rs, dropped
			}
			got, _ := run(false)
			want, dropped := run(true)
			if dropped != tt.skipped-tt.without {
				t.Fatalf("fixture has %d marked rows; want %d", dropped, tt.skipped-tt.without)
			}
			if len(got) != len(want) {
				t.Fatalf("%d results with the unlabelled rows, %d without", len(got), len(want))
			}
			for i := range got {
				g, w := got[i], want[i]
				if g.Skipped != tt.skipped || w.Skipped != tt.without {
					t.Errorf("%s/%s: skipped %d, %d without the marked rows; want %d, %d", g.Suite, g.Metric, g.Skipped, w.Skipped, tt.skipped, tt.without)
				}
				g.Skipped, w.Skipped = 0, 0
				gv, wv := g.Value, w.Value
				g.Value, w.Value = 0, 0
				if !near(gv, wv) || g.Suite != w.Suite || g.Metric != w.Metric || g.N != w.N ||
					g.BaselineNote != w.BaselineNote || (g.Baseline == nil) != (w.Baseline == nil) ||
					g.Baseline != nil && *g.Baseline != *w.Baseline {
					t.Errorf("with the unlabelled rows %+v (value %v); without %+v (value %v)", g, gv, w, wv)
				}
			}
		})
	}
}
