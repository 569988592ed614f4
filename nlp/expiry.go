package nlp

import (
	"strings"
	"time"
	"unicode/utf8"
)

// expiryMarkers are the ways officers write the last day of a shelf life
// or a period of use (保质期至2024年9月30日, 使用期限到2025-03-01), with
// the statement that the day has passed in the words the catalog's cues use.
var expiryMarkers = [...]struct{ marker, passed, after string }{
	{"保质期至", "已过保质期", ""}, {"保质期到", "已过保质期", ""}, {"保质期截至", "已过保质期", ""}, {"保质期截止", "已过保质期", ""},
	{"保质期限至", "已过保质期", ""}, {"保质期为至", "已过保质期", ""}, {"保质到期日为", "已过保质期", ""},
	{"使用期限至", "已超过使用期限", ""}, {"使用期限到", "已超过使用期限", ""}, {"使用期限截至", "已超过使用期限", ""},
	{"有效期至", "已超过有效期", ""}, {"有效期到", "已超过有效期", ""}, {"有效期截至", "已超过有效期", ""}, {"有效期截止", "已超过有效期", ""},
	// A special-equipment certificate's next inspection day (下次检验日期为2024年4月).
	{"下次检验日期", "超过检验有效期", ""}, {"下次检验时间", "超过检验有效期", ""}, {"检验有效期至", "超过检验有效期", ""},
	// A cosmetic's 限期使用日期 (限期使用日期是2024年10月); a device's 失效日期.
	{"限期使用日期", "已超过使用期限", ""}, {"失效日期", "已过期", ""},
	// A best-before written as an instruction on the pack (请于2025.05.06前食用):
	// the day counts only when the instruction follows it.
	{"请于", "已过保质期", "前食用"}, {"请在", "已过保质期", "前食用"}, {"请于", "已过保质期", "前饮用"},
	// The imported pack's code (EXP 08/2024, EXP:2025-03-31, Exp. 2024.10):
	// the kind of goods is not said, so the statement is the plain 已过期.
	{"EXP", "已过期", ""}, {"Exp", "已过期", ""}, {"exp", "已过期", ""},
}

// ExpiryPassed reads, from normalised text, a shelf life or period of use
// given as its last day (外箱喷码显示保质期至2024年9月30日) together with a
// later full date elsewhere in the text (the inspection's, 2024年10月12日检查):
// the goods had expired when found, though the text never says 过期. It
// returns the statement in the catalog's words (已过保质期, 已超过使用期限,
// 已超过有效期), or "" when no such pair is written. Dates are compared as
// written (年月日, or - . / separated); a last day without its day of the
// month is the month's end. The last day may also be a production day plus
// a shelf life (生产日期2024年3月5日、保质期6个月), and the later date a
// month without its day. The cost is a few substring tests for texts
// without 生产日期, 期至, 期到, 期截, 到期日, 期限, 检验日期, 检验时间, 前食用,
// 前饮用, 失效日期 or 使用日期 (nearly all).
func ExpiryPassed(norm string) string {
	hasShelf := Contains(norm, "生产日期")
	if !hasShelf && !Contains(norm, "期至") && !Contains(norm, "期到") && !Contains(norm, "期截") &&
		!Contains(norm, "到期日") && !Contains(norm, "期限") && !Contains(norm, "检验日期") &&
		!Contains(norm, "检验时间") && !Contains(norm, "前食用") && !Contains(norm, "前饮用") &&
		!Contains(norm, "失效日期") && !Contains(norm, "使用日期") && !hasExpCode(norm) {
		return ""
	}
	var passed string
	last, lastAt, lastEnd := 0, -1, -1
	// 生产日期2024年3月5日、保质期6个月: the last day is the production day
	// plus the shelf life.
	if hasShelf {
		if day, at, end, ok := shelfLifeEnd(norm); ok {
			passed, last, lastAt, lastEnd = "已过保质期", day, at, end
		}
	}
	for _, m := range expiryMarkers {
		i := Index(norm, m.marker)
		if i < 0 {
			continue
		}
		at := skipWords(norm, i+len(m.marker), "于", "为", "是", ".", ":", " ")
		day, end, ok := readDay(norm, at, true)
		if !ok {
			day, end, ok = readMonthYear(norm, at)
		}
		if !ok || m.after != "" && !strings.HasPrefix(norm[end:], m.after) {
			continue
		}
		if lastAt < 0 || i < lastAt {
			passed, last, lastAt, lastEnd = m.passed, day, at, end
		}
	}
	if lastAt < 0 {
		return ""
	}
	// A later full date anywhere else (the day the goods were found), or a
	// later month without its day (至2024年8月仍在运行) when the whole month
	// is later. A full date that is not later holds no later month either
	// (its own month is earlier still), so the scan goes on after it.
	for i := 0; i+4 <= len(norm); i++ {
		if i >= lastAt && i < lastEnd || !isASCIIDigit(norm[i]) || i > 0 && isASCIIDigit(norm[i-1]) {
			continue
		}
		day, end, ok := readDay(norm, i, false)
		if !ok {
			if y, mo, q, word, ok := readYearMonth(norm, i); ok && word && strings.HasPrefix(norm[q:], "月") && (y*100+mo)*100 > last {
				return passed
			}
			continue
		}
		if day > last {
			return passed
		}
		i = end - 1
	}
	return ""
}

