package nlp

import (
	"iter"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// negation is a word that denies what follows it. A far word (未, 没有,
// 无, 不存在 …) denies a cue anywhere after it in the same clause within
// negationReach runes (未造成人员伤亡, 没有发现…); a near word (不, 非, 拒,
// 否) only the cue it touches, with at most negationFillers between them
// (拒不改正, 不予配合, 并非首次): 不 and 非 begin too many unrelated words
// (不符合, 非法) to reach further.
type negation struct {
	word string
	far  bool
}

// negations is the one list of negation words, for fact extraction,
// benchmark flags and transfer cues alike. A word that ends in another
// word of the same reach (尚未 in 未) is covered by it; where two words start
// at the same place the longer one decides (没有经批准 is 没有 + 经).
var negations = [...]negation{
	{"未", true}, {"没有", true}, {"没", true}, {"无", true}, {"并非", true},
	{"不存在", true}, {"不是", true}, {"不属于", true}, {"不构成", true}, {"不涉及", true},
	// a unit that does not produce a thing (该公司不产生危险废物) denies it as
	// 未产生 does; 不 alone is near and would not reach past 产生
	{"不产生", true},
	{"否认", true}, {"排除", true}, {"不在", true}, {"不位于", true}, {"不处于", true},
	{"不", false}, {"非", false}, {"拒", false}, {"拒绝", false}, {"否", false},
}

// negationReach is how many runes before a cue a far negation is looked
// for.
const negationReach = 10

// negationFillers may stand between a negation and the cue it touches
// (不属于首次, 未能及时改正, 未积极配合).
var negationFillers = [...]string{"属于", "是", "能", "予", "积极", "主动", "及时"}

// conductWords, right after a far negation, make it part of a conduct
// description instead of a denial (未经批准, 未取得许可, 无证, 无照, 没收,
// 未成年人, 无法, 未满一周岁): 未经依法批准擅自开采 still reports the conduct. A negation
// that touches the cue denies it all the same (无营业执照). An unpaid
// payment (未足额缴纳…社会保险费, 未缴纳…社保费) denies the paying, not the
// contributions it names.
var conductWords = [...]string{"经", "取得",
	// a result, not a denial: 经抢救无效身亡, 整改无效
	"效", "按", "依法", "办理", "批准",
	// the permit not fetched or applied for, in the field's short verbs
	// (未领施工许可证即开工, 未办证即营业, 未申领许可, 未获批准), or the
	// account or register not opened (未开设农民工工资专用账户, 未设立…专户)
	"领", "申领", "申办", "申请", "办", "获", "备案", "登记", "开设", "开立", "设立", "领取", "证", "照", "牌", "资质", "许可", "营业执照", "采矿许可", "执业", "标签", "收", "成年", "法", "缴", "足额",
	// wages not settled (离职后未结清两个月工资, 没付清工钱): the unpaid
	// settling, the wages it names
	"结清", "结算", "付清",
	// an age limit (哺乳未满一周岁婴儿的女职工, 不满16周岁), not 未满足
	"满一", "满两", "满二", "满三", "满四", "满五", "满六", "满七", "满八", "满九", "满十", "满1", "满2", "满3", "满4", "满5", "满6", "满7", "满8", "满9",
	// a product's attribute, not a denial: 一次性使用无菌注射器, 无纺布口罩,
	// 无糖饮料, 无缝钢管, 无铅汽油, 无醇啤酒, 无磷洗衣粉, 无尘车间, 无人机
	"菌", "纺", "糖", "缝", "铅", "醇", "磷", "氟", "尘", "人机",
	// who a person is, not a denial: 无业人员, 无固定职业, 无固定住所; the
	// first 无 of 无缘无故 (the second still reads as before)
	"业", "固定", "职业", "缘"}

// isNegationBreak ends the clause a cue and its negation must share. The
// enumeration comma 、 does not: 未造成人员伤亡、财产损失 denies both.
func isNegationBreak(r rune) bool {
	switch r {
	case '，', '。', '；', '！', '？', ',', ';', '!', '?', '\n', '：', ':':
		return true
	case ' ', '\t', '\u3000', '｜', '|':
		// A register line separates its fields by spaces or bars (某某药房
		// 未标示价格 三年内首次被查处; …未造成危害后果｜拟首违不罚): a negation
		// does not reach into the next field.
		return true
	}
	return false
}

// Negated reports whether a negation word denies what starts at byte
// offset pos of the normalised text s: a near or far negation touching it
// (after fillers), or a far one earlier in its clause within negationReach
// runes that does not describe conduct. It allocates nothing.
func Negated(s string, pos int) bool {
	if pos > len(s) {
		pos = len(s)
	}
	if negativeFinding(s, pos) {
		return true
	}
	w := s[reachBefore(s, pos):pos]
	if !mayNegate(w) {
		return false
	}
	if ownNegation(s[pos:], w) || threatCondition(s, pos, w) {
		return false
	}
	touching := trimFillers(w)
	for _, n := range negations {
		if strings.HasSuffix(touching, n.word) {
			return true
		}
		if !n.far {
			continue
		}
		for from := 0; ; {
			i := Index(w[from:], n.word)
			if i < 0 {
				break
			}
			at := from + i
			from = at + len(n.word)
			if !longerNegationAt(w[at:], n.word) && !describesConduct(w[from:]) && !attributive(w[from:]) && !negatedActsObject(w[from:]) {
				return true
			}
		}
	}
	return false
}

// conditionWords open the condition of a threat (若不…就, 如果不…就).
var conditionWords = [...]string{"若不", "如不", "如果不", "假如不", "倘若不", "要是不", "若是不", "如若不"}

// threateningWords make what follows a demand backed by a threat.
var threateningWords = [...]string{"威胁", "扬言", "要挟", "恐吓", "胁迫"}

// threatCondition reports whether the negation in w, the window before
// pos, is the condition of a threat (威胁称若不在三天内转账“封口费”，就将照片
// 发到网上): what follows is what the threat demands, which the text
// reports, not denies. The threat word must come earlier in the sentence,
// and no other negation stand between the condition and pos (若不…未…:
// the later one still denies).
func threatCondition(s string, pos int, w string) bool {
	at, c := -1, ""
	for _, cw := range conditionWords {
		if i := strings.LastIndex(w, cw); i > at {
			at, c = i, cw
		}
	}
	if at < 0 {
		return false
	}
	rest := w[at+len(c):]
	for _, n := range negations {
		if strings.Contains(rest, n.word) {
			return false
		}
	}
	lo := pos - len(w) + at
	for n := 0; lo > 0 && n < 40; n++ {
		r, size := utf8.DecodeLastRuneInString(s[:lo])
		if r == '。' || r == ';' || r == '；' || r == '!' || r == '！' {
			break
		}
		lo -= size
	}
	for _, t := range threateningWords {
		if strings.Contains(s[lo:pos], t) {
			return true
		}
	}
	return false
}

// negatedActsObject reports whether rest, the text between a far negation
// and the cue, is 对 and a short determiner only (未对餐具进行清洗消毒,
// 未对其所售储气罐…, 没有对店内电梯…): the cue is the object the negated act
// would have been done to, which the text names, not denies. What follows the
// object (进行清洗消毒) is still denied.
func negatedActsObject(rest string) bool {
	obj, ok := strings.CutPrefix(rest, "对")
	return ok && utf8.RuneCountInString(obj) <= 3 && !strings.ContainsAny(obj, "进行作予")
}

// negationHeads are the first runes of the negation words: a window with
// none of them holds no negation, which is the answer for most places a cue
// is found at, and is known without trying each word.
var negationHeads = func() []rune {
	var out []rune
	for _, n := range negations {
		if r, _ := utf8.DecodeRuneInString(n.word); !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}()

// mayNegate reports whether w contains the first rune of a negation word.
func mayNegate(w string) bool {
	for _, r := range w {
		if slices.Contains(negationHeads, r) {
			return true
		}
	}
	return false
}

// reachBefore is where the window a negation is looked for in starts: back
// from pos to the clause break, at most negationReach runes. The excuse of
// 以……为由 ends there too: 以“会计不在”为由拒绝提供账簿 refuses, the 不在 is
// the pretext, not a denial of the refusal.
func reachBefore(s string, pos int) int {
	lo := pos
	for n := 0; lo > 0 && n < negationReach; n++ {
		r, size := utf8.DecodeLastRuneInString(s[:lo])
		if isNegationBreak(r) || sequenceBreak(s, lo, r, size) || pretextBreak(s[:lo], r) {
			break
		}
		lo -= size
	}
	return lo
}

// coordinators, right before a negation, join it to an earlier denied act
// as a second one: 未查看身份证件也未登记, 既不查验又不登记, 未审核、未登记.
var coordinators = [...]string{"也", "又", "亦", "且", "、"}

// ownNegation reports whether what is looked at (rest) is itself a
// negation joined by a coordinator to what precedes it (w): it then
// denies its own act, and an earlier negation in the clause denied
// another one (未查看身份证件也未登记 reports the not registering). Without
// a coordinator the earlier negation still reaches it: 未发现未登记的情况
// finds no failure to register.
func ownNegation(rest, w string) bool {
	coordinated := false
	for _, c := range coordinators {
		if strings.HasSuffix(w, c) {
			coordinated = true
			break
		}
	}
	if !coordinated {
		return false
	}
	for _, n := range negations {
		if strings.HasPrefix(rest, n.word) {
			return true
		}
	}
	return strings.HasPrefix(rest, "尚未")
}

// pretextBreak reports whether s, ending in r, ends with 为由 (以……为由):
// what follows is the act, the reason before it does not deny it.
func pretextBreak(s string, r rune) bool {
	return r == '由' && strings.HasSuffix(s, "为由")
}

// sequenceBreak reports whether the rune r ending s[:lo] is 即, 就 or 且 joining
// a denied act to the next one (未停车查看即驾车驶离, 未作任何处理即离开现场,
// 没有留下联系方式就开车走了, 未办任何手续就开工): the negation ends before
// what follows. 立即 is an adverb (未立即驶离 still denies the leaving); 随即
// starts the next act as 即 does. 就 breaks only as that linking adverb: not
// right after the negation (未就赔偿达成协议, 没就此报告 — the preposition),
// not in a word of its own (早就, 也就, 成就, 迁就, 将就, 就业, 就医, 就地 …).
func sequenceBreak(s string, lo int, r rune, size int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:lo-size])
	switch r {
	case '即':
		return prev != '立'
	case '且':
		// 未确保安全且肇事后逃逸: 且 joins a second act the negation does not
		// reach; a later denial has its own negation (未…且未…). 暂且, 姑且,
		// 尚且, 况且 are adverbs, no joint.
		return !strings.ContainsRune("暂姑尚况", prev)
	case '就':
		next, _ := utf8.DecodeRuneInString(s[lo:])
		return !strings.ContainsRune(jiuNotAfter, prev) && !strings.ContainsRune(jiuNotBefore, next)
	}
	return false
}

