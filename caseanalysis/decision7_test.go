package caseanalysis

import "testing"

// TestDecisionSeventhRoundFamilies checks, for the seventh accuracy round
// (the 违法事实 of published decisions, long form), the kinds its first
// batch missed, each in other phrasings than the development rows: the
// decision's own characterisation after the evidence (当事人的行为系以假充真)
// read as the act; night construction named by its trade (浇筑,
// 打桩, 基坑) rather than 施工工地; and an awning over tables set out on the
// pavement as 占道经营, not a structure of 市容条例 第三十六条.
func TestDecisionSeventhRoundFamilies(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts, want string
	}{
		{"characterisation after the evidence", "当事人：某某灯具商行\n经查，当事人将无厂名的节能灯装入某品牌外盒后出售，货值金额八千元。\n以上事实有检验报告、销售台账为证。\n本局认为，当事人的行为系以假充真。",
			"prod-50-adulterate"},
		{"night piling", "经查，某建筑公司承建的商业综合体项目在未取得夜间施工证明的情况下，于凌晨一时许进行打桩作业，周边居民投诉。",
			"noise-77-night-construction"},
		{"night pit excavation", "某工程公司在居民区旁的基坑内夜间进行土方开挖，无法出示夜间施工证明。",
			"noise-77-night-construction"},
		{"awning over tables on the pavement", "经查，某烧烤店在店外人行道上搭建帐篷并摆放桌椅经营，占用城市道路约30平方米，未经批准。",
			"road-42-occupying-road"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			analyzeFirst(t, a, tt.facts, tt.want)
		})
	}
}
