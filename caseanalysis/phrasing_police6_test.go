package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/rules"
)

// TestPolicePhrasingFamiliesSixth decides the families the sixth round
// (issue 12, acc6police) found missed, each in other words than the
// development rows: a disruption told by 哭闹 and a stopped window, a rumour
// about a shop's meat (散布谣言, not the meat trade), a false call shown by
// 现场并无, an assault in a parking quarrel (not a moving violation), a
// scratch, theft by prying, extortion over a drink-driving photo, 拉客招嫖
// at a station exit (not a transport tout), posing as a police officer
// (第六十二条), finding children jobs (禁止使用童工规定 第七条), a labour
// inspection kept out, 工资总额少报 written in that order, and an officer's
// 工作 that is no working time.
func TestPolicePhrasingFamiliesSixth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []datedPhrasingRow{
		{"a hall stopped by 哭闹", "2026年3月2日，张某因退费纠纷在某某区政务服务中心大厅躺在地上撒泼哭闹，窗口被迫暂停办理业务一小时。", "2026-04-01", "police25-26-disrupt-order", "police25-51-assault"},
		{"a rumour about a restaurant's chicken", "2026年4月3日，刘某在短视频平台造谣称某某饭店用病死鸡做菜，经查根本没有这回事，饭店报警。", "2026-05-01", "police25-29-false-alarm", "food-123-dead-animal-meat"},
		{"a call shown false by the scene", "2026年5月9日，何某拨打110称某某商场发生爆炸，特警赶到后现场并无任何爆炸迹象。", "2026-06-01", "police25-29-false-alarm", "police25-61-obstruct-duty"},
		{"blows in a parking quarrel", "2026年2月20日，车主吴某因停车位与邻居争吵，挥拳打在邻居脸上，致其嘴角出血，邻居报警。", "2026-03-01", "police25-51-assault", "traffic-90-moving-violation"},
		{"a scratched hand (2012)", "2025年9月1日，买菜时黄某与摊主争吵，抓伤摊主手背，摊主报警后民警到场。", "2025-10-01", "police-43-assault", ""},
		{"parcels taken from a prised locker", "2026年7月1日凌晨，马某撬开小区快递柜取走他人包裹三件，价值四百元，民警调取监控查获。", "2026-08-01", "police25-58-theft", ""},
		{"hush money over a drink-driving photo", "2026年8月2日，李某以公开王某酒后驾车的照片相要挟，让王某给他五百元封口费，王某报警。", "2026-09-01", "police25-58-theft", "traffic-91-drink-driving"},
		{"大保健 at a station exit", "2026年9月3日晚，女子周某在火车站出站口拉住男旅客问要不要大保健，被巡逻民警查获。", "2026-10-01", "police25-78-soliciting", "transport-68-soliciting"},
		{"a self-styled police officer", "2026年6月5日，赵某自称是某某派出所的警官，以帮人消除违章记录为名收取好处费五百元，被害人报警。", "2026-07-01", "police25-62-impersonation", "police25-58-theft"},
		{"children placed in a brickworks", "2025年7月，劳务中介王某把两名十四岁的少年介绍到砖厂打工，收取介绍费六百元。", "2025-09-01", "child-7-introducing", "child-6-child-labour"},
		{"inspectors locked out", "劳动监察员前往某某鞋厂核查欠薪举报，厂方拒绝提供工资表，并锁上大门不让监察员进入。", "2025-09-01", "labour-30-obstruct-inspection", "labour-26-compensation"},
		{"工资总额少报 in that order", "经查，某某公司申报社会保险缴费基数时，职工工资总额少报了二十万元。", "2025-09-01", "labour-27-underreport", "si-86-arrears"},
		{"a bus stopped by a passenger's abuse", "2026年3月9日，乘客孔某因坐过站在公交车上辱骂司机，拍打驾驶区隔离门，司机被迫靠边停车十分钟，乘客报警。", "2026-04-01", "police25-26-disrupt-order", "traffic-90-moving-violation"},
		{"a push 推了一把 with no injury", "2026年4月2日，店员宁某与顾客争执中推了顾客一把，顾客未受伤，情节较轻，民警到场调解。", "2026-05-01", "police25-51-assault-minor", ""},
		{"cash taken from a drawer 趁 no one looked", "2026年5月3日，装修工人龙某趁户主外出，从其卧室抽屉里拿走现金六百元，户主报警。", "2026-06-01", "police25-58-theft", ""},
		{"overtime of nursing mothers is their protection", "经查，某某电子厂安排4名哺乳未满一周岁婴儿的女职工每天加班三小时。", "2025-09-01", "labour-23-female-workers", "labour-25-overtime"},
		{"an officer's 工作 is no working time", "2025年6月3日，执法人员依法扣押违法物品时，当事人躺在执法车辆前，致执法工作无法进行约四十分钟。", "2025-07-01", "", "labour-25-overtime"},
	}
	checkDatedPhrasings(t, a, tests)
	t.Run("posing as police is 从重 (第六十二条第二款)", func(t *testing.T) {
		res := analyzeOn(t, a, "2026年6月5日，赵某身着仿制警服冒充民警，向摊贩收取“管理费”三百元。", "2026-07-01")
		if len(res.Violations) == 0 || res.Violations[0].Suggestion == nil || res.Violations[0].Suggestion.Level == nil || *res.Violations[0].Suggestion.Level != rules.LevelHeavier {
			t.Fatalf("want the heavier level first: %+v", res.Violations)
		}
	})
	t.Run("wages as 工钱 are the base and the owed months count", func(t *testing.T) {
		res := analyzeOn(t, a, "工人投诉：老板拖欠我们三个人四个月的工钱共计三万六千元，劳动监察责令限期支付后，到期仍一分钱没给，老板也联系不上。", "2025-09-01")
		if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != "labour-26-compensation" {
			t.Fatalf("violations %v", violationIDs(res))
		}
		s := res.Violations[0].Suggestion
		if s == nil || s.Statutory == nil || s.Statutory.FineMin != 18000 || s.Statutory.FineMax != 36000 {
			t.Fatalf("suggestion %+v, want 18000–36000", s)
		}
		if res.Transfer.Risk != rules.RiskLikely {
			t.Errorf("transfer %s, want likely (12,000 a worker over four months, ordered and unpaid)", res.Transfer.Risk)
		}
	})
	t.Run("the months owed from the act's span", func(t *testing.T) {
		res := analyzeOn(t, a, "经查，某某饭店拖欠厨师一人2025年1月至4月的工资共计二万元，本局责令其限期支付，该饭店逾期仍未支付。", "2025-07-01")
		if res.Transfer.Risk != rules.RiskLikely {
			t.Fatalf("transfer %s, want likely (one worker, four months, 20,000 元, ordered and unpaid)", res.Transfer.Risk)
		}
	})
	t.Run("a young worker's age is not the party's", func(t *testing.T) {
		res := analyzeOn(t, a, "群众举报：某某面馆里洗碗的少年看着只有十四五岁。经查，该面馆2025年5月至6月雇用该少年（2011年3月出生）两个月。", "2025-07-01")
		if len(res.Violations) == 0 || res.Violations[0].Suggestion == nil || res.Violations[0].Suggestion.Disposition != legal.DispositionPenalty {
			t.Fatalf("want %s: %+v", legal.DispositionPenalty, res.Violations)
		}
	})
	t.Run("contributions 逾期仍未缴 set the overdue fine", func(t *testing.T) {
		res := analyzeFirst(t, a, "某某酒店欠缴职工社保费5.2万元，征收机构限期补缴，逾期仍未缴。", "si-86-arrears")
		s := res.Violations[0].Suggestion
		if s == nil || s.Statutory == nil || s.Statutory.FineMin != 52000 || s.Statutory.FineMax != 156000 {
			t.Fatalf("suggestion %+v, want 52000–156000", s)
		}
	})
}
