package app

import (
	"sort"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/rules"
)

// CoreLaws are the laws `statutes status` reports on: every law a
// discretion benchmark cites (the act it violates and the penalty
// provision), and both sides of every repeal the product knows.
func CoreLaws(cat *rules.Catalog) []string {
	seen := map[string]bool{}
	add := func(law string) {
		if law != "" {
			seen[law] = true
		}
	}
	if cat != nil {
		for _, b := range cat.All() {
			add(b.PenaltyRef.Law)
			for _, v := range b.Violated {
				add(v.Law)
			}
		}
	}
	for _, r := range corpus.Repeals() {
		add(r.Law)
		add(r.By)
	}
	out := make([]string, 0, len(seen))
	for l := range seen {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}
