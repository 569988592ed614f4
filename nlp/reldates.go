package nlp

import (
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/6tail/lunar-go/calendar"
)

// Dates told by a holiday, a season or a day relative to another: officers
// write 元旦当晚, 去年国庆节期间, 今年春节大年初三, 去年夏天 and 次日凌晨 as
// often as a date. The act's date decides the law in force (行政处罚法
// 第三十七条) and where limitation starts (第三十六条), so these are read
// like yearless dates: the year from the text (2026年元旦, 去年国庆, or the
// dated mention nearest before), the lunar holidays through the lunar
// calendar.
var (
	// holidayRe is a holiday with an optional year before it. 国庆 needs a
	// word of the holiday after it (国庆路 is a street), 元宵 is a food
	// unless 元宵节; 春节 directly
	// followed by 大年初三 or 正月初三 is that day, read as one.
	holidayRe = Guard(`(?:([0-9]{4}|[〇零○一二三四五六七八九]{4})年)?(元旦|除夕|(?:春节(?:期间)?)?(?:大年|正月)(?:初[一二三四五六七八九十]|十五)|春节|元宵节|端午节?|中秋节?|国庆(?:节|期间|假期|长假|当天|当日|当晚)|劳动节)`,
		"元旦", "除夕", "大年", "正月", "春节", "元宵", "端午", "中秋", "国庆", "劳动节")
	// seasonRe is a season of a year told (2025年夏天, 去年秋季); a winter
	// runs across two years and is not read.
	seasonRe = Guard(`(?:([0-9]{4})年|(今年|本年|去年|上年|前年))(春|夏|秋)(?:天|季)`, "春", "夏", "秋")
	// nextDayRe is a day told from the dated mention before it.
	nextDayRe = Guard(`次日|翌日|第二天|隔日|当日|当天|同日`, "次日", "翌日", "第二天", "隔日", "当日", "当天", "同日")
)

// maxTold bounds the holidays and the seasons read in one text.
const maxTold = 16

// holiday is where a holiday falls: a solar month and day, or a lunar one
// (lunar), with eve for the day before it (除夕).
type holiday struct {
	month, day int
	lunar, eve bool
}

// holidayOf reads the holiday a holidayRe match names.
func holidayOf(w string) (holiday, bool) {
	switch {
	case strings.Contains(w, "初"):
		i := strings.Index(w, "初")
		d, err := ParseChineseInt(w[i+len("初"):])
		if err != nil || d < 1 || d > 10 {
			return holiday{}, false
		}
		return holiday{month: 1, day: int(d), lunar: true}, true
	case strings.Contains(w, "十五"), w == "元宵节":
		return holiday{month: 1, day: 15, lunar: true}, true
	case w == "除夕":
		return holiday{month: 1, day: 1, lunar: true, eve: true}, true
	case w == "春节":
		return holiday{month: 1, day: 1, lunar: true}, true
	case strings.HasPrefix(w, "端午"):
		return holiday{month: 5, day: 5, lunar: true}, true
	case strings.HasPrefix(w, "中秋"):
		return holiday{month: 8, day: 15, lunar: true}, true
	case w == "元旦":
		return holiday{month: 1, day: 1}, true
	case strings.HasPrefix(w, "国庆"):
		return holiday{month: 10, day: 1}, true
	case w == "劳动节":
		return holiday{month: 5, day: 1}, true
	}
	return holiday{}, false
}

// holidayFollows are the words after a holiday that make it a time
// (春节期间, 元旦晚上, 除夕夜, 正月初五在村口): not 春节前 or 国庆节后 (some
// day before or after), nor goods named by it (中秋月饼, 春节礼盒).
var holidayFollows = [...]string{"期间", "假期", "长假", "当天", "当日", "当晚", "晚上", "晚", "夜", "上午", "下午", "中午", "凌晨", "早上", "那天", "这天", "在", "时", "里", "，", ",", "。", "；", "、", " ", "）", ")"}

// holidayNotTime are words after a holiday that begin with a word of
// holidayFollows but name no day of it: an event named by it (春节晚会,
// 元旦晚会, often held before the day) or its approach (春节在即).
var holidayNotTime = [...]string{"晚会", "在即"}

