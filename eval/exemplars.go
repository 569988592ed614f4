package eval

import (
	"context"
	"crypto/sha256"
	"fmt"
	"slices"

	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/exemplars"
	"github.com/cailiang/cailiang/rules"
)

// ExemplarModelPath is where the shipped learned vote lives, relative to
// this package (TestExemplarModelFile writes it with -update).
const ExemplarModelPath = "../caseanalysis/exemplars.model"

// exemplarLabel is the label a development-set row teaches the learned
// vote: the first benchmark of the line of its benchmark (the matcher
// scores a line through its first member), else the one line whose penalty
// provision is the row's expected basis, else the provision itself (a
// label no benchmark answers to, which still competes for the texts it
// fits). It returns an error when the built-in catalog does not load.
func exemplarLabel(cat *rules.Catalog, s Scenario) string {
	if b, err := cat.Get(s.Expect.BenchmarkID); err == nil {
		return cat.Line(b)[0].ID
	}
	want := s.Expect.Basis[0]
	var heads []string
	for _, b := range cat.All() {
		if sameRef(b.PenaltyRef, want) {
			if h := cat.Line(b)[0].ID; !slices.Contains(heads, h) {
				heads = append(heads, h)
			}
		}
	}
	if len(heads) == 1 {
		return heads[0]
	}
	return fmt.Sprintf("provision:%s/%d-%d/%d/%d", want.Law, want.Article, want.Suffix, want.Paragraph, want.Item)
}

// exemplarExamples are the rows as labelled examples.
func exemplarExamples(cat *rules.Catalog, rows []Scenario) []exemplars.Example {
	out := make([]exemplars.Example, 0, len(rows))
	for _, s := range rows {
		out = append(out, exemplars.Example{Text: s.Facts, Label: exemplarLabel(cat, s)})
	}
	return out
}

// TrainExemplars trains the learned vote on the development set's tuning
// half, never a reporting row: what ships in the binary.
func TrainExemplars(opt exemplars.Options) (*exemplars.Model, error) {
	cat, err := rules.LoadBuiltin()
	if err != nil {
		return nil, fmt.Errorf("exemplars: %w", err)
	}
	dev, err := DevSet()
	if err != nil {
		return nil, err
	}
	return exemplars.Train(exemplarExamples(cat, devSplit(dev, DevTune)), opt)
}

// exemplarFoldCount is the number of cross-fitting folds of the tuning
// half.
const exemplarFoldCount = 5

// exemplarFold is a tuning row's fold: a byte of its facts' SHA-256 other
// than the one that chose its half.
func exemplarFold(s Scenario) int {
	sum := sha256.Sum256([]byte(s.Facts))
	return int(sum[1]) % exemplarFoldCount
}

// siblingFold returns the fold of each of rows by its file and label, for
// the tuning half's cross-fitting: rows are reworded until they hash to
// the tuning half, so a file often holds a row and its reworded sibling
// (same benchmark, a few words apart), and folds by the text's hash
// (exemplarFold) put them apart: the sibling in the model flatters the
// vote on the row. By file and label they fall in one fold. A row not
// among rows gets the fold of its file and label too.
func siblingFold(cat *rules.Catalog, rows []Scenario, files map[string]string) func(Scenario) int {
	fold := func(s Scenario) int {
		sum := sha256.Sum256([]byte(files[s.ID] + "\x00" + exemplarLabel(cat, s)))
		return int(sum[1]) % exemplarFoldCount
	}
	// Labels are looked up once: a row without benchmark_id is labelled by
	// a pass over the catalog, and the folds are asked for every row by
	// every model.
	folds := make(map[string]int, len(rows))
	for _, s := range rows {
		folds[s.ID] = fold(s)
	}
	return func(s Scenario) int {
		if f, ok := folds[s.ID]; ok {
			return f
		}
		return fold(s)
	}
}

// crossFit holds one model per fold, each trained on the tuning rows of
// the other folds, so that a tuning row is never scored by a model that
// holds it.
type crossFit struct {
	models []*exemplars.Model
	fold   func(Scenario) int
	weight float64
	// spread, for the comparison in exemplar-cv, rescales the vote's
	// similarities to the gap above the first label it leaves out.
	spread bool
}

// spreadVoter gives the labels a model names their similarity above the
// next label's, over the first label's: 1 for the first, 0 for the one
// after the last; what separates them, not how close the text is to any.
type spreadVoter struct{ m *exemplars.Model }

// Vote implements caseanalysis.ExemplarVoter.
func (v spreadVoter) Vote(text string, k int, dst []exemplars.Score) []exemplars.Score {
	start := len(dst)
	dst = v.m.Vote(text, k+1, dst)
	got := dst[start:]
	if len(got) == 0 {
		return dst
	}
	floor := 0.0
	if len(got) == k+1 {
		floor = got[k].Similarity
		dst, got = dst[:start+k], got[:k]
	}
	top := got[0].Similarity - floor
	for i := range got {
		if top > 0 {
			got[i].Similarity = (got[i].Similarity - floor) / top
		} else {
			got[i].Similarity = 1
		}
	}
	return dst
}

// newCrossFit trains a model per fold of rows (fold numbers 0..k-1).
func newCrossFit(cat *rules.Catalog, rows []Scenario, k int, fold func(Scenario) int, opt exemplars.Options, weight float64) (*crossFit, error) {
	cf := &crossFit{models: make([]*exemplars.Model, k), fold: fold, weight: weight}
	for f := range k {
		var train []Scenario
		for _, s := range rows {
			if fold(s) != f {
				train = append(train, s)
			}
		}
		m, err := exemplars.Train(exemplarExamples(cat, train), opt)
		if err != nil {
			return nil, fmt.Errorf("exemplars fold %d: %w", f, err)
		}
		cf.models[f] = m
	}
	return cf, nil
}

// context returns ctx with the vote a tuning row is scored with: its
// fold's model. A nil crossFit leaves ctx alone.
func (cf *crossFit) context(ctx context.Context, s Scenario) context.Context {
	if cf == nil {
		return ctx
	}
	m := cf.models[cf.fold(s)]
	if cf.spread {
		return caseanalysis.WithExemplars(ctx, spreadVoter{m}, cf.weight)
	}
	return caseanalysis.WithExemplars(ctx, m, cf.weight)
}

// tuningCrossFit is the cross-fitting eval uses for the tuning half:
// exemplarFoldCount folds by file and label (siblingFold), the shipped
// options, the analyzer's weight; nil when the analyzer has no vote
// (nothing to cross-fit).
func tuningCrossFit(an CaseAnalyzer) (*crossFit, error) {
	w, ok := an.(interface{ ExemplarWeight() float64 })
	if !ok || w.ExemplarWeight() <= 0 {
		return nil, nil
	}
	cat, err := rules.LoadBuiltin()
	if err != nil {
		return nil, fmt.Errorf("exemplars: %w", err)
	}
	dev, files, err := devSetFiles()
	if err != nil {
		return nil, err
	}
	rows := devSplit(dev, DevTune)
	return newCrossFit(cat, rows, exemplarFoldCount, siblingFold(cat, rows, files), exemplars.Options{}, w.ExemplarWeight())
}

// devFiles maps each development-set row id to its file's name.
func devFiles() (map[string]string, error) {
	_, files, err := devSetFiles()
	return files, err
}
