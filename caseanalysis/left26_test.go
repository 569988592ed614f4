package caseanalysis

import (
	"strings"
	"testing"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/rules"
)

// TestPartyLiabilityTwentySixth: the 全部或者主要责任 of 交通肇事罪 is the
// party's. A driver with the lesser liability beside a rider's (or another
// driver's) main one is no likely transfer; a party who is the rider, or
// named as the holder of the main liability, still is (left26a).
func TestPartyLiabilityTwentySixth(t *testing.T) {
	traffic := []string{"traffic-99-unlicensed-driving"}
	checkTransferRows(t, []transferRow{
		{"a van driver's lesser share beside a cyclist's main one",
			"周某某驾驶面包车在建设路由东向西行驶，与逆行的自行车相撞，自行车骑行人经医院抢救无效身亡。交警大队出具的事故认定书认定：自行车骑行人承担事故主要责任，周某某承担事故次要责任。周某某无有效驾驶证。",
			traffic, rules.RiskNone, "交通肇事罪"},
		{"the party named, equal share, another driver's main one",
			"孙某驾驶重型货车与钱某驾驶的小轿车相撞，造成小轿车乘客一人死亡。经认定，钱某负此次事故主要责任，孙某负次要责任。",
			traffic, rules.RiskNone, "交通肇事罪"},
		{"roles only, the party's car the lesser",
			"当事人郑某驾驶小型越野车途经胜利路口，与一辆闯红灯的电动自行车发生碰撞，致骑车人当场死亡。事故认定书认定越野车驾驶人负次要责任，电动自行车驾驶人负主要责任。",
			traffic, rules.RiskNone, "交通肇事罪"},
		{"each share told after its holder's own act",
			"何某驾驶小型普通客车在新华路掉头时，与沿非机动车道驶来的电动自行车发生碰撞，电动自行车驾驶人施某经送医抢救无效死亡。经认定：施某驾驶电动自行车逆向行驶且未戴头盔，负事故主要责任；何某掉头时未注意观察，负事故次要责任。",
			traffic, rules.RiskNone, "交通肇事罪"},
		{"the party's act, then its main share",
			"何某驾驶小型普通客车在新华路超速行驶，撞倒正在过人行横道的施某，施某经送医抢救无效死亡。经认定：何某超速且未礼让行人，负事故主要责任；施某负次要责任。",
			traffic, rules.RiskLikely, "交通肇事罪"},
		{"the rider is the party and bears the main share",
			"冯某驾驶电动自行车逆向行驶，与正常行驶的出租车相撞，出租车内乘客受伤，冯某驾车撞倒的路人韩某经抢救无效死亡。交警认定电动自行车驾驶人负主要责任，出租车驾驶人负次要责任。冯某未取得驾驶证。",
			traffic, rules.RiskLikely, "交通肇事罪"},
		{"the car driver is the party and bears the main share",
			"陶某驾驶小型客车超速行驶，将骑电动车的邹某撞倒，邹某经抢救无效死亡。事故认定陶某负主要责任，邹某负次要责任。",
			traffic, rules.RiskLikely, "交通肇事罪"},
	})
}

// TestInstalmentsTwentySixth: a demand paid 分N次 in a 分别 list is one
// extortion, as one paid 分N笔 is (left26a).
func TestInstalmentsTwentySixth(t *testing.T) {
	theft := []string{"police25-58-theft"}
	checkTransferRows(t, []transferRow{
		{"one demand paid in three goes",
			"钱某以曝光聊天记录相威胁向孔某索要钱款，孔某先后分四次分别转账200元、300元、250元、350元。", theft, rules.RiskNone, "敲诈勒索罪"},
		{"three demands listed by amount",
			"钱某以曝光聊天记录相威胁，分别向孔某、曹某、严某索要并得款200元、300元、250元。", theft, rules.RiskLikely, "敲诈勒索罪"},
	})
}

// TestPastDrinkDrivingTwentySixth: a drunk drive told as an earlier
// penalty's cause behind a past marker (曾, 此前), or as a record (前科), is
// no drunk drive now; a drive told today stays one (left26a).
func TestPastDrinkDrivingTwentySixth(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		blanked    bool
	}{
		{"an earlier fine for a drunk drive", "蒋某此前于2023年因醉驾被处以罚款二千元。今晨其饮酒后驾驶货车被拦查。", true},
		{"曾 and the year before the drive", "蒋某曾于2022年醉酒驾驶摩托车被行政拘留十日。", true},
		{"a record", "经查询，蒋某有醉驾前科。", true},
		{"today's drive, today's decision", "蒋某因醉酒驾驶被交警当场查获，血液酒精含量为120mg/100ml。", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := withoutPastDrinkDriving(tt.text)
			if blanked := !strings.Contains(got, "醉"); blanked != tt.blanked {
				t.Errorf("withoutPastDrinkDriving(%q) = %q, blanked %v, want %v", tt.text, got, blanked, tt.blanked)
			}
		})
	}
}

