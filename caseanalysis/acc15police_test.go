package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/legal"
)

// TestPolicePhrasingFamiliesFifteenth: kinds of 治安 and 劳动 wording the
// fifteenth round found missed (acc15police), each in words other than its
// dev rows.
func TestPolicePhrasingFamiliesFifteenth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDatedPhrasings(t, a, []datedPhrasingRow{
		// 抢夺 told by its verb of snatching (夺走, 拽走, 一把抢), not the word 抢夺.
		{"a phone snatched from the hand", "2026年4月2日晚，违法行为人骆某骑电动车经过人民路时，一把夺走路边行人邱某手中的手机后逃离，手机价值七百元，已追回。", "2026-04-10", "police25-58-theft", ""},
		{"a handbag pulled off and run", "报警人称：2025年10月5日在菜场门口，一名男子趁她挑菜时拽走她挎在胳膊上的布包就跑，包里有现金二百元。民警查明系无业人员滕某所为。", "2025-10-06", "police-49-theft", ""},
		{"a wallet grabbed over", "2026年9月3日晚，违法行为人姚某在夜市把摊主放在桌上的钱包抢了过去，转身就跑，被群众截住，钱包内有现金三百元。", "2026-09-05", "police25-58-theft", ""},
		// Goods taken out of a container (从……里拿走) are taken, not parked.
		{"shoes taken out of a cabinet", "2026-05-08 幸福家园 住户报警 称门口鞋柜里两双运动鞋不见 民警查明系同楼层租户宁某从鞋柜里拿走 价值六百元", "2026-05-08", "police25-58-theft", ""},
		// A sale with nothing to sell (没有货源) is a fraud, whatever goods it names.
		{"masks sold with no stock", "询问笔录摘要：谭某承认，2026年2月在微信群里称可以低价批发医用口罩，实际没有货源，收取群友定金八百元后将对方删除。", "2026-03-01", "police25-58-theft", "safety-99-ppe"},
		// 发布出售……的信息 is a sale notice, not 出售消费者个人信息.
		{"a sale notice is not personal data sold", "询问笔录摘要：被询问人蔡某称，2026年5月他在二手平台发布出售旧相机的信息，自己其实没有相机，买家付了四百五十元后他就把对方拉黑了。", "2026-06-02", "police25-58-theft", "consumer-56-dignity"},
		// 追逐拦截 told as following and blocking the way.
		{"followed and blocked on the road", "110接警：2026年6月9日21时，一名女子报警称下班路上被两名男子一路追到小区门口，还被拦住去路不让走。民警查明系无业青年甘某、乔某酒后所为。", "2026-06-10", "police25-30-provocation", ""},
		// A stranger struck in a public place for no reason is 寻衅滋事 (第三十条), not 扰乱公共场所秩序.
		{"a stranger slapped at a station", "经查，2026年3月3日18时许，违法行为人鲁某在地铁换乘大厅内无故掌掴一名素不相识的乘客，引起围观，造成大厅秩序混乱。以上事实有视频监控、证人证言证实。", "2026-03-20", "police25-30-provocation", "police25-26-disrupt-order"},
		// A shove told as 推了……一下 is a blow.
		{"one shove", "2026-07-14 小区篮球场 业主葛某因场地使用与另一业主争执 推了对方胸口一下 对方未受伤", "2026-07-14", "police25-51-assault", "police25-26-disrupt-order"},
		// 阻拦 by a driver or a shopkeeper is not 阻碍执行职务.
		{"a driver's objection is not obstruction", "村民报警：2026年8月1日，一辆拉鸡蛋的三轮车在村口翻倒，村民储某等人不顾车主阻拦抢拾鸡蛋带回家，价值约五百元，民警随后赶到处理。", "2026-08-02", "police25-58-theft", "police25-61-obstruct-duty"},
	})
	checkDatedDispositions(t, a, []datedDispositionRow{
		// The date opening what the officers found is the act's: seven months before.
		{"an old theft found on a video", "2026年11月2日，民警在调取一起纠纷的监控录像时发现2026年3月20日上午，邵某在农贸市场从一辆电动车车筐里拿走一袋大米，此前无人报警。", "2026-11-02", legal.DispositionExpired},
		// 行政处罚法第三十三条: the first violation put right the same day with no harm.
		{"overtime put right the same day", "劳动保障监察员检查发现，某某烘焙店安排3名店员连续两周每天工作十一小时，该店系首次被查，当日即调整了排班并补发加班费，店员未受到其他损害。", "2026-06-01", legal.DispositionNone},
	})
}
