package redact

import (
	"strings"
	"unicode/utf8"
)

// A number in text may be written with full-width digits and split into
// groups by spaces, dashes or parentheses ("138 1234 5678",
// "０７５５－８８８８６６６６", "110101 19900307 123X"). numbers reads each
// such run of digit groups and classifies consecutive groups, longest first,
// as an ID number, a phone number or a bank account; other numbers (amounts,
// dates, case numbers, 统一社会信用代码) are left alone.

// group is one unbroken string of digits, folded to ASCII, with its byte
// span; a trailing check character X is kept as 'X'.
type group struct {
	digits     string
	start, end int
	// dash: the separator before this group was a dash.
	dash bool
}

// digitValue folds ASCII and full-width digits.
func digitValue(r rune) (byte, bool) {
	switch {
	case r >= '0' && r <= '9':
		return byte(r), true
	case r >= '０' && r <= '９':
		return byte('0' + r - '０'), true
	}
	return 0, false
}

func isLetter(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 'ａ' && r <= 'ｚ' || r >= 'Ａ' && r <= 'Ｚ'
}

func isX(r rune) bool { return r == 'X' || r == 'x' || r == 'Ｘ' || r == 'ｘ' }

func isDash(r rune) bool {
	return r == '-' || r == '－' || r == '‐' || r == '‑' || r == '–' || r == '—' || r == '﹣'
}

func isSep(r rune) bool {
	return r == ' ' || r == '\u3000' || r == '\u00a0' || r == '\t' || isDash(r) ||
		r == '(' || r == ')' || r == '（' || r == '）'
}

// maxSepRunes is the most separator characters between two groups of one
// number ("0755 - 8888").
const maxSepRunes = 3

// numbers finds ID, phone and bank numbers.
func numbers(text string) []Span {
	var out []Span
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if _, ok := digitValue(r); !ok {
			i += size
			continue
		}
		groups, end, alnum := readRun(text, i)
		if !alnum && !letterBefore(text, i) {
			out = append(out, classifyRun(text, groups)...)
		} else if !validUSCC(foldCode(text[codeStart(text, i):end])) {
			// Digits glued to letters are a code (苏A12345, a model
			// number), unless a whole group is an ID or a mobile number
			// by its own check: "ID110101199003071233", "Tel13812345678".
			out = append(out, gluedNumbers(text, groups)...)
		}
		i = end
	}
	return out
}

// codeStart walks back from i over the letters and digits of a code.
func codeStart(text string, i int) int {
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if _, digit := digitValue(r); !digit && !isLetter(r) {
			break
		}
		i -= size
	}
	return i
}

// foldCode writes a code's letters and digits in upper-case ASCII.
func foldCode(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ':
			r -= '０' - '0'
		case r >= 'ａ' && r <= 'ｚ':
			r -= 'ａ' - 'A'
		case r >= 'a' && r <= 'z':
			r -= 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// gluedNumbers finds, among the groups of a code, those that are an ID
// number by its check character or exactly a mobile number.
func gluedNumbers(text string, groups []group) []Span {
	var out []Span
	for _, g := range groups {
		switch {
		case validID18(g.digits):
			out = append(out, span(text, KindIDNumber, g.start, g.end))
		case isMobile(g.digits, false) && !unitAfter(text, g.end):
			out = append(out, span(text, KindPhone, g.start, g.end))
		}
	}
	return out
}

// letterBefore reports a Latin letter just before i: the digits are part of
// a code such as 91350100M000100Y43 or 苏A12345.
func letterBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return isLetter(r)
}

// readRun reads the digit groups starting at i and returns them, the end of
// the run, and whether letters are part of it (a code, not a number).
func readRun(text string, i int) (groups []group, end int, alnum bool) {
	dash := false
	for {
		g := group{start: i, dash: dash}
		var b strings.Builder
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			d, ok := digitValue(r)
			if !ok {
				break
			}
			b.WriteByte(d)
			i += size
		}
		g.digits, g.end = b.String(), i
		// A trailing X is a check character only when no letter or digit
		// follows it.
		if r, size := utf8.DecodeRuneInString(text[i:]); i < len(text) && isX(r) {
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			if _, digit := digitValue(next); !isLetter(next) && !digit {
				g.digits += "X"
				i += size
				g.end = i
			}
		}
		groups = append(groups, g)
		if r, _ := utf8.DecodeRuneInString(text[i:]); i < len(text) && isLetter(r) {
			// Letters glued to the digits: skip the whole code.
			for i < len(text) {
				r, size := utf8.DecodeRuneInString(text[i:])
				if _, digit := digitValue(r); !digit && !isLetter(r) {
					break
				}
				i += size
			}
			return groups, i, true
		}
		// Separators, then more digits?
		j, n := i, 0
		dash = false
		for j < len(text) && n < maxSepRunes {
			r, size := utf8.DecodeRuneInString(text[j:])
			if !isSep(r) {
				break
			}
			dash = dash || isDash(r)
			j += size
			n++
		}
		r, _ := utf8.DecodeRuneInString(text[j:])
		if _, digit := digitValue(r); j == i || j >= len(text) || !digit {
			return groups, i, false
		}
		i = j
	}
}

