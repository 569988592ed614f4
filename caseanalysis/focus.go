package caseanalysis

import (
	"strings"
	"unicode/utf8"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
)

// A published 行政处罚决定书 says what the party did in one part only: the
// 违法事实 after 经查 / 现查明 and before 上述事实……为证. The other parts
// describe the party (its address, its business scope listing 食品销售、烟草
// 制品零售、危险化学品经营 …), the procedure (立案, 告知, 陈述申辩, 听证, with
// 行政处罚法 articles), the evidence (检验报告, 现场照片) and the closing
// (缴纳罚款, 复议, 诉讼). Their words are evidence of the party and the
// procedure, not of the act: read as the act, an address on 加油站 or a
// scope listing 劳务派遣 picked another sector's provision, and 到期不缴纳罚款
// picked 逃税. decisionFocus keeps, for matching, the part that says the
// act and the citations of the laws the decision applies.

// headerMarks show that the text before a fact opener is a decision's
// header (the party paragraph), not an officer's own opening sentence.
var headerMarks = []string{"当事人：", "当事人:", "决定书", "统一社会信用代码", "经营范围：", "违法行为人："}

// factOpeners begin the 违法事实.
var factOpeners = []string{"经查", "现查明", "经调查", "查明：", "违法事实："}

// notOpenerAfter are the runes after 经查 that make it a look-up, not the
// opening of the 违法事实: 经查询，当事人此前无违法记录 (a records check in an
// officer's note) and 经查证属实 (a tip confirmed) close a text; read as the
// opener, they cut the act told before them out of the focus.
var notOpenerAfter = []string{"询", "证属实"}

// factOpenerIndex returns the first index of the fact opener o in text that
// is not a look-up (notOpenerAfter), or -1.
func factOpenerIndex(text, o string) int {
	from := 0
	for {
		i := nlp.Index(text[from:], o)
		if i < 0 {
			return -1
		}
		at := from + i
		rest := text[at+len(o):]
		lookup := false
		for _, a := range notOpenerAfter {
			lookup = lookup || strings.HasPrefix(rest, a)
		}
		if !lookup {
			return at
		}
		from = at + len(o)
	}
}

// evidenceOpeners begin the sentence that lists the evidence and closes
// the 违法事实, or the heading of the evidence part (证据：1.现场笔录；
// 2.…, 证据清单, 四、证据): what follows names documents (购进票据,
// 检验报告, 销售记录), not the act.
var evidenceOpeners = []string{"上述事实", "以上事实", "以上违法事实", "上述违法事实"}

// evidenceHeadings head the evidence part; they count only where a heading
// stands (evidenceHeadingAt), not inside another heading (违法事实及证据：,
// 发现的环境违法事实、证据).
var evidenceHeadings = []string{"证据：", "证据\n", "证据:", "证据清单", "证据如下", "证据有：", "证据情况", "证据材料："}

// evidenceHeadingAt reports whether the heading at i of text stands as a
// heading: at the text's or a line's start, after a sentence's end, after
// 主要/相关, or after a numbered heading's 、 (四、证据).
func evidenceHeadingAt(text string, i int) bool {
	before := text[:i]
	if before == "" || strings.HasSuffix(before, "主要") || strings.HasSuffix(before, "相关") {
		return true
	}
	r, n := utf8.DecodeLastRuneInString(before)
	switch r {
	case '\n', '。', '；', ';', '）', ')', ' ':
		return true
	case '、':
		p, _ := utf8.DecodeLastRuneInString(before[:len(before)-n])
		return strings.ContainsRune("一二三四五六七八九十0123456789", p)
	}
	return false
}

// evidenceEnd returns the first evidence opener or heading of text at or
// after from, or len(text).
func evidenceEnd(text string, from int) int {
	end := len(text)
	for _, o := range evidenceOpeners {
		if i := nlp.Index(text[from:], o); i >= 0 && from+i < end {
			end = from + i
		}
	}
	for _, h := range evidenceHeadings {
		for at := from; at < end; {
			i := nlp.Index(text[at:], h)
			if i < 0 || at+i >= end {
				break
			}
			if evidenceHeadingAt(text, at+i) {
				end = at + i
				break
			}
			at += i + len(h)
		}
	}
	return end
}

// partyLabels begin the lines of a party paragraph; what follows them
// (an address, a business scope) describes the party.
var partyLabels = []string{"经营范围", "住所", "住址", "经营场所", "统一社会信用代码", "法定代表人", "负责人", "经营者"}

// procedureLaw is the law whose articles a decision cites for its
// procedure (立案, 告知, 听证, 责令改正, 加处罚款), never as the penalty basis.
const procedureLaw = "行政处罚法》"

