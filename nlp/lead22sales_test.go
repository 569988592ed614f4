package nlp

import "testing"

// TestGoodsFromSalesTwentySecond: sales told with nothing said of goods
// held are the 货值金额 (the goods dealt in are those sold), and the
// extraction says the 货值金额 was so taken; stock, seized or remaining
// goods keep the 货值金额 open (a stock valued on its own is added in rules),
// a text that says all was sold makes it the
// sales without the assumption, and a 货值金额 told stays the one told.
func TestGoodsFromSalesTwentySecond(t *testing.T) {
	tests := []struct {
		text      string
		goods     float64 // 0: no 货值金额 total
		fromSales bool
	}{
		{"经查，当事人将勾兑的白酒贴上某名酒厂的标签冒充名酒出售，累计销售金额人民币叁万贰仟元。", 32000, true},
		{"村民反映买到的化肥是假的。经查，店主将劣质肥料以次充好出售，共卖出去四万六千元。", 46000, true},
		{"经查，当事人将劣质电缆冒充国标电缆销售，销售金额3.2万元，仓库内尚存同批电缆二十卷。", 0, false},
		{"经查，当事人销售掺假香油，销售金额1.8万元，执法人员现场查扣该香油40桶。", 0, false},
		{"经查，当事人销售以次充好的水泥，销售金额2.5万元，上述水泥已全部售出。", 25000, false},
		{"经查，当事人销售不合格插座，销售金额1.2万元，库存插座货值金额0.3万元。", 3000, false},
		{"经查，当事人生产不合格门窗，货值金额6万元。", 60000, false},
	}
	for _, tt := range tests {
		x := Extract(tt.text)
		goods, _ := goodsTotal(x, RoleGoodsValue)
		if fromSales := x.GoodsFrom == GoodsFromSales; goods != tt.goods || fromSales != tt.fromSales {
			t.Errorf("%s: 货值金额 %v, from sales %v; want %v, %v (%+v)", tt.text, goods, fromSales, tt.goods, tt.fromSales, x.Totals)
		}
	}
}

// TestHeldTimesPriceTwentySecond: the sales told as a sum and the stock as
// a count with its price make the 货值金额 of both (产品质量法 第七十二条
// counts the goods not sold at their price); a stock without a price of its
// unit, or two stocks, leave it open.
func TestHeldTimesPriceTwentySecond(t *testing.T) {
	tests := []struct {
		text  string
		goods float64 // 0: no 货值金额 total
	}{
		{"经查，当事人将掺水的外墙涂料当作合格品出售，已售货款2.5万元，店内库存30桶，每桶售价300元。", 34000},
		{"经查，该经营部销售冒牌轮胎，销售金额四万元，执法人员在仓库内查扣同款轮胎12条，每条标价500元。", 46000},
		{"经查，当事人销售劣质涂料，已售货款2.5万元，店内库存30桶，每箱售价300元。", 0},
		{"经查，当事人销售劣质涂料，已售货款2.5万元，库存30桶，另有库存10桶，每桶售价300元。", 0},
	}
	for _, tt := range tests {
		x := Extract(tt.text)
		goods, _ := goodsTotal(x, RoleGoodsValue)
		want := GoodsStated
		if tt.goods > 0 {
			want = GoodsWithStock
		}
		if goods != tt.goods || x.GoodsFrom != want {
			t.Errorf("%s: 货值金额 %v (made %v), want %v (made %v) (%+v)", tt.text, goods, x.GoodsFrom, tt.goods, want, x.Totals)
		}
	}
}
