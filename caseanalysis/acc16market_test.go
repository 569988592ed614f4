package caseanalysis

import "testing"

// TestMarketPhrasingFamiliesSixteenth checks, in other words than the
// development rows of issue 12's sixteenth round ("acc16market"), the
// penalty articles of the 市场监管 laws that had provision entries only and
// lost to a neighbour on shared words: meat without its quarantine
// (食品安全法 第一百二十三条第一款第（四）项, not the dead-animal item, not
// 瘦肉精, not a shop that did not check the papers); an order to recall
// ignored (第一百二十四条第一款第（九）项, whatever the food's defect); a
// producer that does not test (第一百二十六条第一款第（一）项) and a food
// business without its 食品安全管理人员 (第（二）项, not 安全生产法's
// training, the object named inside a negated act); a prescription drug or a
// breast-milk substitute advertised (广告法 第五十七条第（二）、（三）项, over
// the superlative of 第（一）项); a pesticide, veterinary drug or feed
// advertisement (第五十八条第一款第（四）项, not 保健食品, not 虚假广告 unless
// shown untrue); unlawful prize sales and trade secrets under both texts of
// 反不正当竞争法; tying in an online shop (电子商务法 第七十七条); and tax
// unpaid after an order to pay (税收征收管理法 第六十八条, not 偷税).
func TestMarketPhrasingFamiliesSixteenth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"beef without a quarantine certificate", "某冻品店冷库内存放待售的牛肉200公斤，不能提供动物检疫合格证明，货值八千元。",
			"2025-07-01", "food-123-unquarantined-meat", "food-123-dead-animal-meat", 100000, 150000, false},
		{"pork without the inspection stamp", "某烧烤店使用的猪五花肉没有检疫验讫印章，也拿不出检疫票据，货值三百元。",
			"2025-07-01", "food-123-unquarantined-meat", "", 100000, 150000, false},
		{"lean-meat powder is the first item", "某肉摊销售的猪肉检出莱克多巴胺，摊主称系从无检疫证明的养殖户处收购，货值两千元。",
			"2025-07-01", "food-123-nonfood-substance", "food-123-unquarantined-meat", 0, 0, true},
		{"the papers not checked is the purchase duty", "某生鲜超市复查：采购牛羊肉时未查验动物检疫合格证明，也无进货查验记录，上月已警告，本次仍未改正。",
			"2025-07-01", "food-126-purchase-records", "food-123-unquarantined-meat", 5000, 50000, false},
		{"recall ordered, goods still on shelves", "某乳品公司被责令召回一批菌落总数超标的酸奶后，仍在门店继续销售，货值五千元。",
			"2025-07-01", "food-124-recall-refused", "food-124-contaminants", 50000, 100000, false},
		{"no test of the finished bread", "某面包厂生产的吐司出厂前从不进行检验，已警告并责令改正，复查仍未检验，拒不改正。",
			"2025-07-01", "food-126-producer-testing", "", 5000, 50000, false},
		{"raw milk taken in without the supplier's report is the purchase duty", "某乳品厂收购生鲜乳时未索取检验报告，验收记录空白，已警告，复查仍未改正。",
			"2025-07-01", "food-126-purchase-records", "food-126-producer-testing", 5000, 50000, false},
		{"no food-safety manager, a negated object", "某食品公司没有配备食品安全管理人员，已警告并责令改正，复查时仍未配备，拒不改正。",
			"2025-07-01", "food-126-safety-manager", "safety-97-training", 5000, 50000, false},
		{"prescription drug on a poster", "某药店在门口海报上推销处方药“左氧氟沙星片”，称“消炎杀菌效果最好”。",
			"2025-07-01", "ad-57-prescription-drug", "ad-57-prohibited-content", 200000, 1000000, false},
		{"formula better than breast milk", "某奶粉经销商在商场展板上宣传其婴儿配方奶粉“营养优于母乳”。",
			"2025-07-01", "ad-57-breastmilk-substitute", "", 200000, 1000000, false},
		{"a pesticide leaflet's guarantee", "某农资门市部散发杀虫剂宣传单，称“对人畜无害，保证一次杀灭”，印制费用两千元。",
			"2025-07-01", "ad-58-agricultural-inputs", "ad-55-false-advertiser", 2000, 6000, false},
		{"an animal health product is no 保健食品", "某兽药店在抖音发布兽药广告，称“有效率99%，专家推荐”，广告费用三千元。",
			"2025-07-01", "ad-58-agricultural-inputs", "ad-58-health-food", 3000, 9000, false},
		{"a rigged draw under the 2019 text", "某超市举办抽奖活动，奖品由店长内定给熟人，顾客无法中得大奖。",
			"2025-07-01", "comp-22-prize-sales", "", 50000, 500000, false},
		{"a top prize over fifty thousand, 2025 text", "某楼盘销售中心开展抽奖式有奖销售，最高奖为价值十万元的汽车。",
			"2025-11-01", "comp25-27-prize-sales", "", 50000, 500000, false},
		{"a client list taken, 2019 text", "某公司前销售主管离职时带走公司采取保密措施的客户名单，新东家明知仍使用该名单招揽客户。",
			"2025-07-01", "comp-21-trade-secret", "", 100000, 1000000, false},
		{"a formula disclosed, 2025 text", "某厂技术员违反保密协议将原单位的涂料配方泄露给竞争企业使用。",
			"2025-11-01", "comp25-26-trade-secret", "", 100000, 1000000, false},
		{"insurance ticked in advance", "某票务网站在购票页面默认勾选退票险，消费者未注意即被一并扣费。",
			"2025-07-01", "ecom-77-tying-search", "", 50000, 200000, false},
		{"tax unpaid after the order", "某公司申报的增值税五万元逾期未缴，税务机关下达限期缴纳通知书后逾期仍未缴纳。",
			"2025-07-01", "tax-68-unpaid-after-order", "tax-63-evasion", 0, 0, false},
	})
}