// jiuNotAfter are the runes before 就 that make it no linking adverb: a
// negation right before it (未就, 没就, 不就, 无就, 没有就), or a word it ends
// (早就, 也就, 成就, 造就, 迁就, 将就, 屈就, 高就, 俯就, 这就, 那就).
const jiuNotAfter = "未没不无有早也成造迁将屈高俯这那"

// jiuNotBefore are the runes after 就 that make it the head of a word
// (就业, 就医, 就餐, 就诊, 就读, 就职, 就位, 就绪, 就地, 就近, 就任, 就寝, 就座,
// 就范, 就是, 就算).
const jiuNotBefore = "业医餐诊读职位绪地近任寝座范是算"

// longerNegationAt reports whether a negation word longer than word starts
// s, so that the longer one decides.
func longerNegationAt(s, word string) bool {
	for _, n := range negations {
		if len(n.word) > len(word) && strings.HasPrefix(s, n.word) {
			return true
		}
	}
	return false
}

// trimFillers strips negationFillers from the end of w, repeatedly.
func trimFillers(w string) string {
	for {
		cut := w
		for _, f := range negationFillers {
			cut = strings.TrimSuffix(cut, f)
		}
		if cut == w {
			return w
		}
		w = cut
	}
}

// attributive reports whether a far negation and the short verb after it
// describe a thing before the cue rather than deny it: 从未关闭的窗户爬进屋内,
// 趁家中无人的时候 — the negation's clause closes with 的 within
// attributiveReach runes and the text goes on to the cue.
func attributive(rest string) bool {
	n := 0
	for i, r := range rest {
		if n == attributiveReach {
			return false
		}
		if r == '的' {
			return i+len("的") < len(rest)
		}
		n++
	}
	return false
}

// attributiveReach is how many runes after a far negation its 的 may stand
// (未锁的, 未关闭的, 未上锁的).
const attributiveReach = 4

func describesConduct(rest string) bool {
	for _, c := range conductWords {
		if strings.HasPrefix(rest, c) {
			return true
		}
	}
	return false
}

// outsideWords, right after a cue (with at most placeFillers between), say
// the place it names is where the act was not: 位于饮用水水源保护区以外,
// 保护区范围外. A bare 外 counts only before a clause break or 的/约/距, as
// 外排 and 外包 do not mean outside.
var outsideWords = [...]string{"以外", "之外", "外侧", "外围"}

// placeFillers may stand between a place and outsideWords.
var placeFillers = [...]string{"范围", "边界", "区域", "界"}

// distanceWords before a cue in its clause, with a distance after it
// (距饮用水水源保护区约3公里, 距离保护区边界500米), put the act that far
// from the place, not in it.
var distanceWords = [...]string{"距", "离开", "相距"}

// distanceUnits end the distance that follows a place named after
// distanceWords.
var distanceUnits = [...]string{"米", "公里", "千米", "km", "m"}

// placedOutside reports whether the cue found at [start, end) of text names
// a place the text puts the act outside of: followed by outsideWords, or
// preceded in its clause by distanceWords and followed by a distance; or
// names the zone's designation (划定图, 划定文件) rather than a place; or
// is a thing an inspection note reports in order (reportedCompliant), or
// one a report alleged and the inspection did not find (allegedThenDenied),
// or an accident the words after it make a hazard (accidentNotHappened).
func placedOutside(text string, start, end int) bool {
	if reportedCompliant(text, start, end) || allegedThenDenied(text, start, end) || reportNotBorneOut(text, start, end) ||
		disputeMotive(text, start, end) || accidentNotHappened(text, end) {
		return true
	}
	rest := text[end:]
	for trimmed := true; trimmed; {
		trimmed = false
		for _, f := range placeFillers {
			if strings.HasPrefix(rest, f) {
				rest, trimmed = rest[len(f):], true
			}
		}
	}
	if hasAnyPrefix(rest, outsideWords[:]...) {
		return true
	}
	// 饮用水水源保护区划定图 names the map or decision that draws the zone,
	// which an officer checks the place against, not a place the act was in.
	if strings.HasPrefix(rest, "划定") {
		return true
	}
	if after, ok := strings.CutPrefix(rest, "外"); ok {
		r, _ := utf8.DecodeRuneInString(after)
		if after == "" || isNegationBreak(r) || r == '的' || r == '约' || r == '距' {
			return true
		}
	}
	before := text[reachBefore(text, start):start]
	near := false
	for _, w := range distanceWords {
		if Contains(before, w) {
			near = true
			break
		}
	}
	if !near {
		return false
	}
	clause := rest[:runeOffset(rest, negationReach)]
	if k := strings.IndexFunc(clause, isNegationBreak); k >= 0 {
		clause = clause[:k]
	}
	for i, r := range clause {
		if !isDigitOrNumeral(r) {
			continue
		}
		tail := strings.TrimLeftFunc(clause[i:], isDigitOrNumeral)
		for _, u := range distanceUnits {
			if strings.HasPrefix(tail, u) {
				return true
			}
		}
	}
	return false
}

// isDigitOrNumeral is a rune of a distance: a numeral rune or a decimal
// point (3.5公里).
func isDigitOrNumeral(r rune) bool { return r == '.' || IsNumeralRune(r) }

// clauseGapMark joins two parts of a cue that must follow each other in
// one clause (no comma between), as … joins parts of one sentence.
const clauseGapMark = "‥"

// cueGap is how many runes may separate the parts of a cue written with …
// (添加…非食品原料).
const cueGap = 30

