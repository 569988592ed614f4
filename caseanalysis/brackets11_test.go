package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestBracketsSliceFamiliesTenth: the kinds the tenth round's brackets slice
// (issue 12, acc11brackets) found, in other words than its dev rows.
func TestBracketsSliceFamiliesTenth(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []datedPhrasingRow{
		// The permit not fetched, in the field's short verbs: the negation
		// describes the conduct, it does not deny the building.
		{"施工许可 not fetched, register line", "2025-06-03 某开发公司 住宅楼项目 没领施工许可证就动工 已浇筑至三层", "2025-06-03", "quality-57-construction-without-permit", "eia-31-unapproved-construction"},
		{"施工许可手续 not done", "某置业公司建设的商业楼未办施工许可手续即开始施工，合同价款待查。", "2025-06-03", "quality-57-construction-without-permit", "eia-31-unapproved-construction"},
		// An unlicensed driver picking up outside a station is 第六十三条,
		// not a licensed operator's 站外揽客 (第六十八条).
		{"unlicensed driver outside a bus station", "执法人员在汽车站外查获一辆小轿车载客去邻县，驾驶人无法出示道路运输经营许可证，乘客称每人付了40元。", "2025-09-01", "transport-63-unlicensed-passenger", "transport-68-passenger-route"},
		// A ledger of farm inputs or building goods is no food trader's
		// 进货查验记录.
		{"farm inputs without a ledger", "某农资店以普通钾肥冒充优质硫酸钾销售，该店未建立进货台账，货值无法计算。", "2025-09-01", "prod-50-adulterate", "food-126-purchase-records"},
		// A room let out to an unlicensed food workshop is no road
		// transport permit let out (道路运输条例 第六十六条).
		{"a room let to an unlicensed kitchen", "房东把临街的出租房租给外地人做卤味，对方未取得食品经营许可证就对外批发，卖了多少尚未查清。", "2025-09-01", "food-122-unlicensed", "transport-66-permit-transfer"},
		// Goods whose label says they are in date are not label defects nor
		// expired: their own fault decides.
		{"spoiled meat in date by its label", "执法人员在某超市冷柜查见猪肉馅发绿发臭，标签显示尚在保质期内，数量正在清点。", "2025-09-01", "food-124-spoiled", "food-125-label"},
	}
	checkDatedPhrasings(t, a, tests)

	// The base unknown, an amount of another kind beside it: the brackets
	// of the statute, never one range from the other amount.
	brackets := []struct {
		name, facts, want string
		base              string
	}{
		{"withheld tax not computed", "某公司2024年向外聘讲师支付课酬时未代扣个人所得税，应扣未扣的税额尚待核定。", "tax-69-failure-to-withhold", "tax_unwithheld"},
		{"an earlier 罚没款 beside the unknown 货值", "2025-05-06 某灯具店 以三类灯具冒充一类灯具销售 货值不详 去年因无照经营被罚没1.1万元", "prod-50-adulterate", "goods_value"},
		{"the year's turnover beside an overcharge", "某景区停车场超出政府指导价收取停车费，多收金额尚未查清，该停车场全年营业额约一百二十万元。", "price-9-government-price", "illegal_gains"},
		{"a fee the driver pays beside unknown fares", "个体司机未取得道路运输经营许可，用自有货车为他人拉货，每月向车队交管理费1000元，此前运费收入说不清。", "transport-63-unlicensed-freight", "illegal_gains"},
	}
	for _, tt := range brackets {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeOn(t, a, tt.facts, "2025-09-01")
			ids := violationIDs(res)
			if len(ids) == 0 || ids[0] != tt.want {
				t.Fatalf("violations %v, want %s first\n%s", ids, tt.want, whys(res.Violations))
			}
			s := res.Violations[0].Suggestion
			if s == nil || s.Statutory != nil {
				t.Fatalf("a single range %+v where the base is not stated", s.Statutory)
			}
			found := false
			for _, c := range s.Conditional {
				found = found || (c.Multiple != nil && c.Base == tt.base)
			}
			if !found {
				t.Errorf("no bracket on %s (%s) in %+v", tt.base, rules.ProvisionBaseLabel(tt.base), s.Conditional)
			}
		})
	}
}
