package nlp

import (
	"strings"
	"unicode/utf8"
)

// Exceedance is a pollutant stated to exceed its discharge standard.
type Exceedance struct {
	// Pollutant is the heavy metal the exceedance is of, as its one-rune
	// element name (铅, 铬 …), or "" for any other pollutant (化学需氧量,
	// 氨氮 …) or none named.
	Pollutant string
	// Multiple is by how many times the standard is exceeded, in the sense
	// of environmental monitoring: (measured − limit) / limit, so 超标2倍
	// is 2 and 是标准限值的3倍 is 2. Zero when the text says the standard is
	// exceeded without a figure.
	Multiple float64
	// Start and End are the byte span of the exceedance in the normalised
	// text.
	Start, End int
}

// heavyMetals are the element names the environmental interpretation lists
// (2023 解释 第一条第三、四项), with the chemical symbols monitoring reports
// use. 银 alone is too common (银行): only 总银 and 含银 count.
var heavyMetals = [...]struct{ word, element string }{
	{"铅", "铅"}, {"汞", "汞"}, {"镉", "镉"}, {"铬", "铬"}, {"砷", "砷"}, {"铊", "铊"}, {"锑", "锑"},
	{"镍", "镍"}, {"铜", "铜"}, {"锌", "锌"}, {"总银", "银"}, {"含银", "银"}, {"钒", "钒"}, {"锰", "锰"}, {"钴", "钴"},
	{"Pb", "铅"}, {"Hg", "汞"}, {"Cd", "镉"}, {"Cr", "铬"}, {"As", "砷"}, {"Tl", "铊"}, {"Sb", "锑"},
	{"Ni", "镍"}, {"Cu", "铜"}, {"Zn", "锌"}, {"Ag", "银"}, {"Mn", "锰"}, {"Co", "钴"},
}

// otherPollutants are pollutants other than heavy metals: an exceedance
// nearer to one of them than to a heavy metal is not a heavy metal's.
var otherPollutants = [...]string{"化学需氧量", "COD", "生化需氧量", "BOD", "氨氮", "总磷", "总氮", "悬浮物", "石油类", "动植物油",
	"二氧化硫", "氮氧化物", "颗粒物", "烟尘", "粉尘", "pH", "色度", "挥发酚", "氰化物", "氟化物", "硫化物", "VOCs", "非甲烷总烃", "臭气浓度", "苯"}

// concUnit are the concentration units of water (per litre) and air (per
// cubic metre) monitoring reports.
const concUnit = `mg/L|毫克/升|μg/L|微克/升|mg/Nm³|mg/Nm3|mg/m³|mg/m3|毫克/标准立方米|毫克/立方米|μg/m³|μg/m3|微克/立方米`

const exceedNum = `([0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)`

