package caseanalysis

import "testing"

// TestEnvFifteenthRoundKinds decides the kinds the fifteenth round's
// 生态环境 rows missed on first sight (issue 12), in wordings other than the
// rows'.
func TestEnvFifteenthRoundKinds(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkEnvPhrasing(t, a, []envPhrasingCase{
		// Hazardous waste mixed into household refuse is the hazardous
		// waste's storage fault: 生活垃圾 is where it went, not what it was
		// (urban-111 and its 法典 successor exclude 危险废物).
		{"spent paint drums in the refuse heap, 法典", "2026-10-14 华艺家具厂 废油漆桶、漆渣混在生活垃圾堆里 未进危废暂存间",
			"eco-1175-hw-storage", "eco-1169-household-waste-unit", ""},
		{"spent oil filters in the refuse bins, single law", "2025年9月检查某汽修厂，发现换下的废机油滤芯和含油抹布与生活垃圾混装在垃圾桶内，未进入危废暂存间。",
			"waste-112-hw-storage", "urban-111-household-waste-unit", ""},
		// A guard: refuse alone is still refuse.
		{"a restaurant's refuse on the verge stays refuse", "2026年10月，某饭店将店内产生的生活垃圾和泔水倾倒在店后绿化带内，未交由环卫收运。",
			"eco-1169-household-waste-unit", "", ""},
		// Handed to one without a licence is 法典 第一千一百七十五条第一款
		// 第五项 (the ledger's 转移 is only a sign of it); the single law kept it
		// with dumping in 第一百一十二条第一款第（四）项.
		{"spent batteries sold to a roadside buyer, 法典", "2026年11月检查某电动车维修店，店主承认将换下的废铅蓄电池60余只卖给路边无资质的回收小贩，未办理转移手续。",
			"eco-1175-hw-unlicensed", "eco-1175-hw-ledger", ""},
		{"spent emulsion handed to a scrap collector, 法典 register", "2026.12.3 某机加工厂 废乳化液3桶交给收废品的个人拉走 无转移联单",
			"eco-1175-hw-unlicensed", "eco-1175-hw-ledger", ""},
		// A guard: hired one without a licence to carry it off and dump it,
		// the party dumped it (第一千一百六十九条第二款).
		{"hired an unlicensed lorry to dump it in a ditch, 法典", "2026年10月，某化工公司雇用无危险废物经营许可证的货车司机，将约2吨蒸馏残渣拉到山沟里倾倒。",
			"eco-1169-hw-dumping", "eco-1175-hw-unlicensed", ""},
	})
}
