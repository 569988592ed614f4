package nlp

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ErrNotNumber is returned when a string is not a number in any form that
// this package reads.
var ErrNotNumber = errors.New("not a number")

var digitValue = map[rune]int64{
	'零': 0, '〇': 0, '○': 0, 'O': 0,
	'一': 1, '壹': 1, '幺': 1,
	'二': 2, '贰': 2, '两': 2, '貳': 2,
	'三': 3, '叁': 3, '參': 3,
	'四': 4, '肆': 4,
	'五': 5, '伍': 5,
	'六': 6, '陆': 6, '陸': 6,
	'七': 7, '柒': 7,
	'八': 8, '捌': 8,
	'九': 9, '玖': 9,
}

var smallUnit = map[rune]int64{
	'十': 10, '拾': 10,
	'百': 100, '佰': 100,
	'千': 1000, '仟': 1000,
}

var bigUnit = map[rune]int64{
	'万': 1e4, '萬': 1e4,
	'亿': 1e8, '億': 1e8,
}

// IsNumeralRune reports whether r can be part of a Chinese or Arabic numeral
// read by ParseChineseInt.
func IsNumeralRune(r rune) bool {
	if r >= '0' && r <= '9' {
		return true
	}
	_, d := digitValue[r]
	_, s := smallUnit[r]
	_, b := bigUnit[r]
	return d || s || b
}

// ParseChineseInt reads a non-negative integer written in Chinese numerals
// (一百二十四, 一万五千, 两千零五, 壹仟贰佰), in Arabic digits (124), in a mix
// (1万5千, 3千) or as a digit-by-digit sequence (二〇二一). It returns
// ErrNotNumber for anything else, including overflow.
func ParseChineseInt(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("parse %q: %w", s, ErrNotNumber)
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		if n < 0 {
			return 0, fmt.Errorf("parse %q: %w", s, ErrNotNumber)
		}
		return n, nil
	}
	runes := []rune(s)
	// A sequence of digits without units (二〇二一, 一九九七) reads positionally.
	positional := len(runes) > 1
	for _, r := range runes {
		if _, ok := digitValue[r]; !ok && !(r >= '0' && r <= '9') {
			positional = false
			break
		}
	}
	if positional {
		var n int64
		for _, r := range runes {
			d, ok := digitValue[r]
			if !ok {
				d = int64(r - '0')
			}
			if n > (math.MaxInt64-9)/10 {
				return 0, fmt.Errorf("parse %q: %w", s, ErrNotNumber)
			}
			n = n*10 + d
		}
		return n, nil
	}

	var total, section, number int64
	haveNumber := false
	lastBig := int64(math.MaxInt64)
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		if r >= '0' && r <= '9' {
			j := i
			for j < len(runes) && runes[j] >= '0' && runes[j] <= '9' {
				j++
			}
			v, err := strconv.ParseInt(string(runes[i:j]), 10, 64)
			if err != nil {
				return 0, fmt.Errorf("parse %q: %w", s, ErrNotNumber)
			}
			number, haveNumber = v, true
			i = j - 1
			continue
		}
		if d, ok := digitValue[r]; ok {
			number, haveNumber = d, true
			continue
		}
		if u, ok := smallUnit[r]; ok {
			if !haveNumber {
				number = 1 // 十二 = 12
			}
			if number > math.MaxInt64/u {
				return 0, fmt.Errorf("parse %q: %w", s, ErrNotNumber)
			}
			section += number * u
			number, haveNumber = 0, false
			continue
		}
		if u, ok := bigUnit[r]; ok {
			section += number
			number, haveNumber = 0, false
			if section == 0 {
				section = 1
			}
			if u < lastBig {
				// 一亿五千万: the 万 applies to the section after 亿.
				if section > math.MaxInt64/u {
					return 0, fmt.Errorf("parse %q: %w", s, ErrNotNumber)
				}
				total += section * u
				lastBig = u
			} else {
				// 十万万 or 万亿: multiply everything so far.
				if (total + section) > math.MaxInt64/u {
					return 0, fmt.Errorf("parse %q: %w", s, ErrNotNumber)
				}
				total = (total + section) * u
				lastBig = u
			}
			section = 0
			continue
		}
		return 0, fmt.Errorf("parse %q: %w", s, ErrNotNumber)
	}
	// 一万五 / 三千五 colloquially mean 15000 / 3500: a trailing digit after a
	// unit takes the next lower unit.
	if haveNumber && len(runes) >= 2 {
		prev := runes[len(runes)-2]
		if u, ok := smallUnit[prev]; ok && u >= 100 {
			number *= u / 10
		} else if u, ok := bigUnit[prev]; ok {
			number *= u / 10
		}
	}
	return total + section + number, nil
}