// maxGroups is the most groups one number is written in (an 18-character
// ID as 6+4+4+4, a card as 4+4+4+4+3, a phone with code and extension);
// it also keeps a hostile run of thousands of groups linear.
const maxGroups = 8

// classifyRun splits a run into numbers, longest first from the left.
func classifyRun(text string, groups []group) []Span {
	var out []Span
	for i := 0; i < len(groups); {
		matched := false
		start := groups[i].start
		if i == 0 {
			start = plusBefore(text, start)
		}
		label := labelBefore(text, start)
		for j := min(len(groups), i+maxGroups); j > i; j-- {
			var b strings.Builder
			for _, g := range groups[i:j] {
				b.WriteString(g.digits)
			}
			kind, keep := classify(b.String(), start != groups[i].start, label)
			if kind == "" && !keep {
				continue
			}
			end := groups[j-1].end
			if (kind == KindPhone || kind == KindBank) && unitAfter(text, end) {
				// An amount or a quantity (13000000000元), not a number
				// of a person.
				kind = ""
			}
			if kind == KindPhone {
				var used int
				end, used = extension(text, end, groups[j:])
				j += used
			}
			if kind != "" {
				out = append(out, span(text, kind, openParen(text, start, end), end))
			}
			i, matched = j, true
			break
		}
		if !matched {
			i++
		}
	}
	return out
}

// units after a number make it an amount or a quantity.
const units = "元万亿%‰吨箱件个次份克斤"

func unitAfter(text string, end int) bool {
	r, _ := utf8.DecodeRuneInString(text[end:])
	return end < len(text) && strings.ContainsRune(units, r)
}

// openParen takes the opening parenthesis of an area code into a span that
// holds its closing one: "（0755）88886666" is replaced whole.
func openParen(text string, start, end int) int {
	r, size := utf8.DecodeLastRuneInString(text[:start])
	if (r == '(' || r == '（') && strings.ContainsAny(text[start:end], ")）") {
		return start - size
	}
	return start
}

// plusBefore includes a leading + (international prefix) in the span.
func plusBefore(text string, i int) int {
	r, size := utf8.DecodeLastRuneInString(text[:i])
	if r == '+' || r == '＋' {
		return i - size
	}
	return i
}

// extension extends a phone number over its extension: a dash-separated
// group of up to 5 digits, or 转/分机/ext followed by digits.
func extension(text string, end int, rest []group) (int, int) {
	if len(rest) > 0 && rest[0].dash && len(rest[0].digits) <= 5 && !strings.HasSuffix(rest[0].digits, "X") {
		return rest[0].end, 1
	}
	tail := text[end:]
	for _, w := range []string{"转", "分机", "ext.", "ext", "EXT", "-转"} {
		if after, ok := strings.CutPrefix(tail, w); ok {
			n := 0
			for n < len(after) && n < 5 && after[n] >= '0' && after[n] <= '9' {
				n++
			}
			if n > 0 {
				return end + len(w) + n, 0
			}
		}
	}
	return end, 0
}

// classify says what a number is; keep is true for a number that is known
// not to be personal (a 统一社会信用代码), so that no part of it is taken
// for something else. plus: written with a leading +.
func classify(s string, plus bool, label labelKind) (kind Kind, keep bool) {
	if strings.Contains(s[:len(s)-1], "X") {
		return "", false
	}
	hasX := strings.HasSuffix(s, "X")
	switch len(s) {
	case 18:
		id, uscc := validID18(s), validUSCC(s)
		switch {
		case uscc && (label == labelUSCC || !id):
			return "", true
		case id || label == labelID:
			return KindIDNumber, false
		}
	case 15:
		if !hasX && (validID15(s) || label == labelID) {
			return KindIDNumber, false
		}
	}
	if hasX {
		return "", false
	}
	// A mobile number is personal whatever the words before it say.
	if isMobile(s, plus) {
		return KindPhone, false
	}
	if label == labelInvoice || label == labelUSCC {
		return "", false
	}
	if len(s) >= 10 && len(s) <= 12 && s[0] == '0' && s[1] != '0' {
		return KindPhone, false
	}
	if label == labelPhone && (len(s) == 7 || len(s) == 8) && s[0] != '0' {
		return KindPhone, false
	}
	if label == labelBank && len(s) >= 8 && len(s) <= 30 {
		return KindBank, false
	}
	if len(s) >= 16 && len(s) <= 19 && s[0] != '0' && luhn(s) {
		return KindBank, false
	}
	return "", false
}

// isMobile: 1[3-9] and 9 digits, with an optional 86 / 0086 country code.
func isMobile(s string, plus bool) bool {
	switch {
	case len(s) == 13 && strings.HasPrefix(s, "86"):
		s = s[2:]
	case len(s) == 15 && strings.HasPrefix(s, "0086"):
		s = s[4:]
	}
	_ = plus // +138…: written as international, still a mobile
	return len(s) == 11 && s[0] == '1' && s[1] >= '3' && s[1] <= '9'
}

// luhn is the ISO/IEC 7812 check that bank card numbers carry.
func luhn(s string) bool {
	sum := 0
	for i := 0; i < len(s); i++ {
		d := int(s[len(s)-1-i] - '0')
		if i%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}
