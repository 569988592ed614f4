package documents

import "testing"

func TestUpperAmounts(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{0, "零元整"},
		{8, "捌元整"},
		{10, "壹拾元整"},
		{1050.5, "壹仟零伍拾元伍角"},
		{200000, "贰拾万元整"},
		{100010, "壹拾万零壹拾元整"},
		{30000.07, "叁万元零柒分"},
		{120000000, "壹亿贰仟万元整"},
		{1000000001, "壹拾亿零壹元整"},
	}
	for _, tt := range tests {
		got := upper(tt.v)
		if got != tt.want {
			t.Errorf("upper(%v) = %s, want %s", tt.v, got, tt.want)
		}
		back, ok := parseUpper(got)
		if !ok || back != tt.v {
			t.Errorf("parseUpper(%s) = %v, %v; want %v", got, back, ok, tt.v)
		}
	}
	if got := yuan(1234567.891); got != "¥1,234,567.89" {
		t.Errorf("yuan = %s", got)
	}
	for _, bad := range []string{"贰拾万美元", "abc", "元伍伍角"} {
		if _, ok := parseUpper(bad); ok {
			t.Errorf("parseUpper(%s) accepted", bad)
		}
	}
}
