package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// TestTransferWorkersFixTwentySixth: the name of a drive against wage arrears
// (治理欠薪行动, 根治欠薪专项检查) that found the facts is no debt of the party's,
// so a workforce counted in it makes no 拒不支付劳动报酬罪 (fix26b, issue 12);
// a count of workers owed still does.
func TestTransferWorkersFixTwentySixth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []transferRow{
		{"a workforce counted in a 欠薪 campaign", "区人社局在治理欠薪春季行动中检查城东安置房工地，发现某劳务公司使用的86名务工人员未进行实名登记，工资发放记录与花名册对不上，工地也未设立维权信息告示牌。", []string{"wage-55-special-account"}, rules.RiskNone, ""},
		{"the count in the sentence of the debt", "某物业公司拖欠保洁员、保安共十五名员工2026年1月至3月工资合计六万元，人社局下达限期支付令后，期满仍未支付。", []string{"labour-26-compensation"}, rules.RiskLikely, "拒不支付劳动报酬罪"},
		{"owed workers counted, the sum unknown", "某酒店拖欠十一名厨工的工资，具体数额正在核实。", []string{"labour-26-compensation"}, rules.RiskNear, "拒不支付劳动报酬罪"},
	}
	checkAnalyzerTransferRows(t, a, tests)
}

// TestTransferOtherTaxpayerFixTwentySixth: the tax evaded told in the case of
// one who lent an account or supplied papers (实施细则 第九十三条) or of a bank
// that refused to let its accounts be checked (征管法 第七十三条) is another
// taxpayer's; it makes neither 逃税罪 nor 逃避追缴欠税罪 for the party
// (fix26b, issue 12). The taxpayer's own evasion still does.
func TestTransferOtherTaxpayerFixTwentySixth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []transferRow{
		{"a lent account", "经查，个体户芦某将其名下的对公账户提供给某建材公司使用，该公司借此隐匿销售收入，少缴税款共计三十一万元，占其应纳税额的百分之四十（该公司另案处理）。", []string{"tax-rules-93-facilitating"}, rules.RiskNone, ""},
		{"a bank's refusal", "某城市信用社拒绝税务机关查询欠税人某物流公司的存款账户，该物流公司趁机将账户内资金五十六万元转走，致使欠缴税款二十万元无法追缴。", []string{"tax-73-bank-refusal"}, rules.RiskNone, ""},
		{"the taxpayer's own evasion", "某机械厂通过账外经营隐匿收入，少缴增值税、企业所得税共计四十二万元，占同期应纳税额的百分之二十一，经税务机关下达追缴通知后仍未补缴。", []string{"tax-63-evasion"}, rules.RiskLikely, "逃税罪"},
	}
	checkAnalyzerTransferRows(t, a, tests)
}

// TestBasisBlockadeFixTwentySixth: a unit's gate or only way in blocked
// (封堵…通道, 堵住厂门, 阻止员工上班) is 扰乱单位秩序, and a stoppage told in
// days (停产两天) is 情节较重 (fix26b, issue 12). Worded apart from the rows.
func TestBasisBlockadeFixTwentySixth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"a gate blocked, the plant stopped for days", "2026年6月3日起，因征地补偿款争议，被处罚人邝某带领十余名亲属用铁皮和木板封堵某纸业公司仓库大门，阻拦运货车辆进出，致使该公司停产两天。邝某在现场与公司员工发生推搡。", "2026-07-01", "police25-26-disrupt-order-serious", "", 0, 1000, false},
		{"workers kept from their shifts", "2026年4月9日上午，熊某因承包款纠纷，将自己的两台挖掘机横停在某砂石场进场道路上，封堵唯一通道，阻止工人上班，致使砂石场停工一天。", "2026-05-10", "police25-26-disrupt-order-serious", "", 0, 1000, false},
	})
}

// TestRecheckFindingFixTwentySixth: a recheck's report that runs on before
// its finding (复查：……警示标志仍未张贴) still tells the order unmet, however far
// past 复查 the finding comes (fix26b, issue 12). Worded apart from the rows.
func TestRecheckFindingFixTwentySixth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"escalator notices, the finding far after 复查", "2026年3月2日检查发现某百货商场运营的6部自动扶梯未在入口处设置安全使用说明和警示标志，当场责令3月12日前改正。3月16日复查：商场方面仅在一楼总服务台摆放了一本设备使用手册供顾客翻阅，二至五楼各扶梯入口的乘梯须知、警示标志仍未张贴。", "2026-04-01", "se-87-passenger-safety-notices", "", 20000, 100000, false},
		{"a ropeway, 复查时发现 and a long list", "某景区客运索道上站和下站未将安全注意事项和警示标志置于显著位置，监察指令书责令10日内改正。期满后复查时发现，运营公司把新制作的须知牌靠墙堆放在设备间门口、一直没有安装，两站的乘客候车区均未设置任何警示。", "2026-05-20", "se-87-passenger-safety-notices", "", 20000, 100000, false},
	})
}

// checkAnalyzerTransferRows assesses each row as the analyzer does, its
// benchmarks the violations in order (the first the top one, which not_with
// reads); a row's crime is checked only when it names one.
func checkAnalyzerTransferRows(t *testing.T, a *Analyzer, tests []transferRow) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vs := make([]Violation, 0, len(tt.benchmarks))
			for _, id := range tt.benchmarks {
				vs = append(vs, Violation{BenchmarkID: id})
			}
			m := measures(nlp.NormalizeText(tt.facts), tt.facts, nlp.Extract(tt.facts))
			got := a.transfer(a.readTransfer(tt.facts, readOrders(nlp.NormalizeText(tt.facts))), m, vs)
			if got.Risk != tt.risk || (tt.crime != "" && got.Crime != tt.crime) {
				t.Fatalf("risk = %s %s (%s), want %s %s; measures %v", got.Risk, got.Crime, got.Threshold, tt.risk, tt.crime, m)
			}
		})
	}
}
