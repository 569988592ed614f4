package nlp

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// What a claim says is not what happened. An advertisement's promise
// (宣称“治愈率100%”), a rumour (散布“化工厂爆炸，已死亡十余人”的谣言), a
// false report (谎称“商场起火”) or a fraudster's lie (谎称“燃气管道漏气，
// 随时会爆炸”) holds words and numbers — deaths, explosions, poisoning,
// amounts — that tell no fact of the case: the act is the claiming. ClaimSpans
// finds that content so that the analysis reads it as claim: conduct
// elements of other provisions and the figures the facts state (deaths,
// injuries, amounts) are not taken from it, while the provisions on the
// claiming (advertising, rumours, false reports, false publicity,
// disparagement, price fraud) still read it.

// claimVerbs introduce what a party claimed. Their content runs to the
// end of a quotation that follows within the clause, or, unquoted, to the
// end of the clause (and of a rumour phrase: ……的谣言).
var claimVerbs = [...]string{"宣称", "声称", "谎称", "假称", "虚称", "号称", "谎报", "吹嘘", "夸称"}

// rumourVerbs introduce made-up content only where the sentence tells it was
// spread (a rumour, a post, a group chat): 编造虚假材料骗取许可 makes a false
// document, which is the act.
var rumourVerbs = [...]string{"编造", "捏造", "散布", "造谣", "杜撰"}

// rumourContext in a sentence makes rumourVerbs introduce spread content.
var rumourContext = [...]string{"谣言", "虚假信息", "不实信息", "虚假消息", "不实消息", "假消息", "恐慌", "微信群", "群聊", "群里", "群内", "网上", "网络", "网民", "网帖", "视频", "帖", "朋友圈", "转发", "传播", "论坛", "直播", "短信", "发布"}

// quoteVerbs introduce claimed content only when a quotation follows them
// right away (称“……”, 写有“……”, 承诺“……”) and a channel (a post, an
// advertisement, a group chat) stands before them in the sentence: 报警称
// and 辩称 tell what a reporter or the party said of the facts.
var quoteVerbs = [...]string{"称", "说", "写有", "写着", "配文", "内容为", "承诺", "保证", "表示", "标榜", "打出", "鼓吹", "配文字", "配以文字", "附文", "播放", "喊出", "吆喝"}

// promoteVerbs introduce a promotion's quoted content, which may name the
// goods first (宣传其销售的锂电池“永不起火”); unquoted they are mostly nouns
// (宣传单, 宣传栏).
var promoteVerbs = [...]string{"宣传", "推销", "推介", "吹捧"}

// claimChannels are where a claim is made: a post, a message, an
// advertisement. Before a quoteVerb in the sentence they make its quotation a
// claim; right before a quotation (广告“……”, 横幅“……”) they do too.
var claimChannels = [...]string{"发布", "发帖", "发文", "发视频", "发消息", "发语音", "帖子", "视频", "谣言", "广告", "海报", "横幅", "展板", "标语", "宣传", "推文", "文案", "朋友圈", "群内", "群里", "群中", "直播", "论坛", "短信", "传单", "单页", "笔记", "网上", "网络上", "易拉宝", "门头", "广告牌", "电子屏", "LED屏", "文章", "留言", "评论", "微博", "公众号", "抖音", "快手", "散发", "转发", "群发", "张贴", "推销", "评价", "好评"}

// notClaimBefore, right before a quoteVerb, make it a report of the facts
// (报警称, 辩称, 供称): a witness's or the party's account, not a claim.
var notClaimBefore = [...]string{"报警", "报案", "反映", "投诉", "举报", "辩", "供", "陈述", "承认", "交代", "证实", "经查", "据", "名", "俗", "简", "统", "又", "昵"}

// claimCuts end an unquoted claim where the sentence turns to what the
// party did with it (谎称能办入学指标骗取家长八千元).
var claimCuts = [...]string{"骗取", "骗得", "收取", "收了", "索要", "索取", "诈骗", "获取", "获利", "致使", "导致", "引起", "引发", "造成", "以此", "借此", "并", "后", "经查", "经核实", "系"}

// rumourEnds close an unquoted rumour within its sentence (散布某化工厂爆炸，
// 死亡十余人的谣言): the content runs over commas to them.
var rumourEnds = [...]string{"的谣言", "等谣言", "的虚假信息", "等虚假信息", "的不实信息", "等不实信息", "的虚假消息", "的不实消息", "的假消息", "的不实言论", "的虚假言论"}