// Cue is a cue phrase ready for matching: normalised and split at … (添加…
// 非食品原料 has two parts, which must follow each other in one sentence)
// or at ‥ (已取得‥施工证明: the part after it must follow in the same
// clause, before a comma).
type Cue struct {
	text  string
	parts []string
	// inClause has bit i set when parts[i] was written after ‥: no comma
	// may come between it and the part before (the permit of another
	// party or project is told in a clause of its own).
	inClause uint64
	// opening and number are the process-wide numbers of the first part
	// and of the phrase (see cueNumbers); 0 for a cue without parts.
	opening, number int32
}

// cueNumbers numbers every distinct opening and cue phrase compiled in the
// process, from 1, so that a scan finds a cue's opening and remembers its
// answer by slice index rather than by hashing strings: an analysis asks
// about some thousand cues. Cues are compiled when catalogs load, so the
// tables grow only with the catalogs' distinct phrases.
var cueNumbers = struct {
	sync.Mutex
	openings, phrases map[string]int32
}{openings: map[string]int32{}, phrases: map[string]int32{}}

// numberOf returns s's number in m, giving it the next one if it has none.
func numberOf(m map[string]int32, s string) int32 {
	n, ok := m[s]
	if !ok {
		n = int32(len(m) + 1)
		m[s] = n
	}
	return n
}

// NewCue compiles a cue phrase.
func NewCue(phrase string) Cue {
	var parts []string
	var inClause uint64
	clause := false
	for _, p := range strings.Split(strings.ReplaceAll(NormalizeText(phrase), "……", "…"), "…") {
		// A ‥ inside the part splits it again, the piece after it bound
		// to the clause of the piece before.
		for k, c := range strings.Split(p, clauseGapMark) {
			if k > 0 {
				clause = true
			}
			if c = strings.TrimSpace(c); c != "" {
				if clause && len(parts) > 0 && len(parts) < 64 {
					inClause |= 1 << len(parts)
				}
				clause = false
				parts = append(parts, c)
			}
		}
	}
	q := Cue{text: phrase, parts: parts, inClause: inClause}
	if len(parts) > 0 {
		cueNumbers.Lock()
		q.opening, q.number = numberOf(cueNumbers.openings, parts[0]), numberOf(cueNumbers.phrases, phrase)
		cueNumbers.Unlock()
	}
	return q
}

// NewCues compiles cue phrases.
func NewCues(phrases []string) []Cue {
	out := make([]Cue, 0, len(phrases))
	for _, p := range phrases {
		out = append(out, NewCue(p))
	}
	return out
}

// Text is the phrase as written.
func (q Cue) Text() string { return q.text }

// Opening is the cue's first part, normalised: the text must contain it
// for the cue to occur ("" for an empty cue).
func (q Cue) Opening() string {
	if len(q.parts) == 0 {
		return ""
	}
	return q.parts[0]
}

// In reports whether the cue occurs in the normalised text and is not
// negated. A cue with … matches its parts in order within one sentence,
// each at most cueGap runes after the previous one.
func (q Cue) In(text string) bool {
	_, _, ok := q.Locate(text)
	return ok
}

// Locate is In with the byte span [start, end) of the first match that no
// negation denies, from its first part to its last.
func (q Cue) Locate(text string) (start, end int, ok bool) {
	if len(q.parts) == 0 {
		return 0, 0, false
	}
	at := Index(text, q.parts[0])
	if at < 0 {
		return 0, 0, false
	}
	return q.locateAt(text, at)
}

// locateAt is Locate given at, the first occurrence of the cue's opening in
// text (a scan of the text has found it already).
func (q Cue) locateAt(text string, at int) (start, end int, ok bool) {
	if len(q.parts) > 1 && !inOrder(text[at+len(q.parts[0]):], q.parts[1:]) {
		// Every match starts at or after at: later parts the rest of the
		// text lacks fail each occurrence of the opening, and a common
		// opening (违反…) occurs many times.
		return 0, 0, false
	}
	for {
		from := at + len(q.parts[0])
		if !Negated(text, at) {
			if n, ok := restFollows(text[from:], q.parts[1:], q.inClause>>1); ok && !placedOutside(text, at, from+n) {
				return at, from + n, true
			}
		}
		i := Index(text[from:], q.parts[0])
		if i < 0 {
			return 0, 0, false
		}
		at = from + i
	}
}

// hazardTails, right after an accident's name, make it a danger that has
// not happened: 重大事故隐患 (安全生产法 第一百零二条) and 发生重大伤亡事故的
// 现实危险 (危险作业罪) name no 重大事故; nor does an accident supposed (发生
// 事故时往哪里撤离, 发生事故怎么办) or planned for (生产安全事故应急救援预案,
// 事故应急演练).
var hazardTails = [...]string{"隐患", "的现实危险", "的危险", "风险", "时往", "时该", "时怎", "时如何", "时应当", "时应如何", "时能否", "时不知", "怎么", "如何", "应急", "预案", "演练"}

// accidentNotHappened reports whether a match ending at end in text names
// an accident (…事故) that the words after it make a hazard or a risk.
// Only matches ending in 事故 pay for the look.
func accidentNotHappened(text string, end int) bool {
	if !strings.HasSuffix(text[:end], "事故") {
		return false
	}
	return hasAnyPrefix(text[end:], hazardTails[:]...)
}

// inOrder reports whether parts occur in s in order, without overlapping,
// at any distance.
func inOrder(s string, parts []string) bool {
	for _, p := range parts {
		j := Index(s, p)
		if j < 0 {
			return false
		}
		s = s[j+len(p):]
	}
	return true
}

// restFollows reports whether parts occur in order in s, each within cueGap
// runes of the previous one and before the sentence ends (before the
// clause ends for a part whose bit is set in inClause, bit 0 for parts[0]),
// and how many bytes of s the match covers.
func restFollows(s string, parts []string, inClause uint64) (int, bool) {
	used := 0
	for i, p := range parts {
		window := s[:runeOffset(s, cueGap+utf8.RuneCountInString(p))]
		if k := sentenceEnd(window); k >= 0 {
			window = window[:k]
		}
		if inClause&(1<<i) != 0 {
			if k := strings.IndexByte(window, ','); k >= 0 {
				window = window[:k]
			}
		}
		j := Index(window, p)
		if j < 0 {
			return 0, false
		}
		s = s[j+len(p):]
		used += j + len(p)
	}
	return used, true
}

// sentenceEnd is the byte offset of the first 。；！？;!? or newline in s,
// or -1: strings.IndexAny with the same set, without its per-rune search
// of the set (a set with non-ASCII runes has no fast path there, and a cue
// with … asks this for every occurrence of its opening). The full-width
// marks are matched by their UTF-8 bytes; a lead byte 0xE3 or 0xEF only
// ever starts a rune, so no match can begin inside another rune.
func sentenceEnd(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ';', '!', '?', '\n':
			return i
		case 0xE3: // 。 is E3 80 82
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x82 {
				return i
			}
		case 0xEF: // ；！？ are EF BC 9B, EF BC 81, EF BC 9F
			if i+2 < len(s) && s[i+1] == 0xBC && (s[i+2] == 0x9B || s[i+2] == 0x81 || s[i+2] == 0x9F) {
				return i
			}
		}
	}
	return -1
}

// CueIndex finds, in one pass over a text, which cue openings (the first
// part of each cue) it contains, so that a cue whose opening is absent is
// skipped without searching the text for it.
type CueIndex struct {
	phrases phraseIndex
	// phraseOf maps an opening's process-wide number to its phrase number
	// in phrases, plus one (0: not indexed); memoOf maps a cue's number to
	// its slot in a scan's answers, plus one (0: a cue not indexed, which
	// is looked up each time it is asked about).
	phraseOf, memoOf []int32
	memos            int
	// restOf maps the number of a cue with … to the phrase numbers of its
	// later parts (nil for a one-part cue): a cue one of whose later
	// parts the text lacks cannot occur, which the scan's bits tell
	// without searching the text (most cues with … asked of a text fail
	// so: 违反…, 未…).
	restOf [][]int32
}

