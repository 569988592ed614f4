package caseanalysis

import "testing"

// TestEnvSafetyFourteenthPhrasings: the kinds the fourteenth round's
// 生态环境、安全生产、消防 rows (acc14envsafety) and the tuning half's misses in
// those sectors showed, each in other words than the rows:
//   - a filling station's or a depot's vapour-recovery unit not in use is
//     大气污染防治法 第一百零八条第（四）项 (法典 第一千一百二十条第一款第（四）项),
//     not a safety device left unmaintained;
//   - cement or lime kept unenclosed is the dust of 第一百一十七条 (法典
//     第一千一百三十条), not a vehicle's load (a vehicle is the element of
//     第一百一十六条); slag kept without guarding against run-off is the storage
//     of industrial solid waste (固废法 第一百零二条);
//   - a principal or a safety manager who did not organise the training plan
//     or urge a hazard's removal is fined himself (第九十四条, 第九十六条);
//   - what the officers came to inspect, told in the clause that sets the time
//     of the refusal (检查其……时), says whose inspection was refused;
//   - a fire that broke out and spread is the fire caused (消防法 第六十四条第（二）项),
//     not the stairwell, the wiring, the heap or the rubbish burnt; a fire lane
//     or a hydrant taken up by a 物业 or a 商户 is the unit's (第六十条第一款),
//     and no land occupied;
//   - a complaint of short measure the verification disproved shows no cheating.
//
// not, when set, must not rank first (the neighbour that used to win).
func TestEnvSafetyFourteenthPhrasings(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkEnvPhrasing(t, a, []envPhrasingCase{
		{"a station's vapour recovery switched off", "2025年10月，执法人员抽查某加油站，发现加油机油气回收真空泵长期关停，气液比检测不合格，站长称电机故障后一直未修。",
			"air-108-oil-vapor-recovery", "safety-99-equipment-maintenance", ""},
		{"a depot's vapour recovery under the 法典", "2026年10月检查某成品油储油库，装车鹤管油气回收装置未连接，装油时油气直接排放。",
			"eco-1120-oil-vapor-recovery", "", ""},
		{"lime heaped in an open shed under the 法典", "2026年9月，执法人员检查某建材公司，生石灰约50吨散堆在三面敞开的料棚内，未密闭贮存，风吹扬尘明显。",
			"eco-1130-dust-materials", "eco-1129-uncovered-load", ""},
		{"cement kept unenclosed before the 法典", "2025年6月检查某管桩厂，散装水泥约30吨堆放在露天场地，未密闭，也未覆盖。",
			"air-117-dust-materials", "air-116-uncovered-load", ""},
		{"slag left to wash away", "2025年5月检查某钢铁公司，转炉钢渣约800吨露天堆存，未采取防扬散、防流失、防渗漏措施，雨后渣场淋溶水流入厂外沟渠。",
			"waste-102-industrial-storage", "air-117-dust-materials", ""},
		{"a factory director who drew up no training plan", "检查发现，某纸业公司厂长（主要负责人）刘某上任一年来未组织制定本单位安全生产教育和培训计划，也从未带队开展安全检查，公司未发生事故。",
			"safety-94-principal-duties", "safety-97-training", ""},
		{"a safety officer who urged no hazard's removal", "某机械厂安全科科长陈某负责的月度隐患排查半年未开展，冲压车间冲床防护罩缺失的事故隐患一直未督促整改，陈某作为专职安全管理人员未尽到检查督促职责。",
			"safety-96-manager-duties", "safety-102-hidden-danger", ""},
		{"a boiler's smoke inspection refused", "2025年11月，执法人员检查某印染厂锅炉烟气排放情况时，该厂保安关闭大门，拒不接受监督检查。",
			"air-98-obstructing-inspection", "police-50-obstruct-duty", ""},
		{"a heater left on in a corridor that set boxes on fire", "2025年12月，住户李某在楼道里用电暖器烤衣服后外出，电暖器引燃楼道内堆放的杂物，火势蔓延至邻居家门口，烧毁防盗门一扇。",
			"fire-64-negligent-fire", "fire-60-individual", ""},
		{"a stubble fire that spread to a timber yard", "2025年4月，村民吴某在田边烧荒，火势失控引燃相邻锯木厂的木料堆场，直接财产损失约8万元。",
			"fire-64-negligent-fire", "air-117-dust-materials", ""},
		{"rubbish burnt that set a neighbour's haystack alight", "村民孙某2025年3月在院外焚烧生活垃圾，火星引燃邻居家的稻草垛，烧毁稻草约两吨。",
			"fire-64-negligent-fire", "urban-111-household-waste-individual", ""},
		{"a fire lane blocked by the estate's manager", "2025年8月检查某花园小区，消防车通道被物业设置的收费道闸和花箱阻断，消防车无法通行。",
			"fire-60-fire-lane", "land-77-illegal-occupation", ""},
		{"a hydrant walled in by a shopkeeper", "2025年9月消防检查，步行街一商户用彩钢板把门前的室外消火栓圈进自家店外仓库，消火栓被货物遮挡。",
			"fire-60-hydrant", "fire-60-individual", ""},
		{"a smoker at a station whose pumps were verified accurate", "群众举报某加油站员工在加油区吸烟，另称加油机缺斤短两。2025年7月核查，员工吸烟属实，加油机经检定计量准确。",
			"fire-63-open-flame", "metro-48-cheating-instrument", ""},
	})
}
