package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestTransferTwentiethKinds holds the general readings the twentieth
// round's criminal-transfer slice fixed (issue 12, acc20transfer), in words
// other than its development rows': sales told month by month with a bare
// verb (四月销售2.6万元、五月销售…) add up to the 销售金额; a hazardous waste
// dumped in a listed run (分别为1.5吨、0.9吨和0.8吨) adds up to its tonnage;
// a blood alcohol written 每100毫升血液中酒精含量为…毫克 is read; a caller's
// figure gives way to the one the inquiry established (报警称被骗一万元 …
// 经查骗取1,800元); earlier penalties listed one by one (于2024年3月因…被罚款，
// 2024年12月又因…被处以罚款) are counted.
func TestTransferTwentiethKinds(t *testing.T) {
	checkTransferRows(t, []transferRow{
		{"sales told month by month", "经查，当事人将回收塑料掺入原料生产劣质水管冒充合格品出售，四月销售2.6万元，五月销售1.9万元，六月售出1.2万元。", []string{"prod-50-adulterate"}, rules.RiskLikely, "生产、销售伪劣产品罪"},
		{"sales not made are no sales", "经查，当事人以次充好的劣质水管尚未销售1.9万元，另于六月售出1.2万元。", []string{"prod-50-adulterate"}, rules.RiskNone, "生产、销售伪劣产品罪"},
		{"a listed run of dumpings", "经查，当事人将废矿物油（HW08）分三次倾倒在河滩，数量分别为1.5吨、0.9吨和0.8吨。", []string{"waste-112-hw-dumping"}, rules.RiskLikely, "污染环境罪"},
		{"a listed run of two wastes", "经查，当事人将废乳化液1.6吨、废矿物油1.7吨直接倒入厂外沟渠。", []string{"waste-112-hw-dumping"}, rules.RiskLikely, "污染环境罪"},
		{"a listed run below", "经查，当事人将废矿物油分两次倾倒在河滩，数量分别为0.9吨和0.8吨。", []string{"waste-112-hw-dumping"}, rules.RiskNone, "污染环境罪"},
		{"produced and dumped are no list", "经查，当事人年产生废矿物油2.2吨、贮存1.5吨，其中0.5吨倾倒在厂区空地。", []string{"waste-112-hw-dumping"}, rules.RiskNone, "污染环境罪"},
		{"plots listed in square metres", "经查，当事人未经批准在两处一般耕地上建设仓库和停车场，分别占地3,900平方米和3,200平方米。", []string{"land-77-illegal-occupation"}, rules.RiskLikely, "非法占用农用地罪"},
		{"a whole and its part are no list", "经查，当事人共计倾倒废矿物油2.6吨、其中0.9吨系当日倾倒。", []string{"waste-112-hw-dumping"}, rules.RiskNear, "污染环境罪"},
		{"groups of workers listed add up", "经查，某工程队拖欠木工6名、油漆工5名工资共计3.3万元，经劳动监察部门责令支付后逾期仍未支付。", []string{"labour-26-compensation"}, rules.RiskLikely, "拒不支付劳动报酬罪"},
		{"alcohol with the blood between", "经查，吴某驾驶小型轿车被查获，经抽血检验，其每100毫升血液中酒精含量为115毫克。", []string{"traffic-91-drunk-driving"}, rules.RiskLikely, "危险驾驶罪"},
		{"alcohol with 含乙醇", "驾驶人郑某驾驶面包车，经检验每百毫升血液中含乙醇九十六毫克。", []string{"traffic-91-drunk-driving"}, rules.RiskLikely, "危险驾驶罪"},
		{"the reported sum gives way", "被害人报警称被骗一万元。经查，违法嫌疑人以帮忙办理贷款为由骗取被害人手续费1,800元。", nil, rules.RiskNone, "诈骗罪"},
		{"the reported sum stands alone", "被害人报警称，对方冒充客服以退款为由骗走其一万元，民警正在调查。", nil, rules.RiskLikely, "诈骗罪"},
	})
}

