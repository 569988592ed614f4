package nlp

import "testing"

// TestTakingsOpenNineteenth: the run's takings are open only where the words
// of their clause say so (收入尚未查清, 跑了多少趟记不清); 不清 about
// anything else (号牌模糊不清) leaves the takings as stated.
func TestTakingsOpenNineteenth(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"income not yet clear", "此前营运的次数和收入尚未查清。", true},
		{"trips not remembered", "司机称跑了多少趟记不清了。", true},
		{"fares refused", "此前收了多少运费拒不交代。", true},
		{"a blurred plate", "该车号牌模糊不清，车上载客4人，每人收取车费30元。", false},
		{"where he went unknown", "驾驶员去向不详，车上载客3人，每人25元。", false},
		{"nothing open", "车上载客4人，每人收取车费30元。", false},
		// Nineteenth round review: the takings after the open words.
		{"refuses to state the earlier takings", "车上载客4人，每人收取车费30元，王某拒绝说明此前的营运收入。", true},
		{"takings could not be found", "经询问，无法查清其营运收入。", true},
		{"trips not remembered, after", "司机记不清跑了多少趟。", true},
		{"a blurred plate, passengers after", "号牌模糊不清，车上载客4人。", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := takingsOpen(NormalizeText(tt.text)); got != tt.want {
				t.Errorf("takingsOpen = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestBlurredPlateKeepsFaresNineteenth: a 不清 that is not about the takings
// no longer drops a fare per passenger from the totals.
func TestBlurredPlateKeepsFaresNineteenth(t *testing.T) {
	x := Extract("经查，该车号牌模糊不清，车上载客4人，每人收取车费30元。")
	found := false
	for _, tt := range x.Totals {
		if (tt.Role == RoleFares || tt.Role == RoleIllegalGains) && tt.Value == 120 {
			found = true
		}
	}
	if !found {
		t.Errorf("no fares or gains read: %+v", x.Totals)
	}
}
