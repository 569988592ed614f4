package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/legal"
)

// TestPolicePhrasingFamiliesFourteenth: kinds of 治安 wording the fourteenth
// round found missed (acc14police), each in words other than its dev rows.
func TestPolicePhrasingFamiliesFourteenth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDatedPhrasings(t, a, []datedPhrasingRow{
		// 嫖娼 told as a price agreed and 发生了关系, not 性交易.
		{"a price agreed, then 发生了关系", "询问笔录：问：把那天晚上的事说一下。答：我在网上加了她的微信，谈好六百块钱，晚上去她租的房子里发生了关系，完事刚付了钱，民警就敲门进来了。", "2025-04-02", "police-66-prostitution", "police-50-obstruct-duty"},
		// 强拿硬要 told as taking goods and daring the seller to ask for
		// money (寻衅滋事), not a tax or advertising matter of 香烟.
		{"goods taken, the seller dared to ask", "询问笔录：摊主称，2025年8月12日傍晚，闲散人员阎某在其水果摊抱起两个西瓜、拿了一条香烟就走，摊主追上去要钱，阎某说“谁敢跟我要钱”，至今没给钱。", "2025-08-20", "police-26-provocation", "tax-60-books"},
		// A seizure told as done and the officers held back right after it
		// (no 时): the matter seized is why they were there, the holding is
		// the act (第六十一条), not 占道经营.
		{"a seizure, then officers held back", "2026-07-03 城管队员在夜市依法扣押占道摆放的烧烤炉 摊主揪住执法队员不让搬 并打落执法记录仪", "2026-07-03", "police25-61-obstruct-duty", "road-42-occupying-road"},
		// An age the answer of a 询问笔录 gives to a question about the
		// other side is the victim's (第五十一条第二款第（二）项).
		{"the age answered of the other side", "询问笔录：问：你为什么打她？答：她在广场上跳舞的音响太吵，我过去把音响关了，她跟我吵，我就扇了她两个耳光。问：对方多大年纪？答：听说七十五岁了。", "2026-05-10", "police25-51-assault-aggravated", "police25-51-assault"},
	})
	checkDatedDispositions(t, a, []datedDispositionRow{
		// The day the caller says it happened is the act's: reported
		// seven months later, past the six months (第二十五条).
		{"a blow reported seven months on", "2026-06-03 南站派出所 接郝某报警 称2025年11月1日在菜市场被摊贩易某打了一拳 致嘴角出血 当时未报警", "2026-06-03", legal.DispositionExpired},
	})
}
