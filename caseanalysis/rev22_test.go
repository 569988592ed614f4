package caseanalysis

import (
	"strings"
	"testing"
)

// TestVotedNoteInForceTwentySecond: the rival the learned vote's note names
// is a benchmark in force on the act's day. inEffectOn filters the pool in
// place, so a benchmark not yet in force (治安管理处罚法 2025 text's 偷窥,
// from 2026-01-01) stays in the pool's tail: it must not be named for an
// act of 2025, and is named for an act of 2026.
func TestVotedNoteInForceTwentySecond(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	m := a.match
	first, err := a.cfg.Catalog.Get("police-50-obstruct-duty") // in force until 2026-01-01
	if err != nil {
		t.Fatal(err)
	}
	later, err := a.cfg.Catalog.Get("police25-50-privacy") // in force from 2026-01-01, no predecessor
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, day string
		note      bool
	}{
		{"the rival not yet in force", "2025-06-01", false},
		{"the rival in force", "2026-06-01", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The first is voted above a rival the engine alone puts higher.
			pool := []candidate{
				{b: first, doc: m.pos[first.ID], score: 0.8, learned: 0.5},
				{b: later, doc: m.pos[later.ID], score: 0.6},
			}
			cands := []candidate{pool[0]}
			why, _ := m.explainInForce(a.cfg.Catalog, cands, pool, tt.day)
			if len(why) == 0 {
				t.Fatal("no explanation")
			}
			if got := strings.Contains(why[0], "“"+later.Name+"”之前"); got != tt.note {
				t.Errorf("on %s, why %q names %s = %v; want %v", tt.day, why[0], later.ID, got, tt.note)
			}
		})
	}
}
