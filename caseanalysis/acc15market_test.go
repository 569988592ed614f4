package caseanalysis

import "testing"

// TestMarketFifteenthRoundFamilies checks, for the 市场监管 kinds of issue
// 12's fifteenth round ("acc15market"), each family in other words than the
// development rows: a claim on the label against what a test found
// (标注/标称/吊牌…经检验…为, …不含) is 产品质量法 第五十条; a medical device
// past its 有效期 or without its 合格证明 in words other than 过期 is 医疗器械
// 监督管理条例 第八十六条; a seller of special equipment without its 监督检验
// papers is 特种设备安全法 第八十二条, not 产品质量法; the trademark owner's
// finding of 侵权产品 is 商标法 第六十条; a spoken claim found untrue
// (宣称…实际, 经查为…生产) is 反不正当竞争法, not an ad; money paid to the
// counterpart's staff under a fee's name (以…推广费名义…个人账户) is 商业贿赂,
// and 推广费 is no advertising medium.
func TestMarketFifteenthRoundFamilies(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"a label's wool found acrylic", "某服装店销售的毛衣吊牌标明“羊毛含量80%”，经检测羊毛成分为0，全部为腈纶，货值六千元。",
			"2025-07-01", "prod-50-adulterate", "price-6-gouging", 3000, 18000, false},
		{"a cup's 304 steel found 201", "某百货店销售的保温杯外包装标注内胆为304不锈钢，经检测内胆材质为201不锈钢，货值四千元。",
			"2025-07-01", "prod-50-adulterate", "", 2000, 12000, false},
		{"a tag's silk found polyester", "某家纺店出售的被子标称桑蚕丝填充，经检验填充物为聚酯纤维，货值一万元。",
			"2025-07-01", "prod-50-adulterate", "", 5000, 30000, false},
		{"test strips past their validity", "某药械店在售的血糖试纸已超出包装标注的有效期两个月，货值一千二百元。",
			"2025-07-01", "device-86-expired-unregistered", "", 20000, 50000, false},
		{"oximeters without their certificates", "某医疗器械经营部销售的指夹式血氧仪不能提供产品合格证明文件，货值三千元。",
			"2025-07-01", "device-86-expired-unregistered", "", 20000, 50000, false},
		{"boilers sold without the supervising inspection", "某锅炉销售公司向一家洗浴中心出售两台蒸汽锅炉，均没有特种设备监督检验证书，货值八万元。",
			"2025-07-01", "se-82-selling-uninspected", "prod-49-unsafe-standard", 30000, 300000, false},
		{"the owner finds the bags infringing", "某箱包店销售印有“COACH”标识的女包，经商标权利人鉴定为侵权产品，违法经营额一万二千元。",
			"2025-07-01", "tm-60-infringement", "prod-53-forged-marks", 0, 250000, false},
		{"the owner's finding, in 系侵权产品", "某商店销售的运动服标有“李宁”商标，经商标注册人鉴定系侵权产品，违法经营额八千元。",
			"2025-07-01", "tm-60-infringement", "prod-53-forged-marks", 0, 250000, false},
		{"a shopkeeper's origin claim found untrue", "某茶叶店店主对顾客称所售茶叶为西湖龙井核心产区出品，经核实系外省茶园所产，当事人未发布任何广告。",
			"2025-07-01", "comp-20-false-promotion", "", 200000, 1000000, false},
		{"a salesman's imported claim", "某建材店店员向顾客声称其瓷砖是意大利原装进口，经查实际为广东某厂生产，未发布广告。",
			"2025-07-01", "comp-20-false-promotion", "", 200000, 1000000, false},
		{"a fee's name for a payment", "某试剂公司以“会议赞助费”名义向某医院检验科主任的私人账户转账八万元，以获取该医院的试剂订单。",
			"2025-07-01", "comp-19-bribery", "ad-58-medical", 100000, 3000000, false},
		{"学术推广费 to a pharmacist", "某医药公司以学术推广费名义向药房负责人个人账户转账，换取该店采购其药品。",
			"2025-12-01", "comp25-24-bribery", "ad-58-medical", 100000, 1000000, false},
		{"sales of counterfeit shoes found by the owner", "某鞋店销售标有“ADIDAS”商标的运动鞋，经商标注册人鉴定均为侵权商品，已销售金额七万元。",
			"2025-07-01", "tm-60-infringement", "", 0, 350000, true},
	})
}

// TestRefusedCorrectionLaterCheckFamily checks that a later check finding
// the same state, whatever follows 仍 (复查…仍无, 复查时…仍继续, 复查…依旧),
// sets refused_correction as it sets not_corrected: 食品安全法 第一百二十六条
// fines only a refusal to correct.
func TestRefusedCorrectionLaterCheckFamily(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"still no health certificate", "某面馆两名服务员无健康证明上岗，6月已警告并责令改正，7月复查时二人仍无健康证明端面上桌。",
			"2025-07-20", "food-126-health-certificate", "", 5000, 50000, false},
		{"the purchase ledger still blank", "某超市未建立进货查验记录，5月警告并责令改正，复查发现台账依旧空白。",
			"2025-07-20", "food-126-purchase-records", "", 5000, 50000, false},
		{"the tableware still not disinfected", "某饭店餐具使用前未消毒，已责令改正并警告，复查时仍直接使用未消毒的碗筷。",
			"2025-07-20", "food-126-tableware-disinfection", "", 5000, 50000, false},
	})
}

// TestMarketFifteenthRoundSecondFixes checks the kinds the second batch
// missed, in other words again: the seller's verbs beyond 销售 (卖出, 售卖,
// 销往) for special equipment; a claim shown ordinary (只是普通, 根本不是) as
// 反不正当竞争法; the object of a negated act (未对餐具…消毒) named, not
// denied; and the later visit as 本次检查…仍 for a refusal to correct.
func TestMarketFifteenthRoundSecondFixes(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"gas cylinders 售卖 without 监督检验", "某气体经营部向饭店售卖的液化气钢瓶二十只均未经监督检验。",
			"2025-07-01", "se-82-selling-uninspected", "se-84-unsafe-equipment-use", 30000, 300000, false},
		{"forklifts 销往 a warehouse uninspected", "某叉车经销公司将三台未经检验的叉车销往一家仓储公司。",
			"2025-07-01", "se-82-selling-uninspected", "", 30000, 300000, false},
		{"a claim of a patent that is not", "某门店导购员当面向顾客介绍称该净水器“拥有国家专利、能除尽重金属”，经查该净水器根本不是专利产品，也不能除尽重金属，未发布广告。",
			"2025-07-01", "comp-20-false-promotion", "", 200000, 1000000, false},
		{"chopsticks not disinfected, the later visit", "某面馆未对筷子、汤碗进行消毒，上月已警告并责令改正。本次检查，筷子仍直接从水池捞出使用。",
			"2025-07-20", "food-126-tableware-disinfection", "", 5000, 50000, false},
	})
}
