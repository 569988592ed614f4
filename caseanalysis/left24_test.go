package caseanalysis

import "testing"

// TestDamageVehicleCountTwentyFourth: a count of vehicles makes 情节较重
// of 故意损毁 (several owners' property) only where a damage verb goes with
// it; cars parked by and left undamaged are no owners harmed.
func TestDamageVehicleCountTwentyFourth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"two cars parked by, undamaged", "经查，2026年5月9日凌晨，违法行为人诸葛某因车位纠纷，用砖块砸碎邻居轿车的前挡风玻璃，经价格认定损失二千二百元。案发时该车旁另停放两辆电动车，均完好。",
			"2026-05-09", "police25-59-damage", "", 0, 1000, false},
		{"two scooters' seats cut", "经查，2026年5月9日凌晨，违法行为人诸葛某因车位纠纷，持美工刀将楼道口两辆电动车的坐垫割破，经价格认定损失六百元。",
			"2026-05-09", "police25-59-damage-serious", "", 0, 3000, false},
	})
}

// TestTierPlaceTwentyFourth: the place a basic tier passes to its
// aggravated tier is the score it would have had without the exclusion,
// the require bonus only where the facts show all its elements (rev23: the
// bonus was read before the missing elements were known, so every passed
// place had it); and a basic tier that requires nothing shares no conduct
// with any aggravated tier (another conduct of the article would pass the
// same test).
func TestTierPlaceTwentyFourth(t *testing.T) {
	scores := []struct {
		name              string
		missing, requires int
		want              float64
	}{
		{"one element missing", 1, 2, 0.5 * missingFactor},
		{"all elements shown", 0, 2, 0.5 + requireBonus*0.5},
		{"no elements", 0, 0, 0.5},
	}
	for _, tc := range scores {
		if got := elementScore(0.5, tc.missing, tc.requires); got != tc.want {
			t.Errorf("%s: score %v, want %v", tc.name, got, tc.want)
		}
	}
	a, b := element{label: "赌博"}, element{label: "情节严重"}
	same := []struct {
		name        string
		basic, tier []element
		want        bool
	}{
		{"tier adds its circumstance", []element{a}, []element{a, b}, true},
		{"tier lacks the conduct", []element{a, b}, []element{b}, false},
		{"basic requires nothing", nil, []element{b}, false},
	}
	for _, tc := range same {
		if got := sameElements(tc.basic, tc.tier); got != tc.want {
			t.Errorf("%s: same %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestLeftoverKindsTwentyFourth: the kinds of blind23a/b's leftover misses,
// each worded apart from the row behind it:
//   - a gift offer in an advertisement whose kind or term is not stated
//     (满300元送100元，未注明送的是购物券) is 广告法 第八条第二款, 第五十九条第一款, not a
//     price deception (价格违法行为行政处罚规定 第七条);
//   - a 保健食品 named by its filing (已备案的…片, 备案配方), not by its class:
//     食品安全法 第一百二十六条第一款第（八）项, not 药品管理法;
//   - untrue words about a brand another business sells (被点名的品牌), backed
//     by nothing (拿不出…依据): 商业诋毁, not a false advertisement.
func TestLeftoverKindsTwentyFourth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"gift terms unstated", "2026年9月3日，执法人员检查发现，某鞋店门口促销展板写有“进店消费满300元送100元”，但未注明赠送的是仅限下次使用的购物券，顾客多有误解。",
			"2026-09-03", "ad-59-unclear-content", "price-7-fraud", 0, 100000, false},
		{"supplement by its filing", "经查，当事人某营养品有限公司生产的已备案产品鱼油软胶囊，未按备案配方组织生产，擅自将原料深海鱼油替换为普通鱼油。",
			"2026-04-10", "food-126-special-food-filing", "drug-126-gsp", 0, 0, false},
		{"a rival's brand named", "2026年5月6日，执法人员检查某某母婴用品店，发现店内货架上张贴告示称“某某牌奶瓶含双酚A，已被国家通报”。店主称是听顾客说的，拿不出任何依据，被点名的品牌由对面一家母婴店独家经销。",
			"2026-05-06", "comp25-28-disparagement", "", 100000, 1000000, false},
	})
}

