package caseanalysis

import (
	"strings"
	"testing"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// TestReviewRev30AThirtieth: the regressions the review of the twenty-ninth
// round's merge found (rev30, items 1, 2, 4), fixed by fix30a.
//   - thefts: only the party's own thefts are 多次盗窃 (2013年盗窃解释 第三条):
//     not thefts it suffered (被人偷走, 遭人盗窃) nor goods another stole that
//     it bought (收购…盗窃的电缆). Guard: the party's own three.
//   - waste: a weight per barrel times the barrels of that waste only, not
//     empty barrels told beside it; waste kept (存放于车间内) is no tonnes
//     排放、倾倒、处置 (解释 第一条第（二）项). Guards: barrels counted in an
//     earlier sentence, waste left scattered (a heap in the open keeps its
//     tonnes; barrels kept in the open are not multiplied).
//   - top: 法典 第五百三十六条第二款's approval is for a transfer 跨省: one
//     inside the province stays 第一千一百七十五条第一款第（七）项 (联单).
func TestReviewRev30AThirtieth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	for _, tt := range []struct {
		name, kind, facts string
		thefts            bool    // kind "thefts": 多次盗窃 written
		tonnes            float64 // kind "waste": hazardous_waste_t
		top               string  // kind "top": the first benchmark
	}{
		{name: "thefts the shop suffered", kind: "thefts",
			facts: "当事人开设的便利店2025年3月被人偷走电动车一辆，2025年7月遭人盗窃收银机现金，2026年1月又被人偷走香烟三条，当事人店内销售无中文标签进口食品。"},
		{name: "stolen goods bought by a scrap yard", kind: "thefts",
			facts: "某回收站于2025年4月2日收购李某盗窃的变压器铜芯，2025年9月11日收购李某盗取的电缆，2026年2月6日又收购其窃取的窨井盖，未如实登记。"},
		{name: "guard: the party's own three thefts", kind: "thefts", thefts: true,
			facts: "王某供述：2025年4月在菜市场偷走他人手机一部，2025年9月窃取工地电缆，2026年2月被发现盗走小区电动车电瓶。"},
		{name: "empty barrels beside the waste's", kind: "waste", tonnes: 0.5,
			facts: "某机械公司将废乳化液2桶（每桶约250公斤）交给无资质个人处置，车间角落另有空塑料桶35只，待厂家回收。"},
		{name: "waste kept in a workshop, barrels times weight", kind: "waste", tonnes: 0,
			facts: "某汽车维修店将废机油18桶（每桶约190公斤）存放于车间内，未设置危险废物识别标志，未建立管理台账。"},
		{name: "waste kept in tonnes", kind: "waste", tonnes: 0,
			facts: "某喷涂厂将废漆渣约5吨贮存于仓库内，未按规定设置危险废物贮存场所标志。"},
		{name: "barrels kept in the open, one barrel's weight", kind: "waste", tonnes: 0.2,
			facts: "某修理厂未按规定贮存危险废物，现场查见废机油15桶，每桶约200公斤，均存放于露天场地，未设置识别标志。"},
		{name: "guard: barrels counted in an earlier sentence", kind: "waste", tonnes: 3.2,
			facts: "河滩上散落铁桶十六只。经查，当事人雇人将废切削液用上述铁桶运至河滩倾倒，每桶约200公斤。"},
		{name: "guard: waste left scattered", kind: "waste", tonnes: 4,
			facts: "某电镀厂将电镀污泥约4吨堆放于厂外空地，袋体破损，污泥散落在地面上。"},
		{name: "transfer inside the city", kind: "top", top: "eco-1175-hw-manifest",
			facts: "2026年10月12日检查发现，某机修厂私自转移废机油3桶至本区另一家汽修店，未运行危险废物转移联单。"},
		{name: "guard: transfer to another province", kind: "top", top: "eco-1175-hw-unapproved-transfer",
			facts: "2026年10月12日检查发现，某机修厂未经批准私自将废机油6吨运往外省某回收企业。"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			switch tt.kind {
			case "thefts":
				if got := strings.HasSuffix(withDatedThefts(tt.facts), "多次盗窃"); got != tt.thefts {
					t.Errorf("多次盗窃 written = %v, want %v", got, tt.thefts)
				}
			case "waste":
				m := measures(nlp.NormalizeText(tt.facts), tt.facts, nlp.Extract(tt.facts))
				if got := m[rules.MeasureHazardousWaste]; got < tt.tonnes-1e-9 || got > tt.tonnes+1e-9 {
					t.Errorf("hazardous_waste_t = %v, want %v", got, tt.tonnes)
				}
			case "top":
				res := analyzeOn(t, a, tt.facts, "2026-12-20")
				if len(res.Violations) == 0 || res.Violations[0].BenchmarkID != tt.top {
					t.Errorf("top = %v, want %s", violationIDs(res), tt.top)
				}
			}
		})
	}
}
