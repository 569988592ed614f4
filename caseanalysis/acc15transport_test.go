package caseanalysis

import "testing"

// TestTransportFifteenthRoundKinds decides the kinds the fifteenth round's
// 交通、城管、住建 rows missed on first sight (issue 12), in other words than
// the rows'.
func TestTransportFifteenthRoundKinds(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkEnvPhrasing(t, a, []envPhrasingCase{
		// The pedestrian a driver failed to let cross is the one yielded
		// to: the driver's 第九十条, not a pedestrian's 第八十九条. The
		// failure is written negated (未礼让, 没有避让), which a bare
		// 礼让 cue does not show.
		{"a car not yielding to a walker on the crossing", "2025年6月2日，交警查获当事人驾驶小型客车行经人民路斑马线时没有避让正在横过道路的行人。",
			"traffic-90-moving-violation", "traffic-89-pedestrian-nonmotor", ""},
		{"a register line: the crossing not yielded", "2025-09-09 08:01 实验小学门口 轿车遇有行人通过人行横道时未按规定让行 驾驶人吴某",
			"traffic-90-moving-violation", "traffic-89-pedestrian-nonmotor", ""},
		{"a car driving across while people walk over", "2025年5月，民警查获一辆SUV在行人正在过马路时直接冲过斑马线，驾驶人承认赶时间。",
			"traffic-90-moving-violation", "traffic-89-pedestrian-nonmotor", ""},
		// People riding in a lorry's load space are 违反规定载客 (第九十二条第二款
		// 后段), whatever the container is called.
		{"workers standing in the back of a pickup lorry", "2025年7月，交警检查一辆核定载质量1.5吨的轻型货车，后车厢里站着五名装修工人，所载材料未超重。",
			"traffic-92-truck-overload-30pct", "traffic-92-truck-overload", ""},
		{"villagers in a tipper's body", "2025-04-18 乡道Y102 自卸货车 核载8吨 实载7吨 货箱内蹲着3名村民 驾驶人孔某",
			"traffic-92-truck-overload-30pct", "traffic-92-truck-overload", ""},
		// Materials the builder used that fail their standard are 建设工程
		// 质量管理条例 第六十四条, not 产品质量法 (the seller's).
		{"blocks failing their test laid in a school", "2025年8月，住建局抽查某中学宿舍楼工地，施工单位砌筑墙体使用的加气混凝土砌块抽检不合格。",
			"quality-64-cutting-corners", "prod-49-unsafe-standard", ""},
		{"waterproofing membrane below standard on a roof", "经查，当事人某建筑公司承建的住宅小区工程，屋面使用的防水卷材经检测不符合国家标准，工程合同价款800万元。",
			"quality-64-cutting-corners", "prod-49-unsafe-standard", ""},
		// A drainage pipe cut or a manhole moved, the pipe before the verb,
		// is the 城镇排水与污水处理条例's, not 水污染防治法's evasion.
		{"a rain pipe cut for a shop front", "2025年3月，排水执法人员查明，某饭店在门前施工时将市政雨水管道截断后另行改接，导致雨水溢流至河道。",
			"drainage-57-alter-facilities", "water-83-evading-supervision", ""},
		// A private car carrying more people than seats is 第九十条: the
		// people's excess is no speed over half the limit.
		{"a private car rated for five carrying nine", "2025年9月，交警在国道上查获一辆私家小客车核定载客5人，实际载客9人，驾驶人称是接亲戚，非营运。",
			"traffic-90-moving-violation", "traffic-99-speeding-50pct", ""},
	})
}

// TestExcessPercentSeats reads a bus's seats and the people counted as
// register lines write them, and a speed's excess apart from a load's.
func TestExcessPercentSeats(t *testing.T) {
	for _, tt := range []struct {
		text string
		want float64
		ok   bool
	}{
		{"大型客车(49座) 实载56人", 14.3, true},
		{"该车35座，检查时车上有42名旅客", 20, true},
		{"实载26人（核定19座）", 36.8, true},
		// The people counted told by where they sat (second batch, 2026-12-06).
		{"额定乘员45人 车内乘客56名", 24.4, true},
		{"核定载客人数为9人，车上有乘客11人", 22.2, true},
		{"该33座客车从事公路客运，2026年6月2日在G60高速入口检查时车内共有41名乘客", 24.2, true},
		{"车内乘坐20人，核定载客人数为15人", 33.3, true},
		{"核定19座的中巴，实载19人", 0, false},
		{"3座仓库 实有工人40名", 0, false},
	} {
		got, ok := excessPercent(tt.text)
		if ok != tt.ok || got != tt.want {
			t.Errorf("excessPercent(%q) = %v, %v; want %v, %v", tt.text, got, ok, tt.want, tt.ok)
		}
	}
	for _, tt := range []struct {
		text string
		want float64
		ok   bool
	}{
		{"限速60公里/小时，测速仪显示其时速达到98公里", 63.3, true},
		{"超速60%", 60, true},
		{"核定载客7人，实载11人", 0, false},
		{"货车超载45%", 0, false},
	} {
		got, ok := speedExcessPercent(tt.text)
		if ok != tt.ok || got != tt.want {
			t.Errorf("speedExcessPercent(%q) = %v, %v; want %v, %v", tt.text, got, ok, tt.want, tt.ok)
		}
	}
}
