package nlp

import "strings"

// occasionVerbs are the measures an officer takes that a party resists or
// hinders (在依法查处占道经营时, 依法暂扣……三轮车时, 在查封……过期食品时):
// what follows one of them in an occasion clause is the object of that
// measure.
var occasionVerbs = [...]string{"查处", "查封", "扣押", "暂扣", "查扣", "没收", "拆除", "取缔", "清理", "清除", "检查", "核查", "调查", "处理", "处置", "整治", "劝离", "送达"}

// occasionActors name the officer whose measure the clause tells: without
// one the clause may be the party's own doing (当事人在清理仓库时……).
var occasionActors = [...]string{"执法", "民警", "警察", "辅警", "城管", "队员", "监督员", "检查人员", "稽查", "工作人员", "监察员", "路政", "交警"}

// resistanceWords, in the clause after an officer's measure told as done,
// make that clause the occasion of the party's resistance: the party holds,
// pushes or stops the officers (第六十一条), and the matter they dealt with is
// why they were there.
var resistanceWords = [...]string{"拽住", "拉住", "揪住", "抱住", "推搡", "拉扯", "撕扯", "阻拦", "阻挡", "阻止", "阻挠", "拦住", "挡住", "挡在", "围堵", "抢夺", "抢走", "打落", "不让搬", "不让拉", "不让拖", "不让执法", "不让队员", "不让民警"}

// seizure reports whether the measure v takes or removes the thing (查封,
// 扣押, 拆除 …): told as done and resisted, the thing is the occasion. An
// inspection is not: what was inspected names the law whose 拒绝、阻挠检查
// article applies (危废暂存间 for 固废法).
func seizure(v string) bool {
	switch v {
	case "查封", "扣押", "暂扣", "查扣", "没收", "拆除", "取缔":
		return true
	}
	return false
}

// occasionEnds close an occasion clause: the words that make it a time
// (……时, ……过程中) rather than the act.
var occasionEnds = [...]string{"时", "时候", "过程中", "期间", "之际"}

// OccasionSpans returns the spans of a normalised text that tell the
// occasion of the act rather than the act: the object of an officer's
// measure in a clause that sets the time of what the party then did
// (城管队员在依法查处[占道经营]时，柯某拒不收摊……; 执法人员在扣押[某超市的
// 过期饮料]时，店主推搡执法人员). The party's act is the resistance the next
// clause tells; the matter the officers were dealing with is why they were
// there. A clause counts when an officer (occasionActors) stands before the
// measure in it and it ends in 时, 过程中 or 期间. A text without such a
// clause returns nil.
func OccasionSpans(text string) []Span {
	var out []Span
	for _, v := range occasionVerbs {
		for from := 0; ; {
			i := Index(text[from:], v)
			if i < 0 {
				break
			}
			i += from
			from = i + len(v)
			cs := clauseStart(text, i)
			if !containsAny(text[cs:i], occasionActors[:]...) {
				continue
			}
			ce := clauseEnd(text, from)
			if n := suffixLen(text[from:ce], occasionEnds[:]); n > 0 && ce-n > from {
				out = append(out, Span{from, ce - n})
				continue
			}
			// The measure told as done, the resistance right after it
			// (城管执法队员依法暂扣占道经营的三轮车 摊贩某拽住执法队员不让搬车):
			// the clause, cut at a register line's space, is the occasion
			// too.
			if k := strings.IndexByte(text[from:ce], ' '); k > 0 {
				ce = from + k
			}
			next := text[ce:]
			if e := sentenceEnd(next); e >= 0 {
				next = next[:e]
			}
			if ce > from && seizure(v) && containsAny(next, resistanceWords[:]...) {
				out = append(out, Span{from, ce})
			}
		}
	}
	return out
}

// clauseStart is where the clause holding byte i begins: after the last
// comma, semicolon, colon, full stop or line end before i.
func clauseStart(text string, i int) int {
	k := strings.LastIndexAny(text[:i], ",;:\n")
	if j := strings.LastIndex(text[:i], "。"); j >= 0 && j+len("。") > k+1 {
		return j + len("。")
	}
	return k + 1
}

// clauseEnd is where the clause running from byte i ends: at the next
// comma, semicolon, full stop or line end (the text's end without one).
func clauseEnd(text string, i int) int {
	end := len(text)
	if k := strings.IndexAny(text[i:], ",;\n"); k >= 0 {
		end = i + k
	}
	if j := Index(text[i:end], "。"); j >= 0 {
		end = i + j
	}
	return end
}

// suffixLen is the length of the longest of words s ends with, 0 for none.
func suffixLen(s string, words []string) int {
	n := 0
	for _, w := range words {
		if len(w) > n && strings.HasSuffix(s, w) {
			n = len(w)
		}
	}
	return n
}

// quarrelCauseRe finds the cause a record gives for a quarrel that ended
// in the act (因摊位占道问题与摊主发生争执, 因停车问题和邻居起了口角): group 1
// is what the two quarrelled about, not what the party did.
var quarrelCauseRe = Guard(`因([^，。；,;]{2,24}?)(?:问题|纠纷|琐事|矛盾|一事)?(?:与|和|同|跟)[^，。；,;]{1,16}?(?:发生|产生|起了|引发|发生了)?(?:争执|口角|争吵|纠纷|冲突|矛盾)`, "争执", "口角", "争吵", "纠纷", "冲突", "矛盾")

// QuarrelCauseSpans returns the spans of a normalised text that tell what a
// quarrel was about (因[摊位占道]问题与……发生争执): why the parties fell out,
// not the act the record goes on to tell (殷某用拳头击打……). A text with no
// such clause returns nil.
func QuarrelCauseSpans(text string) []Span {
	var out []Span
	for _, m := range quarrelCauseRe.FindAllStringSubmatchIndex(text, -1) {
		out = append(out, Span{Start: m[2], End: m[3]})
	}
	return out
}
