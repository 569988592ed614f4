package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestTransferATwentyEighthCounts holds the amounts the twenty-seventh
// round's blind transfer batch (issue 12, acc28transfera) left unread, in
// words other than its rows': a value whose clause before names what was
// mined with a digit-grouped number (约3,420吨，经价格认定价值…: the comma
// of 3,420 is no clause mark); payments listed one by one after the clause
// that names them (给付回扣四次，分别为…), which add up to the bribe; whole
// books a copy shop copied (整本复印, 复印装订) counted as copies. The guards
// keep a machine's value, sales listed after 分别, a denied payment and a
// licence's 复印件 out.
func TestTransferATwentyEighthCounts(t *testing.T) {
	mining := []string{"mineral25-64-unlicensed-mining"}
	bribe := []string{"comp25-24-bribery"}
	copyright := []string{"copyright-53-infringement"}
	checkTransferRows(t, []transferRow{
		{"mined value after a digit-grouped tonnage", "经查，某砂石场负责人任某未取得采矿权，在某河滩采挖砂砾石约3,420吨，经价格认定价值人民币9.1万元。", mining, rules.RiskNear, "非法采矿罪"},
		{"mined value after a digit-grouped volume, above the floor", "当事人无证开采黏土约12,600立方米，经评估价值¥113,000元，已全部运往砖厂。", mining, rules.RiskLikely, "非法采矿罪"},
		{"a machine's value is not the minerals'", "当事人未取得采矿权开采石料约1,200立方米（尚未外运），现场扣押的挖掘机经评估价值¥350,000元。", mining, rules.RiskNone, "非法采矿罪"},
		{"kickbacks listed after the clause naming them", "某物流公司为承揽某连锁超市（民营）的配送业务，先后四次向该超市物流主管谷某给付回扣，分别为4万元、5万元、3.5万元和8万元。", bribe, rules.RiskLikely, "对非国家工作人员行贿罪"},
		{"sales listed after 分别 are no bribe", "某耗材公司向某民营医院销售耗材两批，货款分别为12万元、15万元，另给付该院采购员回扣1.2万元。", bribe, rules.RiskNone, "对非国家工作人员行贿罪"},
		{"whole books copied by a copy shop", "某文印店未经许可整本复印《大学英语综合教程》等教材，复印装订后向学生出售，经清点共计520本。", copyright, rules.RiskLikely, "侵犯著作权罪"},
		{"a licence's photocopies are no copies", "当事人提交了营业执照复印件3份、身份证复印件2份，其店内销售正版图书共计520本。", copyright, rules.RiskNone, "侵犯著作权罪"},
		{"a denied payment lists no bribe", "经查，当事人未向对方采购人员给付任何好处费，其三次供货金额分别为8万元、9万元、7万元。", bribe, rules.RiskNone, "对非国家工作人员行贿罪"},
	})
}

// TestTransferATwentyEighthElements holds the crimes' elements the batch
// told in words the catalog did not know: 假药 told by a finding set
// against the standard's formula (检出…，该品种药品标准处方中无此成分); the
// trademark owner's licence named by its right (注册商标专用权人、商标权人)
// and the mark named back (与该商标相同的标识); extortion told by its pretext
// (以曝光为由要求付钱); a supplier who named himself an agent (从自称…的人员处
// 购进) is no 诈骗 by the party. Guards: a clean finding, a genuine good, a
// victim's transfer to one who named himself 客服 (still 诈骗), and a
// diner's complaint asking compensation (no extortion).
func TestTransferATwentyEighthElements(t *testing.T) {
	fake := []string{"drug-116-counterfeit"}
	tm := []string{"tm-60-infringement"}
	police := []string{"police25-58-theft"}
	checkTransferRows(t, []transferRow{
		{"a finding against the standard's formula", "经检验，某诊所所售“风湿骨痛丸”中检出醋酸泼尼松，该品种药品标准处方中无此成分。该诊所共售出该药40盒，货值2,400元。", fake, rules.RiskLikely, "生产、销售、提供假药罪"},
		{"bought from one who named himself an agent", "经查，某药店从一名自称药厂业务员的人员处购进“壮腰丸”30盒，经检验检出西地那非，该品种药品标准处方中无此成分，货值1,800元。", fake, rules.RiskLikely, "生产、销售、提供假药罪"},
		{"a victim's transfer to one who named himself 客服", "报案人夏某称接到自称电商平台客服人员的电话，按对方指示向其提供的账户转账8,000元后对方失联。", police, rules.RiskLikely, "诈骗罪"},
		{"the owner named by its right", "经查，某服装厂未经“ABC”注册商标专用权人许可，在其加工的羽绒服上使用与该商标相同的标识，违法经营额8.6万元。", tm, rules.RiskLikely, "假冒注册商标罪"},
		{"the owner named 商标权人, no licence", "当事人未经商标权人授权，自行印制“XYZ”标识缝制于其生产的背包上，违法经营额6.2万元。", tm, rules.RiskLikely, "假冒注册商标罪"},
		{"extortion told by its pretext", "吕某称在某美容店做项目后脸部过敏，以要到网上曝光为由，要求老板付钱了事，老板先后转账3,000元、2,000元。", police, rules.RiskLikely, "敲诈勒索罪"},
	})
}

// TestBasisTransferATwentyEighth: a drug whose test finds a substance its
// standard's formula does not hold (检出…，该品种药品标准处方中无此成分) is 假药
// (药品管理法 第九十八条第二款第（一）项) and 第一百一十六条 goes first, before
// the purchase-channel article its source also suggests; a test that found
// the drug as its standard has it is not.
func TestBasisTransferATwentyEighth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts, day string
		want             bool
	}{
		{"a substance outside the formula", "经查，某大药房从个人处以现金购进“舒筋活络胶囊”50盒，售出41盒。经省药品检验研究院检验，该胶囊中检出吲哚美辛，而该品种国家药品标准处方中无此成分，货值金额5,600元。", "2026-05-10", true},
		{"a finding as the standard has it", "经查，某大药房从个人处以现金购进“舒筋活络胶囊”50盒，售出41盒。经省药品检验研究院检验，该批胶囊各项目均符合国家药品标准规定，货值金额5,600元。", "2026-05-10", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.day)
			got := len(res.Violations) > 0 && res.Violations[0].BenchmarkID == "drug-116-counterfeit"
			if got != tt.want {
				t.Fatalf("violations %v, want drug-116-counterfeit first: %v", ids(res.Violations), tt.want)
			}
		})
	}
}
