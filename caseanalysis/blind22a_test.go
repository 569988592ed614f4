package caseanalysis

import "testing"

// TestBlindKindsTwentySecond: the kinds behind the misses of a batch written
// blind from a random sample of the catalog (blind22a). Each case is worded
// apart from the batch's rows: the kind is read, not the row.
//   - goods demanded openly from vendors and not paid for, the stall upset
//     on a refusal (索要货物…不给钱…掀翻), is 强拿硬要, 寻衅滋事 (治安管理处罚法
//     第三十条), not a theft or an extortion, though done 多次;
//   - the one struck named right after the blow's verb with an age in a
//     bracket (拳击门卫邓某（男，68岁）) is sixty or older (2012年法 第四十三条
//     第二款);
//   - a chilled product sold from an ambient shelf against the label's
//     storage words (标签注明“冷藏保存”…常温…出售) is sold against the
//     label's 注意事项 (食品安全法 第七十二条, 第一百二十六条第一款第（七）项);
//   - an investigation of a suspected 回扣 obstructed (拒不提供凭证，转移账册)
//     is 反不正当竞争法 第三十五条, not the bribery nor another department's
//     inspection (劳动保障监察条例 第三十条, 税收征收管理法 第七十条), though
//     the company's 员工 and 凭证 are named;
//   - invoices handed to another to fill in and use (发票交给…使用，由对方自行
//     填开) are lent (发票管理办法 第三十七条第（一）项), not issued falsely;
//   - an execution report's figure set against the one computed from the
//     monitoring data (报告填报…而…实际…) is an untrue report (排污许可管理条例
//     第三十七条第（四）项), not a monitor down.
func TestBlindKindsTwentySecond(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"goods demanded from stalls, not paid", "2026年6月2日，民警查明：无业人员甘某近半个月来多次到夜市小吃摊索要货物，烤串、饮料拿了就走，从不给钱，摊主不答应就掀翻摊位上的调料盒，骂骂咧咧，摊主们敢怒不敢言。",
			"2026-06-10", "police25-30-provocation", "police25-58-theft-serious", 0, 0, false},
		{"an elderly passer-by punched", "2025年7月8日9时许，违法行为人包某在商场停车场因车位问题与人争执，挥拳击打路人尤某（女，66岁）胸口，致其跌坐在地，经鉴定为轻微伤。",
			"2025-07-20", "police-43-assault-aggravated", "police-43-assault", 500, 1000, false},
		{"goods taken from a stall with a threat", "2026年7月3日，民警查明：刁某连续几天到菜市场向蔬菜摊主索要货物，不给就威胁要砸摊子，共拿走蔬菜、鸡蛋价值九十余元。",
			"2026-07-10", "police25-30-provocation", "police25-50-harassment", 0, 0, false},
		{"chilled yoghurt on an ambient shelf", "2026年5月6日，执法人员检查某某生鲜超市，发现标签注明“冷藏保存”的低温酸奶24杯被放在常温区出售，此前已因同一问题被责令改正并警告，本次复查仍未改正。",
			"2026-05-06", "food-126-sale-warnings", "", 5000, 50000, false},
		{"bribery inquiry obstructed", "执法人员根据举报对某某器械有限公司涉嫌向医院采购人员支付回扣一事进行调查，该公司以财务人员休假为由拒不提供记账凭证，并安排员工将账册转移至外地。",
			"2026-03-12", "comp25-35-obstruct-unit", "comp25-24-bribery", 0, 100000, false},
		{"invoices handed over to fill in", "经查，当事人某某五金店于2026年2月将其领购的增值税普通发票8份交由某某物流公司使用，发票均由对方自行填开，当事人收取好处费800元。",
			"2026-04-20", "tax-invoice-37-lend", "tax-invoice-35-false-issue", 10000, 50000, false},
		{"report figure against the monitors", "检查发现，某某化工有限公司在2025年度排污许可证执行报告中填报二氧化硫排放量4.5吨，而根据在线监测数据核算实际排放量为9.8吨。",
			"2026-05-12", "permit-37-report-untrue", "air-100-auto-monitoring", 5000, 20000, false},
	})
}
