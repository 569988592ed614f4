package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/nlp"
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
		// The law gives no figure for 严重损失: a loss told only in 万元 is near (rev25).
		{"people rallied, a loss in 万元", "经查，孙某因工程款纠纷纠集工人四十余人堵住某公司大门，致该公司停产两天，经济损失约十二万元。", []string{"police25-26-disrupt-order-serious"}, rules.RiskNear, "聚众扰乱社会秩序罪"},
		{"people rallied, a serious loss", "经查，孙某因工程款纠纷纠集工人四十余人堵住某公司大门，致该公司停产两天，造成严重损失。", []string{"police25-26-disrupt-order-serious"}, rules.RiskLikely, "聚众扰乱社会秩序罪"},
		{"facilities failing the standard", "调查查明，事故车间的通风设施不符合国家标准，作业时有毒气体积聚，造成一名工人中毒死亡，属一般事故。", []string{"safety-114-general-accident"}, rules.RiskLikely, "重大劳动安全事故罪"},
		{"gas fittings left unfixed, a death", "经查，某饭店厨房燃气管路敷设不符合消防技术标准，消防救援大队责令限期改正后，该饭店拒不整改，后厨房起火致一名厨师死亡。", []string{"fire-66-electrical-gas"}, rules.RiskLikely, "消防责任事故罪"},
		{"children dated by birth at a fuse", "检查发现某烟花厂工房内有四名少年在插引火线，经核对身份证，四人分别出生于2011年3月、2011年7月、2011年10月和2012年1月，该厂自2026年5月起雇用四人。", []string{"child-6-child-labour"}, rules.RiskLikely, "雇用童工从事危重劳动罪"},
		{"the other side's main liability", "事故认定书认定：行人负事故主要责任，驾驶人吴某负次要责任，行人经抢救无效死亡。吴某系驾驶证被暂扣期间驾驶。", []string{"traffic-99-unlicensed-driving"}, rules.RiskNone, "交通肇事罪"},
		{"the party's main liability", "事故认定书认定：驾驶人吴某负事故主要责任，行人负次要责任，行人经抢救无效死亡。吴某系驾驶证被暂扣期间驾驶。", []string{"traffic-99-unlicensed-driving"}, rules.RiskLikely, "交通肇事罪"},
	})
}

// TestUnitWorkerAgeTwentyFifth: a unit has no age, so an age under sixteen
// the reading gives the party of a unit that hires is its worker's: the
// youngest other person's age the child-labour element asks for. A person's
// own age is not.
func TestUnitWorkerAgeTwentyFifth(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		under16    bool
	}{
		{"a unit's workers dated by birth", "检查发现某鞋厂车间内两名少年在刷胶，经核对身份证，二人分别出生于2011年6月和2011年9月，该厂自2026年4月起雇用二人。", true},
		{"a person's own age", "经查，违法行为人张某（2011年5月出生）于2026年4月在超市偷拿商品。", false},
		{"an age bound, no birth date", "劳动保障监察员检查某纸箱厂：厂方对在岗的三十余名员工均未留存录用登记表，称“用工都是口头谈的”；经逐一核对，未发现未满十六周岁人员。", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := measures(nlp.NormalizeText(tt.text), tt.text, nlp.Extract(tt.text))
			y, ok := m[rules.MeasureYoungestOther]
			if got := ok && y < 16; got != tt.under16 {
				t.Errorf("youngest other age %v (%v), want under sixteen %v", y, ok, tt.under16)
			}
		})
	}
}
