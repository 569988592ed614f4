package caseanalysis

import "testing"

// TestMarketThirteenthRoundFamilies checks, for the 市场监管 kinds of issue
// 12's twelfth round ("acc13market"), each family in other phrasings than the
// development rows: 食品安全法 第一百二十三条's substances as the statute words
// them (回收食品 as leftovers boiled again, the poppy's alkaloids a report
// names, animals dead of disease in a seller's words); aluminium over the
// additive standard (第一百二十四条 第（三）项, not 第（一）项); goods hardened
// past use (产品质量法 第五十二条); a till charging above the tag (价格欺诈, not
// 明码标价); a drug's label (药品管理法, not 食品安全法); the sum of false
// invoices as the base.
func TestMarketThirteenthRoundFamilies(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"leftover soup boiled again", "某麻辣烫店将顾客吃剩的汤底回收后加入新汤料再次熬制出售，店内汤底按售价计货值八百元。",
			"2025-07-01", "food-123-nonfood-substance", "", 100000, 150000, false},
		{"the poppy's alkaloids in a noodle soup", "某牛肉面馆汤料经抽样检测，检出罂粟碱、那可丁成分，当事人库存及已售汤料货值二千元。",
			"2025-07-01", "food-123-nonfood-substance", "", 100000, 150000, true},
		{"chickens dead of disease made into braised chicken", "某熟食店将从养殖户处低价收来的发瘟死掉的鸡做成卤鸡售卖，货值三千元。",
			"2025-07-01", "food-123-dead-animal-meat", "", 100000, 150000, true},
		{"aluminium over the additive standard", "某油饼摊炸制时加入明矾，抽检油饼铝的残留量超过国家标准限量，货值二百元。",
			"2025-07-01", "food-124-additive-overuse", "food-124-contaminants", 50000, 100000, false},
		{"tile adhesive hardened past use", "某建材店货架上的瓷砖胶已结块变硬，仍标价销售，货值一千二百元。",
			"2025-07-01", "prod-52-expired", "", 0, 2400, false},
		{"the till above the tag", "某超市鸡蛋价签标示每斤5.8元，收银时却按每斤6.8元结算，当日共售出三百斤。",
			"2025-07-01", "price-7-fraud", "price-13-marking", 0, 0, false}, // the gains from the two prices are still open
		{"a drug's label, not a food's", "某保健品店销售的所谓进口胶囊，经药检所检验，所含成分与标签标示及国家药品标准不符，货值一万元。",
			"2025-07-01", "drug-116-counterfeit", "food-125-label", 1500000, 3000000, true},
		{"the sum of false invoices", "当事人为他人开具与实际交易不符的增值税普通发票五份，金额合计人民币8.6万元。",
			"2025-07-01", "tax-invoice-35-false-issue", "", 50000, 500000, false},
	})
}

// marketRow is a phrasing of a market kind: the benchmark it must rank
// first (and one it must not), its statutory range when max is not zero,
// and whether the transfer is likely.
type marketRow struct {
	name, facts, day, want, not string
	min, max                    float64
	likely                      bool
}

// checkMarketRows analyses each row on its day and checks it.
func checkMarketRows(t *testing.T, a *Analyzer, rows []marketRow) {
	t.Helper()
	for _, tt := range rows {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.day)
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != tt.want {
				t.Fatalf("violations %v, want %s first\n%s", ids(res.Violations), tt.want, whys(res.Violations))
			}
			if tt.not != "" && res.Violations[0].BenchmarkID == tt.not {
				t.Errorf("%s ranks first", tt.not)
			}
			if tt.max > 0 {
				st := res.Violations[0].Suggestion.Statutory
				if st == nil || st.FineMin != tt.min || st.FineMax != tt.max {
					t.Errorf("statutory %v, want %v–%v", st, tt.min, tt.max)
				}
			}
			if got := res.Transfer.Risk == "likely"; got != tt.likely {
				t.Errorf("transfer %s (%s), want likely %v", res.Transfer.Risk, res.Transfer.Crime, tt.likely)
			}
		})
	}
}