// ParseChineseDecimal reads a number that may carry a fractional part:
// 十二点五, 12.5, 1.5, 三点一四. Integers are accepted too.
func ParseChineseDecimal(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if f, err := strconv.ParseFloat(s, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) && f >= 0 {
		return f, nil
	}
	intPart, fracPart, hasPoint := strings.Cut(s, "点")
	n, err := ParseChineseInt(intPart)
	if err != nil {
		return 0, err
	}
	if !hasPoint {
		return float64(n), nil
	}
	if fracPart == "" {
		return 0, fmt.Errorf("parse %q: %w", s, ErrNotNumber)
	}
	frac := 0.0
	scale := 0.1
	for _, r := range fracPart {
		d, ok := digitValue[r]
		if !ok {
			if r < '0' || r > '9' {
				return 0, fmt.Errorf("parse %q: %w", s, ErrNotNumber)
			}
			d = int64(r - '0')
		}
		frac += float64(d) * scale
		scale /= 10
	}
	return math.Round((float64(n)+frac)*1e9) / 1e9, nil
}

var cnDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// FormatChineseInt writes n in Chinese numerals the way statutes number
// articles: 10 → 十, 110 → 一百一十, 1005 → 一千零五, 15000 → 一万五千.
func FormatChineseInt(n int64) string {
	if n >= 0 && n < int64(len(smallChineseInts)) {
		return smallChineseInts[n]
	}
	return formatChineseInt(n)
}

// smallChineseInts are the numbers every analysis prints (articles,
// paragraphs, items), formatted once: labels are built per request.
var smallChineseInts = func() []string {
	out := make([]string, smallNumbers)
	for i := range out {
		out[i] = formatChineseInt(int64(i))
	}
	return out
}()

// smallNumbers bounds the precomputed numbers: above the longest code's
// article count (民法典 has 1,260 articles).
const smallNumbers = 2048

// formatChineseInt is FormatChineseInt without the table.
func formatChineseInt(n int64) string {
	if n < 0 {
		return "负" + formatChineseInt(-n)
	}
	if n == 0 {
		return "零"
	}
	var parts []string
	big := []struct {
		v    int64
		name string
	}{{1e8, "亿"}, {1e4, "万"}, {1, ""}}
	needZero := false
	started := false
	for _, b := range big {
		sec := n / b.v
		n %= b.v
		if sec == 0 {
			if started {
				needZero = true
			}
			continue
		}
		if started && (needZero || sec < 1000) {
			parts = append(parts, "零")
		}
		parts = append(parts, formatSection(sec, !started)+b.name)
		started = true
		needZero = false
	}
	return strings.Join(parts, "")
}

// formatSection formats 1..9999; leading says whether it starts the number,
// where 十 stands without 一 (十二 rather than 一十二).
func formatSection(n int64, leading bool) string {
	if n >= 1e4 {
		// Only reached for the 亿 section above 9999.
		return formatChineseInt(n)
	}
	units := []struct {
		v    int64
		name string
	}{{1000, "千"}, {100, "百"}, {10, "十"}, {1, ""}}
	var b strings.Builder
	zero := false
	started := false
	for _, u := range units {
		d := n / u.v
		n %= u.v
		if d == 0 {
			if started {
				zero = true
			}
			continue
		}
		if zero {
			b.WriteString("零")
			zero = false
		}
		if !(u.v == 10 && d == 1 && !started && leading) {
			b.WriteString(cnDigits[d])
		}
		b.WriteString(u.name)
		started = true
	}
	return b.String()
}

