package caseanalysis

import "testing"

// TestBlindKindsTwentySixth covers the kinds behind blind26a's first-sight
// misses, each in other words than the row that showed it: a licence held
// back for an earlier drink whose holder drives sober (a reading under
// 20mg/100ml is no 饮酒后驾驶: 第九十九条; so is a drink named only as the
// reason of the earlier suspension, 曾因酒驾被暂扣), a preparation made without
// approval whose label states its use and whose screen for adulterants found
// none (第一百二十四条, not 假药), an advert whose catch is in a consumer's
// words (没写明, 字小得看不见), and sealed goods carried off after the seal
// was torn (the fine on those sold, not on all that were sealed).
func TestBlindKindsTwentySixth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"a sober drive while the licence is held", "2026年5月9日21时许，交警在人民路查获驾驶人孙某驾驶小型轿车，孙某驾驶证此前因酒后驾驶被暂扣六个月，尚在暂扣期内；现场对其进行呼气酒精检测，结果为0mg/100ml。",
			"2026-05-09", "traffic-99-unlicensed-driving", "traffic-91-drink-driving", 200, 2000, false},
		{"a licence held back for an earlier drink, no reading", "经查，邹某曾因饮酒后驾驶机动车，驾驶证被暂扣六个月，至今未满，当日其驾驶小型轿车在城东路口被民警查获。",
			"2026-04-20", "traffic-99-unlicensed-driving", "traffic-91-drink-driving", 200, 2000, false},
		{"an unapproved syrup, screened clean", "经查，当事人某药业科技有限公司未取得药品批准证明文件，自行配制“清肺止咳膏”300瓶，瓶贴标注功能主治为润肺止咳，以每瓶50元售出180瓶。经抽样检验，未检出非法添加的化学成分。",
			"2026-06-20", "drug-124-unapproved-drugs", "drug-116-counterfeit", 1500000, 3000000, false},
		{"a furniture sale's catch", "消费者投诉：某家具城在小区电梯屏打出“全场家具一折起”，到店后才知道一折的只有两把样品椅子，广告上没写明参加活动的商品和数量，“起”字小得几乎看不见。",
			"2026-04-11", "ad-59-unclear-content", "", 0, 100000, false},
		{"sealed helmets carried off", "2026年6月3日复查发现，我局5月28日查封的不合格电动车头盔共200个，仓库门上的封条被撕掉，库内只剩130个。店主承认把其中70个拉出去卖了，每个售价45元。",
			"2026-06-03", "prod-63-seized-goods", "", 3150, 9450, false},
	})
	// The torn seal's cue stays with goods: a room sealed by the fire
	// service is 消防法's (第六十四条第（六）项), not 产品质量法 第六十三条.
	res := analyzeOn(t, a, "2026年3月8日，某KTV三楼包厢因存在重大火灾隐患被消防救援大队依法查封，3月12日检查发现经营者胡某私自撕开封条，继续接待顾客。", "2026-03-12")
	for _, v := range res.Violations {
		if v.BenchmarkID == "prod-63-seized-goods" {
			t.Errorf("a room sealed by the fire service read as goods under seal: %v", ids(res.Violations))
		}
	}
}

// TestBlindDispositionsTwentySixth: a fix done the same day in the plain
// verb (当天…做完), litter picked up at once (当场…捡起), and no accident in
// plain words (没出过事故) make a first lapse one not punished; polluted
// ground dug out of the party's accord (受污染的土壤挖出) lessens the harm;
// a lead the party gave that became a case of its own (提供…线索…另案查处)
// is 立功.
func TestBlindDispositionsTwentySixth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDispositionRows(t, a, []dispositionRow{
		{"a lorry serviced the same day", "2026年7月2日，执法人员检查某货运公司车辆技术档案，发现一辆重型货车超过规定的二级维护周期未进行二级维护。该公司此前没有同类违法记录，当天下午该车即进厂做完二级维护，该车也没出过事故。",
			"2026-07-02", "不予处罚"},
		{"litter picked up at once", "2026年7月20日晚，城管队员发现租户韩某把一袋生活垃圾从三楼窗口扔到楼下草坪上。经询问韩某系初次，当场下楼把垃圾捡起投入垃圾桶，未造成其他后果。",
			"2026-07-20", "不予处罚"},
		{"polluted ground dug out", "2026年10月5日检查发现，某机械厂危废间外露天存放的废乳化液桶破裂，废液渗入未硬化地面约4平方米。该厂当日即将受污染的土壤挖出约1立方米作为危险废物装袋贮存，并将破损桶内废液转移至危废间。",
			"2026-10-05", "从轻或者减轻处罚"},
		{"a lead that became another case", "经查，当事人某客运公司3辆班线客车超过规定的二级维护周期未进行二级维护。调查中，当事人提供了另一家客运公司客车长期不做二级维护的线索，经核查属实，已另案查处。",
			"2026-05-12", "从轻或者减轻处罚"},
	})
}

// TestBlindElementsTwentySixth: the element that tells the provision is
// shown by the plain words, not left to the ranking of similar cases — a
// car taken because it stood unlocked with its key in it (偷开 without the
// word), lift upkeep by someone who never got the licence, in a record.
func TestBlindElementsTwentySixth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct{ name, facts, day, want string }{
		{"a van with its key left in it", "2026年2月14日夜，李某某路过镇中学门口，见一辆白色面包车车门未锁、车钥匙插在锁孔里，便上车把车开走，在镇上绕了几圈后丢在菜市场旁。车主王某次日报警。",
			"2026-02-15", "police25-76-joyride"},
		{"lift upkeep without the licence, in a record", "询问笔录：问：你有没有电梯维保的资质？答：没有。我们是做电梯装潢的，平时帮星河小区的4台电梯做日常保养，没有办过许可，每台每月收费200元。",
			"2026-03-18", "se-88-unlicensed-lift-maintenance"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.day)
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != tt.want {
				t.Fatalf("violations %v, want %s first\n%s", ids(res.Violations), tt.want, whys(res.Violations))
			}
			if m := res.Violations[0].missing; len(m) > 0 {
				t.Errorf("%s: elements not shown %v", tt.want, m)
			}
		})
	}
}
