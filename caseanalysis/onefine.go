package caseanalysis

import (
	"github.com/cailiang/cailiang/rules"
)

// heavierFirst applies 行政处罚法 第二十九条 to the ranking: where one act
// violates several provisions that all provide a fine, the fine of the
// heavier one is imposed. Which provisions one act can violate together is
// the catalog's (rules.Benchmark.ConcurrentWith): two fitting candidates
// are not one act merely because both fit (a text tells an unlicensed
// kitchen and its expired stock, two acts). When a runner-up of the
// engine's top candidates (those it runs the engine on) is declared
// concurrent with the first and both show every distinguishing element the
// catalog names for them (neither excluded, set back or yielded), the
// words' score no longer decides between them: the one whose statutory
// fine the facts make heavier goes first, with a higher maximum or the same
// maximum and a higher minimum (食品安全法 第一百二十三条's 十万元以上十五万元
// 以下 for 货值 under 一万元 over 第一百二十四条's 五万元以上十万元以下). Both
// answers' Why say so: the winner names the provision it set aside, the
// other the provision that governs. vs is reordered in place.
func heavierFirst(cat *rules.Catalog, vs []Violation, cands []candidate) {
	if len(vs) < 2 {
		return
	}
	top := fittedCandidate(cands, vs[0])
	if top == nil || vs[0].Suggestion == nil || vs[0].Suggestion.Statutory == nil {
		return
	}
	first := *vs[0].Suggestion.Statutory
	for i := 1; i < min(len(vs), suggestTop); i++ {
		v := &vs[i]
		c := fittedCandidate(cands, *v)
		if c == nil || v.Suggestion == nil || v.Suggestion.Statutory == nil || !concurrent(cat, top.b, c.b) {
			continue
		}
		r := *v.Suggestion.Statutory
		if r.FineMax < first.FineMax || r.FineMax == first.FineMax && r.FineMin <= first.FineMin {
			continue
		}
		w := *v
		w.Score = max(w.Score, vs[0].Score)
		w.Why += "；同一违法行为同时符合" + cat.PenaltyLabel(top.b) + "，本条罚款数额较高，依照行政处罚法第二十九条按本条处罚"
		vs[0].Why += "；同一违法行为同时符合" + cat.PenaltyLabel(c.b) + "，其罚款数额较高，依照行政处罚法第二十九条按该条处罚"
		copy(vs[1:i+1], vs[:i])
		vs[0] = w
		return
	}
}

// fittedCandidate returns the benchmark candidate behind v when the facts
// show all its distinguishing elements and nothing set it back; nil
// otherwise (a provision entry, a candidate with a missing or excluding
// element, or one without elements to show).
func fittedCandidate(cands []candidate, v Violation) *candidate {
	if v.Kind != KindBenchmark {
		return nil
	}
	for i := range cands {
		if c := &cands[i]; c.b.ID == v.BenchmarkID {
			if c.fitted() {
				return c
			}
			return nil
		}
	}
	return nil
}

// concurrent reports whether the catalog declares that one act can violate
// the provisions of a and b together, on either side and for any member
// of their lines (a successor states no list of its own).
func concurrent(cat *rules.Catalog, a, b *rules.Benchmark) bool {
	la, lb := cat.Line(a), cat.Line(b)
	names := func(x *rules.Benchmark, line []*rules.Benchmark) bool {
		for _, id := range x.ConcurrentWith {
			for _, y := range line {
				if y.ID == id {
					return true
				}
			}
		}
		return false
	}
	for _, x := range la {
		if names(x, lb) {
			return true
		}
	}
	for _, y := range lb {
		if names(y, la) {
			return true
		}
	}
	return false
}
