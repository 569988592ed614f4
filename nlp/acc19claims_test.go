package nlp

import (
	"strings"
	"testing"
)

// TestClaimSpansNineteenth (acc19claims): what an advertisement, a rumour, a
// false report or a lie says is claim content (ClaimSpans); the facts beside
// it (a real fire, the money taken, a threat, a product's printed mark) are
// not.
func TestClaimSpansNineteenth(t *testing.T) {
	for _, tt := range []struct {
		name, text, in, out string
	}{
		{"a rumour posted in a group chat", "罗某在微信群内发布文字,称“化工厂刚刚爆炸,已经死亡十余人”,经核实未发生爆炸。", "死亡十余人", "未发生爆炸"},
		{"an unquoted rumour up to 的谣言", "韦某在本地群散布城南屠宰场病死猪肉流入菜市场,已有多人中毒的谣言,经查子虚乌有。", "多人中毒", "子虚乌有"},
		{"a lie cut where the money is taken", "阎某向家属谎称能安排床位骗取八百元。", "安排床位", "八百元"},
		{"an advert naming the goods before its quotation", "当事人宣称所售“铂盾”牌装饰板“经消防部门鉴定为A级不燃材料”,费用4000元。", "A级不燃", "4000元"},
		{"a real fire beside a rumour of its deaths", "东兴小区厨房起火,无人员伤亡。邵某在论坛发帖称“大火已烧死八个人”。", "烧死八个人", "厨房起火"},
		{"a threat is the act, not a claim", "伍某发微信称“不给八百元就把视频发给领导”,汤某转账八百元。", "", "不给八百元"},
		{"a report to the police is no claim", "事主报警称“手机被盗”,民警调取监控。", "", "手机被盗"},
		{"a mark printed on the package is no claim", "执法人员检查养生馆,其推销的降压茶外包装印有“国药准字”字样。", "", "国药准字"},
		{"scattered, not spread", "建筑垃圾散布在河道两侧,群众在网上反映。", "", "河道两侧"},
		{"a billboard's quotation", "售楼处户外广告牌写有“距地铁站仅5分钟,三年升值100%”。", "升值100%", "售楼处"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := NormalizeText(tt.text)
			spans := ClaimSpans(text)
			at := func(w string) int { return strings.Index(text, NormalizeText(w)) }
			if tt.in != "" && !InClaim(spans, at(tt.in)) {
				t.Errorf("%q not in a claim span (%v)", tt.in, spans)
			}
			if i := at(tt.out); i < 0 || InClaim(spans, i) {
				t.Errorf("%q in a claim span (%v) or missing", tt.out, spans)
			}
		})
	}
}

// TestMaskClaimsNineteenth: the figures of the facts are not read from a
// claim (死亡十余人 in a rumour, 十万元 in an advertisement's promise), and the
// amounts outside it keep their offsets.
func TestMaskClaimsNineteenth(t *testing.T) {
	text := "罗某在业主群发布消息称“隧道追尾起火,已有六人死亡,赔偿十万元”,支付推广费3000元。"
	x := Extract(MaskClaims(text))
	for _, q := range x.Quantities {
		if q.Role == "死亡" {
			t.Errorf("deaths %v read from the rumour", q.Value)
		}
	}
	found := false
	for _, a := range x.Amounts {
		if a.Value == 100000 {
			t.Errorf("the rumour's 十万元 read as an amount")
		}
		if a.Value == 3000 && text[a.Start:a.End] != "" && strings.Contains(text[a.Start:], "3000元") {
			found = true
		}
	}
	if !found {
		t.Errorf("the fee 3000元 outside the claim not read at its offset: %+v", x.Amounts)
	}
}
