package casework

import (
	"slices"
	"testing"
)

func TestMentions(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"@zhang.san 请核实", []string{"zhang.san"}},
		{"请@li_si和@wang-wu看看。@li_si", []string{"li_si", "wang-wu"}},
		{"见@zhang.san.", []string{"zhang.san"}},
		{"邮件 a.b@example.com 不是提及", nil},
		{"@x 太短", nil},
		{"@@@ ＠全角 @", nil},
		{"（@oa）", []string{"oa"}},
	} {
		if got := Mentions(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("Mentions(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
