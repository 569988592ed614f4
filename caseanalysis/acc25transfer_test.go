package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestTransferTwentyFifthKinds holds the readings the twenty-fifth round's
// blind transfer batch (issue 12, acc25transfera) showed missing, in words
// other than its rows': electric fishing where the facts rule out the
// closed area and season is no crime below the weight, while ruling out
// one keeps the other; mining told by the licence the party could not show
// and valued at its 市场价值 (矿产资源法 第六十四条's word); a trade secret's
// holder's loss (lost profit on sales) weighs like the infringer's gains;
// a competitor's customers taken (抢走客户) under a trade-secret matter are
// no snatch; extortions listed by their dates or by the amounts got (分别)
// are counted, and two of them are not 多次.
func TestTransferTwentyFifthKinds(t *testing.T) {
	checkTransferRows(t, []transferRow{
		{"electric fishing, area and season ruled out", "渔政执法人员巡查时发现，当事人李某在村前小河中使用电瓶和升压器电鱼，渔获物约3公斤。经核实，该水域不在禁渔区范围内，也不在当地禁渔期。", []string{"fish-38-illegal-fishing"}, rules.RiskNone, "非法捕捞水产品罪"},
		{"electric fishing in the season, outside the area", "当事人王某于禁渔期内在西河使用电瓶、升压器电鱼，该河段不属于禁渔区，现场查获渔获物2公斤。", []string{"fish-38-illegal-fishing"}, rules.RiskLikely, "非法捕捞水产品罪"},
		{"mining without a licence, valued at market", "经查，当事人无采矿许可证，于2025年10月至2026年2月在某村河滩用挖掘机采挖建筑用砂，经鉴定，违法采出的矿产品的市场价值为四十二万元。", nil, rules.RiskLikely, "非法采矿罪"},
		{"mining without a licence, a small value", "经查，当事人无采矿许可证，在某村河滩用挖掘机采挖建筑用砂，经鉴定，违法采出的矿产品的市场价值为三万元。", nil, rules.RiskNone, "非法采矿罪"},
		{"a holder's lost profit", "经查，当事人招用某科技公司前研发人员，使用其违反保密义务带出的电路设计图纸生产同类产品，致使该科技公司销售利润减少三十八万元。", []string{"comp25-26-trade-secret"}, rules.RiskLikely, "侵犯商业秘密罪"},
		{"customers taken are no snatch", "经查，当事人利用从竞争对手处获取的客户名单和报价等商业秘密，以低价抢走该公司多名客户，给该公司造成损失五十二万元。", []string{"comp25-26-trade-secret"}, rules.RiskLikely, "侵犯商业秘密罪"},
		{"extortions listed by their dates", "经查，违法行为人宋某以举报某商户偷逃税款相威胁，先后于2026年5月3日、5月17日和6月2日向该商户索要“好处费”，每次得款四百元。", []string{"police25-58-theft"}, rules.RiskLikely, "敲诈勒索罪"},
		{"extortions listed by the amounts got", "经查，孙某以在网上公开对方私密照片相威胁，向三名网友索要钱款，分别取得600元、700元、300元。", []string{"police25-58-theft"}, rules.RiskLikely, "敲诈勒索罪"},
		{"two extortions are not many", "经查，周某以曝光邻居违建相要挟，于3月1日、3月9日向其索要钱款，分别得款300元、200元。", []string{"police25-58-theft"}, rules.RiskNone, "敲诈勒索罪"},
	})
}

// TestExtortionsTierTwentyFifth: extortions counted to 多次 make the case a
// crime's, not the 治安 article's 情节较重: the basic tier keeps its range.
func TestExtortionsTierTwentyFifth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"three extortions listed", "经查，违法行为人冯某以曝光被害人隐私相要挟，先后于2026年2月3日、2月19日和3月6日向被害人索要钱款，每次得款三百元。",
			"2026-03-20", "police25-58-theft", "police25-58-theft-serious", 0, 2000, true},
	})
}

// TestBasisTwentyFifth: the batch's basis misses of a cheap kind, in other
// words: goods relabelled as a better thing (换上…吊牌, 换挂…标签) are passed
// off (产品质量法 第五十条), and a secret handed on against the duty to keep
// it (违反保密协议…提供给…使用) is 反不正当竞争法 第二十六条's, not a matter
// of the former employee's leaving.
func TestBasisTwentyFifth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"a label swapped", "经查，当事人将含绒量百分之五十的羽绒服剪掉原吊牌后换上“含绒量90%”吊牌，按高含绒量羽绒服的价格对外销售，销售金额九千元。",
			"2026-03-02", "prod-50-adulterate", "", 0, 0, false},
		{"a secret handed on", "经查，当事人李某原系某机械厂技术员，离职后违反保密协议，将原单位采取保密措施的液压阀加工图纸提供给另一家工厂使用，收取费用二万元。",
			"2026-04-01", "comp25-26-trade-secret", "", 0, 0, false},
	})
}
