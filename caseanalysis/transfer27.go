package caseanalysis

import (
	"regexp"
	"strings"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

var (
	// A group counted once and then said to have died together (两名工人进入
	// 污水池清淤时中毒晕倒，先后死亡): the adverb (先后, 相继, 均) refers back to
	// the count, however long the clause in between. No other count may
	// stand in the gap, so the count is the group's.
	groupDeathsRe = nlp.Guard(countNum+`(?:名|人|位)[^。；;0-9一二两三四五六七八九十]{0,40}?[，,](?:先后|相继|均|全部|都)[^，。；,;0-9]{0,6}?(?:死亡|身亡|遇难)`, "死亡", "身亡", "遇难")
	// The gamblers of several sessions listed, then totalled (参赌人员有：4月
	// 2日…等6人；…扣除重复人员后共计19人): the total is the count the 2005
	// 解释 第一条第三项 sums (参赌人数累计). 人次 counts attendances, not people.
	gamblersTotalRe = regexp.MustCompile(`参赌[^。]{0,160}?(?:共计|合计|累计|总计|共有)[^，。；,;0-9一二两三四五六七八九十]{0,4}?` + countNum + `余?(?:名|人)(?:[^次]|$)`)
	// Victims named in a list and graded together (孙某、周某的损伤程度均为
	// 轻微伤, 经鉴定吴某某、郑某均构成轻伤二级): one person a name.
	namedInjuredRe = nlp.Guard(`((?:\p{Han}{1,2}某{1,2}[、和及与])+\p{Han}{1,2}某{1,2})(?:二人|两人|三人|四人)?的?(?:损伤程度|伤情|损伤|伤势)?(?:经鉴定)?均(?:为|系|属|构成|达到|已达)?(轻微伤|轻伤)`, "轻微伤", "轻伤")
)

// totalSuffixes are the words a statement of a total puts between what is
// totalled and its amount (税额合计279,500.00元).
var totalSuffixes = []string{"合计", "共计", "总计", "累计"}

// trimTotal takes a total's word off the end of the words before an
// amount, so that the measure's own name ends them again.
func trimTotal(w string) string {
	for _, s := range totalSuffixes {
		if t, ok := strings.CutSuffix(w, s); ok {
			return t
		}
	}
	return w
}

// groupReadings sets the counts the twenty-sixth round's blind transfer
// batch found told as a group: deaths told after the group's clause,
// gamblers totalled after a list of sessions, victims named in a list and
// graded together.
func groupReadings(norm string, setMax func(string, float64)) {
	for _, loc := range groupDeathsRe.FindAllStringSubmatchIndex(norm, -1) {
		if nlp.Negated(norm, loc[1]-len("死亡")) {
			continue
		}
		if v, ok := count(norm[loc[2]:loc[3]]); ok {
			setMax(rules.MeasureDeaths, v)
		}
	}
	if nlp.Contains(norm, "参赌") {
		for _, loc := range gamblersTotalRe.FindAllStringSubmatchIndex(norm, -1) {
			// 参赌人员和围观人员共计22人, 现场人员共计25人: a total of
			// everyone there, not of those who gambled (rev27).
			if containsAny(norm[loc[0]:loc[2]], notGamblerWords[:]) {
				continue
			}
			if v, ok := count(norm[loc[2]:loc[3]]); ok {
				setMax(rules.MeasureGamblers, v)
			}
		}
	}
	for _, loc := range namedInjuredRe.FindAllStringSubmatchIndex(norm, -1) {
		if nlp.Negated(norm, loc[4]) {
			continue
		}
		n := float64(len(nameSepRe.FindAllString(norm[loc[2]:loc[3]], -1)) + 1)
		if norm[loc[4]:loc[5]] == "轻伤" {
			setMax(rules.MeasureMinorInjuries, n)
		} else {
			setMax(rules.MeasureSlightInjuries, n)
		}
	}
}

// notGamblerWords name those at a gambling scene who did not gamble, or
// everyone there: a total that takes them in is no count of gamblers.
var notGamblerWords = [...]string{"围观", "观看", "旁观", "现场人员", "在场人员", "其他人员", "工作人员", "服务人员", "现场共"}

// nameSepRe separates the names of a list of people (孙某、周某和吴某).
var nameSepRe = regexp.MustCompile(`[、和及与]`)

// childLabourRe finds children employed: 童工, or an age under sixteen told
// after an employer's verb (使用未满16周岁的人员, 招用暑期工3名，年龄均未满
// 十六周岁). The party's own work (在某汽修厂打工，案发时未满十六周岁) is no
// employer's: that age is the party's (rev27).
var childLabourRe = nlp.Guard(`童工|(?:使用|雇用|雇佣|招用|招收|录用|用工|岗位)[^。；;]{0,20}?(?:未满|不满)(?:十六|16)周岁`, "童工", "周岁")

// employsChildren reports whether the text is about employing children
// (禁止使用童工规定): the birth dates it gives are theirs.
func employsChildren(norm string) bool {
	return childLabourRe.MatchString(norm)
}

// yieldedToTop are the benchmarks the top violation excluded because its
// own provision applies first (优先适用…): the same conduct, read as the
// top's (划烂 a tyre is 故意损毁, 第五十九条, not 第五十八条's taking), so
// their crimes (盗窃罪 for 第五十八条) are not this case's.
func yieldedToTop(vs []Violation) map[string]bool {
	if len(vs) == 0 {
		return nil
	}
	var out map[string]bool
	for _, e := range vs[0].Excluded {
		if e.BenchmarkID != vs[0].BenchmarkID && e.AppliesFirst {
			if out == nil {
				out = map[string]bool{}
			}
			out[e.BenchmarkID] = true
		}
	}
	return out
}
