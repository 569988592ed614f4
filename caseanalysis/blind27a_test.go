package caseanalysis

import "testing"

// TestBlindKindsBlindATwentySeventh covers the kinds behind blind27a's
// first-sight basis and range misses, each in other words than the row that
// showed it: 个人 inside a count of people (只有一个人值班) taken for the
// individual of 消防法 第六十条第二款; a recheck's plain 还没送 / 没有建立 for
// 未送交 / 未建立; an exceedance found through the monitoring platform and
// discharged after pretreatment (经预处理后) read as a monitor down or a
// pretreatment failure; a false contract filed to state a lower price as
// 编造虚假计税依据; and the party's own delay at a recheck (一直拖着没办,
// 后来…到现在还没去办) as the correction refused; a fishing match organised
// (组织了钓鱼大赛) as the organiser's, not a single angler's; posters handed
// over free (送来的，没花钱) as an advert whose cost cannot be computed; the
// value of what was mined told by its kind (荒料…经评估价值) as the fine's base.
func TestBlindKindsBlindATwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"a detector board switched off, one person on duty", "2026年5月14日夜间检查，某购物广场消防控制室只有一个人值班，物业公司嫌误报频繁，已将火灾报警控制器关闭，湿式报警阀组前的信号阀也被关死。",
			"2026-05-20", "fire-60-disabled-facilities", "", 5000, 50000, false},
		{"the child still kept, in the owner's words", "复查询问：问：5月9日的指令书要求你们在5月25日前把那个15岁的孩子送回老家交给她父母，送了没有？答：还没送，她父母在外地打工联系不上，现在还在后厨帮忙洗碗。",
			"2026-06-02", "child-6-not-returned", "child-6-child-labour", 0, 0, false},
		{"a chairman's duties left undone past the deadline", "经查，某纸品有限公司董事长（主要负责人）许某没有建立本单位全员安全生产责任制，也没有组织制定纸机、分切岗位安全操作规程。我局于5月6日责令其于5月31日前改正，6月10日复查时仍未改正。",
			"2026-06-20", "safety-94-principal-not-corrected", "safety-97-training-not-corrected", 50000, 100000, false},
		{"an exceedance the platform showed, pretreated wastewater", "2026年10月8日，我局通过自动监控平台发现，某印染有限公司废水经预处理后排入园区污水处理厂，其排放口氨氮日均浓度超过排放标准限值0.3倍。",
			"2026-10-20", "eco-1107-excess-water", "eco-1086-auto-monitoring-water", 100000, 1000000, false},
		{"a shop sold with a false contract", "纳税人李某转让其名下商铺一间，向税务机关提交虚假的商铺买卖合同办理申报，申报成交价60万元，经核查实际成交价95万元，在受理审核时即被发现。",
			"2026-07-01", "tax-64-fabricated-basis", "price-7-fraud", 0, 50000, false},
		{"lifts unregistered, the manager's later excuse", "复查笔录：执法人员到某大酒店复查，上月向该酒店下达特种设备安全监察指令书，责令其于6月30日前为新装的2台电梯办理使用登记。工程部经理称：后来酒店一直在装修，到现在还没去办。",
			"2026-07-08", "se-83-use-registration", "", 10000, 100000, false},
		{"testing still not done, in the producer's words", "检查笔录：问：今年3月给你们下了责令改正通知书，要求对采购的生鲜乳和出厂的酸奶进行检验，做了没有？答：检测设备太贵，一直拖着没办，这几个月酸奶照常出厂。",
			"2026-07-15", "food-126-producer-testing", "", 5000, 50000, false},
		{"a fishing match someone organised in the first zone", "群众反映：城西水库是饮用水水源一级保护区，库边立有禁止垂钓的界牌，可是某垂钓协会上周六在库区组织了钓鱼大赛，每人收取报名费150元，六十多人参赛。",
			"2026-06-20", "water-91-first-zone-activities", "water-91-individual-swimming-fishing", 20000, 100000, false},
		{"slabs mined past the boundary, valued by their kind", "卫片核查发现，某石材有限公司（持有效采矿许可证）越出采矿许可证划定的矿区范围开采花岗岩，采出荒料约200立方米，经评估价值6.2万元。",
			"2026-09-18", "mineral25-64-beyond-area", "", 100000, 1000000, false},
		{"leaflets the supplier handed out free", "检查记录：某养生馆柜台摆放的宣传单和门口海报宣称其销售的“灵芝压片糖果”能“根治失眠、治疗高血压”。店长称宣传单和海报是供货商送来的，没花钱。该产品为普通食品。",
			"2026-05-12", "ad-58-disease-claims", "", 100000, 200000, false},
	})
}

