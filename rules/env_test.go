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

// TestUnknownFlagNamed checks that Validate names the alphabetically first
// undeclared flag, as it did when it sorted the names (the error an API
// client reads must not vary with map order), and accepts declared ones.
func TestUnknownFlagNamed(t *testing.T) {
	b := &Benchmark{ID: "x", Flags: map[string]string{"repeat": "再次", "large": "数额较大"}}
	for _, tc := range []struct {
		flags map[string]bool
		want  string // the FactError's field, "" for none
	}{
		{nil, ""},
		{map[string]bool{"repeat": true, "large": false}, ""},
		{map[string]bool{"zeta": true, "repeat": true, "alpha": false, "mid": true}, "flags.alpha"},
		{map[string]bool{"": true, "repeat": true}, "flags."},
		{map[string]bool{"b2": true, "b1": true}, "flags.b1"},
	} {
		for range 20 { // map order varies between runs
			err := (&Facts{Flags: tc.flags}).Validate(b, func(string) bool { return false })
			got := ""
			if fe, ok := err.(*FactError); ok {
				got = fe.Field
			} else if err != nil {
				t.Fatalf("%v: %v", tc.flags, err)
			}
			if got != tc.want {
				t.Fatalf("%v: field %q, want %q", tc.flags, got, tc.want)
			}
		}
	}
}
