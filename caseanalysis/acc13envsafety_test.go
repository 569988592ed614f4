package caseanalysis

import (
	"slices"
	"testing"
)

// TestEnvSafetyTwelfthRoundKinds decides the kinds the twelfth round's
// 生态环境 and 安全生产 rows missed on first sight (issue 12), in wordings other
// than the rows'.
func TestEnvSafetyTwelfthRoundKinds(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkEnvPhrasing(t, a, []envPhrasingCase{
		// 安全生产法 第一百零二条 is the found hazard left in place; where the
		// facts name the duty the hazard breaks, that duty's article decides.
		{"a hazard told as signs missing", "2025年6月检查某铸造厂，发现熔炼炉平台、煤气管道附近无任何安全警示标识，属于一般事故隐患，企业至今未整改。",
			"safety-99-warning-signs", "safety-102-hidden-danger", ""},
		{"a hazard told as masks never handed out", "举报称某石材厂切割工人都不戴口罩，厂里也从没发过防尘口罩，隐患很大。2025年5月应急管理局核实属实。",
			"safety-99-ppe", "safety-102-hidden-danger", ""},
		{"a hazard told as an uncertified electrician", "2025-09-10 某建材公司 事故隐患：电工李某无低压电工作业证从事配电作业 尚未整改",
			"safety-97-special-operators", "safety-102-hidden-danger", ""},
		// The certificate's absence in the verbs officers write: 未持, 没有持, 未考取.
		{"an electrician not holding his licence, told as a hazard", "2025年11月检查某纸箱厂，电工刘某未持有效特种作业证从事配电箱接线作业，企业将其列为一般隐患。",
			"safety-97-special-operators", "safety-102-hidden-danger", ""},
		{"a cutter who never sat the exam", "2025-06-18 某钢结构厂 气割工吴某至今没有考取焊接与热切割作业操作资格 仍在车间切割钢板",
			"safety-97-special-operators", "", ""},
		{"a hazard told as an interlock out of order", "2025年3月，某注塑厂注塑机安全门联锁装置失灵多日一直没有维修，企业将其列入隐患清单但未采取任何措施。",
			"safety-99-equipment-maintenance", "safety-102-hidden-danger", ""},
		{"a hazard told as newcomers without induction", "2025年10月，某印刷厂8名新员工未经三级安全教育即上岗操作，应急局认定为事故隐患，企业未整改。",
			"safety-97-training", "safety-102-hidden-danger", ""},
		// A workshop's exit with no fire agency or crowded venue named is
		// 安全生产法 第一百零五条's, not 消防法 第六十条's.
		{"a workshop's exits blocked and wired shut", "检查发现某五金制品厂冲压车间北侧安全出口被原材料钢卷堵住，另一处出口用铁丝拴死，员工无法通行。",
			"safety-105-exits", "fire-60-evacuation", ""},
		// A guard (right before the change too): a hazard no duty names stays the catch-all.
		{"a hazard no duty names stays the catch-all", "2025年8月检查某仓储公司，发现仓库货架立柱被撞弯变形、货物超高堆码，存在坍塌事故隐患，企业未采取任何措施消除。",
			"safety-102-hidden-danger", "", ""},
		// An alarm left in a silenced state is an alarm closed (危险作业罪 near),
		// however far the state is written from the alarm.
		{"an alarm controller left in a shielded state", "2025年7月检查某涂料厂，调漆间的可燃气体报警控制器自2025年6月中旬起就被当班电工以夜里经常误响影响休息为由调成了屏蔽状态，检查时未发现泄漏。",
			"safety-99-monitoring-disabled", "", "near"},
		{"an alarm point set to bypass", "2025-05-20 某化工厂 氯气泄漏报警仪在DCS系统中一直处于旁路状态 已持续两周 检查时未见泄漏",
			"safety-99-monitoring-disabled", "", "near"},
		// An inspection refused is decided by the medium the facts' equipment
		// or pollutant names, in the words officers write for the plant.
		// Hazardous waste that escaped for want of precautions is 第一百一十二条
		// 第一款第（十）项, fined by the disposal cost as items 3 and 4; a store
		// merely unlined stays 第（六）项 (a guard).
		{"spent acid leaking out of a cracked drum", "2025年7月，执法人员检查某电镀厂，发现危废仓库内两只废酸桶破裂，废酸液渗入仓库外的泥地约10平方米，经评估所需处置费用5万元。",
			"waste-112-hw-leak", "waste-112-hw-storage", ""},
		{"an unlined waste store with nothing leaked", "2025年7月，执法人员检查某汽修厂，危废间地面未做防渗，废机油桶直接放在地上，未设置围堰和导流槽。",
			"waste-112-hw-storage", "waste-112-hw-leak", ""},
		{"officers kept from a carbon adsorber", "2025年9月4日，区环保执法人员到某印刷厂检查，厂长以“老板没发话”为由拒绝执法人员查看车间的活性炭吸附装置和排风管道，僵持半小时。",
			"air-98-obstructing-inspection", "", ""},
		{"officers kept from the grease trap", "2025年10月，环境监察人员到某食品加工厂检查，厂方人员挡在隔油池和总排口前不让执法人员靠近，拒绝配合检查。",
			"water-81-obstructing-inspection", "", ""},
		{"officers kept from drums of spent emulsion", "2025年5月，执法人员到某机械厂检查，厂方拒绝执法人员进入存放废乳化液和废油桶的仓库，阻挠检查。",
			"waste-103-obstructing-inspection", "", ""},
	})
}

// TestEnvInspectionRefusedNoMedium: an environmental inspection refused
// where the facts name no pollutant, facility or waste is still an
// inspection refused (one of the four media's articles ranks first), and
// the answer says the medium decides the article.
func TestEnvInspectionRefusedNoMedium(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, facts := range []string{
		"2025年6月12日，执法人员到某化工厂进行环保检查，厂方拒绝执法人员进入厂区，称老板不在，执法人员在门外等候一小时后离开。",
		"2025-03-09 某塑胶厂 拒绝环境执法人员入厂检查 拖延两小时",
	} {
		res := analyzeOn(t, a, facts, "2025-12-01")
		ids := violationIDs(res)
		refusal := []string{"water-81-obstructing-inspection", "air-98-obstructing-inspection", "waste-103-obstructing-inspection", "noise-71-obstructing-inspection"}
		if len(ids) == 0 || !slices.Contains(refusal, ids[0]) {
			t.Errorf("%s: violations %v, want an inspection refused first", facts, ids)
		}
		if !slices.ContainsFunc(res.Disputes, func(d Dispute) bool { return d.Code == DisputeMedium }) {
			t.Errorf("%s: no dispute naming the medium", facts)
		}
	}
}
