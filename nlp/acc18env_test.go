package nlp

import "testing"

// TestLaterDateOfTheSentenceEighteenth: a date alone at the head of a
// sentence is read with the sentence's words up to the next date only: the
// decision told later in it (，本案于2026年9月作出处罚决定) is that date's, so
// the inspection's day stays the finding's and the act keeps the law of its
// time (生态环境法典 施行前的行为).
func TestLaterDateOfTheSentenceEighteenth(t *testing.T) {
	tests := []struct {
		name, in, value, role string
	}{
		{"an inspection, then the decision in the same sentence", "2026年7月6日，执法人员在某水库饮用水水源二级保护区巡查，发现某山庄在库岸设置排污口排放厨房污水，本案于2026年9月作出处罚决定。", "2026-07-06", DateDiscovery},
		{"a check, then a yearless decision day", "2025年3月2日，执法人员检查发现某厂在车间外露天堆放废矿物油，我局于4月20日作出行政处罚决定。", "2025-03-02", DateDiscovery},
		{"the act, then the decision written with dashes", "2026年5月10日，当事人开工建设未经批准的项目，2026-09-21作出处罚决定。", "2026-05-10", DateAct},
		// the decision's own date keeps its role
		{"the decision's date", "2026年7月6日，执法人员巡查发现某山庄设置排污口，本案于2026年9月作出处罚决定。", "2026-09-01", DateDecision},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkDateRole(t, tc.in, tc.value, tc.role) })
	}
}

// checkDateRole checks that Extract reads the date value of in with role.
func checkDateRole(t *testing.T, in, value, role string) {
	t.Helper()
	x := Extract(in)
	for _, d := range x.Dates {
		if d.Value == value {
			if d.Role != role {
				t.Errorf("role of %s = %q; want %q (dates %+v)", value, d.Role, role, x.Dates)
			}
			return
		}
	}
	t.Errorf("no date %s in %+v", value, x.Dates)
}
