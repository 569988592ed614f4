package caseanalysis

import "testing"

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
