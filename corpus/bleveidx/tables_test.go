package bleveidx

import (
	"slices"
	"testing"
)

// TestTermTableFindsAsAMap checks the term table against the map it
// replaced: every term found at its number, absent terms not found, in
// dictionary order and out of it, with a repeated term.
func TestTermTableFindsAsAMap(t *testing.T) {
	for _, terms := range [][]string{
		{"", "a", "ab", "b", "经营", "许可", "食品"},
		{"食品", "a", "经营", "", "ab", "b", "许可"},
		{"b", "a", "b", "c"},
		{},
	} {
		var tt termTable
		m := map[string]uint32{}
		for i, s := range terms {
			tt.add(s)
			m[s] = uint32(i)
		}
		tt.seal()
		if tt.len() != len(terms) {
			t.Fatalf("%q: %d terms, want %d", terms, tt.len(), len(terms))
		}
		for i, s := range terms {
			if tt.at(uint32(i)) != s {
				t.Errorf("%q: term %d is %q, want %q", terms, i, tt.at(uint32(i)), s)
			}
		}
		for _, s := range append(slices.Clone(terms), "aa", "c0", "食", "食品安全", "\xff") {
			got, ok := tt.find(s)
			want, wok := m[s]
			if got != want || ok != wok {
				t.Errorf("%q: find(%q) = %d %v, want %d %v", terms, s, got, ok, want, wok)
			}
		}
	}
}

// TestFlattenAndSlicesOf checks the one-array layouts of the ranker's
// positions and IDs.
func TestFlattenAndSlicesOf(t *testing.T) {
	in := [][]uint32{{1, 2}, nil, {3}, {}, {4, 5, 6}}
	flat, starts := flatten(in)
	for i, s := range in {
		if got := flat[starts[i]:starts[i+1]]; !slices.Equal(got, s) {
			t.Errorf("slice %d: %v, want %v", i, got, s)
		}
	}
	ids := slicesOf("ab"+""+"cde", []uint32{2, 2, 5})
	if !slices.Equal(ids, []string{"ab", "", "cde"}) {
		t.Errorf("slicesOf: %q", ids)
	}
}
