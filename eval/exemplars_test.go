package eval

import (
	"bytes"
	"flag"
	"os"
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

// TestExemplarNoReportingRowTwentyFirst: no reporting-half row's text is
// in the shipped model: each reporting row's similarity to its label is
// what a model without it gives (a row in a model raises its own
// similarity, TestHeldOutTwentyFirst), checked on the labels alone: the
// shipped model has exactly the tuning half's labels, and every tuning
// row's text changes the model when left out.
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
