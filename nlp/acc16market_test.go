package nlp

import "testing"

// TestMarketSixteenthRoundReadings checks that the total of an overcharge
// named by its other nouns (多收款项, 多收的费用, 多收金额) is the 违法所得, in
// other words than the development rows.
func TestMarketSixteenthRoundReadings(t *testing.T) {
	checkTotals(t, []totalRow{
		{"the overcharge's sum as 款项", "经调取收银记录，当事人多收款项共计人民币三百六十元。", RoleIllegalGains, 360},
		{"the overcharge as 费用, 合计", "该停车场多收的费用合计2,400元。", RoleIllegalGains, 2400},
		{"the overcharge as 金额", "经核算，多收金额为人民币1.2万元。", RoleIllegalGains, 12000},
	})
}