// givenNameSurnames are common single-character surnames. 国庆 and 中秋
// (端午, 元旦) are given names as well as holidays (张国庆当晚, 李中秋在家):
// after one of these, without 节, the word is a person's name, not a day.
// 于, 和, 连, 时, 应, 单, 向 are left out: before a holiday they are the
// words 于国庆期间, 中秋和国庆期间, 连国庆假期也.
const givenNameSurnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"

// holidayTime reports whether the holiday word w (国庆期间 holds its time
// word), or rest, the text after it, makes it a time: the text ends, or a
// word of holidayFollows comes next. before is the text before w.
func holidayTime(before, w, rest string) bool {
	if !strings.HasSuffix(w, "节") && hasAnyPrefix(w, "国庆", "中秋", "端午", "元旦") {
		if r, _ := utf8.DecodeLastRuneInString(before); r != utf8.RuneError && strings.ContainsRune(givenNameSurnames, r) {
			return false
		}
	}
	if hasAnyPrefix(rest, holidayNotTime[:]...) {
		return false
	}
	return HasAnySuffix(w, "期间", "假期", "长假", "当天", "当日", "当晚") || rest == "" || hasAnyPrefix(rest, holidayFollows[:]...)
}

// solarDay is the holiday's day in year y (the lunar year that begins in
// y for a lunar one; 除夕 is the day before that year's 春节).
func (h holiday) solarDay(y int) (string, bool) {
	if y < 1900 || y > 2200 {
		return "", false
	}
	if !h.lunar {
		return time.Date(y, time.Month(h.month), h.day, 0, 0, 0, 0, time.UTC).Format("2006-01-02"), true
	}
	s := calendar.NewLunarFromYmd(y, h.month, h.day).GetSolar()
	t := time.Date(s.GetYear(), time.Month(s.GetMonth()), s.GetDay(), 0, 0, 0, 0, time.UTC)
	if h.eve {
		t = t.AddDate(0, 0, -1)
	}
	return t.Format("2006-01-02"), true
}

// toldDate is a date read from a holiday, a season or a relative day, at
// [a, b) of the normalised text, with its role when it is not dateRole's.
type toldDate struct {
	value string
	a, b  int
	role  string
}

// holidayDates reads the holidays and seasons of s (masked: what was read
// already is masked). The year is the one written before it, else the one
// 去年/今年 tell from the text's dates, else that of the dated mention
// nearest before (after) it, as for a yearless date (yearFor). A season is
// read as its last day: the act happened by then (the limitation of
// 行政处罚法 第三十六条 is not counted from a day too early; the officer
// establishes the day where it matters).
func holidayDates(s, masked string, dated []Date, limits map[int]bool, at map[int][2]int) []toldDate {
	var out []toldDate
	yearOf := func(m []int, month, day int) (int, bool) {
		if m[2] >= 0 {
			y, err := ParseChineseInt(s[m[2]:m[3]])
			return int(y), err == nil
		}
		rel, relative := relativeYear(s[:m[0]])
		p := pendingDate{month: month, day: day, a: m[0], b: m[1], relYear: rel, relative: relative}
		return yearFor(dated, s, p, dateRole(s, m[0], m[1]), limits, at, nil)
	}
	// A narrative names a few holidays; a text that names hundreds (a
	// calendar pasted in) is read for its first ones only, so that the
	// year's search (over the dates) and the lunar calendar run a bounded
	// number of times.
	read := 0
	for _, m := range holidayRe.FindAllStringSubmatchIndex(masked, -1) {
		if read == maxTold {
			break
		}
		// The bound counts holidays read, not words passed over: twenty
		// 国庆路 addresses do not hide the 国庆期间 after them.
		h, ok := holidayOf(s[m[4]:m[5]])
		if !ok || !holidayTime(s[:m[4]], s[m[4]:m[5]], s[m[1]:]) {
			continue
		}
		read++
		// the solar month it falls near, for the nearer-year choice
		month, day := h.month, h.day
		if h.lunar {
			month, day = h.month+1, 1
		}
		y, ok := yearOf(m, month, day)
		if !ok {
			continue
		}
		if v, ok := h.solarDay(y); ok {
			out = append(out, toldDate{v, m[0], m[1], ""})
		}
	}
	for _, m := range seasonRe.FindAllStringSubmatchIndex(masked, maxTold) {
		var y int
		if m[2] >= 0 {
			n, err := strconv.Atoi(s[m[2]:m[3]])
			if err != nil {
				continue
			}
			y = n
		} else {
			rel, _ := relativeYear(s[m[4]:m[5]])
			n, ok := yearFor(dated, s, pendingDate{a: m[0], b: m[1], relYear: rel, relative: true}, "", limits, at, nil)
			if !ok {
				continue
			}
			y = n
		}
		last := map[string]time.Month{"春": time.May, "夏": time.August, "秋": time.November}[s[m[6]:m[7]]]
		if y < 1900 || y > 2200 {
			continue
		}
		// the day before the next month's first
		v := time.Date(y, last+1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1).Format("2006-01-02")
		// A season still running when the text is dated (2026年3月1日举报：
		// 今年春天多次偷排) happened by the text's latest date, not by a
		// day after it; a season not yet begun then is no act's time.
		if told := latestTold(dated, limits); told != "" && v > told {
			if first := time.Date(y, last-2, 1, 0, 0, 0, 0, time.UTC).Format("2006-01-02"); told < first {
				continue
			}
			v = told
		}
		out = append(out, toldDate{v, m[0], m[1], ""})
	}
	return out
}

