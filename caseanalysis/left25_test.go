package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/nlp"
)

// TestFearedHarmTierTwentyFifth: a harm the officers only fear (极易造成恶劣
// 影响, 可能造成恶劣社会影响) is no 情节较重 of a theft; one that happened
// is. The 2025 law's basic tier (第五十八条) is a later line member whose
// own exclusion was read without the words its cues do not count inside,
// so the basic tier vanished from the answer.
func TestFearedHarmTierTwentyFifth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"feared, 2025 law", "2026年4月11日，民警查明：邱某在地铁站出口趁一名乘客低头看手机之机，从其背包侧袋内窃取充电宝一个，价值二百元。该站客流密集，此类行为极易造成恶劣影响。",
			"2026-04-11", "police25-58-theft", "police25-58-theft-serious", 0, 2000, false},
		{"possible, 2025 law", "2026年8月2日，民警查明：孔某在小区快递柜旁窃取他人包裹一件，内有衣物，价值三百元，其行为可能造成恶劣社会影响。",
			"2026-08-02", "police25-58-theft", "police25-58-theft-serious", 0, 2000, false},
		{"feared, 2012 law", "2025年9月20日，民警查明：邱某在商场一楼趁店员不备，窃取柜台上的耳机一副，价值三百元，商场人多，容易造成恶劣影响。",
			"2025-09-20", "police-49-theft", "police-49-theft-serious", 0, 500, false},
		{"happened, 2025 law", "2026年8月2日，民警查明：孔某在小区快递柜旁先后窃取他人包裹五件，价值三百元，引发业主恐慌，造成恶劣社会影响。",
			"2026-08-02", "police25-58-theft-serious", "", 0, 3000, false},
	})
}

// TestPermitInOwnClauseTwentyFifth: a night-construction certificate held
// excludes 噪声污染防治法 第七十七条's night work without one only when the
// holding is told of it in one clause: another permit held and the
// certificate missing (已取得环评批复，但未办理夜间施工证明) is no
// certificate.
func TestPermitInOwnClauseTwentyFifth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts, want string
	}{
		{"another permit, certificate missing", "2026年5月14日23时，执法人员接群众投诉后到场检查，某建筑公司在某小区旁的工地使用挖掘机进行土方作业。该公司已取得施工许可证，但未办理夜间施工证明，亦未公告附近居民。",
			"noise-77-night-construction"},
		{"certificate of another project", "2026年5月14日23时，执法人员到某工地检查，发现某建筑公司正在进行混凝土浇筑作业。其相邻地块的项目已取得环评批复，而本工地未办理夜间施工证明。",
			"noise-77-night-construction"},
		{"certificate held", "2026年5月14日23时，执法人员到某工地检查，发现某建筑公司正在进行混凝土浇筑作业，该公司已取得区住建局核发的夜间施工证明，经监测工地边界噪声超过排放标准。",
			"noise-77-construction-excess"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2026-05-14")
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != tt.want {
				t.Fatalf("violations %v, want %s first\n%s", ids(res.Violations), tt.want, whys(res.Violations))
			}
		})
	}
}

// TestRiderPartyTwentyFifth: 道路交通安全法 第八十九条's exclusions for a
// barrier taken apart (the one who took it is the party, 第九十九条) and
// for a car parked on the non-motor lane (its driver is the party, 第九十三条)
// hold when the text is about that act, not when a walker or a rider is
// the party and the barrier or the car is only where the crossing
// happened.
func TestRiderPartyTwentyFifth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"walker through a gap others made", "2026年3月9日7时许，行人赵某从育才路中央隔离护栏一处被拆除的缺口处横穿马路，被执勤民警当场拦下。",
			"2026-03-09", "traffic-89-pedestrian-nonmotor", "", 0, 0, false},
		{"cyclist through a gap others made", "2026年3月9日7时许，骑自行车的钱某从中山路已被他人拆开的护栏缺口处横穿机动车道，被民警拦下。",
			"2026-03-09", "traffic-89-pedestrian-nonmotor", "", 0, 0, false},
		{"rider round a parked car", "2026年3月9日7时许，李某驾驶电动自行车沿新华路由东向西行驶，因一辆轿车停在非机动车道上，遂驶入机动车道逆向行驶约一百米，被执勤民警拦下。",
			"2026-03-09", "traffic-89-pedestrian-nonmotor", "", 0, 0, false},
		{"the party took the barrier apart", "2026年2月3日21时许，经营者周某为方便顾客停车，把店门前道路的中央隔离护栏拆开两节，形成约六米缺口。次日一名骑电动自行车的市民从缺口横穿时与轿车相撞受伤。",
			"2026-02-03", "traffic-99-facilities", "traffic-89-pedestrian-nonmotor", 0, 0, false},
		{"the driver left the car", "2026年4月1日8时，交警巡查发现一辆黑色小型轿车停放在文昌路非机动车道上，车内无人，过往电动车只能绕行机动车道，民警拨打挪车电话无人接听，遂贴单拖移。",
			"2026-04-01", "traffic-93-parking-absent", "", 0, 0, false},
	})
}

