package rules

import "testing"

// TestEnvSizeHint checks that the condition environment's size hint covers
// every key env sets, for every benchmark of the catalog: a new fact added
// to env without raising envOtherFacts would make each suggestion rehash
// the map.
func TestEnvSizeHint(t *testing.T) {
	cat, err := LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	var f Facts
	for _, b := range cat.All() {
		if got, hint := len(f.env(b)), 2*len(f.amounts())+envOtherFacts+len(b.Flags); got > hint {
			t.Fatalf("%s: env has %d keys, size hint %d", b.ID, got, hint)
		}
	}
	// The hint is exact when no flag shares a fact's name.
	b := cat.All()[0]
	if got, hint := len(f.env(b)), 2*len(f.amounts())+envOtherFacts+len(b.Flags); got != hint {
		t.Errorf("%s: env has %d keys, size hint %d: envOtherFacts is out of date", b.ID, got, hint)
	}
}
