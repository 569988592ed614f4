package caseanalysis

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// The twenty-eighth round's readings of the facts for the transfer
// thresholds (issue 12, transfer29b): the share of tax evaded told against
// a named total (占…应纳税总额…的18.4%) or as two sums, months owed told as
// a list (2月、3月工资), and injuries graded victim by victim (王某…系轻微伤，
// 李某…系轻微伤).

var (
	// taxShareRe finds the share told after the total it is a share of,
	// the total's name ending in 总额 or 合计 and its amount between (占同期
	// 各税种应纳税总额二百一十万元的18.4%): taxRatioRe reads only
	// 应纳税额 written right before the share.
	taxShareRe = nlp.Guard(`(?:应纳税|应缴税|应纳|应缴)(?:款|额)?(?:总额|总计|合计|总数)[^，。；,;%％]{0,20}?(?:的|之)?(?:比例|比重)?(?:为|达|约)?(?:([0-9]{1,3}(?:\.[0-9]+)?)[%％]|百分之([一二三四五六七八九十百点]{1,6}))`, "应纳税", "应缴税", "应纳", "应缴")
	// taxTotalWords name the total a taxpayer owed, whose amount the tax
	// evaded is compared with when no share is written (少缴税款38.6万元，
	// 同期应纳税总额210万元).
	taxTotalWords = []string{"应纳税总额", "应纳税款总额", "应缴税款总额", "应纳税额合计", "应缴税额合计", "应纳税额总计", "应纳税额", "应缴税额",
		"应纳税款合计", "应缴税款合计", "应纳税款共计", "应纳税额共计"}
	// monthListRe finds the months owed told one by one before the wages
	// (拖欠其2月、3月工资, 5月、6月和7月的工钱): one month each.
	// One month named alone is read by the same expression when written
	// 月份 (4月份应发两人工资, 12月份的工钱; twenty-ninth round), the people
	// owed between: a bare 3月工资
	// is as often a payday or the start of a run as the month owed.
	monthListRe = regexp.MustCompile(`((?:(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})月份?[、和及与])+(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})月份?|(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})月份)(?:的|共|应发的?|应付的?)?(?:[一二两三四五六七八九十0-9]{1,2}(?:人|名)\p{Han}{0,3}?的?)?(?:工资|劳动报酬|工钱|薪酬|薪水)`)
	// gradedVictimRe finds one victim's grade told in the victim's own
	// clause (王某鼻骨骨折系轻微伤, 经鉴定李某的损伤程度为轻伤二级): the
	// name, then at most a few words of the wound, then the grade.
	// The grade may open the next clause (郑某膝部擦伤，鉴定为轻微伤) when
	// that clause names no one else.
	gradedVictimRe = nlp.Guard(`(\p{Han}{1,2}某{1,2})(?:甲|乙|丙)?[^，。；,;某]{0,16}?(?:[，,][^，。；,;某0-9]{0,6}?)?(?:系|为|属|构成|达到|鉴定为|评定为)(轻微伤|轻伤)`, "轻微伤", "轻伤")
	// partyNameRe finds the party named (违法行为人周某, 周某（男，1998年
	// 出生）): his own injury is no victim's.
	partyNameRe = regexp.MustCompile(`(?:违法行为人|违法嫌疑人|犯罪嫌疑人|嫌疑人|当事人|行为人)(\p{Han}{1,2}某{1,2})|(\p{Han}{1,2}某{1,2})[（(](?:男|女)`)
)

// ownInjuryWords tell the clause is about the party's own injury or that
// of the one who struck (违法行为人周某亦受轻微伤, 双方均为轻微伤): no
// victim of the party's violence.
var ownInjuryWords = []string{"违法行为人", "违法嫌疑人", "犯罪嫌疑人", "当事人", "本人", "自己", "亦", "也", "双方", "互殴"}

// transfer29Readings sets the measures the twenty-eighth round's blind
// transfer batch found told in these ways.
func transfer29Readings(norm, text string, x nlp.Extraction, m map[string]float64, setMax func(string, float64)) {
	if _, ok := m[rules.MeasureTaxRatio]; !ok {
		if v, ok := taxShare(norm, text, x, m); ok {
			m[rules.MeasureTaxRatio] = v
		}
	}
	if owesWages(norm) {
		for _, loc := range monthListRe.FindAllStringSubmatchIndex(norm, -1) {
			if nlp.Negated(norm, loc[2]) || paidLater(norm[loc[1]:]) || closesSpan(norm[:loc[2]]) {
				continue
			}
			n := strings.Count(norm[loc[2]:loc[3]], "月")
			setMax(rules.MeasureMonthsOwed, float64(n))
		}
	}
	gradedVictims(norm, setMax)
}

