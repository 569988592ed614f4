package rules

import "testing"

// TestBelowStandardGuard checks that the guarded expression for a finding
// below the criminal standard answers as the bare expression does: a guard
// literal missing from some match would make transfer ignore the finding.
func TestBelowStandardGuard(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"经核查，涉案金额尚未达到刑事立案标准。", true},
		{"未达到立案追诉标准", true},
		{"未达立案标准", true},
		{"不够追诉标准", true},
		{"不足刑事立案追诉标准", true},
		{"当事人的行为尚不构成犯罪。", true},
		{"依法不构成刑事犯罪", true},
		{"不构成犯罪", false},
		{"达到立案标准", false},
		{"销售不符合食品安全标准的食品", false},
		{"", false},
	}
	for _, tt := range tests {
		bare := belowStandardRe.Regexp.MatchString(tt.text)
		if got := declaresBelowStandard(tt.text); got != tt.want || got != bare {
			t.Errorf("declaresBelowStandard(%q) = %v, bare expression %v, want %v", tt.text, got, bare, tt.want)
		}
	}
}
