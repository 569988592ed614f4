package caseanalysis

import "testing"

// TestRangeNeighboursEleventh: the provision the range is read under, for two
// kinds of the eleventh round's range slice, each in wordings other than the
// dev rows' — a pharmacy's price raised per unit is a price case, not 药品
// 经营质量管理规范, and hazardous waste poured out in speech (往…倒了, 倒了十几桶)
// is dumping, fined on the disposal cost, not a storage fault.
func TestRangeNeighboursEleventh(t *testing.T) {
	a := newProvisionAnalyzer(t)
	checkPhrasings(t, a, []phrasingRow{
		{"a pharmacy's premium per unit, in the decision", "经查，当事人济安药店在口罩紧缺期间，对库存的N95口罩每只加价5元对外销售，共售出1200只。", "price-6-gouging", "drug-126-gsp"},
		{"a pharmacy's premium per unit, in a complaint", "顾客投诉：流感高发，街口的百草堂药房这几天把退烧药每盒涨了20元，已经卖出去一百多盒。", "price-6-gouging", "drug-126-gsp"},
		{"waste oil poured into a ditch, spoken", "2025年5月6日群众反映：有辆三轮车往村西水沟边倒了好几桶黑乎乎的废机油。执法人员核实，废机油系镇上一家修理厂的危险废物。", "waste-112-hw-dumping", "waste-112-hw-storage"},
		{"drums of waste liquid poured at night", "2025年6月2日，执法人员查明某某表面处理厂雇人半夜倒了六桶含铬废液在厂外荒坡上，该废液属危险废物。", "waste-112-hw-dumping", "waste-112-hw-storage"},
	})
}

// TestRangeKindsSecondBatchEleventh: the second batch's two kinds, in other
// words — a price raised over the day before (比…多收), and goods without
// their certificate sold as qualified (当合格品卖).
func TestRangeKindsSecondBatchEleventh(t *testing.T) {
	a := newProvisionAnalyzer(t)
	checkPhrasings(t, a, []phrasingRow{
		{"a premium over the day before, inspection", "2025年7月3日执法人员检查发现，暴雨封路后该便利店将蔬菜每斤比前一天多收2元，当天售出蔬菜400斤。", "price-6-gouging", "price-7-fraud"},
		{"over last week's price, complaint", "居民反映：停水后小区超市的桶装水比上周多收了10块一桶，买的人排长队。", "price-6-gouging", "price-7-fraud"},
		{"helmets without 3C sold as qualified, complaint", "家长投诉：学校门口的文具店把没有3C认证的电动车头盔当合格品卖给学生，老板承认一共卖了6000多元。", "prod-50-adulterate", ""},
	})
}
