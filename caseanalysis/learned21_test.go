package caseanalysis

import (
	"context"
	"math"
	"testing"

	"github.com/cailiang/cailiang/exemplars"
	"github.com/cailiang/cailiang/rules"
)

// TestLearnedVoteBreaksTieTwentyFirst: a text the benchmarks' words leave
// between two confusable conducts (未取得许可证从事经营活动: food or freight)
// goes to the one whose labelled examples it resembles. The examples are
// the same texts both times, labelled one way and then the other, so the
// vote, not the texts, decides; without a vote the engine's own order
// stands.
func TestLearnedVoteBreaksTieTwentyFirst(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	const (
		food    = "food-122-unlicensed"
		freight = "transport-63-unlicensed-freight"
	)
	for _, id := range []string{food, freight} {
		b, err := a.cfg.Catalog.Get(id)
		if err != nil || a.cfg.Catalog.Line(b)[0] != b {
			t.Fatalf("%s: not the first of its line (%v)", id, err)
		}
	}
	// like reads as the text does; other does not.
	like := []string{"当事人未取得许可证从事经营活动，被执法人员当场查获。", "未取得许可证擅自从事经营活动，已经营两个月。"}
	other := []string{"驾驶重型货车运送建材，车上没有随车携带营运证件。", "城区菜市场摊位销售散装熟食，摊主拿不出任何证照。"}
	train := func(likeLabel, otherLabel string) *exemplars.Model {
		var ex []exemplars.Example
		for _, s := range like {
			ex = append(ex, exemplars.Example{Text: s, Label: likeLabel})
		}
		for _, s := range other {
			ex = append(ex, exemplars.Example{Text: s, Label: otherLabel})
		}
		m, err := exemplars.Train(ex, exemplars.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	text := "当事人未取得许可证从事经营活动。"
	tests := []struct {
		name  string
		voter ExemplarVoter
		want  string
	}{
		{"examples like it labelled food", train(food, freight), food},
		{"examples like it labelled freight", train(freight, food), freight},
	}
	// Without a vote the two are close: the test is about a near tie.
	res, err := a.Analyze(WithExemplars(context.Background(), nil, 0), Request{Facts: text, DecisionDate: "2025-09-30"})
	if err != nil {
		t.Fatal(err)
	}
	scores := map[string]float64{}
	for _, v := range res.Violations {
		scores[v.BenchmarkID] = v.Score
	}
	if scores[food] == 0 || scores[freight] == 0 || scores[food]-scores[freight] > 0.05 || scores[freight]-scores[food] > 0.05 {
		t.Fatalf("without a vote: %s %.3f, %s %.3f, want both within 0.05", food, scores[food], freight, scores[freight])
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(WithExemplars(context.Background(), tt.voter, CVExemplarWeight), Request{Facts: text, DecisionDate: "2025-09-30"})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != tt.want {
				var got []string
				for _, v := range res.Violations {
					got = append(got, v.BenchmarkID)
				}
				t.Fatalf("got %v, want %s first", got, tt.want)
			}
		})
	}
}

// TestOutranksWithoutVoteTwentyFirst: a provision is compared with a
// benchmark's score without the learned vote even after the score was
// scaled (an exclusion, a tier): the vote's part scales with it, so the
// score without the vote is never negative and never more than the score.
func TestOutranksWithoutVoteTwentyFirst(t *testing.T) {
	m := &matcher{benchmarks: []*rules.Benchmark{{ID: "b"}}, bases: []uint16{0}, aggravated: []bool{false}, uncorrected: []bool{false}}
	// Lexical 0 and one case vote: 0.3 without the learned vote.
	const unvoted = wCases
	tests := []struct {
		name      string
		learned   float64
		scale     float64 // applied after scoring, as decide does
		excluding bool
		provision float64
		want      bool
	}{
		{"excluded, the vote scaled with the score: the provision is below what is left", 0.4, excludeFactor, true, unvoted*excludeFactor - 0.02, false},
		{"excluded, the provision above what is left without the vote", 0.4, excludeFactor, true, unvoted*excludeFactor + 0.02, true},
		{"tier discount, no exclusion, the provision below", 0.6, tierDiscount, false, unvoted*tierDiscount - 0.02, false},
		{"no vote, unscaled", 0, 1, true, unvoted + 0.02, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := m.candidate(0, 0, 1, tt.learned, 0, false, false)
			c.score *= tt.scale
			if tt.excluding {
				c.excluding = []string{"x"}
			}
			if got := c.unvoted(); got < 0 || got > c.score+1e-12 || math.Abs(got-unvoted*tt.scale) > 1e-9 {
				t.Errorf("score without the vote %.4f, want %.4f (score %.4f)", got, unvoted*tt.scale, c.score)
			}
			p := provisionCandidate{score: tt.provision, lexical: 1}
			if got := p.outranks(c); got != tt.want {
				t.Errorf("outranks = %v, want %v (benchmark score %.4f with the vote)", got, tt.want, c.score)
			}
		})
	}
}