// TestMineralResourcesTwentySixth: mining without a mining right is
// 矿产资源法 第六十四条 from 2025-07-01 (the value of the minerals mined
// times three to five; under 十万元, 十万元 to 一百万元) and 第三十九条 with
// 实施细则 第四十二条 before; beyond the registered area, 第六十四条第二款
// (left26a).
func TestMineralResourcesTwentySixth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts, decided, want string
		min, max                   float64
	}{
		{"quarry stone after the revision, value stated",
			"2025年11月3日，执法人员巡查发现，某建材经营部未依法取得采矿权，组织挖掘机在某镇后山开采建筑石料，经评估违法采出的矿产品市场价值为人民币25万元。",
			"2026-01-20", "mineral25-64-unlicensed-mining", 750000, 1250000},
		{"river sand after the revision, under 十万元",
			"2025年8月，刘某某在未取得采矿权的情况下，使用抽砂船在某河段盗采河砂，违法采出的矿产品市场价值4.2万元。",
			"2025-10-15", "mineral25-64-unlicensed-mining", 100000, 1000000},
		{"before the revision",
			"2024年6月，某石场未取得采矿许可证擅自开采花岗岩石材，违法所得6万元。",
			"2024-09-01", "mineral-39-unlicensed-mining", 0, 30000},
		{"beyond the registered area",
			"2025年12月，某矿业公司超出采矿权登记的开采区域开采石灰石，经认定越界采出的矿产品市场价值为18万元。",
			"2026-02-10", "mineral25-64-beyond-area", 540000, 900000},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.decided)
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != tt.want {
				t.Fatalf("violations %v, want %s first", violationIDs(res), tt.want)
			}
			s := res.Violations[0].Suggestion
			if s == nil || s.Statutory == nil || s.Statutory.FineMin != tt.min || s.Statutory.FineMax != tt.max {
				t.Errorf("statutory %+v, want %v–%v", s, tt.min, tt.max)
			}
		})
	}
}

// TestContinuingDischargeTwentySixth: a discharge laid before the
// 生态环境法典 and found going on after it (正在排放, 仍在偷排, 正通过…排入,
// 仍未停止) lasts until it was found: the 法典 governs it; one stopped
// before stays under the law it broke (left26a).
func TestContinuingDischargeTwentySixth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts string
		want        legal.Ref
	}{
		{"found discharging", "2026年6月，某印染厂在车间后墙私自埋设暗管排放印染废水。2026年8月28日执法人员检查时，该暗管正在排放。",
			legal.Ref{Law: "生态环境法典", Article: 1108}},
		{"found still sneaking it out", "某酿造厂2026年4月起通过暗管偷排高浓度废水，同年9月3日执法人员夜查发现暗管仍在偷排。",
			legal.Ref{Law: "生态环境法典", Article: 1108}},
		{"going through the pipe when found", "2026年7月，某石材加工场私设暗管排放泥浆废水，9月1日执法人员到场时，泥浆废水正通过暗管排入水渠。",
			legal.Ref{Law: "生态环境法典", Article: 1108}},
		{"stopped before", "2026年6月，某印染厂在车间后墙私自埋设暗管排放印染废水，7月初自行封堵。2026年8月28日执法人员接举报后查实。",
			legal.Ref{Law: "水污染防治法", Article: 83}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2026-10-20")
			if len(res.Violations) == 0 || res.Violations[0].Suggestion == nil {
				t.Fatalf("violations %v", violationIDs(res))
			}
			var got []string
			for _, b := range res.Violations[0].Suggestion.Basis {
				if b.Role == rules.RolePenalty {
					if b.Ref.Law == tt.want.Law && b.Ref.Article == tt.want.Article {
						return
					}
					got = append(got, rules.RefLabel(b.Ref))
				}
			}
			t.Errorf("%s: penalty %v, want %s %d", res.Violations[0].BenchmarkID, got, tt.want.Law, tt.want.Article)
		})
	}
}

// TestCheckpointNameTwentySixth: 超限 in a checkpoint's name (…超限检测站)
// does not tell that the vehicle was over the road's limit: a lorry
// weighed there against its rated load is 超载 (道路交通安全法 第九十二条);
// one over the road's limit is still 超限 (left26a).
func TestCheckpointNameTwentySixth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts, want string
	}{
		{"rated load, weighed at the checkpoint",
			"2026年5月6日，驾驶人赵某某驾驶核定载质量18吨的重型自卸货车途经东郊超限检测站，经检测实际载货27.5吨。",
			"traffic-92-truck-overload-30pct"},
		{"the road's limit, weighed at the checkpoint",
			"2026年5月6日，驾驶人赵某某驾驶五轴货车途经东郊超限检测站，经称重车货总质量58吨，超过公路限定标准。",
			"highway-64-overlimit"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2026-06-01")
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != tt.want {
				t.Errorf("violations %v, want %s first", violationIDs(res), tt.want)
			}
		})
	}
}
