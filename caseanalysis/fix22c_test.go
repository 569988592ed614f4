package caseanalysis

import (
	"strings"
	"testing"
)

// TestBlindKindsFixTwentyThird: the kinds behind blind22c's misses left open
// last round, each worded apart from the batch's rows.
//   - fake orders and reviews (虚假下单, 撰写好评) without the word 刷单 are
//     false publicity of 反不正当竞争法, not a false advertisement;
//   - slag and fly ash tipped at night (倒东西) is industrial solid waste
//     dumped (固体废物污染环境防治法 第一百零二条);
//   - a get-up the buyer cannot tell from a known brand's (难以区分, 高度近似)
//     is 混淆 (反不正当竞争法 第十八条), not a food label;
//   - a complaint that the principal never saw to safety and should be
//     punished, after a death, is 安全生产法 第九十五条, the principal's fine;
//   - a medical-device ad never reviewed, with none of 第十六条's content, is
//     广告法 第五十八条第一款第（十四）项, not item (一);
//   - a banner hung on a highway guardrail (挂…条幅) is 公路安全保护条例
//     第六十条第（一）项;
//   - a new outlet beside the one the permit lists is 排污许可管理条例
//     第三十六条第（一）项;
//   - a works being built (正在建设) inside a 二级保护区 is 生态环境法典
//     第一千一百四十五条第一款第（二）项.
//
// Each row's first benchmark must also show all its elements: its own part
// of the explanation names nothing 未提及.
func TestBlindKindsFixTwentyThird(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	rows := []marketRow{
		{"fake orders and reviews", "2025年3月6日，执法人员核查某茶叶网店，该店雇人虚假下单1500单并撰写好评，店铺首页显示“销量10万+”。",
			"2025-03-06", "comp-20-false-promotion", "", 200000, 1000000, false},
		{"fly ash tipped at night", "环保热线接到举报：连续三个晚上有自卸车到村东的废窑坑倒东西，坑里是成堆的粉煤灰和钢渣，车是从附近的钢铁公司开出来的。",
			"2026-03-10", "waste-102-industrial-dumping", "", 0, 0, false},
		{"a can like a known brand's", "2024年11月5日，执法人员在某超市发现其销售的“旺仔牛乃”饮品，罐体图案、配色与知名品牌“旺仔牛奶”高度近似，消费者难以区分，违法经营额8600元。",
			"2024-11-05", "comp-18-confusion", "", 0, 250000, false},
		{"principal never saw to safety", "举报信称：某砖厂上周一名叉车司机被倒塌的砖垛砸中死亡。厂长兼法定代表人刘某从不管安全生产，从未组织安全检查，请求依法处罚法定代表人。",
			"2025-12-01", "safety-95-principal-general-accident", "", 0, 0, true},
		{"device ad never reviewed", "2025年7月8日，某药店在店门口立式展板上发布某品牌血糖仪广告，展板上没有医疗器械广告批准文号，店长承认广告发布前没有经过审查，制作费3200元。",
			"2025-07-08", "ad-58-unreviewed", "ad-58-medical", 3200, 9600, false},
		{"banner on a guardrail", "2025年6月3日，省道S205线K18处，一家农家乐在公路护栏上挂宣传条幅两幅，路政人员责令其当场拆除。",
			"2025-06-03", "highway-60-facilities", "", 0, 30000, false},
		{"a second outlet", "群众来信：某电镀厂在厂区西北角另开了一个排水口往沟渠排水，该厂排污许可证上只有一个废水总排放口。",
			"2025-09-10", "permit-36-outlet", "water-84-outfall", 20000, 200000, false},
		{"works being built in the second zone", "2026年10月12日，执法人员在某水库饮用水水源二级保护区内发现一家正在建设的石材加工厂，已建起厂房一栋，沉淀池的水通向库区。",
			"2026-10-12", "eco-1145-second-zone-project", "", 100000, 500000, false},
	}
	checkMarketRows(t, a, rows)
	checkElementsShown(t, a, rows)
}

// TestPrizeValueTwentyThird checks that the value of a lottery's top prize,
// read from the amount its clause names (特等奖为价值6.5万元的摩托车), shows
// 反不正当竞争法's element 抽奖式最高奖金额超过五万元.
func TestPrizeValueTwentyThird(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	const facts = "2026年1月5日，某家电卖场开展“消费满500元即可抽奖”活动，宣传单载明特等奖为价值6.5万元的摩托车一辆。"
	checkMarketRows(t, a, []marketRow{
		{"top prize over fifty thousand", facts, "2026-01-05", "comp25-27-prize-sales", "", 50000, 500000, false},
	})
	res := analyzeOn(t, a, facts, "2026-01-05")
	if len(res.Violations) == 0 {
		t.Fatal("no violation")
	}
	if own, _, _ := strings.Cut(res.Violations[0].Why, "；"); strings.Contains(own, "未提及") {
		t.Errorf("the prize's value not read: %s", own)
	}
}
