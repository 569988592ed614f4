package nlp

import "testing"

// TestSalesOfTheKindTwentyNinth: 同类商品 (goods of the kind) before a comma
// names the case's goods sold (已售出同款假冒手表260只，销售金额…), and the sales
// amount after the comma is theirs (issue 12, transfer29a); the kind in the
// amount's own clause (本年度销售同类商品约3万元, 同类产品销售额…) is still the
// party's trade at large and no sales amount of the case.
func TestSalesOfTheKindTwentyNinth(t *testing.T) {
	tests := []salesReadRow{
		{"kind before the comma, digits", "经查，当事人已售出同类产品260只，销售金额61,800元。", 61800},
		{"kind before the comma, 大写", "该店自2025年9月起已销售同类货物840件，销售金额人民币陆万贰仟元。", 62000},
		{"kind in the amount's clause", "当事人本年度销售同类商品约3万元，现场查扣涉案商品12件。", 0},
		{"kind right before 销售额", "据其账簿，同类产品销售额2.4万元，涉案商品未查明销售情况。", 0},
	}
	checkSalesRead(t, tests)
}

// TestProceedsAfterSaleTwentyNinth: the proceeds named in their own clause
// right after the sale's (卖出电动玩具120件，得款9,600元) are the 销售金额
// (issue 12, transfer29a), which a goods value adds the unsold to. Guards:
// a stolen thing sold on (偷来的电瓶卖给废品站，得款260元), money paid for
// stock (购进该批货物，付款7,000元), proceeds with no sale told before them.
func TestProceedsAfterSaleTwentyNinth(t *testing.T) {
	tests := []salesReadRow{
		{"proceeds after 卖出", "经查，当事人共卖出电动玩具120件，得款9,600元，库存36件。", 9600},
		{"proceeds after 批发给", "该厂将上述白酒批发给三家饭店，共收款人民币壹万贰仟元。", 12000},
		{"loot sold on", "嫌疑人将偷来的电瓶卖给废品站，得款260元。", 0},
		{"stock paid for", "当事人从外地购进该批货物，付款7,000元。", 0},
		{"no sale before the proceeds", "当事人称其于月底结算，得款3,000元用于发放工资。", 0},
	}
	checkSalesRead(t, tests)
}

// salesReadRow is a text and the 销售金额 read from it (0 for none).
type salesReadRow struct {
	name, text string
	want       float64
}

// checkSalesRead checks the last 销售金额 Extract reads from each row.
func checkSalesRead(t *testing.T, tests []salesReadRow) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := 0.0
			for _, a := range Extract(tt.text).Amounts {
				if a.Role == RoleSalesAmount {
					got = a.Value
				}
			}
			if got != tt.want {
				t.Fatalf("销售金额 = %v, want %v", got, tt.want)
			}
		})
	}
}
