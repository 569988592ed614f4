package rules

import "testing"

// TestBlowSufferedTwentyFifth: 故意伤害罪 is named by a blow the party
// struck, not by one a counterpart struck the party (被对方殴打, 遭到他人拳打
// 脚踢); a blow told from the victim's side with the party named still
// names it.
func TestBlowSufferedTwentyFifth(t *testing.T) {
	c, err := LoadCrimes()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"当事人刘某在人行道上摆摊占道经营，与劝离的路人争执，刘某被对方殴打。", false},
		{"出租车驾驶员陈某拒载后与乘客争执，陈某遭到他人拳打脚踢。", false},
		{"张某与李某争执，李某被张某殴打致轻微伤。", true},
		{"张某与路人争执后对其拳打脚踢。", true},
	} {
		got := c.Assess(TransferInput{Text: tt.text, Benchmarks: []string{"road-42-occupying-road"}}, TransferOptions{})
		named := false
		for _, cand := range got.Candidates {
			named = named || cand.Crime == "故意伤害罪"
		}
		if named != tt.want {
			t.Errorf("%s: 故意伤害罪 named %v, want %v (%+v)", tt.text, named, tt.want, got.Candidates)
		}
	}
}

// TestOthersPrintedTwentyFifth: a certificate printed by the party
// (用打印机印制了一本行驶证) is forged by it; one another printed that the
// party used (使用他人印制的假行驶证) is not, and does not cross 伪造国家机关
// 证件罪's threshold.
func TestOthersPrintedTwentyFifth(t *testing.T) {
	c, err := LoadCrimes()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text string
		want string
	}{
		{"车主供称，原证丢失后，他用彩色打印机印制了一本行驶证并使用至今。", RiskLikely},
		{"车主供称，该证系他人印制的假行驶证，其明知是假证仍使用。", RiskNone},
		{"驾驶人称行驶证是别人打印好寄来的，自己只是拿来用。", RiskNone},
	} {
		got := c.Assess(TransferInput{Text: tt.text, Benchmarks: []string{"traffic-96-forged-plate"}}, TransferOptions{})
		risk := RiskNone
		for _, cand := range got.Candidates {
			if cand.Crime == "伪造、变造、买卖国家机关公文、证件、印章罪" {
				risk = cand.Risk
			}
		}
		if risk != tt.want {
			t.Errorf("%s: risk %s, want %s", tt.text, risk, tt.want)
		}
	}
}
