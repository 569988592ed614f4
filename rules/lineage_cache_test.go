package rules

import (
	"slices"
	"testing"
)

// TestLineBuiltAtLoadIsWalked checks that the lines and penalty labels
// built at load are the ones the links and RefLabel give, for every
// benchmark of the catalog, that a copy of a benchmark (lineFlags) still
// gets its own, and that an empty provision catalog answers as before.
func TestLineBuiltAtLoadIsWalked(t *testing.T) {
	c, err := LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	long := 0
	for _, b := range c.All() {
		got, want := c.Line(b), c.walkLine(b)
		if !slices.Equal(got, want) {
			t.Errorf("%s: Line %v, walked %v", b.ID, ids(got), ids(want))
		}
		if len(got) > 1 {
			long++
		}
		if len(got) != cap(got) {
			t.Errorf("%s: line has room to append (len %d, cap %d)", b.ID, len(got), cap(got))
		}
		if got, want := c.PenaltyLabel(b), RefLabel(b.PenaltyRef); got != want {
			t.Errorf("%s: PenaltyLabel %q, RefLabel %q", b.ID, got, want)
		}
		cp := *b
		cp.PenaltyRef.Article++
		if got, want := c.PenaltyLabel(&cp), RefLabel(cp.PenaltyRef); got != want {
			t.Errorf("%s copy: PenaltyLabel %q, RefLabel %q", b.ID, got, want)
		}
		cp.PenaltyRef.Article--
		if got := c.Line(&cp); !slices.Equal(got, c.walkLine(&cp)) {
			t.Errorf("%s: copy's line %v, walked %v", b.ID, ids(got), ids(c.walkLine(&cp)))
		}
	}
	if long == 0 {
		t.Fatal("no benchmark has a line of two or more")
	}
	pc := provisionCatalog(t, c, nil)
	for _, b := range c.All()[:3] {
		if got := pc.Line(b); len(got) != 1 || got[0] != b {
			t.Errorf("empty provision catalog: Line(%s) = %v", b.ID, ids(got))
		}
	}
}

func ids(bs []*Benchmark) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = b.ID
	}
	return out
}
