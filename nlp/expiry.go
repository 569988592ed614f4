package nlp

import "strings"

// expiryMarkers are the ways officers write the last day of a shelf life
// or a period of use (保质期至2024年9月30日, 使用期限到2025-03-01), with
// the statement that the day has passed in the words the catalog's cues use.
var expiryMarkers = [...]struct{ marker, passed string }{
	{"保质期至", "已过保质期"}, {"保质期到", "已过保质期"}, {"保质期截至", "已过保质期"}, {"保质期截止", "已过保质期"},
	{"保质期限至", "已过保质期"}, {"保质期为至", "已过保质期"}, {"保质到期日为", "已过保质期"},
	{"使用期限至", "已超过使用期限"}, {"使用期限到", "已超过使用期限"}, {"使用期限截至", "已超过使用期限"},
	{"有效期至", "已超过有效期"}, {"有效期到", "已超过有效期"}, {"有效期截至", "已超过有效期"}, {"有效期截止", "已超过有效期"},
}

// ExpiryPassed reads, from normalised text, a shelf life or period of use
// given as its last day (外箱喷码显示保质期至2024年9月30日) together with a
// later full date elsewhere in the text (the inspection's, 2024年10月12日检查):
// the goods had expired when found, though the text never says 过期. It
// returns the statement in the catalog's words (已过保质期, 已超过使用期限,
// 已超过有效期), or "" when no such pair is written. Dates are compared as
// written (年月日, or - . / separated); a last day without its day of the
// month is the month's end. The cost is a few substring tests for texts
// without 期至, 期到, 期截, 到期日 or 期限 (nearly all).
func ExpiryPassed(norm string) string {
	if !strings.Contains(norm, "期至") && !strings.Contains(norm, "期到") && !strings.Contains(norm, "期截") &&
		!strings.Contains(norm, "到期日") && !strings.Contains(norm, "期限") {
		return ""
	}
	var passed string
	last, lastAt, lastEnd := 0, -1, -1
	for _, m := range expiryMarkers {
		i := strings.Index(norm, m.marker)
		if i < 0 {
			continue
		}
		at := i + len(m.marker)
		for _, skip := range [...]string{"于", "为", " "} {
			if strings.HasPrefix(norm[at:], skip) {
				at += len(skip)
			}
		}
		day, end, ok := readDay(norm, at, true)
		if !ok {
			continue
		}
		if lastAt < 0 || i < lastAt {
			passed, last, lastAt, lastEnd = m.passed, day, at, end
		}
	}
	if lastAt < 0 {
		return ""
	}
	// A later full date anywhere else: the day the goods were found.
	for i := 0; i+4 <= len(norm); i++ {
		if i >= lastAt && i < lastEnd || !isASCIIDigit(norm[i]) || i > 0 && isASCIIDigit(norm[i-1]) {
			continue
		}
		day, end, ok := readDay(norm, i, false)
		if !ok {
			continue
		}
		if day > last {
			return passed
		}
		i = end - 1
	}
	return ""
}

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

// readDay reads a date at s[at:] as yyyymmdd: a four-digit year, then the
// month and the day, separated by 年 月 日 or one of - . /. monthEnd lets
// the day be missing (保质期至2024年9月), read as the month's last day;
// otherwise the day is required.
func readDay(s string, at int, monthEnd bool) (day, end int, ok bool) {
	num := func(p, max int) (int, int) {
		v, n := 0, 0
		for p+n < len(s) && n < max && isASCIIDigit(s[p+n]) {
			v = v*10 + int(s[p+n]-'0')
			n++
		}
		return v, n
	}
	sep := func(p int, word string) (int, bool) {
		switch {
		case strings.HasPrefix(s[p:], word):
			return p + len(word), true
		case p < len(s) && (s[p] == '-' || s[p] == '.' || s[p] == '/'):
			return p + 1, true
		}
		return p, false
	}
	y, n := num(at, 4)
	if n != 4 || y < 1990 || y > 2100 {
		return 0, 0, false
	}
	p, ok := sep(at+n, "年")
	if !ok {
		return 0, 0, false
	}
	mo, n := num(p, 2)
	if n == 0 || mo < 1 || mo > 12 {
		return 0, 0, false
	}
	q := p + n
	p, ok = sep(q, "月")
	if !ok {
		if !monthEnd {
			return 0, 0, false
		}
		return y*10000 + mo*100 + 31, q, true
	}
	d, n := num(p, 2)
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
