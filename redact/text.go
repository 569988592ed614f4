package redact

import (
	"fmt"
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// addressLabels introduce a natural person's address. "住所地" (the legal
// term for the place of jurisdiction) is not one unless a colon follows.
var addressLabels = []string{
	"家庭住址", "家庭地址", "联系地址", "通讯地址", "现住址", "居住地址", "户籍地址", "户籍所在地", "经常居住地", "住址", "住所", "家住",
	"现住", "居住地", "户籍地", "暂住地", "居住在", "住在",
}

// addressEnds stop an address; houseSuffixes end a house number.
const (
	addressEnds   = "，,。；;、\n！？!?"
	houseSuffixes = "号室栋幢户弄组"
)

// maxAddressRunes bounds an address.
const maxAddressRunes = 60

// addresses finds the address after each label, up to the house number.
func addresses(text string) []Span {
	var out []Span
	for _, label := range addressLabels {
		for at := range occurrences(text, label) {
			start := at + len(label)
			if insideLongerLabel(text, at, label) {
				continue
			}
			if label == "住所" && strings.HasPrefix(text[start:], "地") {
				start += len("地")
				if !strings.ContainsAny(firstRune(text[start:]), ":：") {
					continue
				}
			}
			// Skip 为/是/在 and colons between label and address.
			for start < len(text) {
				r, size := utf8.DecodeRuneInString(text[start:])
				if !strings.ContainsRune(":：为是在 \u3000", r) {
					break
				}
				start += size
			}
			end := clauseEnd(text, start, addressEnds, maxAddressRunes)
			house := -1
			if at := strings.LastIndexAny(text[start:end], houseSuffixes); at >= 0 {
				house = start + at + len(firstRune(text[start+at:]))
			}
			if at := strings.LastIndex(text[start:end], "单元"); at >= 0 {
				house = max(house, start+at+len("单元"))
			}
			if house >= 0 {
				// Up to the house number, with the room after the last
				// suffix (2单元301, 5号楼-3).
				end = house
				for end < len(text) {
					r, size := utf8.DecodeRuneInString(text[end:])
					if _, digit := digitValue(r); !digit && !isLetter(r) && !isDash(r) && !strings.ContainsRune(houseSuffixes+"楼层", r) {
						break
					}
					end += size
				}
			}
			if end > start {
				out = append(out, span(text, KindAddress, start, end))
			}
		}
	}
	return out
}

// occurrences yields the byte offset of every occurrence of word in text.
func occurrences(text, word string) iter.Seq[int] {
	return func(yield func(int) bool) {
		for from := 0; ; {
			at := strings.Index(text[from:], word)
			if at < 0 || !yield(from+at) {
				return
			}
			from += at + len(word)
		}
	}
}

// clauseEnd is where the clause starting at i ends: before the first of
// stops, or after max characters.
func clauseEnd(text string, i int, stops string, max int) int {
	for n := 0; i < len(text) && n < max; n++ {
		r, size := utf8.DecodeRuneInString(text[i:])
		if strings.ContainsRune(stops, r) {
			break
		}
		i += size
	}
	return i
}

// insideLongerLabel reports that the label found at at is part of a longer
// label there (现住 in 现住址), which reads the address itself.
func insideLongerLabel(text string, at int, label string) bool {
	for _, l := range addressLabels {
		if k := strings.Index(l, label); len(l) > len(label) && k >= 0 && at-k >= 0 && strings.HasPrefix(text[at-k:], l) {
			return true
		}
	}
	return false
}

func firstRune(s string) string {
	_, size := utf8.DecodeRuneInString(s)
	return s[:size]
}

// healthTriggers introduce a person's diagnosis or condition; the clause
// after them is health information. diseases are named conditions removed
// wherever they stand, except in the name of a law (艾滋病防治条例).
var (
	healthTriggers = []string{"患有", "罹患", "身患", "确诊为", "确诊患有", "被诊断为", "诊断为", "诊断患有", "既往病史", "病史", "检测呈阳性"}
	diseases       = []string{"艾滋病", "HIV", "乙肝", "乙型肝炎", "丙肝", "梅毒", "肺结核", "精神分裂症", "抑郁症", "双相情感障碍", "癫痫", "白血病", "尿毒症"}
	lawSuffixes    = []string{"防治", "法", "条例", "规定", "办法", "预防"}
)

// healthEnds stop a health clause.
const (
	healthEnds      = addressEnds + "的（(）)"
	maxHealthRunes  = 20
	statutoryHealth = "有碍食品安全" // 食品安全法's category of staff, not a diagnosis
)

// health finds health information.
func health(text string) []Span {
	var out []Span
	for _, trig := range healthTriggers {
		for at := range occurrences(text, trig) {
			from := at + len(trig)
			end := clauseEnd(text, from, healthEnds, maxHealthRunes)
			if end > from && !strings.Contains(text[from:end], statutoryHealth) {
				out = append(out, span(text, KindHealth, at, end))
			}
		}
	}
	for _, d := range diseases {
		for at := range occurrences(text, d) {
			end := at + len(d)
			law := false
			for _, suf := range lawSuffixes {
				law = law || strings.HasPrefix(text[end:], suf)
			}
			if !law {
				out = append(out, span(text, KindHealth, at, end))
			}
		}
	}
	return out
}

// compoundSurnames are the two-character surnames masking keeps whole.
var compoundSurnames = []string{
	"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文",
	"司徒", "夏侯", "轩辕", "端木", "南宫", "西门", "独孤", "澹台", "呼延", "申屠", "万俟", "闻人", "赫连", "钟离",
}

// checkNames trims the names and rejects unusable ones.
func checkNames(names []string) ([]string, error) {
	out := make([]string, 0, len(names))
	for i, n := range names {
		n = strings.TrimSpace(n)
		count := utf8.RuneCountInString(n)
		if !utf8.ValidString(n) || count < 2 || count > maxNameRunes || strings.IndexFunc(n, unicode.IsControl) >= 0 {
			return nil, fmt.Errorf("第 %d 个姓名 %q 应为 2 至 %d 个字符的姓名: %w", i+1, clip(n), maxNameRunes, ErrBadName)
		}
		out = append(out, n)
	}
	return out, nil
}

// clip shortens hostile input for an error message.
func clip(s string) string {
	r := []rune(strings.ToValidUTF8(s, "\uFFFD"))
	if len(r) > maxNameRunes+5 {
		return string(r[:maxNameRunes+5]) + "…"
	}
	return string(r)
}

// masked writes a name 张某某 style: the surname and one 某 for each other
// character.
func masked(name string) string {
	surname := firstRune(name)
	for _, c := range compoundSurnames {
		if strings.HasPrefix(name, c) && utf8.RuneCountInString(name) > 2 {
			surname = c
		}
	}
	return surname + strings.Repeat("某", utf8.RuneCountInString(name)-utf8.RuneCountInString(surname))
}

// nameSpans finds every occurrence of the names.
func nameSpans(text string, names []string) []Span {
	var out []Span
	for _, n := range names {
		for at := range occurrences(text, n) {
			s := span(text, KindName, at, at+len(n))
			s.Replacement = masked(n)
			out = append(out, s)
		}
	}
	return out
}