var (
	// exceedByRe: the figure says by how much the standard is exceeded
	// (超标2倍, 超过《…标准》3.2倍, 超标倍数为1.5).
	exceedByRe = Guard(`(?:超标(?:了|约|达|高达)?|超标倍数(?:为|是|达)?|(?:超过|超出|高于)[^。；;，,]{0,30}?(?:标准|限值|标准值)[^。；;，,0-9]{0,4}?)`+exceedNum+`倍?`, "超")
	// exceedTimesRe: the figure is a multiple of the standard (是排放标准
	// 限值的4.2倍, 为排放标准值0.05mg/L的7倍 with the limit's value between; a
	// register's 为限值25.2倍 without 的): exceeded by one less.
	exceedTimesRe = Guard(`(?:是|为|达到|达)[^。；;，,]{0,24}?(?:标准|限值|标准值)(?:限值)?(?:[（(]?[0-9]+(?:\.[0-9]+)?(?:mg/L|mg/l|mg/m³|mg/m3|毫克/升)[）)]?)?的?`+exceedNum+`倍`, "倍")
	// exceedLongRe: the figure after the standard's full citation, its code
	// and the limit named (超过《污水综合排放标准》(GB 8978-1996)第一类污染物
	// 最高允许排放浓度(1.0mg/L)4.3倍): the code's digits keep exceedByRe from
	// reaching the figure, so this one asks for 倍 right after it.
	exceedLongRe = Guard(`(?:超过|超出|高于)[^。；;，,]{0,60}?(?:限值|标准值|排放浓度|标准)(?:[(（][0-9]+(?:\.[0-9]+)?(?:`+concUnit+`)[)）])?`+exceedNum+`倍`, "倍")
	// exceedPlainRe: exceeded, no figure (超过排放标准, 超标排放).
	exceedPlainRe = Guard(`超标|(?:超过|超出)[^。；;，,]{0,24}?(?:标准|限值)`, "超")
	// concentrationRe reads a measured concentration and the limit it is
	// compared with in one sentence (浓度为5.6mg/L，超过…限值（1.0mg/L）).
	// Air monitoring states mg/m³ (颗粒物实测86mg/m³（限值30mg/m³）); the
	// pollutant may stand between the verb and the figure (检出总镉0.62mg/L); a
	// reading is only compared with a limit of the same medium and scale.
	concentrationRe = Guard(`(?:浓度|含量|检测值|监测值|实测值|实测|测得|检出)[^0-9。；;，,]{0,8}?(?:为|是|达|达到|高达)?([0-9]+(?:\.[0-9]+)?)(`+concUnit+`)[^。；;]{0,60}?(?:限值|标准值|标准)[^。；;0-9]{0,12}?([0-9]+(?:\.[0-9]+)?)(`+concUnit+`)`, "/")
	// decibelRe reads a noise level and the limit it is compared with
	// (夜间噪声为62分贝，…夜间排放限值为50分贝; 场界噪声实测78dB(A)，标准限值70dB(A)):
	// the noise standard exceeded, by the ratio of the two levels.
	decibelRe = Guard(`([0-9]+(?:\.[0-9]+)?)(?:分贝|dB)[^。；;]{0,60}?(?:限值|标准值|标准)[^。；;0-9]{0,12}?([0-9]+(?:\.[0-9]+)?)(?:分贝|dB)`, "分贝", "dB")
)

// Exceedances reads, from normalised text, every statement that a pollutant
// exceeds its discharge standard, with the heavy metal it is of. A negated
// statement (未超标, 均未超过排放标准) is left out. Each exceedance is
// assigned the pollutant named nearest before it in its sentence.
func Exceedances(norm string) []Exceedance {
	if !Contains(norm, "超") && !Contains(norm, "倍") && !Contains(norm, "/") && !Contains(norm, "分贝") && !Contains(norm, "dB") {
		return nil
	}
	var out []Exceedance
	taken := func(a, b int) bool {
		for _, e := range out {
			if a < e.End && e.Start < b {
				return true
			}
		}
		return false
	}
	// at is where the pollutant's name is looked for before: the
	// exceedance's start, or the reading's figure (检出总镉0.62mg/L names
	// the metal between the verb and the figure).
	addAt := func(a, b, at int, multiple float64) {
		if taken(a, b) || Negated(norm, a) {
			return
		}
		out = append(out, Exceedance{Pollutant: pollutantBefore(norm, at), Multiple: multiple, Start: a, End: b})
	}
	add := func(a, b int, multiple float64) { addAt(a, b, a, multiple) }
	for _, m := range concentrationRe.FindAllStringSubmatchIndex(norm, -1) {
		v, err1 := ParseChineseDecimal(norm[m[2]:m[3]])
		lim, err2 := ParseChineseDecimal(norm[m[6]:m[7]])
		u1, u2 := norm[m[4]:m[5]], norm[m[8]:m[9]]
		if err1 != nil || err2 != nil || lim <= 0 || v <= lim || unitScale(u1) != unitScale(u2) || perLitre(u1) != perLitre(u2) {
			continue
		}
		addAt(m[0], m[1], m[2], roundTo(v/lim-1, 2))
	}
	for _, m := range decibelRe.FindAllStringSubmatchIndex(norm, -1) {
		v, err1 := ParseChineseDecimal(norm[m[2]:m[3]])
		lim, err2 := ParseChineseDecimal(norm[m[4]:m[5]])
		if err1 == nil && err2 == nil && lim > 0 && v > lim {
			add(m[0], m[1], roundTo(v/lim-1, 2))
		}
	}
	for _, m := range exceedTimesRe.FindAllStringSubmatchIndex(norm, -1) {
		if v, err := ParseChineseDecimal(norm[m[2]:m[3]]); err == nil && v > 1 {
			add(m[0], m[1], roundTo(v-1, 2))
		}
	}
	for _, m := range exceedLongRe.FindAllStringSubmatchIndex(norm, -1) {
		if v, err := ParseChineseDecimal(norm[m[2]:m[3]]); err == nil && v > 0 {
			add(m[0], m[1], v)
		}
	}
	for _, m := range exceedByRe.FindAllStringSubmatchIndex(norm, -1) {
		if v, err := ParseChineseDecimal(norm[m[2]:m[3]]); err == nil && v > 0 {
			add(m[0], m[1], v)
		}
	}
	for _, m := range exceedPlainRe.FindAllStringIndex(norm, -1) {
		add(m[0], m[1], 0)
	}
	return out
}

