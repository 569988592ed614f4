package caseanalysis

import (
	"strings"
	"testing"
)

// TestEnvSafetySixteenthRoundKinds decides the kinds the sixteenth round's
// 生态环境 and 安全生产 rows missed on first sight (issue 12), in wordings
// other than the rows'.
func TestEnvSafetySixteenthRoundKinds(t *testing.T) {
	a := newProvisionAnalyzer(t)
	checkEnvPhrasing(t, a, []envPhrasingCase{
		// A negative finding denies every item it lists, not only those
		// within ten characters of it: the excess stays the violation.
		{"no hidden pipe or seepage pit found, ammonia over the limit", "2025年10月对某化工公司现场检查，检查未发现私设暗管、渗井、渗坑、雨污混排等情况，但废水总排口监测氨氮浓度超过排放标准1.5倍。",
			"water-83-excess", "water-83-evading-supervision", ""},
		{"no bypass flue or data tampering found, dust over the limit", "2025年11月检查某陶瓷公司，执法人员没有发现旁路烟道、偷排管线或者篡改在线监测数据的迹象，但窑炉烟气颗粒物浓度超过排放标准限值。",
			"air-99-excess", "air-99-evading-supervision", ""},
		{"法典: none of the evasions found, COD over the limit", "2026年11月检查某印染公司，未查见暗管、渗坑、稀释排放等逃避监管行为；总排口化学需氧量浓度超过排放标准0.8倍。",
			"eco-1107-excess-water", "eco-1108-evading-water", ""},
		// The refusal that outlasted the order to correct it, however told.
		{"still kept out after the order", "2025年4月区应急管理局执法人员到某铸造厂检查，厂方以正在开会为由不让执法人员进入车间，执法人员当场责令其改正，半小时后当事人依然不让进入。",
			"safety-108-refusing-inspection", "", ""},
		{"refused again when asked again", "2025年6月，某采石场负责人拒绝执法人员进入矿区开展安全检查，经责令改正，执法人员再次要求进入时又遭拒绝。",
			"safety-108-refusing-inspection", "", ""},
		// The fined person is a manager (第九十六条), not the 主要负责人 (第九十五条).
		{"a 安全主任 whose neglect ended in a death", "经查，当事人王某系某建材公司安全主任，未对破碎机检修作业进行现场安全检查，导致2025年5月发生一起机械伤害事故，造成1人死亡。王某上一年年收入为8万元。",
			"safety-96-manager-accident", "safety-95-principal-general-accident", ""},
		{"a 安全管理员 whose neglect ended in a death", "2025年8月，某物流公司安全管理员陈某未督促检查装卸作业安全，致使发生一起叉车伤害事故，一人经抢救无效死亡，陈某上年度年收入6万元。",
			"safety-96-manager-accident", "safety-95-principal-general-accident", ""},
		// The 主要负责人 ordered to set up the system, and not having done it.
		{"主要负责人 ordered and not corrected, register", "2025-11-20复查 某铝业公司 主要负责人钱某 前次检查被责令限期组织制定安全生产规章制度 期满后仍未制定",
			"safety-94-principal-not-corrected", "safety-95-principal-general-accident", ""},
		// The accident the unit answers for is fined as the accident, whatever
		// conduct (a flame, a cable, a harness) caused it.
		{"welding sparks, fire, two deaths, unit responsible", "2025年7月，某装饰公司工人在仓库电焊作业时引燃保温材料发生火灾，造成2人死亡，事故调查组认定该公司对事故发生负有责任。",
			"safety-114-general-accident", "fire-63-open-flame", ""},
		{"a temporary cable, electrocution, died despite rescue", "事故调查报告：2025年9月某建筑公司工地临时用电私拉电线，一名工人触电，经抢救无效死亡。调查认定该公司负有责任。",
			"safety-114-general-accident", "safety-101-hazardous-operations", ""},
		// A unit's own slag or dust-collector ash is industrial solid waste,
		// kept under the waste article, whatever dust it raises.
		{"red mud and dust-collector ash in the open", "2025年9月检查某铝业公司，电解车间产生的赤泥、除尘灰露天堆放在厂区空地，无防扬散措施，刮风时扬尘明显。",
			"waste-102-industrial-storage", "air-117-dust-materials", ""},
		{"法典: steel slag in the open", "2026年10月，某钢铁公司炼钢产生的钢渣约1500吨露天堆放，未采取防扬散、防流失措施。",
			"eco-1171-industrial-storage", "eco-1130-dust-materials", ""},
		{"a coal yard uncovered stays a dust material", "2025年10月检查某热电厂煤场，堆存原煤约2000吨，未覆盖，未设置围挡，扬尘明显。",
			"air-117-dust-materials", "", ""},
		{"hot work on a tank, a flash blast, three dead", "2025年6月，某化工公司储罐检修动火作业引发爆燃，造成3人死亡，调查认定该公司对事故负有责任。",
			"safety-114-larger-accident", "fire-63-open-flame", ""},
		{"register: crushed by a load, died in hospital", "2025.8.14 某钢构公司 行车吊装钢梁脱钩 砸中一名工人 送医后不治 一般事故",
			"safety-114-general-accident", "safety-101-hazardous-operations", ""},
		{"boiler slag in the open, no guarding against wind or run-off", "2026年9月检查某纸业公司，锅炉产生的炉渣约300吨露天堆放，无防扬散、防流失措施，大风天气扬尘明显。",
			"eco-1171-industrial-storage", "eco-1130-dust-materials", ""},
		{"法典 register: report form unapproved, building begun", "2026年9月，某食品公司扩建项目的环境影响报告表未经批准，即擅自开工建设厂房。",
			"eco-1095-report-form", "land-77-illegal-occupation", ""},
		{"a plating line in the quasi zone names no food", "2025年9月检查发现，某公司在饮用水水源准保护区内新建电镀生产线，含重金属废水拟排入附近河流。",
			"water-91-quasi-zone-project", "food-124-contaminants", "none"},
		// Second batch: a fire test firm's report with no one sent is its false
		// document, not the unit's untested equipment; waste water let out
		// untreated is a discharge, not equipment left untested; a works' own
		// scrap stone and offcuts are industrial solid waste.
		{"no one sent, the pass report issued anyway", "2025年10月查明，某消防检测有限公司没有派人去某商场现场，便出具了该商场年度消防设施检测合格报告。",
			"fire-69-false-documents", "safety-99-equipment-maintenance", ""},
		{"nickel water through a hidden pipe, sampled and tested", "2025年8月，某电镀厂将未经处理的含镍废水通过暗管排入厂外雨水管网，经采样检测，总镍浓度超标。",
			"water-83-evading-supervision", "safety-99-equipment-maintenance", ""},
		{"offcuts and scrap stone left in the open", "2025年9月检查某石材公司，生产过程中产生的下脚料、废石料约200吨露天堆放在厂区空地，未采取防扬散、防流失措施。",
			"waste-102-industrial-storage", "", ""},
		// What was not approved is the environmental impact document, not the land.
		{"法典: report form not approved, building started", "2026年10月，某物流公司新建仓储项目的环境影响报告表尚未获得批准，该项目已开工建设。",
			"eco-1095-report-form", "land-77-illegal-occupation", ""},
		// A drinking water source is a place, not a food.
		{"a project in the second zone names no food", "2025年8月，某养殖场在饮用水水源二级保护区内新建生猪养殖场，养殖废水排入附近沟渠，废水中含重金属。",
			"water-91-second-zone-project", "food-124-contaminants", ""},
	})
}

