package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/legal"
)

// TestBlindDrawKindsTwentyFirst checks, in other words than the rows of the
// twentieth round's random draw ("acc21blindb"), the phrasing families its
// first sight missed: a platform that asks its sellers for no papers and
// checks none (不要求……提交, 没有核对; 电子商务法 第八十条第一款第（一）项); a
// poster stuck up in plain words (贴……卡片, 粘贴传单; 城市市容和环境卫生管理条例
// 第三十四条第（二）项); a drug named by its maker (某药业, 某制药) whose label
// claims more than was approved (假药, 药品管理法 第一百一十六条, and its
// crime); a bus station's 进站费 as what it took (道路运输条例 第六十五条第一款);
// a load moved to a second truck before the weighing station and put back
// after it (公路安全保护条例 第六十七条).
func TestBlindDrawKindsTwentyFirst(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"a mini-program mall asking sellers for nothing", "某团购小程序商城为申请入驻的商户开通网店时，从不要求商户提交身份证件和经营许可，也没有核对登记，经责令限期改正，逾期仍未改正。",
			"2025-09-10", "ecom-80-verify-register", "", 20000, 100000, false},
		{"cards stuck on a stairwell wall", "城管队员接到物业反映后到场，发现赵某正往小区楼道的墙上贴“高价回收烟酒”的卡片，已贴了二十多张。",
			"2025-09-10", "urban-34-graffiti", "", 0, 0, false},
		{"leaflets glued on a power box", "执法人员巡查发现，一名男子在路边变电箱上粘贴疏通下水道的传单。",
			"2025-09-10", "urban-34-graffiti", "", 0, 0, false},
		{"a drug maker's label claiming more", "某药业有限公司生产的某某片，其标签所标明的功能主治超出核准范围，擅自增加了“降血压”的内容，已销往多家药店。",
			"2025-09-10", "drug-116-counterfeit", "drug-125-unapproved-label", 0, 0, true},
		{"a roadside station taking entry fees", "王某未经许可在镇汽车站旁开设客运站，向进站的客运班车每班次收取进站费10元，累计收取进站费六千四百元。",
			"2025-09-10", "transport-65-station-unlicensed", "", 20000, 50000, false},
		{"steel moved to a second truck before the station", "货车司机李某在治超检测站前将车上一半钢材卸到同伙的货车上，两车通过检测站后又合装继续上路。",
			"2025-09-10", "highway-67-evade-detection", "", 0, 30000, false},
	})
}

// TestSoldBeforeSeizedTwentyFirst: goods sold before the officers came, the
// rest seized by them, are no seized goods sold (产品质量法 第六十三条 needs
// the hiding, moving or selling to come after the seal); a sale of the sealed
// goods still is.
func TestSoldBeforeSeizedTwentyFirst(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, facts := range []string{
		"经查，当事人购进不合格电热毯200条，已售出150条，剩余50条已被本局依法扣押，货值金额共计1.2万元。",
		"当事人销售的插线板经抽检不合格，已卖出三百个，库存的一百个由执法人员当场查封。",
	} {
		res := analyzeOn(t, a, facts, "2025-09-10")
		if len(res.Violations) > 0 && res.Violations[0].BenchmarkID == "prod-63-seized-goods" {
			t.Errorf("%s: 产品质量法 第六十三条 ranks first\n%s", facts, whys(res.Violations))
		}
	}
	analyzeFirstOn(t, a, "当事人将被我局依法扣押的不合格插座擅自卖给他人，货值三千元。", "2025-09-10", "prod-63-seized-goods")
}

// TestNoticePutUpSameDayTwentyFirst: a missing price notice put up the same
// day is a correction in time (当天即……公示, 当日就补标), so a first
// violation without overcharge is not penalised (行政处罚法 第三十三条).
func TestNoticePutUpSameDayTwentyFirst(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, facts := range []string{
		"某洗车店未公示洗车收费标准，系首次被查，未多收费用，当日即在店门口公示了收费价目表。",
		"某水果摊的部分水果未标明价格，摊主此前未因价格违法受过处罚，未多收价款，当天就补标了价签。",
	} {
		res := analyzeFirstOn(t, a, facts, "2025-09-10", "price-13-marking")
		if got := res.Violations[0].Suggestion.Disposition; got != legal.DispositionNone {
			t.Errorf("%s: disposition %s, want %s\n%s", facts, got, legal.DispositionNone, whys(res.Violations))
		}
	}
}

// TestHealthFoodListSubstanceTwentyFirst: a substance of the list of what
// may be unlawfully added to health foods (西地那非, 他达拉非, 西布曲明) found in
// a food is a 有毒、有害的非食品原料 (2021 危害食品安全刑事案件解释 第九条第（二）项),
// 食品安全法 第一百二十三条第一款第（一）项, and the crime is likely; the same
// substance sold as a drug is no food.
func TestHealthFoodListSubstanceTwentyFirst(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		facts  string
		likely bool
	}{
		{"经抽检，某商行网售的“虎鞭咖啡”中检出他达拉非，货值金额2.3万元。", true},
		{"某微商销售的减肥代餐粉经检验含有西布曲明，已售出四十余袋。", true},
		{"某药店未凭处方向顾客销售西地那非片两盒。", false},
	} {
		res := analyzeOn(t, a, tt.facts, "2025-09-10")
		if tt.likely && (len(res.Violations) == 0 || res.Violations[0].BenchmarkID != "food-123-nonfood-substance") {
			t.Errorf("%s: violations %v, want food-123-nonfood-substance first", tt.facts, ids(res.Violations))
		}
		got := res.Transfer.Risk == "likely" && res.Transfer.Crime == "生产、销售有毒、有害食品罪"
		if got != tt.likely {
			t.Errorf("%s: transfer %s (%s), want likely %v", tt.facts, res.Transfer.Risk, res.Transfer.Crime, tt.likely)
		}
	}
}

// TestSecondBatchKindsTwentyFirst checks, in other words than the second
// blind batch of acc21blindb, a deadline passed with the party named before
// what is still not done (期满后……仍未, 特种设备安全法 第七十九条's 逾期未改正)
// and waste dumped and then taken away of the party's own accord (自行雇车……
// 清运, 行政处罚法 第三十二条第（一）项).
func TestSecondBatchKindsTwentyFirst(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	res := analyzeFirstOn(t, a, "某电梯公司改造一台乘客电梯，改造过程未经监督检验即交付使用，经责令限期改正，期满后该公司仍未申请监督检验。", "2025-09-10", "se-79-no-supervision-inspection")
	if st := res.Violations[0].Suggestion.Statutory; st == nil || st.FineMin != 50000 || st.FineMax != 200000 {
		t.Errorf("statutory %v, want 50000–200000", st)
	}
	res = analyzeFirstOn(t, a, "某餐饮公司将店内产生的生活垃圾三车倒在城郊公路边的空地上，次日自行联系车辆将垃圾清运至指定的垃圾中转站。", "2025-09-10", "urban-111-household-waste-unit")
	if got := res.Violations[0].Suggestion.Disposition; got != legal.DispositionLighterOrMitigated {
		t.Errorf("disposition %s, want %s\n%s", got, legal.DispositionLighterOrMitigated, whys(res.Violations))
	}
}
