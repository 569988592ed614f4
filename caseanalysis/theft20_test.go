package caseanalysis

import "testing"

// TestPassiveTheftTwentieth reads theft told from the victim's side (车被盗,
// 经查系某某所盗) as 盗窃 under the text in force on the act's day, where no
// active verb (偷, 盗走, 窃) is written.
func TestPassiveTheftTwentieth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDatedPhrasings(t, a, []datedPhrasingRow{
		{"a bicycle stolen, the thief found", "2026年4月2日报案人称其停在小区门口的电动自行车被盗，民警调取监控，经查系违法行为人谷某所盗，车辆价值九百元。", "2026-04-20", "police25-58-theft", ""},
		{"a phone stolen under the 2012 text", "2025年6月10日，事主在网吧上网时放在桌上的手机被盗，经查系同一网吧的洪某所盗，手机价值一千元。", "2025-06-20", "police-49-theft", ""},
	})
}
