package nlp

import "testing"

// TestStorageFeeRoleTwentyFirst: a storage or keeping fee is the help's
// income only where the party took it (收取仓储费, 保管收入); a fee the party
// pays for its own stock or for goods held by others (每月仓储费, 保管费由当事人
// 承担) is no income of its own, as a rent the party pays is none.
func TestStorageFeeRoleTwentyFirst(t *testing.T) {
	tests := []struct {
		text string
		want bool // a RoleFares amount of the value is read
		v    float64
	}{
		{"经查，当事人明知是假冒产品仍为他人存放，收取保管费3000元。", true, 3000},
		{"仓库经营者为他人储存伪劣化肥，获得仓储收入5600元。", true, 5600},
		{"经查，当事人租用某冷库存放其购进的冻品，每月仓储费2000元，冻品未索取检验检疫证明。", false, 2000},
		{"经查，当事人将未取得许可的货物寄存于物流园，保管费4500元由其自行承担。", false, 4500},
	}
	for _, tt := range tests {
		x := Extract(tt.text)
		got := false
		for _, a := range x.Amounts {
			if a.Role == RoleFares && a.Value == tt.v {
				got = true
			}
		}
		for _, a := range x.Totals {
			if a.Role == RoleFares && a.Value == tt.v {
				got = true
			}
		}
		if got != tt.want {
			t.Errorf("%s: fares %v, want %v (%+v)", tt.text, got, tt.want, x.Amounts)
		}
	}
}
