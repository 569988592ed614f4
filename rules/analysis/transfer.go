package analysis

import (
	"strings"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// roleMeasures maps money roles to the transfer catalog's measures.
var roleMeasures = map[string]string{
	nlp.RoleSalesAmount:    "sales_amount",
	nlp.RoleGoodsValue:     "goods_value",
	nlp.RoleIllegalGains:   "illegal_gains",
	nlp.RoleIllegalRevenue: "illegal_revenue",
	nlp.RoleDirectLoss:     "direct_loss",
	nlp.RoleTax:            "tax_evaded",
	nlp.RoleWages:          "wages_owed",
	nlp.RoleAdCost:         "ad_cost",
}

// measures reads the numeric facts prosecution thresholds test from an
// extraction. Quantities are read by their role and unit, with the words
// of the text deciding what a tonnage or an area is of.
func measures(text string, x nlp.Extraction) map[string]float64 {
	m := map[string]float64{}
	for _, t := range x.Totals {
		if name, ok := roleMeasures[t.Role]; ok {
			m[name] = t.Value
		}
	}
	norm := nlp.NormalizeText(text)
	setMax := func(name string, v float64) {
		if v > m[name] {
			m[name] = v
		}
	}
	for _, q := range x.Quantities {
		switch {
		case q.Role == "死亡":
			setMax("deaths", q.Value)
		case q.Role == "重伤":
			setMax("serious_injuries", q.Value)
		case q.Role == "轻伤":
			setMax("minor_injuries", q.Value)
		case q.Role == "中毒":
			setMax("poisoned", q.Value)
		case q.Unit == "毫克/100毫升" || strings.EqualFold(q.Unit, "mg/100ml"):
			setMax("blood_alcohol", q.Value)
		case q.Unit == "倍" && q.Role == "超标":
			setMax("exceed_multiple", q.Value)
		case q.Unit == "吨" && strings.Contains(norm, "危险废物"):
			setMax("hazardous_waste_t", q.Value)
		case q.Unit == "亩":
			switch {
			case strings.Contains(norm, "基本农田"):
				setMax("basic_farmland_mu", q.Value)
			case strings.Contains(norm, "林地"):
				setMax("forest_mu", q.Value)
			case strings.Contains(norm, "耕地") || strings.Contains(norm, "农用地"):
				setMax("farmland_mu", q.Value)
			}
		case (q.Unit == "人" || q.Unit == "名") && (strings.Contains(norm, "工资") || strings.Contains(norm, "劳动报酬")):
			setMax("workers", q.Value)
		}
	}
	if s, ok := nlp.CrimeAmount(text); ok {
		m["property_value"] = s.Value
	}
	return m
}

// transfer assesses criminal-transfer risk for the matched violations.
func (a *Analyzer) transfer(text string, x nlp.Extraction, _ rules.Facts, vs []Violation) rules.Transfer {
	ids := make([]string, 0, len(vs))
	for _, v := range vs {
		ids = append(ids, v.BenchmarkID)
	}
	if a.cfg.Crimes == nil {
		return rules.Transfer{Risk: rules.RiskNone}.Normalized()
	}
	return a.cfg.Crimes.Assess(rules.TransferInput{Text: text, Measures: measures(text, x), Benchmarks: ids}, rules.TransferOptions{Near: a.cfg.Near})
}
