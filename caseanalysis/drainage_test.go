package caseanalysis

import (
	"testing"
)

// TestUrbanDrainageProvisions decides the 城镇排水 families the eighth round
// (issue 12, acc9noentry) found with no law at all: the 城镇排水与污水处理条例
// is a core law now (two benchmarks for its commonest articles), and a restaurant's missing 排水 permit, sewage into the
// rain drains of a 雨污分流 area and drainage works dug up are its articles,
// not a missing 食品经营许可 (食品安全法 第一百二十二条) or an evasion of
// 生态环境 supervision (水污染防治法 第八十三条第（三）项). Each in other
// words than the development rows; a real 暗管 and a real 无证餐馆 stay
// where they were.
func TestUrbanDrainageProvisions(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []datedPhrasingRow{
		{"a noodle shop without a drainage permit", "某某面馆没有办理排水许可证，厨房泔水和洗菜水通过私接的软管排到店门口的市政污水检查井里。", "2025-09-01", "", "food-122-unlicensed"},
		{"a car-wash plant discharging, permit never applied for", "城管执法队员巡查发现，某某汽车美容店洗车废水经地沟直接流入市政排水管网，该店从未申领污水排入排水管网许可证。", "2025-09-01", "drainage-50-no-permit", "food-122-unlicensed"},
		{"laundry water into a rain pipe in a separated area", "某某干洗店地处雨污分流片区，店内洗衣机排水管接到屋后的雨水管，污水随雨水管网排入河道，排水主管部门责令改正后逾期未改正。", "2025-09-01", "", "water-83-evading-supervision"},
		{"a contractor re-routes a municipal pipe", "某某市政工程公司铺设燃气管道时，未经排水主管部门同意，将一段市政污水管挖断后改接到临时排水沟，造成上游污水外溢。", "2025-09-01", "drainage-57-alter-facilities", "water-83-evading-supervision"},
		{"a permit holder over its permitted load is 第二款", "某某豆制品厂已领取排水许可证，但监测显示其排入市政管网的污水氨氮浓度超过许可证规定的限值。", "2025-09-01", "prov:urban-drainage-50-2", "drainage-50-no-permit"},
		{"a real buried pipe stays 第八十三条", "某某电镀厂在厂区围墙下私设暗管，将未经处理的含镍废水直接排入厂外沟渠。", "2025-09-01", "water-83-evading-supervision", ""},
		{"an unlicensed food stall stays 第一百二十二条", "某某快餐店未取得食品经营许可证，擅自对外经营盒饭，日销售约一百份。", "2025-09-01", "food-122-unlicensed", ""},
	}
	checkDatedPhrasings(t, a, tests)
}