// hasExpCode says whether an imported pack's expiry code (EXP, Exp, exp)
// is written: the marker followed by a digit after at most a dot, a colon
// and a space, so that a word like EXPRESS is no expiry code.
func hasExpCode(norm string) bool {
	for _, m := range [...]string{"EXP", "Exp", "exp"} {
		i := Index(norm, m)
		if i < 0 {
			continue
		}
		at := skipWords(norm, i+len(m), ".", ":", " ")
		if at < len(norm) && isASCIIDigit(norm[at]) {
			return true
		}
	}
	return false
}

// readMonthYear reads a month and its year written month first (08/2024,
// 08-2024, 08.2024), the way imported packs print an expiry, as the
// month's last day in yyyymmdd with the offset after the year.
func readMonthYear(s string, at int) (day, end int, ok bool) {
	mo, n := readDigits(s, at, 2)
	if n == 0 || mo < 1 || mo > 12 {
		return 0, 0, false
	}
	p, ok := dateSep(s, at+n, "/")
	if !ok || p == at+n {
		return 0, 0, false
	}
	y, n := readDigits(s, p, 4)
	if n != 4 || y < 1990 || y > 2100 {
		return 0, 0, false
	}
	return y*10000 + mo*100 + 31, p + n, true
}

// skipWords steps over each of words in turn at s[at:] where it is written
// there (保质期为6个月, 有效期至 2024年), returning the offset after them.
func skipWords(s string, at int, words ...string) int {
	for _, w := range words {
		if strings.HasPrefix(s[at:], w) {
			at += len(w)
		}
	}
	return at
}

// shelfLifeFillers may stand between 生产日期 or 保质期 and what it gives
// (生产日期为2024年3月5日, 保质期：6个月).
var shelfLifeFillers = []string{"为", "是", ":", "：", " "}

