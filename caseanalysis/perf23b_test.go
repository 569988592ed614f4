package caseanalysis

import (
	"slices"
	"testing"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// TestCueRequiresTwentyThird checks what decide tests before fits: for
// each benchmark with elements, the groups it lists are those of the
// required elements without a figure, of the first line member and of
// every later member alike (a later member differs in its figures only),
// so that a text lacking one of them fits none of the members; and that
// every element's slots are the decider index's Slots of its cues.
func TestCueRequiresTwentyThird(t *testing.T) {
	cat, err := rules.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	m := newMatcher(cat, nlp.RuneSegmenter{})
	d := &m.decider
	if len(d.cueRequiresFrom) != len(d.elementDocs)+1 {
		t.Fatalf("%d offsets for %d benchmarks with elements", len(d.cueRequiresFrom), len(d.elementDocs))
	}
	later := 0
	for n, doc := range d.elementDocs {
		got := d.cueRequires[d.cueRequiresFrom[n]:d.cueRequiresFrom[n+1]]
		x := &d.dist[doc]
		for _, l := range append([]*distinctions{x}, laterOf(x)...) {
			if l != x {
				later++
			}
			var want []int32
			for k := range l.requires {
				if e := &l.requires[k]; e.measures == nil {
					want = append(want, e.group)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: cue requires %v, the member's elements %v", m.benchmarks[doc].ID, got, want)
			}
			for _, es := range [][]element{l.requires, l.excludes, l.yieldIf, l.yieldUnless} {
				for k := range es {
					if e := &es[k]; !slices.Equal(e.slots, d.index.Slots(e.cues)) {
						t.Errorf("%s element %s: slots %v, index %v", m.benchmarks[doc].ID, e.label, e.slots, d.index.Slots(e.cues))
					}
				}
			}
		}
		// A text whose live groups are all but one of the listed ones
		// fits no member.
		for skip := range got {
			live := &cueGroups{state: make([]uint8, d.groups)}
			for i, g := range got {
				if i != skip {
					live.state[g] |= groupLive
				}
			}
			if slices.Contains(got[:skip], got[skip]) || slices.Contains(got[skip+1:], got[skip]) {
				continue // the group is listed twice
			}
			if live.allLive(got) {
				t.Fatalf("%s: allLive with group %d dead", m.benchmarks[doc].ID, got[skip])
			}
			scan := d.index.Scan("")
			if d.fits(doc, scan, live, nil, true) {
				t.Errorf("%s fits with group %d dead", m.benchmarks[doc].ID, got[skip])
			}
		}
	}
	if later == 0 {
		t.Fatal("no later line member with other figures: the test checks too little")
	}
	for _, s := range d.sectors {
		if !slices.Equal(s.slots, d.index.Slots(s.cues)) {
			t.Errorf("sector %s: slots %v, index %v", s.sector, s.slots, d.index.Slots(s.cues))
		}
	}
}
