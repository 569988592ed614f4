package caseanalysis

import "testing"

// TestPoliceTiersTwentyThird: the 治安管理处罚法 tier the facts decide though
// their words do not name it (police23). Each case is worded apart from the
// development rows behind the kind:
//   - the cut of an organised game (抽头渔利、台费) of 五千元 or more, with the
//     gamblers not counted, is 情节严重 (2012年法 第七十条后段), and so is
//     gambling again by one already punished for it (2025年法 第八十二条后段);
//     a small cut stays the basic tier;
//   - property of several owners damaged at once (四辆轿车) is 情节较重 of the
//     2025年法 第五十九条; several parts of one owner's car are not;
//   - 多次 of the messages that made one demand (多次打电话索要) is no 多次
//     of the extortion: the basic tier of 2012年法 第四十九条;
//   - hands laid on the wheel of a bus in motion (抢方向盘) are 情节较重 of
//     扰乱公共交通工具秩序 (2012年法 第二十三条).
func TestPoliceTiersTwentyThird(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"cut of six thousand, gamblers uncounted", "经查，2025年3月至5月，违法行为人韦某在其承包的果园看护房内摆设赌桌，供他人以“炸金花”方式赌博，每局从赢家处抽取一成，累计抽头渔利六千元。",
			"2025-05-20", "police-70-gambling-serious", "", 500, 3000, false},
		{"gambling again after a penalty", "2026年4月18日晚，民警在城南一出租屋内查获贝某等人以打麻将方式赌博，每局输赢二百元，贝某身上赌资四千元。经查，贝某去年曾因赌博被公安机关罚款。",
			"2026-04-18", "police25-82-gambling-serious", "", 1000, 5000, false},
		{"small cut stays basic", "经查，2026年3月，违法行为人鲍某在自家棋牌室为他人打麻将赌博提供场所，按每桌一百五十元收取台费，共收取台费九百元。",
			"2026-03-28", "police25-82-gambling", "", 0, 1000, false},
		{"four owners' cars", "经查，2026年5月9日凌晨，违法行为人诸葛某因与物业发生纠纷，用砖块砸碎停车场内四辆轿车的车窗玻璃，经价格认定损失合计二千二百元。",
			"2026-05-09", "police25-59-damage-serious", "", 0, 3000, false},
		{"one owner's car, several parts", "经查，2026年5月9日凌晨，违法行为人诸葛某因车位纠纷，用砖块砸碎邻居轿车的前挡风玻璃和两侧车窗，经价格认定损失二千二百元。",
			"2026-05-09", "police25-59-damage", "", 0, 1000, false},
		{"many calls, one demand", "经查，2025年8月，违法行为人郝某以公开前同事的私密照片相要挟，多次打电话向其索要六百元，前同事被迫通过微信转账六百元。",
			"2025-08-20", "police-49-theft", "", 0, 500, false},
		{"wheel of a moving bus", "2025年6月3日8时许，乘客俞某因司机未在其要求的路口停车，在公交车行驶途中强行抢夺方向盘，致车辆在路中急停，车上乘客受到惊吓，公交线路运行中断二十分钟。",
			"2025-06-03", "police-23-disrupt-order-serious", "", 0, 500, false},
	})
}
