package caseanalysis

import (
	"slices"
	"strings"
	"unicode"

	"github.com/cailiang/cailiang/nlp"
)

// One reading of an order to correct and what came after it (the
// twenty-eighth round, debt29). The flags of 经责令改正拒不改正 (inferFlags)
// and the transfer cues' 经责令…仍不… (readTransfer) read the same thing:
// they read it here, once a request (readOrders), from one list of the
// words that give an order (orderOpenings).

// orderReading is what a text tells of orders and their defiance.
type orderReading struct {
	// again: the party ordered to correct, then found at the same thing
	// again (orderedThenAgain).
	again bool
	// joins are the sentences (numbered by the 。 that ends them) whose
	// order the next sentence tells defied: withDefianceJoined joins them.
	joins []defianceJoin
}

// defianceJoin is a sentence whose order the next one tells defied, and
// the words that name the defiance as the conditions' cues do (defied).
type defianceJoin struct {
	sentence int
	words    string
}

// orderOpenings are the words of an order, whichever act it orders (责令,
// a 指令书 or 通知书 served, a time limit set). Every word of orderWords,
// the orders to correct, and every match of orderCountRe holds one of
// them.
var orderOpenings = []string{"责令", "指令书", "通知书", "限期", "整改通知", "改正通知", "整改指令"}

// readOrders reads the orders of a normalised text: once a request.
func readOrders(norm string) orderReading {
	if !containsAny(norm, orderOpenings) {
		return orderReading{}
	}
	return orderReading{again: orderedThenAgain(norm), joins: defiedSentences(norm)}
}

// defiedSentences numbers the sentences that give an order and whose next
// sentence opens by telling it defied (责令其于3月30日前全额支付。逾期后仍
// 分文未付).
func defiedSentences(text string) []defianceJoin {
	var out []defianceJoin
	rest := text
	for k := 0; ; k++ {
		i := strings.Index(rest, "。")
		if i < 0 {
			return out
		}
		sentence, next := rest[:i], rest[i+len("。"):]
		if containsAny(sentence, orderOpenings) {
			if words, ok := defied(next); ok {
				out = append(out, defianceJoin{sentence: k, words: words})
			}
		}
		rest = next
	}
}

// orderWords name an order to correct as the officers write it.
var orderWords = []string{"责令改正", "责令限期改正", "责令其改正", "责令其限期改正", "责令整改", "责令限期整改", "责令其整改", "责令其限期整改", "限期整改", "限期改正", "整改通知书", "改正通知书", "整改指令书"}

// orderCountRe finds orders counted in the text (两次被责令改正, 先后三次下达
// 整改通知书, 多次责令其整改, 责令改正两次); guarded by 次, which every
// match holds.
var orderCountRe = nlp.Guard(`(?:两|二|三|四|五|多|数|屡|[2-9])次(?:被)?(?:[^，。；,;]{0,6})(?:责令|限期整改|限期改正|整改通知|改正通知|整改指令)|(?:责令|限期)[^，。；,;]{0,8}(?:改正|整改)(?:了)?(?:两|二|三|四|五|多|[2-9])次`, "次")

// againWords, after an order, tell the thing found once more (复查时又发现,
// 本次检查再次发现, 仍然存在, 继续销售).
var againWords = []string{"又发现", "再次发现", "又被发现", "又查见", "再次查见", "又查到", "再次查到", "又查获", "再次查获", "又出现", "再次出现", "仍然存在", "依然存在", "依旧存在", "仍存在", "继续销售", "继续经营", "继续使用", "继续生产", "继续施工", "继续排放", "继续堆放", "继续占用"}

