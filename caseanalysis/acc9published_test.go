package caseanalysis

import "testing"

// TestPublishedDecisionKinds: the families the eighth round's whole
// published decisions missed (a cheaper material put in place of the
// labelled one and sold at its price; a 重大危险源 not registered or
// monitored beside a device's periodic check; books not kept beside tax
// evasion; the agency's own finding 情节较轻 beside the ordinary assault
// tier), each phrased otherwise than the rows. not, when set, must not rank
// first (the neighbour that used to win).
func TestPublishedDecisionKinds(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []phrasingRow{
		{"再生料代替标称的原生料", "经查，该厂用回收再生料代替标称的原生聚乙烯料生产给水管材，并按原生料管材的价格对外批发。", "prod-50-adulterate", "prod-49-unsafe-standard"},
		{"镀锌铁丝顶替", "当事人以镀锌铁丝顶替标称的304不锈钢丝编织防护网，按不锈钢网的价格售给多家养殖场。", "prod-50-adulterate", ""},
		{"材质与标称不符", "抽检的门锁锁芯材质与标称不符，标称黄铜实为锌合金，该店按黄铜锁芯的价格销售。", "prod-50-adulterate", ""},
		{"重大危险源 not monitored", "该公司液化石油气储罐区构成二级重大危险源，未进行定期检测和安全评估，也未设置实时监控系统。", "prov:work-safety-101-0-2", "safety-99-equipment-maintenance"},
		{"未建账 with no tax short", "该个体餐馆自开业起一直未建账，收入支出只记在笔记本上，税务所责令限期设置账簿，逾期仍未改正。", "", "tax-63-evasion"},
		{"记账凭证丢失", "检查发现当事人未按规定保管2023年度的记账凭证，部分原始凭证丢失，无法提供。", "", "tax-63-evasion"},
		{"属情节较轻 by the agency", "吴某在菜市场因摊位与邻摊摊主争吵，推了对方一把并扇了一记耳光，对方面部发红，吴某当场道歉，本所认定属情节较轻。", "police-43-assault-minor", "police-43-assault"},
		{"情节较轻 at the end of the finding", "综上，违法行为人殴打他人，情节较轻，依据《中华人民共和国治安管理处罚法》第四十三条第一款的规定作出决定。", "police-43-assault-minor", "police-43-assault"},
	}
	checkPhrasings(t, a, tests)
}
