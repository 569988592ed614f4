package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// TestTransferTwentyFourthKinds holds the readings the twenty-fourth round's
// blind transfer batch (issue 12, acc24transfer) showed missing, in words
// other than its rows': a bribe paid under a pretext's name (以“…赞助”名义…
// 转账) is a bribe; the sentence of the bribe names its giver (个体…商) where
// the text first names whoever reported it; invoices printed are counted by
// their number, face value and what selling them earned (2024年危害税收征管
// 解释 第十七条第三款); a month span whose first date carries no role still
// counts the months owed; the count nearest 轻微伤 counts the injured; the
// blow to an officer told by what struck him or how he was brought down is
// 袭警; a certificate the party printed himself is forged, not only used; an
// alarm's wiring pulled with the gas read against its explosive limit is
// 危险作业罪 reached, and facts that rule the danger out make it none; a
// casino told by its staff, equipment and cut is 开设赌场; a blow with a
// light injury names 故意伤害罪 even where the assault benchmark is not among
// the strongest matches.
func TestTransferTwentyFourthKinds(t *testing.T) {
	checkTransferRows(t, []transferRow{
		{"a bribe under a pretext's name", "经查，当事人某医疗器械有限公司为使市第一人民医院采购其检验设备，以“学术会议赞助”名义向该院分管设备的副院长转账共计人民币二十六万元。", []string{"comp25-24-bribery"}, rules.RiskLikely, "单位行贿罪"},
		{"the giver named in the bribe's sentence", "某超市公司纪检部门反映：个体蔬菜配送商杨某为成为该超市供应商，先后四次给予该超市采购经理好处费合计七万元。", []string{"comp25-24-bribery"}, rules.RiskLikely, "对非国家工作人员行贿罪"},
		{"invoices printed and sold", "经查，当事人在出租屋内用打印机私自印制餐饮发票对外出售，已出售发票共计150份，票面金额合计五十六万元。", []string{"tax-71-illegal-invoice-printing"}, rules.RiskLikely, "非法制造、出售非法制造的发票罪"},
		{"invoices printed, few", "经查，当事人私自印制住宿发票60张，票面金额合计两万元，尚未出售。", []string{"tax-71-illegal-invoice-printing"}, rules.RiskNone, "非法制造、出售非法制造的发票罪"},
		{"a month span without a role on its start", "务工人员反映：我们在某建筑劳务公司干活，2025年10月到2026年2月的工资一直没发，我一个人被欠二万六千元。劳动监察大队责令限期支付，到期后公司仍未支付。", []string{"labour-26-compensation"}, rules.RiskLikely, "拒不支付劳动报酬罪"},
		{"the count nearest 轻微伤", "2026-05-03 夜 某烧烤店 韩某无故用凳子砸向邻桌一人 又打另一人 二人经鉴定均为轻微伤", []string{"police25-30-provocation"}, rules.RiskLikely, "寻衅滋事罪"},
		{"an officer struck with a thing", "民警在处置一起纠纷时，违法行为人马某抄起板凳砸向该民警，将其额头砸破。", []string{"police25-61-obstruct-duty"}, rules.RiskLikely, "袭警罪"},
		{"an officer brought down", "民警上前制止时，张某突然将一名民警按倒在地，撕扯其警服。", []string{"police25-61-obstruct-duty"}, rules.RiskLikely, "袭警罪"},
		{"a certificate printed by the party", "驾驶人李某承认，其所持行驶证是自己用打印机照着原件印制的。", []string{"traffic-96-forged-plate"}, rules.RiskLikely, "伪造、变造、买卖国家机关公文、证件、印章罪"},
		{"an alarm's wiring pulled, gas near the limit", "执法检查发现，液化气站的可燃气体报警控制器被员工拔除电源线，检查时储罐区正在充装作业，检测仪显示可燃气体浓度已达到爆炸下限的30%。", []string{"safety-99-monitoring-disabled"}, rules.RiskLikely, "危险作业罪"},
		{"an alarm off, the danger ruled out", "执法检查发现，车间可燃气体报警器被关闭，该车间已整体停产，现场未检出可燃气体。", []string{"safety-99-monitoring-disabled"}, rules.RiskNone, "危险作业罪"},
		{"a blow whose benchmark another matter crowded out", "经查，两名商贩因争抢摊位发生口角，王某抡起铁锹砸向对方腿部，致其胫骨骨折，经鉴定为轻伤二级。", []string{"road-42-occupying-road"}, rules.RiskLikely, "故意伤害罪"},
		{"a casino told by its staff and equipment", "经查，马某租下城郊一处民房，摆放赌桌和筹码，安排两人在路口望风，组织他人以“炸金花”方式赌博并按局抽头。", []string{"police25-82-gambling"}, rules.RiskLikely, "开设赌场罪"},
	})
}

// TestSpokenTotalTwentyFourth: 一共 and 总共 name the total of the amounts
// before them (我被欠了八千元，五个人一共四万元): the part is in it, not
// added to it.
func TestSpokenTotalTwentyFourth(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       float64
	}{
		{"一共 after a part", "工人投诉：老板拖欠工资不发，我被欠了八千元，五个人一共四万元。", 40000},
		{"总共 after a part", "工人投诉：老板拖欠工资不发，我被欠了九千元，六个人总共五万元。", 50000},
		{"parts without a total add up", "工人投诉：老板拖欠工资不发，我被欠了八千元，我弟弟被欠了六千元。", 14000},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := measures(nlp.NormalizeText(tt.text), tt.text, nlp.Extract(tt.text))[rules.MeasureWagesOwed]; got != tt.want {
				t.Errorf("wages owed = %v, want %v", got, tt.want)
			}
		})
	}
}
