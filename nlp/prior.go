package nlp

import (
	"strconv"
	"strings"
	"unicode"
)

// priorConductRe finds an earlier penalty told with its cause (去年因销售过期
// 食品被罚款, 曾因无证经营受到行政处罚, 前次因占道经营被警告, 2025年6月因…被
// 处以罚款): group 1 is the conduct punished then. The past is marked before
// 因 (曾, 去年, 此前, 前次, 上次, …年前, a year told) so that the case's own
// 因…被立案 (当事人因未明码标价被本局立案调查) is not read as an earlier one;
// the penalty word after 被/受 (处罚, 罚款, 警告, 查处 …) makes it a penalty,
// not a complaint (因噪音被邻居投诉).
var priorConductRe = Guard(`(?:曾经|曾|去年|前年|上年|上一年|此前|之前|以前|先前|早前|前次|上次|上一次|年前|个月前|往年|\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?)(?:[^，。；,;因]{0,10}?)因([^。；;因被受]{2,30}?)(?:被|受到|受过|遭到)[^，。；,;]{0,14}?(?:行政处罚|处罚|罚款|警告|查处|处以|拘留|吊销)`,
	"处罚", "罚款", "警告", "查处", "处以", "拘留", "吊销")

// priorAgainWords, after an earlier penalty dated by its year alone, tell
// the act found now as a later one.
var priorAgainWords = [...]string{"又", "再次", "再度", "今年", "本次", "此次", "这次"}

// yearMonthRe reads a year and its month (2025年8月).
var yearMonthRe = Guard(`(\d{4})年(\d{1,2})?`, "年")

// laterDateTold reports whether the text dates something after the year (and
// month) told at at, outside the clause there: the act found now
// (2025年8月3日，赵某…。赵某于2024年12月因…被处以行政拘留).
func laterDateTold(text string, at int) bool {
	m := yearMonthRe.FindStringSubmatchIndex(text[at:])
	if m == nil || m[0] != 0 {
		return false
	}
	key := func(text string, m []int) int {
		y, _ := strconv.Atoi(text[m[2]:m[3]])
		mo := 0
		if m[4] >= 0 {
			mo, _ = strconv.Atoi(text[m[4]:m[5]])
		}
		return y*13 + mo
	}
	own := key(text[at:], m)
	for _, o := range yearMonthRe.FindAllStringSubmatchIndex(text, -1) {
		if o[0] != at && key(text, o) > own {
			return true
		}
	}
	return false
}

// priorSameKindWords are the references that tell the act found now as the
// earlier one again (又因同样的问题被查, 再次实施同类违法行为): the earlier
// conduct is then the only telling of the act, and stays.
var priorSameKindWords = [...]string{"同样", "同类", "相同", "同一", "类似", "上述违法", "该违法", "原违法"}

// priorGenericBigrams are bigrams an earlier and a present act of different
// kinds share without being one kind (销售, 食品, 经营): only a rarer one
// told again outside the earlier clause makes them one kind.
var priorGenericBigrams = map[string]bool{
	"销售": true, "经营": true, "生产": true, "违法": true, "违规": true, "规定": true, "按照": true, "未按": true, "按规": true,
	"食品": true, "产品": true, "商品": true, "药品": true, "车辆": true, "擅自": true, "行为": true, "当事": true, "事人": true,
	"未经": true, "没有": true, "使用": true, "从事": true, "许可": true, "未取": true, "取得": true, "进行": true,
	"驾驶": true, "机动": true, "动车": true, "排放": true, "组织": true, "设置": true, "存在": true, "建设": true, "施工": true,
	"运输": true, "储存": true, "处置": true, "他人": true, "人员": true, "公司": true, "企业": true, "单位": true,
}

// PriorPenaltySpans returns the spans of a normalised text that tell the
// conduct of an earlier penalty (去年因[销售过期食品]被罚款五千元，今年又……):
// the act of the case is the one found now, and the earlier one is a
// circumstance of it (再次, 从重), never its basis. A conduct of the kind the
// text tells again outside the clause (曾因赌博被处罚，又赌博), or a present act
// told only by reference to it (又因同样的问题被查处), is no other act and is
// not returned. A text with no such clause returns nil.
func PriorPenaltySpans(text string) []Span {
	var out []Span
	for at := 0; at < len(text); {
		ms := priorConductRe.FindAllStringSubmatchIndex(text[at:], 1)
		if ms == nil {
			break
		}
		m := ms[0]
		for k := range m {
			if m[k] >= 0 {
				m[k] += at
			}
		}
		// A surname 曾 (曾某因琐事殴打…) marks no past: the case's own
		// 因…被…处罚 follows it. A 曾 further on (曾某曾因…) is looked for
		// again from the next character.
		if surnameZeng(text[m[0]:]) {
			at = m[0] + len("曾")
			continue
		}
		at = m[1]
		// A year alone marks no past: 2026年3月因…被罚款 may be the case's
		// own penalty, told in a register. It does when the text goes on
		// to tell the act again (又, 再次, 今年 …).
		if c := text[m[0]]; c >= '0' && c <= '9' && !containsAny(text[m[1]:], priorAgainWords[:]...) && !laterDateTold(text, m[0]) {
			continue
		}
		out = append(out, Span{Start: m[2], End: m[3]})
	}
	if len(out) == 0 {
		return nil
	}
	outside := BlankSpans(text, out)
	if containsAny(outside, priorSameKindWords[:]...) {
		return nil
	}
	kept := out[:0]
	for _, s := range out {
		if !toldAgain(text[s.Start:s.End], outside) {
			kept = append(kept, s)
		}
	}
	if len(kept) == 0 {
		return nil
	}
	return kept
}

// zengMarkerNext are the characters that follow the past marker 曾 and
// begin no given name: 曾多次因, 曾于2025年因, 曾在本市因, 曾被, 曾两次.
const zengMarkerNext = "多于在有被受因两二三四几数屡先一分连又再经为以向对因"

// surnameZeng reports whether text, opening with 曾 (not 曾经), opens with
// the surname 曾 rather than the past marker: 曾 before 某 (曾某), before a
// character and 某 (曾x某, 曾小某), or before a given name of one or two
// characters followed by 因, a bracket or a comma (曾小明因…, 曾伟（男，…）).
func surnameZeng(text string) bool {
	if !strings.HasPrefix(text, "曾") || strings.HasPrefix(text, "曾经") {
		return false
	}
	rs := []rune(text[len("曾"):min(len(text), len("曾")+16)])
	if len(rs) == 0 {
		return false
	}
	if rs[0] == '某' || (len(rs) > 1 && rs[1] == '某') {
		return true
	}
	if !unicode.Is(unicode.Han, rs[0]) || strings.ContainsRune(zengMarkerNext, rs[0]) {
		return false
	}
	for n := 1; n <= 2 && n < len(rs); n++ {
		if !unicode.Is(unicode.Han, rs[n-1]) {
			return false
		}
		switch rs[n] {
		case '因', '（', '(', '，', ',':
			return true
		}
	}
	return false
}

// toldAgain reports whether a distinguishing Han bigram of the earlier
// conduct (not priorGenericBigrams) is told again in the rest of the text.
func toldAgain(conduct, rest string) bool {
	rs := []rune(conduct)
	for i := 0; i+1 < len(rs); i++ {
		if !unicode.Is(unicode.Han, rs[i]) || !unicode.Is(unicode.Han, rs[i+1]) {
			continue
		}
		bg := string(rs[i : i+2])
		if priorGenericBigrams[bg] {
			continue
		}
		if strings.Contains(rest, bg) {
			return true
		}
	}
	return false
}
