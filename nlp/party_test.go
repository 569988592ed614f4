package nlp

import "testing"

// TestPartySpans: a cue only in the party's name, address or business
// scope is not found; the same cue in the act, or the act beside a name
// that is the act, is. The phrasings are not the development rows'.
func TestPartySpans(t *testing.T) {
	cues := NewCues([]string{"医药", "药品", "危险化学品", "加油站", "烟草", "餐饮", "假药", "批准"})
	tests := []struct {
		name, text string
		want       string // the cue found, "" for none
	}{
		{"name line of a decision", "当事人：南湖医药有限公司\n经查，当事人仓库内叉车司机无证驾驶。", ""},
		{"name, then comma and scope", "当事人：北岭石化加油站有限公司，经营范围：成品油零售、危险化学品经营。经查，当事人宿舍楼安全出口上锁。", ""},
		{"address of a person", "违法行为人：邹某，男，住址：东港市加油站北侧平房。经查，邹某在超市内盗窃香烟两条。", ""},
		{"scope in brackets of a register line", "2026-03-01 福记小卖部（个体 经营范围：烟草制品零售、预包装食品） 增值税逾期未申报", ""},
		{"scope qualified by its own bracket", "经营范围：餐饮服务；药品零售（依法须经批准的项目，经相关部门批准后方可开展经营活动）\n经查，当事人未按规定申报纳税。", ""},
		{"scope with full-width semicolons then the act", "经营范围：危险化学品经营；普通货运。\n经查，当事人所属货车未按规定进行二级维护。", ""},
		{"the act names the goods beside a pharmacy's name", "当事人：西坝大药房\n经查，当事人销售假药“关节灵”12盒。", "假药"},
		{"the act names the same word as the name", "当事人：东渡医药有限公司\n经查，当事人仓库内存放的药品未按规定储存。", "药品"},
		{"the act after a bracketed scope", "鹿鸣商行（经营范围：日用百货） 储存危险化学品未设专用仓库", "危险化学品"},
		{"no label: a place in the facts counts", "在加油站旁堆放杂物堵塞通道", "加油站"},
		{"business address label", "当事人：顺安物流有限公司，经营地址：某市烟草物流园3号。经查，当事人超限运输。", ""},
	}
	idx := NewCueIndex(cues)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			norm := NormalizeText(tt.text)
			got, _ := idx.Scan(norm).FindOutsideSpans(cues, nil, PartySpans(norm))
			if got != tt.want {
				t.Errorf("FindOutsideSpans(%q) = %q, want %q (spans %v)", tt.text, got, tt.want, PartySpans(norm))
			}
		})
	}
	if s := PartySpans(NormalizeText("检查发现店内销售过期食品")); s != nil {
		t.Errorf("a text without a party label has spans %v", s)
	}
}