// orderedThenAgain reports whether the text tells the party ordered to
// correct and then found at it again: an order (经责令改正, 限期整改,
// 整改通知书 …) followed by a later finding of the same (又发现, 再次发现,
// 仍然存在, 继续销售), or orders counted (两次责令改正) with such a finding
// after them. That is 经责令改正拒不改正 (or 逾期不改正) as officers
// write it without the words. A single 责令 is not enough: the order a
// decision imposes (责令当事人改正) or one obeyed (当即改正) has no later
// finding; a denied one (未再发现, 没有再次发现) is a correction found kept.
// An order given to another (责令隔壁餐馆改正) is not the party's, and a
// later finding of another thing than the one ordered corrected
// (sameThingFound) is a new violation, not a refusal.
func orderedThenAgain(norm string) bool {
	first := -1
	for _, w := range orderWords {
		for i := 0; ; {
			j := strings.Index(norm[i:], w)
			if j < 0 {
				break
			}
			at := i + j
			if !orderedOther(norm, at) {
				if first < 0 || at < first {
					first = at
				}
				break
			}
			i = at + len(w)
		}
	}
	counted := false
	if loc := orderCountRe.FindStringIndex(norm); loc != nil && !orderedOther(norm, loc[0]) {
		counted = true
		if first < 0 || loc[0] < first {
			first = loc[0]
		}
	}
	if first < 0 {
		return false
	}
	// 经责令 tells an order of the past; otherwise the finding must come at
	// a later visit (复查, 本次检查, 期满…), not in the same inspection that
	// gave the order (责令其立即改正，又发现仓库内…).
	past := counted || strings.Contains(norm[max(0, first-6):first], "经") || strings.Contains(norm[max(0, first-6):first], "曾")
	rest := norm[first:]
	for _, w := range againWords {
		for i := 0; ; {
			j := strings.Index(rest[i:], w)
			if j < 0 {
				break
			}
			at := i + j
			if (past || containsAny(rest[:at], laterVisitWords)) && !deniedBefore(rest[:at]) && !othersFinding(rest[:at]) && !correctedBetween(rest[:at]) && (!goingOnWord(w) || defiedInClause(rest[:at])) &&
				sameThingFound(norm[:first+clauseEnd(rest)], rest[:at], w, rest[at+len(w):]) {
				return true
			}
			i = at + len(w)
		}
	}
	return false
}

// clauseEnd is the byte length of s's first clause (to the first clause
// mark, or all of s).
func clauseEnd(s string) int {
	if k := strings.IndexAny(s, "，。；,;"); k >= 0 {
		return k
	}
	return len(s)
}

// othersOrderedWords, in the clause of an order, give it to someone else
// than the party (责令隔壁餐馆改正, 邻近的汽修店被责令整改).
var othersOrderedWords = []string{"隔壁", "邻近", "邻居", "周边", "其他商户", "其他店", "其他单位", "别家", "附近", "对面", "另一家", "另一户", "他人"}

// orderedOther reports whether the order at i is given to someone else:
// its clause, up to the order and the few runes of its object after it
// (责令隔壁…), names another party.
func orderedOther(norm string, i int) bool {
	from := strings.LastIndexAny(norm[:i], "，。；,;") + 1
	to := i + clauseEnd(norm[i:])
	return containsAny(norm[from:to], othersOrderedWords)
}

// referBackWords, in a later finding, name the thing ordered corrected
// (上述问题, 同类问题, 该隐患): the same by reference.
var referBackWords = []string{"上述", "前述", "同类", "同样", "相同", "类似", "原有", "原来", "该问题", "该隐患", "该情况", "此类", "这些", "以上"}

// withoutPartyNamed drops from a finding the party it names by 该 or 这家
// (该茶楼在后院焚烧垃圾 → 在后院焚烧垃圾): the party's name shared with the
// order's text says nothing of the thing found.
func withoutPartyNamed(found string) string {
	for _, d := range []string{"该", "这家", "此"} {
		i := strings.Index(found, d)
		if i < 0 {
			continue
		}
		rest := []rune(found[i+len(d):])
		for k := 0; k < len(rest) && k < 6; k++ {
			if strings.ContainsRune("在于将把仍又还正", rest[k]) {
				return found[:i] + string(rest[k:])
			}
		}
	}
	return found
}

// stopRunes make no content of a finding's pair of runes: grammar and
// numerals.
const stopRunes = "的了其在有又再仍还该是和与及等个名处件时被把将对向从于已均都也并且而此次本今日月年号第一二三四五六七八九十"

// stopPairs are no content either: the party, the officers, the finding's
// and the order's own words.
var stopPairs = []string{"当事", "事人", "发现", "检查", "查见", "查到", "复查", "问题", "情况", "行为", "违法", "改正", "整改", "责令", "存在", "执法", "人员", "现场"}

// sameThingFound reports whether a later finding (the again word w, with
// the words before it in its clause and the rest of that clause after it)
// is of the thing ordered corrected, told in ordered (the text up to the
// end of the order's clause): a pair of content runes of what was found
// occurs there (销售过期食品 … 又发现其销售过期面包), or the finding refers
// back (上述问题仍然存在), or it names nothing of its own (依然存在). The
// business going on (继续生产) is the act itself. An order about one thing
// and a later finding of another (未公示健康证明，经责令改正后，复查时又发现
// 其冷柜内存放过期酸奶) is a new violation, no refusal of the order.
func sameThingFound(ordered, before, w, after string) bool {
	if strings.HasPrefix(w, "继续") {
		return true
	}
	found := after[:clauseEnd(after)]
	if strings.HasSuffix(w, "存在") || found == "" {
		// 堵塞情况依然存在: the thing is told before the word.
		if k := strings.LastIndexAny(before, "，。；,;"); k >= 0 {
			before = before[k:]
		}
		found = before + found
	}
	if containsAny(found, referBackWords) {
		return true
	}
	rs := []rune(withoutPartyNamed(found))
	content := false
	for i := 0; i+1 < len(rs); i++ {
		if !unicode.Is(unicode.Han, rs[i]) || !unicode.Is(unicode.Han, rs[i+1]) || strings.ContainsRune(stopRunes, rs[i]) || strings.ContainsRune(stopRunes, rs[i+1]) || slices.Contains(stopPairs, string(rs[i:i+2])) {
			continue
		}
		content = true
		if strings.Contains(ordered, string(rs[i:i+2])) {
			return true
		}
	}
	return !content
}

