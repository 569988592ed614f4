package caseanalysis

import "testing"

// TestPolicePhrasingFamiliesEleventh: the families the tenth round's fresh
// 治安 rows (acc11police) missed on first sight, in other words than those
// rows: a person thrown down or stamped on, a battery taken off a scooter, a
// card game played for money without the word 赌, tyres punctured, a phone
// hidden in a changing room, a stream of abusive messages and waiting outside
// someone's work, an officer held back from taking a suspect away, and a
// vehicle kicked over (not a blow to a person).
func TestPolicePhrasingFamiliesEleventh(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []datedPhrasingRow{
		{"thrown to the floor in a shop", "2026年3月8日，顾客方某在手机店与店员争吵，把店员掼倒在地，店员手肘擦伤，店长报警。", "2026-04-01", "police25-51-assault", ""},
		{"stamped on while down", "报警人称：2026年5月2日晚在小区门口被邻居推倒后，邻居又往他身上踩，民警到场后查明属实。", "2026-06-01", "police25-51-assault", ""},
		{"a battery unscrewed from a tricycle", "2026年4月3日凌晨，孙某在菜市场门口将一辆三轮车的电瓶卸下后骑车离开，电瓶价值五百元，车主报警。", "2026-05-01", "police25-58-theft", "police25-59-damage"},
		{"mahjong for money, no 赌 in the words", "2026年7月4日晚，民警在某某出租屋查获钱某等四人打麻将，每局输赢一百元，现场收缴现金二千一百元。", "2026-08-01", "police25-82-gambling", ""},
		{"a landlord's tyres punctured", "2026年6月9日，租客刘某因押金纠纷怀恨，夜里用钉子戳破房东汽车两个轮胎，损失八百元。", "2026-07-01", "police25-59-damage", ""},
		{"a phone recording in a gym changing room", "2026年8月6日，会员在健身房更衣室储物柜顶上发现一部手机，摄像头对着换衣区域，系教练吴某所放。", "2026-09-01", "police25-50-privacy", ""},
		{"a debtor's wife pestered with messages", "报警人称：2026年1月起，催债人每天给她发侮辱短信，还到她单位门口堵她，她已无法正常上班。民警查明系陈某所为，短信共三百余条。", "2026-03-01", "police25-50-harassment", ""},
		{"an officer held back at a police car", "2026年4月9日，民警将醉酒闹事的吴某带上警车时，吴某的朋友拉住民警不让关车门，致处警工作中断。", "2026-05-01", "police25-61-obstruct-duty", "police25-51-assault"},
		{"a shared bicycle kicked over for nothing", "2026年5月9日晚，男子马某在步行街无故将路边一排共享单车踢倒，又把一名路人的自行车踢翻，路人与其素不相识。", "2026-06-01", "police25-30-provocation", "police25-51-assault"},
		// The second batch's families.
		{"dice for money in a shop's back room", "2026年8月9日，民警在某某小卖部后屋查获五人摇色子买大小，每注二十元，收缴现金一千五百元。", "2026-09-01", "police25-82-gambling", ""},
		{"a car door scored with a key", "报警人称：2026年6月7日夜里，邻居用钥匙把她停在楼下的新车车门划了三道长痕，修复要七百元。", "2026-07-01", "police25-59-damage", "traffic-90-moving-violation"},
		{"followed home after work", "报警人称，离职的男同事连续一周在公司门口等她下班，一路跟着她到小区门口，她不敢一个人回家。", "2026-05-01", "police25-50-harassment", ""},
		{"an officer's hand pushed away at a check", "2026年4月2日，民警在某某车站核查身份证件时，男子姚某多次把民警的手打开，拒绝出示证件，致核查无法进行。", "2026-05-01", "police25-61-obstruct-duty", "police25-26-disrupt-order"},
		{"someone else's parcel picked up and gone", "2026年3月6日，李某在某某小区快递柜旁把邻居的包裹拿起就走，包裹内为价值一百八十元的衣服。", "2026-04-01", "police25-58-theft", ""},
	}
	checkDatedPhrasings(t, a, tests)
}
