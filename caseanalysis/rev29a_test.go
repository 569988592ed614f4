package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestReviewRev29ATwentyNinth holds the review's findings on the
// twenty-eighth round's transfer readings (issue 12, rev29 items 2 and 3):
// a drug that passed its test, a contaminant not found and a health food's
// test are no 假药 (药品管理法 第九十八条第二款第（一）项 needs the declared
// ingredient missing); an entry by the household's leave or for work is no
// 入户 (2013年盗窃解释 第三条第二款: 非法进入). Guards: the labelled
// ingredient not found still tells 假药; an entry under a pretext and a
// plain break-in still tell 入户盗窃.
func TestReviewRev29ATwentyNinth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	drug := []string{"drug-129-irregular-purchase"}
	police := []string{"police25-58-theft"}
	checkAnalyzerTransferRows(t, a, []transferRow{
		{"a passed test, a contaminant not found", "执法人员在某诊所药房查见“阿莫西林胶囊”等药品，抽样送检结果为合格，未检出阿莫西林有关物质超标。", drug, rules.RiskNone, ""},
		{"a passed test told by 符合规定", "某药店销售的“布洛芬缓释片”经市药品检验所检验，检验结果符合规定，未检出布洛芬以外的其他药物。", drug, rules.RiskNone, ""},
		{"a health food's test", "某超市销售的“人参胶囊”保健食品，经抽检未检出人参皂苷，货值共计2,400元，该超市另有药品柜台一个。", drug, rules.RiskNone, ""},
		{"guard: the labelled ingredient not found", "某诊所从无证人员处购进标示为“头孢克肟胶囊”的药品20盒，经药品检验所检验，所含成分为淀粉，未检出头孢克肟，货值共计860元。", drug, rules.RiskLikely, "生产、销售、提供假药罪"},
		{"a cleaner let in by the owner", "物业公司保洁员王某受业主委托进入其屋内打扫卫生，离开时拿走业主放在门口的废纸箱三个。", police, rules.RiskNone, "盗窃罪"},
		{"a decorator at work", "装修公司工人张某进入业主屋内进行水电改造，施工结束后拿走剩余的电线一卷，价值300元。", police, rules.RiskNone, "盗窃罪"},
		{"a repairer at work", "家电维修师傅韩某上门进入客户房间维修空调，趁客户不注意拿走桌上的手表一块，价值800元。", police, rules.RiskNone, "盗窃罪"},
		{"guard: entry under a pretext", "孟某冒充燃气维修人员骗开房门进入屋内，趁户主不备拿走现金1,500元。", police, rules.RiskLikely, "盗窃罪"},
		{"guard: a plain break-in", "祁某撬开邻居家后窗爬进卧室，拿走抽屉里的金手镯一只，价值2,600元。", police, rules.RiskLikely, "盗窃罪"},
	})
}
