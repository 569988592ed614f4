package nlp

import "testing"

// TestMarketThirteenthRoundReadings checks the readings the 市场监管 round of
// issue 12's twelfth round touched, in other words than its development
// rows: the sum of the invoices a clause issues (金额合计, 票面额共计) is the
// 虚开金额; an overcharge read either way (多收 before the amount, 加价 after
// 每) times the units sold is the 违法所得; 帐 in account words is 账 where
// facts are read, and a tent's 帐 stays.
func TestMarketThirteenthRoundReadings(t *testing.T) {
	checkTotals(t, []totalRow{
		{"the sum of invoices issued for others", "当事人为他人开具与实际交易不符的增值税普通发票五份，金额合计人民币8.6万元。", RoleInvoiceAmount, 86000},
		{"the face of invoices issued, spoken", "该店替别人开出发票2张 票面额共计三万元", RoleInvoiceAmount, 30000},
		{"a premium after 每 times the count sold", "该摊位每只烤鸭加价6元，当天共卖出70只。", RoleIllegalGains, 420},
		{"an overcharge before the amount times the count sold", "收银时每袋多收了人民币1.5元，共售出200袋。", RoleIllegalGains, 300},
	})
	for _, c := range []struct{ in, want string }{
		{"未按规定设置帐簿、记帐凭证，另设两套帐", "未按规定设置账簿、记账凭证,另设两套账"},
		{"在公园内搭帐篷、挂蚊帐", "在公园内搭帐篷、挂蚊帐"},
	} {
		if got := NormalizeText(c.in); got != c.want {
			t.Errorf("NormalizeText(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := Normalize(c.in).Text; got != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// totalRow is a text and the total of a role Extract must read from it.
type totalRow struct {
	name, text, role string
	want             float64
}

// checkTotals extracts each row's text and checks its total.
func checkTotals(t *testing.T, rows []totalRow) {
	t.Helper()
	for _, tt := range rows {
		t.Run(tt.name, func(t *testing.T) {
			x := Extract(tt.text)
			for _, tot := range x.Totals {
				if tot.Role == tt.role {
					if tot.Value != tt.want {
						t.Errorf("%s %v, want %v (totals %+v)", tt.role, tot.Value, tt.want, x.Totals)
					}
					return
				}
			}
			t.Errorf("no %s in totals %+v (amounts %+v)", tt.role, x.Totals, x.Amounts)
		})
	}
}
