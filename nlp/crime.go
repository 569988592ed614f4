package nlp

import (
	"math"
	"strings"
	"unicode/utf8"
)

// CrimeSum is the amount involved in a crime as CrimeAmount reads it from
// the facts of a criminal judgment: what was stolen, defrauded, taken or
// embezzled, in yuan.
type CrimeSum struct {
	// Value is the total in yuan, rounded to cents.
	Value float64
	// Explicit is true when Value is a figure the text states as a total
	// (共计, 合计, 总计, 累计, 总价值), false when it is the sum of the items.
	Explicit bool
	// Items are the amounts counted as part of the crime, Totals the stated
	// totals, Excluded the amounts left out because their words say they
	// are not the crime amount (赔偿, 退赔, 罚金, 扣押, 好处费...). Each
	// Amount's span is a byte range of the original text; Role is empty and
	// Total tells items from totals.
	Items, Totals, Excluded []Amount
}

// crimeExclusionCues mark an amount that is not part of the crime amount:
// compensation and restitution after the act, penalties, seized or frozen
// money, bail, a helper's fee or share of the loot, the price the loot was
// sold for, a unit price. They are looked for in the phrase before the
// amount (back to the last comma).
var crimeExclusionCues = []string{
	"赔偿", "赔付", "退赔", "退赃", "退缴", "退出", "退还", "退回", "返还", "发还", "追缴", "追回",
	"罚金", "罚款", "扣押", "冻结", "保证金", "谅解", "好处费", "报酬", "酬劳", "辛苦费",
	"判处", "并处", "处以", "垫付", "医疗费", "补偿",
	"分得", "分赃", "销赃", "赃款", "缴获", "剩余", "其余", "变卖", "卖得", "卖给", "出售", "典当", "得款", "每", "单价", "面值", "面额",
}

// reportedCues, in the sentence of an amount, make it what the victim or
// the caller said (报案时称被骗8,000元, 报警人称手机价值约3000元); established
// Cues make it what the inquiry found (经查, 经价格认定, 经鉴定, 核实). Where
// the facts establish an amount, a reported one is no part of the crime's.
var (
	reportedCues    = []string{"报案时称", "报警时称", "报案称", "报警称", "报称", "报案人", "报警人", "被害人称", "受害人称", "事主称", "失主称", "称被骗", "称被盗", "称丢失", "自称被", "声称被", "称其被"}
	establishedCues = []string{"经查", "查明", "经价格认定", "价格认定", "价格鉴定", "经鉴定", "鉴定为", "经核实", "核实", "经核定", "经估价", "经评估"}
)

// crimeAfterCues open sentences about what happened after the act
// (restitution, recovery, other matters); their amounts are not counted.
var crimeAfterCues = []string{"另查明", "案发后", "归案后", "审理中", "审理期间", "审理过程中", "庭审中", "诉讼中"}

// crimeTotalCues mark a stated total. 共 alone counts (共盗得, 价值共), but
// not inside 共同 (jointly). 上述 and 以上 restate earlier amounts, so they
// are read as totals too: a restated figure then replaces what it restates
// instead of counting twice.
var crimeTotalCues = []string{"共计", "合计", "总计", "累计", "总价值", "总金额", "总额", "总价", "共", "上述", "以上", "综上"}

// crimeUnit is an amount kept while adding up: an item or a stated total
// that has absorbed the items it covers.
type crimeUnit struct {
	value float64
	total bool
	// list numbers the 分别 list the item is in (0: none).
	list int
}

// listGap reports whether gap, between two amounts, only separates the
// members of a list (、, 和, 及…).
func listGap(gap string) bool {
	switch strings.TrimSpace(gap) {
	case "、", "，", ",", "和", "及", "与", "以及":
		return true
	}
	return false
}

