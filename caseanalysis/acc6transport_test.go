package caseanalysis

import "testing"

// TestTransportSixthPhrasings: the families the sixth round's rows missed
// (a pedestrian named only by the act, a private car's extra passengers, a
// bus's seats counted far apart, a plate no register knows, a collision by
// its result, cargo spilt in other words, an instruction to load full, a
// station run without a licence), each phrased otherwise than the rows.
// not, when set, must not rank first (the neighbour that used to win).
func TestTransportSixthPhrasings(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []phrasingRow{
		{"没走斑马线, through the barrier", "一名男子没走斑马线，从中心护栏的缺口钻过护栏横穿马路，被执勤交警拦下。", "traffic-89-pedestrian-nonmotor", "traffic-90-moving-violation"},
		{"翻过栏杆", "早高峰时一名中年妇女翻过道路中央的栏杆赶公交车。", "traffic-89-pedestrian-nonmotor", "traffic-90-moving-violation"},
		{"五座轿车 carrying seven, not for hire", "张某驾驶自用的五座轿车载人7名回老家，系非营运车辆。", "traffic-90-moving-violation", "traffic-92-truck-overload-30pct"},
		{"private car over its seats", "李某驾驶的家用轿车核定载客5人，经清点实际乘坐7人，系接送亲友。", "traffic-90-moving-violation", "traffic-92-passenger-overload"},
		{"bus seats counted far apart", "该大型客车核定载客45人，当日执行城际班线任务，途中在高速服务区接受检查时，车内实载58人。", "traffic-92-passenger-overload-20pct", "traffic-92-truck-overload-30pct"},
		{"查无此牌", "交警查询发现该车悬挂的号牌在车管所查无此牌，驾驶人承认号牌是花钱找人做的。", "traffic-96-forged-plate", ""},
		{"车门撞瘪 then left", "一辆轿车在停车场倒车时把旁边车辆的车门撞瘪，司机看了一眼后驾车离去。", "traffic-99-hit-and-run", ""},
		{"碎石撒漏 by a licensed carrier", "货车装运的碎石沿途撒漏在城郊道路上，该车所属运输公司持有道路运输经营许可证。", "transport-68-soliciting", "transport-63-unlicensed-freight"},
		{"必须装足", "石料厂老板规定每车必须装足55吨才结运费，司机们只能超限上路。", "highway-68-instruct-overlimit", "highway-64-overlimit"},
		{"a restaurant's kitchen waste, reported by residents", "附近居民多次反映，巷口的老街餐厅每晚把泔水和厨余垃圾倒在路边绿化带里。", "urban-111-household-waste-unit", "urban-111-household-waste-individual"},
		{"a ticket office is no carriage", "个体户在镇上设立售票点和临时候车点，向过往客车收取进站费，未取得客运站经营许可。", "", "transport-63-unlicensed-passenger"},
	}
	checkPhrasings(t, a, tests)
}