// NewCueIndex indexes the openings of cues, and the whole phrases given
// (looked up with CueScan.Contains).
func NewCueIndex(cues []Cue, phrases ...string) CueIndex {
	all := make([]string, 0, len(cues)+len(phrases))
	for _, q := range cues {
		if len(q.parts) > 0 {
			all = append(all, q.parts[0])
		}
	}
	all = append(all, phrases...)
	// The later parts of cues with … go last: a part that is no opening
	// or phrase gets a number above theirs (a reader of Seen that keys
	// openings by number can stop at the last of them).
	for _, q := range cues {
		if len(q.parts) > 1 {
			all = append(all, q.parts[1:]...)
		}
	}
	o := CueIndex{phrases: newPhraseIndex(all)}
	for _, q := range cues {
		if len(q.parts) == 0 {
			continue
		}
		if len(q.parts) > 1 {
			for int(q.number) >= len(o.restOf) {
				o.restOf = append(o.restOf, nil)
			}
			if o.restOf[q.number] == nil {
				rest := make([]int32, len(q.parts)-1)
				for k, p := range q.parts[1:] {
					rest[k] = o.phrases.ids[p]
				}
				o.restOf[q.number] = rest
			}
		}
		for int(q.opening) >= len(o.phraseOf) {
			o.phraseOf = append(o.phraseOf, 0)
		}
		o.phraseOf[q.opening] = o.phrases.ids[q.parts[0]] + 1
		for int(q.number) >= len(o.memoOf) {
			o.memoOf = append(o.memoOf, 0)
		}
		if o.memoOf[q.number] == 0 {
			o.memos++
			o.memoOf[q.number] = int32(o.memos)
		}
	}
	return o
}

// CueScan is a normalised text with the cue openings it contains.
type CueScan struct {
	text  string
	index *CueIndex
	// seen has a bit per phrase number, set for each opening, phrase or
	// later part of a cue with … the text contains. Bits keep a scan small (an index holds thousands
	// of openings); where a cue's search starts is found again only for
	// a cue asked about the first time.
	seen []uint64
	// asked and in remember, a bit per memo slot, whether a cue whose
	// opening is present occurs unnegated: the elements of neighbouring
	// provisions share their cues, and a text is asked about each many
	// times.
	asked, in []uint64
	// pooled is the array the words were cut from when the scan came from
	// ScanPooled, for Release.
	pooled *[]uint64
	// first holds, for a ScanPooled scan, the byte offset plus one of the
	// first occurrence of each phrase whose seen bit is set (entries of
	// other phrases are stale and never read); nil for a Scan, which
	// searches again (firstAt). Pooled, the slot per phrase costs neither
	// allocation nor clearing, and the decider asks firstAt of some
	// hundred cues a text.
	first       []int32
	pooledFirst *[]int32
}

// Scan reads the normalised text once for the index's openings.
func (o *CueIndex) Scan(text string) CueScan {
	p, m := (len(o.phrases.list)+63)/64, (o.memos+63)/64
	words := make([]uint64, p+2*m)
	x := CueScan{text: text, index: o, seen: words[:p:p], asked: words[p : p+m : p+m], in: words[p+m:]}
	o.phrases.scan(text, x.seen, nil)
	return x
}

// ScanPooled is Scan with the scan's bit words taken from a pool shared by
// every index: Release gives them back once the scan and every CueScan
// copied from it are no longer used. A per-request scan of the decider's
// index is some 2.5 kB of words.
func (o *CueIndex) ScanPooled(text string) CueScan {
	p, m := (len(o.phrases.list)+63)/64, (o.memos+63)/64
	n := p + 2*m
	buf, _ := scanWords.Get().(*[]uint64)
	if buf == nil || cap(*buf) < n {
		b := make([]uint64, n)
		buf = &b
	}
	words := (*buf)[:n]
	clear(words)
	np := len(o.phrases.list)
	firstBuf, _ := scanFirsts.Get().(*[]int32)
	if firstBuf == nil || cap(*firstBuf) < np {
		b := make([]int32, np)
		firstBuf = &b
	}
	x := CueScan{text: text, index: o, seen: words[:p:p], asked: words[p : p+m : p+m], in: words[p+m : n : n], pooled: buf,
		first: (*firstBuf)[:np:np], pooledFirst: firstBuf}
	o.phrases.scan(text, x.seen, x.first)
	return x
}

// Release gives a ScanPooled scan's words back to the pool; the scan must
// not be used afterwards. It does nothing for a scan made by Scan.
func (x CueScan) Release() {
	if x.pooled != nil {
		scanWords.Put(x.pooled)
	}
	if x.pooledFirst != nil {
		scanFirsts.Put(x.pooledFirst)
	}
}

// scanWords holds the bit words of released scans, scanFirsts their
// first-occurrence offsets.
var scanWords, scanFirsts sync.Pool

// bit reports whether bit i of b is set.
func bit(b []uint64, i int32) bool { return b[i>>6]&(1<<(i&63)) != 0 }

// setBit sets bit i of b.
func setBit(b []uint64, i int32) { b[i>>6] |= 1 << (i & 63) }

// Openings yields the indexed openings and phrases the text contains, in
// no particular order (and the later parts of indexed cues with …, which
// the index numbers after them).
func (x CueScan) Openings() iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := range x.Seen() {
			if !yield(x.index.phrases.list[i]) {
				return
			}
		}
	}
}

// Seen yields the numbers (CueIndex.Number) of the indexed openings and
// phrases the text contains, in increasing order, then those of the later
// parts of cues with … that are neither. It visits set bits only:
// a text contains some dozens of an index's thousands of phrases, and a
// caller keyed by number hashes no string.
func (x CueScan) Seen() iter.Seq[int32] {
	return func(yield func(int32) bool) {
		for w, word := range x.seen {
			for word != 0 {
				b := bits.TrailingZeros64(word)
				word &= word - 1
				if !yield(int32(w*64 + b)) {
					return
				}
			}
		}
	}
}

// Number returns the number a scan gives phrase (CueScan.Seen), which must
// have been given to NewCueIndex as a phrase or as a cue's opening.
func (o *CueIndex) Number(phrase string) (int32, bool) {
	i, ok := o.phrases.ids[phrase]
	return i, ok
}

// Contains reports whether the text contains phrase, which must have been
// given to NewCueIndex (as a phrase or as a cue's opening).
func (x CueScan) Contains(phrase string) bool {
	i, ok := x.index.phrases.ids[phrase]
	return ok && bit(x.seen, i)
}

// has reports whether the text contains q's opening and the index holds
// it.
func (x CueScan) has(q *Cue) bool {
	if int(q.opening) >= len(x.index.phraseOf) {
		return false
	}
	p := x.index.phraseOf[q.opening]
	return p != 0 && bit(x.seen, p-1)
}

// phraseIndex finds, in one pass over a text, which of a fixed set of
// phrases it contains. Phrases are keyed by their first two runes, with a
// bit per key hash in front of the map: most places of a text open no
// phrase, and the scan runs several times per analysis. One-rune phrases
// are keyed by their rune, behind the same kind of filter, and found in the
// same pass (a strings.Contains each cost more than the pass itself).
// Phrases are numbered (list, ids), and a scan answers by number.
type phraseIndex struct {
	list []string
	ids  map[string]int32
	// byHead holds the numbers of the phrases of two runes or more by
	// their first two.
	byHead headTable
	heads  *[phraseFilterWords]uint64
	// byRune holds the one-rune phrases; other holds a phrase that is one
	// invalid byte, which only a byte search finds as it was written.
	byRune map[rune]int32
	runes  *[phraseFilterWords]uint64
	other  []int32
}

// headTable maps a pair of runes (RunePair) to the numbers of the phrases
// that open with it: an open-addressed table (Fibonacci hashing, linear
// probing, at most half full) whose slot holds the key and the range of
// its numbers, one probe where a Go map took a hash, a group match and
// an indirection at every place of a text that passed the filter.
type headTable struct {
	slots []headSlot
	ids   []int32 // the numbers, slot by slot
	shift uint    // 64 less the log2 of len(slots)
}

// headSlot is a slot of a headTable; n is 0 in a free slot.
type headSlot struct {
	key     uint64
	from, n int32
}

// newHeadTable builds the table of byHead, keeping each key's numbers in
// their order.
func newHeadTable(byHead map[uint64][]int32) headTable {
	if len(byHead) == 0 {
		return headTable{}
	}
	size, shift := 2, uint(63)
	for size < 2*len(byHead) {
		size, shift = size*2, shift-1
	}
	t := headTable{slots: make([]headSlot, size), shift: shift}
	mask := size - 1
	for k, ids := range byHead {
		h := int((k * 0x9E3779B97F4A7C15) >> shift)
		for t.slots[h].n != 0 {
			h = (h + 1) & mask
		}
		t.slots[h] = headSlot{key: k, from: int32(len(t.ids)), n: int32(len(ids))}
		t.ids = append(t.ids, ids...)
	}
	return t
}