// taxShare reads the share of the tax evaded in the tax owed: written
// after a named total, or computed from the two amounts the text gives.
func taxShare(norm, text string, x nlp.Extraction, m map[string]float64) (float64, bool) {
	if loc := taxShareRe.FindStringSubmatchIndex(norm); loc != nil && evadedShare(norm, loc[0]) {
		sm := make([]string, 3)
		for k := 1; k < 3; k++ {
			if loc[2*k] >= 0 {
				sm[k] = norm[loc[2*k]:loc[2*k+1]]
			}
		}
		v, err := strconv.ParseFloat(sm[1], 64)
		if sm[1] == "" {
			var n int64
			n, err = nlp.ParseChineseInt(sm[2])
			v = float64(n)
		}
		if err == nil && v > 0 && v <= 100 {
			return v, true
		}
	}
	evaded, ok := m[rules.MeasureTaxEvaded]
	if !ok || evaded <= 0 {
		return 0, false
	}
	for _, a := range x.Amounts {
		if a.Rate {
			continue
		}
		w := strings.TrimRight(text[max(0, a.Start-27):a.Start], "为是约达：:人民币¥￥")
		for _, t := range taxTotalWords {
			if strings.HasSuffix(w, t) && a.Value > evaded {
				return evaded / a.Value * 100, true
			}
		}
	}
	return 0, false
}

// gradedVictims counts the victims graded one by one, each in a clause
// of his own: two named 轻微伤 are the 二人以上轻微伤 of 寻衅滋事罪, as a
// count told at once (二人均为轻微伤) is. A grade denied (未达轻微伤, 不构成
// 轻伤) or the party's own counts no one.
func gradedVictims(norm string, setMax func(string, float64)) {
	if !nlp.Contains(norm, "轻微伤") && !nlp.Contains(norm, "轻伤") {
		return
	}
	party := map[string]bool{}
	for _, sm := range partyNameRe.FindAllStringSubmatch(norm, -1) {
		party[surnameKey(sm[1]+sm[2])] = true
	}
	names := map[string]map[string]bool{}
	for _, loc := range gradedVictimRe.FindAllStringSubmatchIndex(norm, -1) {
		name := surnameKey(norm[loc[2]:loc[3]])
		if party[name] {
			continue
		}
		if nlp.Negated(norm, loc[4]) {
			continue
		}
		clause := norm[clauseStart(norm, loc[0]):loc[4]]
		if containsAny(clause, ownInjuryWords) {
			continue
		}
		grade := norm[loc[4]:loc[5]]
		if names[grade] == nil {
			names[grade] = map[string]bool{}
		}
		names[grade][name] = true
	}
	if n := len(names["轻微伤"]); n > 0 {
		setMax(rules.MeasureSlightInjuries, float64(n))
	}
	if n := len(names["轻伤"]); n > 0 {
		setMax(rules.MeasureMinorInjuries, float64(n))
	}
}

// surnameKey keeps of a name read as \p{Han}{1,2}某 only the surname
// and its 某: the name group may take in the word before the surname
// (鉴定王某 read as 定王某), which would count one victim twice. Two
// victims of one surname told apart only by a compound surname are
// rare beside that.
func surnameKey(name string) string {
	i := strings.Index(name, "某")
	if i < 0 {
		return name
	}
	head := []rune(name[:i])
	if len(head) == 0 {
		return name
	}
	return string(head[len(head)-1]) + name[i:]
}

// paidWords tell the wages later paid in full (责令支付后已于7月5日全部
// 结清): the months listed before are no months still owed.
var paidWords = []string{"全部结清", "已结清", "已付清", "已全部支付", "已足额支付", "已全额支付", "已全部发放", "已足额发放", "已全部补发", "已支付完毕"}

// paidLater reports whether the text after a list of months tells the
// wages paid in full, not denied (尚未全部结清 is still owed).
func paidLater(rest string) bool {
	for _, w := range paidWords {
		if i := nlp.Index(rest, w); i >= 0 && !nlp.Negated(rest, i) {
			return true
		}
	}
	// 已于6月10日付清: the day of the payment between 已 and its verb.
	if loc := paidOnDayRe.FindStringIndex(rest); loc != nil && !nlp.Negated(rest, loc[0]) {
		return true
	}
	return false
}

// paidOnDayRe finds wages told paid on a day (已于6月10日付清, 已在月底前
// 全部结清).
var paidOnDayRe = regexp.MustCompile(`已(?:于|在)[^，。；,;]{1,12}?(?:付清|结清|全部支付|足额支付|全额支付|支付完毕|发放完毕|全部发放)`)

// evadedWords tell a share is of the tax evaded (少缴税款…占…的16.7%), not
// another tax's share of the total (增值税占应纳税总额的60%).
var evadedWords = []string{"少缴", "少申报", "未申报", "不申报", "逃避缴纳", "偷逃", "逃税", "偷税", "未缴", "不缴", "少交", "未交", "漏缴", "隐瞒", "虚假申报", "隐匿", "少报", "瞒报"}

// evadedShare reports whether the sentence before a share read at i
// names the tax evaded: the share must be of what was evaded.
func evadedShare(norm string, i int) bool {
	start := strings.LastIndexAny(norm[:i], "。；;")
	if !containsAny(norm[start+1:i], evadedWords) {
		return false
	}
	// A share told of one tax named in its own clause (其中增值税占…) is
	// that tax's, though the sentence tells an evasion elsewhere.
	c := strings.LastIndexAny(norm[:i], "，,。；;")
	clause := norm[c+1 : i]
	return containsAny(clause, evadedWords) || !(strings.Contains(clause, "其中") || strings.Contains(clause, "税占"))
}

// closesSpan reports whether the months read start right after a span's
// opening (2025年10月至12月份工资, 9-12月份工资): the span's end, no month
// of its own; spanMonths counts the span.
func closesSpan(before string) bool {
	before = strings.TrimRight(before, "年")
	for _, w := range [...]string{"至", "到", "-", "~", "—", "～"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}