// TestMarketSixteenthRoundSecondFixes checks the kinds the second batch
// missed, in other words again: a 决定书 that tells the inspection's finding
// before its 经查 (the finding is the act, kept by decisionFocus); a
// breast-milk substitute said to be like breast milk (…一样, 奶水不够);
// tying by an option left on (默认开启, 自动加购); a prize promised and never
// put in (百分百中, 砸金蛋); a scrapped gas cylinder sold (特种设备安全法
// 第八十二条第一款第（二）项, not 道路交通安全法's scrapped vehicle, not
// 回收食品); a shop's own poster (该店张贴) is no city-appearance case.
func TestMarketSixteenthRoundSecondFixes(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"the finding before 经查", "当事人：某某火锅店，经营者李某。2025年9月3日，执法人员检查当事人后厨，发现冰柜内存放的牛肉片40公斤无动物检疫合格证明。经查，该批牛肉系当事人从个人处购进，货值金额二千元。上述事实有现场笔录、照片等证据证实。",
			"2025-09-20", "food-123-unquarantined-meat", "", 100000, 150000, false},
		{"formula as good as breast milk", "某母婴店在微信朋友圈发布广告，称其婴儿奶粉“跟母乳差不多，宝宝吃了一样长得好”。",
			"2025-07-01", "ad-57-breastmilk-substitute", "", 200000, 1000000, false},
		{"a membership left switched on", "某外卖平台在用户下单页面默认开启“超级会员”选项，用户未关闭即被一并扣费。",
			"2025-07-01", "ecom-77-tying-search", "", 50000, 200000, false},
		{"a prize promised and never put in", "某商场举办“砸金蛋赢金条”活动，经查金蛋中从未放入金条，谎称有奖。",
			"2025-07-01", "comp-22-prize-sales", "", 50000, 500000, false},
		{"scrapped cylinders sold", "某燃气公司将已到报废年限的液化石油气钢瓶翻新后对外出售。",
			"2025-07-01", "se-82-selling-scrapped", "traffic-100-selling-scrapped-vehicle", 30000, 300000, false},
		{"a scrapped boiler sold on", "某二手设备商行把一台已经报废的燃煤锅炉卖给一家洗浴中心。",
			"2025-07-01", "se-82-selling-scrapped", "traffic-100-selling-scrapped-vehicle", 30000, 300000, false},
		{"a scrapped car is still the traffic law", "某二手车商将一辆已达到报废标准的小型轿车出售给他人，销售金额八千元。",
			"2025-07-01", "traffic-100-selling-scrapped-vehicle", "se-82-selling-scrapped", 8000, 8000, false},
	})
}

// TestFormaldehydeOfBoardsNotFood checks that 甲醛 a board releases or a
// purifier removes (甲醛零释放, 除甲醛) does not bring 生产、销售有毒、有害
// 食品罪 near, while 甲醛 found in a food still does.
func TestFormaldehydeOfBoardsNotFood(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts string
		food        bool
	}{
		{"a floor ad's zero release", "某建材店展板宣称其地板“国家级环保，甲醛零释放”，无法提供依据。", false},
		{"a purifier's claim", "某电器店宣传单称其空气净化器“除甲醛效率99%”。", false},
		{"formaldehyde in soaked squid", "某水产摊位浸泡的鱿鱼经快检检出甲醛。", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2025-07-01")
			got := res.Transfer.Crime == "生产、销售有毒、有害食品罪" && res.Transfer.Risk != "none"
			if got != tt.food {
				t.Errorf("transfer %s %s, want food crime %v", res.Transfer.Risk, res.Transfer.Crime, tt.food)
			}
		})
	}
}