// ArticleLabel formats an article number as statutes print it:
// ArticleLabel(133, 1) = "第一百三十三条之一".
func ArticleLabel(number, suffix int) string {
	if suffix == 0 && number >= 0 && number < len(articleLabels) {
		return articleLabels[number]
	}
	s := "第" + FormatChineseInt(int64(number)) + "条"
	if suffix > 0 {
		s += "之" + FormatChineseInt(int64(suffix))
	}
	return s
}

// articleLabels are ArticleLabel(n, 0) for the small numbers.
var articleLabels = func() []string {
	out := make([]string, smallNumbers)
	for i := range out {
		out[i] = "第" + smallChineseInts[i] + "条"
	}
	return out
}()

// ParseArticleLabel reads 第一百三十三条之一, 第133条之一, 第124条 or 一百二十四
// into an article number and its 之 suffix (0 when none).
func ParseArticleLabel(s string) (number, suffix int, err error) {
	s = strings.TrimSpace(NormalizeText(s))
	s = strings.TrimPrefix(s, "第")
	main, rest, found := strings.Cut(s, "条")
	if !found {
		main, rest = s, ""
	}
	n, err := ParseChineseInt(main)
	if err != nil || n <= 0 || n > 1e6 {
		return 0, 0, fmt.Errorf("article %q: %w", s, ErrNotNumber)
	}
	if rest != "" {
		if !strings.HasPrefix(rest, "之") {
			return 0, 0, fmt.Errorf("article %q: %w", s, ErrNotNumber)
		}
		x, err := ParseChineseInt(strings.TrimPrefix(rest, "之"))
		if err != nil || x <= 0 || x > 1000 {
			return 0, 0, fmt.Errorf("article %q: %w", s, ErrNotNumber)
		}
		suffix = int(x)
	}
	return int(n), suffix, nil
}

// ParseAmount reads a money amount in yuan: 1.5万元, 一万五千元, 8000元,
// 3亿元, 十二点五万元, 一亿五千万元, 5,000元. The unit may be omitted (then yuan).
func ParseAmount(s string) (float64, error) {
	s = strings.TrimSpace(NormalizeText(s))
	s = strings.ReplaceAll(s, ",", "")
	s = strings.TrimPrefix(s, "人民币")
	s = strings.TrimSuffix(s, "元")
	// 五万余元, 三千多元, 50余万元, 2000多万元 state at least the figure.
	for _, u := range []string{"万", "亿"} {
		s = strings.Replace(s, "余"+u, u, 1)
		s = strings.Replace(s, "多"+u, u, 1)
	}
	if head, ok := strings.CutSuffix(s, "余"); ok {
		s = head
	} else if head, ok := strings.CutSuffix(s, "多"); ok {
		s = head
	}
	// A decimal before a trailing 万/亿 (1.5万, 十二点五万) scales; otherwise
	// the units are part of the integer (一亿五千万) and ParseChineseInt
	// reads them.
	for _, u := range []struct {
		suffix string
		scale  float64
	}{{"亿", 1e8}, {"万", 1e4}, {"千", 1e3}} {
		head, ok := strings.CutSuffix(s, u.suffix)
		if !ok || strings.ContainsAny(head, "万亿萬億") {
			continue
		}
		if v, err := ParseChineseDecimal(head); err == nil {
			return math.Round(v*u.scale*100) / 100, nil
		}
	}
	v, err := ParseChineseDecimal(s)
	if err != nil {
		return 0, fmt.Errorf("amount: %w", err)
	}
	return math.Round(v*100) / 100, nil
}