// decisionFocus returns the text matching should read. For a decision (a
// party header before a fact opener, or an evidence sentence after the
// facts) it is the facts without party lines, followed by the later
// sentences that cite a law other than 行政处罚法 (违反了……第三十四条;
// the penalty article a 不予处罚 decision quotes before declining). Any
// other text is returned as it is. One scan for the boundaries, literal
// searches only.
func decisionFocus(text string) string {
	start := -1
	for _, o := range factOpeners {
		if i := factOpenerIndex(text, o); i >= 0 && (start < 0 || i < start) {
			start = i
		}
	}
	if start > 0 && !headerBefore(text[:start]) {
		start = 0
	}
	start = max(start, 0)
	end := evidenceEnd(text, start)
	if start == 0 && end == len(text) && !hasEvidenceSentence(text) {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) - start)
	// The party's name says who acted (某某大药房, 某某加油站有限公司): kept,
	// without the address that may follow it on its line.
	for s := range segments(text[:start]) {
		if name, ok := partyName(s); ok {
			b.WriteString(name)
			continue
		}
		// A decision that tells the inspection's finding first and opens
		// 经查 only for what the inquiry added (检查…发现羊肉…无检疫证明。
		// 经查，该批羊肉系…购进) has its act before the opener: kept.
		if findingSentence(s) {
			b.WriteString(s)
		}
	}
	for s := range segments(text[start:end]) {
		if name, ok := partyName(s); ok {
			b.WriteString(name)
			continue
		}
		if start == 0 && (partyLine(s) || procedureSentence(s)) || evidenceSentence(s) {
			continue
		}
		b.WriteString(s)
	}
	for s := range segments(text[end:]) {
		s = beforeDisclaimer(s)
		if citesAppliedLaw(s) || characterizes(s) {
			b.WriteString(s)
		}
	}
	return b.String()
}

// findingMarks say what an inspection found (检查…发现, 现场查获).
var findingMarks = []string{"发现", "查获", "查见", "查出"}

// findingSentence reports whether s, before a decision's fact opener,
// tells what the inspection found rather than the party or the procedure
// (立案, 告知…陈述): the act itself.
func findingSentence(s string) bool {
	return (containsAny(s, findingMarks) || containsAny(s, outcomeMarks)) && !partyLine(s) && !procedureSentence(s) && !evidenceSentence(s)
}

// outcomeMarks tell the harm the act did (其损伤程度为重伤二级, 致二人中毒,
// 经抢救无效死亡): a transfer letter tells the incident first and opens 经调查
// only for whose product or work caused it, and the harm is an element of
// the crime (生产、销售不符合安全标准的产品罪: 造成人员重伤), not the party or
// the procedure (transfer30b).
var outcomeMarks = []string{"重伤", "轻伤", "死亡", "身亡", "中毒", "烧伤", "受伤", "经抢救"}

// proofEnds close a sentence that lists the evidence without an opener
// (现场检查笔录、抽样检验报告、询问笔录、照片在案为证。; 有证人证言、监控
// 视频等证据证实。).
var proofEnds = []string{"为证", "为凭", "在案佐证", "证据证实", "证据证明", "等证据在案", "予以证实", "可以证实", "足以认定"}

// proofDocs are the documents an evidence list names; the first clause of
// an evidence sentence names one.
var proofDocs = []string{"笔录", "照片", "报告", "凭证", "票据", "视频", "证言", "复印件", "记录", "陈述", "清单", "截图", "认定书", "意见书", "鉴定"}

// evidenceSentence reports whether s is a sentence that lists evidence:
// its first clause (up to the first ，or ；) names a document and it ends
// with a proof formula. Its documents (进货票据, 检验报告) are not the act.
func evidenceSentence(s string) bool {
	t := strings.TrimRight(strings.TrimSpace(s), "。")
	if !containsAny(t, proofDocs) {
		return false
	}
	ended := false
	for _, e := range proofEnds {
		if strings.HasSuffix(t, e) {
			ended = true
			break
		}
	}
	if !ended {
		return false
	}
	first := t
	if i := strings.IndexAny(t, "，；,;"); i >= 0 {
		first = t[:i]
	}
	return containsAny(first, proofDocs) || !strings.ContainsAny(t, "，,")
}

// hasEvidenceSentence reports whether text holds a sentence that lists
// evidence (evidenceSentence).
func hasEvidenceSentence(text string) bool {
	if !containsAny(text, proofEnds) {
		return false
	}
	for s := range segments(text) {
		if evidenceSentence(s) {
			return true
		}
	}
	return false
}

// disclaimWords begin the clause in which the agency says which article
// the act does not fall under (本案不适用《水污染防治法》第八十三条第（三）项;
// 不属于……第一百一十二条规定的危险废物情形): the article named there is
// excluded, not applied.
var disclaimWords = []string{"不适用", "不属于", "不构成", "不应适用", "不予适用", "排除适用"}

