package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// TestTransferAThirtieth holds the threshold facts the twenty-ninth round's
// blind transfer batch (issue 12, acc30transfera) told in ways the readers
// missed, in words other than its rows': a flight after a denied act
// joined by 且 (未…且…逃逸); invoices made on a printer and counted as
// sold in the next clause; child workers listed each with a birth date;
// the taxes owed told as a 合计; a casino told by its table, chips, cut
// and a lookout who 看风; gamblers listed after their role and the cut by
// the players' name (头钱); a blow told after 朝/向/对, the officer and the
// part struck; a push at a 城管队员; an order defied told by the ordered
// act still undone at the check (仍未拆除); a service stopped (停止运转,
// 无法就诊). Guards: the act done before the check, a loss told only as its
// amount (the law gives 严重损失 no figure), a flight denied itself, leaflets
// made and sold with invoices issued, a list with adults, a small share of
// a 合计, officers on watch, two gamblers, a plea to an officer, a denied
// blow.
func TestTransferAThirtieth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	run := []string{"traffic-99-hit-and-run"}
	inv := []string{"tax-71-illegal-invoice-printing"}
	child := []string{"child-6-child-labour"}
	tax := []string{"tax-63-evasion"}
	gamble := []string{"police25-82-gambling"}
	fire := []string{"fire-60-hazard-notice-ignored"}
	crowd := []string{"police25-26-disrupt-order-serious"}
	duty := []string{"police25-61-obstruct-duty"}
	checkAnalyzerTransferRows(t, a, []transferRow{
		{"flight after a denied act joined by 且", "经认定，驾驶人钱某未减速且肇事后逃逸，负事故全部责任，行人杨某经鉴定为重伤二级。", run, rules.RiskLikely, "交通肇事罪"},
		{"a flight denied itself", "经认定，驾驶人钱某未按规定让行，肇事后未逃逸且主动报警，负事故全部责任，行人杨某经鉴定为重伤二级。", run, rules.RiskNear, "交通肇事罪"},
		{"invoices copied and counted as sold", "稽查查明，赵某用激光打印机仿制发票，对外卖出130份，所开票面金额合计38万元。", inv, rules.RiskLikely, "非法制造、出售非法制造的发票罪"},
		{"invoices made by the party, counted as made", "经查，孙某私自制作餐饮定额发票，共制作200张，票面金额合计32万元，尚未售出。", inv, rules.RiskLikely, "非法制造、出售非法制造的发票罪"},
		{"leaflets made and sold are no invoices", "某印刷厂自行制作宣传册出售，已售出300份，均开具发票，票面金额合计35万元。", inv, rules.RiskNone, ""},
		{"child workers listed by birth", "经查，当事人某县石料有限公司自2026年4月1日起招用以下人员在碎石机旁搬运石料：冯某，2011年6月出生；秦某，2010年9月出生；尤某，2011年1月出生。", child, rules.RiskLikely, "雇用童工从事危重劳动罪"},
		{"a list with adults", "经查，当事人某县石料有限公司自2026年4月1日起招用以下人员在碎石机旁搬运石料：冯某，2011年6月出生；秦某，1990年9月出生；尤某，1985年1月出生。", child, rules.RiskNone, "雇用童工从事危重劳动罪"},
		{"taxes owed told as a 合计", "经查，某装饰公司隐匿工程收入，少缴各税合计¥21.5万元，同期各税种应纳税款合计¥180万元。", tax, rules.RiskLikely, "逃税罪"},
		{"a casino told by its table, chips, cut and lookout", "经查，某茶楼老板葛某在二楼包厢内摆设百家乐桌，备有筹码，按每局赢额抽取台费，并雇佣其侄子在楼下看风。", gamble, rules.RiskLikely, "开设赌场罪"},
		{"officers on watch are no lookout", "派出所安排民警在茶楼外看风蹲守，发现二楼包厢内有人聚赌，现场查获筹码，老板葛某按局收取台费。", gamble, rules.RiskNone, ""},
		{"gamblers listed after their role, the cut by its name", "经查，曹某在自家车库组织赌博，参赌人员为杜某、凤某、井某、段某，曹某每局抽取“头钱”，前后共非法获利7,800元。", gamble, rules.RiskLikely, "赌博罪"},
		{"two gamblers listed", "经查，曹某在自家车库组织赌博，参赌人员为杜某、凤某，曹某每局抽取“头钱”，前后共非法获利7,800元。", gamble, rules.RiskNear, ""},
		{"a kick directed at a named officer", "2026年5月3日，交警大队民警郜某在路口查处酒驾时，驾驶人解某朝郜某胸口猛踢一脚。", duty, rules.RiskLikely, "袭警罪"},
		{"a plea to an officer is no blow", "驾驶人解某向民警郜某哭诉其被他人殴打，要求民警处理。", duty, rules.RiskNone, ""},
		{"a denied blow", "经查，驾驶人解某与民警郜某发生争执，但未朝郜某挥拳，仅口头辱骂。", duty, rules.RiskNone, ""},
		{"a market officer pushed down", "城管队员甄某依法暂扣其电动三轮车时，摊主将城管队员甄某推倒在地，致其手掌擦伤。", duty, rules.RiskLikely, "妨害公务罪"},
		{"defiance told by the ordered act", "2025年9月，消防救援大队向某商场发出责令限期改正通知书，要求拆除封堵安全出口的铁栅栏。10月8日复查时该商场仍未拆除铁栅栏，负责人称担心失窃。2026年1月该商场起火，一名顾客死亡。", fire, rules.RiskLikely, "消防责任事故罪"},
		{"the ordered act done before the check", "2025年9月，消防救援大队向某商场发出责令限期改正通知书，要求拆除封堵安全出口的铁栅栏。10月8日复查时该商场已拆除铁栅栏，未发现其他隐患。2026年1月该商场起火，一名顾客死亡。", fire, rules.RiskNear, "消防责任事故罪"},
		{"a clinic's service stopped, the loss called serious", "经查，胡某纠集亲属二十余人堵住某卫生院大门，挂号、取药窗口停止运转五个小时，造成严重损失。", crowd, rules.RiskLikely, "聚众扰乱社会秩序罪"},
		{"a loss told only as its amount", "经查，胡某纠集亲属二十余人堵住某卫生院大门，患者无法就诊达五个小时，经核算损失约六万元。", crowd, rules.RiskNear, "聚众扰乱社会秩序罪"},
		{"a 第六十八条 case's tax declared, a 合计 unpaid", "经查，某餐馆申报应缴税款合计6.4万元，但未在规定期限内缴纳，经责令限期缴纳逾期仍未缴纳。", []string{"tax-68-unpaid-after-order"}, rules.RiskNone, ""},
		{"a small share of a 合计", "经查，某装饰公司隐匿工程收入，少缴各税合计¥11万元，同期各税种应纳税款合计¥260万元。", tax, rules.RiskNone, "逃税罪"},
	})
}

