package caseanalysis

import (
	"slices"
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestTransferSeventeenthRoundKinds holds the transfer kinds the
// seventeenth round's police slice fixed (issue 12, acc17police), in words
// other than its development rows': 抢夺 told by the snatch (抢夺刑事案件解释
// 第一条, 一千元 the national floor), named only where a snatch is told; a
// forklift or loader that kills a worker on the premises is an accident of
// production, not of traffic on a road (道路交通安全法 第一百一十九条第一项),
// and a death told by what killed (碾死, 压死); hazardous waste that leaked
// for want of precautions was not 排放、倾倒、处置 (2023年环境污染解释
// 第一条第二项), whatever its tonnage.
func TestTransferSeventeenthRoundKinds(t *testing.T) {
	checkTransferRows(t, []transferRow{
		{"a necklace pulled off from a motorbike", "男子骑摩托车经过时一把拽走路人脖子上的金项链后逃离，项链经鉴定价值六千元。", []string{"police25-58-theft"}, rules.RiskLikely, "抢夺罪"},
		{"a change purse snatched, the sum below", "宋某在夜市夺过摊主手中的零钱袋跑开，袋内现金二百元。", []string{"police-49-theft"}, rules.RiskNone, "抢夺罪"},
		{"a taking no one snatched stays theft", "蒋某趁工友外出，偷拿其放在宿舍枕头下的现金一千五百元。", []string{"police-49-theft"}, rules.RiskLikely, "盗窃罪"},
		{"a forklift in a warehouse runs over a worker", "仓库内叉车倒车时碾压一名理货员，理货员当场身亡，企业对此负有责任。", []string{"safety-114-general-accident", "traffic-90-moving-violation"}, rules.RiskLikely, "重大责任事故罪"},
		{"a loader in the yard, told on a register line", "厂区内铲车倒车碾压一名搬运工 当场身亡 企业负有责任", []string{"safety-114-general-accident", "traffic-90-moving-violation"}, rules.RiskLikely, "重大责任事故罪"},
		{"a loader in the yard, the death told by the wheels", "装载机在料场内倒车，将一名装卸工碾死，事故调查认定企业负有责任。", []string{"safety-114-general-accident"}, rules.RiskLikely, "重大责任事故罪"},
		{"a crushing told in a relative's words", "死者家属反映，我爸在厂里被倒下的钢板压死了。经调查属一般生产安全事故，企业负有责任。", []string{"safety-114-general-accident"}, rules.RiskLikely, "重大责任事故罪"},
		{"a snatch told with a theft's circumstance", "汤某趁路人低头看手机不备，一把夺过其手机后跑进小巷，手机价值三千元。", []string{"police25-58-theft"}, rules.RiskLikely, "抢夺罪"},
		{"four tonnes leaked from burst drums", "危废仓库内约4吨废乳化液因桶体破裂泄漏至厂区雨水沟，仓库未设围堰。", []string{"waste-112-hw-leak"}, rules.RiskNone, "污染环境罪"},
		{"four tonnes dumped stay likely", "当事人将约4吨废乳化液用罐车拉到河滩倾倒。", []string{"waste-112-hw-dumping"}, rules.RiskLikely, "污染环境罪"},
	})
}

// TestPolicePhrasingFamiliesSeventeenth holds the 治安 kinds the round
// fixed, in words other than its rows': the victim's age written after the
// caller's (其奶奶（六十八岁）) or the caller who was struck (老刘（六十二岁）
// 报警称…推倒); the 2025 text's 七十周岁 (第五十一条第二款) for an act from
// 2026, where the line began at the 2012 text's 六十周岁; the agency's
// finding 情节较轻 in brackets; 拉客招嫖 told by the offer; a home entered over
// the wall (非法侵入住宅, not 骚扰); hazardous waste that leaked into a drain.
func TestPolicePhrasingFamiliesSeventeenth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkDatedPhrasings(t, a, []datedPhrasingRow{
		{"the grandmother's age after the caller's (2012)", "报警人孙某（二十九岁）称，其奶奶（六十八岁）在村口被邻居郑某推搡倒地，郑某还踢了她一脚。", "2025-06-01", "police-43-assault-aggravated", ""},
		{"the grandmother under seventy (2025)", "报警人孙某（二十九岁）称，其奶奶（六十八岁）在村口被邻居郑某推搡倒地，郑某还踢了她一脚。", "2026-06-01", "police25-51-assault", ""},
		{"a birth date of sixty-five under the 2025 text", "经查，2026年4月2日，违法行为人许某因排队琐事殴打顾客潘某某（1961年1月出生），致其面部擦伤。", "2026-04-10", "police25-51-assault", ""},
		{"the caller was the one pushed", "保洁员老刘（六十二岁）报警称，他在楼道拖地时被一名住户推倒，对方还扇了他一巴掌。", "2025-07-01", "police-43-assault-aggravated", ""},
		{"soliciting told by the offer", "2026-04-11 夜 公园东门 女子唐某拽住路过男子问要不要“陪夜”，被巡逻民警当场查获", "2026-04-11", "police25-78-soliciting", ""},
		{"a home entered over the wall, not harassment", "违法行为人冯某因与前妻离婚后纠缠不休，深夜翻越院墙进入前妻父母家中，在客厅逗留，直至民警赶到。", "2026-03-01", "police25-47-trespass", ""},
		{"the quarrel's cause is no road-occupation case", "经查，2026年4月5日，违法行为人潘某因门店占道经营问题与隔壁店主卢某发生争执，潘某用拳头击打卢某肩部两下。", "2026-04-10", "police25-51-assault", ""},
		{"the quarrel's cause is no noise case", "经查，2026年3月2日晚，违法行为人葛某因装修噪音问题与楼下住户晏某发生口角，随后用拳头击打晏某面部两下。", "2026-03-10", "police25-51-assault", ""},
		{"the quarrel's cause is no parking case", "2025年6月1日，违法行为人房某因占道停车问题和小区保安起了争执，扇了保安一耳光。", "2025-06-05", "police-43-assault", ""},
		{"waste oil leaked into the rain drain", "执法人员检查发现，当事人危废暂存间内的废矿物油桶破裂，约0.6吨废矿物油漏出，流入厂区雨水沟，暂存间未设围堰。", "2025-07-01", "waste-112-hw-leak", ""},
	})
}

