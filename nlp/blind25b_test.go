package nlp

import "testing"

// TestPartyBracketAgeTwentyFifth checks that an age written in the party's
// bracket behind a sex or an ethnicity (违法嫌疑人陈某（女，汉族，16周岁）) is the
// party's, while the same bracket after a victim's or a caller's name keeps
// the age another's.
func TestPartyBracketAgeTwentyFifth(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		party float64 // -1: none
		other float64 // -1: none
	}{
		{"suspect, sex and ethnicity first", "经查，违法嫌疑人陈某（女，汉族，16周岁，职高学生）冒用他人名义在商场骗取购物卡两张。", 16, -1},
		{"party, ASCII brackets", "当事人周某某(男,15岁,初中学生)在校门外多次向低年级学生索要零花钱。", 15, -1},
		{"the one struck", "违法行为人吴某因琐事殴打了邻居胡某（男，72岁），致其面部擦伤。", -1, 72},
		{"the caller", "报警人李某（男，16岁）称其在网吧被人推搡。", -1, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := checkPartyAge(t, tc.in, tc.party)
			if tc.other >= 0 {
				checkOtherAge(t, x, tc.other)
			}
		})
	}
}

// TestUnpaidTaxBaseTwentyFifth checks that a withholding agent's tax told as
// not paid over, after the amount (……万元未解缴) or before it (少解缴已扣税款
// ……元), is the tax base, not the whole withheld the text names first.
func TestUnpaidTaxBaseTwentyFifth(t *testing.T) {
	checkTotals(t, []totalRow{
		{"told after the amount", "经查，当事人2025年度共代扣职工个人所得税合计20万元，通过零申报方式，其中15万元至今未缴入库。", RoleTax, 150000},
		{"told before the amount", "某某物流公司2025年从司机运费中代扣个人所得税共计9万元，仅申报解缴2.5万元，少解缴已扣税款6.5万元。", RoleTax, 65000},
	})
}
