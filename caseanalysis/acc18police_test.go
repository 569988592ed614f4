package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/legal"
)

// TestPolicePhrasingFamiliesEighteenth holds the 治安 kinds the eighteenth
// round's police slice fixed (issue 12, acc18police), in words other than its
// development rows': the age of the one struck written in the bracket after
// the name (与邻居柳某（男，六十六岁）, by the version's 六十/七十周岁); blocking
// travellers or hogging a seat (霸座) as 扰乱公共场所、公共交通工具秩序, not
// obstructing officials; eating and drinking without paying under threat as
// 强拿硬要; a woman worker followed home as 追逐拦截, not 女职工保护 (no
// employer arranging her work); money taken on a lie and kept (假称…收取…拒不
// 退还) as 诈骗, not a consumer's remedy refused nor a commercial bribe; a
// 医闹 with funeral rites or a stoppage of hours as the 情节较重 tier, the
// serious tier sharing the basic tier's words; money paid and the payee gone
// (转账后…拉黑) as 诈骗; an office's work stopped (工作中断两个多小时) no overtime.
func TestPolicePhrasingFamiliesEighteenth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDatedPhrasings(t, a, []datedPhrasingRow{
		{"the neighbour's age in the bracket (2012, over sixty)", "经查，2025年5月6日，违法行为人丁某因晾晒衣物问题与邻居柳某（男，六十六岁）发生口角，丁某将柳某推倒并踢其腰部一脚，致柳某腰部软组织挫伤。", "2025-05-20", "police-43-assault-aggravated", ""},
		{"the neighbour's age in the bracket (2025, under seventy)", "经查，2026年5月6日，违法行为人丁某因晾晒衣物问题与邻居柳某（男，六十六岁）发生口角，丁某将柳某推倒并踢其腰部一脚，致柳某腰部软组织挫伤。", "2026-05-20", "police25-51-assault", ""},
		{"the customer's birth date in the bracket (2025, over seventy)", "2026年4月9日 药店店员包某因排队问题与顾客葛某某（女，1951年2月出生）争吵 将其推倒在地 致其手腕挫伤", "2026-04-12", "police25-51-assault-aggravated", ""},
		{"lying across the ticket gate", "2026年3月14日晚，男子尤某醉酒后横躺在地铁站进站闸机通道内，阻拦乘客刷卡进站，工作人员多次劝离无效。", "2026-03-14", "police25-26-disrupt-order", "police25-61-obstruct-duty"},
		{"hogging a seat on a coach (2012)", "2025年7月2日，长途客车乘客邹某霸占他人已购座位，拒不让座，与乘务员争吵约二十分钟，致客车延迟发车。", "2025-07-03", "police-23-disrupt-order", ""},
		{"eating without paying under threat", "2026年5月，滑某先后三次到村口饭馆白吃白喝，老板上前要钱时，滑某拍着桌子说“谁敢找我要钱”。", "2026-05-30", "police25-30-provocation", ""},
		{"a woman worker followed home", "纺织厂女工夏某报警称：6月2日凌晨下班途中，一名男子骑摩托车一路尾随，多次拦住她的去路。民警查明该男子为凤某。", "2026-06-03", "police25-30-provocation", "labour-23-female-workers"},
		{"money taken on a lie and kept", "经查，2026年2月，违法行为人平某假称能帮邻居魏某的孩子走关系进入重点小学，收取魏某“活动费”一千元，事后拒不退还。", "2026-03-02", "police25-58-theft", "consumer-56-refuse-remedy"},
		{"a 医闹 with funeral rites (2025)", "2026年4月2日，死者家属余某等人在镇卫生院门诊大厅摆放花圈、焚烧纸钱，卫生院被迫暂停接诊。", "2026-04-05", "police25-26-disrupt-order-serious", ""},
		{"money paid, then the payee gone", "2026年3月，龙某在网上自称能代办驾照，让报名者汪某先转账八百元，汪某转账后即被龙某拉黑。", "2026-04-01", "police25-58-theft", ""},
		{"an office's work stopped is no overtime", "2025年11月3日，上访人员龚某在乡政府便民服务大厅吵闹、躺在地上，致便民服务工作中断两个多小时。", "2025-11-05", "police-23-disrupt-order-serious", "labour-25-overtime"},
		{"a stoppage of three hours (2012)", "2025年9月1日，包某因拆迁补偿问题到街道办事处大吵大闹，致该处办公中断三个小时。", "2025-09-03", "police-23-disrupt-order-serious", ""},
	})
	checkDatedDispositions(t, a, []datedDispositionRow{
		{"a mediated agreement carried out on the spot", "经查，2026年6月3日，邻居尹某与柏某因楼道堆物争吵，尹某打了柏某一拳。经派出所调解，双方达成调解协议并当场履行。", "2026-06-10", legal.DispositionNone},
	})
}
