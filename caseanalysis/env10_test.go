package caseanalysis

import (
	"strings"
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestEnvironmentNinthRoundKinds decides the kinds the ninth round's fresh
// 生态环境 rows missed on first sight (issue 12), each in wordings other than
// the rows': a treatment unit switched off (除尘、脱硫 关停 or 夜间关机) is
// 不正常运行 — 逃避监管, while a VOCs unit not run stays 第一百零八条; spent
// carbon told by what was done to it (换下来的、失效的活性炭) is hazardous waste
// in storage, not the VOCs process; a monitor's range turned down (量程…调低)
// (or data 造假, 人为调低, a 固定值 set) is tampering — a broken monitor's flat
// reading is not — not an unrepaired monitor, and a key
// discharger's tampering is likely 污染环境罪; a sewage plant shut (关闭, 不开)
// is 不正常运行 too; dust-collector ash and waste gypsum are industrial
// solid waste; an environmental inspection delayed or refused is neither a
// tax inspection nor 治安's 阻碍执行职务; excessive packaging is not a product
// failing its standard; spoil left uncovered on site is the dust item, not
// 建筑垃圾 left uncleared.
func TestEnvironmentNinthRoundKinds(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkEnvPhrasing(t, a, []envPhrasingCase{
		{"desulphurisation pump stopped", "2025年11月4日凌晨检查，某水泥厂窑头脱硫塔循环泵停运，烟气未经脱硫直接从烟囱排出，企业称夜间为省电停开。",
			"air-99-evading-supervision", "air-100-auto-monitoring", ""},
		{"bag filter shut at night under the code", "2026-10-12 某砖厂 夜间关停布袋除尘 粉尘直排",
			"eco-1108-evading-air", "", ""},
		{"a VOCs adsorber not run stays the VOCs article", "2025年6月检查，某家具厂喷漆房的活性炭吸附装置未开启，喷漆废气无组织排放。",
			"air-108-vocs", "air-99-evading-supervision", ""},
		{"carbon taken out of the adsorber and heaped", "2025年9月3日，执法人员发现某印刷厂把换下来的活性炭约两吨堆在仓库外空地，无防雨防渗。",
			"waste-112-hw-storage", "air-108-vocs", ""},
		{"spent carbon bagged in the yard under the code", "2026年10月15日检查，某涂装公司将失效活性炭装入编织袋，露天存放在厂区后院。",
			"eco-1175-hw-storage", "eco-1120-vocs", ""},
		{"an analyser's range turned down", "经查，某热电公司系重点排污单位，2025年4月运维人员将氮氧化物分析仪的量程从1000调低为100，上传数据长期低于实际排放。",
			"air-99-evading-supervision", "air-100-auto-monitoring", rules.RiskLikely},
		{"a water monitor's range changed under the code", "2026年9月，某污水处理公司（水环境重点排污单位）化学需氧量在线监测仪的量程被修改为原来的十分之一，外排废水浓度上传后始终在限值以下。",
			"eco-1108-evading-water", "eco-1086-auto-monitoring-water", ""},
		{"collector ash heaped on open ground", "2025年7月8日检查，某水泥厂的收尘灰约300吨堆在厂区空地上，无防渗、无覆盖。",
			"waste-102-industrial-storage", "waste-112-hw-storage", ""},
		{"waste gypsum moulds in the open under the code", "2026年9月2日，某陶瓷厂将废石膏模约50吨露天堆放在厂外空地，没有任何防扬散措施。",
			"eco-1171-industrial-storage", "", ""},
		{"monitoring data faked, in the register's words", "2025-08-02 某纸业公司 COD在线监测数据造假 浓度被人为调低",
			"water-83-evading-supervision", "water-82-auto-monitoring", ""},
		{"a sewage plant found shut at night under the code", "2026年10月9日夜查，某酿酒厂污水处理设施处于关闭状态，酿造废水未经处理排出厂外。",
			"eco-1108-evading-water", "", ""},
		{"a monitor's reading set to a fixed value", "2025-09-12 某水泥厂 窑尾CEMS颗粒物数据被设为固定值上传",
			"air-99-evading-supervision", "air-100-auto-monitoring", ""},
		{"a broken monitor's flat reading stays the monitor article", "2025年9月12日检查，某屠宰厂废水在线监测仪故障，数据长时间不变，企业未报修。",
			"water-82-auto-monitoring", "water-83-evading-supervision", ""},
	})
	// Neighbours that must not take conduct that is not theirs: the
	// provision entry may then answer, but never the neighbour.
	notFirst := []struct{ name, facts, not string }{
		{"an environmental inspection kept waiting at the gate", "2025年8月，生态环境执法人员到某电镀厂检查，厂方拖延一个多小时不开门，拒绝执法人员进入污水处理站采样。", "police-50-obstruct-duty"},
		{"the same is no tax inspection", "2025年8月，生态环境执法人员到某电镀厂检查，厂方拖延一个多小时不开门，拒绝执法人员进入污水处理站采样。", "tax-70-obstructing-inspection"},
		{"gift boxes with too much packaging", "某酒业公司销售的白酒礼盒包装空隙率达75%，包装层数四层，超过限制商品过度包装的国家标准，经责令改正后拒不改正。", "prod-49-unsafe-standard"},
	}
	for _, tt := range notFirst {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2025-12-01")
			ids := violationIDs(res)
			if len(ids) > 0 && ids[0] == tt.not {
				t.Fatalf("%s ranks first: %v\n%s", tt.not, ids, whys(res.Violations))
			}
		})
	}

	// Spoil neither cleared nor covered: 固废法 第一百一十一条 is shown the
	// dust item's excluding element (the provision entry of 大气污染防治法
	// 第一百一十五条第一款第（二）项 then outranks it on the full corpus; the
	// test corpus may hold too little statute text for that).
	res := analyzeOn(t, a, "2025年4月，某工地开挖的土方和建筑垃圾在场内堆了二十多天，既没清运，上面也没有用防尘网遮盖。", "2025-12-01")
	for _, v := range res.Violations {
		if v.BenchmarkID == "urban-111-construction-waste-plan" && !strings.Contains(v.Why, "防尘网") {
			t.Errorf("urban-111-construction-waste-plan does not name the dust net: %s", v.Why)
		}
	}
}
