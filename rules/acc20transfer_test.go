package rules

import "testing"

// TestTobaccoRevenueTwentieth: a tobacco case's 违法经营总额 is what was sold
// and what was found held (烟草专卖品刑事案件解释 第四条), and the sales alone
// when nothing was found; a total the text names decides.
func TestTobaccoRevenueTwentieth(t *testing.T) {
	tests := []struct {
		name, in string
		rev      float64
	}{
		{"sold and seized", "当事人无证销售卷烟，已售卷烟金额共计9,800元，现场查获卷烟价值3,200元。", 13000},
		{"sold only", "当事人无证经营卷烟，一月售出6,000元，二月售出4,500元。", 10500},
		{"a named total decides", "当事人无证销售卷烟，已售卷烟金额共计9,800元，违法经营总额为12,000元。", 12000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := ExtractFacts(tt.in).Facts
			if f.IllegalRevenue == nil || *f.IllegalRevenue != tt.rev {
				t.Errorf("illegal_revenue = %v, want %v", deref(f.IllegalRevenue), tt.rev)
			}
		})
	}
}

// TestProvincialFactorTwentieth: a threshold set as a share of a province's
// figure (盗窃 by one punished before, 百分之五十) scales the figure, and the
// key's national range stays that of the unscaled figure. The earlier
// penalty is a measure the caller counts by its date (prior_theft_penalty,
// caseanalysis priorMeasures): without it the sum is not halved.
func TestProvincialFactorTwentieth(t *testing.T) {
	c, err := LoadCrimes()
	if err != nil {
		t.Fatal(err)
	}
	if r := c.provincialRanges()["theft-large"]; r != [2]float64{1000, 3000} {
		t.Errorf("theft-large range %v, want [1000 3000]", r)
	}
	opt := TransferOptions{Province: "江苏", Amounts: &ProvincialAmounts{Reason: "test", Figures: map[string]float64{"theft-large": 2000}}}
	in := TransferInput{Text: "违法嫌疑人曾因盗窃被公安机关行政拘留，此次又偷走他人钱包。", Measures: map[string]float64{MeasurePropertyValue: 1100, MeasurePriorTheft: 1}}
	if got := c.Assess(in, opt); got.Risk != RiskLikely || got.Crime != "盗窃罪" {
		t.Errorf("prior theft, 1100 of 2000 halved: %s %s, want likely 盗窃罪", got.Risk, got.Crime)
	}
	in.Measures[MeasurePropertyValue] = 900
	if got := c.Assess(in, opt); got.Risk == RiskLikely {
		t.Errorf("prior theft, 900 of 2000 halved: %s, want below likely", got.Risk)
	}
	in.Measures[MeasurePropertyValue], in.Measures[MeasurePriorTheft] = 1100, 0
	if got := c.Assess(in, opt); got.Risk == RiskLikely {
		t.Errorf("no prior theft counted, 1100 of 2000: %s, want below likely", got.Risk)
	}
}

// TestListedPlotsTwentieth: plots listed one after another (分别占地…平方米和
// …平方米) are the square metres 土地管理法实施条例 第五十七条 fines per unit;
// a floor area beside the plot is not added.
func TestListedPlotsTwentieth(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		want     float64
	}{
		{"two plots", "当事人未经批准在两处耕地上建房，分别占地2,100平方米和1,300平方米。", 3400},
		{"three plots", "当事人先后占用耕地1200平方米、800平方米及600平方米堆放砂石。", 2600},
		{"a floor area is no plot", "当事人未经批准占地2,100平方米、建筑面积900平方米的厂房。", 2100},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := ExtractFacts(tt.in).Facts
			if f.Quantity == nil || *f.Quantity != tt.want {
				t.Errorf("quantity = %v, want %v", deref(f.Quantity), tt.want)
			}
		})
	}
}
