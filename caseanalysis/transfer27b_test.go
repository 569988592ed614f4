package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestTransferKindsTwentySeventh holds the readings the twenty-seventh
// round's blind transfer batch (issue 12, acc27transferb) showed missing, in
// words other than its rows': the value of what was mined in a register
// line whose fields are parted by spaces and whose machine field comes first;
// electric fishing told by its gear (升压器, 网兜 wired to a battery) in
// closed water named 禁渔水域; a cue read inside its own contrary (禁渔期 in
// 已过禁渔期) that does not meet the condition; a drug's identity or assay
// test failed (薄层鉴别未检出) as 假药; the food of a false advertisement
// named by its kind (蜂蜜); confidential information told by what it is and
// the agreement that kept it (保密协议, 客户名单) and the holder's loss.
func TestTransferKindsTwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []transferRow{
		{"a register line's mined value", "2026-03-15 巡查 西山村河道 无证采砂 负责人吴某 用挖机挖采河砂 采砂量约6000吨 经鉴定价值人民币18万元 挖机一台已扣押",
			[]string{"mineral25-64-unlicensed-mining"}, rules.RiskLikely, "非法采矿罪"},
		{"a register line's small mined value", "2026-03-15 巡查 西山村河道 无证采砂 负责人吴某 用挖机挖采河砂 采砂量约900吨 经鉴定价值人民币2.7万元 挖机一台已扣押",
			[]string{"mineral25-64-unlicensed-mining"}, rules.RiskNone, ""},
		{"a comma-parted mined value", "经查，周某未取得采矿许可证，在村后荒山开采建筑用片石，经鉴定，违法采出的片石约8000立方米，市场价值人民币24万元。",
			[]string{"mineral25-64-unlicensed-mining"}, rules.RiskLikely, "非法采矿罪"},
		{"electric gear in closed water", "渔政人员在青龙湖禁渔水域巡查，发现林某某身背蓄电池和升压器，用接通电源的网兜在岸边捞鱼，查获小杂鱼4公斤。",
			[]string{"fish-38-illegal-fishing"}, rules.RiskLikely, "非法捕捞水产品罪"},
		{"the season named only as passed", "2026年7月5日（已过禁渔期），余某在村前小河用电鱼器捕鱼约2公斤，该河段不属于禁渔区。",
			[]string{"fish-38-illegal-fishing"}, rules.RiskNone, ""},
		{"an identity test failed", "经市药品检验所检验，某诊所购进的“银黄颗粒”薄层鉴别未检出绿原酸，判定不符合规定。",
			[]string{"drug-116-counterfeit"}, rules.RiskLikely, "生产、销售、提供假药罪"},
		{"honey advertised falsely", "当事人在直播间宣称其销售的蜂蜜为“深山野生土蜂蜜”，经检验系糖浆勾兑，违法所得3.6万元。",
			[]string{"ad-55-false-advertiser"}, rules.RiskLikely, "虚假广告罪"},
		{"a mattress advertised falsely", "当事人在直播间宣称其销售的床垫为“进口天然乳胶”，经检验系普通海绵，违法所得3.6万元。",
			[]string{"ad-55-false-advertiser"}, rules.RiskNear, "虚假广告罪"},
		{"a customer list under an agreement", "孔某离职时违反与原单位签订的保密协议，带走客户名单，入职某贸易公司后利用该名单抢走订单，原单位减少销售利润32万元。",
			[]string{"comp25-26-trade-secret"}, rules.RiskLikely, "侵犯商业秘密罪"},
		{"a customer list, a loss only feared", "孔某离职时违反与原单位签订的保密协议，带走客户名单，原单位称若客户流失预计损失约50万元。",
			[]string{"comp25-26-trade-secret"}, rules.RiskNone, ""},
	}
	checkAnalyzerTransferRows(t, a, tests)
}

// TestMarkMakerTwentySeventh: a party that prints another's registered mark
// on goods it makes is 假冒注册商标罪's, and what it made, kept and sold is
// that crime's 非法经营数额 (侵犯知识产权解释 第十二条); a shop selling the
// same goods stays 销售假冒注册商标的商品罪's.
func TestMarkMakerTwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct{ name, facts, crime string }{
		{"a maker", "经查，某鞋业公司未经商标注册人许可，在其生产的帆布鞋鞋帮上印制与“山岚”注册商标相同的标识，已售出1800双，收取货款54000元，仓库尚有成品900双，按售价计算价值27000元。", "假冒注册商标罪"},
		{"a seller", "经查，某鞋店从批发市场购进假冒“山岚”注册商标的帆布鞋，经商标注册人鉴定均为侵权商品，已售出1800双，销售金额54000元，店内尚有300双，按售价计算价值9000元。", "销售假冒注册商标的商品罪"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2026-05-20")
			if res.Transfer.Risk != rules.RiskLikely || res.Transfer.Crime != tt.crime {
				t.Fatalf("transfer = %s %s, want likely %s (violations %v)", res.Transfer.Risk, res.Transfer.Crime, tt.crime, ids(res.Violations))
			}
		})
	}
}

// TestBribeToDeciderTwentySeventh: money paid straight to the one who
// decides for the other side (向该超市采购主管…转账; 向该院药剂科主任支付现金和
// 购物卡), with no 回扣 or 好处费 named, is the bribe the transfer measures and
// the conduct 反不正当竞争法 第八条 forbids; invoices the briber had made out
// to book it (以虚开咨询费发票入账) hide the bribe and do not exclude it.
func TestBribeToDeciderTwentySeventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkAnalyzerTransferRows(t, a, []transferRow{
		{"a trader pays a buyer", "个体户黎某为把其经营的桶装水打入某连锁超市，先后三次向该超市采购主管田某转账，合计三万二千元。",
			[]string{"comp25-24-bribery"}, rules.RiskLikely, "对非国家工作人员行贿罪"},
		{"a firm pays a hospital's head of pharmacy", "某药品配送公司为增加某区中心医院的药品采购量，由区域经理先后向该院药剂科主任付某支付现金和购物卡，合计二十二万元。",
			[]string{"comp25-24-bribery"}, rules.RiskLikely, "单位行贿罪"},
		{"the price of work paid to a manager", "某装修公司完工后向业主委员会负责人支付工程款，合计二十五万元。",
			nil, rules.RiskNone, ""},
	})
	checkMarketRows(t, a, []marketRow{
		{"a buyer paid by transfer", "陈某（个体工商户，经营某某涂料商行）为向某民营物业公司供应涂料，2025年12月至2026年2月先后三次通过支付宝向该公司采购经理苏某转账，合计三万六千元，苏某随后将其列入合格供应商名单。",
			"2026-03-20", "comp25-24-bribery", "", 100000, 1000000, true},
	})
	res := analyzeOn(t, a, "经查，某器械公司为使某县人民医院使用其代理的敷料，由业务员先后向该院设备科科长支付现金，合计二十四万元，公司以虚开咨询费发票入账。", "2026-04-10")
	if res.Transfer.Risk != rules.RiskLikely || res.Transfer.Crime != "单位行贿罪" {
		t.Errorf("bribe booked with false invoices: transfer = %s %s (violations %v)", res.Transfer.Risk, res.Transfer.Crime, ids(res.Violations))
	}
}