// threatWords in what a party said make it a demand with a threat (称“不给
// 八百元就把视频发给领导”): the threat is the act of 敲诈勒索, not a claim.
var threatWords = [...]string{"不给", "不交", "不还", "不付", "不转", "否则", "不然", "要不"}

// labelWords between a claim verb and a quotation make the quotation what
// the goods bear (a label, a printed mark), a fact of the case.
var labelWords = [...]string{"印有", "标注", "标有", "贴有", "标示", "标签", "包装", "字样", "铭牌"}

// claimOpenQuotes open a quotation in a normalised text.
var claimOpenQuotes = [...]string{"“", "\"", "「", "『", "‘"}

// claimQuoteWindow bounds the bytes between a claim verb and the quotation
// that holds its content (宣称其销售的“……” names the goods first).
const claimQuoteWindow = 60

// takeCuts end an unquoted lie where the party takes, is paid or borrows
// (谎称包裹丢失将手机据为己有, 谎称能办证让李某支付): the act, not the claim.
var takeCuts = [...]string{"借走", "借款", "借得", "借取", "支付", "转账", "汇款", "付款", "交付", "让", "募捐", "募集", "据为己有", "骗走", "拿走", "取走", "将", "把", "从而", "使", "要求"}

// promoteNouns start with a promoteVerb but name a person or a thing
// (推销员, 宣传单): no claim follows them.
var promoteNouns = [...]string{"推销员", "宣传单", "宣传栏", "宣传部", "宣传册", "宣传页", "宣传员"}

// tipSources and tipChannels before a quotation make it what a
// complainant told the authority (市民在网上留言称“……”): a tip-off, which
// tells the facts, not a claim.
var tipSources = [...]string{"市民", "群众", "网民", "居民", "消费者", "村民", "业主", "投诉人", "举报人", "住户", "游客", "乘客", "患者", "家属"}
var tipChannels = [...]string{"留言", "来电", "反映", "举报", "投诉", "报称", "来信", "信访", "热线"}

// confirmedWords after a quotation in its sentence tell it was found true
// (……”，经现场检查属实): the quotation is a tip-off of the facts.
var confirmedWords = [...]string{"属实"}

// defenceWords in what the party 声称 make it a defence (当事人声称其不知道该批
// 食品已过期), which the facts deny or confirm, not a claim made to others.
var defenceWords = [...]string{"不知道", "不清楚", "不知", "不了解", "没有", "并非", "不是故意", "未曾"}

// unquotedClaimRunes caps an unquoted claim that no rumour phrase closes: a
// lie is a short predicate (谎称包裹丢失), what follows is the act.
const unquotedClaimRunes = 15

// claimSpanMax caps the bytes of one quoted claim with its chained quotations.
const claimSpanMax = 600

// claimScan holds what ClaimSpans reads of a text once: its sentence ends,
// its quotation pairs and the chains of quotations after each pair.
type claimScan struct {
	text     string
	ends     []int  // byte offsets of the sentence-ending marks
	endLen   []int  // their lengths
	rumour   []int8 // per sentence: 0 unread, 1 rumour context, 2 none
	pairs    []Span // quotation pairs: opening mark to past the closing mark
	chain    []int  // per pair: end of its chain of quotations, 0 unread
	chainOps int    // chain steps taken (linear: each pair's chain is read once)
}

func newClaimScan(text string) *claimScan {
	c := &claimScan{text: text}
	open := -1
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case ';', '\n', '!', '?', '。', '；', '！', '？':
			c.ends = append(c.ends, i)
			c.endLen = append(c.endLen, n)
		case '"':
			if open >= 0 && i-open <= claimSpanMax {
				c.pairs = append(c.pairs, Span{open, i + n})
				open = -1
			} else {
				open = i
			}
		case '“', '「', '『', '‘':
			if open < 0 || i-open > claimSpanMax {
				open = i
			}
		case '”', '」', '』', '’':
			if open >= 0 && i-open <= claimSpanMax {
				c.pairs = append(c.pairs, Span{open, i + n})
			}
			open = -1
		}
		i += n
	}
	c.rumour = make([]int8, len(c.ends)+1)
	c.chain = make([]int, len(c.pairs))
	return c
}