// beforeDisclaimer returns s up to the clause that disclaims an article (a
// disclaimWord before a 《》 citation in its clause), closed by 。; s itself
// when it disclaims none.
func beforeDisclaimer(s string) string {
	at := -1
	for _, w := range disclaimWords {
		if i := nlp.Index(s, w); i >= 0 && (at < 0 || i < at) && nlp.Contains(s[i:], "》第") {
			at = i
		}
	}
	if at < 0 {
		return s
	}
	cut := max(strings.LastIndex(s[:at], "，"), strings.LastIndex(s[:at], ","), strings.LastIndex(s[:at], "；"))
	if cut < 0 {
		return ""
	}
	return s[:cut] + "。"
}

// disclaimedLast moves the first candidate below the next one when the
// text's own reasoning says the act does not fall under its penalty
// provision (disclaimWords before the citation): an officer's exclusion
// is evidence against that article.
func disclaimedLast(text string, cands []candidate) []candidate {
	if len(cands) < 2 || !nlp.Contains(text, "》第") || !containsAny(text, disclaimWords) {
		return cands
	}
	var cites []corpus.ParsedCitation
	for s := range segments(text) {
		if d := beforeDisclaimer(s); d != s {
			cites = append(cites, corpus.FindCitations(s[max(len(d)-len("。"), 0):])...)
		}
	}
	if len(cites) == 0 || !citesPenalty(cites, cands[0].b.PenaltyRef) {
		return cands
	}
	return promoteFirst(cands, func(c candidate) bool { return !citesPenalty(cites, c.b.PenaltyRef) })
}

// headerBefore reports whether before (the text up to a fact opener) holds
// a decision's header: a headerMark closed by a line or sentence end before
// the opener. A register line that names the party's scope in brackets and
// then tells the act (……（经营范围：食品销售） 冻鸡腿腐败变质 ……举报称……经查
// 未发现……) has its 经查 on the allegation, not on the facts.
func headerBefore(before string) bool {
	for _, m := range headerMarks {
		if i := nlp.Index(before, m); i >= 0 && strings.ContainsAny(before[i:], "。\n") {
			return true
		}
	}
	return false
}

// characterMarks begin the sentence in which a decision names what the act
// is (当事人的上述行为属于以次充好、以假充真的行为; 其行为已构成占用疏散通道),
// after the evidence and often without citing a law: the agency's own
// characterisation, as strong a word on the conduct as the facts.
var characterMarks = []string{"行为属于", "行为系", "行为构成", "行为已构成", "行为已属于", "行为涉嫌"}

// characterizes reports whether s names what the act is (characterMarks);
// a sentence that does so only by 行政处罚法 (属于《行政处罚法》第三十三条
// 规定的情形) says the circumstance, not the act.
func characterizes(s string) bool {
	return (containsAny(s, characterMarks) || agencyHolds(s)) && !nlp.Contains(s, procedureLaw)
}

// agencyMarks begin the agency's own view in a decision's reasoning, where
// it answers the 陈述申辩 (本局认为，当事人……属于以次充好，申辩理由不予采纳).
var agencyMarks = []string{"本局认为", "我局认为", "本机关认为", "本大队认为", "本支队认为", "本所认为", "本委认为", "本厅认为"}

// holdWords name what the act is in the agency's view.
var holdWords = []string{"属于", "构成", "系"}

// agencyHolds reports whether s is the agency's view naming what the act is:
// it opens with an agencyMark (after at most 经审查/经复核 and a comma) and
// says 属于, 构成 or 系.
func agencyHolds(s string) bool {
	head := strings.TrimLeft(s, " \n\t")
	for _, p := range []string{"经审查，", "经复核，", "经审查,", "经复核,"} {
		head = strings.TrimPrefix(head, p)
	}
	for _, m := range agencyMarks {
		if strings.HasPrefix(head, m) {
			return containsAny(head, holdWords)
		}
	}
	return false
}

// segments yields the sentences and lines of s, each with its end mark
// (not split at ；, which separates the items of a business scope).
func segments(s string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for s != "" {
			i := strings.IndexAny(s, "。\n")
			n := len(s)
			if i >= 0 {
				_, w := utf8.DecodeRuneInString(s[i:])
				n = i + w
			}
			if !yield(s[:n]) {
				return
			}
			s = s[n:]
		}
	}
}

// partyLine reports whether s is a line of the party paragraph that
// describes the party (经营范围：……, 住所：……) rather than names it.
func partyLine(s string) bool {
	s = strings.TrimSpace(s)
	for _, l := range partyLabels {
		if rest, ok := strings.CutPrefix(s, l); ok && (strings.HasPrefix(rest, "：") || strings.HasPrefix(rest, ":")) {
			return true
		}
	}
	return false
}

