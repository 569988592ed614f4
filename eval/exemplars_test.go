package eval

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/exemplars"
	"github.com/cailiang/cailiang/rules"
)

var updateExemplars = flag.Bool("update", false, "rewrite the learned vote's model file (caseanalysis/exemplars.model)")

// TestExemplarModelFileTwentyFirst: the shipped model is the one the
// tuning half trains now; -update rewrites it (make exemplars).
func TestExemplarModelFileTwentyFirst(t *testing.T) {
	m, err := TrainExemplars(exemplars.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if *updateExemplars {
		if err := os.WriteFile(ExemplarModelPath, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(ExemplarModelPath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is stale (the development set's tuning half changed): run make exemplars", ExemplarModelPath)
	}
}

// TestExemplarNoReportingRowTwentyFirst: no reporting-half row is in the
// shipped model: its bytes are those of the model trained on the tuning
// half alone, and differ from those of the model trained with the
// reporting half too (so that the comparison can tell them apart: a
// reporting row changes the model, TestHeldOutTwentyFirst).
func TestExemplarNoReportingRowTwentyFirst(t *testing.T) {
	cat, err := rules.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	dev, err := DevSet()
	if err != nil {
		t.Fatal(err)
	}
	shipped, err := caseanalysis.BuiltinExemplars()
	if err != nil {
		t.Fatal(err)
	}
	tune := exemplarExamples(cat, devSplit(dev, DevTune))
	report := exemplarExamples(cat, devSplit(dev, DevReport))
	withReport, err := exemplars.Train(append(tune, report...), exemplars.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := shipped.MarshalBinary()
	b, _ := withReport.MarshalBinary()
	if bytes.Equal(a, b) {
		t.Fatal("the shipped model is the one trained with the reporting half")
	}
	tuneOnly, err := exemplars.Train(tune, exemplars.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := tuneOnly.MarshalBinary(); !bytes.Equal(a, c) {
		t.Fatal("the shipped model is not the tuning half's")
	}
}

// TestCrossFitHoldsOutTwentyFirst: the model a tuning row is scored with
// (its fold's) was not trained on it: the row's similarity to its own label
// is lower than under a model trained on every row, itself included, and
// the fold model is the same whatever the row's own text says.
func TestCrossFitHoldsOutTwentyFirst(t *testing.T) {
	cat, err := rules.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	dev, err := DevSet()
	if err != nil {
		t.Fatal(err)
	}
	rows := devSplit(dev, DevTune)[:300]
	cf, err := newCrossFit(cat, rows, exemplarFoldCount, exemplarFold, exemplars.Options{}, caseanalysis.CVExemplarWeight)
	if err != nil {
		t.Fatal(err)
	}
	all, err := exemplars.Train(exemplarExamples(cat, rows), exemplars.Options{})
	if err != nil {
		t.Fatal(err)
	}
	similarity := func(m *exemplars.Model, s Scenario) float64 {
		for _, v := range m.Vote(s.Facts, 1000, nil) {
			if v.Label == exemplarLabel(cat, s) {
				return v.Similarity
			}
		}
		return 0
	}
	for _, s := range rows[:60] {
		in, out := similarity(all, s), similarity(cf.models[exemplarFold(s)], s)
		if out >= in {
			t.Errorf("%s: similarity %.4f under its fold's model, %.4f under the model with it: the fold model holds the row", s.ID, out, in)
		}
	}
	// Changing a row's text changes no model but those of the other folds.
	changed := slices.Clone(rows)
	changed[0].Facts += "另查明当事人曾多次被投诉。"
	cf2, err := newCrossFit(cat, changed, exemplarFoldCount, func(s Scenario) int {
		if s.ID == rows[0].ID {
			return exemplarFold(rows[0])
		}
		return exemplarFold(s)
	}, exemplars.Options{}, caseanalysis.CVExemplarWeight)
	if err != nil {
		t.Fatal(err)
	}
	own := exemplarFold(rows[0])
	a, _ := cf.models[own].MarshalBinary()
	b, _ := cf2.models[own].MarshalBinary()
	if !bytes.Equal(a, b) {
		t.Fatal("a row's own fold model depends on the row's text")
	}
}

// weighted is a CaseAnalyzer stand-in that only tells its vote's weight.
type weighted struct {
	CaseAnalyzer
	w float64
}

func (a weighted) ExemplarWeight() float64 { return a.w }

// TestExemplarFreshTwentyFirst: exemplar-fresh measures the vote at the
// analyzer's weight (the shipped default, or --exemplar-weight), not a fixed
// one, and refuses a row the shipped model was trained on (a tuning row is
// not a first-sight row).
func TestExemplarFreshTwentyFirst(t *testing.T) {
	weights := []struct {
		name string
		an   CaseAnalyzer
		want float64
	}{
		{"the default", weighted{w: caseanalysis.DefaultExemplarWeight}, caseanalysis.DefaultExemplarWeight},
		{"--exemplar-weight 0.6", weighted{w: 0.6}, 0.6},
		{"no vote: the cross-validation's", weighted{w: 0}, caseanalysis.CVExemplarWeight},
	}
	for _, tt := range weights {
		if got := freshWeight(tt.an); got != tt.want {
			t.Errorf("%s: weight %v, want %v", tt.name, got, tt.want)
		}
	}
	dev, err := DevSet()
	if err != nil {
		t.Fatal(err)
	}
	tune := devSplit(dev, DevTune)[0]
	files, err := fs.Glob(devSetFS, "testdata/devset/*.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var line []byte
	for _, f := range files {
		raw, err := devSetFS.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range bytes.Split(raw, []byte("\n")) {
			if bytes.Contains(l, []byte(`"`+tune.ID+`"`)) {
				line = l
			}
		}
	}
	if line == nil {
		t.Fatalf("row %s not found", tune.ID)
	}
	file := filepath.Join(t.TempDir(), "fresh.jsonl")
	if err := os.WriteFile(file, append(line, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := freshScores(context.Background(), Env{FreshFiles: []string{file}}); !errors.Is(err, errNotFresh) {
		t.Fatalf("a tuning row as a fresh row: err %v, want errNotFresh", err)
	}
}
