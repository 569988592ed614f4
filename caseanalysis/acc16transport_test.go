package caseanalysis

import "testing"

// TestTransportPhrasingFamiliesSixteenth decides the kinds the sixteenth
// round's 交通、路政、城管、住建、税务 rows missed on first sight (issue 12), in
// other words than the rows': articles that had only a provision entry and
// lost to a neighbour sharing their words.
func TestTransportPhrasingFamiliesSixteenth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkEnvPhrasing(t, a, []envPhrasingCase{
		// A passenger station run without a licence (第六十五条第一款) is the
		// station, not the carriage (第六十三条第（二）项).
		{"a ticket booth and waiting shed for coaches", "2026年5月9日检查发现，个体户钱某未经许可在镇汽车站对面私设候车点，摆放售票桌代售过路班车车票，向停靠车辆收取停靠费。",
			"transport-65-station-unlicensed", "transport-63-unlicensed-passenger", ""},
		// A licensed station letting an overloaded or unchecked coach out (第七十条).
		{"a coach station letting an overloaded bus leave", "经查，2026年4月3日，城东汽车客运站工作人员明知一辆核载33人的班车实载40人，仍予放行出站。",
			"transport-70-station-release", "traffic-92-passenger-overload", ""},
		{"a logistics park letting an overloaded lorry out", "2026年6月18日检查发现，某物流园货运站对一辆超过核定载质量的重型货车未予劝阻，放行驶出货运站。",
			"transport-70-freight-station-release", "traffic-92-truck-overload", ""},
		// Filing (备案) refused after an order: 第六十五条第三款、第四款.
		{"a driving school not filed and not correcting", "2026-03-02 某驾校 从事机动车驾驶员培训 未向交通运输主管部门备案 限期改正后逾期不改正",
			"transport-65-filing-station", "", ""},
		{"a tyre-and-repair shop not filed", "2026年7月，执法人员发现李某开办的快修店从事机动车维修经营，一直没有备案，责令改正后至今仍未备案。",
			"transport-65-filing-repair", "", ""},
		// Passengers handed to another vehicle on the way: 第六十八条第一款.
		{"passengers moved onto another coach mid-route", "经查，某客运公司班车于2026年5月1日行至半途，驾驶员让全车旅客换乘另一辆客车继续行程。",
			"transport-68-passenger-route", "transport-63-unlicensed-passenger", ""},
		// The highway used as a drying floor or a test track: 公路法 第七十七条.
		{"corn dried on a county road", "2026年10月8日路政巡查发现，村民在县道X203线路面上晾晒玉米，占用半幅车道，影响车辆通行。",
			"highway-77-obstruct-road", "land-77-illegal-occupation", ""},
		{"a car maker testing brakes on a provincial road", "2026年4月，路政执法人员发现某汽车公司测试人员在省道S305线上反复进行制动性能测试。",
			"highway-77-obstruct-road", "transport-69-vehicle-modification", ""},
		// 转包 of a building contract: 建设工程质量管理条例 第六十二条第一款.
		{"a contractor passing the whole job on", "经查，某建设公司承包宿舍楼工程（合同价款600万元）后，将工程整体转包给无资质的包工头施工。",
			"quality-62-subcontract", "", ""},
		// A flat's user knocking out a load-bearing wall: 第六十九条第一款后段.
		{"a tenant breaking through a shear wall", "2026年3月，住建执法人员接到举报后核实，租户赵某在装修店面时凿除了一段剪力墙。",
			"quality-69-occupant-structure", "land-77-illegal-occupation", ""},
		// A transport business overloading again after fines: 第九十二条第四款.
		{"a haulier overloading again after three fines", "经查，某运输公司的货车今年已四次因超载被处罚，公司仍安排该车超载运输，车队负责人孙某对此负直接责任。",
			"traffic-92-unit-unreformed", "traffic-92-truck-overload", ""},
		// Traffic facilities moved on purpose with harm done: 第九十九条第一款第（七）项.
		{"traffic cones moved away causing a crash", "2026年6月，周某为在路边卸货，私自将施工路段的水马挪开，致一辆摩托车驶入施工区摔倒受伤。",
			"traffic-99-facilities", "", ""},
		// Lorries stopped and held on the road: 第九十九条第一款第（八）项.
		{"villagers stopping lorries over a dispute", "2026年8月，村民吴某因补偿纠纷在乡道上拦停并扣下两辆渣土运输车，民警劝阻无效，造成交通堵塞三小时。",
			"traffic-99-intercept", "", ""},
		// Swill or night soil leaking from an open vehicle in town: 市容条例 第三十四条第（六）项.
		{"a night-soil cart leaking through town", "2026年5月城管巡查发现，吸粪车罐口未密封，行驶中粪水沿街滴漏。",
			"urban-34-transport-spill", "", ""},
		// Tax declared but unpaid after an order to pay: 第六十八条, not 偷税.
		{"tax declared and not paid after the order", "经查，某商贸公司2026年1月申报增值税5万元，未按期缴纳，经税务机关责令限期缴纳，逾期仍未缴纳。",
			"tax-68-unpaid-after-order", "tax-63-evasion", ""},
		// The second batch's kinds (the station that let the vehicle in or
		// out, counted loads without the word 超载, facilities opened up,
		// a refusal to move told with 拒不): new words again.
		{"a freight yard letting in a lorry without its permit", "2026年8月检查发现，某货运场负责人同意一辆未取得道路运输证的货车进入场内装货配载。",
			"transport-70-freight-station-release", "transport-63-unlicensed-freight", ""},
		{"a loading yard admitting a semi-trailer without its permit", "2026年9月，某配货场老板准许一辆无道路运输证的半挂车进入场内揽货配载。",
			"transport-70-freight-station-release", "transport-63-unlicensed-freight", ""},
		{"a bus station letting a full coach leave unchecked", "2026年7月，某汽车站对一辆核载45人、实载52人的班车未经出站检查即放行发车。",
			"transport-70-station-release", "traffic-92-passenger-overload-20pct", ""},
		{"a guard rail cut open and a rider hit", "经查，2026年5月张某用钳子剪开路口的隔离护栏形成缺口，随后多辆电动车从缺口横穿，一名骑车人被撞受伤。",
			"traffic-99-facilities", "traffic-90-moving-violation", ""},
		{"lorries stopped on a national road over a debt", "2026年3月，李某为讨要货款，带人在国道上截停对方两辆货车，交警劝其放行，李某拒不放行，车辆滞留两小时，交通堵塞。",
			"traffic-99-intercept", "police25-30-provocation", ""},
		// A 加班车 is a bus, not overtime work.
		{"an extra bus let into the station", "2026年9月检查某汽车站，发现站方允许一辆无道路运输证的加班车进站上客。",
			"transport-70-station-release", "labour-25-overtime", ""},
	})
}
