package redact

import (
	"strings"
	"time"
	"unicode/utf8"
)

// provinces are the first two digits of 公民身份号码 (GB/T 2260 provinces,
// 71 台湾, 81 香港, 82 澳门, 83 for Taiwan residents' permits).
var provinces = map[string]bool{
	"11": true, "12": true, "13": true, "14": true, "15": true,
	"21": true, "22": true, "23": true,
	"31": true, "32": true, "33": true, "34": true, "35": true, "36": true, "37": true,
	"41": true, "42": true, "43": true, "44": true, "45": true, "46": true,
	"50": true, "51": true, "52": true, "53": true, "54": true,
	"61": true, "62": true, "63": true, "64": true, "65": true,
	"71": true, "81": true, "82": true, "83": true,
}

// validDate checks a YYYYMMDD birth date.
func validDate(s string) bool {
	d, err := time.Parse("20060102", s)
	return err == nil && d.Year() >= 1900 && d.Format("20060102") == s
}

// validID18 checks an 18-character 公民身份号码 (GB 11643-1999): region,
// birth date and the ISO 7064 MOD 11-2 check character.
func validID18(s string) bool {
	if len(s) != 18 || !provinces[s[:2]] || !validDate(s[6:14]) {
		return false
	}
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		c := s[i]
		if c < '0' || c > '9' {
			return false
		}
		sum += int(c-'0') * w
	}
	return s[17] == "10X98765432"[sum%11]
}

// validID15 checks the old 15-digit number (before 1999): region and a
// 19YYMMDD birth date; it has no check digit.
func validID15(s string) bool {
	return len(s) == 15 && provinces[s[:2]] && validDate("19"+s[6:12])
}

// usccChars are the characters of a 统一社会信用代码 (GB 32100-2015), in the
// order of their values (no I, O, S, V, Z).
const usccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// validUSCC checks the check character of an 18-character 统一社会信用代码
// (GB 32100-2015: weights 3^i mod 31, check = 31 − sum mod 31).
func validUSCC(s string) bool {
	if len(s) != 18 {
		return false
	}
	sum, w := 0, 1
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(usccChars, s[i])
		if v < 0 {
			return false
		}
		sum += v * w
		w = w * 3 % 31
	}
	c := (31 - sum%31) % 31
	return s[17] == usccChars[c]
}

// labelKind is what the words just before a number say it is.
type labelKind int

const (
	labelNone labelKind = iota
	labelID
	labelUSCC
	labelPhone
	labelBank
	labelInvoice
)

// labels are the words that name a number, per kind.
var labels = []struct {
	kind  labelKind
	words []string
}{
	{labelID, []string{"身份证", "公民身份号码", "身份号码", "证件号"}},
	{labelUSCC, []string{"统一社会信用代码", "信用代码", "注册号", "营业执照"}},
	{labelPhone, []string{"电话", "手机", "联系方式", "座机", "传真", "联系号码", "tel", "Tel", "TEL", "电 话"}},
	{labelBank, []string{"账号", "帐号", "卡号", "账户", "帐户", "开户", "银行卡"}},
	{labelInvoice, []string{"发票", "单号", "编号", "批号", "文号"}},
}

// labelWindow is how many characters before a number are read for a label.
const labelWindow = 12

// labelBefore returns the kind of the label nearest before i within the
// same clause.
func labelBefore(text string, i int) labelKind {
	start, n := i, 0
	for start > 0 && n < labelWindow {
		r, size := utf8.DecodeLastRuneInString(text[:start])
		if r == '。' || r == '；' || r == ';' || r == '\n' {
			break
		}
		start -= size
		n++
	}
	window := text[start:i]
	best, bestAt := labelNone, -1
	for _, l := range labels {
		for _, w := range l.words {
			if at := strings.LastIndex(window, w); at >= 0 && at+len(w) > bestAt {
				best, bestAt = l.kind, at+len(w)
			}
		}
	}
	return best
}