// sentence returns the index and the bounds of the sentence holding byte i.
func (c *claimScan) sentence(i int) (int, int, int) {
	j := sort.SearchInts(c.ends, i)
	start, end := 0, len(c.text)
	if j > 0 {
		start = c.ends[j-1] + c.endLen[j-1]
	}
	if j < len(c.ends) {
		end = c.ends[j]
	}
	return j, start, end
}

// chainGap is how many bytes of words (six runes: 品牌净水器, 牌装饰板) may
// stand between two quotations chained into one claim.
const chainGap = 18

// pairIn returns the first quotation pair that opens in [from, to), -1
// when none does.
func (c *claimScan) pairIn(from, to int) int {
	j := sort.Search(len(c.pairs), func(k int) bool { return c.pairs[k].Start >= from })
	if j < len(c.pairs) && c.pairs[j].Start < to {
		return j
	}
	return -1
}

// chainEnd returns the end of the quotations chained from pair i: 、 和 及
// or a bracket between two quotations of one clause (“灵芝孢子粉胶囊”（已注册
// 保健食品）“服用……”), or a quotation shortly after in the clause, up to
// chainGap bytes (所售“铂盾”牌装饰板“经消防部门鉴定……”, “泉之源”品牌净水器
// “滤芯含致癌物”). A comma ends the chain: the next clause is another act
// (宣传“特价白酒”，销售“飞天茅台”).
func (c *claimScan) chainEnd(i int) int {
	if c.chain[i] > 0 {
		return c.chain[i]
	}
	text := c.text
	end := c.pairs[i].End
	k := end
	for _, sep := range []string{"、", "和", "及"} {
		k += prefixLen(text[k:], sep)
	}
	if strings.HasPrefix(text[k:], "(") {
		if b := strings.IndexByte(text[k:min(len(text), k+60)], ')'); b > 0 {
			k += b + 1
		}
	}
	c.chainOps++
	// 降压茶”外包装印有“国药准字: a label between ends the chain, the second
	// quotation is what the goods bear (labelWords).
	if j := c.pairIn(k, min(claimClauseEnd(text, k), k+chainGap+1)); j > i && !containsAny(text[k:c.pairs[j].Start], labelWords[:]...) {
		if e := c.chainEnd(j); e-c.pairs[i].Start <= claimSpanMax {
			end = e
		}
	}
	c.chain[i] = end
	return end
}

// ClaimSpans returns the spans of a normalised text that hold what a party
// claimed, advertised, reported falsely or spread as a rumour, not what
// happened. A text with no claim verb costs one search per verb and returns
// nil.
func ClaimSpans(text string) []Span {
	all, _ := claimSpans(text)
	return all
}

// QuotedClaimSpans returns the claim spans of a normalised text that are
// quotations: only there are amounts and counts the claim's (宣称“三年内起火
// 包赔十万元”); an unquoted lie's neighbour words are the act's.
func QuotedClaimSpans(text string) []Span {
	_, quoted := claimSpans(text)
	return quoted
}

