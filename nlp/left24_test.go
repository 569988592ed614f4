package nlp

import "testing"

// TestFieldRecordAndComplaintsTwentyFourth: a record of the agency's own
// field named in one word (无安全生产违法记录) is a first violation, as 无违法
// 记录 is, while a theft's record stays out (it speaks to 多次盗窃); 未有…投诉
// is no complaint, as 没有…投诉 is.
func TestFieldRecordAndComplaintsTwentyFourth(t *testing.T) {
	tests := []struct {
		text, name string
		want       bool
	}{
		{"经查询，该公司此前无安全生产违法记录。", CircFirstViolation, true},
		{"该店此前没有食品安全违法记录，当场改正。", CircFirstViolation, true},
		{"经查，吕某此前无盗窃违法记录。", CircFirstViolation, false},
		{"活动期间未有顾客投诉。", CircHarmSlight, true},
	}
	for _, tc := range tests {
		if got := Extract(tc.text).Flag(tc.name); got != tc.want {
			t.Errorf("%s: %s %v, want %v", tc.text, tc.name, got, tc.want)
		}
	}
}
