package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestTransferBTwentyFifthKinds holds the readings the twenty-fifth round's
// blind transfer batch (issue 12, acc25transferb) showed missing, in words
// other than its rows': an official other than a police officer struck with
// a thing or a fist is 妨害公务; a gathering told as the party rallying people
// (纠集…余人) with the loss in 万元 is 聚众扰乱社会秩序; facilities told as
// failing the national standard make an accident 重大劳动安全事故, not
// 重大责任事故; a fire after wiring or gas fittings left unfixed (消防法
// 第六十六条) is 消防责任事故; children dated by birth, not named 童工, are
// counted, and the danger is told by what they handle (火药, 引火线); the
// liability the report gives the other side is not the party's.
func TestTransferBTwentyFifthKinds(t *testing.T) {
	checkTransferRows(t, []transferRow{
		{"an official struck with a thing", "城管执法队员在查处占道经营时，摊主赵某抄起秤砣砸向一名执法人员，致其额头受伤。", []string{"police25-61-obstruct-duty"}, rules.RiskLikely, "妨害公务罪"},
		{"a tax officer struck with a fist", "税务稽查人员上门检查账簿时，老板钱某挥拳击打一名税务人员胸部，检查被迫中断。", []string{"police25-61-obstruct-duty"}, rules.RiskLikely, "妨害公务罪"},
		{"people rallied, a loss in 万元", "经查，孙某因工程款纠纷纠集工人四十余人堵住某公司大门，致该公司停产两天，经济损失约十二万元。", []string{"police25-26-disrupt-order-serious"}, rules.RiskLikely, "聚众扰乱社会秩序罪"},
		{"facilities failing the standard", "调查查明，事故车间的通风设施不符合国家标准，作业时有毒气体积聚，造成一名工人中毒死亡，属一般事故。", []string{"safety-114-general-accident"}, rules.RiskLikely, "重大劳动安全事故罪"},
		{"gas fittings left unfixed, a death", "经查，某饭店厨房燃气管路敷设不符合消防技术标准，消防救援大队责令限期改正后，该饭店拒不整改，后厨房起火致一名厨师死亡。", []string{"fire-66-electrical-gas"}, rules.RiskLikely, "消防责任事故罪"},
		{"children dated by birth at a fuse", "检查发现某烟花厂工房内有四名少年在插引火线，经核对身份证，四人分别出生于2011年3月、2011年7月、2011年10月和2012年1月，该厂自2026年5月起雇用四人。", []string{"child-6-child-labour"}, rules.RiskLikely, "雇用童工从事危重劳动罪"},
		{"the other side's main liability", "事故认定书认定：行人负事故主要责任，驾驶人吴某负次要责任，行人经抢救无效死亡。吴某系驾驶证被暂扣期间驾驶。", []string{"traffic-99-unlicensed-driving"}, rules.RiskNone, "交通肇事罪"},
		{"the party's main liability", "事故认定书认定：驾驶人吴某负事故主要责任，行人负次要责任，行人经抢救无效死亡。吴某系驾驶证被暂扣期间驾驶。", []string{"traffic-99-unlicensed-driving"}, rules.RiskLikely, "交通肇事罪"},
	})
}
