package caseanalysis

import (
	"strings"
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// mentionsByRunes is mentions as first written: the suffixes built from
// the item's runes.
func mentionsByRunes(text, item string) bool {
	if strings.Contains(text, item) {
		return true
	}
	rs := []rune(item)
	for n := len(rs) - 1; n >= 4; n-- {
		if strings.Contains(text, string(rs[len(rs)-n:])) {
			return true
		}
	}
	return false
}

// TestMentionsSlicesSuffixes checks that mentions, which slices the item's
// suffixes in place, answers as building them from runes did, for every
// evidence item of the catalog against the development-set texts and
// short items.
func TestMentionsSlicesSuffixes(t *testing.T) {
	cat, err := rules.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	items := []string{"", "笔录", "检查笔录", "现场检查笔录", "询问笔录复印件", "a", "营业执照副本"}
	for _, b := range cat.All() {
		items = append(items, b.Evidence...)
	}
	texts := append(devsetTexts(t)[:200], "", "现场检查笔录", "执照副本", "笔录复印件")
	yes := 0
	for _, text := range texts {
		for _, item := range items {
			got, want := mentions(text, item), mentionsByRunes(text, item)
			if got != want {
				t.Fatalf("mentions(%q, %q) = %v, want %v", text, item, got, want)
			}
			if got {
				yes++
			}
		}
	}
	if yes == 0 {
		t.Fatal("no item mentioned anywhere: the test compares nothing")
	}
}
