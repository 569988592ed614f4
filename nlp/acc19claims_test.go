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

// TestClaimSpansReviewNineteenth (review of acc19claims): an unquoted lie
// stops at the taking and is short; a quoted claim is its quotations only;
// a closing straight quote opens no claim; a comma ends a chain; a
// tip-off, 谎报事故 and a defence are no claims.
func TestClaimSpansReviewNineteenth(t *testing.T) {
	for _, tt := range []struct {
		name, text, in, out string
	}{
		{"a lie cut at 将…据为己有", "某快递员谎称包裹丢失将客户价值8000元的手机据为己有。", "包裹丢失", "8000元"},
		{"a lie cut at 让…支付", "王某谎称能为李某办理驾驶证让李某向其支付办证费用6000元,李某信以为真。", "办理驾驶证", "支付"},
		{"a lie capped before the borrowing", "王某谎称其母亲病重急需手术费向同乡李某借走现金5万元后失联。", "母亲病重", "借走"},
		{"群众 is no group chat", "王某编造子女患病需要救治的理由向群众募捐5200元。", "", "子女患病"},
		{"a promotion's price stands outside its quotation", "推销员以每盒298元的价格向老年人推销“福寿”牌保健品,共销售50盒。", "福寿", "298元"},
		{"the goods' price before the quotation", "当事人向顾客推销价值3000元的“某某”牌净水器。", "某某", "3000元"},
		{"a closing straight quote opens nothing", "当事人在店门口张贴\"开业酬宾广告\",销售过期食品5箱,货值金额300元,违法所得200元,门口横幅写有\"全场五折\"。", "全场五折", "过期食品"},
		{"a closing straight quote before the goods", "张贴\"开业大酬宾宣传\",经查其销售的32箱\"鲜牛奶\"已超过保质期。", "开业大酬宾", "32箱"},
		{"a comma ends the chain", "宣传“特价白酒”,销售“飞天茅台”酒20瓶。", "特价白酒", "销售"},
		{"a citizen's tip-off", "接市民在网上留言称“某小区旁工地夜间施工噪声扰民”,经现场检查属实。", "", "夜间施工"},
		{"a claim found untrue stays a claim", "某店在朋友圈发布广告称“本店保健品可治愈糖尿病”,经查不属实。", "治愈糖尿病", "经查"},
		{"a message of the party is evidence", "当事人发送消息称“这批货卖了3万元”。", "", "3万元"},
		{"谎报事故 is its own act", "某公司谎报事故死亡人数为1人,实际造成3人死亡。", "", "1人"},
		{"a defence is no claim", "当事人声称其不知道该批食品已过期。", "", "过期"},
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

// TestAmountsOutsideLiesNineteenth: an unquoted lie masks no amount (the
// sum it took stands beside it); a quoted one does.
func TestAmountsOutsideLiesNineteenth(t *testing.T) {
	for _, tt := range []struct {
		text string
		want float64
	}{
		{"某快递员谎称包裹丢失将客户价值8000元的手机据为己有。", 8000},
		{"王某谎称其母亲病重急需手术费向同乡李某借走现金5万元后失联。", 50000},
		{"推销员以每盒298元的价格向老年人推销“福寿”牌保健品,共销售50盒。", 298},
		{"当事人发送消息称“这批货卖了3万元”。", 30000},
	} {
		found := false
		for _, a := range Extract(tt.text).Amounts {
			found = found || a.Value == tt.want
		}
		if !found {
			t.Errorf("%s: %v not read", tt.text, tt.want)
		}
	}
}

// TestMaskClaimsDirectNineteenth tests MaskClaims itself (Extract masks
// its quotations on its own): the claim's bytes are blanked, the length and
// the offsets kept, the fee outside it untouched.
func TestMaskClaimsDirectNineteenth(t *testing.T) {
	for _, tt := range []struct{ text, blanked, kept string }{
		{"罗某在业主群发布消息称“隧道追尾起火,已有六人死亡,赔偿十万元”,支付推广费3000元。", "六人死亡", "3000元"},
		{"韦某在本地群散布城南屠宰场病死猪肉流入菜市场,已有多人中毒的谣言,经查子虚乌有。", "多人中毒", "子虚乌有"},
	} {
		m := MaskClaims(tt.text)
		if len(m) != len(tt.text) {
			t.Fatalf("length %d, want %d", len(m), len(tt.text))
		}
		i := strings.Index(tt.text, tt.blanked)
		if strings.TrimSpace(m[i:i+len(tt.blanked)]) != "" {
			t.Errorf("%q not blanked: %q", tt.blanked, m)
		}
		k := strings.Index(tt.text, tt.kept)
		if m[k:k+len(tt.kept)] != tt.kept {
			t.Errorf("%q blanked: %q", tt.kept, m)
		}
		for _, a := range Extract(m).Amounts {
			if a.Value == 3000 && tt.text[a.Start:a.End] != "3000元" {
				t.Errorf("fee at %d:%d = %q", a.Start, a.End, tt.text[a.Start:a.End])
			}
		}
	}
}

// hostileClaims are texts that made ClaimSpans quadratic (a chain of
// quotations over commas, a verb per clause of one long sentence).
func hostileClaims() []string {
	return []string{
		strings.Repeat("宣传“a”,", 3300),
		strings.Repeat("群里说“好”,", 2800),
		strings.Repeat("张某编造材料,", 2800),
		strings.Repeat("宣传“a”、", 3300),
	}
}

// TestClaimSpansHostileNineteenth counts the work on ~60,000-byte hostile
// texts: each pair's chain is read once, and the spans do not overlap (their
// bytes sum to at most the text's).
func TestClaimSpansHostileNineteenth(t *testing.T) {
	for _, text := range hostileClaims() {
		text = NormalizeText(text)
		c := newClaimScan(text)
		for i := range c.pairs {
			c.chainEnd(i)
			c.chainEnd(i)
		}
		if c.chainOps > len(c.pairs) {
			t.Errorf("%d chain steps for %d quotations", c.chainOps, len(c.pairs))
		}
		sum := 0
		for _, s := range ClaimSpans(text) {
			sum += s.End - s.Start
		}
		if sum > len(text) {
			t.Errorf("spans cover %d bytes of %d", sum, len(text))
		}
	}
}

func BenchmarkClaimSpansHostileNineteenth(b *testing.B) {
	texts := hostileClaims()
	for i := range texts {
		texts[i] = NormalizeText(texts[i])
	}
	for b.Loop() {
		for _, t := range texts {
			ClaimSpans(t)
		}
	}
}
