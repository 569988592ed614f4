package nlp

import (
	"slices"
	"testing"
)

// goodsTotal returns the 货值金额 total of x and whether there is one.
func goodsTotal(x Extraction, role string) (float64, bool) {
	for _, t := range x.Totals {
		if t.Role == role {
			return t.Value, true
		}
	}
	return 0, false
}

// TestListedPartsOfAStatedFigure: the breakdown a 其中 opens after a figure
// (货值金额¥21700.00元（其中已售¥13,500.00元，库存¥8,200.00元）) adds nothing
// to it, however many phrases the list runs to; the sum that closes the
// list is no part, and a list closed by its bracket ends there (issue 12,
// acc15decisions).
func TestListedPartsOfAStatedFigure(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want float64
	}{
		{"stock in the second phrase of the list", "经查，当事人销售的电缆货值金额9600元，其中已售部分5600元，库存部分4000元。", 9600},
		{"bracketed breakdown in yuan signs", "该批插座货值金额¥15,300.00元（其中已销售¥9,000.00元，库存待售¥6,300.00元）。", 15300},
		{"the sum closing the list", "其中已销售部分货值金额人民币叁仟元，库存部分货值金额人民币贰仟伍佰元，合计货值金额人民币伍仟伍佰元。", 5500},
		{"a stock figure after the bracket closes", "经查，已售饮料货值金额3000元（其中退货1000元），另查获库存饮料货值金额2000元。", 5000},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(tc.in)
			checkSpans(t, tc.in, x)
			if got, ok := goodsTotal(x, RoleGoodsValue); !ok || got != tc.want {
				t.Errorf("货值金额 %v (%v); want %v", got, ok, tc.want)
			}
		})
	}
}

// TestBaseFoundUnknowable: a decision that closes the question of a base
// in any of its verbs (违法经营额无法查实, 无从查证其违法所得, 不能认定) states
// it nil, so the statute's bracket for none applies; a provisional one
// (暂无法核定, 尚无法查实, 无法核实 of what is still checked) leaves it open.
func TestBaseFoundUnknowable(t *testing.T) {
	tests := []struct {
		name, in, role string
		none           bool
	}{
		{"无法查实 after the base", "经查，当事人销售仿冒他人包装的饮料，因未建账，违法经营额无法查实。", RoleIllegalRevenue, true},
		{"无从查证 before the base", "当事人拒不提供账册，现有证据无从查证其违法所得。", RoleIllegalGains, true},
		{"不能认定 after the base", "经调查，当事人的违法所得不能认定。", RoleIllegalGains, true},
		{"provisional before", "当事人尚无法查实其违法所得，本局继续调查。", RoleIllegalGains, false},
		{"provisional after", "该车此前的违法所得暂无法核定。", RoleIllegalGains, false},
		{"still being checked", "驾驶人称此前收了多少运费无法核实。", RoleIllegalGains, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(tc.in)
			v, ok := goodsTotal(x, tc.role)
			if got := ok && v == 0; got != tc.none {
				t.Errorf("%s stated nil = %v; want %v (totals %+v)", tc.role, got, tc.none, x.Totals)
			}
		})
	}
}

// TestFirstViolationAndHarmWords: the first violation in a decision's other
// words (此前未因……受过处罚, 经查询无行政处罚记录, 从未受过任何处罚) and the harm
// to those who ate or used a thing told by its symptoms and treatment
// (出现呕吐、腹泻症状, 经医院救治) — the latter lengthens 第三十六条's limitation
// to five years for 食品、药品.
func TestFirstViolationAndHarmWords(t *testing.T) {
	tests := []struct {
		name, in, circ string
		want           bool
	}{
		{"no penalty of the kind before", "该店此前未因价格违法行为受过处罚，当场补标了价签。", CircFirstViolation, true},
		{"a search found no record", "经系统查询，当事人无行政处罚记录。", CircFirstViolation, true},
		{"never penalised", "店主称自己从未受过任何处罚。", CircFirstViolation, true},
		{"symptoms of those who ate", "致3名顾客食用后出现呕吐、腹泻症状。", CircPersonHarmed, true},
		{"treated in hospital", "两名儿童使用后皮肤红肿，经医院救治后好转。", CircPersonHarmed, true},
		{"no symptoms", "经回访，购买者均未出现不适症状。", CircPersonHarmed, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Extract(tc.in).Flag(tc.circ); got != tc.want {
				t.Errorf("%s = %v; want %v", tc.circ, got, tc.want)
			}
		})
	}
}

// TestWhoseAge: an age right after a verb acting on a person is the one
// acted on (殴打七十二岁的邻居); a child the text shows doing the act (一名小
// 男孩把玩具塞进书包……该男孩……时年十二周岁) is the party, while a child
// struck stays another's.
func TestWhoseAge(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		party float64 // -1: none
		other float64 // -1: none
	}{
		{"the old man struck", "经查，2026年4月3日，违法行为人鲁某在菜市场殴打七十五岁的摊主秦某。", -1, 75},
		{"the old woman pushed down", "2026年5月1日，焦某因排队纠纷推倒一名71岁的老人。", -1, 71},
		{"the girl who did it", "超市报警：一个小女孩把货架上的发卡塞进背包想带走，被店员拦下。民警查明该女孩时年十一周岁。", 11, -1},
		{"the boys who did it, by birth date", "2026年3月5日，两名初中生用石块砸坏小区路灯。经查，该初中生甄某某2013年4月出生。", 12, -1},
		{"the pupil struck", "2026年3月2日 家长邢某因孩子之间纠纷 打了学生朱某某（2013年7月出生）两耳光", -1, 12},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := checkPartyAge(t, tc.in, tc.party)
			others := append(slices.Clone(x.OtherAges), x.StatedOtherAges...)
			if tc.other >= 0 && !slices.Contains(others, tc.other) {
				t.Errorf("other ages %v; want %v among them", others, tc.other)
			}
		})
	}
}
