package caseanalysis

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// TestConstructionPhrasingFamiliesSeventeenth decides the kinds the
// seventeenth round's 住建、自然资源、路政 rows missed on first sight (issue
// 12), in other words than the rows':
//   - an article that leaves its fine's amount to a regulation (建筑法
//     第六十五条, 土地管理法 第七十六条) answers through the regulation's
//     article for the same conduct (rules.PricedBy);
//   - 建设工程质量管理条例's articles that had only a provision entry, told
//     by the party they punish (建设单位, 施工单位, 设计单位, 监理单位), over
//     another law's benchmark sharing a word (未经审查, 不合格, 拒不履行);
//   - 公路法 第七十六条第（三）、（四）项 and 第七十八条, and 土地管理法 第七十六条.
func TestConstructionPhrasingFamiliesSeventeenth(t *testing.T) {
	a := newProvisionAnalyzer(t)
	checkEnvPhrasing(t, a, []envPhrasingCase{
		{"an owner as the 建设单位 letting the shell to a crew without the grade", "经查，当事人某置业有限公司作为安居小区项目的建设单位，于2026年3月将该项目土建工程发包给不具有房屋建筑工程施工总承包资质的某劳务队施工，合同价款900万元。",
			"prov:construction-quality-54", "prov:construction-65-1", ""},
		{"an owner letting piling to an unqualified crew", "经查，某置业公司将其开发的商住楼桩基工程直接发包给一支没有任何施工资质的个人施工队施工。",
			"prov:construction-quality-54", "prov:construction-65-1", ""},
		{"a grade-three contractor building a tower", "经查，某建筑公司明知自己只有三级资质，仍承接了一栋高层住宅的施工，超出资质等级许可的范围，合同价款2000万元。",
			"quality-60-beyond-grade", "prov:construction-65-2", ""},
		{"a labour firm lending its name for a fee", "住建执法人员核查发现，某劳务公司允许包工头陈某挂靠其名下，以公司名义承接学校食堂工程，合同价款300万元，公司按3%收取管理费。",
			"quality-61-lending-name", "prov:construction-66", ""},
		{"a builder not coming to repair a leaking wall", "业主反映新房外墙渗水开裂，保修期内多次找施工单位维修，施工单位一直拖着不派人来修。",
			"quality-66-warranty", "consumer-56-refuse-remedy", ""},
		{"a supervisor signing off weak concrete", "经查，某监理公司总监理工程师在混凝土试块强度不合格的情况下，仍在分项工程验收记录上签字同意验收。",
			"quality-67-supervisor-false-sign", "prod-49-unsafe-standard", ""},
		{"building before the drawings passed review", "经查，某开发公司在施工图未经审查合格的情况下即组织施工单位开工建设3号楼。",
			"quality-56-drawings-unreviewed", "ad-58-unreviewed", ""},
		{"a design institute ignoring mandatory clauses", "经查，某设计院在医院门诊楼设计中未执行工程建设强制性标准，违反强制性条文两条。",
			"quality-63-design-standard", "prod-49-unsafe-standard", ""},
		{"a crawler dozer driven along a county road", "路政巡查发现，一台履带式推土机在县道上自行行驶转场，路面被履带压出多处坑槽。",
			"highway-76-tracked-vehicle", "highway-64-overlimit", ""},
		{"sand pumped beside a highway bridge", "经查，某采砂场在省道桥梁上下游各200米范围内抽砂作业，危及公路桥梁安全。",
			"highway-76-endangering-work", "safety-101-hazardous-operations", ""},
		{"a guard rail broken and the lorry driven off", "一辆渣土车在国道上撞断了一段波形护栏，司机没有向公路管理机构报告就开走了，路政人员通过监控找到车主。",
			"highway-78-damage-unreported", "highway-64-overlimit", ""},
		{"a mine not reclaiming its temporary land", "经查，某矿业公司临时用地期满后，经责令限期改正，逾期仍不履行土地复垦义务，已责令缴纳土地复垦费20万元。",
			"land-76-reclamation-refused", "land-81-not-returning-land", ""},
		// The safety manager who did not inspect (第九十六条), not the unit's
		// hazard left standing (第一百零二条): the catalog grew, and the two
		// stood within a thousandth of each other.
		{"a safety officer who never walked the floor", "经查，某铸造厂安全管理人员王某未履行检查本单位安全生产状况的职责，车间配电箱破损两周无人过问，但未造成事故。",
			"safety-96-manager-duties", "safety-102-hidden-danger", ""},
	})
}

// TestPricedWhyNamesArticle checks the explanation of a provision reached
// through an article that names no amount (rules.PricedBy): it names the
// article whose words the facts fit and says the amount is this entry's,
// as an officer cites both; an entry reached by its own words says neither.
func TestPricedWhyNamesArticle(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []struct {
		facts, id string
		via       bool
	}{
		{"经查，某发包单位将建筑工程肢解发包，并将工程发包给不具有相应资质条件的承包单位。", "prov:construction-quality-54", true},
		{"经查，某置业公司将其开发的商住楼桩基工程直接发包给一支没有任何施工资质的个人施工队施工。", "prov:construction-quality-54", false},
	}
	for _, tc := range tests {
		res, err := a.Analyze(context.Background(), Request{Facts: tc.facts})
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(res.Violations, func(v Violation) bool { return v.BenchmarkID == tc.id })
		if i < 0 {
			t.Errorf("%q: no %s among %v", tc.facts, tc.id, ids(res.Violations))
			continue
		}
		why := res.Violations[i].Why
		if got := strings.Contains(why, "事实与建筑法第六十五条第一款") && strings.Contains(why, "该条未规定罚款数额"); got != tc.via {
			t.Errorf("%q: why %q, naming 建筑法 第六十五条第一款 = %v, want %v", tc.facts, why, got, tc.via)
		}
	}
}
