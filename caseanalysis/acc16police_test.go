package caseanalysis

import "testing"

// TestPolicePhrasingFamiliesSixteenth checks the sixteenth round's police and
// labour kinds in words other than the development rows: the articles of the
// 2025 治安管理处罚法 that had no benchmark (偷开 第七十六条, 非法侵入住宅 第四十七条,
// a dog off its leash 第八十九条第三款), and the cue families of 招摇撞骗, 强买强卖,
// 阻碍执行职务, 哄抢, 逾期不送回童工 and the 情节较轻 tier of 谎报警情.
func TestPolicePhrasingFamiliesSixteenth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDatedPhrasings(t, a, []datedPhrasingRow{
		// 偷开他人机动车 is its own article, not 盗窃: the car comes back.
		{"a neighbour's car taken for a ride and returned", "2026年5月3日晚，违法行为人祁某拿了邻居挂在门口的车钥匙，私自开走邻居的小汽车去城里兜风，凌晨停回原处。", "2026-05-10", "police25-76-joyride", "police25-58-theft"},
		{"a joyride before 2026 under the 2012 text", "2025年7月1日，修理厂员工钟某未经车主同意，偷开送修的面包车外出办私事，当晚开回厂里。", "2025-07-08", "police-64-joyride", "police-49-theft"},
		// Entering a home against the occupant's will, holding or searching someone, with nothing taken.
		{"a worker locked in and searched", "2025年9月2日，某饭店老板怀疑服务员拿了收银台的钱，把服务员锁在包间里两个小时并强行搜身，没搜到任何东西。", "2025-09-10", "police-40-trespass", "police-49-theft"},
		// A dog off its leash that bites is the keeper's own offence; a dog set on someone is 殴打.
		{"a dog without a muzzle bites", "2026年4月18日，王某牵着未戴嘴套、也没系牵引绳的大型犬在广场散步，该犬将一名路过的老人咬伤。", "2026-04-25", "police25-89-animal-injury", "police25-51-assault"},
		// 招摇撞骗 told by the claim (声称是…, 说自己是…), not the word 冒充, wherever the agency named belongs.
		{"a claim to be a tax officer", "2026年3月12日，违法行为人单某在多家个体商户声称是区税务局的工作人员，以补税为名收取“罚款”共计九百元。", "2026-03-20", "police25-62-impersonation", "police25-58-theft"},
		{"an impersonated market inspector is no goods passed off", "2026年7月3日，违法行为人米某冒充市场监管所的执法人员，到菜市场摊位以检查为名拿走摊主价值三百元的干货。", "2026-07-10", "police25-62-impersonation", "prod-50-adulterate"},
		// 强买强卖 told by the compulsion and the payment (被迫购买, 不买不让离开).
		{"a tourist made to buy tea", "游客报警称，在景区茶园参观时被店员锁上店门，说不买茶叶不让离开，被迫购买茶叶花费六百元。", "2026-05-01", "police25-54-forced-trade", "police25-58-theft"},
		// 阻碍执行职务 told by what was done to the officer (将民警推倒, 扯破警服).
		{"an officer pushed down", "2026年8月5日，民警依法传唤违法嫌疑人狄某时，狄某将民警推倒在地并扯坏民警的警服，后被强制传唤。", "2026-08-12", "police25-61-obstruct-duty", "police25-51-assault"},
		// 哄抢 told by the scattered goods carried off.
		{"scattered fruit carried off", "2026年10月9日，一辆运输苹果的货车在村道侧翻，附近村民不顾司机劝阻，纷纷将散落的苹果抱走，共损失八百元。", "2026-10-10", "police25-58-theft", ""},
		// Child workers not sent home by the deadline: 第六条第二款, not the first 第六条.
		{"child workers still at work after the deadline", "复查发现，某服装厂在本局责令限期改正后，仍未将两名童工送回其父母身边，二人仍在车间剪线头。", "2026-06-01", "child-6-not-returned", "child-6-child-labour"},
		// A false call the officers call 情节较轻 is the lighter tier.
		{"a false call held minor", "2026年2月7日，违法行为人柏某酒后拨打110谎称有人打架，民警出警后查明无此事，柏某当场认错，系情节较轻。", "2026-02-10", "police25-29-false-alarm-minor", "police25-29-false-alarm"},
		// After the second batch: 哄抢 told with 阻拦 and 搬走, damage told by 掰断, children not 送交.
		{"drinks carried off past the driver", "2026年9月1日，一辆运送饮料的货车在镇上翻车，围观的群众不顾司机阻拦，把饮料一箱箱搬走，损失约九百元。民警查明带头者为郑某。", "2026-09-03", "police25-58-theft", ""},
		{"a laptop screen snapped", "2026年5月5日，违法行为人鲍某与同事争吵后，故意把同事的笔记本电脑屏幕掰断，经认定损失八百元。", "2026-05-12", "police25-59-damage", ""},
		{"children not handed to their parents", "复查时发现，该厂经责令改正后，未将两名童工送交其父母，仍安排二人在仓库打包。", "2026-07-01", "child-6-not-returned", "child-6-child-labour"},
	})
}