// shelfLifeEnd reads a production day and a shelf life given as a period
// (生产日期2024年3月5日、保质期6个月 / 保质期180天 / 保质期十二个月) and
// returns the last day as yyyymmdd with the span of the production day.
func shelfLifeEnd(norm string) (day, at, end int, ok bool) {
	i := Index(norm, "生产日期")
	if i < 0 {
		return 0, 0, 0, false
	}
	at = skipWords(norm, i+len("生产日期"), shelfLifeFillers...)
	d, end, ok := readDay(norm, at, false)
	if !ok {
		return 0, 0, 0, false
	}
	j := Index(norm, "保质期")
	if j < 0 {
		return 0, 0, 0, false
	}
	p := skipWords(norm, j+len("保质期"), shelfLifeFillers...)
	n, p, ok := readCount(norm, p)
	if !ok || n == 0 {
		return 0, 0, 0, false
	}
	t := time.Date(d/10000, time.Month(d/100%100), d%100, 0, 0, 0, 0, time.UTC)
	switch {
	case strings.HasPrefix(norm[p:], "个月"), strings.HasPrefix(norm[p:], "月"):
		t = t.AddDate(0, n, -1)
	case strings.HasPrefix(norm[p:], "天"), strings.HasPrefix(norm[p:], "日"):
		t = t.AddDate(0, 0, n-1)
	case strings.HasPrefix(norm[p:], "年"):
		t = t.AddDate(n, 0, -1)
	default:
		return 0, 0, 0, false
	}
	return t.Year()*10000 + int(t.Month())*100 + t.Day(), at, end, true
}

// readCount reads a small count in digits or Chinese numerals (6, 180,
// 六, 十二, 两, 一百八十) at s[at:], returning it and the offset after it:
// the run of numeral runes, read by ParseChineseInt. A count above 9999 is
// no shelf life (nor, in digits, was it ever read as one).
func readCount(s string, at int) (int, int, bool) {
	end := at
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !IsNumeralRune(r) {
			break
		}
		end += size
	}
	v, err := ParseChineseInt(s[at:end])
	if err != nil || v > 9999 {
		return 0, at, false
	}
	return int(v), end, true
}

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

// readDay reads a date at s[at:] as yyyymmdd: a four-digit year, then the
// month and the day, separated by 年 月 日 or one of - . /. monthEnd lets
// the day be missing (保质期至2024年9月), read as the month's last day;
// otherwise the day is required.
func readDay(s string, at int, monthEnd bool) (day, end int, ok bool) {
	y, mo, q, _, ok := readYearMonth(s, at)
	if !ok {
		return 0, 0, false
	}
	p, ok := dateSep(s, q, "月")
	if !ok {
		if !monthEnd {
			return 0, 0, false
		}
		return y*10000 + mo*100 + 31, q, true
	}
	d, n := readDigits(s, p, 2)
	if n == 0 || d < 1 || d > 31 {
		if !monthEnd || !strings.HasSuffix(s[:p], "月") {
			return 0, 0, false
		}
		return y*10000 + mo*100 + 31, p, true
	}
	end = p + n
	if strings.HasPrefix(s[end:], "日") {
		end += len("日")
	}
	return y*10000 + mo*100 + d, end, true
}

// readYearMonth reads a four-digit year and its month at s[at:] (2024年8,
// 2024-08): both, the offset after the month's digits, and whether 年
// (rather than - . /) separated them. readDay and ExpiryPassed's month
// without its day share it.
func readYearMonth(s string, at int) (y, mo, end int, word, ok bool) {
	y, n := readDigits(s, at, 4)
	if n != 4 || y < 1990 || y > 2100 {
		return 0, 0, 0, false, false
	}
	word = strings.HasPrefix(s[at+n:], "年")
	p, ok := dateSep(s, at+n, "年")
	if !ok {
		return 0, 0, 0, false, false
	}
	mo, n = readDigits(s, p, 2)
	if n == 0 || mo < 1 || mo > 12 {
		return 0, 0, 0, false, false
	}
	return y, mo, p + n, word, true
}

// readDigits reads at most max ASCII digits at s[p:]: their value and count.
func readDigits(s string, p, max int) (v, n int) {
	for p+n < len(s) && n < max && isASCIIDigit(s[p+n]) {
		v = v*10 + int(s[p+n]-'0')
		n++
	}
	return v, n
}

// dateSep steps over a date's separator at s[p:]: word (年, 月) or one of
// - . /.
func dateSep(s string, p int, word string) (int, bool) {
	switch {
	case strings.HasPrefix(s[p:], word):
		return p + len(word), true
	case p < len(s) && (s[p] == '-' || s[p] == '.' || s[p] == '/'):
		return p + 1, true
	}
	return p, false
}