// latestTold is the latest date of dated that says when something was
// told or done (not a birth, nor a time limit given: 5月31日前改正), "" for
// none.
func latestTold(dated []Date, limits map[int]bool) string {
	latest := ""
	for _, d := range dated {
		if d.Role != DateBirth && !limits[d.Start] {
			latest = max(latest, d.Value)
		}
	}
	return latest
}

// nextDays reads 次日, 翌日, 第二天, 隔日 (the day after) and 当日, 当天, 同日
// (the same day) from the dated mention nearest before them, not a birth,
// a decision or a time limit (3月9日前改正). The same day is read only from
// an act's or an unmarked date: 当日 after a discovery is the discovery's
// own day, which adds nothing and must not become an act's date. The day
// after an act is the act's end.
func nextDays(s, masked string, dated []Date, limits map[int]bool, at map[int][2]int) []toldDate {
	var out []toldDate
	// The dates that can be a base, in the order of the text: one pass
	// over them for all the matches, which come in the same order.
	bases := make([]*Date, 0, len(dated))
	for i := range dated {
		if d := &dated[i]; d.Role != DateBirth && d.Role != DateDecision && !limits[d.Start] {
			bases = append(bases, d)
		}
	}
	sort.SliceStable(bases, func(i, j int) bool { return at[bases[i].Start][0] < at[bases[j].Start][0] })
	next := 0
	var base *Date
	for _, m := range nextDayRe.FindAllStringIndex(masked, -1) {
		for next < len(bases) && at[bases[next].Start][0] < m[0] {
			base = bases[next]
			next++
		}
		if base == nil {
			continue
		}
		t, err := time.Parse("2006-01-02", base.Value)
		if err != nil {
			continue
		}
		role := ""
		switch w := s[m[0]:m[1]]; w {
		case "当日", "当天", "同日":
			if base.Role != DateAct && base.Role != "" {
				continue
			}
		default:
			t = t.AddDate(0, 0, 1)
			// The day after an act told (2025年12月31日晚……争执……次日凌晨
			// ……殴打) continues its story: the conduct ends that day, and
			// the law in force then governs it, as for a run until found.
			if r := dateRole(s, m[0], m[1]); base.Role == DateAct && (r == DateAct || r == "") {
				role = DateActEnd
			}
		}
		out = append(out, toldDate{t.Format("2006-01-02"), m[0], m[1], role})
	}
	return out
}

// Surname reports whether r is a common single-character surname (the 张
// of 张某): a 某 after one names a person.
func Surname(r rune) bool {
	return strings.ContainsRune(givenNameSurnames, r)
}
