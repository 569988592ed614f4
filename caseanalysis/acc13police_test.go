package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/legal"
)

// TestPolicePhrasingFamiliesThirteenth: the 治安 and 劳动 kinds of the
// thirteenth round told in other words than its dev rows (issue 12,
// acc13police).
func TestPolicePhrasingFamiliesThirteenth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDatedPhrasings(t, a, []datedPhrasingRow{
		// A child sent by a relative or brought by a parent is still used by
		// the shop that takes the work (禁止使用童工规定 第六条, not 第七条).
		{"a child sent by a cousin", "村民反映：我侄子今年才十四岁，托人介绍到镇上的兴旺饭馆帮厨，天天择菜刷碗。监察员查明，该饭馆自2026年7月1日起使用该男孩，至8月31日止。", "2026-09-10", "child-6-child-labour", "child-7-introducing"},
		// The party as the introducer, in the 把/将 construction, stays 第七条.
		{"a girl placed by the party for a favour fee", "经查，当事人邓某于2026年7月收取好处费二百元，将一名十四周岁的女孩介绍到镇上一家奶茶店打工。", "2026-09-01", "child-7-introducing", "child-6-child-labour"},
		// A victim's age stated, not dated by birth, is the element's
		// (不满十四周岁的人).
		{"a boy of twelve slapped", "2026年8月1日，甘某嫌邻居家12岁的男孩在楼道拍球太响，扇了男孩两记耳光，男孩脸颊红肿。", "2026-09-01", "police25-51-assault-aggravated", "police25-51-assault"},
		{"a girl brought along by her mother", "2026年6月18日检查发现，宏发鞋厂流水线上有一名女孩在刷胶，经查该女孩2012年5月出生，由其母亲带来厂里干活，厂方按件计酬。", "2026-06-20", "child-6-child-labour", "child-7-introducing"},
	})
	checkDatedDispositions(t, a, []datedDispositionRow{
		// A witness's or a victim's age is not the party's: no
		// 已满十四周岁不满十八周岁 lightening (治安管理处罚法 第十二条).
		{"a witness of sixteen", "经查，2026年5月9日，目击证人邹某（17岁，奶茶店店员）证实，顾客甘某将柜台上的一部手机揣进口袋后离开，手机价值一千一百元，已追回。", "2026-08-01", legal.DispositionPenalty},
		{"a victim of fifteen who reported the theft", "2026年7月2日 失主滕某（15岁）报称其放在网吧桌上的手机被人拿走 经查系成年男子蔺某所为 手机价值九百元 已追回", "2026-08-01", legal.DispositionPenalty},
		// The age in the bracket after the party's name is the party's,
		// whatever else the bracket says (学生).
		{"a party of sixteen who is a pupil", "经查，违法嫌疑人聂某（16周岁，高一学生）于2026年6月3日在超市偷拿两盒巧克力，价值八十元，被店员发现后退还。", "2026-07-01", legal.DispositionLighterOrMitigated},
		// 直至 and the day someone told the police: the act came to light
		// then (治安管理处罚法 第二十五条, six months).
		{"a shove found out seven months later", "2026年2月5日，甘某在棋牌室因输钱与牌友争执，推了牌友一把，又打了他一拳。直至2026年9月20日该牌友来派出所报称此事，公安机关此前并不知情。", "2026-10-01", legal.DispositionExpired},
	})
}