// TestBlindTransferBlindATwentySeventh: the statute's bracket quoted in a
// decision (违法采出的矿产品市场价值不足十万元的，并处十万元以上…) is no value
// of what was mined; the value found below the threshold decides.
func TestBlindTransferBlindATwentySeventh(t *testing.T) {
	checkTransferRows(t, []transferRow{
		{"a quoted bracket in a sand-mining decision", "经查，当事人未取得采矿许可证在村东河道采挖河砂1200吨，经评估市场价值人民币3.8万元。依据《中华人民共和国矿产资源法》第六十四条第一款“没有采出矿产品或者违法采出的矿产品市场价值不足十万元的，并处十万元以上一百万元以下罚款”的规定，决定罚款人民币十五万元。",
			[]string{"mineral25-64-unlicensed-mining"}, "none", "非法采矿罪"},
		{"the value found above the threshold still counts", "经查，当事人未取得采矿许可证在山坳处开采石料，违法采出石料约9000吨，经评估市场价值人民币31万元。",
			[]string{"mineral25-64-unlicensed-mining"}, "likely", "非法采矿罪"},
	})
}

// TestBlindDispositionsBlindATwentySeventh: a record's question about earlier
// penalties answered no (被处罚过吗？答：没有) is a first offence; a pile the
// party covered in full before the check (已全部覆盖防尘网) lessens the harm;
// the party telling of its other stall the officers had not found (你们还不
// 知道…还有一个摊位) confesses what the agency did not know.
func TestBlindDispositionsBlindATwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDispositionRows(t, a, []dispositionRow{
		{"no earlier penalty, asked and answered", "2026年3月2日检查某水果店，发现店内12种水果未标明价格。问：你店以前因为标价问题被处罚过吗？\n答：没有。\n执法人员指出后，店主当场补齐了全部价签，未接到消费者投诉，危害后果轻微。",
			"2026-03-02", "不予处罚"},
		// 处理过 asked in a police record stays the party's word on any dealing, not a
		// penalty record: the rows of that kind keep 处罚.
		{"asked whether dealt with before, in a police record", "询问笔录：问：你今天为什么被带到派出所？答：我在棋牌室跟三个人打麻将，一把一百元，赢了八百多块钱。问：你以前有没有因为赌博被处理过？答：没有。",
			"2026-05-08", "处罚"},
		{"fly ash covered before the check", "2026年4月3日检查发现，某建材厂在厂区西侧露天贮存粉煤灰约300吨，地面未硬化，无防扬散、防流失措施。该厂在检查前一天已自行组织人员将料堆全部覆盖防尘网，执法人员到场时料堆已全部覆盖，未发现粉煤灰流失。",
			"2026-04-10", "从轻或者减轻处罚"},
		{"another stall told of", "2026年6月11日检查某农贸市场摊位，发现摊主周某销售超过保质期的袋装饼干23袋。问：别的地方还有卖吗？答：你们还不知道，我在东街夜市还有一个摊位，也在卖这批饼干。执法人员随即核实属实。",
			"2026-06-11", "从轻或者减轻处罚"},
	})
}
