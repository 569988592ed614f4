package nlp

import "testing"

// TestBlindPhrasingsTwentyThird checks the circumstance phrasings behind the
// dispositions a random blind batch missed (blind23a), in other words than
// its rows: a record searched with its field named between (此前无任何食品安全
// 违法记录, 没有任何…违法记录), a matter never dealt with before (此前未因此被处理过), and no tax
// due over a late registration (尚未产生应纳税款) as no harm to the revenue;
// a record of another kind named as existing stays no first violation.
func TestBlindPhrasingsTwentyThird(t *testing.T) {
	tests := []struct {
		name, in, circ string
		want           bool
	}{
		{"record with its field between", "经系统查询，该超市此前无任何食品安全违法记录。", CircFirstViolation, true},
		{"no record of any kind, in other words", "据核查，当事人没有任何道路运输违法记录。", CircFirstViolation, true},
		{"never dealt with before", "该住户称此前未因此被处理过，执法人员核实属实。", CircFirstViolation, true},
		{"a record found is none of these", "经查，该公司此前有两次违法记录。", CircFirstViolation, false},
		{"no tax due over the late weeks", "逾期期间该个体户尚未产生应纳税款。", CircNoHarm, true},
		{"no tax due, in other words", "经核实，当事人在此期间没有产生应纳税款。", CircNoHarm, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := Extract(tc.in)
			checkSpans(t, tc.in, x)
			if got := x.Flag(tc.circ); got != tc.want {
				t.Errorf("Flag(%s) = %v; want %v (circumstances %+v)", tc.circ, got, tc.want, x.Circumstances)
			}
		})
	}
}

// TestBlindBasesTwentyThird checks the fine bases a random blind batch
// (blind23a) did not read, in other words than its rows: a register line's
// 合同价 (no 款) is the contract price, and goods valued at the shop's own
// price (按门店标价计) are the 货值金额.
func TestBlindBasesTwentyThird(t *testing.T) {
	checkTotals(t, []totalRow{
		{"contract price without 款", "2026-03-02 某某建工公司 承建某某小学教学楼 合同价760万元 立案", RoleContractPrice, 7600000},
		{"valued at the shop's price", "货架上剩余的过期洗面奶12支，按门店标价计合计960元。", RoleGoodsValue, 960},
		{"valued at the store's price", "库存的过期面膜按店铺标价计算共计1500元。", RoleGoodsValue, 1500},
	})
}