// get returns the numbers of the phrases that open with pair k, nil for
// none.
func (t *headTable) get(k uint64) []int32 {
	if len(t.slots) == 0 {
		return nil
	}
	mask := len(t.slots) - 1
	for h := int((k * 0x9E3779B97F4A7C15) >> t.shift); ; h = (h + 1) & mask {
		s := &t.slots[h]
		if s.n == 0 {
			return nil
		}
		if s.key == k {
			return t.ids[s.from : s.from+s.n]
		}
	}
}

// phraseFilterWords sizes the filter: 65,536 bits, sparse for the few
// thousand openings of an index.
const phraseFilterWords = 1024

// RunePair packs two runes into one key: a map keyed by it finds a
// character pair without building a string.
func RunePair(r1, r2 rune) uint64 { return uint64(uint32(r1))<<32 | uint64(uint32(r2)) }

// filterBit is the filter slot of a pair key.
func filterBit(k uint64) (word int, bit uint64) {
	h := uint32((k * 0x9E3779B97F4A7C15) >> 48)
	return int(h >> 6), 1 << (h & 63)
}

func newPhraseIndex(phrases []string) phraseIndex {
	o := phraseIndex{ids: map[string]int32{}, heads: new([phraseFilterWords]uint64),
		byRune: map[rune]int32{}, runes: new([phraseFilterWords]uint64)}
	byHead := map[uint64][]int32{}
	for _, p := range phrases {
		if _, seen := o.ids[p]; p == "" || seen {
			continue
		}
		id := int32(len(o.list))
		o.ids[p] = id
		o.list = append(o.list, p)
		if utf8.RuneCountInString(p) < 2 {
			if r, size := utf8.DecodeRuneInString(p); r == utf8.RuneError && size == 1 {
				o.other = append(o.other, id)
			} else {
				o.byRune[r] = id
				w, bit := filterBit(uint64(uint32(r)))
				o.runes[w] |= bit
			}
			continue
		}
		r1, w1 := utf8.DecodeRuneInString(p)
		r2, _ := utf8.DecodeRuneInString(p[w1:])
		k := RunePair(r1, r2)
		byHead[k] = append(byHead[k], id)
		w, bit := filterBit(k)
		o.heads[w] |= bit
	}
	o.byHead = newHeadTable(byHead)
	return o
}

// scan sets in seen the bit of each phrase text contains and, if at is
// not nil, records in at the byte offset plus one of its first occurrence
// (strings.Index's answer). seen must hold a bit and at an entry per
// phrase; seen must be all 0, at need not be: an entry is written once,
// when its bit is set, and only entries whose bit is set are meaningful.
func (o phraseIndex) scan(text string, seen []uint64, at []int32) { o.walk(text, seen, at) }

// scanLast records in at, by phrase number, the byte offset plus one of
// the last occurrence of each phrase text contains (strings.LastIndex's
// answer). at must hold an entry per phrase, all 0.
func (o phraseIndex) scanLast(text string, at []int32) { o.walk(text, nil, at) }

// walk is scan, or scanLast when seen is nil: every occurrence is then
// recorded, each over the one before. The pass visits every rune start,
// and a phrase never starts inside a rune it decodes, so it finds every
// occurrence strings.Index would.
func (o phraseIndex) walk(text string, seen []uint64, at []int32) {
	first := seen != nil
	found := func(p int32, i int) {
		if first {
			setBit(seen, p)
		}
		if at != nil {
			at[p] = int32(i + 1)
		}
	}
	for _, p := range o.other {
		if first {
			if i := Index(text, o.list[p]); i >= 0 {
				found(p, i)
			}
		} else if i := strings.LastIndex(text, o.list[p]); i >= 0 {
			found(p, i)
		}
	}
	if len(o.byHead.slots) == 0 && len(o.byRune) == 0 {
		return
	}
	if text == "" {
		return
	}
	r1, w1 := decodeRune(text, 0)
	for i := 0; i < len(text); {
		// An invalid byte decodes as utf8.RuneError, which must not find
		// the phrase "\uFFFD" written out.
		if w, b := filterBit(uint64(uint32(r1))); o.runes[w]&b != 0 && (r1 != utf8.RuneError || w1 > 1) {
			if p, ok := o.byRune[r1]; ok && !(first && bit(seen, p)) {
				found(p, i)
			}
		}
		if i+w1 >= len(text) {
			break
		}
		r2, w2 := decodeRune(text, i+w1)
		k := RunePair(r1, r2)
		if w, b := filterBit(k); o.heads[w]&b != 0 {
			for _, p := range o.byHead.get(k) {
				if !(first && bit(seen, p)) && strings.HasPrefix(text[i:], o.list[p]) {
					found(p, i)
				}
			}
		}
		i += w1
		r1, w1 = r2, w2
	}
}

// firstFrom returns the byte offset of the first occurrence of any phrase
// in text at or after pos (a rune start), or -1: the least of the
// phrases' strings.Index answers, in one pass. The phrases must all be
// valid UTF-8 (no phrase of one invalid byte).
func (o phraseIndex) firstFrom(text string, pos int) int {
	if pos >= len(text) {
		return -1
	}
	// Each rune is decoded once: the second of a pair is the first of
	// the next.
	r1, w1 := decodeRune(text, pos)
	for i := pos; ; {
		if w, b := filterBit(uint64(uint32(r1))); o.runes[w]&b != 0 && (r1 != utf8.RuneError || w1 > 1) {
			if _, ok := o.byRune[r1]; ok {
				return i
			}
		}
		if i+w1 >= len(text) {
			return -1
		}
		r2, w2 := decodeRune(text, i+w1)
		k := RunePair(r1, r2)
		if w, b := filterBit(k); o.heads[w]&b != 0 {
			for _, p := range o.byHead.get(k) {
				if strings.HasPrefix(text[i:], o.list[p]) {
					return i
				}
			}
		}
		i += w1
		r1, w1 = r2, w2
	}
}

