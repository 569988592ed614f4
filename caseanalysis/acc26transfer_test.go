package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestTransferBTwentySixthKinds holds the readings the twenty-sixth round's
// blind transfer batch (issue 12, acc26transferb) showed missing, in words
// other than its rows': an official named by role once and then struck by
// name; the main share of liability borne by the one who died, the party's
// own share being the lesser; a host's 茶水费 as the cut; gamblers listed
// by name before their count; a gambling machine told by what it does
// (押分, 兑现); the deadline of an order to pay passed in a sentence of its
// own; children's heavy work told by the load; a facility missing against
// the national standard (重大劳动安全事故罪, not 重大责任事故罪); 强拿硬要
// told as 强行索要. Two controls: the officer as the actor, and the driver's
// own full liability for a death.
func TestTransferBTwentySixthKinds(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []transferRow{
		{"officials named, then struck by name", "城管执法人员林某、柏某依法拆除占道经营的雨棚时，摊主詹某挥拳击打柏某头部，又将林某推下台阶，拆除工作被迫中止。", nil, rules.RiskLikely, "妨害公务罪"},
		{"a policeman named, then kicked by name", "交警队民警符某在路口查处闯红灯的电动车，驾驶人卫某拒绝出示证件，用头顶撞符某胸口并踢打符某腿部。", []string{"police25-61-obstruct-duty"}, rules.RiskLikely, "袭警罪"},
		{"the officer the actor", "民警包某接警后将醉酒的邵某带回派出所，邵某在车内哭闹，包某对其进行劝解，邵某随后入睡。", []string{"police25-61-obstruct-duty"}, rules.RiskNone, ""},
		{"the pedestrian who died bore the main share", "事故认定：行人柏某醉酒后翻越道路中心隔离护栏，负事故主要责任；驾驶人闵某未减速慢行，负事故次要责任。柏某经抢救无效死亡。", nil, rules.RiskNone, ""},
		{"the rider who died bore the main share", "两车相撞，摩托车驾驶人甄某当场死亡。经认定，甄某无证驾驶且超速，负事故主要责任，轿车驾驶人缪某负次要责任。", nil, rules.RiskNone, "交通肇事罪"},
		{"the driver's own full share", "货车司机滕某倒车时未观察后方，将在车后作业的工人祝某碾压，祝某经抢救无效死亡，滕某负事故全部责任。", nil, rules.RiskLikely, "交通肇事罪"},
		{"a host's 茶水费 is the cut", "民警在村民晏某家中查获赌博，晏某提供场所召集五人打扑克赌博，按每局收取茶水费二十元，累计获利九百元，现场赌资二千六百元。", []string{"police25-82-gambling"}, rules.RiskNone, ""},
		{"gamblers listed by name", "经查，曹某在其经营的茶楼包间内组织他人赌博，参与赌博的有葛某、韦某、卜某、窦某、廉某等六人，曹某从中抽头共计七千余元。", []string{"police25-82-gambling-serious"}, rules.RiskLikely, "赌博罪"},
		{"a machine told by what it does", "民警在某超市门口查获老虎机式游戏机三台，顾客投币押分，中奖后由店主兑现，店主牛某承认经营半年违法所得六千余元。", []string{"police25-82-gambling"}, rules.RiskLikely, "开设赌场罪"},
		{"the deadline passed in a sentence of its own", "某餐饮公司拖欠厨师、服务员等十二名员工三个月工资共计八万四千元，人社部门责令其限期支付。逾期后，该公司法定代表人仍未支付分文。", []string{"labour-26-compensation"}, rules.RiskLikely, "拒不支付劳动报酬罪"},
		{"heavy work told by the load", "监察人员在某采石场发现三名未满十六周岁的少年在场内搬运石块，每天工作十小时。", []string{"child-6-child-labour"}, rules.RiskLikely, "雇用童工从事危重劳动罪"},
		{"a facility missing against the standard", "某家具厂喷漆车间未按照国家标准设置通风和防爆设施，2026年5月喷漆房发生闪爆，造成一名工人死亡。", []string{"safety-114-general-accident"}, rules.RiskLikely, "重大劳动安全事故罪"},
		{"强拿硬要 told as 强行索要", "经查，尤某多次在夜宵摊强行索要啤酒、烧烤，摊主不敢拒绝，经核算，尤某强行索要的食品价值一千一百元。", nil, rules.RiskLikely, "寻衅滋事罪"},
	}
	checkAnalyzerTransferRows(t, a, tests)
}

// TestBasisTransferBTwentySixth: two basis misses of the batch of a cheap kind, in
// other words: 强拿硬要 told as 强行索取 is 寻衅滋事 (2025年 第三十条), not a
// harassment; a child's age in digits with 周岁 (年满14周岁) makes the hours
// a child's, not a worker's overtime.
func TestBasisTransferBTwentySixth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"强行索取 from shopkeepers", "经查，违法行为人巫某自称“街霸”，在步行街先后向三家小吃店店主强行索取饮料、卤菜和现金，店主怕其闹事只得给付，所得财物价值共计三百六十元。",
			"2026-05-10", "police25-30-provocation", "", 0, 1000, false},
		{"a child's age in digits", "家长反映其女儿在某服装店打工。经查，该店于2026年6月15日至8月14日招用年满15周岁的学生小卞（2011年1月出生）做理货、收款工作，每天工作六小时，未与其签订劳动合同。",
			"2026-09-01", "child-6-child-labour", "labour-25-overtime", 0, 0, false},
	})
}
