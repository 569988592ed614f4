package caseanalysis

import "testing"

// TestDamageVehicleCountTwentyFourth: a count of vehicles makes 情节较重
// of 故意损毁 (several owners' property) only where a damage verb goes with
// it; cars parked by and left undamaged are no owners harmed.
func TestDamageVehicleCountTwentyFourth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"two cars parked by, undamaged", "经查，2026年5月9日凌晨，违法行为人诸葛某因车位纠纷，用砖块砸碎邻居轿车的前挡风玻璃，经价格认定损失二千二百元。案发时该车旁另停放两辆电动车，均完好。",
			"2026-05-09", "police25-59-damage", "", 0, 1000, false},
		{"two scooters' seats cut", "经查，2026年5月9日凌晨，违法行为人诸葛某因车位纠纷，持美工刀将楼道口两辆电动车的坐垫割破，经价格认定损失六百元。",
			"2026-05-09", "police25-59-damage-serious", "", 0, 3000, false},
	})
}

// TestTierPlaceTwentyFourth: the place a basic tier passes to its
// aggravated tier is the score it would have had without the exclusion,
// the require bonus only where the facts show all its elements (rev23: the
// bonus was read before the missing elements were known, so every passed
// place had it); and a basic tier that requires nothing shares no conduct
// with any aggravated tier (another conduct of the article would pass the
// same test).
func TestTierPlaceTwentyFourth(t *testing.T) {
	scores := []struct {
		name              string
		missing, requires int
		want              float64
	}{
		{"one element missing", 1, 2, 0.5 * missingFactor},
		{"all elements shown", 0, 2, 0.5 + requireBonus*0.5},
		{"no elements", 0, 0, 0.5},
	}
	for _, tc := range scores {
		if got := elementScore(0.5, tc.missing, tc.requires); got != tc.want {
			t.Errorf("%s: score %v, want %v", tc.name, got, tc.want)
		}
	}
	a, b := element{label: "赌博"}, element{label: "情节严重"}
	same := []struct {
		name        string
		basic, tier []element
		want        bool
	}{
		{"tier adds its circumstance", []element{a}, []element{a, b}, true},
		{"tier lacks the conduct", []element{a, b}, []element{b}, false},
		{"basic requires nothing", nil, []element{b}, false},
	}
	for _, tc := range same {
		if got := sameElements(tc.basic, tc.tier); got != tc.want {
			t.Errorf("%s: same %v, want %v", tc.name, got, tc.want)
		}
	}
}
