package eval

import (
	"strings"
	"testing"

	"github.com/cailiang/cailiang/rules"
)

// TestWrapDecision: the wrap is deterministic, keeps the facts whole after a
// 违法事实 opener, and leaves the party's kind as the plain text shows it
// (the fine may depend on it), for each kind of party.
func TestWrapDecision(t *testing.T) {
	cases := []struct {
		name, facts, kind string
	}{
		{"unit", "经查，当事人某某便利店有限公司销售超过保质期的牛奶12盒，货值金额360元，违法所得48元。", "单位"},
		{"sole trader", "当事人系个体工商户，在其门店销售超过保质期的牛奶12盒，货值金额360元。", "个体工商户"},
		{"person", "张某，男，在城东路口驾驶未悬挂号牌的机动车上道路行驶，被执法人员当场查获。", "个人"},
		{"unknown", "现场检查发现，当事人在人行道上堆放建筑材料约20平方米，影响行人通行，未经批准。", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := Scenario{ID: "wrap-" + c.name, Sector: "市场监管", Date: "2024-08-19", Facts: c.facts}
			got := WrapDecision(s, c.kind)
			if again := WrapDecision(s, c.kind); again != got {
				t.Fatal("two wraps of one row differ")
			}
			if !strings.Contains(got, c.facts) {
				t.Fatalf("facts not kept whole in\n%s", got)
			}
			for _, part := range []string{"行政处罚决定书", "当事人：", "为证。", "行政复议", "2024年8月19日"} {
				if !strings.Contains(got, part) {
					t.Errorf("wrap lacks %q:\n%s", part, got)
				}
			}
			if k := rules.ExtractFacts(got).Extraction.PartyKind; k != c.kind {
				t.Errorf("party kind %q after the wrap, want %q:\n%s", k, c.kind, got)
			}
			other := WrapDecision(Scenario{ID: "other", Sector: "公安", Date: "2024-08-19", Facts: c.facts}, c.kind)
			if other == got {
				t.Error("two rows wrapped alike: the seed ignores the id")
			}
		})
	}
}
