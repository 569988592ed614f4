package caseanalysis

import (
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// secretWords name a trade secret, or the duty broken that makes information
// one (违反保密义务带出的图纸); a bare 保密 (保密协议 in any labour case) does
// not.
var secretWords = []string{"商业秘密", "技术秘密", "经营秘密", "违反保密"}

// secretInformationWords name what a trade secret is made of (图纸, 工艺参数,
// 客户名单); with a duty of confidence in the same text (签有保密协议) they
// tell a trade secret without the word.
var secretInformationWords = []string{"图纸", "工艺参数", "技术参数", "技术资料", "客户名单", "客户信息", "客户资料", "配方", "源代码", "源程序"}

// namesSecretInformation reports whether the facts tell confidential
// information by what it is and the duty that kept it secret (与权利人签有
// 保密协议……将设计图纸拷贝带走), as decisions under 反不正当竞争法 第十条
// do before they name it 商业秘密.
func namesSecretInformation(norm string) bool {
	// The holder's measures to keep it (原单位采取保密措施的技术信息) are the
	// element 反不正当竞争法 第十条 names as much as a signed duty (transfer30b).
	return (nlp.Contains(norm, "保密协议") || nlp.Contains(norm, "保密义务") || nlp.Contains(norm, "竞业") || keptSecret(norm)) && containsAny(norm, secretInformationWords)
}

// keptSecret reports whether the text says the holder took measures to keep
// the information secret, undenied (未采取保密措施 tells the opposite).
func keptSecret(norm string) bool {
	i := nlp.Index(norm, "保密措施")
	return i >= 0 && !nlp.Negated(norm, i)
}

// secretLossWords, in an amount's clause, make it the loss a trade secret's
// holder suffered as 侵犯知识产权刑事案件解释（三）第五条 measures it: the
// profit on sales it lost (华清公司因此减少销售利润46万元, 造成经济损失),
// a reasonable licence fee, or the secret's worth once public.
var secretLossWords = []string{"损失", "减少销售利润", "减少的销售利润", "销售利润减少", "减少利润", "减少的利润", "利润减少", "许可使用费", "商业价值", "研究开发成本", "研发成本"}

// notSecretLossWords, in the same clause, make the amount another figure:
// what the infringer took or paid, or a fine.
var notSecretLossWords = []string{"罚款", "违法所得", "获利", "非法获利", "收取", "销售额", "销售金额", "货款", "赔偿金"}

// fearedLossWords, in the same clause, make the amount a loss feared or
// claimed, not one suffered (若客户流失预计损失约50万元, 公司主张损失…).
var fearedLossWords = []string{"预计", "可能", "若", "如果", "估计", "将会", "将造成", "称", "主张", "要求", "索赔"}

// secretLoss sets MeasureSecretLoss from the amounts whose clause names the
// holder's loss, in a text that names a trade secret: the largest, which a
// total is.
func secretLoss(text string, x nlp.Extraction, setMax func(string, float64)) {
	for _, a := range x.Amounts {
		if a.Rate || a.Bound {
			continue
		}
		clause := text[clauseStart(text, a.Start):a.Start]
		if containsAny(clause, secretLossWords) && !containsAny(clause, notSecretLossWords) && !containsAny(clause, fearedLossWords) {
			setMax(rules.MeasureSecretLoss, a.Value)
		}
	}
}

// extortionWords name the threat of an extortion; only a sentence with one
// is read for the extortions it lists, since the 治安 theft benchmarks the
// crime shares with 盗窃罪 and 诈骗罪 list takings of other kinds alike.
var extortionWords = []string{"敲诈", "勒索", "要挟", "威胁"}

// extortionTimesRe is a count of times written (先后三次索要, 索要3次).
var extortionTimesRe = regexp.MustCompile(countNum + `次`)

// demandWords, in a count's clause, make it a count of demands (先后三次索要,
// 勒索得逞3次); procedureWords make it the officers' (经3次传唤).
var (
	demandWords    = []string{"索要", "勒索", "敲诈", "要钱", "讨要", "索取", "得款", "得手"}
	procedureWords = []string{"传唤", "民警", "执法", "调解", "报警", "询问", "约谈", "通知"}
	// instalmentWords make a 分别 list one demand paid in parts (分三笔分别
	// 转账500元、800元、600元); instalmentRe the same told as 分三次, 分两批.
	instalmentWords = []string{"笔", "分期", "分次"}
	instalmentRe    = regexp.MustCompile(`分[0-9一二两三四五六七八九十几数多]{1,3}(?:次|期|批)`)
)

// clauseAround returns the clause of text around byte offset i: from the
// mark before it (clauseStart) to the next clause or sentence mark.
func clauseAround(text string, i int) string {
	// Ahead at most clauseReach bytes, as clauseStart looks back: a long
	// text without marks stays linear.
	ahead := text[i:min(len(text), i+clauseReach)]
	to := i + len(ahead)
	if j := strings.IndexAny(ahead, "，,。；;！？"); j >= 0 {
		to = i + j
	}
	return text[clauseStart(text, i):to]
}

// listSeparators may stand between the items of a list (3月2日、3月19日和
// 4月11日; 500元、800元、600元).
var listSeparators = []string{"、", "，", ",", "和", "及", "与", "以及", "又于", "再于"}

// extortions counts the extortions a sentence that names the threat tells:
// a count written (先后三次), the dates listed one after another (于3月2日、
// 3月19日、4月11日先后…索要), or the amounts listed after 分别 (分别得款
// 500元、800元、600元). The largest; a list of dates more than two years
// apart counts none (2013年敲诈勒索解释 第三条 counts within two years).
func extortions(text string, x nlp.Extraction) float64 {
	var n float64
	sent := newSentences(text)
	inExtortion := func(i int) bool {
		return containsAny(sent.at(i), extortionWords)
	}
	for _, loc := range extortionTimesRe.FindAllStringSubmatchIndex(text, -1) {
		if !inExtortion(loc[0]) {
			continue
		}
		if c := clauseAround(text, loc[0]); !containsAny(c, demandWords) || containsAny(c, procedureWords) {
			continue
		}
		if v, ok := count(text[loc[2]:loc[3]]); ok {
			n = max(n, v)
		}
	}
	// Dates listed: each joined to the one before by a separator only.
	first, run := 0, 0
	for i, d := range x.Dates {
		if d.Earlier || d.Role == nlp.DateBirth || d.Role == nlp.DateDecision || d.Role == nlp.DateDiscovery {
			run = 0
			continue
		}
		if run > 0 && listed(text[x.Dates[i-1].End:d.Start]) {
			run++
		} else {
			first, run = i, 1
		}
		if run >= 2 && inExtortion(d.Start) && withinTwoYears(x.Dates[first].Value, d.Value) {
			n = max(n, float64(run))
		}
	}
	// Amounts listed after 分别 in its sentence.
	for off := 0; ; {
		k := strings.Index(text[off:], "分别")
		if k < 0 {
			break
		}
		at := off + k
		off = at + len("分别")
		if s := sent.at(at); !inExtortion(at) || containsAny(s, instalmentWords) || instalmentRe.MatchString(s) {
			continue
		}
		_, end := sent.bounds(at)
		c, prev := 0, -1
		for _, a := range x.Amounts {
			if a.Start < at || a.Start >= end || a.Rate || a.Bound {
				continue
			}
			if prev >= 0 && !listed(text[prev:a.Start]) {
				break
			}
			c++
			prev = a.End
		}
		n = max(n, float64(c))
	}
	return n
}

// listed reports whether gap, between two items, holds only a separator.
func listed(gap string) bool {
	gap = strings.TrimSpace(gap)
	for _, s := range listSeparators {
		if gap == s {
			return true
		}
	}
	return false
}

// sentences finds the sentence around any byte offset of one text: the
// marks are found once, so asking for every count, date and 分别 of a long
// text without marks stays linear (a look-up per question, not a scan).
type sentences struct {
	text string
	// starts are the offsets just after each mark a sentence starts after
	// (sentenceStart's: 。；;！？：:); ends the offsets of each mark that ends
	// one (。；;！？).
	starts, ends []int
}

// newSentences indexes text's sentence marks.
func newSentences(text string) *sentences {
	x := &sentences{text: text}
	for j, r := range text {
		if strings.ContainsRune("。；;！？：:", r) {
			x.starts = append(x.starts, j+utf8.RuneLen(r))
		}
		if strings.ContainsRune("。；;！？", r) {
			x.ends = append(x.ends, j)
		}
	}
	return x
}

// bounds returns the sentence around byte offset i as [from, to): from the
// mark before it to the next 。；！？ or the end.
func (x *sentences) bounds(i int) (from, to int) {
	if k := sort.SearchInts(x.starts, i+1); k > 0 {
		from = x.starts[k-1]
	}
	to = len(x.text)
	if k := sort.SearchInts(x.ends, i); k < len(x.ends) {
		to = x.ends[k]
	}
	return from, to
}

// at returns the sentence around byte offset i.
func (x *sentences) at(i int) string {
	from, to := x.bounds(i)
	return x.text[from:to]
}

// withinTwoYears reports whether two ISO dates (YYYY-MM-DD) are at most two
// years apart; an unreadable one counts as within.
func withinTwoYears(a, b string) bool {
	ta, errA := time.Parse(time.DateOnly, a)
	tb, errB := time.Parse(time.DateOnly, b)
	if errA != nil || errB != nil {
		return true
	}
	if tb.Before(ta) {
		ta, tb = tb, ta
	}
	return !tb.After(ta.AddDate(2, 0, 0))
}
