package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// TestProvisionTiersSeventeenth: a provision-level entry's heavier tier is
// chosen from the facts' own words — 情节严重 / 情节较重 (the serious
// circumstance) or 造成严重后果 / 后果严重 (the serious_consequence flag) —
// and a negated consequence (未造成严重后果) keeps the main fine.
func TestProvisionTiersSeventeenth(t *testing.T) {
	a := newProvisionAnalyzer(t)
	// 发票管理办法 第三十七条第（二）项: 1万元以上5万元以下; 情节严重的, 5万元
	// 以上50万元以下.
	invoice372 := rules.ProvisionID(legal.Ref{Law: "发票管理办法", Article: 37, Item: 2})
	for _, c := range []struct {
		facts, id string
		want      rules.Range
	}{
		{"某商贸公司明知是伪造的发票仍受让并存放二百余份，情节严重。", invoice372, rules.Range{FineMin: 50000, FineMax: 500000}},
		{"某商贸公司明知是伪造的发票仍受让三份。", invoice372, rules.Range{FineMin: 10000, FineMax: 50000}},
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
		if flags, _ := inferFlags(b, nlp.NormalizeText(c.facts), readOrders(nlp.NormalizeText(c.facts))); flags != nil {
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
