package rules

import "testing"

// TestHeldGoodsEighteenth: the stock told as still there or piled up (仓库内
// 尚存, 积压, 未卖出) is the goods held, added to the sales for 产品质量法's
// 货值金额; and under 商标法 the goods sold at their price and those held at
// their value are the 违法经营额 (商标法实施条例 第七十八条), except where the
// goods are passed off as genuine or good (产品质量法 第五十条's base).
func TestHeldGoodsEighteenth(t *testing.T) {
	tests := []struct {
		name, in   string
		goods, rev float64 // 0: unset
	}{
		{"stock told as still there", "当事人已售出劣质水泥，销售金额3.2万元，仓库内尚存同批水泥货值金额八千元。", 40000, 0},
		{"stock told as piled up", "已销售不合格插座，销售金额二万六千元，另积压的插座货值四千元。", 30000, 0},
		{"stock told as not sold", "已销售销售金额一万五千元，未卖出的部分货值五千元。", 20000, 0},
		{"marks: sold and held summed", "当事人销售假冒“李宁”注册商标的运动服，销售金额四万四千元；现场查扣尚未售出的运动服，货值一万二千元。", 56000, 56000},
		{"marks passed off as genuine keep the goods base only", "当事人将散装白酒灌入名酒瓶并贴上假冒的注册商标标识冒充名酒销售，销售金额一万元，库存货值二万元。", 30000, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := ExtractFacts(tt.in).Facts
			if f.GoodsValue == nil || *f.GoodsValue != tt.goods {
				t.Errorf("goods_value = %v, want %v", deref(f.GoodsValue), tt.goods)
			}
			switch {
			case tt.rev == 0 && f.IllegalRevenue != nil:
				t.Errorf("illegal_revenue = %v, want unset", *f.IllegalRevenue)
			case tt.rev != 0 && (f.IllegalRevenue == nil || *f.IllegalRevenue != tt.rev):
				t.Errorf("illegal_revenue = %v, want %v", deref(f.IllegalRevenue), tt.rev)
			}
		})
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
