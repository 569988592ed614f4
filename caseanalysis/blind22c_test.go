package caseanalysis

import "testing"

// TestBlindKindsBlindCTwentySecond: the kinds behind the misses of a batch
// written blind from a random sample of the catalog (blind22c). Each case is
// worded apart from the batch's rows: the kind is read, not the row.
//   - a unit whose own maintenance contract has lapsed (维保合同过期) is not a
//     消防技术服务机构: its faulty facilities and extinguishers stay 消防法
//     第六十条第一款第（一）项;
//   - a controlled knife found in a vehicle at a check (座椅下查获, 车内查获) is
//     carried (2012年法 第三十二条第一款), not a drink-driving stop;
//   - a special-equipment accident the unit did not report to the department
//     (未向…报告, 没有上报) is 特种设备安全法 第八十九条, not an accident of
//     安全生产法 第一百一十四条.
func TestBlindKindsBlindCTwentySecond(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"facilities down, own contract lapsed", "2026年4月2日，消防监督员检查宏图商贸公司仓库，发现喷淋系统末端试水压力为零，疏散指示标志两处不亮，8具灭火器过期未检。仓库主管称维保合同过期半年没有续签。",
			"2026-04-02", "fire-60-facilities", "", 5000, 50000, false},
		{"knife in a car at a check", "2025年4月9日凌晨1时许，民警在城北治安卡口对过往轿车检查时，在副驾驶储物格内查获弹簧刀一把，驾驶人宋某称是朋友送的，一直放在车里。",
			"2025-04-09", "police-32-knife", "", 0, 500, false},
		{"lift accident not reported", "2025年9月1日，某酒店观光电梯运行中轿厢冲顶，一名住客头部撞伤住院。酒店工程部当天修好后照常运行，没有上报，直到伤者家属投诉，监管部门才知道这起事故。",
			"2025-10-20", "se-89-accident-late-report", "", 50000, 200000, false},
	})
}
