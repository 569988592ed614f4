package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestNeighbourFamilies decides confusable provisions of one law written
// the way officers and complainants write them (issue 12, eighth round):
// a prepackaged food without date or shelf life is 无标签 (第一百二十五条),
// not 超过保质期, even where 产品质量法 第五十四条 shared the words and then
// yielded; a failed product relabelled as passed is 以不合格冒充合格 (第五十
// 条), not 第四十九条; a manufacturer shown false by the check (查无此厂,
// 并非实际生产者) is 伪造厂名厂址 (第五十三条); and a fraud its victim
// reports to the police is 诈骗, not 谎报警情 nor 商业贿赂 for its 好处费;
// the party's own advert called 无事实依据 is 虚假广告, not 商业诋毁.
func TestNeighbourFamilies(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []datedPhrasingRow{
		{"repacked chilli powder without dates", "执法人员在某某调味品店货架上发现自行分装的袋装辣椒面，包装袋上没有标明生产日期和保质期，也无生产者名称和地址，货值三千元。", "2025-06-01", "food-125-label", "food-124-expired"},
		{"mooncakes repacked without shelf life", "经查，当事人某某食品厂将散装月饼改为小包装销售，包装未标注保质期和生产日期，已销售货值二万元。", "2025-10-01", "food-125-label", "food-124-expired"},
		{"failed wires given a certificate", "某某建材店把抽检不合格的一批电线换上合格证后继续销售，货值五千元。", "2025-06-01", "prod-50-adulterate", "prod-49-unsafe-standard"},
		{"failed heaters with the sticker torn off", "经查，某某家电商行将经检验不合格的电暖器撕下不合格标贴后继续摆在门店销售，货值八千元。", "2025-06-01", "prod-50-adulterate", "prod-49-unsafe-standard"},
		{"a maker that does not exist", "某某日杂店销售的不粘锅包装上标注的生产企业“某某炊具有限公司”，经核实查无此厂，货值一千元。", "2025-06-01", "prod-53-forged-marks", "prod-54-labelling"},
		{"the named maker never made it", "经查，当事人销售的蓝牙音箱外包装标注的生产厂家并非实际生产者，该厂家从未生产过此款产品，货值四千元。", "2025-06-01", "prod-53-forged-marks", ""},
		{"a school place sold by a lie (2025 law)", "王某到派出所报警称：2026年3月，李某谎称可以帮其孩子安排进重点小学，先后收取其“活动经费”两千元，经查李某以此骗取钱款。", "2026-06-01", "police25-58-theft", "police25-29-false-alarm"},
		{"a stove's own bus advert", "经查，某某燃气灶厂在公交车身广告中宣称其灶具“热效率百分之九十九”，经检测无事实依据，该广告投放费用三万元。", "2025-06-01", "ad-55-false-advertiser", "comp-23-disparagement"},
		{"a rival slandered online stays disparagement", "经查，某某奶茶店在网上发帖捏造隔壁奶茶店使用过期原料，致其营业额下降。", "2025-06-01", "comp-23-disparagement", "ad-55-false-advertiser"},
		{"a job fee and blocked (2012 law)", "2025年5月3日，赵某拨打110报警称其被骗：网友谎称能介绍工作，收取其“好处费”六百元后将其拉黑，经查系骗取钱款。", "2025-07-01", "police-49-theft", "comp-19-bribery"},
	}
	checkDatedPhrasings(t, a, tests)
}

// TestHazardousWasteDenied: 危险废物 named only to deny it (经鉴定不属于危
// 险废物) adds no tonnes towards 污染环境罪; named as what was dumped, it
// does.
func TestHazardousWasteDenied(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts string
		likely      bool
	}{
		{"slag that is not hazardous", "经查，某某机械厂将生产产生的废边角料和炉渣约50吨堆放在厂外空地，未采取防扬散措施，经鉴定该炉渣并非危险废物。", false},
		{"sludge ruled out", "执法人员检查发现某某砖厂露天堆放脱硫石膏80吨，经鉴定不属于危险废物，属一般工业固体废物。", false},
		{"acid dumped is hazardous", "经查，某某化工厂将废酸液5吨倾倒于厂外沟渠，经鉴定为危险废物。", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2025-07-01")
			if got := res.Transfer.Risk == rules.RiskLikely; got != tt.likely {
				t.Fatalf("transfer %s (%s), want likely=%v", res.Transfer.Risk, res.Transfer.Crime, tt.likely)
			}
		})
	}
}
