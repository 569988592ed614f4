package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestPolicePhrasingFamiliesTenth: the families the ninth round's fresh 治安 and
// 劳动保障 rows (acc10police) missed on first sight, in other words than those
// rows: a rumour told by how it was made or what it caused, a bomb announced
// without 扬言, a fight arranged between two groups, threats by token, a false
// accusation, a hidden camera and intimate images spread, blows told by where
// they landed, one beating of several people, property cut off or carried off
// in a crowd, damage told by its result, an official's paper torn or a sample
// seized, a self-styled 纪委 officer, wage deductions named as fines, fabricated
// payroll records, a certificate kept after a worker left, and a child taken
// to work for a fee.
func TestPolicePhrasingFamiliesTenth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []datedPhrasingRow{
		{"a flood rumour cut from old footage", "2026年3月5日，郑某将外省的旧视频剪辑后配上“某某镇今晚泄洪”的字幕发到抖音，引起沿河居民恐慌，当地并无泄洪安排。", "2026-04-01", "police25-29-false-alarm", ""},
		{"a bomb announced in a group chat", "2026年6月3日，刘某在同学群里发消息称明天要在学校食堂放炸弹，学校报警，民警查明系其玩笑。", "2026-07-01", "police25-29-false-alarm", "police25-51-assault"},
		{"two groups arranging a fight", "2026年5月2日晚，两伙青年因琐事约架，双方十余人在江边空地持棍棒互相殴打，警方接报后将双方传唤。", "2026-06-01", "police25-30-provocation", "police25-51-assault"},
		{"a threat by wreath and red paint", "2026年7月3日，孙某因债务纠纷在债务人家门口摆放花圈，并在门上写“再不还钱要你命”，债务人一家不敢出门。", "2026-08-01", "police25-50-harassment", "police25-59-damage"},
		{"a theft made up to have a colleague punished", "2026年3月9日，吴某为报复同事，捏造同事在仓库偷拿货物的事实向派出所举报，意图使其受到处罚，经查纯属虚构。", "2026-04-01", "police25-50-harassment", "police25-58-theft"},
		{"a camera hidden in a smoke detector", "2026年8月2日，客人在酒店房间烟雾报警器内发现隐藏摄像头，民警查明系保洁员朱某私自安装，用于偷录客人画面。", "2026-09-01", "police25-50-privacy", "police25-58-theft"},
		{"nude pictures sent to classmates", "2026年9月3日，李某将前女友的裸照发到其大学同学群，前女友报警，民警查明属实。", "2026-10-01", "police25-50-privacy", "police25-50-harassment"},
		{"a stool brought down on a back", "2026年4月8日，顾客王某在面馆与邻座争执，抄起板凳砸在对方背上，致其肋骨骨折。", "2026-05-01", "police25-51-assault", ""},
		{"a waiter and two who intervened", "2026年4月5日，王某在饭店因结账与服务员争执，先后打了服务员和前来劝阻的两名顾客，三人面部均有擦伤。", "2026-05-01", "police25-51-assault-aggravated", ""},
		{"copper wire cut and carried off", "2026年2月3日夜，陈某在某某小区装修工地剪断铜芯电线二十米后带走，价值三百元，被保安抓获。", "2026-03-01", "police25-58-theft", "urban-115-construction-dust"},
		{"villagers carrying off an overturned load", "2026年10月3日，一辆运送啤酒的货车在国道侧翻，附近村民蜂拥而上，将散落的啤酒成箱搬回家，价值一千余元，司机报警。", "2026-11-01", "police25-58-theft", ""},
		{"a camera knocked down and smashed", "2026年5月6日，钱某因不满邻居装的监控，用竹竿把摄像头打落在地摔碎，邻居报警，损失三百元。", "2026-06-01", "police25-59-damage", "fire-60-individual"},
		{"an official's notice torn up", "2026年3月4日，市场监管执法人员到某某超市送达责令改正通知书，店主孙某将通知书夺过撕毁，并把执法人员推出门外，致送达无法进行。", "2026-04-01", "police25-61-obstruct-duty", ""},
		{"a sample seized (2012)", "2025年6月5日，民警带钱某到医院抽取血样时，钱某夺过取样管摔在地上，并挡在门口不让护士取样。", "2025-07-01", "police-50-obstruct-duty", "police-23-disrupt-order"},
		{"a self-styled 纪委 officer", "2026年5月7日，孙某自称是省纪委的工作人员，以能帮人摆平案件为由收取好处费二千元。", "2026-06-01", "police25-62-impersonation", "police25-58-theft"},
		{"a false kidnapping call (2012)", "2025年8月3日，赵某拨打110称其母亲被人绑走，民警出动两组警力搜寻，后查明其母亲在邻居家打牌，赵某承认是故意乱报。", "2025-09-01", "police-25-false-alarm", "police-43-assault"},
		{"wage deductions named as fines", "经查，某某物流公司以“违规罚款”“货损赔偿”为由从18名司机工资中扣除共计一万二千元，本局责令限期支付，该公司逾期未支付。", "2025-09-01", "labour-26-compensation", "police-49-damage"},
		{"records made up after the fact", "经查，当事人某某服装厂在本局调查期间提交的考勤记录系事后补做，与打卡机数据不符，负责人承认为应付检查而编写。", "2025-09-01", "labour-30-obstruct-inspection", "labour-26-compensation"},
		{"a welder's certificate kept after he left", "员工钱某辞职后，某某钢构公司扣着他的焊工证原件不还，说要赔完培训费才给。", "2025-09-01", "labour-84-withhold-files", "safety-97-special-operators"},
		{"children taken to a brickworks for a fee", "经查，村民赵某于2025年7月将邻村两名十四岁少年带到砖厂干活，向砖厂收取每人三百元领工费。", "2025-09-01", "child-7-introducing", "child-6-child-labour"},
		{"a photo forced on tourists, then a price", "2026年7月3日，景区门口的摄影摊主赵某强行给游客拍照，拍完索要每张五十元，不给就拦着不让走，游客报警。", "2026-08-01", "police25-54-forced-trade", "police25-58-theft"},
		{"a crate carried off a shop's step", "2026年6月2日，王某路过便利店门口，把店员放在台阶上的一箱饮料提走，价值九十元，店员报警。", "2026-07-01", "police25-58-theft", ""},
		{"a head butt in a metro car", "2026年5月3日，李某在地铁车厢与乘客争座，用头撞对方鼻梁，致其鼻梁骨折。", "2026-06-01", "police25-51-assault", "police25-61-obstruct-duty"},
		{"an ex waiting downstairs, new numbers daily", "2026年8月5日，报警人称前男友近一个月换着号码给她发消息要求复合，她不敢出门。", "2026-09-01", "police25-50-harassment", "fire-64-negligent-fire"},
		{"a kitchen working nine to eleven", "员工反映：某某餐厅要求后厨人员每天早九点干到晚十一点，每月只休两天。监察员核实涉及八人。", "2026-06-01", "labour-25-overtime", "labour-30-obstruct-inspection"},
		{"a fight arranged in a car park", "2026年6月8日深夜，两伙人在某某商场停车场约架，双方六人打成一团，有人用头盔互砸，保安报警。", "2026-07-01", "police25-30-provocation", "traffic-90-moving-violation"},
		{"an inspection stopped by a seized sampler (2012)", "2025年7月2日，民警在某某仓库对涉案物品提取样品，仓库管理员抢走采样瓶，致采样中断半小时。", "2025-08-01", "police-50-obstruct-duty", "police-23-disrupt-order"},
	}
	checkDatedPhrasings(t, a, tests)
	t.Run("wages unpaid 逾期未支付 after the order", func(t *testing.T) {
		res := analyzeOn(t, a, "经查，某某建筑劳务公司拖欠十二名钢筋工2026年2月至5月工资共计十八万元。本局于2026年6月责令其限期支付，该公司逾期未支付，负责人已关机失联。", "2026-08-01")
		if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != "labour-26-compensation" {
			t.Fatalf("violations %v", violationIDs(res))
		}
		if res.Transfer.Risk != rules.RiskLikely {
			t.Errorf("transfer %s, want likely (ordered, unpaid after the deadline)", res.Transfer.Risk)
		}
	})
}
