package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestMarketPhrasingFamiliesEighteenth (acc18market): the kinds behind the
// eighteenth round's first-sight misses of the core market articles, each in
// words not in the rows: a food's date changed by repacking or re-labelling
// (第一百二十四条第一款第（五）项, not the label item of 第一百二十五条); a theft or
// an additive that is only what a rumour or a disparaging ad says; a
// certification claimed in a live stream (a false ad, not a forged mark); a
// register line of an ad quoting data without its source; a rumour dated
// before the 2025 revision of 反不正当竞争法 and decided after it.
func TestMarketPhrasingFamiliesEighteenth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"repacked into boxes with a later date", "某食品公司工人将积压的一批牛肉干拆箱，更换为标注“2025年6月”生产日期的新外箱，负责人称改日期后好出货，货值九千元。",
			"2025-07-01", "food-124-expired", "", 50000, 100000, false},
		{"the date label torn off and a new one stuck on", "某超市员工撕掉鲜奶原来的日期标签，贴上印有新日期的标签继续销售，货值三百元。",
			"2025-07-01", "food-124-expired", "food-125-label", 50000, 100000, false},
		{"a theft that a rival's message claimed", "某家政公司负责人投诉：另一家家政公司老板在业主群里称“某某家政的保姆有偷窃前科”，经查无任何事实依据，投诉人多个订单被取消。",
			"2025-07-01", "comp-23-disparagement", "police-49-theft", 100000, 500000, false},
		{"a certification claimed in a live stream", "某店主播在直播中宣称其保温杯“通过国际有机认证”，经查并未取得任何认证，推广费用未查清。",
			"2025-07-01", "ad-55-false-advertiser", "prod-53-forged-marks", 0, 0, false},
		{"additives said of a rival's milk powder", "某母婴店电子屏滚动播放广告，称“我们的奶粉纯天然，别家的奶粉都是添加剂勾兑的”，贬低其他生产经营者的商品。",
			"2025-07-01", "ad-59-unclear-content", "food-124-additive-overuse", 0, 100000, false},
		{"a rumour spread before the 2025 revision, decided after", "某火锅店举报：同街另一火锅店老板于2025年8月2日在点评群中散布该店“用地沟油”的不实消息，经查无事实依据。",
			"2026-01-10", "comp-23-disparagement", "comp25-28-disparagement", 100000, 500000, false},
		{"a rival's rumour about a driving school is no education ad", "恒某驾校校长反映：另一家驾校的招生老师于2025年9月15日起在学员群和朋友圈转发编造的“某某驾校教练收黑钱、考试包不过”的帖子，多名已报名学员要求退费。执法人员调查，帖子内容系该招生老师编造，经其所在驾校授意发布。",
			"2025-09-30", "comp-23-disparagement", "ad-58-education", 100000, 500000, false},
		{"a leaflet quoting data without its source", "2025-08-08 某家电城 宣传单页引用“检测数据：节能60%” 未标明出处 单页自行印制",
			"2025-08-08", "ad-59-unclear-content", "", 0, 100000, false},
	})
}

// TestAdvertisingItemByFactsEighteenth: 广告法 第五十九条第一款 cites the item
// the facts show — a lapsed patent (3), a disparaged rival (4), a quotation
// without its source (2), unclear wording (1).
func TestAdvertisingItemByFactsEighteenth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		facts string
		item  int
	}{
		{"某厨具公司网店广告标注“国家专利产品”，该专利已因未缴年费终止。", 3},
		{"某白酒店电子屏广告称“其他品牌白酒都是酒精勾兑的”，贬低其他生产经营者的商品。", 4},
		{"某家电卖场海报引用“权威机构调查结果”，未标明出处。", 2},
		{"某超市海报写明“买一赠一”，未标明赠品的品种和数量，表示不清楚。", 1},
	} {
		res := analyzeOn(t, a, tt.facts, "2025-07-01")
		if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != "ad-59-unclear-content" {
			t.Errorf("%s: violations %v, want ad-59-unclear-content first", tt.facts, ids(res.Violations))
			continue
		}
		var got int
		for _, b := range res.Violations[0].Suggestion.Basis {
			if b.Role == rules.RolePenalty {
				got = b.Ref.Item
			}
		}
		if got != tt.item {
			t.Errorf("%s: cites item %d, want %d", tt.facts, got, tt.item)
		}
	}
}
