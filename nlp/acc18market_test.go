package nlp

import "testing"

// TestMarketActVerbDatesEighteenth: a date whose phrase tells a market
// party's act in the verbs of unfair competition, advertising and pricing
// (散布 a rumour, 转账 a bribe, 宣称 a claim, 囤积 goods) is the act's day,
// so that the version of a revised law (反不正当竞争法 2025) follows the act;
// a date of a complaint or an inspection stays the discovery's.
func TestMarketActVerbDatesEighteenth(t *testing.T) {
	for _, tt := range []struct {
		text      string
		act, disc string
	}{
		{"某某火锅店举报：同街一家火锅店老板于2025年9月8日在美食点评群中散布“某某火锅用地沟油”的不实消息。", "2025-09-08", ""},
		{"举报称，某某印务公司业务员于2025年8月3日向学校采购负责人行贿三万元。", "2025-08-03", ""},
		// a payment is no act verb of the party (the victim pays in a
		// fraud); the date, the text's only one and no discovery's, still
		// dates the fraud it tells (inferActDate, acc20dates)
		{"2026年3月，郑某虚称可以安排进厂工作，让被害人向其转账八千元。", "2026-03-01", ""},
		{"该网店于2025年7月6日在商品页面宣称其鸡蛋为“有机认证”。", "2025-07-06", ""},
		{"群众反映，某蔬菜批发商于2025年9月20日在小区群里散布断供涨价信息。", "2025-09-20", ""},
		{"2025年11月2日，执法人员检查发现某某店张贴的海报无依据。", "", "2025-11-02"},
	} {
		act, disc := actAndDiscovery(tt.text)
		if act != tt.act || disc != tt.disc {
			t.Errorf("%s: act %q discovery %q, want %q %q", tt.text, act, disc, tt.act, tt.disc)
		}
	}
}
