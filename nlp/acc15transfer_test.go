package nlp

import "testing"

// TestTransferFifteenthRoundReadings checks the readings the criminal
// transfer slice of round fifteen touched, in other words than its rows: a
// sum named after what was sold (销售上述电线金额, 销售该批化肥的收入, 售出
// 插座所得款项) or after a verb a particle closes (共卖出去, 已售出了) is the
// 销售金额 the 伪劣产品 threshold counts.
func TestTransferFifteenthRoundReadings(t *testing.T) {
	checkTotals(t, []totalRow{
		{"the sum named after the goods, capitals", "当事人共计销售上述电线金额人民币陆万捌仟元，现场已无库存。", RoleSalesAmount, 68000},
		{"the takings of the goods sold", "经核查，当事人对外销售该批劣质化肥的收入为7.2万元。", RoleSalesAmount, 72000},
		{"the money received for what was sold", "其售出上述不合格插座所得款项5.6万元。", RoleSalesAmount, 56000},
		{"the verb closed by a particle", "店主承认这批肥料共卖出去八万四千元。", RoleSalesAmount, 84000},
		{"the verb closed by 了", "该批假冒机油已售出了三万六千元。", RoleSalesAmount, 36000},
		{"the total price of the lot sold", "当事人向多家农户销售冒牌水泵总价八万元。", RoleSalesAmount, 80000},
	})
}
