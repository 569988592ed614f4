package nlp

import "testing"

// TestCrimeAmountListsTwentySixth: the amounts of a 分别 list are counted
// once — not beside the sum they pay in parts, and not one of them left out
// as a price while the others count (left26a).
func TestCrimeAmountListsTwentySixth(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       float64
	}{
		{"one sum paid in parts after the demand",
			"吴某以散布对方隐私相要挟，向郭某索要人民币2400元，郭某于次日起分三次分别向其支付700元、800元和900元。", 2400},
		{"the list first, its sum after",
			"陆某先后盗窃电动车电瓶四块，分别价值450元、520元、380元、650元，合计价值2000元。", 2000},
		{"a list of sale prices after 以",
			"邵某窃得手机三部，分别以400元、650元、550元的价格卖给收购点。经价格认定，三部手机共计价值3600元。", 3600},
		{"a list that does not add up to the figure before it",
			"马某骗取被害人现金5000元，又分别骗取另两名被害人1200元、1800元。", 8000},
		{"a list of refunds after 退还",
			"罗某诈骗钱财共计9000元，案发后分别退还被害人2000元、3000元。", 9000},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := CrimeAmount(tt.text)
			if !ok || got.Value != tt.want {
				t.Errorf("CrimeAmount = %v (%v), want %v; items %v totals %v", got.Value, ok, tt.want, got.Items, got.Totals)
			}
		})
	}
}
