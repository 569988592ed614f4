package caseanalysis

import (
	"context"
	"testing"

	"github.com/cailiang/cailiang/legal"
)

// TestTransportUrbanLandPhrasings: 交通、城管、土地 conduct as officers write
// it (colloquial vehicle names, the result instead of the act, trade words),
// each kind phrased otherwise than the development rows it was found on.
// not, when set, must not rank first (the neighbour that used to win).
func TestTransportUrbanLandPhrasings(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []struct {
		name, facts, want, not string
	}{
		// Non-motor vehicles by their everyday names: 第八十九条, not 第九十条 or 第九十一条.
		{"电驴 through a red light", "一名骑电驴的男子在十字路口闯红灯，被执勤交警拦下。", "traffic-89-pedestrian-nonmotor", "traffic-90-moving-violation"},
		{"共享单车 against the traffic", "小刘骑共享单车在主干道上逆向骑行约三百米。", "traffic-89-pedestrian-nonmotor", "traffic-90-moving-violation"},
		{"电瓶车 after drinking", "王某晚饭喝酒后骑电瓶车回家，被交警查获，呼气检测酒精含量30mg/100ml。", "traffic-89-pedestrian-nonmotor", "traffic-91-drink-driving"},
		// A phone at the wheel in the regulation's words.
		{"手持电话", "驾驶人边开车边用手持电话通话，被电子警察抓拍。", "traffic-90-moving-violation", ""},
		// The horn, a car left with nobody in it, a load rated in tonnes.
		{"按喇叭", "驾驶人在医院门前禁止鸣喇叭的路段长时间按喇叭，被抓拍设备记录。", "traffic-90-moving-violation", ""},
		{"车内无人", "一辆轿车停在小区消防通道口，车内无人，民警贴单后将其拖离。", "traffic-93-parking-absent", "traffic-90-moving-violation"},
		{"重卡核载吨位", "一辆重卡核载25吨，经称重实载31吨，驾驶人当场卸货。", "traffic-92-truck-overload", "traffic-92-passenger-overload-20pct"},
		// 假 of 假日 is no forgery.
		{"holiday is not forgery", "假日期间，交警检查一辆核载19人的中型客车，行驶证记载的核载人数为19人，车内实有22人。", "traffic-92-passenger-overload", "traffic-96-forged-plate"},
		{"仿造的车牌", "车主在网上买了一副仿造的车牌，挂在自己的二手轿车上上路行驶。", "traffic-96-forged-plate", ""},
		// Collisions in other verbs, and 即 ending the denial before the leaving.
		{"剐蹭 then drove off", "货车倒车时剐蹭路边停放的轿车，司机未下车查看随即开车离开现场。", "traffic-99-hit-and-run", "traffic-90-moving-violation"},
		// The excess of speed from the limit and the speed measured.
		{"speed from limit and measurement", "该路段限速60公里/小时，测速仪显示驾驶人驾驶的轿车时速达到98公里。", "traffic-99-speeding-50pct", "traffic-90-moving-violation"},
		// People riding in the cargo box.
		{"车斗里坐着帮工", "交警拦下一辆农用货车，车斗里坐着六名帮工。", "traffic-92-truck-overload-30pct", "traffic-92-truck-overload"},
		// Transport: the qualification missing, the load falling, seats changed, permits lent.
		{"没有从业资格证", "驾驶员韩某没有从业资格证，却驾驶客运公司的营运大客车跑班线。", "transport-64-unqualified-driver", "transport-63-unlicensed-passenger"},
		{"钢卷坠落", "货运公司运输的钢卷捆扎不牢，行驶中从车上坠落到路面。", "transport-68-soliciting", ""},
		{"座位增加", "客运公司擅自改动营运客车的座位布局，增加了两个座位。", "transport-69-vehicle-modification", ""},
		{"通行证转借", "物流公司把本公司办理的超限运输车辆通行证转借给另一家公司的车辆使用。", "highway-65-permit-lending", "highway-64-overlimit"},
		{"闯卡", "一辆重型货车在超限检测站前不听指挥，加速闯卡驶离。", "highway-67-evade-detection", "highway-64-overlimit"},
		{"调度要求多装", "砂石厂调度员要求驾驶员每车多装十五吨，致车货总重超过公路限定标准。", "highway-68-instruct-overlimit", "highway-64-overlimit"},
		// A room let (出租屋) is no transport licence lent; 泔水 is household waste.
		{"出租屋 is no licence", "住在出租屋的租户张某把生活垃圾直接扔在小区外的路边。", "urban-111-household-waste-individual", "transport-66-permit-transfer"},
		{"泔水", "饭店每天晚上把泔水倒进店后的下水道，未交有资质的单位处理。", "urban-111-household-waste-unit", "waste-112-hw-dumping"},
		// Land: land lent for a while and kept is 第八十一条, not a temporary building.
		{"临时用地拒不归还", "某公司临时用地期满后拒不归还，继续在该地块堆放机械。", "land-81-not-returning-land", "plan-66-temporary-construction"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeFirst(t, a, tt.facts, tt.want)
			if tt.not != "" && len(res.Violations) > 0 && res.Violations[0].BenchmarkID == tt.not {
				t.Errorf("%s ranks first", tt.not)
			}
		})
	}
	// Neighbours that must not win, whatever does.
	for _, tt := range []struct{ name, facts, not string }{
		{"goods piled by a shop are no land occupation", "五金店在店门外人行道两侧堆放钢筋和水泥，占地约二十平方米，未经批准。", "land-77-illegal-occupation"},
		{"sand dug on farmland is 第七十五条", "村民在自家承包的耕地里采砂卖钱，耕作层被毁，无法耕种。", "land-77-illegal-occupation"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: tt.facts, Violations: 5, DecisionDate: snapshotDay})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Violations) > 0 && res.Violations[0].BenchmarkID == tt.not {
				t.Errorf("%s ranks first", tt.not)
			}
		})
	}
}

// TestCoercerNotMitigated: whoever forces a driver (第九十九条第一款第（五）项)
// or instructs one to carry an over-limit load (公路安全保护条例 第六十八条)
// is not 受他人胁迫 for the threat he made.
func TestCoercerNotMitigated(t *testing.T) {
	a := newProvisionAnalyzer(t)
	for _, tt := range []struct{ facts, want string }{
		{"物流公司车队长以开除相威胁，强令其驾驶员连夜疲劳驾驶，致货车追尾前车，造成车辆受损。", "traffic-99-coerced-driving"},
		{"货主以不结运费相要挟，强令其雇请的驾驶员装载超过公路限定标准的砂石上路运输。", "highway-68-instruct-overlimit"},
	} {
		res := analyzeFirst(t, a, tt.facts, tt.want)
		if s := res.Violations[0].Suggestion; s == nil || s.Disposition != legal.DispositionPenalty {
			t.Errorf("%s: disposition %v; want %s", tt.want, s, legal.DispositionPenalty)
		}
	}
}
