package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestTransportLabourPhrasingFamiliesEighteenth decides the kinds the
// eighteenth round's 交通运输、人社 rows missed on first sight (issue 12), in
// other words than the rows':
//   - 保障农民工工资支付条例 第五十四条第（一）、（三）项 and 第五十五条第（二）、
//     （三）项, which had no benchmark: pay in kind, a withheld wage card, no
//     wage guarantee, no real-name register;
//   - the 劳动保障 inspection named by its officers (监察员), obstructed
//     while it looked into overtime (第三十条, not 第二十五条);
//   - unlicensed freight carried on after the order to stop, or after
//     penalties for it: the 情节严重 tier of 道路运输条例 第六十三条第（一）项;
//   - the missing licence named by its scope (无道路货物运输经营许可证,
//     无危险货物运输许可, 无车辆营运证), in a bare note and inside a
//     decision's party paragraph: the negation denies the licence, not the
//     goods it is for.
func TestTransportLabourPhrasingFamiliesEighteenth(t *testing.T) {
	a := newProvisionAnalyzer(t)
	checkEnvPhrasing(t, a, []envPhrasingCase{
		{"wages paid in flats of the developer", "经查，某劳务公司在城南花园项目以开发商抵给的商品房抵顶农民工工资，经人社局责令限期改正后逾期未改正。",
			"wage-54-in-kind", "wage-54-payroll", ""},
		{"wages paid in vouchers of a supermarket", "工人反映工地上每月发的是超市代金券，不发现金。经查属实，施工单位以代金券代替货币支付工资，责令改正逾期不改。",
			"wage-54-in-kind", "", ""},
		{"the foreman holding the workers' bank cards", "监察大队调查发现，某建筑劳务公司项目负责人以统一管理为名收走了32名农民工的工资卡，经责令限期改正，逾期仍未归还。",
			"wage-54-card-detained", "", ""},
		{"social security cards kept in the site office", "经查，某分包单位将农民工本人的社会保障卡集中保管在项目部，经责令改正逾期未改。",
			"wage-54-card-detained", "", ""},
		{"no wage guarantee deposited", "经查，某建工集团作为某安置房项目的施工总承包单位，未按规定存储农民工工资保证金，也未提供银行保函，经责令限期改正后逾期未改正。",
			"wage-55-wage-guarantee", "wage-55-special-account", ""},
		{"workers on site with no real-name registration", "检查发现某厂房扩建工程施工现场有四十余名工人未进行用工实名登记，总包单位未落实实名制管理，经责令限期改正后逾期未改正。",
			"wage-55-real-name", "", ""},
		{"an inspector shut out of the workshop", "劳动监察员前往某玩具厂核查超时加班举报，厂方关闭大门拒之门外，并拒不提供排班表和考勤记录。",
			"labour-30-obstruct-inspection", "labour-25-overtime", ""},
		{"unlicensed lorries hauling again after a penalty", "经查，某某物流队未取得道路运输经营许可，使用两辆重型货车为砖厂拉运红砖，2025年8月被处罚后仍继续经营，违法所得5200元。",
			"transport-63-unlicensed-freight-serious", "transport-63-unlicensed-freight", ""},
		{"unlicensed haulage on after the order to stop", "当事人陈某无道路运输经营许可证，驾驶自有半挂车承运钢材，被责令停止经营后拒不停止，查实收取运费八千元。",
			"transport-63-unlicensed-freight-serious", "transport-63-unlicensed-freight", ""},
		{"a driver's second catch for the same haulage", "车主韦某未取得道路运输经营许可，用半挂车替砂场承运石子，这是他今年第二次因无证运输被查获，本次收取运费2400元。",
			"transport-63-unlicensed-freight-serious", "transport-63-unlicensed-freight", ""},
		{"spoil hauled to a disposal yard without a licence", "城东渣土消纳点门口 个体车主曹某 无道路运输经营许可证 用自卸车为某小区工地拉运弃土 收费1500元",
			"transport-63-unlicensed-freight", "urban-111-construction-waste-dumping", ""},
		{"a foreman keeping the workers' wage cards", "农民工投诉包工头扣着大家的工资卡不还，监察员核实某劳务分包公司扣押农民工工资卡20张，已责令限期改正，逾期仍未改正。",
			"wage-54-card-detained", "labour-84-withhold-files", ""},
		{"a note naming the freight licence by its scope", "2025.10.12 城北物流园 车主马某 无道路货物运输经营许可证 驾驶厢式货车为快递网点运送包裹 收运费2600元",
			"transport-63-unlicensed-freight", "", ""},
		{"a decision naming the dangerous goods licence by its scope", "当事人：罗某\n住址：某市某区\n经查：当事人无危险货物道路运输许可，使用普通栏板货车为某气站运输液化石油气钢瓶三十只，收费情况尚在核查。",
			"transport-63-unlicensed-dangerous-goods", "transport-63-unlicensed-freight", ""},
	})
}

// TestCompensationIsNoWagesEighteenth: the 经济补偿 owed on ending a
// contract is no 劳动报酬 of 拒不支付劳动报酬罪 (解释 第一条), while unpaid
// wages of the same size and order still point at it.
func TestCompensationIsNoWagesEighteenth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		facts string
		want  string
	}{
		{"经查，某科技公司与2名员工解除劳动合同后未依法支付经济补偿合计36000元，经责令限期支付，逾期仍未支付。", rules.RiskNone},
		{"某饭店辞退厨师一名，应付经济补偿金9000元，经监察大队责令支付后期满仍未付。", rules.RiskNone},
	}
	for _, tt := range tests {
		res := analyzeOn(t, a, tt.facts, "2025-12-01")
		if res.Transfer.Risk != tt.want {
			t.Errorf("%s: transfer %s (%s), want %s", tt.facts, res.Transfer.Risk, res.Transfer.Crime, tt.want)
		}
	}
	// Wages of the same worker, the same order refused: still a hint.
	res := analyzeOn(t, a, "某饭店拖欠厨师一名四个月工资9000元，经监察大队责令支付后期满仍未付。", "2025-12-01")
	if res.Transfer.Risk == rules.RiskNone {
		t.Errorf("unpaid wages: transfer %s, want a hint of 拒不支付劳动报酬罪", res.Transfer.Risk)
	}
}
