package caseanalysis

import (
	"context"
	_ "embed" // the learned vote ships in the binary
	"fmt"
	"sync"

	"github.com/cailiang/cailiang/exemplars"
)

// ExemplarVoter scores a text against labelled example cases: the labels
// (benchmark IDs, the first of each line) most similar to it, best first.
// *exemplars.Model implements it.
type ExemplarVoter interface {
	Vote(text string, k int, dst []exemplars.Score) []exemplars.Score
}

// builtinExemplars is the vote trained on the development set's tuning
// half (eval's TestExemplarModelFile writes it; `make exemplars`).
//
//go:embed exemplars.model
var builtinExemplars []byte

// BuiltinExemplars returns the shipped vote, loaded once. It returns an
// error when the embedded model does not load.
var BuiltinExemplars = sync.OnceValues(func() (*exemplars.Model, error) {
	m, err := exemplars.Load(builtinExemplars)
	if err != nil {
		return nil, fmt.Errorf("analysis: built-in exemplars: %w", err)
	}
	return m, nil
})

// DefaultExemplarWeight is the weight of the learned vote in a candidate's
// score when Config.ExemplarWeight is 0: none. Cross-validated on the
// development set's tuning half (eval suite exemplar-cv), every weight tried
// (0.03 to 0.5) lost a few rows of basis@1 to no vote, so the vote is off
// until a measurement on unseen rows says otherwise; CVExemplarWeight is the
// best weight there other than none.
const DefaultExemplarWeight = 0

// CVExemplarWeight is the weight that lost least in the cross-validation
// (basis@1 .9724 against .9725 with folds by hash, .9720 against .9725
// with whole files held out): what `cailiang eval --exemplar-weight` and
// the exemplar-fresh suite measure the vote with.
const CVExemplarWeight = 0.05

// exemplarVotes is how many labels a text's vote names: the candidates the
// vote helps to choose among are a handful.
const exemplarVotes = 5

// exemplarChoice is a request's vote: the model and its weight.
type exemplarChoice struct {
	voter  ExemplarVoter
	weight float64
}

type exemplarKey struct{}

// ExemplarWeight is the configured weight of the learned vote, 0 for none.
func (a *Analyzer) ExemplarWeight() float64 { return a.exemplars.weight }

// WithExemplars returns a context whose analyses use voter with weight
// instead of the configured vote; a nil voter or a zero weight analyses
// without a vote. It is for evaluation: a labelled row is scored with a
// model that was not trained on it (cross-fitting), and weights are compared.
func WithExemplars(ctx context.Context, voter ExemplarVoter, weight float64) context.Context {
	return context.WithValue(ctx, exemplarKey{}, exemplarChoice{voter, weight})
}

// exemplarsFor returns the vote of a request: the context's, else the
// configured one.
func (a *Analyzer) exemplarsFor(ctx context.Context) exemplarChoice {
	if c, ok := ctx.Value(exemplarKey{}).(exemplarChoice); ok {
		return c
	}
	return a.exemplars
}

// learnedVote is a text's vote and its weight.
type learnedVote struct {
	scores []exemplars.Score
	weight float64
}

// vote scores text; no vote without a voter or a weight.
func (c exemplarChoice) vote(text string) learnedVote {
	if c.voter == nil || c.weight <= 0 {
		return learnedVote{}
	}
	return learnedVote{c.voter.Vote(text, exemplarVotes, make([]exemplars.Score, 0, exemplarVotes)), c.weight}
}