// goingOnWords, among againWords, are the business going on (继续经营,
// 继续生产): after an order they are the order defied only when their own
// sentence says so (期满后该场继续生产, 仍继续施工), not when a shop simply
// trades on (此后正常营业，继续经营).
var goingOnWords = []string{"继续销售", "继续经营", "继续使用", "继续生产", "继续施工"}

// defianceWords, in the clause of a going on, make it the order defied: the
// time limit run out, or the act kept up (仍, 照常, 拒不).
var defianceWords = []string{"期满", "逾期", "到期", "届满", "超过期限", "仍", "依然", "依旧", "照常", "照样", "拒不", "拒绝"}

// goingOnWord reports whether w is one of goingOnWords.
func goingOnWord(w string) bool {
	for _, g := range goingOnWords {
		if g == w {
			return true
		}
	}
	return false
}

// defiedInClause reports whether the sentence before a going on, from the
// last stop, tells the order defied (defianceWords: 期满后土方仍未覆盖，工地
// 继续施工).
func defiedInClause(before string) bool {
	if k := strings.LastIndexAny(before, "。；;"); k >= 0 {
		before = before[k:]
	}
	return containsAny(before, defianceWords)
}

// correctionWords tell the ordered thing done (更换了设备, 土方已全部覆盖,
// 已整改完毕, 此后设备运行正常).
var correctionWords = []string{"已改正", "改正完毕", "已整改", "整改完毕", "整改到位", "完成整改", "完成了整改", "整改完成", "已更换", "更换了", "已覆盖", "已全部覆盖", "覆盖完毕", "覆盖了", "已拆除", "拆除了", "已清除", "清除了", "已清理", "清理了", "清理完毕", "恢复正常", "运行正常", "已补办", "补办了", "已安装", "安装了", "已撤除", "撤除了", "已下架", "下架了", "已封堵", "封堵了", "已移走", "搬离了", "已搬离"}

// claimWords before a correction make it the party's word only (当事人称已
// 整改, 表示已更换): a recheck that then finds the thing again is a refusal.
var claimWords = []string{"称", "表示", "声称", "承诺", "保证", "报告", "答复"}

// correctedBetween reports whether the words between an order and a later
// finding tell the order carried out (经责令改正后，企业更换了设备，此后设备
// 运行正常，企业继续生产): what comes after it — going on with the business,
// or the same fault found once more — is no refusal of that order. A
// correction denied (未整改到位, 没有更换) or only claimed (称已整改) does not
// break it.
func correctedBetween(between string) bool {
	for _, w := range correctionWords {
		for i := 0; ; {
			j := strings.Index(between[i:], w)
			if j < 0 {
				break
			}
			at := i + j
			clause := between[:at]
			if k := strings.LastIndexAny(clause, "，。；,;"); k >= 0 {
				clause = clause[k:]
			}
			if !nlp.Negated(between, at) && !containsAny(clause, []string{"未", "没", "不"}) && !containsAny(clause, claimWords) {
				return true
			}
			i = at + len(w)
		}
	}
	return false
}

// laterVisitWords put a finding after an order at a later visit.
var laterVisitWords = []string{"复查", "再次检查", "再次到", "再次前往", "回访", "此后", "之后", "后又", "后再次", "后仍", "期满", "逾期", "到期", "次日", "本次检查", "此次检查", "今日", "近日", "日后", "个月后", "天后", "日检查"}

// deniedBefore reports whether the words just before a finding deny it
// (未再次发现, 没有再次出现, 不再继续使用).
func deniedBefore(before string) bool {
	r := []rune(before)
	if len(r) > 3 {
		r = r[len(r)-3:]
	}
	tail := string(r)
	return strings.ContainsAny(tail, "未没无不")
}

