package nlp

import (
	"errors"
	"testing"
)

func TestParseChineseInt(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		{"一百二十四", 124},
		{"124", 124},
		{"十", 10},
		{"十二", 12},
		{"二十", 20},
		{"一百一十", 110},
		{"一百零五", 105},
		{"一千零五", 1005},
		{"一万五千", 15000},
		{"一万五", 15000},
		{"三千五", 3500},
		{"两千", 2000},
		{"1万5千", 15000},
		{"5千", 5000},
		{"壹仟贰佰", 1200},
		{"一亿五千万", 150000000},
		{"十万", 100000},
		{"二十万", 200000},
		{"一百万", 1000000},
		{"三千万", 30000000},
		{"二〇二一", 2021},
		{"零", 0},
		{"一千一百六十五", 1165},
	}
	for _, tt := range tests {
		got, err := ParseChineseInt(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseChineseInt(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "abc", "一百x", "-5", "九九九九九九九九九九九九九九九九九九九九九", "99999999999999999999"} {
		if _, err := ParseChineseInt(bad); !errors.Is(err, ErrNotNumber) {
			t.Errorf("ParseChineseInt(%q) err = %v; want ErrNotNumber", bad, err)
		}
	}
}

func TestFormatChineseIntRoundTrip(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{1, "一"}, {10, "十"}, {12, "十二"}, {20, "二十"}, {110, "一百一十"},
		{105, "一百零五"}, {124, "一百二十四"}, {1005, "一千零五"}, {1165, "一千一百六十五"},
		{15000, "一万五千"}, {100000, "十万"}, {10010, "一万零一十"}, {150000000, "一亿五千万"},
		{100000001, "一亿零一"},
	}
	for _, tt := range tests {
		if got := FormatChineseInt(tt.n); got != tt.want {
			t.Errorf("FormatChineseInt(%d) = %q; want %q", tt.n, got, tt.want)
		}
	}
	for n := int64(0); n <= 20000; n++ {
		s := FormatChineseInt(n)
		back, err := ParseChineseInt(s)
		if err != nil || back != n {
			t.Fatalf("round trip %d -> %q -> %d, %v", n, s, back, err)
		}
	}
}

func TestArticleLabel(t *testing.T) {
	tests := []struct {
		in          string
		num, suffix int
		label       string
	}{
		{"第一百二十四条", 124, 0, "第一百二十四条"},
		{"第124条", 124, 0, "第一百二十四条"},
		{"第一百三十三条之一", 133, 1, "第一百三十三条之一"},
		{"第１３３条之一", 133, 1, "第一百三十三条之一"},
		{"第十条", 10, 0, "第十条"},
	}
	for _, tt := range tests {
		n, s, err := ParseArticleLabel(tt.in)
		if err != nil || n != tt.num || s != tt.suffix {
			t.Errorf("ParseArticleLabel(%q) = %d,%d,%v; want %d,%d", tt.in, n, s, err, tt.num, tt.suffix)
		}
		if got := ArticleLabel(n, s); got != tt.label {
			t.Errorf("ArticleLabel(%d,%d) = %q; want %q", n, s, got, tt.label)
		}
	}
	for _, bad := range []string{"第零条", "第条", "第x条", "第一条之", "第一条abc"} {
		if _, _, err := ParseArticleLabel(bad); err == nil {
			t.Errorf("ParseArticleLabel(%q) accepted", bad)
		}
	}
}

func TestParseAmountAndDecimal(t *testing.T) {
	tests := []struct {
		in   string
		want float64
	}{
		{"1.5万元", 15000},
		{"一万五千元", 15000},
		{"8000元", 8000},
		{"8,000元", 8000},
		{"３亿元", 3e8},
		{"十二点五万元", 125000},
		{"5千元", 5000},
		{"人民币2000元", 2000},
		{"0.5万", 5000},
		{"一亿五千万元", 1.5e8},
		{"二十万元", 200000},
		{"1.5千元", 1500},
		{"2千万元", 2e7},
		{"两千元", 2000},
		{"1万2千元", 12000},
		{"1千2百元", 1200},
		{"50余万元", 500000},
		{"2000多万元", 2e7},
	}
	for _, tt := range tests {
		got, err := ParseAmount(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseAmount(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	dec := []struct {
		in   string
		want float64
	}{{"十二点五", 12.5}, {"12.5", 12.5}, {"三点一四", 3.14}, {"七", 7}}
	for _, tt := range dec {
		got, err := ParseChineseDecimal(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseChineseDecimal(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "元", "十二点", "abc万元", "-5元"} {
		if _, err := ParseAmount(bad); err == nil {
			t.Errorf("ParseAmount(%q) accepted", bad)
		}
	}
}