// TestTradeSecretGainsTwentyFourth: a trade secret used with 违法所得 of
// 三十万元 or more is 侵犯商业秘密罪's 重大损失 (解释（三）第四条第一款第（一）
// 项): likely to be transferred; smaller gains are not.
func TestTradeSecretGainsTwentyFourth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"gains of 35万", "经查，当事人某阀门制造有限公司明知前员工刘某掌握的铸造配方系其原单位采取保密措施的技术信息，仍高薪聘用刘某并使用该配方生产阀门，至案发时销售阀门违法所得人民币35万元。",
			"2026-06-15", "comp25-26-trade-secret", "", 100000, 1000000, true},
		{"gains of 12万", "经查，当事人某阀门制造有限公司明知前员工刘某掌握的铸造配方系其原单位采取保密措施的技术信息，仍高薪聘用刘某并使用该配方生产阀门，至案发时销售阀门违法所得人民币12万元。",
			"2026-06-15", "comp25-26-trade-secret", "", 100000, 1000000, false},
	})
}

// TestTheftTierTwentyFourth: theft the officers find 影响恶劣, or carried on
// after the thief was caught and dealt with, is 情节较重 of 盗窃 (2012年法
// 第四十九条, 2025年法 第五十八条): the serious tier takes the basic one's
// place; an influence denied (未造成恶劣影响) leaves the basic tier.
func TestTheftTierTwentyFourth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"caught and dealt with, stole again", "2026年5月3日，民警查明：金某在菜市场先后三次趁摊主不备窃取摊位上的香烟，价值合计六百元，其第二次作案时被摊主当场发现并报警，经派出所处理后仍再次前往窃取，在市场内造成恶劣影响。",
			"2026-05-03", "police25-58-theft-serious", "", 0, 3000, false},
		{"influence found bad, 2012 law", "2025年7月9日，民警查明：包某在小区地下车库内窃取业主电动车电瓶两块，价值共计四百元，引发业主恐慌，社会影响恶劣。",
			"2025-07-09", "police-49-theft-serious", "", 0, 1000, false},
		{"influence denied", "2026年7月9日，民警查明：包某在小区地下车库内窃取业主电动车电瓶两块，价值共计四百元，赃物已追回发还，未造成恶劣影响。",
			"2026-07-09", "police25-58-theft", "", 0, 2000, false},
	})
}

// TestLiftAccidentTwentyFourth: a lift's or an escalator's accident is a
// 特种设备事故: not reporting it is 特种设备安全法 第八十九条 and the
// accident itself 第九十条, not the general 安全生产法 第一百一十四条; a
// death in it still points to 重大责任事故罪.
func TestLiftAccidentTwentyFourth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"escalator slid back, not reported", "经查，2026年4月2日，某超市门口的自动扶梯突然溜梯，一名老人摔倒致锁骨骨折，超市负责人未报告，事后才承认发生事故。",
			"2026-04-10", "se-89-accident-late-report", "safety-114-general-accident", 50000, 200000, false},
		{"lift fell, not reported", "2026年3月20日，执法人员调查查明：3月12日上午，某小区3号楼电梯运行中轿厢突然坠落至底层，致一名乘客腰部骨折住院。物业公司当日自行联系维保单位修复后恢复运行，未向特种设备安全监督管理部门报告，直至3月19日伤者家属举报后才上报。",
			"2026-03-20", "se-89-accident-late-report", "safety-114-general-accident", 50000, 200000, false},
		{"lift's fatal accident", "经调查，2026年2月14日，某小区5号楼乘客电梯因曳引钢丝绳断股未及时更换，轿厢坠落致一名住户死亡，经认定为一般特种设备事故。物业公司作为使用单位未按规定进行维护保养，对事故发生负有责任。",
			"2026-03-01", "se-90-general-accident", "safety-114-general-accident", 100000, 200000, true},
	})
}
