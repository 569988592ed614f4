package caseanalysis

import (
	"context"
	"testing"
)

// TestBarrierTakenApartTwentySecond: a barrier taken apart or a sign moved
// is 道路交通安全法 第九十九条第一款第（七）项 (故意损毁、移动、涂改交通设施)
// even when the facts go on to a car turning or crashing there — not the
// driving violations of 第九十条 — with the learned vote and without it.
func TestBarrierTakenApartTwentySecond(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, facts := range []string{
		"王某为图方便，将家门口道路中间的隔离护栏拆掉两节，当晚一辆货车在此处违规掉头，与直行的电动车相撞，电动车驾驶人受轻微伤。",
		"为了自家货车进出方便掉头，孙某把门前道路的中央护栏拆开一个口子，第二天一辆面包车从口子掉头时和对面来车撞上，两车受损。",
		"群众举报：有人夜里把路口的隔离墩挪开了，早上好几辆车从缺口掉头，差点撞上。民警查明系附近餐馆老板赵某所为。",
	} {
		for _, ctx := range []context.Context{context.Background(), WithExemplars(context.Background(), nil, 0)} {
			res, err := a.Analyze(ctx, Request{Facts: facts, DecisionDate: "2026-05-10"})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != "traffic-99-facilities" {
				t.Errorf("%s: violations %v, want traffic-99-facilities first\n%s", facts, ids(res.Violations), whys(res.Violations))
			}
		}
	}
}