// decodeRune is utf8.DecodeRuneInString(s[i:]) for i < len(s), with the
// three-byte runes of Chinese text decoded in place: the library decodes
// every rune above ASCII in a call, and the phrase walks decode each rune
// of a text. A sequence of three bytes is a rune when its lead byte is
// 1110xxxx, both others 10xxxxxx, and the rune it spells needs three bytes
// and is no surrogate; anything else (other lengths, invalid bytes, a text
// cut short) is left to the library.
func decodeRune(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c&0xF0 == 0xE0 && i+2 < len(s) {
		c1, c2 := s[i+1], s[i+2]
		r := rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
		if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 && r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
			return r, 3
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

// Find returns the first cue (in list order) that occurs in the text
// without being negated. Cues must have been indexed.
func (x CueScan) Find(cues []Cue) (string, bool) {
	for i := range cues {
		q := &cues[i] // not a copy: a list runs to hundreds of cues
		if len(q.parts) == 0 {
			continue
		}
		if !x.has(q) {
			continue
		}
		if x.located(q) && !withinDeniedSynonym(x.text, *q, cues) {
			return q.text, true
		}
	}
	return "", false
}

// Slots returns, for each of cues, where its opening stands in the index
// (its phrase number plus one; 0 for a cue without parts or one whose
// opening the index does not hold), for FindIn and FindOutsideSpansIn: a
// list of hundreds of cues is then tested against a scan by reading one
// small number a cue, not the cue and the index's table. The number is
// negative for a one-part cue that a longer one-part cue of the list
// contains (hasLongerCue): only such a cue can lie inside a denied
// synonym (withinDeniedSynonym, deniedAround), which the search then
// need not look for around any other.
func (o *CueIndex) Slots(cues []Cue) []int32 {
	out := make([]int32, len(cues))
	for i := range cues {
		if q := &cues[i]; len(q.parts) > 0 && int(q.opening) < len(o.phraseOf) {
			out[i] = o.phraseOf[q.opening]
			if len(q.parts) == 1 && hasLongerCue(q.parts[0], cues) {
				out[i] = -out[i]
			}
		}
	}
	return out
}

// slotPhrase returns the phrase number of a slot (see Slots), -1 for none.
func slotPhrase(p int32) int32 {
	if p < 0 {
		p = -p
	}
	return p - 1
}

// mayBeDenied reports whether cues[i] may lie inside a denied longer cue
// of the list (hasLongerCue), by slots when given.
func mayBeDenied(cues []Cue, slots []int32, i int) bool {
	if slots == nil {
		return true // deniedAround and withinDeniedSynonym find out
	}
	return slots[i] < 0
}

// FindIn is Find given slots, the index's Slots of cues (of the scan's
// index): most cues of a list are not in the text, and those are skipped
// without reading them.
func (x CueScan) FindIn(cues []Cue, slots []int32) (string, bool) {
	for i, p := range slots {
		if p == 0 || !bit(x.seen, slotPhrase(p)) {
			continue
		}
		if q := &cues[i]; x.located(q) && (p > 0 || !withinDeniedSynonym(x.text, *q, cues)) {
			return q.text, true
		}
	}
	return "", false
}

// hasAt is has for cues[i], by slots when given (the index's Slots of
// cues).
func (x CueScan) hasAt(cues []Cue, slots []int32, i int) bool {
	if slots == nil {
		return x.has(&cues[i])
	}
	p := slots[i]
	return p != 0 && bit(x.seen, slotPhrase(p))
}

// located reports whether q, an indexed cue whose opening the text
// contains, occurs in it unnegated (Cue.In), remembering the answer: the
// elements of neighbouring provisions share their cues, and a text is asked
// about each many times.
func (x CueScan) located(q *Cue) bool {
	memo := int32(-1)
	if int(q.number) < len(x.index.memoOf) {
		memo = x.index.memoOf[q.number] - 1
	}
	if memo >= 0 && bit(x.asked, memo) {
		return bit(x.in, memo)
	}
	in := x.restSeen(q)
	if in {
		_, _, in = q.locateAt(x.text, x.firstAt(q))
	}
	if memo >= 0 {
		setBit(x.asked, memo)
		if in {
			setBit(x.in, memo)
		}
	}
	return in
}

// restSeen reports whether the text contains each later part of q
// (anywhere), as a match of q needs; true for a one-part cue and for a cue
// the index does not hold.
func (x CueScan) restSeen(q *Cue) bool {
	if int(q.number) >= len(x.index.restOf) {
		return true
	}
	for _, p := range x.index.restOf[q.number] {
		if !bit(x.seen, p) {
			return false
		}
	}
	return true
}

// firstAt is where the first occurrence of q's opening starts, for a cue
// whose opening the text contains (CueScan.has): the pass's record for a
// ScanPooled scan, a search for a Scan (a slot per indexed phrase,
// allocated per scan, cost more in allocation and collection than the
// search of the few cues asked).
func (x CueScan) firstAt(q *Cue) int {
	if x.first != nil {
		return int(x.first[x.index.phraseOf[q.opening]-1]) - 1
	}
	return Index(x.text, q.parts[0])
}

// FindOutside is Find for cues that are also parts of other words: an
// occurrence of a one-part cue that lies inside one of words (米 in 平方米,
// 果 in 危害后果, 油 in 石油) does not count. It asks words only of the
// occurrences Find would take, so a text without such a word pays nothing
// more than Find.
func (x CueScan) FindOutside(cues []Cue, words []string) (string, bool) {
	return x.findOutside(cues, nil, words)
}

// findOutside is FindOutside, testing the openings by slots when given
// (see FindIn).
func (x CueScan) findOutside(cues []Cue, slots []int32, words []string) (string, bool) {
	if len(words) == 0 {
		if slots == nil {
			return x.Find(cues)
		}
		return x.FindIn(cues, slots)
	}
	for i := range cues {
		if !x.hasAt(cues, slots, i) {
			continue // no opening in the text, or a cue without parts
		}
		q := &cues[i]
		if len(q.parts) != 1 {
			if x.locatedOutside(q, words) {
				return q.text, true
			}
			continue
		}
		// A cue no occurrence of which is unnegated (Find's remembered
		// answer) has none outside words either.
		if !x.located(q) {
			continue
		}
		part := q.parts[0]
		at := x.firstAt(q)
		for {
			end := at + len(part)
			if !Negated(x.text, at) && !placedOutside(x.text, at, end) &&
				!insideWord(x.text, at, end, part, words) && !(mayBeDenied(cues, slots, i) && deniedAround(x.text, at, end, part, cues)) {
				return q.text, true
			}
			n := Index(x.text[end:], part)
			if n < 0 {
				break
			}
			at = end + n
		}
	}
	return "", false
}

// locatedOutside is located for a cue with parts whose opening may lie
// inside one of words (拆除 in 被拆除的护栏: the barrier someone else
// took apart): a match whose opening does does not count.
func (x CueScan) locatedOutside(q *Cue, words []string) bool {
	if !x.located(q) {
		return false
	}
	part := q.parts[0]
	if !slices.ContainsFunc(words, func(w string) bool { return strings.Contains(w, part) }) {
		return true
	}
	for at := x.firstAt(q); at >= 0; {
		s, _, ok := q.locateAt(x.text, at)
		if !ok {
			return false
		}
		if !insideWord(x.text, s, s+len(part), part, words) {
			return true
		}
		n := Index(x.text[s+len(part):], part)
		if n < 0 {
			return false
		}
		at = s + len(part) + n
	}
	return false
}

// insideWord reports whether [start, end) of text, an occurrence of part,
// lies inside an occurrence of one of words.
func insideWord(text string, start, end int, part string, words []string) bool {
	for _, w := range words {
		for k := Index(w, part); k >= 0; {
			if s := start - k; s >= 0 && s+len(w) >= end && strings.HasPrefix(text[s:], w) {
				return true
			}
			next := Index(w[k+1:], part)
			if next < 0 {
				break
			}
			k += 1 + next
		}
	}
	return false
}

// InAmong is In for a cue of a list that names one thing in several ways
// (as CueScan.Find reads it): a cue found only inside a denied longer cue
// of the list is not in the text.
func (q Cue) InAmong(text string, list []Cue) bool {
	return q.In(text) && !withinDeniedSynonym(text, q, list)
}

// withinDeniedSynonym reports whether every occurrence of the one-part cue q
// that nothing denies lies inside a denied occurrence of a longer cue of
// the same list: the list names one thing in several ways, and in
// 非饮用水水源保护区 the 非 that denies 饮用水水源保护区 denies the
// 水源保护区 inside it too. q must occur in text unnegated (q.In), as it
// does wherever it is asked.
func withinDeniedSynonym(text string, q Cue, cues []Cue) bool {
	if len(q.parts) != 1 {
		return false
	}
	part := q.parts[0]
	if !hasLongerCue(part, cues) {
		// Nothing can cover an occurrence, and the callers ask only of a
		// cue found unnegated: the text need not be read again.
		return false
	}
	for from := 0; ; {
		i := Index(text[from:], part)
		if i < 0 {
			return true
		}
		at := from + i
		from = at + len(part)
		if Negated(text, at) || placedOutside(text, at, from) {
			continue
		}
		if !deniedAround(text, at, from, part, cues) {
			return false
		}
	}
}

// hasLongerCue reports whether a one-part cue of cues is longer than part
// and contains it: only such a cue can deny part around it.
func hasLongerCue(part string, cues []Cue) bool {
	for i := range cues {
		if c := &cues[i]; len(c.parts) == 1 && len(c.parts[0]) > len(part) && Contains(c.parts[0], part) {
			return true
		}
	}
	return false
}

// deniedAround reports whether a longer one-part cue of cues covers
// [start, end) of text and is denied there.
func deniedAround(text string, start, end int, part string, cues []Cue) bool {
	for _, c := range cues {
		if len(c.parts) != 1 || len(c.parts[0]) <= len(part) {
			continue
		}
		long := c.parts[0]
		k := Index(long, part)
		for k >= 0 {
			s := start - k
			if s >= 0 && s+len(long) >= end && strings.HasPrefix(text[s:], long) &&
				(Negated(text, s) || placedOutside(text, s, s+len(long))) {
				return true
			}
			next := Index(long[k+1:], part)
			if next < 0 {
				break
			}
			k += 1 + next
		}
	}
	return false
}

// runeOffset is the byte offset of the n-th rune of s, or len(s) when s is
// shorter: a window of n runes without decoding the rest of s.
func runeOffset(s string, n int) int {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// compliantWords end a clause of an inspection note that reports what it
// names in order: 消防设施完好, 火灾自动报警系统运行正常, 证照齐全,
// 灭火器在有效期内, 安全出口畅通, 标识规范. A cue in such a clause names a
// side finding, not the violation.
var compliantWords = [...]string{"完好有效", "完好", "正常", "齐全", "有效期内", "有效期限内", "符合要求", "符合规定",
	"符合标准", "到位", "规范", "畅通", "合格", "无异常", "良好", "有人值守",
	// a duty done on time, records kept whole (纳税申报已按期完成, 账务记载真实完整)
	"按期完成", "按时完成", "完整",
	// workers who hold their certificates (特种作业人员均持证上岗)
	"持证上岗",
	// a way, an exit or a hydrant found free (消防车通道未被占用, 疏散通道无堵塞,
	// 消火栓无遮挡, 其余部位未见异常): the inspection's negative finding
	"未被占用", "未占用", "无占用", "未被堵塞", "未堵塞", "无堵塞", "未被遮挡", "无遮挡", "未被封闭", "未见异常"}

// remedyWords before a compliantWord make it the result of a correction
// (已整改到位, 恢复正常, 更换合格), which does not undo the violation.
var remedyWords = [...]string{"整改", "改正", "恢复", "更换", "修复", "补办", "补齐", "纠正", "清理"}

// compliantReach is how many runes after a cue the clause's compliant
// predicate may end.
const compliantReach = 20

// allegationWords in the sentence before a cue make it what a report or a
// complaint alleged (实名举报称该厂私设暗管, 群众投诉反映, 报警人称), not a
// finding.
var allegationWords = [...]string{"举报", "投诉", "反映", "来电", "来信", "线索", "报警", "报案", "声称", "还称", "另称"}

// notFoundWords, right before the same words later in the text, say the
// inspection did not find what was alleged (未发现暗管, 不存在暗管).
var notFoundWords = [...]string{"未发现", "没有发现", "未查见", "未见", "不存在", "并无", "没有"}

// notFoundObjectWords, followed by words the allegation used, deny the
// allegation as a whole (举报称其虚构原价搞价格欺诈……未发现虚构原价: the
// 价格欺诈 of the allegation goes with it).
var notFoundObjectWords = [...]string{"未发现", "没有发现", "未查见", "未查到", "没有查到", "不存在"}

// deniedAllegation words say an allegation was not borne out, whatever it
// named (该项举报不属实, 经询问在场人员，无证据证实).
var deniedAllegation = [...]string{"不属实", "未证实", "未能证实", "未予证实", "无法证实", "不能证实", "无证据证实", "无证据证明",
	"没有证据证实", "查无实据", "未查实", "未能查实"}

// allegationObjectFillers may stand between a notFoundObjectWord and the
// words it denies (未发现有暗管, 未发现其存在……).
var allegationObjectFillers = [...]string{"有", "其", "该", "任何", "相关"}

// allegationReach is how many runes after a cue the denial of its
// allegation may stand: the rest of its sentence and the next one.
const allegationReach = 160

// allegedThenDenied reports whether the cue at [start, end) of text stands
// in a sentence reporting an allegation and the text later says its words
// were not found (举报称……私设暗管……。……排查，未发现暗管), or, in the rest of
// the sentence or the next one, that the allegation was not borne out
// (举报……虚假广告。……该项举报不属实; 举报称……偷排……未发现暗管 denies 偷排
// too) unless the text first confirms it (经查属实).
func allegedThenDenied(text string, start, end int) bool {
	// The sentence before the cue first, in a bounded window (80 runes):
	// most cues stand in no allegation, and a text without sentence ends
	// must not make this quadratic.
	lo := max(0, start-80*len("。"))
	sb := lo + lastStopOrNewline(text[lo:start]) + 1
	sentence := text[sb:start]
	at := firstOfLastAllegations(sentence)
	if at < 0 {
		return false
	}
	part, later := text[start:end], text[end:]
	if notFoundBefore(later, part) {
		return true
	}
	win := later[:runeOffset(later, allegationReach)]
	ends := 0
	for i, r := range win {
		if r == '。' || r == '\n' {
			if ends++; ends == 2 {
				win = win[:i]
				break
			}
		}
	}
	alleged := text[sb+at : end]
	// another allegation after the cue (举报人还称……挖了鱼塘) takes a later
	// 不属实 for itself: the cue's own allegation is then not denied as a
	// whole, unless the allegation word is the denial's subject (该项举报
	// 不属实).
	another := false
	for i := 0; i < len(win); {
		r, size := utf8.DecodeRuneInString(win[i:])
		if windowHeads&(1<<(r&63)) == 0 {
			// no word the checks below look for starts with r
			i += size
			continue
		}
		if confirmedAt(win, i) {
			return false
		}
		for _, w := range allegationWords {
			if strings.HasPrefix(win[i:], w) && !another {
				subject := win[i+len(w):]
				subject = subject[:runeOffset(subject, 10)]
				denied := false
				for _, d := range deniedAllegation {
					denied = denied || Contains(subject, d)
				}
				if denied {
					return true
				}
				another = true
			}
		}
		for _, w := range deniedAllegation {
			if !another && strings.HasPrefix(win[i:], w) {
				return true
			}
		}
		for _, w := range notFoundObjectWords {
			obj, ok := strings.CutPrefix(win[i:], w)
			if !ok {
				continue
			}
			for _, f := range allegationObjectFillers {
				obj = strings.TrimPrefix(obj, f)
			}
			if x := obj[:runeOffset(obj, 2)]; utf8.RuneCountInString(x) == 2 && !strings.ContainsFunc(x, isNegationBreak) &&
				Contains(alleged, x) {
				return true
			}
		}
		i += size
	}
	return false
}

// notFoundBefore reports whether later holds part right after one of the
// notFoundWords (未发现暗管): one search for part, whose occurrences are
// few, instead of a search of later for each word joined to part.
func notFoundBefore(later, part string) bool {
	if part == "" {
		for _, w := range notFoundWords {
			if Contains(later, w) {
				return true
			}
		}
		return false
	}
	for from := 0; ; {
		at := Index(later[from:], part)
		if at < 0 {
			return false
		}
		before := later[:from+at]
		for _, w := range notFoundWords {
			if strings.HasSuffix(before, w) {
				return true
			}
		}
		from += at + 1
	}
}

// windowHeads has a bit r&63 for the first rune r of every word
// allegedThenDenied looks for rune by rune in its window (属实 and the
// allegation, denial and not-found words), so that it passes over the
// runes no such word starts with.
var windowHeads = func() (heads uint64) {
	add := func(w string) {
		r, _ := utf8.DecodeRuneInString(w)
		heads |= 1 << (r & 63)
	}
	add("属实")
	for _, w := range allegationWords {
		add(w)
	}
	for _, w := range deniedAllegation {
		add(w)
	}
	for _, w := range notFoundObjectWords {
		add(w)
	}
	return heads
}()

// allegationPairs are the allegation words as rune pairs (each is two
// runes), allegationHeads a bit r&63 for each one's first rune r.
var allegationPairs, allegationHeads = func() (pairs [len(allegationWords)]uint64, heads uint64) {
	for k, w := range allegationWords {
		r1, n := utf8.DecodeRuneInString(w)
		r2, m := utf8.DecodeRuneInString(w[n:])
		if n+m != len(w) {
			panic("nlp: allegation word " + w + " is not two runes")
		}
		pairs[k] = RunePair(r1, r2)
		heads |= 1 << (r1 & 63)
	}
	return pairs, heads
}()

// firstOfLastAllegations is the least, over the allegation words s
// contains, of each word's last occurrence (strings.LastIndex), or -1 when
// it contains none: one walk over s instead of a LastIndex per word, as
// most cues stand in no allegation. Every word is two runes, and a word
// starts at a rune start, so the walk sees every occurrence.
func firstOfLastAllegations(s string) int {
	var last [len(allegationWords)]int
	seen := false
	r1, w1 := utf8.DecodeRuneInString(s)
	for i := 0; i+w1 < len(s); {
		r2, w2 := utf8.DecodeRuneInString(s[i+w1:])
		if allegationHeads&(1<<(r1&63)) != 0 {
			k := RunePair(r1, r2)
			for j, p := range allegationPairs {
				if p == k { // no word holds U+FFFD, so an invalid byte matches none
					last[j], seen = i+1, true
				}
			}
		}
		i += w1
		r1, w1 = r2, w2
	}
	if !seen {
		return -1
	}
	at := -1
	for _, l := range last {
		if l > 0 && (at < 0 || l-1 < at) {
			at = l - 1
		}
	}
	return at
}

// lastStopOrNewline is strings.LastIndexAny(s, "。\n") without its
// per-rune search of the set: 。 is matched by its UTF-8 bytes E3 80 82,
// and a lead byte 0xE3 only ever starts a rune, so a match found so is the
// rune LastIndexAny decodes there, in a valid text or one cut mid-rune.
func lastStopOrNewline(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		switch {
		case s[i] == '\n':
			return i
		case s[i] == 0x82 && i >= 2 && s[i-1] == 0x80 && s[i-2] == 0xE3:
			return i - 2
		}
	}
	return -1
}

// reportNotBorneOut reports whether the cue at [start, end) of text is the
// word that denies a report (该项举报不属实, 投诉内容无法证实): it says the
// report was untrue, not that what the party claimed was (广告宣称……经查
// 不属实 stays a cue of falsity).
func reportNotBorneOut(text string, start, end int) bool {
	cue := text[start:end]
	denial := cue == "不实"
	for _, w := range deniedAllegation {
		denial = denial || strings.HasPrefix(cue, w)
	}
	if !denial {
		// What the sentence gives as the ground of a report's denial
		// (进货票据显示为牛油，该项举报不属实) is no finding of the act.
		// The clause's first 60 runes, up to a stop, in one pass that
		// also notes 实 and 证: every deniedAllegation word has one of
		// them, and most clauses have neither (strings.IndexAny with
		// multibyte stops searched the stops at every rune).
		rest := text[end:]
		cut, n, negates := len(rest), 0, false
		for i, r := range rest {
			if n == 60 || r == '。' || r == '；' || r == ';' || r == '\n' {
				cut = i
				break
			}
			n++
			negates = negates || r == '实' || r == '证'
		}
		if !negates {
			return false
		}
		rest = rest[:cut]
		for _, w := range allegationWords {
			if i := Index(rest, w); i >= 0 {
				for _, d := range deniedAllegation {
					if Contains(rest[i:], d) {
						return true
					}
				}
			}
		}
		return false
	}
	before := text[max(0, start-8*len("。")):start]
	if k := strings.LastIndexFunc(before, isNegationBreak); k >= 0 {
		before = before[k:]
	}
	for _, w := range allegationWords {
		if Contains(before, w) {
			return true
		}
	}
	return false
}

// disputeWords, right after a cue, make it the subject of the quarrel that
// led to the act (因停车纠纷, 因车位问题发生争执, 因噪音矛盾): the motive, not
// the act.
var disputeWords = [...]string{"纠纷", "矛盾", "争执", "口角", "问题发生"}

// disputeMotive reports whether the cue at [start, end) of text names what a
// dispute was about: 因 or 由于 before it in its clause (within 8 runes) and
// a disputeWord within 3 runes after it.
func disputeMotive(text string, start, end int) bool {
	rest := text[end:]
	rest = rest[:runeOffset(rest, 3+2)]
	found := false
	for _, w := range disputeWords {
		if Contains(rest, w) {
			found = true
			break
		}
	}
	if !found {
		return false
	}
	before := text[max(0, start-8*len("因")):start]
	if k := strings.LastIndexFunc(before, isNegationBreak); k >= 0 {
		before = before[k:]
	}
	return Contains(before, "因") || Contains(before, "由于")
}

// confirmedAt reports whether win at i says the allegation was borne out
// (经查属实, 查证属实, 情况属实; not 不属实).
func confirmedAt(win string, i int) bool {
	if !strings.HasPrefix(win[i:], "属实") {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(win[:i])
	return prev != '不'
}

// reportedCompliant reports whether the clause the cue at [start, end) of
// text is in closes with a compliantWord that nothing denies (不正常,
// 未到位, 不合格) and no correction produced: within compliantReach runes,
// before a clause break or an enumeration comma. It allocates nothing.
func reportedCompliant(text string, start, end int) bool {
	rest := text[end:]
	stop := runeOffset(rest, compliantReach)
	clause := rest[:stop]
	// A cue that opens a pair (安全出口、疏散楼梯畅通; 灭火器、应急照明完好)
	// shares the predicate of the pair's second member: a cue right before
	// one enumeration comma reads on to the clause's end. A longer list, or
	// a cue with its own predicate before the comma (灭火器过期、应急灯完好),
	// keeps the comma as its clause's end.
	paired := strings.HasPrefix(clause, "、")
	if paired {
		clause = clause[len("、"):]
	}
	cut := len(clause)
	for i, r := range clause {
		if isNegationBreak(r) || r == '、' {
			cut = i
			break
		}
	}
	if paired && (cut == 0 || strings.HasPrefix(clause[cut:], "、")) {
		return false
	}
	if cut == len(clause) && stop < len(rest) {
		// The clause goes on past the reach: its end is not in sight.
		return false
	}
	clause = clause[:cut]
	for _, w := range compliantWords {
		if !strings.HasSuffix(clause, w) {
			continue
		}
		before := clause[:len(clause)-len(w)]
		if r, _ := utf8.DecodeLastRuneInString(before); deniesState(r) {
			return false
		}
		if w == "规范" && nounBeforeNorm(before, text[:end]) {
			// 安全技术规范, 操作规范: the norm itself, not a report that
			// something is in order.
			return false
		}
		said := text[start : end+len(before)]
		for _, m := range remedyWords {
			if Contains(said, m) {
				return false
			}
		}
		return true
	}
	return false
}

// deniesState reports whether r, right before a compliant predicate,
// denies it (不正常, 未到位, 无效, 没完好, 非有人值守, 欠规范): a one-rune
// word of negations, or 欠 (lacking), which is no negation elsewhere. 拒
// denies acts, not states; 否 is left out as it always was (是否合格 asks,
// it does not deny).
func deniesState(r rune) bool {
	if r == '欠' {
		return true
	}
	if r == '拒' || r == '否' {
		return false
	}
	for _, n := range negations {
		if w, size := utf8.DecodeRuneInString(n.word); size == len(n.word) && w == r {
			return true
		}
	}
	return false
}

// normNouns, right before 规范, make it a noun (化妆品安全技术规范, 操作规范).
var normNouns = [...]string{"技术", "操作", "安全", "行业", "管理", "作业", "标准", "卫生", "工艺"}

// nounBeforeNorm reports whether the 规范 that ends a clause is a noun: the
// text before it in the clause (before), or the cue it follows directly
// (upto ends with the cue), ends with a normNoun.
func nounBeforeNorm(before, upto string) bool {
	if before == "" {
		before = upto
	}
	for _, n := range normNouns {
		if strings.HasSuffix(before, n) {
			return true
		}
	}
	return false
}

// findingNegations report an inspection that looked for something and did
// not find it (检查未发现暗管, 没有查到…): the denial covers every item the
// clause lists after it, however long the list, not only what lies within
// negationReach (未发现该公司设有暗管、渗井、渗坑 denies the 渗坑 too).
var findingNegations = [...]string{"未发现", "没有发现", "没发现", "未查见", "未查到", "未查出", "没有查到", "未检查出", "未检出"}

// findingReach is how many runes before a cue a negative finding is looked
// for, within the cue's clause.
const findingReach = 40

// findingTurns, between a negative finding and the cue, start a new
// assertion that the finding does not deny (未发现暗管但查见渗坑).
var findingTurns = [...]string{"但", "却", "而是", "发现"}

// negativeFinding reports whether a finding negation earlier in the clause
// of pos (within findingReach runes) denies what starts at pos.
func negativeFinding(s string, pos int) bool {
	lo := pos
	for n := 0; lo > 0 && n < findingReach; n++ {
		r, size := utf8.DecodeLastRuneInString(s[:lo])
		if isNegationBreak(r) {
			break
		}
		lo -= size
	}
	w := s[lo:pos]
	if !strings.Contains(w, "未") && !strings.Contains(w, "没") {
		return false
	}
	for _, f := range findingNegations {
		i := strings.LastIndex(w, f)
		if i < 0 {
			continue
		}
		rest := w[i+len(f):]
		turned := false
		for _, t := range findingTurns {
			if strings.Contains(rest, t) {
				turned = true
				break
			}
		}
		if !turned {
			return true
		}
	}
	return false
}