// TestTransferLeftoversTwentyFifth: the kinds behind transfer24's open
// misses, in other words: textbooks copied whole without the publisher's
// leave (著作权法 第五十三条), a pathogen's toxin in food (第一百二十四条
// 第一款第（一）项), a bag snatched and run off with (第五十八条), strangers
// struck for no cause (第三十条), a blow in a quarrel over a stall's place
// (第五十一条, not 占道), and a casino's cut told as its gain (第八十二条
// 情节严重).
func TestTransferLeftoversTwentyFifth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"textbooks copied whole", "2026年3月2日，执法人员检查某高校附近的快印图文店，店内查获复印整本的高等数学教材四十本，店主供述未经出版社同意，应学生要求复印后以每本二十元出售，已售出约八十本，收入约一千六百元。",
			"2026-03-02", "copyright-53-infringement", "", 0, 0, false},
		{"a pathogen in a canteen dish", "经查，2026年6月2日，某公司职工食堂供应的凉拌鸡丝经检测检出蜡样芽孢杆菌，当日共有3名职工出现呕吐、腹泻，涉案食品货值八百元。",
			"2026-06-02", "food-124-contaminants", "food-123-nonfood-substance", 50000, 100000, false},
		{"a bag snatched and run off with", "2026年9月3日，民警查明：褚某在公交站台趁一名老人低头找零钱时，抓起其放在长椅上的手提袋跑开，袋内有现金二百元，被路人当场拦下。",
			"2026-09-03", "police25-58-theft", "", 0, 2000, false},
		{"a stranger struck for no cause", "2026年8月9日21时许，违法行为人滕某在公园健身区嫌他人锻炼碍事，无端上前推搡正在锻炼的韩某，并扇其耳光一下，致韩某面部红肿，未达轻微伤。",
			"2026-08-09", "police25-30-provocation", "", 0, 1000, false},
		{"strangers struck, two hurt", "2026-07-05 深夜 东门大排档 邹某酒后拎起凳子冲向隔壁桌两名互不相识的顾客 抡凳子砸中其中一人后背 又拳击另一人面部 二人均为轻微伤 邹某称看他们不顺眼",
			"2026-07-05", "police25-30-provocation", "", 0, 1000, true},
		{"a blow in a quarrel over a stall", "2026-07-08 上午 南关菜市场 摊主尤某与相邻摊主因占道摆摊的位置争吵 尤某抄起铁勺砸向对方头部 致其颅骨骨折 经鉴定为轻伤二级",
			"2026-07-08", "police25-51-assault", "road-42-occupying-road", 500, 1000, true},
		{"a casino's cut told as its gain", "经查，2026年3月至5月，韦某在自家仓库摆放赌台，雇用两人在路口望风，召集他人以炸金花方式赌博，按每局赌注的百分之五抽水，累计非法获利八万余元。",
			"2026-05-20", "police25-82-gambling-serious", "", 1000, 5000, true},
	})
}

// TestBribeInGoodsTwentyFifth: goods given to one who decides (赠送茶叶、
// 购物卡…合计价值八千元 to a 科长) are a bribe's amount, and a total told in
// its own clause after the gift (…购物卡三张，共计六千元) is the total;
// a present to customers is none.
func TestBribeInGoodsTwentyFifth(t *testing.T) {
	for _, tt := range []struct {
		text string
		want float64
	}{
		{"当事人某商贸公司于2026年2月向某酒店采购经理赠送白酒、购物卡等合计价值人民币九千元，以求继续供货。", 9000},
		{"当事人为让超市采购员关照陈列位置，送给该采购员面值一千元的加油卡五张，合计五千元，未入账。", 5000},
		{"当事人在店庆期间向到店顾客赠送价值二十元的纸巾，共计赠送三百份。", 0},
	} {
		norm := nlp.NormalizeText(tt.text)
		if got := measures(norm, tt.text, nlp.Extract(tt.text))["bribe_amount"]; got != tt.want {
			t.Errorf("%s: bribe_amount = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestDispatchExcessTwentyFifth: the per-head fine of 劳动合同法 第九十二条
// 第二款 for dispatched workers over the ratio counts those over it (超出的
// 15人), not all the dispatched workers named before (其中被派遣劳动者35人).
func TestDispatchExcessTwentyFifth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"those over the ratio", "劳动保障监察大队核查：某电子厂用工总量200人，其中被派遣劳动者35人，超过用工总量的百分之十，超出的15人在生产线主营岗位工作；大队于2026年3月2日责令其限期改正，5月6日复查时仍未调整。",
			"2026-05-06", "labour-92-dispatch-violation", "", 75000, 150000, false},
	})
}
