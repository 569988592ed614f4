package caseanalysis

import (
	"context"
	"testing"

	"github.com/cailiang/cailiang/exemplars"
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
