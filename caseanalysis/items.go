package caseanalysis

import (
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// itemCues are the compiled item cues of the benchmarks that encode several
// items of their penalty article together (rules.Benchmark.Items), by
// benchmark id, built once with the analyzer.
type itemCues map[string][]compiledItem

type compiledItem struct {
	item int
	cues []nlp.Cue
}

func newItemCues(cat *rules.Catalog) itemCues {
	out := itemCues{}
	for _, b := range cat.All() {
		for _, it := range b.Items {
			out[b.ID] = append(out[b.ID], compiledItem{item: it.Item, cues: nlp.NewCues(it.Cues)})
		}
	}
	return out
}

// item is the item of b's penalty article the text shows: the first of
// b.Items whose cue the normalised text holds, 0 when none does.
func (ic itemCues) item(id, norm string) int {
	for _, it := range ic[id] {
		for _, c := range it.cues {
			if c.In(norm) {
				return it.item
			}
		}
	}
	return 0
}

// citeItem names item in every penalty citation of ref in the suggestion
// (its basis list and its trace'): 第二十三条 becomes 第二十三条第（五）项.
func citeItem(s *rules.Suggestion, ref legal.Ref, item int) {
	set := func(bs []rules.Basis) {
		for i := range bs {
			if bs[i].Role == rules.RolePenalty && bs[i].Ref == ref {
				bs[i].Ref.Item = item
			}
		}
	}
	set(s.Basis)
	for i := range s.Trace {
		set(s.Trace[i].Basis)
	}
}