// partyName returns the line that names the party (当事人：……,
// 违法行为人：……) up to its address, and whether s is that line.
func partyName(s string) (string, bool) {
	t := strings.TrimSpace(s)
	if !strings.HasPrefix(t, "当事人：") && !strings.HasPrefix(t, "违法行为人：") {
		return "", false
	}
	for _, l := range []string{"住址：", "住所：", "经营场所："} {
		if i := nlp.Index(t, l); i >= 0 {
			t = t[:i]
		}
	}
	return t + "\n", true
}

// procedureSentence reports whether s tells the procedure: 立案, the
// notice of rights, the end of the investigation. A sentence that tells a
// recheck's finding as well (经复查，当事人仍未补齐，逾期未改正，我局于同日
// 立案调查) is the act's defiance, which the fine's bracket turns on: kept.
func procedureSentence(s string) bool {
	if containsAny(s, defianceInProcedure) {
		return false
	}
	return nlp.Contains(s, "立案") || nlp.Contains(s, "调查终结") ||
		(nlp.Contains(s, "告知") && (nlp.Contains(s, "陈述") || nlp.Contains(s, "听证")))
}

// defianceInProcedure tell, beside 立案, that an order was found defied.
var defianceInProcedure = []string{"逾期未改正", "逾期不改正", "逾期仍未", "逾期未", "拒不改正", "拒绝改正", "仍未改正", "仍未整改", "复查"}

// lawEndings end the names of laws, regulations and rules; a 《》 name
// ending otherwise is a document (《询问笔录》, 《行政处罚告知书》).
var lawEndings = []string{"法", "条例", "规定", "办法", "细则", "决定", "解释", "规则"}

// lawName reports whether a name in 《》 names a law, regulation or rule.
func lawName(name string) bool {
	for _, e := range lawEndings {
		if strings.HasSuffix(name, e) {
			return true
		}
	}
	return false
}

// citesAppliedLaw reports whether s cites a law other than 行政处罚法:
// the rule the act broke or the penalty provision, which the decision
// applies to this act. A document in 《》 (《询问笔录》, 《行政处罚告知书》)
// is no law.
func citesAppliedLaw(s string) bool {
	for rest := s; ; {
		i := nlp.Index(rest, "《")
		if i < 0 {
			return false
		}
		rest = rest[i+len("《"):]
		j := nlp.Index(rest, "》")
		if j < 0 {
			return false
		}
		if name := rest[:j]; lawName(name) && !strings.HasSuffix(name+"》", procedureLaw) {
			return true
		}
		rest = rest[j:]
	}
}

// citedFirst puts first the candidate whose penalty provision the decision
// itself cites (依照《消防法》第六十条第一款第三项……处五千元以上五万元以下罚款,
// which a 不予处罚 decision quotes before declining), when the best ranked
// does not match the citation: the agency's own choice of provision is
// stronger evidence than shared words. focus is decisionFocus's text of a
// decision, whose 行政处罚法 sentences are already gone; a citation matches
// a penalty provision of the same law and article, and of the same 款 and
// 项 where both give them.
func citedFirst(focus string, cands []candidate) []candidate {
	if len(cands) < 2 || !nlp.Contains(focus, "》第") {
		return cands
	}
	cites := corpus.FindCitations(focus)
	if len(cites) == 0 || citesPenalty(cites, cands[0].b.PenaltyRef) {
		return cands
	}
	return promoteFirst(cands, func(c candidate) bool { return citesPenalty(cites, c.b.PenaltyRef) })
}

// promoteFirst moves the first candidate below the top for which want holds
// to the top, its score raised to the top's; the others keep their order.
// cands is returned unchanged when none does.
func promoteFirst(cands []candidate, want func(candidate) bool) []candidate {
	for i, c := range cands[1:] {
		if !want(c) {
			continue
		}
		c.score = max(c.score, cands[0].score)
		out := make([]candidate, 0, len(cands))
		out = append(out, c)
		out = append(out, cands[:i+1]...)
		return append(out, cands[i+2:]...)
	}
	return cands
}

// citesPenalty reports whether one of the citations names the penalty
// provision p.
func citesPenalty(cites []corpus.ParsedCitation, p legal.Ref) bool {
	for _, c := range cites {
		if strings.TrimPrefix(c.LawName, "中华人民共和国") == p.Law && c.Article == p.Article && c.Suffix == p.Suffix &&
			(c.Paragraph == 0 || p.Paragraph == 0 || c.Paragraph == p.Paragraph) &&
			(c.Item == 0 || p.Item == 0 || c.Item == p.Item) {
			return true
		}
	}
	return false
}
