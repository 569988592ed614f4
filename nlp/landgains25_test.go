package nlp

import "testing"

// TestLandGainsNamedTwentyFifth: the price a conveyance of land brought in
// is its 违法所得 only while the text names no gains itself; where it does
// (扣除补偿后违法所得…), the named figure is the gains and the price, which
// holds them, is not added to it.
func TestLandGainsNamedTwentyFifth(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       float64
	}{
		{"gains named after the price", "经查，当事人将集体土地4亩以35万元转让给某公司，扣除青苗补偿款后违法所得28万元。", 280000},
		{"proceeds and gains the same", "经查，当事人擅自转让耕地，收取土地转让款人民币20万元，违法所得20万元。", 200000},
		{"the price alone", "经查，当事人将承包地5亩以30万元转让给他人建房。", 300000},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got float64
			for _, tot := range Extract(tt.text).Totals {
				if tot.Role == RoleIllegalGains {
					got = tot.Value
				}
			}
			if got != tt.want {
				t.Errorf("违法所得 = %v, want %v", got, tt.want)
			}
		})
	}
}
