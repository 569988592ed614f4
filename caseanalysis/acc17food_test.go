package caseanalysis

import (
	"context"
	"testing"
)

// TestMarketPhrasingFamiliesSeventeenth: articles of 食品安全法, 药品管理法,
// 化妆品监督管理条例 and 特种设备安全法 that had only provision entries now have
// benchmarks whose elements tell them from the neighbours they lost to
// (产品质量法 第四十九条, the drug GSP article, 无证经营, 安全生产法's warning signs,
// 消防法's false documents, 道路运输条例's dangerous goods, 固体废物's 贮存).
// Each text is a phrasing not used while writing the benchmark.
func TestMarketPhrasingFamiliesSeventeenth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct{ facts, want string }{
		{"某母婴生活馆销售的婴儿营养米粉经抽检，钙含量低于食品安全国家标准，营养成分不合格，货值金额两千元。", "food-123-infant-nutrition"},
		{"养生馆出售的自制药膳汤料包中加入了中成药藿香正气胶囊，当事人承认添加药品已两个月。", "food-123-drug-added"},
		{"某保健食品生产企业擅自更改备案的产品配方生产蛋白粉，经责令改正后拒不改正。", "food-126-special-food-filing"},
		{"某大药房将其药品经营许可证出借给他人开设门店使用，收取费用五千元。", "drug-122-licence-lending"},
		{"村民王某在自家院内私自用大钢瓶向小钢瓶倒灌液化石油气出售，未取得气瓶充装许可。", "se-85-unlicensed-filling"},
		{"某检测有限公司检验人员未到现场即对两台锅炉出具定期检验合格报告，属于出具虚假检验结果。", "se-93-false-inspection-report"},
		{"美妆店仓库内化妆品堆放在窗边阳光直射处，室内温度超过四十度，未按规定贮存化妆品。", "cosm-62-storage"},
		// Elements in the negated forms the facts use (未设置…须知, 未落实陪餐), a drug bought at a
		// drugstore and added to a dessert, a drug maker named by its trade (制药).
		{"景区摩天轮和缆车的上客区没有张贴乘坐须知，也未设置安全警示标志，责令限期改正后逾期未改正。", "se-87-passenger-safety-notices"},
		{"复查某养老院食堂：作为集中用餐单位未落实陪餐制度，未建立食品安全管理责任制，经责令改正拒不改正。", "food-126-canteen-duty"},
		{"糖水铺老板承认在煮绿豆沙时掺入了从药房买来的板蓝根冲剂（药品），称可以防感冒，已卖出一百多碗。", "food-123-drug-added"},
		// The manager in person, not the unit's hidden danger (安全生产法 第九十六条 before 第一百零二条).
		{"职工反映车间事故隐患长期无人处理。经查，某纸箱厂安全生产管理人员陈某未履行检查本单位安全生产状况、及时排查事故隐患的职责，分切机防护罩缺失的隐患至今未消除，未发生生产安全事故。", "safety-96-manager-duties"},
	}
	for _, tc := range tests {
		res, err := a.Analyze(context.Background(), Request{Facts: tc.facts, Violations: 10, DecisionDate: "2025-09-01"})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != tc.want {
			t.Errorf("%s\nviolations %v, want %s first\n%s", tc.facts, ids(res.Violations), tc.want, whys(res.Violations[:min(3, len(res.Violations))]))
		}
	}
}