// TestTransferTwentiethFacts: the figures the facts make rather than the
// measures read (a tobacco case's 违法经营总额 from the cigarettes sold and
// seized, 烟草专卖品刑事案件解释 第四条; the earlier penalties counted, an
// element of 二年内…受过二次以上行政处罚) reach the assessment, and 盗窃's
// 数额较大 is halved for one punished for theft before (2013年盗窃解释 第二条,
// the province's figure halved: 江苏 2000 → 1000).
func TestTransferTwentiethFacts(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts, date, risk, crime string
	}{
		{"tobacco sold and seized", "经查，孙某未取得烟草专卖零售许可证在超市销售卷烟，已售卷烟金额共计3.6万元，现场查扣卷烟价值1.8万元。", "2025-08-01", rules.RiskLikely, "非法经营罪"},
		{"tobacco sold month by month", "经查，某副食店未取得烟草专卖零售许可证经营卷烟，一月售出21,600元，二月售出18,900元，三月售出14,300元。", "2025-08-01", rules.RiskLikely, "非法经营罪"},
		{"tobacco below", "经查，某副食店未取得烟草专卖零售许可证经营卷烟，一月售出8,600元，二月售出9,100元。", "2025-08-01", rules.RiskNone, "非法经营罪"},
		{"two earlier penalties listed", "经查，当事人外排废水中总铅超过排放标准0.6倍。该公司曾于2024年3月因超标排放含铅废水被生态环境局罚款，2024年12月又因同样问题被处以罚款。", "2025-06-01", rules.RiskLikely, "污染环境罪"},
		{"two earlier penalties counted", "经查，当事人外排废水总砷超标0.3倍，此前已先后两次因超标排放含砷废水被本局行政处罚。", "2025-06-01", rules.RiskNear, "污染环境罪"},
		{"two earlier penalties, the metal told by its reading", "经查，当事人外排废水总锌浓度超过排放标准1.4倍。该厂2024年6月因超标排放被本局罚款，2025年1月又因废水超标被本局处以罚款。", "2025-06-01", rules.RiskLikely, "污染环境罪"},
		{"one earlier penalty", "经查，当事人外排废水总砷超标0.3倍，2024年曾因超标排放含砷废水被本局行政处罚。", "2025-06-01", rules.RiskNone, "污染环境罪"},
		// open21: near, not none — the halved figure is reached and only the
		// earlier penalty's date is unknown (the officer confirms it).
		{"theft after an undated theft detention: near, the year unknown", "经查，违法嫌疑人曾因盗窃被公安机关行政拘留十日，此次在菜市场偷走摊主钱包，内有现金一千一百元。", "2026-05-01", rules.RiskNear, "盗窃罪"},
		// fix20t, review of acc20transfer: the earlier penalties' kind,
		// party, time (二年内 / 一年内 of the act) and the present act.
		{"item 2: penalties not for toxic discharges", "经查，当事人外排废水中总铅超过排放标准0.6倍。该公司2024年3月因未按规定设置排污口标志被生态环境局罚款，2024年12月又因未依法公开环境信息被处以罚款。", "2025-06-01", rules.RiskNone, "污染环境罪"},
		{"item 2: penalties for permits and assessment", "经查，该厂外排废水总镉超过排放标准1.2倍。该厂2024年8月因未按期申报排污许可被我局罚款，2025年2月又因环境影响评价文件未经批准擅自开工被我局罚款。", "2025-06-01", rules.RiskNone, "污染环境罪"},
		{"item 3: the supplier's penalty", "经查，当事人外排废水总镉超过排放标准0.8倍。当事人2025年3月因超标排放含镉废水被我局处罚，其供货商于2024年因超标排放含镉废水被本局处罚。", "2025-06-01", rules.RiskNone, "污染环境罪"},
		{"item 3: another firm's penalty", "经查，该厂外排废水总铅超过排放标准0.7倍。该厂2024年10月因超标排放含铅废水被本局罚款，相邻的另一企业2025年1月也因超标排放被本局罚款。", "2025-06-01", rules.RiskNone, "污染环境罪"},
		{"item 4: penalties more than two years before", "经查，当事人外排废水中总铅超过排放标准0.6倍。该公司2022年1月因超标排放含铅废水被本局罚款，2022年3月又因超标排放被本局罚款。", "2025-06-01", rules.RiskNone, "污染环境罪"},
		{"item 4: two old penalties counted", "经查，该厂外排废水总镍超过排放标准0.9倍。该厂2021年5月、2022年11月两次因超标排放含镍废水被我局处罚。", "2025-03-01", rules.RiskNone, "污染环境罪"},
		{"item 5: the discharge within its standard", "经查，当事人外排废水中总铅浓度未超过排放标准。此前已先后两次因超标排放含铅废水被本局行政处罚。", "2025-06-01", rules.RiskNone, "污染环境罪"},
		{"item 5: 达标排放 now", "经查，该厂废水达标排放，总镉浓度符合排放标准。该厂2024年9月、2025年1月两次因超标排放含镉废水被我局处罚。", "2025-06-01", rules.RiskNone, "污染环境罪"},
		{"item 6: the victim's theft penalty", "经查，被害人王某曾因盗窃被行政拘留，违法嫌疑人在菜市场偷走王某钱包，内有现金一千一百元。", "2026-05-01", rules.RiskNone, "盗窃罪"},
		{"item 6: the owner's detention", "经查，失主李某此前因偷窃被派出所行政拘留五日，嫌疑人趁其不备偷走其钱包，内有现金一千二百元。", "2026-05-01", rules.RiskNone, "盗窃罪"},
		{"item 7: a detention six years before", "经查，违法嫌疑人2019年曾因盗窃被公安机关行政拘留十日，此次在菜市场偷走摊主钱包，内有现金一千一百元。", "2025-06-01", rules.RiskNone, "盗窃罪"},
		{"item 7: a detention two years before", "经查，嫌疑人赵某于2023年4月因盗窃被行政拘留七日，2025年5月又在超市窃取白酒，价值一千二百元。", "2025-06-01", rules.RiskNone, "盗窃罪"},
		{"item 7: a detention within the year", "经查，嫌疑人赵某于2025年1月因盗窃被行政拘留七日，2025年5月又在超市窃取白酒，价值一千二百元。", "2025-06-01", rules.RiskLikely, "盗窃罪"},
		{"item 7: a criminal penalty, no time limit", "经查，嫌疑人2018年曾因盗窃罪被判处有期徒刑一年，此次在超市窃取香烟，价值一千一百元。", "2025-06-01", rules.RiskLikely, "盗窃罪"},
		{"the same theft, no penalty before", "经查，违法嫌疑人在菜市场偷走摊主钱包，内有现金一千一百元。", "2026-05-01", rules.RiskNone, "盗窃罪"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.date)
			if got := res.Transfer; got.Risk != tt.risk || got.Crime != tt.crime {
				t.Fatalf("transfer %s %s (%s), want %s %s; top %v", got.Risk, got.Crime, got.Threshold, tt.risk, tt.crime, violationIDs(res))
			}
		})
	}
}