// CrimeAmount estimates the total amount involved in the crime that a
// criminal judgment's facts describe (the figure thresholds such as 数额较大
// are applied to). Every money amount is classed by the words around it: an
// excluded amount (赔偿, 退赔, 罚金, 扣押, 销赃 prices, unit prices, and
// anything in a sentence opened by 另查明 or 案发后), a stated total (共计,
// 合计, 上述...), or an item. Amounts are then added up in text order: a
// stated total replaces the run of amounts just before it that adds up to
// it (items, then their subtotal), and the items just after it that add up
// to it (a total announced before its list); a total that matches no run is
// a figure of its own and is added. It reports false when the text has no
// usable amount. It never panics.
func CrimeAmount(text string) (CrimeSum, bool) {
	n := Normalize(text)
	s := n.Text
	var out CrimeSum
	var units []crimeUnit
	ms := moneyRe.FindAllStringIndex(s, -1)
	established := false
	for _, m := range ms {
		if containsAny(s[clauseBefore(s, m[0], isClauseEnd):m[0]], establishedCues...) {
			established = true
			break
		}
	}
	// A list (300元、500元和800元) goes as its first member: when that is
	// left out (分别以300元… a price, 分别退还…), so are the others, whose own
	// phrases are empty. list numbers the list opened by 分别 an amount is
	// in (0: none), for absorbAfter.
	prevEnd, prevOut, list, lists := -1, false, 0, 0
	for _, m := range ms {
		member := prevEnd >= 0 && listGap(s[prevEnd:m[0]])
		switch {
		case member:
		case strings.Contains(s[clauseBefore(s, m[0], isPhraseEnd):m[0]], "分别"):
			lists++
			list = lists
		default:
			list = 0
		}
		prevEnd = m[1]
		if member && prevOut {
			continue
		}
		prevOut = true
		if prev, _ := utf8.DecodeLastRuneInString(s[:m[0]]); prev == '第' || prev == '以' || prev == '张' || !startsNumber(s[m[0]:]) {
			continue // 第三元, 以300元 (a price), 两张壹佰元 (banknotes)
		}
		if next, _ := utf8.DecodeRuneInString(s[m[1]:]); strings.ContainsRune("区县镇乡村路街里", next) {
			continue // 三元区: a place name
		}
		v, err := ParseAmount(s[m[0]:m[1]])
		if err != nil || v <= 0 {
			continue
		}
		prevOut = false
		st, en := origSpan(text, n, m[0], m[1])
		a := Amount{Value: v, Start: st, End: en}
		phrase := s[clauseBefore(s, m[0], isPhraseEnd):m[0]]
		sentence := s[clauseBefore(s, m[0], isClauseEnd):m[0]]
		switch {
		case strings.HasPrefix(s[m[1]:], "中的"):
			// 共计一千五百元中的五百元: the sum attempted, of which the
			// next figure was obtained; that figure counts.
			out.Excluded = append(out.Excluded, a)
		case victimPaid(phrase):
			// 诱使被害人先后垫付资金共计一万二千元: what the victim was led
			// to pay is what was taken, though 垫付 usually marks a payment
			// made after the act.
			if crimeTotal(s, m[0]) {
				a.Total = true
				out.Totals = append(out.Totals, a)
				units = absorbBefore(units, v)
			} else {
				out.Items = append(out.Items, a)
				units = append(units, crimeUnit{value: v})
			}
		case containsAny(phrase, crimeExclusionCues...) || containsAny(sentence, crimeAfterCues...):
			out.Excluded = append(out.Excluded, a)
			prevOut = true
		case established && containsAny(sentence, reportedCues...) && !containsAny(sentence, establishedCues...):
			// 报案时称被骗8,000元 where the facts establish the sum (经查…骗取
			// 2,400元, 经价格认定…价值1,500元): the report's figure is a claim.
			out.Excluded = append(out.Excluded, a)
			prevOut = true
		case crimeTotal(s, m[0]):
			a.Total = true
			out.Totals = append(out.Totals, a)
			units = absorbBefore(units, v)
		default:
			out.Items = append(out.Items, a)
			units = append(units, crimeUnit{value: v, list: list})
		}
	}
	units = absorbAfter(units)
	if len(units) == 0 {
		return out, false
	}
	var sum float64
	for _, u := range units {
		sum += u.value
		out.Explicit = out.Explicit || u.total
	}
	out.Value = math.Round(sum*100) / 100
	return out, true
}

// victimPaid reports whether the phrase before an amount says the victim
// was led to pay it (诱使被害人垫付, 骗得被害人转账): the fraud's amount,
// whatever exclusion word (垫付, 报酬) the phrase also holds.
func victimPaid(phrase string) bool {
	// The victim made to pay told without 骗 (以收取“保证金”名义让被害人向其
	// 账户转账): what the victim paid the party is what was taken.
	return containsAny(phrase, "诱使", "诱骗", "骗取", "骗得", "让被害人", "使被害人", "要求被害人", "令被害人", "让受害人", "要求受害人") && containsAny(phrase, "垫付", "转账", "支付", "汇款", "交纳", "缴纳")
}

func near(a, b float64) bool { return math.Abs(a-b) < 0.005 }

// absorbBefore adds the stated total t: it replaces the shortest run of
// units at the end that adds up to t, or is appended when none does.
func absorbBefore(units []crimeUnit, t float64) []crimeUnit {
	var run float64
	for i := len(units) - 1; i >= 0; i-- {
		run += units[i].value
		if near(run, t) {
			return append(units[:i], crimeUnit{value: t, total: true})
		}
		if run > t+0.005 {
			break
		}
	}
	return append(units, crimeUnit{value: t, total: true})
}

// absorbAfter drops, after each stated total, the items right after it that
// add up to it exactly (共计3940元。1、…1424元…2、…1542元…), and after an
// item, a 分别 list right after it that adds up to it (索要1900元，…分三笔
// 分别转账500元、600元、800元: one sum paid in parts).
func absorbAfter(units []crimeUnit) []crimeUnit {
	out := make([]crimeUnit, 0, len(units))
	for i := 0; i < len(units); i++ {
		out = append(out, units[i])
		list := 0
		if !units[i].total {
			if i+1 == len(units) || units[i+1].list == 0 || units[i+1].list == units[i].list {
				continue
			}
			list = units[i+1].list
		}
		var run float64
		for j := i + 1; j < len(units) && !units[j].total && (list == 0 || units[j].list == list); j++ {
			run += units[j].value
			if near(run, units[i].value) {
				i = j
				break
			}
			if run > units[i].value {
				break
			}
		}
	}
	return out
}

// crimeTotal reports whether a total cue sits between the previous amount
// (or the start of the clause) and the amount at pos.
func crimeTotal(s string, pos int) bool {
	w := s[clauseBefore(s, pos, isClauseEnd):pos]
	if k := strings.LastIndex(w, "元"); k >= 0 {
		w = w[k:]
	}
	w = strings.ReplaceAll(w, "共同", "")
	return containsAny(w, crimeTotalCues...)
}
