package nlp

import "testing"

// TestOtherTradeAmountsSeventeenth: a sum of the party's trade in goods of
// the kind at large (本年度销售同类商品约3万元, 同类产品年销售额) is neither the
// 货值 nor the sales of the goods of the case, even where a register line
// runs the two into one clause.
func TestOtherTradeAmountsSeventeenth(t *testing.T) {
	for _, c := range []struct {
		text  string
		goods float64 // the only amount with a goods or sales role
	}{
		{"3.18 某便利店 货架上超过保质期的饮料19种 货值2800元 当事人称是忘了下架 本年度销售同类商品约3万元", 2800},
		{"库存过期酱油货值460元，另查该店上月销售各类商品约8万元。", 460},
		{"查获不合格电线12卷，货值金额5400元，该商行同类产品年销售额约50万元。", 5400},
		{"现场扣押假冒白酒30瓶 货值9000元 该店全店月营业收入约6万元", 9000},
		// the goods seized, all of them: their value is the case's own
		{"现场查扣的全部商品货值金额为3000元。", 3000},
		{"查获所有商品货值共计3000元。", 3000},
	} {
		x := Extract(c.text)
		var got []float64
		for _, a := range x.Amounts {
			if a.Role == RoleGoodsValue || a.Role == RoleSalesAmount {
				got = append(got, a.Value)
			}
		}
		if len(got) != 1 || got[0] != c.goods {
			t.Errorf("%s: goods or sales amounts %v, want only %v", c.text, got, c.goods)
		}
	}
}

// TestRevenueHarmSeventeenth: the harm of a tax or invoice violation is to
// the revenue, and officers say it was not done in those words (未造成税款
// 流失, 未影响税款征收, 未造成国家税款损失); a revenue loss that did happen
// is no such finding.
func TestRevenueHarmSeventeenth(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"该户系首次发生此类行为，未造成税款流失，已当场改正。", true},
		{"某公司首次逾期3天办理税务变更登记，未影响税款征收。", true},
		{"逾期5日申报，未造成国家税款损失，当日即完成申报。", true},
		{"经核查，该行为没有造成税款流失。", true},
		{"虚开发票导致国家税款流失十二万元。", false},
	} {
		x := Extract(c.in)
		if got := x.Flag(CircNoHarm); got != c.want {
			t.Errorf("%s: no_harm = %v, want %v", c.in, got, c.want)
		}
	}
}
