package caseanalysis

import (
	"context"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/exemplars"
)

// fixedVoter votes the same labels for every text: what a test needs to
// see how a vote is spread, whatever the text's similarity to any example.
type fixedVoter []exemplars.Score

// Vote implements ExemplarVoter.
func (v fixedVoter) Vote(_ string, k int, dst []exemplars.Score) []exemplars.Score {
	return append(dst, v[:min(k, len(v))]...)
}

// scoresOf analyses facts with voter (nil: no vote) and returns the score
// of each violation listed.
func scoresOf(t *testing.T, a *Analyzer, voter ExemplarVoter, facts string) map[string]float64 {
	t.Helper()
	ctx := WithExemplars(context.Background(), nil, 0)
	if voter != nil {
		ctx = WithExemplars(context.Background(), voter, 1)
	}
	res, err := a.Analyze(ctx, Request{Facts: facts, Violations: 20, DecisionDate: "2025-12-01"})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]float64{}
	for _, v := range res.Violations {
		out[v.BenchmarkID] = v.Score
	}
	return out
}

// TestVotePerConductTwentySecond: the learned vote for one benchmark
// reaches the benchmarks of the same conduct (the tiers of one duty's
// breach, graded by item: 安全生产法 第九十五条's 一般、较大事故) but not the
// other items of an enumerating article, which punish other duties
// (食品安全法 第一百二十六条's 健康证明 and 餐具消毒; 消防法 第六十条's
// 消防设施 and 疏散通道): the voted benchmark's examples say nothing of them.
func TestVotePerConductTwentySecond(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name  string
		facts string
		voted string // the benchmark the vote names
		other string // a benchmark of the same article the facts fit
		lifts bool   // whether other shares the vote
	}{
		{"another duty of 食品安全法 第一百二十六条", "某餐馆后厨使用的碗筷、餐盘未经清洗消毒即重复供顾客使用。",
			"food-126-health-certificate", "food-126-tableware-disinfection", false},
		{"another duty of 消防法 第六十条", "某商场营业期间将两处安全出口上锁，疏散通道堆满货物。",
			"fire-60-facilities", "fire-60-evacuation", false},
		{"another tier of one duty (安全生产法 第九十五条)", "某公司主要负责人未履行安全生产管理职责，导致发生较大生产安全事故，死亡三人。",
			"safety-95-principal-general-accident", "safety-95-principal-larger-accident", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			without := scoresOf(t, a, nil, tt.facts)
			with := scoresOf(t, a, fixedVoter{{Label: tt.voted, Similarity: 0.2}}, tt.facts)
			if without[tt.other] == 0 || with[tt.other] == 0 {
				t.Fatalf("%s is not listed (without the vote %v, with it %v)", tt.other, without, with)
			}
			if lifted := with[tt.other] > without[tt.other]; lifted != tt.lifts {
				t.Errorf("%s: %.3f without the vote, %.3f with a vote for %s; want lifted = %v", tt.other, without[tt.other], with[tt.other], tt.voted, tt.lifts)
			}
		})
	}
}

// TestVotedNoteTwentySecond: when the learned vote puts a violation first
// that would not be first without it, its explanation says so and names
// the one it was put above; a vote for the engine's own first adds nothing.
func TestVotedNoteTwentySecond(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	// Without a vote 食品 and 货运 are close (未取得许可证 fits both).
	const facts = "当事人没有取得许可证就从事经营活动，被执法人员当场查获。"
	res, err := a.Analyze(WithExemplars(context.Background(), nil, 0), Request{Facts: facts, Violations: 10, DecisionDate: "2025-12-01"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Violations) < 2 || res.Violations[0].Kind != KindBenchmark {
		t.Fatalf("without a vote: %+v", res.Violations)
	}
	engine := res.Violations[0]
	second := ""
	for _, v := range res.Violations[1:] {
		if v.Kind == KindBenchmark && !strings.HasPrefix(v.Why, strings.SplitN(engine.Why, "：", 2)[0]) {
			second = v.BenchmarkID
			break
		}
	}
	if second == "" {
		t.Fatalf("without a vote, no benchmark of another provision: %+v", res.Violations)
	}
	b, err := a.cfg.Catalog.Get(engine.BenchmarkID)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		voted string
		first string
		note  bool
	}{
		{"the vote puts the engine's second first", second, second, true},
		{"the vote agrees with the engine", engine.BenchmarkID, engine.BenchmarkID, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(WithExemplars(context.Background(), fixedVoter{{Label: tt.voted, Similarity: 0.5}}, 1), Request{Facts: facts, Violations: 10, DecisionDate: "2025-12-01"})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != tt.first {
				t.Fatalf("first %+v, want %s", res.Violations, tt.first)
			}
			why := res.Violations[0].Why
			if got := strings.Contains(why, "与已标注案例相近") && strings.Contains(why, "“"+b.Name+"”之前"); got != tt.note {
				t.Errorf("why %q: the vote's note present = %v, want %v", why, got, tt.note)
			}
		})
	}
}