// TestEnvNeighbourNotFittedSixteenth: the neighbour that shared the words
// no longer fits the facts: the element that tells the two apart excludes it
// (a unit's own slag is waste, not a dust material; the environmental impact
// document unapproved is not land occupied) or is not shown (a drinking water
// source names no food).
func TestEnvNeighbourNotFittedSixteenth(t *testing.T) {
	a := newProvisionAnalyzer(t)
	for _, tt := range []struct{ name, facts, day, not, why string }{
		{"boiler slag without guarding is waste, 法典", "2026年9月检查某纸业公司，锅炉产生的炉渣约300吨露天堆放，无防扬散、防流失措施，大风天气扬尘明显。",
			"2026-12-01", "eco-1130-dust-materials", "事实涉及工业固体废物贮存"},
		{"dust-collector ash without guarding is waste", "2025年7月，某铸造公司产生的除尘灰露天堆放在厂区北侧，没有防扬散措施。",
			"2025-12-01", "air-117-dust-materials", "事实涉及工业固体废物贮存"},
		{"the report form unapproved is no land case", "2026年9月，某食品公司扩建项目的环境影响报告表未经批准，即擅自开工建设厂房。",
			"2026-12-01", "land-77-illegal-occupation", "事实涉及未经批准的是环境影响评价文件"},
		{"untreated water let out is a discharge, not equipment untested", "经查，当事人某五金制品厂在镀铬车间地面下私自铺设一根PVC管道，直通厂区外雨水井，将未经处理的含铬废水排入雨水管网，经采样检测，雨水井内总铬浓度超标。",
			"2025-12-01", "safety-99-equipment-maintenance", "事实涉及排放污染物"},
		{"a works' own scrap stone is industrial solid waste", "2025年9月检查某石材公司，生产过程中产生的下脚料、废石料约200吨露天堆放在厂区空地，未采取防扬散、防流失措施。",
			"2025-12-01", "waste-102-industrial-storage", "!未提及工业固体废物"},
		{"a drinking water source is no food", "2025年9月检查发现，某公司在饮用水水源准保护区内新建电镀生产线，含重金属废水拟排入附近河流。",
			"2025-12-01", "food-124-contaminants", "!饮用水"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.day)
			for _, v := range res.Violations {
				if v.BenchmarkID != tt.not {
					continue
				}
				// "!w": w is not among the elements shown (the Why's first clause).
				if w, ok := strings.CutPrefix(tt.why, "!"); ok {
					if first, _, _ := strings.Cut(v.Why, "；"); strings.Contains(first, w) {
						t.Errorf("%s shows %s: %s", tt.not, w, v.Why)
					}
				} else if !strings.Contains(v.Why, tt.why) {
					t.Errorf("%s fits: %s", tt.not, v.Why)
				}
			}
			// Nor does it lend the text its crime (生产、销售不符合安全标准的食品罪).
			if strings.HasPrefix(tt.not, "food-") && strings.Contains(res.Transfer.Crime, "食品") {
				t.Errorf("transfer %s %s", res.Transfer.Risk, res.Transfer.Crime)
			}
		})
	}
}