func claimSpans(text string) (all, quoted []Span) {
	var c *claimScan
	scan := func() *claimScan {
		if c == nil {
			c = newClaimScan(text)
		}
		return c
	}
	add := func(s Span, q bool) {
		if s.End > s.Start && !containsAny(text[s.Start:s.End], threatWords[:]...) {
			all = append(all, s)
			if q {
				quoted = append(quoted, s)
			}
		}
	}
	eachWord(text, claimVerbs[:], func(start, at int) {
		verb := text[start:at]
		if verb == "谎报" && containsAny(text[at:min(len(text), at+18)], "事故", "伤亡", "人数", "死亡") {
			return // 谎报事故死亡人数: the false report of an accident is its own act
		}
		s, q := scan().content(at, true)
		if verb == "声称" && !q && containsAny(text[s.Start:s.End], defenceWords[:]...) {
			return // 当事人声称其不知道……: a defence
		}
		add(s, q)
	})
	eachWord(text, rumourVerbs[:], func(start, at int) {
		if strings.HasPrefix(text[start:], "散布") && (strings.HasPrefix(text[at:], "在") || strings.HasPrefix(text[at:], "于")) {
			return // 垃圾散布在河道两侧: scattered, not spread
		}
		c := scan()
		j, ss, se := c.sentence(start)
		if c.rumour[j] == 0 {
			c.rumour[j] = 2
			if containsAny(text[ss:se], rumourContext[:]...) {
				c.rumour[j] = 1
			}
		}
		if c.rumour[j] == 1 {
			add(c.content(at, true))
		}
	})
	eachWord(text, quoteVerbs[:], func(start, at int) {
		rest := strings.TrimLeft(text[at:], ": ")
		if !hasAnyPrefix(rest, claimOpenQuotes[:]...) && !aboutOtherQuote(rest) || HasAnySuffix(text[:start], notClaimBefore[:]...) {
			return
		}
		c := scan()
		_, sst, _ := c.sentence(start)
		ss := max(sst, start-90)
		for ss < start && !utf8.RuneStart(text[ss]) {
			ss++
		}
		if containsAny(text[ss:start], claimChannels[:]...) || strings.HasSuffix(text[:start], "宣") {
			if s, q := c.content(at, false); !c.tipOff(ss, start, s) {
				add(s, q)
			}
		}
	})
	eachWord(text, promoteVerbs[:], func(start, at int) {
		if hasAnyPrefix(text[start:], promoteNouns[:]...) {
			return
		}
		add(scan().content(at, false))
	})
	// A quotation right after a channel (广告“……”, 横幅“……”, 谣言：“……”):
	// only a mark that opens a quotation pair.
	if hasAnyQuote(text) {
		c := scan()
		for _, p := range c.pairs {
			if HasAnySuffix(strings.TrimRight(text[:p.Start], ": "), claimChannels[:]...) {
				_, sst, _ := c.sentence(p.Start)
				ss := max(sst, p.Start-90)
				for ss < p.Start && !utf8.RuneStart(text[ss]) {
					ss++
				}
				if s, q := c.content(p.Start, false); !c.tipOff(ss, p.Start, s) {
					add(s, q)
				}
			}
		}
	}
	return mergeSpans(all), mergeSpans(quoted)
}

// aboutOthers, right after a quoteVerb, name whom the quotation that
// follows is about (称竞争对手“……”, 称同城竞争企业“泉之源”品牌净水器“……”,
// 称同行某店“……”): what is said of another business is a claim as much as a
// quotation right after the verb.
var aboutOthers = [...]string{"竞争对手", "竞争企业", "竞争品牌", "竞品", "同行", "对手", "同城", "其他商家", "别家", "另一家", "隔壁"}

// aboutOtherQuote reports whether rest, the text after a quoteVerb, names
// another business first and opens a quotation within ten runes, with no
// clause break between.
func aboutOtherQuote(rest string) bool {
	if !hasAnyPrefix(rest, aboutOthers[:]...) {
		return false
	}
	for n, r := range rest {
		if n > 30 || strings.ContainsRune(",;\n \t。，；!?！？", r) {
			return false
		}
		if hasAnyPrefix(rest[n:], claimOpenQuotes[:]...) {
			return true
		}
	}
	return false
}

// hasAnyQuote reports whether text holds an opening quotation mark.
func hasAnyQuote(text string) bool {
	for _, q := range claimOpenQuotes[:3] {
		if strings.Contains(text, q) {
			return true
		}
	}
	return false
}

// tipOff reports whether the quotation s, said at byte verb of a sentence
// from ss, is a complainant's tip-off (市民在网上留言称“……”) or was found
// true (……”，经现场检查属实).
func (c *claimScan) tipOff(ss, verb int, s Span) bool {
	if s.End <= s.Start {
		return false
	}
	before := c.text[ss:verb]
	if containsAny(before, tipSources[:]...) && containsAny(before, tipChannels[:]...) {
		return true
	}
	_, _, se := c.sentence(s.End)
	after := c.text[s.End:max(s.End, min(se, s.End+120))]
	for _, w := range confirmedWords {
		// 经查不属实 tells the claim false: it stays a claim.
		if k := strings.Index(after, w); k >= 0 && !strings.HasSuffix(after[:k], "不") {
			return true
		}
	}
	return false
}

