package caseanalysis

import (
	"slices"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/legal"
)

// TestPolicePhrasingFamilies decides 治安 and labour conduct written the way
// officers and complainants write it rather than in the statute's words
// (issue 12, fifth round): a joint beating or a pregnant victim in everyday
// words, 扇 as a measure word (两扇门), paid sex without 卖淫/嫖娼, 拉客招嫖 as
// 找小姐, a false call shown false by its result (查无此事), self-checkout
// theft, a business forced to stop by a disruption (not the party's
// coercion), non-police officers kept from their inspection, social
// insurance fraud against theft, and the child labour order not obeyed.
func TestPolicePhrasingFamilies(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []datedPhrasingRow{
		{"brothers beating together (2012)", "2025年3月2日，刘某因琐事与邻居发生争执，伙同其弟弟对邻居拳打脚踢，致其面部挫伤。", "2025-06-01", "police-43-assault-aggravated", "police-43-assault"},
		{"three joining in (2012)", "2025年4月9日晚，夏某、覃某、冼某三人一起动手，将饭店服务员打倒在地，致其手臂擦伤。", "2025-06-01", "police-43-assault-aggravated", "police-43-assault"},
		{"a pregnant colleague (2025)", "2026年4月1日，王某在车间推搡并踢打怀孕六个月的同事，致其腿部擦伤。", "2026-06-01", "police25-51-assault-aggravated", "police25-51-assault"},
		{"two panes smashed is damage, no slap", "2026年3月5日夜，赵某酒后用石块砸碎某某商店两扇玻璃门，损失八百元。", "2026-06-01", "police25-59-damage", "police25-51-assault"},
		{"paid sex without the words", "2025年5月1日，民警在某某按摩店查获李某，李某支付五百元后与店内女子发生性关系。", "2025-06-01", "police-66-prostitution", "police-66-soliciting"},
		{"找小姐 at a park gate", "2026年6月10日晚，女子张某在某某公园门口拦住过路男子，问其要不要找小姐，被巡逻民警查获。", "2026-07-01", "police25-78-soliciting", "police25-78-prostitution"},
		{"a call shown false by its result", "2025年4月2日，孙某拨打110称其邻居家发生命案，民警赶到后查无此事。", "2025-06-01", "police-25-false-alarm", "police-49-theft"},
		{"self-checkout skipped on purpose", "2026年2月3日，顾客钱某在某某超市自助收银时故意漏扫两瓶白酒（价值三百元）后带出超市。", "2026-03-01", "police25-58-theft", "police25-26-disrupt-order"},
		{"a hall forced to stop", "2025年5月3日，刘某在某某银行营业厅大吵大闹，致营业厅被迫暂停营业半小时，民警到场处置。", "2025-06-01", "police-23-disrupt-order", "police-43-assault"},
		{"evidence camera snatched from inspectors", "2025年6月1日，执法人员依法检查某某仓库时，店主之子抢夺执法人员的取证相机，并拉住执法人员不让其拍照取证。", "2025-07-01", "police-50-obstruct-duty", "police-49-theft"},
		{"children ordered home and kept", "经查，某某面馆使用童工两名，本局责令其限期将童工送回原居住地，该面馆逾期仍不送回，已满一个月。", "2025-07-01", "child-6-not-returned", "child-6-child-labour"},
		{"盗走 after cutting is theft, not damage", "2026年4月6日凌晨，车某在某某小区剪断电缆后盗走铜芯二十米，价值三百元。", "2026-05-01", "police25-58-theft", "police25-59-damage"},
		{"a helmet to the head", "2026年6月2日，骑手冉某与行人争执，用头盔砸向对方头部，致其头皮裂伤。", "2026-07-01", "police25-51-assault", ""},
		{"an insult in group chats is no fraud", "前同事报警称：2025年3月，焦某在多个微信群发布她的照片，配文骂她是“骗子”，致其名誉受损。", "2025-05-01", "police-42-harassment", "police-49-theft"},
		{"tenants' identity cards are no hiring record", "2025年6月，房东贺某将房屋出租给三名外地人，没有登记租客的身份证号码，派出所检查时发现。", "2025-07-01", "police-57-rental", "child-8-hiring-records"},
		{"a sachet forced on a tourist is no 强拿硬要", "2026年5月1日，商贩范某在景区门口把香囊硬塞给游客，不给钱不让走，游客付了二百元。", "2026-06-01", "", "police25-30-provocation"},
		{"files withheld after resignation", "经查，某某物流公司在三名员工辞职后扣着其人事档案，经督促仍拒不退还。", "2025-07-01", "labour-84-withhold-files", ""},
	}
	checkDatedPhrasings(t, a, tests)
	t.Run("a business forced to stop is no coercion of the party", func(t *testing.T) {
		res := analyzeOn(t, a, "2025年5月3日，刘某在某某银行营业厅大吵大闹，致营业厅被迫暂停营业半小时，民警到场处置。", "2025-06-01")
		if s := res.Violations[0].Suggestion; s == nil || s.Disposition != legal.DispositionPenalty {
			t.Fatalf("suggestion %+v, want %s", s, legal.DispositionPenalty)
		}
	})
	// A second negation joined by 也 denies its own act (nlp.Negated): the
	// element 不按规定登记 is met, not missing.
	t.Run("not checked and also not registered", func(t *testing.T) {
		res := analyzeOn(t, a, "2025年3月5日，民警检查发现某某宾馆前台对入住旅客未查看身份证件也未登记姓名和身份证号码。", "2025-06-01")
		if ids := violationIDs(res); len(ids) == 0 || ids[0] != "police-56-hotel" {
			t.Fatalf("violations %v, want police-56-hotel first", ids)
		}
		if why := res.Violations[0].Why; strings.Contains(why, "未提及不按规定登记") {
			t.Fatalf("the registering element is missing: %s", why)
		}
	})
	t.Run("social insurance fraud is not theft", func(t *testing.T) {
		ids := violationIDs(analyzeOn(t, a, "经查，当事人邹某以虚假病历和票据申报医疗费用，骗取医疗保险待遇四千元。", "2025-07-01"))
		if slices.Index(ids, "police-49-theft") >= 0 {
			t.Fatalf("violations %v: theft among them", ids)
		}
	})
}

