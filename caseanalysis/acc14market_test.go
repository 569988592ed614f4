package caseanalysis

import "testing"

// TestMarketFourteenthRoundFamilies checks, for the 市场监管 kinds of issue
// 12's fourteenth round ("acc14market"), each family in other words than the
// development rows: goods given out as what they are not (标注为…出售,
// 标称…实为, 当作全新) are 产品质量法 第五十条; a price list or a price tag
// not put up is 明码标价, not a government price (收费标准) nor a food label
// (标签); a taxi meter made to run fast is 计量, not a vehicle modified; a
// seller of uninspected gas cylinders is 特种设备安全法 第八十二条, not the
// user's 第八十四条; sales claimed against the sales found are 反不正当竞争法
// (销售状况), not a false ad.
func TestMarketFourteenthRoundFamilies(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"an iron lamp holder labelled as copper", "某灯具店将铁质灯座标注为“纯铜灯座”出售，货值四千元。",
			"2025-07-01", "prod-50-adulterate", "prod-49-unsafe-standard", 2000, 12000, false},
		{"a valve claimed copper, found zinc", "某五金店销售的水管阀门标称全铜材质，经检测实为锌合金，货值五千元。",
			"2025-07-01", "prod-50-adulterate", "", 2500, 15000, false},
		{"retreaded tyres sold as new", "某轮胎店把翻新的旧轮胎当作全新轮胎卖给车主，货值八千元。",
			"2025-07-01", "prod-50-adulterate", "", 4000, 24000, false},
		{"a laundry's price list not put up", "某洗衣店未公示干洗、熨烫等服务的收费标准，顾客取衣时才告知价格。",
			"2025-07-01", "price-13-marking", "price-9-government-price", 0, 5000, false},
		{"vegetables without price tags", "某菜摊的青菜、萝卜均未放置价格标签，摊主口头报价。",
			"2025-07-01", "price-13-marking", "food-125-label", 0, 5000, false},
		{"a taxi meter made to run fast", "某出租车司机在计价器上加装遥控装置，使计价器里程显示快于实际行驶里程。",
			"2025-07-01", "metro-48-cheating-instrument", "transport-69-vehicle-modification", 0, 2000, false},
		{"uninspected cylinders sold", "某燃气公司向居民销售未经检验的液化石油气钢瓶三十只。",
			"2025-07-01", "se-82-selling-uninspected", "se-84-unsafe-equipment-use", 30000, 300000, false},
		{"sales claimed against the sales found", "某网店在商品页面宣称其茶叶“月销5万件”，经查实际月销量不足两百件。",
			"2025-12-01", "comp25-25-false-promotion", "ad-55-false-advertiser", 0, 1000000, false},
	})
}

// TestMarketFourteenthRoundDispositions checks the officer's words for two
// dispositions: a seller the agency finds did not know the goods were
// unsafe (产品质量法 第五十五条: 可以从轻或者减轻处罚), and a price not
// marked, the first time, put right on the spot with no one overcharged
// (行政处罚法 第三十三条第一款: 不予处罚).
func TestMarketFourteenthRoundDispositions(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct{ name, facts, want, disposition string }{
		{"a seller proved not to know", "某商场销售的电热水壶经抽检不符合强制性国家标准，商场能够提供进货发票和供货商资质，有充分证据证明其不知道该产品不合格，货值二千元。",
			"prod-49-unsafe-standard", "从轻或者减轻处罚"},
		{"a party's claim is no proof", "某商场销售的电热水壶经抽检不符合强制性国家标准，当事人辩称不知道该产品不合格，货值二千元。",
			"prod-49-unsafe-standard", "处罚"},
		{"prices marked on the spot", "某水果摊未标明价格，系首次违法，执法人员检查时摊主当场补标了价格，未造成危害后果。",
			"price-13-marking", "不予处罚"},
		{"no one overcharged", "某杂货店商品均未标明价格，系初次被查，当场补齐价签，未发现多收价款。",
			"price-13-marking", "不予处罚"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2025-07-01")
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != tt.want {
				t.Fatalf("violations %v, want %s first\n%s", ids(res.Violations), tt.want, whys(res.Violations))
			}
			if got := string(res.Violations[0].Suggestion.Disposition); got != tt.disposition {
				t.Errorf("disposition %s, want %s", got, tt.disposition)
			}
		})
	}
}
