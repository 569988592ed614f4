package caseanalysis

import (
	"context"
	"testing"
)

// TestPermitNotShownTwentyNinth: a construction permit asked for at the site
// and not shown (无法提供施工许可手续, 不能出示施工许可证), with the building
// told as a stage under way (正在进行主体结构施工), is 建设单位未取得施工许可证
// 擅自施工 (建设工程质量管理条例 第五十七条, 合同价款1%–2%). Guards: a
// planning permit not shown is 城乡规划法 第六十四条 on the 工程造价; a
// contractor's safety licence not shown and a permit shown are no such case.
// Checked without the learned vote: the rule must stand on its own.
func TestPermitNotShownTwentyNinth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts, want, not string
		min, max               float64
	}{
		{"the permit not provided, the frame under way", "住建局执法人员检查某学校教学楼扩建工地，现场正在进行主体结构施工，建设单位某教育投资公司无法提供施工许可手续。经查，该工程施工合同价款为860万元。",
			"quality-57-construction-without-permit", "", 86000, 172000},
		{"the permit not shown, piles being driven", "巡查发现某房地产开发公司的住宅项目正在打桩，建设单位不能出示建筑工程施工许可证，工程合同价款3200万元。",
			"quality-57-construction-without-permit", "", 320000, 640000},
		{"a planning permit not shown", "某公司在厂区内加建钢结构车间，执法时正在进行屋面施工，该公司不能出示建设工程规划许可证，经规划部门认定尚可采取改正措施，工程造价52万元。",
			"plan-64-no-permit-correctable", "quality-57-construction-without-permit", 26000, 52000},
		{"a contractor's safety licence not shown", "检查某道路改造工地时，施工单位未能出示安全生产许可证，现场正在进行路基施工，项目经理称证书在公司。",
			"", "quality-57-construction-without-permit", 0, 0},
		{"the permit shown", "检查某商住楼工地，正在进行基础施工，建设单位当场出示了建筑工程施工许可证，但工地围挡破损。",
			"", "quality-57-construction-without-permit", 0, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			// The rule alone, without the learned vote, which already
			// ranks some of these right.
			res, err := a.Analyze(WithExemplars(context.Background(), nil, 0), Request{Facts: tt.facts, DecisionDate: "2026-06-01"})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Violations) == 0 {
				t.Fatal("no violation")
			}
			top := res.Violations[0]
			if tt.want != "" && top.BenchmarkID != tt.want {
				t.Fatalf("violations %v, want %s first\n%s", ids(res.Violations), tt.want, whys(res.Violations))
			}
			if tt.not != "" && top.BenchmarkID == tt.not {
				t.Fatalf("%s ranks first\n%s", tt.not, whys(res.Violations))
			}
			if tt.max > 0 {
				if st := top.Suggestion.Statutory; st == nil || st.FineMin != tt.min || st.FineMax != tt.max {
					t.Errorf("statutory %v, want %v–%v", st, tt.min, tt.max)
				}
			}
		})
	}
}

// TestAdCostTooLowTwentyNinth: an ad's cost the agency finds 明显偏低 (支付
// 广告费用仅500元，该广告费用明显偏低; …，明显低于同类广告市场价格) takes 广告法
// 第五十五条's bracket for a cost 无法计算或者明显偏低 (二十万元以上一百万元以下),
// not three to five times the figure. Guards: a figure found not low, the
// statute quoted in the decision, a complainant's view, and a price of goods
// 明显低于同行 keep the multiple of the figure.
func TestAdCostTooLowTwentyNinth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, facts string
		min, max    float64
	}{
		{"found far too low", "经查，当事人某健身器材店在其微信公众号发布虚假广告，宣称器材获得国家专利，支付广告费用仅500元，该广告费用明显偏低。", 200000, 1000000},
		{"below the market, told after the figure", "经查，当事人某装饰工程公司委托某传媒公司在公交站台灯箱发布虚假广告，宣称其为行业十强企业，支付广告费用2000元，明显低于同类广告市场价格。", 200000, 1000000},
		{"found not low", "经查，当事人某教育咨询公司发布虚假广告，宣称课程获得国家专利，广告费用为8000元，经核实并不明显偏低。", 24000, 40000},
		{"the statute quoted", "经查，当事人某教育咨询公司发布虚假广告，宣称课程获得国家专利，广告费用为8000元。依据广告法第五十五条第一款“广告费用无法计算或者明显偏低的，处二十万元以上一百万元以下的罚款”的规定处理。", 24000, 40000},
		{"a complainant's view", "经查，当事人某茶叶店发布虚假广告，宣称茶叶获得国际金奖，支付广告费用6000元，举报人认为该广告费用明显偏低。", 18000, 30000},
		{"the goods' price, not the ad's cost", "经查，当事人某五金店发布虚假广告，宣称商品获得国家专利，广告费用为3000元，其商品售价明显低于同行。", 9000, 15000},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(WithExemplars(context.Background(), nil, 0), Request{Facts: tt.facts, DecisionDate: "2026-06-01"})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != "ad-55-false-advertiser" {
				t.Fatalf("violations %v, want ad-55-false-advertiser first", ids(res.Violations))
			}
			if st := res.Violations[0].Suggestion.Statutory; st == nil || st.FineMin != tt.min || st.FineMax != tt.max {
				t.Errorf("statutory %v, want %v–%v", st, tt.min, tt.max)
			}
		})
	}
}
