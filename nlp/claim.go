package nlp

import (
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
var rumourContext = [...]string{"谣言", "虚假信息", "不实信息", "虚假消息", "不实消息", "假消息", "恐慌", "群", "网", "视频", "帖", "朋友圈", "转发", "传播", "论坛", "直播", "短信", "发布"}

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
var claimChannels = [...]string{"发布", "发帖", "发文", "发视频", "发消息", "发语音", "帖子", "视频", "消息", "谣言", "广告", "海报", "横幅", "展板", "标语", "宣传", "推文", "文案", "朋友圈", "群内", "群里", "群中", "直播", "论坛", "短信", "传单", "单页", "笔记", "网上", "网络上", "易拉宝", "门头", "广告牌", "电子屏", "LED屏", "文章", "留言", "评论", "微博", "公众号", "抖音", "快手", "散发", "发送", "转发", "群发", "张贴", "推销", "评价", "好评", "材料", "资料"}

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

// ClaimSpans returns the spans of a normalised text that hold what a party
// claimed, advertised, reported falsely or spread as a rumour, not what
// happened. A text with no claim verb costs one search per verb and returns
// nil.
func ClaimSpans(text string) []Span {
	var out []Span
	add := func(s Span) {
		if s.End > s.Start && !containsAny(text[s.Start:s.End], threatWords[:]...) {
			out = append(out, s)
		}
	}
	eachWord(text, claimVerbs[:], func(start, at int) {
		add(claimContent(text, at, true))
	})
	eachWord(text, rumourVerbs[:], func(start, at int) {
		if strings.HasPrefix(text[start:], "散布") && (strings.HasPrefix(text[at:], "在") || strings.HasPrefix(text[at:], "于")) {
			return // 垃圾散布在河道两侧: scattered, not spread
		}
		se := at + sentenceEndAt(text[at:])
		if containsAny(text[sentenceStart(text, start):se], rumourContext[:]...) {
			add(claimContent(text, at, true))
		}
	})
	eachWord(text, quoteVerbs[:], func(start, at int) {
		rest := strings.TrimLeft(text[at:], ": ")
		if !hasAnyPrefix(rest, claimOpenQuotes[:]...) || HasAnySuffix(text[:start], notClaimBefore[:]...) {
			return
		}
		ss := max(sentenceStart(text, start), start-90)
		if containsAny(text[ss:start], claimChannels[:]...) || strings.HasSuffix(text[:start], "宣") {
			add(claimContent(text, at, false))
		}
	})
	eachWord(text, promoteVerbs[:], func(start, at int) {
		add(claimContent(text, at, false))
	})
	// A quotation right after a channel (广告“……”, 横幅“……”, 谣言：“……”).
	eachWord(text, claimOpenQuotes[:3], func(start, at int) {
		if HasAnySuffix(strings.TrimRight(text[:start], ": "), claimChannels[:]...) {
			add(claimContent(text, start, false))
		}
	})
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

// claimContent returns the span of the claim that starts at byte at, right
// after its verb: to the end of the quotation within claimQuoteWindow (and
// of quotations that follow it), else, when unquoted content may count, to
// the end of the clause or of a rumour phrase, cut where the sentence turns to
// the act.
func claimContent(text string, at int, unquoted bool) Span {
	ce := claimClauseEnd(text, at)
	window := min(ce, at+claimQuoteWindow)
	if q, ql := firstQuote(text[at:window]); q >= 0 {
		if containsAny(text[at:at+q], labelWords[:]...) {
			// 推销的降压茶外包装印有“国药准字”: the goods' own marking.
			return Span{}
		}
		end := quoteEnd(text, at+q+ql)
		if end < 0 {
			return Span{}
		}
		for {
			k := end
			// 、 ， or a bracket between two quotations
			// (“灵芝孢子粉胶囊”（已注册保健食品）“服用……”).
			for _, sep := range []string{"、", ",", " ", "和", "及"} {
				k += prefixLen(text[k:], sep)
			}
			if strings.HasPrefix(text[k:], "(") {
				if c := strings.IndexByte(text[k:], ')'); c > 0 && c < 60 {
					k += c + 1
				}
			}
			// Another quotation shortly after, in the same clause
			// (所售“铂盾”牌装饰板“经消防部门鉴定……”).
			nq, nl := firstQuote(text[k:min(claimClauseEnd(text, k), k+15)])
			if nq < 0 {
				break
			}
			k += nq
			e := quoteEnd(text, k+nl)
			if e < 0 {
				break
			}
			end = e
		}
		return Span{at, end}
	}
	if !unquoted {
		return Span{}
	}
	se := at + sentenceEndAt(text[at:])
	end := ce
	for _, r := range rumourEnds {
		if k := Index(text[at:se], r); k >= 0 && at+k > end {
			end = at + k
		}
	}
	for _, c := range claimCuts {
		if k := Index(text[at:end], c); k >= 0 {
			end = at + k
		}
	}
	return Span{at, end}
}

// firstQuote returns where the first opening quotation mark of s starts and
// its length, -1 when there is none.
func firstQuote(s string) (int, int) {
	best, bl := -1, 0
	for _, q := range claimOpenQuotes {
		if k := strings.Index(s, q); k >= 0 && (best < 0 || k < best) {
			best, bl = k, len(q)
		}
	}
	return best, bl
}

// quoteEnd returns the byte just past the quotation whose text starts at
// from: after its closing mark, or -1 when none closes it within a
// sentence or two.
func quoteEnd(text string, from int) int {
	limit := min(len(text), from+600)
	best := -1
	for _, c := range []string{"”", "\"", "」", "』", "’"} {
		if k := strings.Index(text[from:limit], c); k >= 0 && (best < 0 || from+k+len(c) < best) {
			best = from + k + len(c)
		}
	}
	return best
}

// claimClauseEnd is where the clause from byte i ends: at a comma,
// semicolon, full stop, line end or a register line's space.
func claimClauseEnd(text string, i int) int {
	for k := i; k < len(text); {
		r, n := utf8.DecodeRuneInString(text[k:])
		switch r {
		case ',', ';', '\n', ' ', '\t', '。', '，', '；', '!', '?', '！', '？':
			return k
		}
		k += n
	}
	return len(text)
}

// sentenceStart is where the sentence holding byte i begins.
func sentenceStart(text string, i int) int {
	k := strings.LastIndexAny(text[:i], ";\n!?")
	if j := strings.LastIndex(text[:i], "。"); j >= 0 && j+len("。")-1 > k {
		return j + len("。")
	}
	return k + 1
}

// sentenceEndAt is the offset of the sentence end in s (len(s) without one).
func sentenceEndAt(s string) int {
	if e := sentenceEnd(s); e >= 0 {
		return e
	}
	return len(s)
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
	n := Normalize(text)
	spans := ClaimSpans(n.Text)
	if len(spans) == 0 {
		return text
	}
	b := []byte(text)
	for _, s := range spans {
		a, e := n.OrigSpan(s.Start, s.End)
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
