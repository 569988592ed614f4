package rules

import (
	"strings"
	"testing"
)

// TestSeriousTierMarkedThirtieth checks the catalog's serious_tier marks:
// commonFactorSpent reads the mark, no longer the id's -serious suffix or
// the name's 情节严重, so a 情节严重 tier written without the mark would
// count the common circumstance 情节严重 twice, and a mark on another
// benchmark would drop it.
func TestSeriousTierMarkedThirtieth(t *testing.T) {
	c, err := LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	marked := 0
	for _, b := range c.All() {
		named := strings.HasSuffix(b.ID, "-serious") || strings.Contains(b.Name, "情节严重")
		if named != b.SeriousTier {
			t.Errorf("%s (%s): serious_tier %v, but its id or name says %v", b.ID, b.Name, b.SeriousTier, named)
		}
		if b.SeriousTier {
			marked++
		}
	}
	if marked == 0 {
		t.Fatal("no benchmark is marked serious_tier")
	}
	// A provision entry's conduct is the statute's own words: one that is
	// the 情节严重 tier is marked so at load.
	ps, err := LoadBuiltinProvisions(c)
	if err != nil {
		t.Fatal(err)
	}
	pc, err := ProvisionCatalog(c, ps)
	if err != nil {
		t.Fatal(err)
	}
	provMarked := 0
	for _, b := range pc.All() {
		if want := strings.Contains(b.Name, "情节严重"); b.SeriousTier != want {
			t.Errorf("provision %s (%s): serious_tier %v, want %v", b.ID, b.Name, b.SeriousTier, want)
		}
		if b.SeriousTier {
			provMarked++
		}
	}
	if provMarked == 0 {
		t.Error("no provision entry is marked as a 情节严重 tier")
	}
	serious := &Factor{ID: "serious"}
	for _, tc := range []struct {
		name string
		b    Benchmark
		want bool
	}{
		{"marked tier", Benchmark{ID: "x-grave", Name: "某行为，情节较重", SeriousTier: true}, true},
		{"suffix alone is no mark", Benchmark{ID: "x-serious", Name: "某行为"}, false},
		{"name alone is no mark", Benchmark{ID: "x", Name: "某行为，情节严重"}, false},
		{"basic tier", Benchmark{ID: "x", Name: "某行为"}, false},
	} {
		if got := commonFactorSpent(&tc.b, serious); got != tc.want {
			t.Errorf("%s: commonFactorSpent %v, want %v", tc.name, got, tc.want)
		}
	}
}
