package nlp

import "testing"

// TestCooperationRequestedTwentySixth: 配合调查 asked of the party by the
// officers (要求其配合调查) is the request, not cooperation, and a party that
// refused it earns no mitigation; cooperation told as the party's own
// conduct still counts (issue 12, transfer26b).
func TestCooperationRequestedTwentySixth(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"asked, then refused", "执法人员出示证件后要求店主景某配合调查，景某拒绝并将检查人员推出门外。", false},
		{"ordered", "税务人员责令该公司财务人员配合调查，该公司至今未提供账簿。", false},
		{"asked, the party's particulars between", "交警要求驾驶人闫某（女，1992年5月出生）配合调查，闫某拒绝下车。", false},
		{"told to come, then cooperating", "当事人接到通知后到场配合调查，如实说明了情况。", true},
		{"the party's own", "当事人能够积极配合调查，如实提供了进货台账。", true},
		{"at the request, done", "在执法人员要求下当事人如实陈述了违法事实。", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hasCirc(Extract(tt.text), CircCooperated); got != tt.want {
				t.Errorf("cooperated = %v, want %v", got, tt.want)
			}
		})
	}
}
