package nlp

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// TestFirstUnitTwentyFourth checks that firstUnit finds the span unitRe
// finds: on the sample cases and scenarios (as written and normalised),
// on hostile texts (厂 at either end, after a non-Han rune or an invalid
// byte, before each rune the expression refuses, a literal and a 厂 at
// one place) and on random texts of the alternatives' pieces.
func TestFirstUnitTwentyFourth(t *testing.T) {
	texts := []string{"", "厂", "某厂", "A厂", "\xff厂x", "食品厂", "食品厂房", "工厂区，某某食品厂", "厂长某某公司", "某厂\xff",
		"厂内有限公司", "有限责任公司", "股份有限公司企业", "某某合作社当事人单位", "事业单位、企业", "公厂x", "有限公厂司",
		"当事人某某（个体）经营的加工厂", "经查，该厂于2025年", "电厂长期", "水厂内", "厂厂厂", "某某厂\n"}
	for _, f := range sampleFacts(t) {
		texts = append(texts, f, NormalizeText(f))
	}
	pieces := []string{"厂", "房", "区", "长", "内", "某", "食品", "A", "\xff", "，", "有限", "责任", "公司", "股份", "合作社",
		"当事人", "单位", "企业", "事业", "\n", " "}
	rng := rand.New(rand.NewSource(24))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.Intn(10) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	found, byFactory := 0, 0
	for _, text := range texts {
		got, want := firstUnit(text), unitRe.Regexp.FindStringIndex(text)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("firstUnit(%.80q) = %v, unitRe %v", text, got, want)
		}
		if got != nil {
			found++
			if strings.HasPrefix(text[got[0]:], "厂") || strings.Contains(text[got[0]:got[1]], "厂") {
				byFactory++
			}
		}
	}
	if found < 100 || byFactory < 20 {
		t.Fatalf("a unit found in %d texts, by 厂 in %d: the comparison tested little", found, byFactory)
	}
}
