package rules

import "testing"

// TestMineralFromSalesTwentyNinth: minerals mined without a licence and sold
// (无证采挖河卵石，卖给搅拌站，得款4.2万元) are valued by what they sold for
// (2016年非法采矿解释 第十三条: 销赃数额), the base of 矿产资源法 第六十四条
// (issue 12, transfer29a). Guards: a value stated keeps its own, a dealer
// selling sand it bought tells no taking, a licensed quarry's trade no want
// of a licence.
func TestMineralFromSalesTwentyNinth(t *testing.T) {
	tests := []struct {
		name, text string
		want       float64 // 0: no value read
	}{
		{"proceeds of minerals taken without a licence", "经查，周某未取得采矿许可证，在某村河滩采挖河卵石约900吨，卖给附近搅拌站，得款4.2万元。", 42000},
		{"a value stated keeps its own", "经查，周某未取得采矿许可证，在某村河滩采挖河卵石约900吨，卖给附近搅拌站，得款4.2万元；经价格认证，矿产品价值为5.6万元。", 56000},
		{"a dealer's sales of sand bought", "当事人从外地购进建筑用砂2000吨，擅自在人行道上堆放，已销售1500吨，销售金额9万元。", 0},
		{"a licensed quarry's trade", "某石料厂持有效采矿许可证开采石灰岩，本年度销售石料，销售金额320万元，未按规定报送统计资料。", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := 0.0
			if v := ExtractFacts(tt.text).Facts.MineralValue; v != nil {
				got = *v
			}
			if got != tt.want {
				t.Fatalf("矿产品价值 = %v, want %v", got, tt.want)
			}
		})
	}
}
