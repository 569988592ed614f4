package eval

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/cailiang/cailiang/nlp"
)

// TestSCMFixtureSymmetric scores four synthetic triplets where B is plainly
// the similar case, then the same triplets with B and C swapped: every
// method must get the first set right and the swapped set wrong, which
// fails if scoring depends on position rather than on the texts.
func TestSCMFixtureSymmetric(t *testing.T) {
	ts, skipped, err := readSCM(filepath.Join("testdata", "scm_mini.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if skipped != 1 {
		t.Errorf("skipped %d triplets; want the fixture's one unlabelled", skipped)
	}
	swapped := make([]scmTriplet, len(ts))
	for i, x := range ts {
		swapped[i] = scmTriplet{a: x.a, b: x.c, c: x.b}
	}
	ctx := context.Background()
	seg := nlp.RuneSegmenter{}
	rs, err := scoreSCM(ctx, Env{}, ts, seg, "RuneSegmenter")
	if err != nil {
		t.Fatal(err)
	}
	sw, err := scoreSCM(ctx, Env{}, swapped, seg, "RuneSegmenter")
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 3 || len(sw) != 3 {
		t.Fatalf("got %d and %d results, want 3 each", len(rs), len(sw))
	}
	for i := range rs {
		if rs[i].N != 4 || rs[i].Baseline == nil || *rs[i].Baseline != 0.5 {
			t.Errorf("%s: n %d, baseline %v; want 4 and chance 0.5", rs[i].Metric, rs[i].N, rs[i].Baseline)
		}
		if !near(rs[i].Value+sw[i].Value, 1) {
			t.Errorf("%s: %.3f on the triplets and %.3f swapped; they must add to 1", rs[i].Metric, rs[i].Value, sw[i].Value)
		}
	}
	if got := resultMap(rs)["cail2019-scm/accuracy/tfidf"].Value; got != 1 {
		t.Errorf("tfidf accuracy = %v, want 1 on plain triplets", got)
	}
}

func TestReadSCMBadInput(t *testing.T) {
	p := filepath.Join(t.TempDir(), "t.jsonl")
	for _, s := range []string{`{"A":"x","B":"y"}`, `{broken`, ""} {
		if err := os.WriteFile(p, []byte(s+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, _, err := readSCM(p); !errors.Is(err, ErrBadRow) {
			t.Errorf("%q: err = %v, want ErrBadRow", s, err)
		}
	}
}

// TestReadSCMLabels checks that the labelled candidate ends up in b (label C
// swaps B and C) and that a triplet without label B or C is skipped and
// counted, not fatal.
func TestReadSCMLabels(t *testing.T) {
	p := filepath.Join(t.TempDir(), "t.jsonl")
	in := `{"A":"a1","B":"b1","C":"c1","label":"B"}
{"A":"a2","B":"b2","C":"c2","label":"C"}
{"A":"a3","B":"b3","C":"c3","label":""}
{"A":"a4","B":"b4","C":"c4"}
{"A":"a5","B":"b5","C":"c5","label":"D"}
`
	if err := os.WriteFile(p, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	ts, skipped, err := readSCM(p)
	if err != nil {
		t.Fatal(err)
	}
	want := []scmTriplet{{"a1", "b1", "c1"}, {"a2", "c2", "b2"}}
	if len(ts) != len(want) || ts[0] != want[0] || ts[1] != want[1] || skipped != 3 {
		t.Errorf("readSCM = %v, %d skipped; want %v, 3 skipped", ts, skipped, want)
	}
	if err := os.WriteFile(p, []byte(`{"A":"a","B":"b","C":"c"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := readSCM(p); !errors.Is(err, ErrBadRow) {
		t.Errorf("no labelled triplet: err = %v, want ErrBadRow", err)
	}
}
