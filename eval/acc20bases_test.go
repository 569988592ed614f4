package eval

import (
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestUnitLabelTwentieth: a per-unit bracket is matched by its label whole
// (after writing × and brackets one way), not by a substring: 人数 is no
// 童工人数×使用月数 (review fix20b, finding 11).
func TestUnitLabelTwentieth(t *testing.T) {
	got := []rules.ConditionalFine{{PerUnit: &rules.Span{Min: 5000, Max: 5000}, Unit: "quantity", UnitLabel: "童工人数×使用月数"}}
	for _, tt := range []struct {
		base string
		want bool
	}{
		{"童工人数×使用月数", true},
		{"童工人数x使用月数", true},
		{"人数", false},
		{"使用月数", false},
	} {
		w := []ScenarioBracket{{When: "依法认定后计算", MultipleMin: 5000, MultipleMax: 5000, Base: tt.base}}
		if g := bracketsGiven(w, got); g != tt.want {
			t.Errorf("base %q: given %v, want %v", tt.base, g, tt.want)
		}
	}
	land := []rules.ConditionalFine{{PerUnit: &rules.Span{Min: 100, Max: 1000}, Unit: "quantity", UnitLabel: "非法占用土地面积（平方米）"}}
	if !bracketsGiven([]ScenarioBracket{{MultipleMin: 100, MultipleMax: 1000, Base: "非法占用土地面积(平方米)"}}, land) {
		t.Errorf("full- and half-width brackets differ")
	}
}
