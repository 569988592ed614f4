package caseanalysis

import (
	"strings"
	"testing"

	"github.com/cailiang/cailiang/legal"
)

// TestBlindKindsTwentyFifth: the kinds behind blind25c's first-sight misses,
// each in other words than the row: a price raised told as 由…元调至…元
// (哄抬价格), a bank that would not carry out the freeze and paid the money
// out (第七十三条, not the taxpayer's 第六十五条), a 完税证明 altered
// (修改), a kitchen's inspection refused (后厨 is food), an accident the
// investigators called a 特种设备一般事故 (特种设备安全法 over 安全生产法),
// workers aged 17 (未成年工, not 童工), and a customer shut in a storeroom
// while her bag was searched (人身自由). The provision must come first with
// its distinguishing elements shown, not merely rank first while missing one.
func TestBlindKindsBlindCTwentyFifth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	rows := []marketRow{
		{"a price changed from one figure to another", "2026年2月5日，市场监管局执法人员检查发现，流感高发期间，城东一家便利店将N95口罩的售价由每只3.5元调至每只12元，进价没有变化。经核算，该店多获取违法所得人民币4200元。",
			"2026-02-06", "price-6-gouging", "", 0, 21000, false},
		{"a bank branch that would not withhold and paid out", "经查，某村镇银行营业部于2025年5月收到税务机关的扣缴税款通知书后，以客户不同意为由不予执行，当日又为该欠税企业办理现金支取，致欠缴税款23万元无法入库。",
			"2025-08-01", "tax-73-bank-refusal", "tax-65-evading-arrears", 100000, 500000, false},
		{"a tax receipt altered", "王某将其朋友的契税完税证明上的姓名和房屋地址修改成自己的，用于向银行申请贷款，被税务机关核查时发现。",
			"2026-04-01", "tax-rules-91-receipts", "", 2000, 10000, false},
		{"a hotel kitchen locked against the inspectors", "2026年5月8日，市场监管所执法人员到锦江宾馆检查后厨，宾馆经理反锁后厨大门，拒绝执法人员进入，经多次说明仍拒不开门。",
			"2026-05-08", "food-133-refusing-inspection", "police25-61-obstruct-duty", 2000, 50000, false},
		{"a crane accident called a special equipment accident", "经查，2026年3月2日，某建筑工地一台塔式起重机吊钩脱落砸伤一名工人，致其重伤。事故调查组认定为特种设备一般事故，施工单位对事故负有责任。",
			"2026-05-01", "se-90-general-accident", "safety-114-general-accident", 100000, 200000, false},
		{"workers aged seventeen at lead soldering", "劳动保障监察员检查发现，某电子厂安排两名17岁的员工在焊锡车间从事含铅焊接作业。",
			"2026-04-01", "labour-23-minor-workers", "child-6-child-labour", 2000, 10000, false},
		{"a customer shut in a storeroom, her bag searched", "顾客王女士投诉：在某服装店试衣后离开时，店员怀疑她藏了衣服，把她关在仓库里翻查她的手提包，半小时后才放她走。经查当事人无违法所得。",
			"2026-04-01", "consumer-56-dignity", "", 0, 500000, false},
	}
	checkMarketRows(t, a, rows)
	checkElementsShown(t, a, rows)
}

// checkElementsShown analyses each row and checks that its first benchmark
// shows all its distinguishing elements: its own part of the explanation
// names nothing 未提及 (a benchmark demoted for a missing element may still
// rank first when nothing else fits).
func checkElementsShown(t *testing.T, a *Analyzer, rows []marketRow) {
	t.Helper()
	for _, tt := range rows {
		t.Run(tt.name+" elements", func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.day)
			if len(res.Violations) == 0 {
				t.Fatal("no violation")
			}
			own, _, _ := strings.Cut(res.Violations[0].Why, "；")
			if strings.Contains(own, "未提及") {
				t.Errorf("%s: an element not shown: %s", res.Violations[0].BenchmarkID, own)
			}
		})
	}
}

func TestBlindDispositionsBlindCTwentyFifth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDatedDispositions(t, a, []datedDispositionRow{
		{"no gas leak while inspected", "2026年4月2日，执法人员检查发现某火锅店使用天然气未安装可燃气体报警装置。该店系首次被查处，当天即购买安装了报警器，检查期间未发生燃气泄漏。",
			"2026-04-02", legal.DispositionNone},
		{"a tracked machine loaded up, the road undamaged", "2026-08-20 路政巡查 县道X105 一台履带式旋耕机自行在路面上行驶 首次被查 经查未发现路面损坏 机主当即联系货车装运离开",
			"2026-08-20", legal.DispositionNone},
	})
}
