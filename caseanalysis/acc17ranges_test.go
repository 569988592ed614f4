package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// TestProvisionTiersSeventeenth: a provision-level entry's heavier tier is
// chosen from the facts' own words — 情节严重 / 情节较重 (the serious
// circumstance) or 造成严重后果 / 后果严重 (the serious_consequence flag) —
// and a negated consequence (未造成严重后果) keeps the main fine.
func TestProvisionTiersSeventeenth(t *testing.T) {
	a := newProvisionAnalyzer(t)
	for _, c := range []struct {
		facts, id string
		want      rules.Range
	}{
		{"个体户何某倒卖完税凭证四十余份，情节严重。", "prov:tax-collection-rules-91", rules.Range{FineMin: 10000, FineMax: 50000}},
		{"个体户何某转借完税凭证两份给他人使用。", "prov:tax-collection-rules-91", rules.Range{FineMin: 2000, FineMax: 10000}},
		{"某建设公司在污水管网保护范围内开挖基坑，未与排水设施维护运营单位共同制定设施保护方案，也未采取安全防护措施，致使管道破裂，后果严重。",
			"prov:urban-drainage-57-1", rules.Range{FineMin: 50000, FineMax: 100000}},
		{"某建设公司在污水管网保护范围内开挖基坑，未与排水设施维护运营单位共同制定设施保护方案，也未采取安全防护措施，尚未造成严重后果。",
			"prov:urban-drainage-57-1", rules.Range{FineMin: 20000, FineMax: 50000}},
	} {
		b, cat := a.benchmark(c.id)
		if b == nil {
			t.Fatalf("%s: no provision benchmark", c.id)
		}
		ef := rules.ExtractFacts(c.facts).Facts
		if flags, _ := inferFlags(b, nlp.NormalizeText(c.facts)); flags != nil {
			ef.Flags = flags
		}
		s, _, err := a.suggest(cat, b, ef)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Statutory; got == nil || *got != c.want {
			t.Errorf("%s: %s statutory %+v, want %v", c.facts, c.id, got, c.want)
		}
	}
}
