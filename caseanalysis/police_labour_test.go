package caseanalysis

import "testing"

// TestSocialInsuranceFine checks the fine of 社会保险法 第八十六条 is the
// arrears times one to three once the deadline has passed, and that
// 第八十四条 multiplies the contributions due.
func TestSocialInsuranceFine(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	tests := []struct {
		name, facts, want string
		min, max          float64
	}{
		{"arrears overdue", "当事人未按时足额缴纳社会保险费，欠缴社会保险费人民币捌万陆仟元，经责令限期缴纳，逾期仍不缴纳。", "si-86-arrears", 86000, 258000},
		{"arrears in 万", "当事人拖欠职工社保费3.2万元，经责令限期补缴，逾期仍未缴纳。", "si-86-arrears", 32000, 96000},
		{"never registered", "当事人一直未办理社会保险登记，经责令限期改正，逾期不改正，经核算应缴社会保险费为四万五千元。", "si-84-no-registration", 45000, 135000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := analyzeFirst(t, a, tt.facts, tt.want)
			s := res.Violations[0].Suggestion
			if s == nil || s.Statutory == nil || s.Statutory.FineMin != tt.min || s.Statutory.FineMax != tt.max {
				t.Fatalf("suggestion %+v, want %v–%v", s, tt.min, tt.max)
			}
		})
	}
}