// othersFinding reports whether the clause a finding sits in names another
// party (邻近商户, 隔壁, 其他): what others go on doing is no refusal of the
// party's own.
func othersFinding(before string) bool {
	k := strings.LastIndexAny(before, "，。；,;")
	clause := before
	if k >= 0 {
		clause = before[k:]
	}
	return containsAny(clause, []string{"隔壁", "邻近", "周边", "其他商户", "其他店", "别家", "附近"})
}

// defianceOpeningRe finds, at the start of the next sentence, a check after
// the time limit (逾期后, 期满, 复查, 至今) and then what was not done
// (仍分文未付, 上述隐患均未整改, 仍未发放): the effect that tells the order
// was defied. A sentence telling the work done (已整改完毕) or what is not
// yet due (尚未到期) names no defiance: 尚未 is no failure after a time
// limit, and the failure words are the order's own verbs.
//
// The effect may come after clauses telling what the party did instead
// (期限届满后，该公司负责人手机关机、办公室人去楼空，工资至今一分未付), or
// be told as the state found unchanged (复查时上述隐患依旧, 复查发现…仍然
// 存在): the twenty-eighth round (transfer29b) widened the gaps and took
// that state in; a correction told in between (已足额支付, 已整改) still
// ends it (defianceCorrections). The twenty-ninth round (transfer30a) took in
// the failure told by the ordered act itself (复查时仍未清理通道、未开锁).
//
// Guarded by the check words (every match holds one): a sentence without
// any is not run.
var defianceOpeningRe = nlp.Guard(`^[^。；;！!？?]{0,24}?(?:逾期|期满|届满|到期后|复查|回访|至今|过了期限|期限已过)[^。；;！!？?]{0,40}?`+
	`(?:(?:仍|均|依然|还是|一直)?(?:未|没有?|拒不|分文未|一分未|一分钱未|一分没)(?:按期|按要求|予|作|进行)?(?:整改|改正|支付|付|发放|消除|执行|履行|给|`+
	// the ordered act itself (复查时仍未清理通道、未开锁; twenty-ninth round)
	`清理|清除|拆除|搬离|搬走|疏通|打开|开锁|开启|恢复|安装|更换|配备|停止|关停|补办|移除)|`+
	`依旧|依然存在|仍然存在|仍存在|仍未消除|原样未动|未见改变|没有变化|照旧)`,
	"逾期", "期满", "届满", "到期后", "复查", "回访", "至今", "过了期限", "期限已过")

// defianceCorrections are the words of a correction: a defiance opening that
// holds one before the failure is no defiance read whole (期满前已足额支付，
// 复查时未发现…).
var defianceCorrections = []string{"已支付", "已足额", "已全部支付", "已发放", "已付清", "已结清", "已整改", "已改正", "已消除", "已清理", "已拆除", "整改完毕"}

// defied reports whether the sentence opens by telling the order defied,
// and the words that name the defiance as the conditions' cues do
// (逾期仍未支付 for pay withheld, 逾期仍未整改 for a hazard left): clauses
// between the check and the failure put it beyond a cue's reach of the
// order.
func defied(next string) (string, bool) {
	loc := defianceOpeningRe.FindStringIndex(next)
	if loc == nil || containsAny(next[:loc[1]], defianceCorrections) {
		return "", false
	}
	// The failure's verb ends the match (a name between, 付某, is no pay).
	if strings.ContainsAny(next[max(loc[0], loc[1]-len("发放")):loc[1]], "付发给") {
		return "逾期仍未支付", true
	}
	return "逾期仍未整改", true
}

// withDefianceJoined joins a sentence that orders an act by a time limit to
// the next one when that one tells the order defied (责令其于3月30日前全额
// 支付。逾期后仍分文未付 → …支付，逾期后…): the conditions' cues (责令…分文未付,
// 通知…未整改) are read within one sentence, and an officer tells the order
// and the check after it in two. A text whose normalised form told no
// defiance (readOrders) tells none, which is nearly every text; one that
// did is read again itself, since the text the transfer reads may differ
// from the one read (the raw text, claims blanked inside a sentence), and
// joins numbered on another text's sentences would join the wrong ones.
func withDefianceJoined(text string, orders orderReading) string {
	if len(orders.joins) == 0 {
		return text
	}
	joins := defiedSentences(text)
	if len(joins) == 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	rest := text
	for k := 0; ; k++ {
		i := strings.Index(rest, "。")
		if i < 0 {
			b.WriteString(rest)
			return b.String()
		}
		b.WriteString(rest[:i])
		if len(joins) > 0 && joins[0].sentence == k {
			b.WriteString("，" + joins[0].words + "，")
			joins = joins[1:]
		} else {
			b.WriteString("。")
		}
		rest = rest[i+len("。"):]
	}
}
