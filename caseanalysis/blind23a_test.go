package caseanalysis

import (
	"strings"
	"testing"
)

// TestBlindKindsTwentyThird: the kinds behind the misses of a batch written
// blind from a random sample of the catalog (blind23a). Each case is worded
// apart from the batch's rows: the kind is read, not the row.
//   - a held grade set against the work (仅能承接…以下 … 承建跨度36米) is
//     超越本单位资质等级 (建设工程质量管理条例 第六十条第一款), not 无资质;
//   - an oversize load whose carrier never asked for a permit (没有向…申请) is
//     公路法 第七十六条第（五）项, not the weighing station's 公路安全保护条例
//     第六十四条;
//   - construction spoil carried off and unloaded elsewhere (运至…卸下) is
//     擅自倾倒 (固体废物污染环境防治法 第一百一十一条第一款第（四）项), not the
//     missing disposal plan;
//   - goods put on a tourist and then paid for under pressure (被迫付钱) is
//     强买强卖 (治安管理处罚法 第五十四条), not 寻衅滋事;
//   - a drug released from the warehouse before its test was done (检验未完成
//     …出库) is 未经检验即销售 (药品管理法 第一百二十四条第一款第（四）项), not a
//     GMP lapse;
//   - wild pufferfish on a menu (野生河豚) is a food the state bars (食品安全法
//     第一百二十三条第一款第（五）项);
//   - a car wash (洗车行) is a unit: its hydrant fenced in is 消防法 第六十条第一款
//     第（四）项, not an individual's 第二款.
func TestBlindKindsTwentyThird(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"an oversize load, no permit asked for", "2026年3月8日，路政员在国道巡查时拦下一辆运输风电叶片的挂车，车货总长52米，属超长车辆，司机称公司没有向公路管理机构申请就上路了。",
			"2026-03-08", "highway-76-overlimit-unapproved", "highway-64-overlimit", 0, 30000, false},
		{"spoil unloaded elsewhere", "经查，当事人恒通市政工程有限公司将道路改造开挖的弃土约800立方米，用渣土车运至城郊一处废弃砖厂空地卸下。",
			"2026-05-20", "urban-111-construction-waste-dumping", "urban-111-construction-waste-plan", 100000, 1000000, false},
		{"a hat put on, paid for under pressure", "2026年6月12日，民警查明：商贩吴某在古镇街头将一顶草帽直接戴到游客头上后索要五十元，游客不愿要，吴某等人围着不放，游客被迫付钱后离开。",
			"2026-06-20", "police25-54-forced-trade", "police25-30-provocation", 3000, 5000, false},
		{"released before the test was done", "经查，当事人德济药业有限公司生产的清热颗粒一批，在检验未完成、未出具检验报告书的情况下即办理出库，发往两家药品批发企业，货值金额4.5万元。",
			"2025-11-03", "drug-124-uninspected-sale", "drug-126-gsp", 1500000, 3000000, false},
		{"wild pufferfish on the menu", "执法人员在江畔人家酒楼后厨查获野生河豚3条，店主称准备做河豚汤给熟客，此前已售出两份，涉案货值金额1200元。",
			"2026-04-02", "food-123-banned-food", "", 100000, 150000, false},
		{"a car wash fences its hydrant in", "2026-07-06 清风洗车行 用铁皮围挡把门前室外消火栓圈在洗车场地内 旁边堆满水桶 立案",
			"2026-07-06", "fire-60-hydrant", "fire-60-individual", 5000, 50000, false},
	})
}

// TestHeldGradeTwentyThird: a held grade set against the work (仅能承接…以下 …
// 跨度36米) shows 超越本单位资质等级 itself, so the benchmark's element is found
// rather than the ranking resting on its tie with 无资质 (blind23a row 005 lost
// that tie to the learned vote).
func TestHeldGradeTwentyThird(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct{ name, facts, day string }{
		{"a held grade set against the work", "2025年10月20日，执法人员到滨江物流园仓库工地检查，施工方顺通建工有限公司出示的资质证书为建筑工程施工总承包三级，按该等级仅能承接单跨跨度27米以下的建筑工程；在建仓库单跨跨度36米，由该公司与物流园签订施工合同承建，合同价款2300万元。", "2025-10-20"},
		{"a grade's limit in a register line", "2026-02-11 瑞丰建设公司 市政公用工程三级资质只能承接单跨20米以下桥梁 中标单跨45米的跨河桥 合同价款1800万元", "2026-02-11"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.day)
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != "quality-60-beyond-grade" {
				t.Fatalf("violations %v, want quality-60-beyond-grade first\n%s", ids(res.Violations), whys(res.Violations))
			}
			if why := res.Violations[0].Why; strings.Contains(why, "未提及超越本单位资质等级") {
				t.Errorf("the grade's limit is not read as the element: %s", why)
			}
		})
	}
}
