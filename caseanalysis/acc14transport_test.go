package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/legal"
)

// TestTransportFourteenthRoundKinds decides the kinds the fourteenth
// round's 交通、公路、城管、住建 rows missed on first sight (issue 12), in other
// words than the rows'.
func TestTransportFourteenthRoundKinds(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkEnvPhrasing(t, a, []envPhrasingCase{
		// A walker on an expressway is 第八十九条's pedestrian, though the
		// emergency lane is a lane.
		{"a walker along the hard shoulder", "2025年9月3日，交警巡逻时发现一名男子沿高速公路应急车道步行，称车在前方抛锚，准备走到服务区求助，交警将其带离。",
			"traffic-89-pedestrian-nonmotor", "traffic-90-moving-violation", ""},
		// A plate hidden or smeared is punished under 第九十条 (第九十五条第二款);
		// officers who stop the car (民警拦截查处) are no 寻衅滋事.
		{"a plate smeared with mud, the car stopped by officers", "2025年4月8日，当事人驾驶号牌被人为用泥浆污损的小型轿车在城西大道行驶，被执勤交警拦截检查。",
			"traffic-90-moving-violation", "police25-30-provocation", ""},
		{"a plate covered with a sticker", "2025-06-02 高新路 小型客车 号牌被贴纸遮住 驾驶人称为躲避抓拍",
			"traffic-90-moving-violation", "", ""},
		// Evading the weighing station is 第六十七条 even where the load is
		// also over the limit.
		{"an overweight lorry turning off before the weigh station", "经查，2025年5月12日，当事人驾驶重型自卸货车行至S305线治超站前，为逃避检测，掉头驶入田间便道绕行，被路政人员追上。经复检，该车车货总质量57吨。",
			"highway-67-evade-detection", "highway-64-overlimit", ""},
		// A load that fell on the road and dirtied it, in everyday words.
		{"gravel falling on a provincial road", "2025年8月，公路管理站接报：省道S106线上一辆拉石料的货车沿途掉落碎石，弄脏路面约五百米，驾驶人承认装得太满。",
			"highway-69-load-spill", "", ""},
		// Litter thrown down without the statute's fruit peel or paper.
		{"sunflower husks thrown on the square", "2025年7月，城管队员在中心广场发现一名游客随手扔下瓜子壳和塑料袋，经劝导仍不清扫。",
			"urban-34-littering", "", ""},
		// Cutting corners told as bars swapped for thinner ones.
		{"thinner bars swapped in", "2025年6月，住建执法人员抽查某安置房工地，发现施工单位在三层梁施工中将设计的直径16毫米钢筋换成14毫米钢筋。",
			"quality-64-cutting-corners", "", ""},
		// Goods stacked on the pavement send walkers into the carriageway:
		// the occupier's 城市道路管理条例, not the walkers' 第八十九条, the
		// drivers' 第九十条 or a bus's route.
		{"tiles stacked on the pavement", "2025年5月，执法队员巡查发现某五金店在门前人行道上码放钢管、瓷砖约三十平方米，行人只能绕行至机动车道。",
			"road-42-occupying-road", "traffic-89-pedestrian-nonmotor", ""},
		// A lorry's unloading is no software removed (反不正当竞争法).
		{"a light lorry over its rated load, unloaded on the spot", "2025-08-20 治超点 轻型货车 核载1.6吨 实载1.9吨 驾驶人孙某 现场卸载转运",
			"traffic-92-truck-overload", "comp-24-network", ""},
		// A walker on an urban expressway's main road (快速路, 高架).
		{"a walker on the urban expressway", "2025-08-16 22:10 东二环快速路主路 行人周某翻下匝道后在主路上步行 交警劝离",
			"traffic-89-pedestrian-nonmotor", "", ""},
		// Short-haul transfer to dodge the weigh station, told without 驳载.
		{"part of the load moved to a van before the station, put back after", "2025年6月，路政人员发现一辆重型货车在检测站前把部分石材倒到另一辆农用车上，过站后再装回原车，原车满载车货总质量58吨。",
			"highway-67-evade-detection", "highway-64-overlimit", ""},
		// Litter thrown out of a car window.
		{"bottles thrown out of a car window", "2025年9月，城管队员根据群众拍摄的视频查实，刘某乘车途中从车窗向外扔饮料瓶和果皮，散落在人民路上。",
			"urban-34-littering", "", ""},
		// Concrete weaker than the design grade, told as 低标号 and 仅为.
		{"concrete weaker than designed", "2025年10月住建局抽查某小学综合楼工地，发现施工单位在二层梁板中使用了低标号商品混凝土，设计为C35，实测强度仅为C25。",
			"quality-64-cutting-corners", "", ""},
		// An annual test missed by a semi-trailer tractor (牵引车 is a
		// transport vehicle).
		{"a tractor unit's annual test missed", "经查，当事人某物流公司一辆半挂牵引车未按规定进行年度综合性能检测，超期一个月。该公司此前无同类违法记录，检查后即送检，未发生道路运输安全事故。",
			"transport-69-vehicle-maintenance", "transport-63-unlicensed-freight", ""},
	})
}

// TestTransportFourteenthRoundDispositions: 首违不罚 where the harm is
// named as an example of what did not happen (未造成…等危害后果) or the
// correction is a scraping-off on the spot; an act dated with 曾 that no
// penalty followed is the act, and past two years it is time-barred.
func TestTransportFourteenthRoundDispositions(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts, day, want string
		disp                   legal.Disposition
	}{
		{"first lapse, harm named as an example", "经查，当事人某客运公司一辆客车未按规定进行二级维护，超期十日。当事人系首次违法，检查当天即完成维护，未造成旅客伤亡等危害后果。",
			"2025-10-01", "transport-69-vehicle-maintenance", legal.DispositionNone},
		{"first lapse, posters scraped off on the spot", "城管队员查获李某在公交站牌上张贴招工广告，李某系初次违法，当即用铲刀把广告铲除干净，未造成其他影响。",
			"2025-10-01", "urban-34-graffiti", legal.DispositionNone},
		{"an overload dated with 曾, found after two years", "2025年9月1日，路政人员核查历史称重数据时发现，车主王某的一辆五轴货车曾于2023年6月2日以车货总质量50吨通过G318线检测点，超过43吨的限定标准。",
			"2025-09-01", "highway-64-overlimit", legal.DispositionExpired},
		{"first lapse, gravel swept up at once", "经查，当事人驾驶货车在乡道Y008线上掉落砂石，弄脏路面约二十米，系初次违法，当即将砂石清扫干净，未造成车辆损坏等后果。",
			"2025-10-01", "highway-69-load-spill", legal.DispositionNone},
		// A register line's fields are separated by spaces: the report's
		// words (接举报查实) are not the act's date's.
		{"a register line, an act of two years before the report", "2025-12-01 接群众举报查实 赵某 2023年9月未经批准开挖城市道路铺设电缆 当月已恢复路面",
			"2025-12-01", "road-42-digging-road", legal.DispositionExpired},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.day)
			ids := violationIDs(res)
			if len(ids) == 0 || ids[0] != tt.want {
				t.Fatalf("violations %v, want %s first\n%s", ids, tt.want, whys(res.Violations))
			}
			if got := res.Violations[0].Suggestion.Disposition; got != tt.disp {
				t.Errorf("disposition %s, want %s", got, tt.disp)
			}
		})
	}
}
