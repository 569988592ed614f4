package documents

import (
	"fmt"
	"math"
	"strings"
)

// yuan writes an amount as ¥200,000.00, the figure form decisions put
// after the amount in words.
func yuan(v float64) string {
	cents := int64(math.Round(v * 100))
	s := fmt.Sprintf("%d", cents/100)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return fmt.Sprintf("¥%s.%02d", b.String(), cents%100)
}

var (
	upperDigits = []rune("零壹贰叁肆伍陆柒捌玖")
	upperUnits  = []string{"", "拾", "佰", "仟"}
	upperBig    = []string{"", "万", "亿", "万亿"}
)

// upper writes an amount in the financial capitals documents use for
// money (大写): 200000 → 贰拾万元整, 1050.5 → 壹仟零伍拾元伍角.
func upper(v float64) string {
	cents := int64(math.Round(v * 100))
	whole, jiao, fen := cents/100, cents/10%10, cents%10
	var b strings.Builder
	if whole == 0 {
		b.WriteString("零")
	}
	// Groups of four digits from the top; a zero run inside a number is
	// written once as 零, never at the end of a group.
	var groups []int64
	for n := whole; n > 0; n /= 10000 {
		groups = append(groups, n%10000)
	}
	pendingZero := false
	for gi := len(groups) - 1; gi >= 0; gi-- {
		g := groups[gi]
		if g == 0 {
			pendingZero = b.Len() > 0
			continue
		}
		for d := 3; d >= 0; d-- {
			digit := g / int64(math.Pow10(d)) % 10
			if digit == 0 {
				if b.Len() > 0 {
					pendingZero = true
				}
				continue
			}
			if pendingZero {
				b.WriteRune('零')
				pendingZero = false
			}
			b.WriteRune(upperDigits[digit])
			b.WriteString(upperUnits[d])
		}
		b.WriteString(upperBig[gi])
	}
	b.WriteString("元")
	switch {
	case jiao == 0 && fen == 0:
		b.WriteString("整")
	case fen == 0:
		b.WriteRune(upperDigits[jiao])
		b.WriteString("角")
	default:
		if jiao > 0 {
			b.WriteRune(upperDigits[jiao])
			b.WriteString("角")
		} else if whole > 0 {
			b.WriteRune('零')
		}
		b.WriteRune(upperDigits[fen])
		b.WriteString("分")
	}
	return b.String()
}

// parseUpper reads an amount written by upper (and the usual variants
// officers type), or reports false.
func parseUpper(s string) (float64, bool) {
	s = strings.TrimSuffix(s, "整")
	var cents int64
	if i := strings.Index(s, "元"); i >= 0 {
		rest := s[i+len("元"):]
		s = s[:i]
		for _, u := range []struct {
			unit  string
			scale int64
		}{{"角", 10}, {"分", 1}} {
			if j := strings.Index(rest, u.unit); j >= 0 {
				d := []rune(strings.TrimPrefix(rest[:j], "零"))
				if len(d) != 1 {
					return 0, false
				}
				n := strings.IndexRune(string(upperDigits), d[0])
				if n < 0 {
					return 0, false
				}
				cents += int64(len([]rune(string(upperDigits)[:n]))) * u.scale
				rest = rest[j+len(u.unit):]
			}
		}
		if rest != "" {
			return 0, false
		}
	}
	var total, section, digit int64
	for _, r := range s {
		switch {
		case strings.ContainsRune(string(upperDigits), r):
			digit = int64(indexRune(upperDigits, r))
		case r == '拾' || r == '佰' || r == '仟':
			unit := map[rune]int64{'拾': 10, '佰': 100, '仟': 1000}[r]
			if digit == 0 && r == '拾' {
				digit = 1
			}
			section += digit * unit
			digit = 0
		case r == '万':
			section = (section + digit) * 10000
			total += section
			section, digit = 0, 0
		case r == '亿':
			total = (total + section + digit) * 100000000
			section, digit = 0, 0
		default:
			return 0, false
		}
	}
	return float64((total+section+digit)*100+cents) / 100, true
}

func indexRune(rs []rune, r rune) int {
	for i, x := range rs {
		if x == r {
			return i
		}
	}
	return -1
}

// money writes 人民币贰拾万元整（¥200,000.00）.
func money(v float64) string { return "人民币" + upper(v) + "（" + yuan(v) + "）" }
