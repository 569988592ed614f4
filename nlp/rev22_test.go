package nlp

import "testing"

// TestCorrectionNotDefiedTwentySecond: a correction cue whose parts stand
// apart (经告知…离开, 当场…更换) tells no correction when a refusal or a
// carrying on stands between them (不予理睬, 拒不, 继续): the leaving is the
// party's going on. With nothing between, it still does.
func TestCorrectionNotDefiedTwentySecond(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"ignored the warning and left", "民警经告知其行为违法后，该男子不予理睬，骑车离开，次日又在原处垂钓。", false},
		{"went on and left", "经劝阻后，其继续垂钓至傍晚才离开。", false},
		{"refused and drove off", "执法人员告知后，当事人强行驾车离开现场。", false},
		{"gave up once told", "经告知后当即收起鱼竿离开。", true},
		{"gave up once dissuaded", "经劝阻后收起渔具离开。", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := false
			for _, c := range Extract(tc.text).Circumstances {
				if c.Name == CircCorrectedInTime && !c.Negated {
					got = true
				}
			}
			if got != tc.want {
				t.Errorf("Extract(%q) corrected in time = %v; want %v", tc.text, got, tc.want)
			}
		})
	}
}

// TestCleftHarmerAgeTwentySecond: a cleft naming who harmed someone, the
// one harmed between the verb and 的是 (殴打邻居的是该户16岁的儿子), gives the
// party's own age; a harm verb right before 的是 (被殴打的是, 推倒的是) names
// the one harmed, whose age is a third party's.
func TestCleftHarmerAgeTwentySecond(t *testing.T) {
	tests := []struct {
		name, text string
		party      float64 // 0: no party age
		other      float64 // 0: no third party's age; -1: not asked
	}{
		{"hitter with the one hit", "经查，殴打邻居的是该户16岁的儿子小卢。", 16, 0},
		{"abuser with the one abused", "经查，辱骂他人的是其17岁的儿子。", 17, 0},
		{"the one hit", "经查，被殴打的是该户15岁的儿子小卢。", 0, 15},
		{"the one pushed down", "经查，推倒的是其15岁的侄子。", 0, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(tc.text)
			party := 0.0
			if x.Age != nil {
				party = *x.Age
			}
			other := 0.0
			if len(x.StatedOtherAges) > 0 {
				other = x.StatedOtherAges[0]
			}
			if tc.other < 0 {
				other = -1
			}
			if party != tc.party || other != tc.other {
				t.Errorf("Extract(%q): party age %v, other %v; want %v, %v", tc.text, party, other, tc.party, tc.other)
			}
		})
	}
}

// TestManualMonitoringOverLimitTwentySecond: the discharge checked by hand
// while the monitor was down is no harm only when the check found it
// within the limits: 超标 between 手工监测 and a later 达标 (整改后复测达标)
// says it went out over them; 未超标 says it did not.
func TestManualMonitoringOverLimitTwentySecond(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"over the limit, within after treatment", "在线监测设备联网中断期间，手工监测显示化学需氧量超标2倍，整改后复测达标。", false},
		{"over the limit, treated", "联网中断期间，当事人手工监测结果超标，经处理后达标排放。", false},
		{"within the limits", "在线监测设备联网中断期间，手工监测出水达标。", true},
		{"not over the limit", "联网中断期间，人工监测结果均未超标。", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := false
			for _, c := range Extract(tc.text).Circumstances {
				if c.Name == CircNoHarm && !c.Negated {
					got = true
				}
			}
			if got != tc.want {
				t.Errorf("Extract(%q) no harm = %v; want %v", tc.text, got, tc.want)
			}
		})
	}
}
