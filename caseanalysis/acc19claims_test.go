package caseanalysis

import (
	"strings"
	"testing"
)

// TestClaimContentNineteenth (acc19claims): what a rumour says (an
// explosion, a pollution, deaths) is no fact of the case: the provision on
// spreading it (治安管理处罚法 2012 第二十五条, 2025 第二十九条) ranks first, not
// the sector the rumour names, and its deaths make no criminal transfer
// likely. A real accident beside the rumour does not count the rumour's
// deaths either.
func TestClaimContentNineteenth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"a rumour of a chemical park's poisoned river", "2025年8月25日，民警调查发现网民邝某在某论坛发帖称“湖东化工园区夜里偷排毒水，河里的鱼全部死光，附近村里已经有五个人得了癌症”，并配有一段河面视频。经生态环境部门现场监测，园区排口及河道水质达标，视频系邝某在外地拍摄，帖子内容系其编造。",
			"2025-08-26", "police-25-false-alarm", "water-83-evading-supervision", 0, 500, false},
		{"a rumour of a tunnel crash and fire with six dead", "经查,2026年5月17日，违法行为人詹某某在小区业主群及朋友圈发布消息称“南山隧道发生连环追尾，一辆油罐车起火，已有六人死亡”，并附一张外地事故照片，引发周边居民恐慌。经交警部门核实，当日南山隧道未发生任何交通事故。詹某某承认系其为吸引关注而编造。",
			"2026-05-20", "police25-29-false-alarm", "fire-64-negligent-fire", 0, 1000, false},
		{"a real accident with one dead and a rumour of twenty", "经查，2026年4月6日城北建筑工地发生一起塔吊倒塌事故，造成一名工人死亡。当日晚，违法行为人顾某某在其拥有两万余粉丝的短视频账号发布视频，称“城北工地塔吊倒塌砸死二十多人，官方只通报一个”，引起网民大量转发评论。经核实，顾某某与工地无任何关系，所称死亡人数系其编造。",
			"2026-04-08", "police25-29-false-alarm", "safety-114-general-accident", 0, 1000, false},
		{"an advert's fire and its sum are no fire and no amount", "消费者投诉：某电动车行在朋友圈和店门口广告牌宣传其销售的锂电池“永不起火、永不爆炸，三年内起火包赔十万元”。执法人员调查，该车行所售电池为普通三元锂电池，无任何防爆认证，所称“包赔十万元”车行也承认从未兑现过。广告牌及朋友圈推广费用合计3000元。",
			"2025-11-30", "ad-55-false-advertiser", "fire-64-negligent-fire", 9000, 15000, false},
		{"a health-food advert's product words rank no food article", "经查，当事人在其经营的养生会所内张贴海报,宣称其销售的“灵芝孢子粉胶囊”（已注册保健食品）“服用三个月癌细胞消失，已帮助三百名晚期患者康复”，海报设计制作费用为人民币壹万元整（¥10,000.00）。",
			"2025-08-14", "ad-58-health-food", "", 10000, 30000, false},
	})
}

// TestClaimDeathsNineteenth: deaths told only inside a rumour make no
// accident provision first and no transfer likely.
func TestClaimDeathsNineteenth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	res := analyzeOn(t, a, "经查，2025年7月18日晚,违法行为人罗某某在其加入的“东湖街坊群”等三个微信群内发布文字和图片，称“城西化工厂刚刚爆炸，已经死亡十余人，附近居民赶紧撤离”，经核实，城西化工厂当日生产正常，未发生任何爆炸事故，罗某某所发图片系从网上下载的外地旧图。以上事实有微信群聊天截图、证人证言及罗某某的陈述为证。", "2025-07-21")
	if len(res.Violations) > 0 && strings.HasPrefix(res.Violations[0].BenchmarkID, "safety-114-") {
		t.Errorf("the rumour's deaths rank %s first", res.Violations[0].BenchmarkID)
	}
	if res.Transfer.Risk == "likely" {
		t.Errorf("transfer likely (%s) from the rumour's deaths", res.Transfer.Crime)
	}
}

// TestClaimReviewNineteenth (review of acc19claims): the act beside a
// claim is read — a lie cut where the courier kept the phone, a closing
// straight quote that opens no claim over the expired food, a citizen's
// tip-off found true, a 谎报 of an accident's deaths.
func TestClaimReviewNineteenth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"a lie beside a theft", "某快递员谎称包裹丢失将客户价值8000元的手机据为己有。",
			"2026-03-01", "police25-58-theft", "police25-29-false-alarm", 0, 0, false},
		{"straight quotes around a poster and the expired food", "当事人在店门口张贴\"开业酬宾广告\"，销售过期食品5箱，货值金额300元，违法所得200元，门口横幅写有\"全场五折\"。",
			"2025-06-01", "food-124-expired", "", 50000, 100000, false},
		{"a citizen's tip-off found true", "接市民在网上留言称“某小区旁工地夜间施工噪声扰民”，经现场检查属实。",
			"2026-03-01", "noise-77-night-construction", "", 0, 0, false},
	})
	// 谎报事故死亡人数 is no claim over the deaths: the three deaths are read
	// (the larger-accident tier is a candidate). Which ranks first — the
	// 谎报 of 治安 or the accident — is left (see the notes).
	res := analyzeOn(t, a, "某公司谎报事故死亡人数为1人，实际造成3人死亡。", "2025-06-01")
	found := false
	for _, v := range res.Violations {
		found = found || v.BenchmarkID == "safety-114-larger-accident"
	}
	if !found {
		t.Errorf("safety-114-larger-accident not among %v", ids(res.Violations))
	}
}
