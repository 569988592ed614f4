package caseanalysis

import (
	"testing"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// TestInstigatedByWordTwentyNinth: 治安管理处罚法 第二十二条第（二）项's
// 教唆 told as 唆使 another or a minor (唆使同伴, 唆使两名初中生) is the
// heavier factor. Guards: the party itself put up to it by another (受同伴
// 唆使), and a text with no one put up to anything.
func TestInstigatedByWordTwentyNinth(t *testing.T) {
	b := &rules.Benchmark{ID: "x", Flags: map[string]string{"instigated": "教唆、胁迫、诱骗他人违反治安管理"}}
	for _, tt := range []struct {
		name, text string
		want       bool
	}{
		{"put a companion up to it", "经查，段某唆使同伴二人到菜市场偷拿摊主的手机，事后分得赃款。", true},
		{"put two schoolboys up to it", "违法行为人邹某唆使两名初一学生砸坏小区的路灯。", true},
		{"put a minor up to it", "查明贝某唆使未成年的表弟在商场顺走两瓶香水。", true},
		{"put up to it by another", "查明甄某系受同村人唆使，到商场顺走两瓶香水。", false},
		{"no one put up to anything", "查明贝某独自在商场顺走两瓶香水，价值四百元。", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			norm := nlp.NormalizeText(tt.text)
			flags, _ := inferFlags(b, norm, readOrders(norm))
			if flags["instigated"] != tt.want {
				t.Errorf("instigated = %v, want %v", flags["instigated"], tt.want)
			}
		})
	}
}
