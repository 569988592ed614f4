package nlp

import "testing"

// TestBaseReadersTwentyEighth: the bases a range turns on, told the way
// decisions tell them — lots each with its count and price, a mined
// value named only 市场价值, and beside the base money of another kind (a
// refund to buyers, a claim against the party) that is no part of it. The
// guards keep a single lot, lots of a purchase price, a market value
// outside mining, and an amount after the value as they were.
func TestBaseReadersTwentyEighth(t *testing.T) {
	for _, tt := range []struct {
		name, text, role string
		want             float64 // -1: no total of the role
	}{
		{"three lots each priced", "现场查获劣质插线板三个批次：甲批次200个，标价每个18元；乙批次150个，标价每个25元；丙批次60个，标价每个42元。", RoleGoodsValue, 200*18 + 150*25 + 60*42},
		{"two lots priced as sold", "当事人加工月饼两批：豆沙月饼300盒，售价每盒28元；五仁月饼120盒，售价每盒35元。", RoleGoodsValue, 300*28 + 120*35},
		{"one lot is countTimesPrice's", "仓库内存放假冒机油80桶，每桶售价260元。", RoleGoodsValue, 80 * 260},
		{"a share sold is no second lot", "当事人共进货劣质机油100桶，每桶售价30元；其中已售出40桶，每桶售价30元。", RoleGoodsValue, 100 * 30},
		{"a stated value wins over the lots", "涉案货值金额共计5600元；其中A款40件，标价每件80元；B款30件，标价每件60元。", RoleGoodsValue, 5600},
		{"a refund to buyers is no sale", "经检验该批取暖器不合格，涉案货值约¥9,200元，当事人已向三名顾客退还货款1380元。", RoleGoodsValue, 9200},
		{"the refund itself is no sale", "经检验该批取暖器不合格，涉案货值约¥9,200元，当事人已向三名顾客退还货款1380元。", RoleSalesAmount, -1},
		{"sales still are", "经检验该批取暖器不合格，当事人已售出该批取暖器，货款1380元。", RoleSalesAmount, 1380},
		{"a claim beside the contract price", "该项目施工合同价款为1,250万元，建设单位提出的返工索赔款约60万元。", RoleContractPrice, 12500000},
		{"a mined value named 市场价值", "经查，王某在河道内盗采河砂约5000立方米，经评估市场价值为12.5万元。", RoleMineralValue, 125000},
		{"an amount after the value is not it", "经查，王某在河道内盗采河砂约5000立方米，经评估市场价值为12.5万元，王某称卖砂得款9万元。", RoleMineralValue, 125000},
		{"a dividend elsewhere is no annual income", "经核实，厂长周某2025年度从本厂取得年收入为人民币叁拾万元，另持有某酒店股份获得分红约6万元。", RoleAnnualIncome, 300000},
		{"the income alone still is", "经核实，厂长周某2025年度从本厂取得年收入为人民币叁拾万元。", RoleAnnualIncome, 300000},
		{"a market value outside mining is none", "经鉴定，被盗的电动自行车市场价值为2600元。", RoleMineralValue, -1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := -1.0
			for _, x := range Extract(tt.text).Totals {
				if x.Role == tt.role {
					got = x.Value
				}
			}
			if got != tt.want {
				t.Errorf("%s total = %v, want %v (totals %+v)", tt.role, got, tt.want, Extract(tt.text).Totals)
			}
		})
	}
}
