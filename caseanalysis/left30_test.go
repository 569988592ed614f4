package caseanalysis

import (
	"strings"
	"testing"
)

// repeatFactorApplied reports whether the top violation's suggestion
// applied the common factor 二年内因同类违法行为受过行政处罚.
func repeatFactorApplied(res Result) bool {
	if len(res.Violations) == 0 || res.Violations[0].Suggestion == nil {
		return false
	}
	for _, st := range res.Violations[0].Suggestion.Trace {
		if strings.Contains(st.Result, "二年内因同类违法行为") {
			return true
		}
	}
	return false
}

// TestPriorPenaltyWindowKindThirtieth: the common factor 二年内因同类违法行为
// 受过行政处罚 reads each earlier penalty the text tells — its date against
// the act's two years, its cause against the benchmark's kind, whose it is
// and whether it still stands — not a bare 曾因…被罚款. Guards: a penalty of
// the same kind inside the window, and one a review upheld, stay 从重.
func TestPriorPenaltyWindowKindThirtieth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	const now = "2026年4月12日，执法人员检查某便利店，发现其冷柜内存放已过保质期的鲜牛奶6盒仍在销售。"
	for _, tt := range []struct {
		name, facts string
		applied     bool
	}{
		{"same kind inside two years", now + "该店曾于2025年9月因销售超过保质期的食品被区市场监管局罚款五千元。", true},
		{"same kind, a review upheld it", now + "该店曾于2025年9月因销售超过保质期的食品被罚款五千元，经行政复议维持原处罚决定。", true},
		{"same kind, more than two years before", now + "该店曾于2023年2月因销售超过保质期的食品被区市场监管局罚款五千元。", false},
		{"another kind inside two years", now + "该店曾于2025年9月因未按规定明码标价被区市场监管局罚款五百元。", false},
		{"a neighbour's penalty told by the complainant", "举报人王某反映，其邻居赵某曾因私搭乱建被城管罚款。" + now, false},
		{"same kind, revoked by a court", now + "该店曾于2025年9月因销售超过保质期的食品被罚款五千元，该处罚决定后经行政诉讼判决撤销。", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2026-05-06")
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != "food-124-expired" {
				t.Fatalf("top = %v, want food-124-expired", violationIDs(res))
			}
			if got := repeatFactorApplied(res); got != tt.applied {
				t.Errorf("二年内因同类 applied = %v, want %v", got, tt.applied)
			}
		})
	}
}

// TestPermitObtainedLateThirtieth: a permit obtained only after the works
// began without one (开工后已取得, 现已领取) is a correction, not an absence
// of 建设工程质量管理条例 第五十七条's act, complete when the works began.
// Guards: a permit obtained before the works, and one issued but not shown.
func TestPermitObtainedLateThirtieth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts string
		first       bool
	}{
		{"obtained after the works began", "某置业公司的安置房项目在未领取建筑工程施工许可证的情况下于2026年2月组织桩基施工，开工后已取得施工许可证，工程合同价款5600万元。", true},
		{"obtained now, works begun without", "某学校教学楼扩建工程没有办理施工许可证即进场施工，目前已领取建筑工程施工许可证。", true},
		{"obtained before the works began", "某学校教学楼扩建工程于2026年3月进场施工，开工前已领取建筑工程施工许可证，检查时项目经理未能出示施工许可证。", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2026-05-06")
			got := len(res.Violations) > 0 && res.Violations[0].BenchmarkID == "quality-57-construction-without-permit"
			if got != tt.first {
				t.Errorf("quality-57 first = %v, want %v: %v", got, tt.first, violationIDs(res))
			}
		})
	}
}

// TestUnapprovedTransferThirtieth: 生态环境法典 第一千一百七十五条第一款第（八）项
// (“未经批准擅自转移危险废物”, 第二款 “处二十万元以上二百万元以下的罚款”) has its
// own benchmark; the manifest's item (第（七）项, 五万元以上二十万元以下) yields to
// it. Guards: a manifest not run on an approved transfer, and an act
// before the 法典 (固废法 第一百一十二条, both in one item).
func TestUnapprovedTransferThirtieth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts, want string
	}{
		{"moved to another province without approval", "2026年11月2日，某表面处理公司未经生态环境主管部门批准，私自将含镍污泥6.5吨运至外省某企业。", "eco-1175-hw-unapproved-transfer"},
		{"a provincial transfer never applied for", "2026年12月1日，某制药公司将废有机溶剂4吨跨省转移至某回收企业，未申请跨省转移审批。", "eco-1175-hw-unapproved-transfer"},
		{"approved, the manifest not run", "2026年11月20日，某制药公司持省厅跨省转移批准文件，将废有机溶剂4吨交持证企业处置，但未运行危险废物转移联单。", "eco-1175-hw-manifest"},
		{"storage, no transfer", "2026年11月5日检查发现，某印刷厂将废油墨桶20余只堆放在车间外空地，未设置危险废物贮存场所，无防渗措施。", "eco-1175-hw-storage"},
		{"before the 法典", "2025年11月2日，某表面处理公司未经生态环境主管部门批准，私自将含镍污泥6.5吨运至外省某企业。", "waste-112-hw-manifest"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2026-12-20")
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != tt.want {
				t.Errorf("top = %v, want %s", violationIDs(res), tt.want)
			}
		})
	}
}

// TestExportRebateBaseThirtieth: 税收征收管理法 第六十六条 “处骗取税款一倍以上
// 五倍以下的罚款”: the rebate obtained by fraud told without 税款 (多申报出口
// 退税, 骗取退税) is the base. Guard: the rebates declared in all (申报出口退税
// 共计…) are no base beside the part obtained by fraud.
func TestExportRebateBaseThirtieth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts string
		min, max    float64
	}{
		{"overdeclared rebate", "经税务稽查，某纺织品进出口公司2025年通过虚增出口单价多申报出口退税63,200元。", 63200, 316000},
		{"the part obtained by fraud beside the total", "某电子公司2025年度共申报出口退税540万元，经查其中以虚构出口合同骗取退税7.4万元。", 74000, 370000},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2026-06-01")
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != "tax-66-export-rebate-fraud" || res.Violations[0].Suggestion == nil {
				t.Fatalf("top = %v, want tax-66-export-rebate-fraud", violationIDs(res))
			}
			st := res.Violations[0].Suggestion.Statutory
			if st == nil || st.FineMin != tt.min || st.FineMax != tt.max {
				t.Errorf("statutory = %+v, want %v–%v", st, tt.min, tt.max)
			}
		})
	}
}