// mergeSpans sorts spans and joins those that overlap.
func mergeSpans(spans []Span) []Span {
	if len(spans) < 2 {
		return spans
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	out := spans[:1]
	for _, s := range spans[1:] {
		if l := &out[len(out)-1]; s.Start <= l.End {
			l.End = max(l.End, s.End)
		} else {
			out = append(out, s)
		}
	}
	return out
}

// eachWord calls fn with the start and the end of every occurrence of each
// of words in text.
func eachWord(text string, words []string, fn func(start, at int)) {
	for _, w := range words {
		for from := 0; ; {
			i := Index(text[from:], w)
			if i < 0 {
				break
			}
			start := from + i
			from = start + len(w)
			fn(start, from)
		}
	}
}

// content returns the span of the claim that starts at byte at, right
// after its verb, and whether it is quoted: the quotation that opens within
// claimQuoteWindow (and the quotations chained to it), else, when unquoted
// content may count, a short predicate to the clause end or over commas to a
// rumour phrase, cut where the sentence turns to the act.
func (c *claimScan) content(at int, unquoted bool) (Span, bool) {
	text := c.text
	ce := claimClauseEnd(text, at)
	window := min(ce, at+claimQuoteWindow)
	if i := c.pairIn(at, window); i >= 0 {
		q := c.pairs[i].Start
		if containsAny(text[at:q], labelWords[:]...) {
			// 推销的降压茶外包装印有“国药准字”: the goods' own marking.
			return Span{}, false
		}
		return Span{q, c.chainEnd(i)}, true
	}
	if !unquoted {
		return Span{}, false
	}
	_, _, se := c.sentence(at)
	lim := min(se, at+300)
	end, rumour := ce, false
	for _, r := range rumourEnds {
		if k := Index(text[at:lim], r); k >= 0 && at+k >= end {
			end, rumour = at+k, true
		}
	}
	for _, cut := range claimCuts {
		if k := Index(text[at:end], cut); k >= 0 {
			end = at + k
		}
	}
	for _, cut := range takeCuts {
		// A cut word opening the claim is its own (谎称将发生爆炸).
		k := Index(text[at:end], cut)
		if k == 0 {
			if k = Index(text[at+len(cut):end], cut); k >= 0 {
				k += len(cut)
			}
		}
		if k > 0 {
			end = at + k
		}
	}
	if !rumour {
		for k, n := at, 0; k < end; n++ {
			if n == unquotedClaimRunes {
				end = k
				break
			}
			_, w := utf8.DecodeRuneInString(text[k:])
			k += w
		}
	}
	return Span{at, end}, false
}

// claimClauseEnd is where the clause from byte i ends: at a comma,
// semicolon, full stop, line end or a register line's space.
func claimClauseEnd(text string, i int) int {
	for k := i; k < len(text) && k < i+claimSpanMax; {
		r, n := utf8.DecodeRuneInString(text[k:])
		switch r {
		case ',', ';', '\n', ' ', '\t', '。', '，', '；', '!', '?', '！', '？':
			return k
		}
		k += n
	}
	return min(len(text), i+claimSpanMax)
}

// prefixLen is len(p) when s starts with p, else 0.
func prefixLen(s, p string) int {
	if strings.HasPrefix(s, p) {
		return len(p)
	}
	return 0
}

// InClaim reports whether byte pos of the text lies in one of its claim
// spans.
func InClaim(spans []Span, pos int) bool { return inSpans(spans, pos) }

// MaskClaims returns text (not normalised) with the content of its claims
// (ClaimSpans of its normalised form) replaced by spaces, byte for byte: the
// figures read from it then come from what happened, at the same offsets.
// A text without a claim comes back unchanged.
func MaskClaims(text string) string {
	return MaskClaimSpans(text, ClaimSpans(Normalize(text).Text))
}

// MaskClaimSpans is MaskClaims with the spans already read (ClaimSpans of
// the normalised text, or of a text that begins with it): an analysis
// reads the claims once.
func MaskClaimSpans(text string, spans []Span) string {
	if len(spans) == 0 {
		return text
	}
	n := Normalize(text)
	b := []byte(text)
	for _, s := range spans {
		if s.Start >= len(n.Text) {
			continue
		}
		a, e := n.OrigSpan(s.Start, min(s.End, len(n.Text)))
		for i := a; i < e && i < len(b); i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// BlankSpans returns the normalised text with the bytes of spans replaced
// by spaces (the offsets kept).
func BlankSpans(text string, spans []Span) string {
	if len(spans) == 0 {
		return text
	}
	b := []byte(text)
	for _, s := range spans {
		for i := s.Start; i < s.End && i < len(b); i++ {
			b[i] = ' '
		}
	}
	return string(b)
}
