package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestTransferSixteenthRoundKinds holds the kinds the sixteenth round's
// criminal-transfer slice fixed (issue 12, acc16transfer), in words other
// than its development rows': the drinking-water zone named by its grade or
// its water body (一级、二级保护区 are the 保护区 of 水污染防治法 第六十三条;
// 2023年解释 第一条第一项), which alone is no hint of a toxic substance; and a
// theft told by the way to the thing (剪断车锁, 撬开…锁, 骑走) rather than named.
func TestTransferSixteenthRoundKinds(t *testing.T) {
	checkTransferRows(t, []transferRow{
		{"first-grade zone named with the water source", "该厂在城区饮用水水源一级保护区内排放含镍电镀废水。", []string{"water-84-drinking-source-outfall"}, rules.RiskLikely, "污染环境罪"},
		{"second-grade zone named by the reservoir", "当事人将废机油倒入青山水库二级保护区内的沟渠。", []string{"water-83-excess"}, rules.RiskLikely, "污染环境罪"},
		{"the water source's zone shortened", "经查，该站位于水源地二级保护区，将含铅废酸液排入河道。", []string{"water-83-excess"}, rules.RiskLikely, "污染环境罪"},
		{"the older name of a nature reserve's core", "当事人在自然保护区核心区倾倒医疗废物。", []string{"waste-102-industrial-dumping"}, rules.RiskLikely, "污染环境罪"},
		{"a heavy metal's reading in the zone", "某电镀点在饮用水水源二级保护区内私设排污口，排放的清洗废水经检测总镍浓度为3.2mg/L。", []string{"water-84-drinking-source-outfall"}, rules.RiskLikely, "污染环境罪"},
		{"domestic sewage in the zone stays none", "某农家乐在饮用水水源二级保护区内设置排污口，排放厨房污水。", []string{"water-84-drinking-source-outfall"}, rules.RiskNone, "污染环境罪"},
		{"a lock cut and the bike ridden off", "违法行为人用钳子剪断车锁，将一辆电动自行车骑走，经价格认定价值二千三百元。", nil, rules.RiskLikely, "盗窃罪"},
		{"a lock prised open, the value over", "周某撬开车库卷帘门的锁，搬走两台发电机，价值四千元。", nil, rules.RiskLikely, "盗窃罪"},
		{"a ground lock clipped and the motorbike pushed off", "卢某用断线钳夹断地锁，将停车位上的一辆摩托车推走，价值五千元。", nil, rules.RiskLikely, "盗窃罪"},
		{"the lock found cut, told by the owner", "失主称车锁被剪断，电动车被人骑走。经查系毛某所为，车辆价值一千八百元。", nil, rules.RiskLikely, "盗窃罪"},
		{"a caller claiming to be the bank, the sum sent", "被害人接到自称银行工作人员的电话，按其要求将8000元转入所谓安全账户，之后对方电话打不通。", []string{"police25-58-theft"}, rules.RiskLikely, "诈骗罪"},
		{"a caller claiming to be the bank, the sum below", "对方自称是快递理赔专员，让她把2000元转到指定账户，之后电话就打不通了。", []string{"police25-58-theft"}, rules.RiskNone, "诈骗罪"},
		{"wages: the order's deadline passed unheeded", "某餐饮公司拖欠12名员工3个月工资共计6万元，人社局下达限期支付令后，期限届满仍未支付。", []string{"labour-26-compensation"}, rules.RiskLikely, "拒不支付劳动报酬罪"},
		{"wages: paid within the order's deadline stays near", "某餐饮公司拖欠12名员工3个月工资共计6万元，人社局已下达限期支付令，支付期限尚未届满。", []string{"labour-26-compensation"}, rules.RiskNear, "拒不支付劳动报酬罪"},
		{"the owner's finding in 商标法's words, sales over", "经商标注册人鉴定，当事人店内销售的手表均为侵犯“CASIO”注册商标专用权的商品，销售金额五万八千元。", []string{"tm-60-infringement"}, rules.RiskLikely, "销售假冒注册商标的商品罪"},
		{"the owner's finding in 商标法's words, sales below", "经商标注册人确认，该店销售的皮带侵犯其注册商标专用权，销售金额一万二千元。", []string{"tm-60-infringement"}, rules.RiskNone, "销售假冒注册商标的商品罪"},
		{"a lock prised open, the value below", "钱某撬开停在路边的三轮车车锁，拿走车斗里的工具，价值三百元。", nil, rules.RiskNone, "盗窃罪"},
	})
}

// TestGoodsLengthIsNoFood: a length of pipe or cable in ten-thousands of
// metres (管材1.2万米) names no rice: the food object does not read 米 there,
// and a product adulterated (掺杂滑石粉) ranks 产品质量法 first.
func TestGoodsLengthIsNoFood(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDatedPhrasings(t, a, []datedPhrasingRow{
		{"pipe in ten-thousand metres", "执法人员检查发现，当事人生产的掺杂滑石粉的PE给水管材1.2万米，经检验静液压强度不合格，货值金额十六万八千元。", "2025-08-20", "prod-50-adulterate", ""},
		{"cable in hundreds of metres", "当事人销售的掺杂再生铜的电缆三百余米，经检验导体电阻不合格，以次充好，货值金额四千二百元。", "2025-08-20", "prod-50-adulterate", ""},
	})
}

// TestTheftByTheLockSixteenth: a theft told by the lock cut or prised open
// and the vehicle ridden off (剪断车锁…骑走), with no word of 盗窃, is the
// taking of the theft article, not a traffic matter of the 电动车 named.
func TestTheftByTheLockSixteenth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDatedPhrasings(t, a, []datedPhrasingRow{
		{"lock cut, e-bike ridden off", "报警人称停在楼下的电动自行车不见了。经查，陈某趁夜剪断车锁，将该电动车骑走后卖给废品站，该车价值二千六百元。", "2025-06-01", "police-49-theft", ""},
		{"lock prised, the new law", "经查，违法行为人邓某撬开小区车棚内一辆电动车的车锁，将车骑走。", "2026-03-01", "police25-58-theft", ""},
	})
}
