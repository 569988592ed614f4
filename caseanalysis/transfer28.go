package caseanalysis

import (
	"strconv"
	"strings"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// The twenty-seventh round's readings of the facts for the transfer cues
// (issue 12, transfer28b): an order and its defiance told in two sentences,
// and a blow at an official told with 将/把 before the verb.

// blowVerbs are the verbs of a blow that hurts or throws its victim,
// written after him when 将/把 brings him first (把民警打伤, 将民警伍某按倒):
// the attack on the person the 袭警罪 cues name (踢打, 抱摔, 撕咬).
var blowVerbs = []string{"打伤", "踢伤", "咬伤", "抓伤", "砸伤", "撞伤", "撞倒", "按倒", "摔倒", "踹倒", "踢倒", "打倒", "撞飞"}

// pushVerbs are the verbs of a push that puts its victim down (将执法人员陈某
// 推倒在地). The catalog reads one at an enforcement officer as violence
// (推倒执法人员) but not at a police officer left unhurt (dev-acc16police-053,
// transfer24): they are only put verb-first, for the cues that name them.
// Not 推搡: jostling alone is not the 暴力 of 第二百七十七条.
var pushVerbs = []string{"推倒", "拽倒", "拖倒", "扑倒", "绊倒", "掀翻"}

// roleNames is an official's role and the names after it (执法人员陈某、王某).
var roleNames = `(` + strings.Join(officialRoles, "|") + `)((?:\p{Han}{1,2}某某?)(?:[、和及与]\p{Han}{1,2}某某?)*)?`

// disposalBlowRe and disposalPushRe find 将/把, an official's role and
// names, and a blow or a push; guarded by the verbs, which every match
// ends with.
var (
	disposalBlowRe = nlp.Guard(`[将把]`+roleNames+`(`+strings.Join(blowVerbs, "|")+`)`, blowVerbs...)
	disposalPushRe = nlp.Guard(`[将把]`+roleNames+`(`+strings.Join(pushVerbs, "|")+`)`, pushVerbs...)
)

// withBlowAtOfficial names a blow at an official told with 将/把 by the
// catalog's general word for a blow at that role (把民警伍某按倒 → 殴打民警伍某
// 按倒): the 妨害公务罪 and 袭警罪 cues list 殴打 with every role, and the
// disposal form puts the role and the names before whichever verb. A push
// is written verb-first (将执法人员陈某推倒 → 推倒执法人员陈某), which the cues
// name where the catalog holds it violence. The rounds before added a cue
// per verb and form (将民警按倒, 推倒执法人员); this reads the form.
func withBlowAtOfficial(text string) string {
	text = disposalPushRe.ReplaceAllString(disposalBlowRe.ReplaceAllString(text, "殴打$1$2$3"), "$3$1$2")
	return directedBlowRe.ReplaceAllString(text, "殴打$1$2$3")
}

// directedBlowVerbs are the blows told after 朝/向/对, the official and the
// part of him struck (朝民警邢某面部挥拳, 对执法队员头部猛踢; thirtieth
// round): the verb follows the part at once, so 向民警反映, 向民警哭诉 …
// are no blow.
var directedBlowVerbs = []string{"挥拳", "击打", "猛击", "拳击", "踢打", "扇打", "扇了", "踹", "猛踢", "踢了", "打了", "撕咬", "咬了", "砸去", "砸了"}

// directedBlowRe finds a blow directed at an official: 朝/向/对, the role
// and names, the part of the body, an adverb, the blow. Guarded by the
// verbs, which every match ends with.
var directedBlowRe = nlp.Guard(`(?:朝着|冲着|朝|向|对)`+roleNames+`((?:的)?(?:面部|头部|脸部|胸部|胸口|腹部|腿部|手臂|身上|脸上|头上|左脸|右脸|后背|腰部|眼部|鼻部)?(?:连续|猛地|猛|用力|狠狠地?)?(?:`+strings.Join(directedBlowVerbs, "|")+`))`, directedBlowVerbs...)

// namedGamblersRe finds the gamblers an organiser gathered named in a list
// after his verb (组织何某、吕某、施某等人以“炸金花”方式赌博): the list, and
// gambling named later in the same sentence. 容留 is not such a verb: it is
// 治安管理处罚法's 为赌博提供条件, not 赌博罪's 组织 (2005 解释 第一条).
// Guarded by the gambling words every match ends with.
var namedGamblersRe = nlp.Guard(`(?:纠集|组织|召集|聚集|邀约|邀集)((?:\p{Han}{1,2}某某?)(?:[、和及与](?:\p{Han}{1,2}某某?))+)(?:等人)?[^，。；,;]{0,16}?(?:赌博|赌钱|参赌)`, "赌博", "赌钱", "参赌")

// namedGamblers counts the gamblers named in a list after the organiser's
// verb: the names, at least (等人 says more). The count is the 参赌人数 of
// 赌博罪 (2005 解释 第一条) as a list tells it rather than a number.
func namedGamblers(norm string, setMax func(string, float64)) {
	for _, re := range [...]nlp.GuardedRegexp{namedGamblersRe, listedGamblersRe} {
		for _, loc := range re.FindAllStringSubmatchIndex(norm, -1) {
			if nlp.Negated(norm, loc[0]) {
				continue
			}
			setMax(rules.MeasureGamblers, float64(len(nameSepRe.FindAllString(norm[loc[2]:loc[3]], -1))+1))
		}
	}
}

// listedGamblersRe finds the gamblers listed after their role (参赌人员有
// 华某、金某、魏某等, 参赌者为…; twenty-ninth round): the names, as after the
// organiser's verb. Onlookers and the organiser are not 参赌人员.
var listedGamblersRe = nlp.Guard(`参赌(?:人员|者|人)(?:有|为|包括|系|是|分别为|分别是)?[:：]?((?:\p{Han}{1,2}某某?)(?:[、和及与](?:\p{Han}{1,2}某某?))+)`, "参赌")

// lelReadingRe finds a combustible gas concentration measured as a share of
// its lower explosive limit (测得可燃气体浓度为爆炸下限的31%, 读数显示
// 28%LEL): the reading verb, the share. Guarded by the limit's names,
// one of which every match holds.
var lelReadingRe = nlp.Guard(`(?:测得|检测|测定|读数|显示|浓度)[^，。；,;]{0,20}?(?:(?:爆炸下限|LEL)的?([0-9]{1,3}(?:\.[0-9]+)?)\s*[%％]|([0-9]{1,3}(?:\.[0-9]+)?)\s*[%％]\s*LEL)`, "爆炸下限", "LEL")

// lelAlarmShare is the share of the lower explosive limit at or above which
// a reading passes any first-level alarm setting: GB/T 50493-2019 sets the
// first-level alarm of combustible gas at 25% LEL or below.
const lelAlarmShare = 25

// withLELAlarm writes, after a gas reading at or above lelAlarmShare of the
// lower explosive limit, that it passed the alarm setting (超过报警设定值): the
// 现实危险 of 危险作业罪 as the catalog names it by the alarm, which an
// inspection note tells by the reading alone. A lower share is written as
// a share of LEL, so that 达爆炸下限的6% is not read as the limit reached. A
// setting (报警设定值为爆炸下限的25%) is no reading: its clause names the
// setting.
func withLELAlarm(text string) string {
	return rewriteMatches(text, lelReadingRe, func(m []int) (string, bool) {
		share := m[2:4]
		if share[0] < 0 {
			share = m[4:6]
		}
		v, err := strconv.ParseFloat(text[share[0]:share[1]], 64)
		match := text[m[0]:m[1]]
		switch {
		case err != nil || strings.Contains(match, "设定") || nlp.Negated(text, m[0]):
			return "", false
		case v < lelAlarmShare:
			// 浓度达爆炸下限的6%: a share, not the limit reached; the cue
			// 达爆炸下限 must not read it so.
			return strings.Replace(match, "爆炸下限", "LEL", 1), true
		}
		return match + "，超过报警设定值", true
	})
}

// rewriteMatches copies text with each match of re that rewrite takes
// (its second answer true) put as rewrite says: the one loop of the
// rewrites that read a match and write what it means after it.
func rewriteMatches(text string, re nlp.GuardedRegexp, rewrite func(m []int) (string, bool)) string {
	ms := re.FindAllStringSubmatchIndex(text, -1)
	if len(ms) == 0 {
		return text
	}
	var b strings.Builder
	last := 0
	for _, m := range ms {
		out, ok := rewrite(m)
		if !ok {
			continue
		}
		b.WriteString(text[last:m[0]])
		b.WriteString(out)
		last = m[1]
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// armedWeapons are the things a threat is made with.
const armedWeapons = `(?:刀|斧|锹|锄|棍|钢管|铁棒|砖|酒瓶|剪|镰|锤|榔头)`

// armedThreatRe finds a weapon taken up and turned on an official
// (抄起一把斧头冲着执法人员比划, 举起铁锹朝税务人员挥舞): the taking, the weapon,
// the official it is turned on, and the waving or the blow threatened — all
// in one clause, or, across a comma, with the weapon the gesture's object
// (手持菜刀，冲着执法人员挥舞菜刀). A knife held at work in one clause and an
// arm waved at the officers in the next (正拿着刀切肉，随后向执法人员挥舞手臂)
// is no armed threat. Guarded by the roles, one of which every match names.
var armedThreatRe = nlp.Guard(`(?:拿|持|抄|举|握|掏|抓|抡)[^，。；,;]{0,8}?`+armedWeapons+`(?:`+
	`[^，。；,;]{0,12}?(?:对着|冲着|朝着|朝|向|对准|指着|指向)(`+strings.Join(officialRoles, "|")+`)[^，。；,;]{0,6}?(?:挥舞|比划|比画|挥动|晃动|乱舞|乱挥|劈|砍|捅)`+
	`|[^。；;]{0,12}?(?:对着|冲着|朝着|朝|向|对准|指着|指向|冲向)(?:`+strings.Join(officialRoles, "|")+`)[^，。；,;]{0,6}?(?:挥舞|比划|比画|挥动|晃动|乱舞|乱挥|举起|扬起)着?[^，。；,;]{0,4}?`+armedWeapons+`)`, officialRoles...)

// withArmedThreat writes, after a weapon turned on an official, the threat
// it makes (，威胁执法人员, whichever official's role): the 以暴力、威胁方法 of 妨害公务罪 as its cues name
// it, which a record tells by the weapon and the gesture alone. The
// rounds before named each phrasing (挥舞菜刀, 持刀…威胁, 谁敢…就砍); this
// reads the act. A denied one (未持刀) is left.
func withArmedThreat(text string) string {
	// Every official the role names is one 执法人员 names (the cue's word):
	// a threat, not a blow, so 袭警罪 is not the police's answer.
	return appendAfter(text, armedThreatRe, "，威胁执法人员", func(m []int) bool {
		return nlp.Negated(text, m[0])
	})
}
