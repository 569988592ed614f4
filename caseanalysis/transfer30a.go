package caseanalysis

import (
	"regexp"
	"slices"
	"strings"

	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// The thirtieth round's readings of the facts for the transfer thresholds
// (issue 12, transfer30a): one month of wages named alone (4月份应发工资),
// child workers listed each with a birth date, invoices made on a printer
// and counted as sold.

// wageMonthRe finds one month of wages named (4月份应发两人工资, 三月份的
// 工钱): monthListRe reads months listed two or more.
var wageMonthRe = regexp.MustCompile(`([0-9]{1,2}|[一二三四五六七八九十]{1,3})月份?(?:的|应发|应付|[^，。；,;至到、和及与0-9月]{0,8}?)(?:工资|劳动报酬|工钱|薪酬|薪水)`)

// transfer30aReadings sets the measures the thirtieth round's blind
// transfer batch found told in these ways.
func transfer30aReadings(norm string, m map[string]float64) {
	if _, ok := m[rules.MeasureMonthsOwed]; !ok && owesWages(norm) {
		if n := namedWageMonth(norm); n > 0 {
			m[rules.MeasureMonthsOwed] = n
		}
	}
}

// namedWageMonth reads the one month of wages a text names when it gives
// neither a count, a span nor a list: 1, or 0 when a month closes a span
// (1月份至3月份的工资, 9-12月工资), another month is named with the wages
// or the month's wages are told paid.
func namedWageMonth(norm string) float64 {
	months := map[string]bool{}
	for _, loc := range wageMonthRe.FindAllStringSubmatchIndex(norm, -1) {
		for _, w := range [...]string{"至", "到", "-", "~", "—", "、", "和", "及", "与"} {
			if strings.HasSuffix(strings.TrimRight(norm[:loc[2]], "0123456789年月份"), w) {
				return 0
			}
		}
		if nlp.Negated(norm, loc[2]) || paidLater(norm[loc[1]:]) {
			continue
		}
		months[norm[loc[2]:loc[3]]] = true
	}
	if len(months) != 1 {
		return 0
	}
	return 1
}

// birthsUnder16 counts the birth dates that put someone under sixteen on
// the act's first day: a unit's workers listed each with a birth date
// (四人分别为：向某，2010年5月出生；武某，2010年11月出生……), the first of
// which the extraction took for the party's age. Only where a unit hires
// (unitWorkerUnder16 asks it first): a unit has no birth date of its own.
func birthsUnder16(x nlp.Extraction) float64 {
	i := slices.IndexFunc(x.Dates, func(d nlp.Date) bool { return d.Role == nlp.DateAct })
	if i < 0 {
		return 0
	}
	n := 0.0
	for _, d := range x.Dates {
		if d.Role != nlp.DateBirth {
			continue
		}
		if a, ok := nlp.AgeOn([]nlp.Date{d}, x.Dates[i].Value); ok && a < 16 {
			n++
		}
	}
	return n
}
