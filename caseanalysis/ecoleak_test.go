package caseanalysis

import "testing"

// TestEcoCodeHazardousWasteLeak: under the 生态环境法典 hazardous waste that
// escaped for want of precautions is 第一千一百七十条 (危险废物：二十万元以上
// 二百万元以下), not the dumping of 第一千一百六十九条; before 2026-08-15 it is
// 固废法 第一百一十二条第一款第（十）项 (waste-112-hw-leak, fined by the disposal
// cost as the dumping items). A drum that tipped over and broke (倾倒破裂) is no dumping.
func TestEcoCodeHazardousWasteLeak(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkEnvPhrasing(t, a, []envPhrasingCase{
		{"spent acid seeping out of a cracked drum under the 法典", "2026年9月，执法人员检查某电镀厂，发现危废仓库内两只废酸桶破裂，废酸液渗入仓库外的泥地约10平方米，现场未设置围堰和防渗措施。",
			"eco-1170-hw-leak", "eco-1169-hw-dumping", ""},
		{"spent oil leaking into the soil, told as a register line", "2026-10-12 某汽修厂 废机油桶倾斜无防护 废机油漏到院外土壤约5平方米 已取样",
			"eco-1170-hw-leak", "eco-1169-hw-dumping", ""},
		// Guards: dumping under the 法典, and a leak before it.
		{"spent acid poured into a ditch under the 法典", "2026年9月，群众举报某电镀厂夜里将废酸倒进厂外水沟，执法人员现场查实倾倒废酸约2吨，造成沟边土壤污染。",
			"eco-1169-hw-dumping", "eco-1170-hw-leak", ""},
		{"a tipped drum's ink running into a drain, a register line", "2026-11-20 某彩印厂 危废间废油墨桶倾倒破裂 未设围堰 废油墨流失进入雨水井约30公斤",
			"eco-1170-hw-leak", "eco-1169-hw-dumping", ""},
		{"the same leak in 2025 is 第一百一十二条第一款第（十）项", "2025年7月，执法人员检查某电镀厂，发现危废仓库内两只废桶破裂，含铬废液渗入仓库外的泥地约10平方米，经评估所需处置费用5万元。",
			"waste-112-hw-leak", "waste-112-hw-dumping", ""},
		{"drums poured into a ditch in 2025 stay the dumping", "2025年8月，某电镀厂夜里把六桶含铬废液倒进厂外水沟，造成沟边土壤污染。",
			"waste-112-hw-dumping", "waste-112-hw-leak", ""},
	})
}
