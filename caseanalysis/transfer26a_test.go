package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// TestTransferATwentySixthKinds holds the readings the twenty-sixth round's
// blind transfer batch (issue 12, acc26transfera) showed missing, in words
// other than its rows': a mark put on goods told as a 标识 or stuck on
// (粘贴…商标) is 假冒注册商标罪's conduct, and goods named 假冒注册商标的商品
// are the seller's crime, not the maker's; a bribe handed over with a bare
// 送 to the one who decides, or paid on into an account in the clause after
// the one naming it, is the bribe's amount; mining valued by the kind of
// what was mined (所采河砂价值…), not the machines'; money demanded on
// condition of a threat (威胁…若不…就…) is extortion; a drug whose printed
// number no register holds (查无此药) is a 假药.
func TestTransferATwentySixthKinds(t *testing.T) {
	checkTransferRows(t, []transferRow{
		{"a mark told as a 标识", "经查，当事人某服装厂自2026年1月起在其生产的羽绒服领标及吊牌上使用与“波司登”注册商标相同的标识，无法提供授权，违法经营额八万元。", nil, rules.RiskLikely, "假冒注册商标罪"},
		{"a mark stuck on, near", "个体户吴某在出租屋内给散装白酒瓶粘贴“茅台”商标，现场查获成品酒120瓶，违法经营额4.6万元。", nil, rules.RiskNear, "假冒注册商标罪"},
		{"goods named counterfeit are sold", "经查，当事人某五金店销售的“博世”电钻经权利人鉴定为假冒注册商标的商品，已售出金额六万二千元，连同库存违法经营额七万元。", nil, rules.RiskLikely, "销售假冒注册商标的商品罪"},
		{"a bribe handed over with 送", "个体户钱某为承接某酒店的布草洗涤业务，先后送该酒店客房部经理现金四万元。", []string{"comp25-24-bribery"}, rules.RiskLikely, "对非国家工作人员行贿罪"},
		{"a bribe paid on into an account", "经查，当事人某药业公司为扩大销量向某民营医院院长支付回扣，分四次汇入其个人银行卡合计二十八万元。", []string{"comp25-24-bribery"}, rules.RiskLikely, "对非国家工作人员行贿罪"},
		{"mined sand valued by its kind", "经查，当事人未取得采矿许可证，用采砂船在某江段抽采河砂约8000吨，经价格认定，所采河砂价值人民币三十二万元。", nil, rules.RiskLikely, "非法采矿罪"},
		{"the machine's value is no mineral's", "经查，当事人未取得采矿许可证开采石料，现场扣押的挖掘机价值三十五万元，采出石料价值二万元。", nil, rules.RiskNone, "非法采矿罪"},
		{"money demanded on a threat's condition", "王某通过短信威胁李某，若不在周五前打款八千元，就把其私人视频发到业主群，李某于次日转账八千元。", []string{"police25-58-theft"}, rules.RiskLikely, "敲诈勒索罪"},
		{"a drug number no register holds", "经查，当事人网店销售的“风湿骨痛丸”外包装标注国药准字Z4502xxxx，经查询国家药品数据库查无此药。", []string{"drug-116-counterfeit"}, rules.RiskLikely, "生产、销售、提供假药罪"},
	})
}

// TestBasisTransferATwentySixth: a threat made to get money is 治安管理处罚法
// 第五十八条's 敲诈勒索, not 第五十条's threat to a person's safety; a remedy
// whose printed number does not exist is sold as a 假药 (药品管理法 第一百一十六
// 条), not merely advertised with a cure (广告法 第五十八条); a claim a test
// refutes (宣称…98%，经检测…不足30%) is a false advertisement's content.
func TestBasisTransferATwentySixth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"a threat for money", "2026年4月，张某通过微信威胁同事刘某，若不转账一万元“封口费”，就将其违纪的事告诉领导，刘某被迫转账五千元。",
			"2026-05-01", "police25-58-theft", "police25-50-harassment", 0, 2000, true},
		{"a remedy without a real number", "经查，当事人在集市摊位销售自称能治疗高血压的“降压灵胶囊”，包装所印批准文号经查询不存在，该胶囊货值金额三千元。",
			"2026-05-01", "drug-116-counterfeit", "", 0, 0, true},
		{"a claim a test refutes, on a poster", "某眼镜店在店门口张贴海报宣称其镜片“防蓝光率98%”，经检测防蓝光率不足30%，海报制作费用两千元。",
			"2026-05-01", "ad-55-false-advertiser", "", 6000, 10000, false},
	})
}

// TestThreatConditionTwentySixth: the 不 of a threat's condition (若不…就)
// does not deny what the threat demands; without a threat the condition
// still holds it back (若不按期改正), and another negation after it still
// denies.
func TestThreatConditionTwentySixth(t *testing.T) {
	for _, tt := range []struct {
		text, cue string
		want      bool
	}{
		{"赵某威胁称若不在月底前转账，就公开其病历。", "转账", true},
		{"责令当事人若不在十日内改正，将依法处理。", "改正", false},
		{"赵某威胁称若不还钱就报复，钱某表示未转账。", "转账", false},
	} {
		norm := nlp.NormalizeText(tt.text)
		if got := nlp.NewCue(tt.cue).In(norm); got != tt.want {
			t.Errorf("%s: %s shown = %v, want %v", tt.text, tt.cue, got, tt.want)
		}
	}
}