// TestMinorTierInBracketsSeventeenth: the agency's finding 情节较轻 written
// in brackets after the conduct on a register line (殴打他人（情节较轻）) is the
// lighter tier's, and excludes the basic tier as 情节较轻，does.
func TestMinorTierInBracketsSeventeenth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct{ name, facts, date, want, not string }{
		{"2012 text", "2025-08-05 殴打他人（情节较轻） 孟某推搡并扇了同事邹某一耳光，邹某未受伤，经验伤未见明显伤情", "2025-08-05", "police-43-assault-minor", "police-43-assault"},
		{"2025 text, the bracket opening the line", "（情节较轻）殴打他人 2026-03-09 卫某因排队口角推搡并扇了梁某一耳光，梁某未受伤，经验伤未见明显伤情", "2026-03-09", "police25-51-assault-minor", "police25-51-assault"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ids := violationIDs(analyzeOn(t, a, tt.facts, tt.date))
			if len(ids) == 0 || ids[0] != tt.want {
				t.Fatalf("violations %v, want %s first", ids, tt.want)
			}
			if i := slices.Index(ids, tt.not); i >= 0 && i < 2 {
				t.Errorf("violations %v: the basic tier %s ranks second though 情节较轻 is stated", ids, tt.not)
			}
		})
	}
}

// TestKilledAnimalSeventeenth: a death told by what killed (压死, 撞死, 电死)
// is a person's unless the words before or after the verb name an animal
// or a plant (撞死一条狗, 电死鱼类): those are no deaths for the transfer
// thresholds.
func TestKilledAnimalSeventeenth(t *testing.T) {
	for _, c := range []struct {
		norm string
		want bool
	}{
		{"仓库工人张某被倒车的叉车压死。", true},
		{"货架倒塌，搬运工当场被砸死。", true},
		{"当事人驾车撞死一条狗后逃离。", false},
		{"使用电瓶电死鱼类约20公斤。", false},
		{"运输途中闷死生猪十余头。", false},
	} {
		if got := oneDeath(c.norm); got != c.want {
			t.Errorf("%s: oneDeath = %v, want %v", c.norm, got, c.want)
		}
	}
}