// TestWageMonthThirtieth holds one month of wages named alone (12月份的
// 工资), read as one month owed by the reader of listed months; guards: a
// span ending in a named month, a month told paid, a bare month.
func TestWageMonthThirtieth(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       float64
	}{
		{"one month named", "两名厨师投诉某面馆拖欠其12月份的工资共计9,200元，经责令限期支付，逾期仍未支付。", 1},
		{"one month with 应付", "某洗车行拖欠学徒3月份应付工资4,600元，经责令支付后仍未支付。", 1},
		{"one month, the people owed between", "某洗车行11月份应发三名学徒的工资共计12,600元，经责令支付后仍未支付。", 1},
		{"recurring: months listed", "某洗车行拖欠学徒2月、3月工资共计9,000元，经责令支付后仍未支付。", 2},
		{"a bare month is no month owed", "某洗车行拖欠学徒工资共计9,000元，原定每月3月工资日发放，经责令支付后仍未支付。", 0},
		{"a span ending in a month", "某面馆拖欠厨师2025年10月至12月份工资共计13,800元，经责令支付后仍未支付。", 3},
		{"a list", "某面馆拖欠厨师10月份、11月份工资共计9,200元，经责令支付后仍未支付。", 2},
		{"the month told paid", "某面馆拖欠厨师工资共计9,200元，其中5月份工资已于6月10日付清，经责令支付后仍未支付。", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := measures(nlp.NormalizeText(tt.text), tt.text, nlp.Extract(tt.text))[rules.MeasureMonthsOwed]
			if got != tt.want {
				t.Fatalf("months owed = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestNegationConjunctionThirtieth holds 且 as the end of a negation's
// reach: the act after it is told, unless it carries its own negation;
// 暂且 and 尚且 are adverbs, no joint.
func TestNegationConjunctionThirtieth(t *testing.T) {
	for _, tt := range []struct {
		name, text, cue string
		want            bool
	}{
		{"an act after 且", "该司机未减速且撞人后驾车逃离现场", "逃离", false},
		{"its own negation after 且", "该司机未减速且未逃离现场", "逃离", true},
		{"no 且 between", "该司机未驾车逃离现场", "逃离", true},
		{"暂且 is an adverb", "该司机未暂且逃离现场", "逃离", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := nlp.Negated(tt.text, nlp.Index(tt.text, tt.cue)); got != tt.want {
				t.Fatalf("Negated = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestBasisInvoiceMadeThirtieth holds invoices made by the party on a
// printer (仿制发票, 自行制作…发票) as 税收征收管理法 第七十一条's 非法印制:
// it ranks first beside 虚开, and its crime is named. Guard: invoices
// issued for a true sale by a party who made its own price labels.
func TestBasisInvoiceMadeThirtieth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts string
		want        bool
	}{
		{"invoices copied on a printer and sold", "经查，邬某自2025年8月起在出租屋内用电脑排版、彩色打印机仿制增值税普通发票，按每份40元卖给他人，共卖出120份，所填票面金额合计36万余元。", true},
		{"invoices the party made itself", "税务稽查查明，某咨询服务部经营者黎某私自制作带有发票监制字样的普通发票出售给客户报销，共计110份，票面金额合计33万元。", true},
		{"price labels made, invoices issued for true sales", "经查，某超市自行制作商品价签，按实际销售为顾客开具发票，票面金额合计33万元，未发现虚开。", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2026-05-10")
			got := len(res.Violations) > 0 && res.Violations[0].BenchmarkID == "tax-71-illegal-invoice-printing"
			if got != tt.want {
				t.Fatalf("violations %v, want tax-71-illegal-invoice-printing first: %v", ids(res.Violations), tt.want)
			}
		})
	}
}
