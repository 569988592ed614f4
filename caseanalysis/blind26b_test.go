package caseanalysis

import (
	"strings"
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestBasisTwentySixth holds the basis kinds the twenty-sixth round's
// second blind batch (blind26b) missed, in other words than its rows: an
// impersonation told by the agency's staff (冒充…局工作人员) is 第六十二条,
// not a theft; a stack added besides the permit's is 排污许可管理条例
// 第三十六条第（一）项; grain dried on a carriageway that traffic must go
// round obstructs the road; a tax inspection's books carried off and the
// inspectors pushed is 第七十条's serious tier, in a tax matter despite the
// push; the labour inspectors kept out and the records remade is 劳动保障
// 监察条例 第三十条; workers sent (派到) by a firm without the licence is
// unlicensed dispatch; and a product's box and body without a warning is
// 产品质量法 第五十四条, neither a workplace sign nor a food label (油汀).
func TestBasisTwentySixth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	checkMarketRows(t, a, []marketRow{
		{"an agency's staff impersonated", "经查，马某冒充县税务局工作人员，先后到四家饭店以查发票为名，索要现金和烟酒，价值共计一千五百元。",
			"2026-04-10", "police25-62-impersonation", "", 0, 0, false},
		{"a stack added", "执法人员检查时发现，该厂喷砂车间加装了一根排气筒直接排放粉尘，排污许可证载明的废气排放口只有DA001一个。",
			"2026-05-06", "permit-36-outlet", "", 0, 0, false},
		{"grain dried on the carriageway", "路政巡查发现，村民在省道S215行车道上摊晒稻谷约一百米，占了半幅路面，过往车辆只能绕道通过。",
			"2026-10-12", "highway-77-obstruct-road", "", 0, 0, false},
		{"books carried off, inspectors pushed", "税务检查人员依法调取账簿时，该公司经理推搡检查人员，并安排员工将存放会计凭证的纸箱从后门运走转移。",
			"2026-06-15", "tax-70-obstructing-inspection-serious", "", 10000, 50000, false},
		{"labour inspectors kept out, records remade", "劳动监察员到该厂调查拖欠工资投诉，门卫说老板交代外人一律不让进，厂长事后交来的考勤表是照着名单重新做的。",
			"2026-05-20", "labour-30-obstruct-inspection", "", 2000, 20000, false},
		{"workers sent without the licence", "经查，某人力资源公司没有劳务派遣经营许可证，与三十余名工人签订合同后，将其派到一家食品厂上班，每月从工资中扣取管理费。",
			"2026-03-18", "labour-92-unlicensed-dispatch", "", 0, 0, false},
		{"a product's box and body", "在该商行仓库检查发现，库存的电热毯包装盒及产品本体上均没有警示标志和中文警示说明，也未标注生产日期。",
			"2026-11-02", "prod-54-labelling", "safety-99-warning-signs", 0, 0, false},
		{"an oil-filled heater is no food", "经查，该商行销售的油汀取暖器未标注生产日期，外包装上无中文警示说明。",
			"2026-11-02", "prod-54-labelling", "food-125-label", 0, 0, false},
	})
}

// TestLuredPartyTwentySixth: a party lured into the act (受他人诱骗, the
// circumstance of 行政处罚法 第三十二条第（二）项) was the one deceived, so the
// word 骗 in it names no 诈骗 by the party; one who deceives others still
// does.
func TestLuredPartyTwentySixth(t *testing.T) {
	checkTransferRows(t, []transferRow{
		{"a party lured into lending its licence", "经查，当事人系受他人诱骗，将本公司营业执照出借给他人用于承揽装修工程，涉及工程款四十八万元，未收取费用。", nil, rules.RiskNone, ""},
		{"one who deceives others", "经查，王某以代办贷款为名，先后骗取三名被害人手续费共计八千元。", []string{"police25-58-theft"}, rules.RiskLikely, "诈骗罪"},
	})
}

// TestZoneProjectVerbTwentySixth: a project in a drinking-water source
// zone put up in the everyday verb (新盖了一个养牛场) shows the element of a
// new project (水污染防治法 第九十一条第一款), not merely shares the zone's
// words with it.
func TestZoneProjectVerbTwentySixth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, facts := range []string{
		"来信反映：河边立着“饮用水水源二级保护区”的牌子，今年有人在牌子后面新盖了一个养牛场，牛粪水用管子排到河里。",
		"经查，当事人在饮用水水源二级保护区内盖起两排鸭棚饲养肉鸭，冲洗废水排入库湾。",
	} {
		res := analyzeOn(t, a, facts, "2026-04-20")
		if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != "water-91-second-zone-project" {
			t.Fatalf("violations %v, want water-91-second-zone-project first", ids(res.Violations))
		}
		if why := res.Violations[0].Why; strings.Contains(why, "未提及新建") {
			t.Errorf("the new project not read: %s", why)
		}
	}
}
