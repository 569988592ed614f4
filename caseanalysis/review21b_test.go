package caseanalysis

import "testing"

// TestBlindReviewTwentyFirst: the review of blind21b's cues.
//   - sealed goods sold after the seal was torn (撕开封条……出售, 销售被查封的)
//     remain 产品质量法 第六十三条 once the bare 出售 no longer counts;
func TestSecondBlindReviewTwentyFirst(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"seal torn, goods sold", "经查，当事人销售的一批儿童玩具涉嫌假冒，被我局依法查封，当事人撕开封条，将其中30箱出售给他人。",
			"2025-09-10", "prod-63-seized-goods", "", 0, 0, false},
		{"sealed goods sold with 销售", "经查，我局于6月2日对当事人仓库内的劣质电线予以查封，6月10日复查时发现当事人已将查封的电线销售了40卷。",
			"2025-06-10", "prod-63-seized-goods", "", 0, 0, false},
	})
}
