package nlp

import "testing"

// TestOpenTakingsEighteenth: a fare per seat or per trip, where the text
// says the run's earlier takings are still open, is no 违法所得 in all; with
// a count named as the whole it still is (fare × count), and without the
// open takings the lone fare still stands for them as before.
func TestOpenTakingsEighteenth(t *testing.T) {
	gains := func(text string) (float64, bool) {
		for _, tt := range Extract(text).Totals {
			if tt.Role == RoleIllegalGains {
				return tt.Value, true
			}
		}
		return 0, false
	}
	tests := []struct {
		text string
		want float64
		ok   bool
	}{
		{"一辆面包车在车站揽客，车上乘客4人，每人收车费40元，驾驶人称此前跑了多少趟记不清。", 0, false},
		{"私家车主每趟收取运费600元替人拉货，以往运营次数及收入尚未查清。", 0, false},
		{"私家车主每趟收取运费600元替人拉货，共拉了15趟，收入尚未查清的部分另案处理。", 9000, true},
		{"驾驶人无道路运输证，每次收运费800元。", 800, true},
	}
	for _, tt := range tests {
		got, ok := gains(tt.text)
		if ok != tt.ok || got != tt.want {
			t.Errorf("%s: gains %v %v, want %v %v", tt.text, got, ok, tt.want, tt.ok)
		}
	}
}
