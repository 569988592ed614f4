package caseanalysis

import (
	"strings"
	"testing"

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
