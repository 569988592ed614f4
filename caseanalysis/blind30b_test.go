package caseanalysis

import "testing"

// TestBlindBasisKindsThirtieth: the kinds behind the basis and transfer
// misses of the twenty-ninth round's second blind rows ("blind30b"), in other
// words. A chemical shop's sales register (购买登记表) is no 环境影响登记表; a
// unit that says it produces no hazardous waste keeps its general industrial
// waste's ledger under 第一千一百七十一条第三款, refused when the recheck finds
// the ledger not produced; a food sold on after an order to stop is
// 第一百二十四条第一款第（九）项 though 产品质量法 shares its words; officers kept
// out of a noise measurement is the obstruction; a driver's own 多装 is no
// one's 指使; a crane's or forklift's accident that smashed things is no
// 故意毁坏财物. Guards: an unfiled environmental form, a loading yard that
// does make drivers load more, a hazardous waste producer's ledger.
func TestBlindBasisKindsThirtieth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"a chemical shop's purchase register", "2026-04-20 某五金化工店（某商贸有限公司）向两家机加工厂出售易制爆危险化学品硝酸钾、高锰酸钾，销售登记表中经办人姓名、身份证号码及用途栏空白计5笔。",
			"2026-04-22", "hazchem-81-purchaser-records", "eia-31-registration", 0, 10000, false},
		{"no hazardous waste, the ledger refused", "2026年10月9日执法人员复查某铸件厂。该厂产生炉渣、废砂等一般工业固体废物，不产生危险废物；9月18日已责令其建立工业固体废物管理台账。本次复查，厂长仍拿不出任何台账。",
			"2026-10-12", "eco-1171-industrial-ledger", "eco-1175-hw-ledger", 50000, 200000, false},
		{"sold on after the order to stop", "某超市3月2日收到《责令停止经营通知书》，要求停售抽检不合格的某批次花生油。3月15日再次检查发现，该批次花生油照样卖，又卖出40桶，货值金额共计1.2万元。",
			"2026-03-20", "food-124-recall-refused", "prod-49-unsafe-standard", 120000, 240000, false},
		{"officers kept out of a noise check", "2026年10月10日22时许，根据居民对夜间施工噪声的投诉，执法人员到某道路改造工地测量噪声，施工单位关闭大门、安排人员堵在门口，不让执法人员进入，约半小时后场内停止施工才放行。",
			"2026-10-12", "eco-1229-obstructing-noise", "eco-1185-night-construction", 50000, 200000, false},
		{"the driver's own 多装", "超限检测站称重：某运输公司五轴货车装载钢材，车货总质量55吨，超过限定标准43吨。驾驶人称：多装一点跑一趟划算。",
			"2026-05-12", "highway-64-overlimit", "highway-68-instruct-overlimit", 0, 30000, false},
		{"a forklift's accident smashed a car", "某物流园一台叉车因制动失灵撞上货架，货架倒塌砸坏一辆小轿车并致一名员工轻伤，事故调查报告认定为特种设备一般事故，使用单位负有责任，直接经济损失8万元。",
			"2026-06-02", "se-90-general-accident", "", 100000, 200000, false},
		// guards
		{"an unfiled environmental form", "某木材加工厂属于应当填报环境影响登记表的建设项目，于2025年9月建成投产，至今未将环境影响登记表备案。",
			"2026-03-02", "eia-31-registration", "", 0, 50000, false},
		{"a hazardous waste producer's ledger", "2026年10月9日检查某汽修厂，该厂产生废机油、废机滤等危险废物，现场未建立危险废物管理台账。",
			"2026-10-12", "eco-1175-hw-ledger", "eco-1171-industrial-ledger", 50000, 200000, false},
	})
	// A trade register is no environmental form: the 环境影响登记表 provisions
	// are not among the answers at all.
	for _, facts := range []string{
		"2026-04-20 某五金化工店（某商贸有限公司）向两家机加工厂出售易制爆危险化学品硝酸钾、高锰酸钾，销售登记表中经办人姓名、身份证号码及用途栏空白计5笔。",
		"民警检查某宾馆，旅客登记表中有3名住客未登记身份证号码。",
	} {
		res := analyzeOn(t, a, facts, "2026-04-22")
		for _, v := range res.Violations {
			if v.BenchmarkID == "eia-31-registration" || v.BenchmarkID == "eco-1095-registration" {
				t.Errorf("%q: %s among the answers (%v)", facts, v.BenchmarkID, ids(res.Violations))
			}
		}
	}
}

// TestBlindLevelKindsThirtieth: earlier penalties that make a benchmark's own
// tier (广告法 第五十五条 两年内有三次以上违法行为) do not also raise its level,
// while one earlier penalty under the plain tier still does.
func TestBlindLevelKindsThirtieth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts, want, level string
	}{
		{"the third in two years", "当事人某美容科技公司在电商页面发布“三天祛斑、永不复发”的虚假广告，广告费用2万元。该公司曾于2024年12月、2025年8月两次因发布虚假广告被罚款，本次系两年内第三次发布虚假广告。",
			"ad-55-false-advertiser-serious", "一般"},
		{"one earlier penalty, plain tier", "当事人某美容科技公司在电商页面发布“三天祛斑、永不复发”的虚假广告，广告费用2万元。该公司曾于2025年8月因发布虚假广告被罚款。",
			"ad-55-false-advertiser", "从重"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeFirstOn(t, a, tt.facts, "2026-03-10", tt.want)
			if s := res.Violations[0].Suggestion; s == nil || s.Level == nil || *s.Level != tt.level {
				t.Errorf("suggestion %+v, want level %s", s, tt.level)
			}
		})
	}
}