// unitScale tells mg/L from μg/L.
func unitScale(u string) int {
	if strings.HasPrefix(u, "μ") || strings.HasPrefix(u, "微") {
		return 1
	}
	return 1000
}

// perLitre tells a water concentration (per litre) from an air one (per
// cubic metre).
func perLitre(u string) bool { return strings.HasSuffix(u, "L") || strings.HasSuffix(u, "升") }

func roundTo(v float64, places int) float64 {
	p := 1.0
	for i := 0; i < places; i++ {
		p *= 10
	}
	return float64(int64(v*p+0.5)) / p
}

// pollutantBefore returns the heavy metal named nearest before pos in its
// sentence, or "" when another pollutant is nearer or none is named.
func pollutantBefore(s string, pos int) string {
	lo := clauseBefore(s, pos, isClauseEnd)
	w := s[lo:pos]
	best, bestAt := "", -1
	for _, h := range heavyMetals {
		if i := strings.LastIndex(w, h.word); i > bestAt {
			best, bestAt = h.element, i
		}
	}
	for _, p := range otherPollutants {
		if i := strings.LastIndex(w, p); i > bestAt {
			best, bestAt = "", i
		}
	}
	// A heavy metal more than a sentence's breadth away (40 runes) is
	// background, not the pollutant measured.
	if bestAt >= 0 && utf8.RuneCountInString(w[bestAt:]) > 40 {
		return ""
	}
	return best
}

// MetalReading is a heavy metal's measured concentration in water, in mg/L.
type MetalReading struct {
	// Pollutant is the element (铅, 铬 …) named nearest before the figure.
	Pollutant string
	// MgPerL is the figure in milligrams per litre.
	MgPerL float64
}

// readingUnits are the water concentration units, with their factor to
// mg/L.
var readingUnits = [...]struct {
	unit   string
	factor float64
}{{"mg/L", 1}, {"mg/l", 1}, {"毫克/升", 1}, {"毫克每升", 1}, {"μg/L", 0.001}, {"微克/升", 0.001}}

// limitWords before a figure make it a standard's limit, not a reading
// (标准限值0.1mg/L, 不得超过0.5mg/L).
var limitWords = [...]string{"限值", "标准", "标准值", "不得超过", "不超过", "要求", "≤", "<="}

// HeavyMetalReadings reads, from normalised text, the heavy-metal
// concentrations a monitoring report states (采样检出总铬21mg/L, 总镍浓度为
// 6.8mg/L), whether or not a standard is named beside them. A figure after
// a limit word, a negated one and one with no heavy metal named before it in
// its sentence are left out. A plain scan for the units (no pattern).
func HeavyMetalReadings(norm string) []MetalReading {
	var out []MetalReading
	for _, u := range readingUnits {
		for off := 0; off < len(norm); {
			i := Index(norm[off:], u.unit)
			if i < 0 {
				break
			}
			i += off
			off = i + len(u.unit)
			j := i
			for j > 0 && (norm[j-1] >= '0' && norm[j-1] <= '9' || norm[j-1] == '.') {
				j--
			}
			if j == i {
				continue
			}
			v, err := ParseChineseDecimal(norm[j:i])
			if err != nil || v <= 0 {
				continue
			}
			lo := clauseBefore(norm, j, isClauseEnd)
			w := norm[max(lo, j-24):j]
			limit := false
			for _, lw := range limitWords {
				if Contains(w, lw) {
					limit = true
					break
				}
			}
			if limit || Negated(norm, j) {
				continue
			}
			if p := pollutantBefore(norm, j); p != "" {
				out = append(out, MetalReading{Pollutant: p, MgPerL: v * u.factor})
			}
		}
	}
	return out
}
