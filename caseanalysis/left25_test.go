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
