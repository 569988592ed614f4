package caseanalysis

import "testing"

// TestTransportTwelfthPhrasings: the families the eleventh accuracy round's
// fresh rows missed (issue 12, acc12transport), each phrased otherwise than
// the rows: cars raced on a road (追逐竞驶, 飙车), a modified car among them,
// and the pedestrians who had to dodge them; a screen watched while driving;
// a 黑车 driver touting for fares with no 营运手续 or 营运证 (no 拉客招嫖);
// a 网约车 without its certificates (第六十三条, not a permit let out); a
// dangerous load whose carrier cannot show the permit (第三项, not 第一项).
// not, when set, must not rank first (the neighbour that used to win).
func TestTransportTwelfthPhrasings(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []phrasingRow{
		{"two modified cars racing", "两辆改装过的轿车深夜在环湖路上追逐竞驶，多次穿插超车。", "traffic-90-moving-violation", "transport-69-vehicle-modification"},
		{"a motorbike raced past pedestrians", "一辆摩托车在步行街口飙车，致多名行人躲避不及。", "traffic-90-moving-violation", "traffic-89-pedestrian-nonmotor"},
		{"a screen watched at the wheel", "公交车驾驶员开车途中一边刷抖音一边驾驶，被乘客拍下举报。", "traffic-90-moving-violation", ""},
		{"a private car touting at a coach station", "私家车车主在汽车站门口拉客去县城，一人收三十元，没有营运证。", "transport-63-unlicensed-passenger", "police25-78-soliciting"},
		{"no 营运手续 in a passenger's words", "乘客说这个司机天天在高铁站接人，按人头收钱，车子根本没有营运手续。", "transport-63-unlicensed-passenger", "police25-78-soliciting"},
		{"a 网约车 without its certificates", "该小轿车未取得网约车运输证，驾驶人也无网约车驾驶员证，通过手机平台接单载客。", "transport-63-unlicensed-passenger", "transport-66-permit-transfer"},
		{"paint carried by a carrier who shows no permit", "货车车主无法出示道路危险货物运输许可证，车厢内装有二十桶油漆，系受人委托运输危险品。", "transport-63-unlicensed-dangerous-goods", "transport-63-unlicensed-freight"},
		// The second batch's families: a car lent in everyday words, a route
		// and its permit contracted out (包给).
		{"the car lent to a nephew to drive", "车主把车借给没有驾照的表弟开回老家，途中被交警查获。", "traffic-99-lend-to-unlicensed", "traffic-99-unlicensed-driving"},
		{"a coach route and its permit contracted out", "某客运公司将一辆班车的道路运输证承包给司机个人经营，每年收取承包费三万元。", "transport-66-permit-transfer", ""},
	}
	checkPhrasings(t, a, tests)
}
