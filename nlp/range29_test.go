package nlp

import "testing"

// TestDigOutPricedOrOthersTwentyNinth: polluted ground dug out is the
// party's lessening of the harm (行政处罚法 第三十二条第（一）项) only when the
// party did it: an excavation named as an item of a cost assessed or to be
// paid (连同被污染的土壤一并清挖，所需处置费用经评估为…) and one another had
// done (镇政府组织人员将…挖运) are not. Guards: the party's own dig told as
// done stands, with or without a cost assessed after it.
func TestDigOutPricedOrOthersTwentyNinth(t *testing.T) {
	checkCircumstanceRows(t, []circumstanceRow{
		{"an item of the assessed cost", "某电镀厂将含镍废液约0.4吨排入厂外洼地，连同被污染的土壤一并清挖，所需处置费用经第三方评估为12万元。", CircSelfRemovedHarm, false},
		{"an item of the cost estimated", "修复方案载明，需将受污染土壤清挖外运处置，预计费用约30万元。", CircSelfRemovedHarm, false},
		{"another had it dug out", "事发后，镇政府组织人员将污染土壤清挖外运，当事人至今未承担任何费用。", CircSelfRemovedHarm, false},
		{"the party's own dig, cost assessed after", "当天下午当事人已自行将被污染的泥土挖出装袋，处置费用经核算为2万元。", CircSelfRemovedHarm, true},
		{"the party's own dig", "该厂发现渗漏后立即将受污染的土壤挖出并送有资质单位处置。", CircSelfRemovedHarm, true},
	})
}