// TestOrderStillNotDone reads a fine that needs an order not complied with
// from the order followed by what is still not done (至今未办理).
func TestOrderStillNotDone(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	res := analyzeFirst(t, a, "某某商贸公司成立以来从未办理社会保险登记，本局于5月责令其限期办理，至今未办理。经核定应缴社会保险费三万元。", "si-84-no-registration")
	s := res.Violations[0].Suggestion
	if s == nil || s.Statutory == nil || s.Statutory.FineMin != 30000 || s.Statutory.FineMax != 90000 {
		t.Fatalf("suggestion %+v, want 30000–90000", s)
	}
}

// datedPhrasingRow is one phrasing case decided on its date: want (when set)
// must rank first and not (when set) must not.
type datedPhrasingRow struct {
	name, facts, date, want, not string
}

// checkDatedPhrasings analyses every row on its date and checks the ranks it
// asks for, showing the violations' reasons when one fails.
func checkDatedPhrasings(t *testing.T, a *Analyzer, tests []datedPhrasingRow) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.date)
			ids := violationIDs(res)
			if tt.want != "" && (len(ids) == 0 || ids[0] != tt.want) {
				t.Fatalf("violations %v, want %s first\n%s", ids, tt.want, whys(res.Violations))
			}
			if tt.not != "" && slices.Index(ids, tt.not) == 0 {
				t.Errorf("%s ranks first\n%s", tt.not, whys(res.Violations))
			}
		})
	}
}

// datedDispositionRow is one text decided on its date whose top violation
// must carry the disposition want.
type datedDispositionRow struct {
	name, facts, date string
	want              legal.Disposition
}

// checkDatedDispositions analyses every row on its date and checks the top
// violation's suggested disposition, showing the reasons when one fails.
func checkDatedDispositions(t *testing.T, a *Analyzer, tests []datedDispositionRow) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, tt.date)
			if len(res.Violations) == 0 || res.Violations[0].Suggestion == nil {
				t.Fatal("no suggestion")
			}
			if s := res.Violations[0].Suggestion; s.Disposition != tt.want {
				t.Fatalf("%s: disposition %s, want %s\n%s", res.Violations[0].BenchmarkID, s.Disposition, tt.want, whys(res.Violations))
			}
		})
	}
}
