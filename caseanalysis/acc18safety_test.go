package caseanalysis

import "testing"

// TestFireSafetyKindsEighteenth: the kinds behind the eighteenth round's
// first-sight misses in the core fire and work-safety articles, each told
// in words the rows do not use.
func TestFireSafetyKindsEighteenth(t *testing.T) {
	a := newProvisionAnalyzer(t)
	checkEnvPhrasing(t, a, []envPhrasingCase{
		// An inspection's negative findings (A、B畅通, 车道未被占用) beside
		// the real one: the pair shares its predicate.
		{"exits and stairs clear, extinguishers dead", "2025年10月9日，消防救援大队对某宾馆开展检查。检查发现：大厅两具灭火器已过期失效，楼层应急照明灯断电后不亮。疏散通道、安全出口畅通，消防车通道未被占用。",
			"fire-60-facilities", "fire-60-fire-lane", ""},
		// Facilities taken off or drawn away (卸掉, 取下, 挪作他用).
		{"detectors unscrewed in a refit", "2025年6月检查某快捷酒店，发现其在改造客房时将各层感烟探测器卸下，至今未装回。",
			"fire-60-disabled-facilities", "", ""},
		{"the fire reservoir drawn for washing", "2025年8月检查某洗涤有限公司，该公司将消防水池储水挪作他用，用于洗涤用水，水池见底。",
			"fire-60-disabled-facilities", "fire-60-facilities", ""},
		// The hazard still there after the notice (仍然存在, 未采取任何整改).
		{"the hazard still there at the re-check", "2025年9月，消防救援大队向某商场送达责令限期改正通知书，要求整改防火卷帘下堆物的火灾隐患；期满复查时该隐患仍然存在。",
			"fire-60-hazard-notice-ignored", "fire-60-facilities", ""},
		// A fire the police handle is still the fire caused (第六十四条).
		{"a field fire reported to the police station", "清明节期间派出所接报警：山坡起火。经查，村民某某上坟烧纸钱后未熄灭余火即离开，余火引燃山坡杂草约三亩，无人员伤亡。",
			"fire-64-negligent-fire", "", ""},
		// A detector wrapped is a detector defeated (第九十九条第（四）项), not a
		// restaurant's alarm never fitted (第（八）项).
		{"detector heads wrapped in film", "2025年11月检查某化工有限公司，罐区可燃气体探测器探头被员工用保鲜膜包裹，无法检测泄漏。",
			"safety-99-monitoring-disabled", "safety-99-gas-alarm", ""},
		// The welder fined, not the unit: 消防法 第六十三条.
		{"the welder who cut without a permit", "经查，违法行为人赵某在某厂房内未经动火审批进行电焊作业，现场无人监护，未造成火灾，决定对赵某处罚款二百元。",
			"fire-63-open-flame", "safety-101-hazardous-operations", ""},
	})
}

// TestAccidentCountAfterOutcomeEighteenth: a register writes the outcome
// before its count (死亡五人, 重伤十二人); the tier follows the count.
func TestAccidentCountAfterOutcomeEighteenth(t *testing.T) {
	a := newProvisionAnalyzer(t)
	checkEnvPhrasing(t, a, []envPhrasingCase{
		{"five dead, the count after the word", "2025-10-08 某环保科技有限公司 污水池清淤中毒 死亡五人 负有责任 结案",
			"safety-114-larger-accident", "safety-114-general-accident", ""},
		{"twelve badly hurt, no one dead", "2025年7月3日某机械有限公司厂房坍塌，重伤十二人，无人死亡，调查认定公司对事故负有责任。",
			"safety-114-larger-accident", "safety-114-general-accident", ""},
		{"a death denied keeps the lower tier", "2025年5月某建筑有限公司脚手架垮塌，未造成死亡，重伤1人，公司对事故负有责任。",
			"safety-114-general-accident", "safety-114-larger-accident", ""},
	})
}
