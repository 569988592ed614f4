package caseanalysis

import (
	"cmp"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/cailiang/cailiang/nlp"
)

// partyLiability reads whose liability each 全部/主要/同等/次要责任 of an
// accident report is, and reports whether the party's is only a lesser one
// (同等, 次要, none) while another's is the main one: the liability
// 交通肇事罪 asks (2000年交通肇事解释 第二条: 负事故全部或者主要责任) must be the
// party's. A car driver 负次要责任 beside an 电动车驾驶人 负主要责任 is no
// crime; a rider who is the party and bears the main liability is one.
// Known reports only: unresolved holders leave the answer to the liability
// cues (ok false).
func partyLiability(norm string) (lesser, ok bool) {
	partyMain, partyLesser := false, false
	for _, sh := range liabilityShares(norm) {
		if sh.whose != holderParty {
			continue
		}
		if sh.grade == "全部" || sh.grade == "主要" {
			partyMain = true
		} else {
			partyLesser = true
		}
	}
	if partyMain {
		return false, true
	}
	return partyLesser, partyLesser
}

// share is one liability an accident report gives: its words, its grade
// (全部, 主要, 同等, 次要; "" for none: 无责任, 不负事故责任), whose it is and
// whether its holder is told to have died.
type share struct {
	start, end int
	grade      string
	whose      int
	dead       bool
}

// liabilityShares is the one reader of whose each liability of an accident
// report is, for both its readers: the 交通肇事罪 condition (partyLiability:
// the party's share) and the transfer's text (withoutDeceasedLiability: the
// share the dead bore). The party is the first person the text names (张某,
// 李某某) who is no victim (行人刘某, 死者王某, 刘某经抢救无效死亡); a holder
// is the party when it names the party, 当事人 or 本人, or the kind of
// vehicle the party drove (轿车驾驶人 when the party 驾驶小型轿车); the dead
// are read once (deathsIn). Every look-back is bounded (lookBackBytes), so a
// long text without marks reads in linear time.
func liabilityShares(s string) []share {
	graded := liabilityRe.FindAllStringSubmatchIndex(s, -1)
	cleared := noLiabilityRe.FindAllStringIndex(s, -1)
	if len(graded)+len(cleared) == 0 {
		return nil
	}
	dead := deathsIn(s)
	name, vehicle := liabilityParty(s, dead)
	shares := make([]share, 0, len(graded)+len(cleared))
	add := func(start, end int, grade string) {
		words, key := holderWords(s, start, name, vehicle)
		shares = append(shares, share{start, end, grade, liabilityHolder(words, name, vehicle), key != "" && dead[key]})
	}
	for _, l := range graded {
		add(l[0], l[1], s[l[2]:l[3]])
	}
	for _, l := range cleared {
		add(l[0], l[1], "")
	}
	return shares
}

// lookBackBytes bounds every look-back of the liability reader: a holder,
// a victim or a death is told within about 120 characters of its words.
const lookBackBytes = 360

// windowStart is the start of the bounded look-back from byte i of s, on a
// rune's first byte.
func windowStart(s string, i int) int {
	w := max(0, i-lookBackBytes)
	for w < i && !utf8.RuneStart(s[w]) {
		w++
	}
	return w
}

// holderWords returns the words naming whose the liability told at byte i
// of s is: the words of its clause before it (电动车驾驶人负主要责任), or,
// naming no one there, the subject of its sentence part (邱某驾驶电动自行车
// 闯红灯，负事故主要责任: the first person or road user it names); and the
// key its holder's death would be read by (a name or a role, "" if none).
func holderWords(s string, i int, name, vehicle string) (words, key string) {
	w := windowStart(s, i)
	opened := w + lastWordEnd(s[w:i], holderOpeners)
	from := max(w+startAfter(s[w:i], i-w, "，。；：、,;:"), opened)
	span := s[from:i]
	key = deathKey(span)
	if liabilityHolder(span, name, vehicle) != holderUnknown {
		return span, key
	}
	part := s[max(w+startAfter(s[w:i], i-w, "。；;：:"), opened):from]
	words = personName(part)
	if words == "" {
		words = firstClause(part)
	}
	if key == "" {
		key = deathKey(words)
	}
	return words, key
}

// deathKey is the name or road-user role words start with (柏某, 电动自行车
// 驾驶人, 行人柏某's 柏某), or "".
func deathKey(words string) string {
	if n := personName(words); n != "" {
		return n
	}
	if m := partyRe.FindStringSubmatch(words); m != nil {
		return cmp.Or(m[2], m[1], m[3])
	}
	return ""
}

// deathsIn reads who s says died, once for every reader: each 死亡/身亡 and
// the words of its clause before it, after a 致 (致骑车人当场死亡: the one
// struck). The dead are the last person named there with no other road
// user between (刘某经抢救无效死亡, not 张某驾车撞倒行人后死亡's 张某), and the
// role told right before the death and its modifiers (电动自行车驾驶人当场
// 死亡), kept with the shorter roles it ends in (驾驶人).
func deathsIn(s string) map[string]bool {
	dead := map[string]bool{}
	for _, word := range []string{"死亡", "身亡"} {
		for at := 0; ; {
			k := strings.Index(s[at:], word)
			if k < 0 {
				break
			}
			d := at + k
			at = d + len(word)
			w := windowStart(s, d)
			seg := s[w+startAfter(s[w:d], d-w, "，。；：,;:\n") : d]
			if c := strings.LastIndex(seg, "致"); c >= 0 {
				seg = seg[c+len("致"):]
			}
			if n, after := lastPersonName(seg); n != "" && !containsAny(after, otherSideWords) {
				dead[n] = true
			}
			role := seg[:deathModifiersRe.FindStringIndex(seg)[0]]
			for k, runes := len(role), 0; k > 0 && runes < 12; runes++ {
				_, size := utf8.DecodeLastRuneInString(role[:k])
				k -= size
				if runes >= 1 {
					dead[role[k:]] = true
				}
			}
		}
	}
	return dead
}

// deathModifiersRe ends the words between the dead and the death (当场,
// 经抢救无效, 于次日).
var deathModifiersRe = regexp.MustCompile(`(?:当场|经送医抢救无效|经抢救无效|抢救无效|送医后|经医院抢救无效|因伤势过重)?(?:于[^，。；,;]{0,10})?$`)

// lastPersonName is the last person s names and the words after it.
func lastPersonName(s string) (name, after string) {
	for i := 0; i < len(s); {
		n := personName(s[i:])
		if n == "" {
			break
		}
		at := i + strings.Index(s[i:], n)
		name, after = n, s[at+len(n):]
		i = at + len(n)
	}
	return name, after
}

// liabilityRe finds a graded liability (…负事故主要责任, 承担此次事故的次要责任,
// 负全部责任); noLiabilityRe a holder cleared of any (无责任, 不负事故责任).
// Both are guarded by 责任, which every match holds: without a literal
// prefix Go's engine tried them at every position of every text (twice an
// analysis), 1.6 % of /v1/analyze's CPU.
var (
	liabilityRe   = nlp.Guard(`(?:负|承担)(?:此次|本次|该起|本起|这起|该|此)?(?:交通)?(?:事故)?(?:的)?(全部|主要|同等|次要)责任`, "责任")
	noLiabilityRe = nlp.Guard(`(?:无责任|不负(?:此次|本次|该起|本起|该|此)?(?:交通)?(?:事故)?责任|不承担(?:事故)?责任)`, "责任")
)

// holderOpeners end the words before a holder in an accident report's
// clause (认定电动车驾驶人负主要责任): the holder follows them.
var holderOpeners = []string{"认定", "确认", "判定", "其中", "责任划分为", "划分为"}

// lastWordEnd is the byte offset after the last of words in s, or 0.
func lastWordEnd(s string, words []string) int {
	end := 0
	for _, w := range words {
		if i := strings.LastIndex(s, w); i >= 0 && i+len(w) > end {
			end = i + len(w)
		}
	}
	return end
}

// Whose a liability is: the party's, another's, or not known.
const (
	holderUnknown = iota
	holderParty
	holderOther
)

// liabilityHolder tells whose the holder words are, the party being named
// name (empty when not known) and driving a vehicle of kind vehicle.
func liabilityHolder(holder, name, vehicle string) int {
	switch {
	case name != "" && strings.Contains(holder, name):
		return holderParty
	case personName(holder) != "":
		return holderOther
	case containsAny(holder, otherSideWords):
		return holderOther
	case containsAny(holder, []string{"当事人", "本人"}):
		return holderParty
	}
	if k := vehicleKind(holder); k != "" && vehicle != "" {
		if k == vehicle {
			return holderParty
		}
		return holderOther
	}
	return holderUnknown
}

// otherSideWords name a road user who is not the party.
var otherSideWords = []string{"对方", "另一方", "行人", "死者", "伤者", "受害人", "被害人", "乘客", "乘车人"}

// personName returns the first person s names (a surname and 某: 张某,
// 李某某, 王某甲), or "".
func personName(s string) string {
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "某")
		if j < 0 {
			return ""
		}
		j += i
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if j > 0 && nlp.Surname(r) {
			end := j + len("某")
			if next, w := utf8.DecodeRuneInString(s[end:]); strings.ContainsRune("某甲乙丙", next) && w > 0 {
				end += w
			}
			return s[j-size : end]
		}
		i = j + len("某")
	}
	return ""
}

// liabilityParty returns the party of an accident: the first person the
// text names who is not a victim (named beside a victim's word, or among
// the dead), and the kind of vehicle the text says the party drove or rode
// ("" when not told).
func liabilityParty(norm string, dead map[string]bool) (name, vehicle string) {
	for i := 0; i < len(norm); {
		n := personName(norm[i:])
		if n == "" {
			return "", ""
		}
		at := i + strings.Index(norm[i:], n)
		i = at + len(n)
		w := windowStart(norm, at)
		cs := w + startAfter(norm[w:at], at-w, "，。；：、,;:")
		if containsAny(norm[cs:at], otherSideWords) || dead[n] {
			continue
		}
		// The vehicle: a role before the name (摩托车驾驶人张某), or the one
		// driven after it in its sentence (张某驾驶小型轿车).
		vehicle = vehicleKind(norm[cs:at])
		if vehicle == "" {
			rest := norm[i:min(len(norm), i+lookBackBytes)]
			if j := strings.IndexAny(rest, "。；;"); j >= 0 {
				rest = rest[:j]
			}
			if j := strings.IndexAny(rest, "驾骑"); j >= 0 {
				vehicle = vehicleKind(firstClause(rest[j:]))
			}
		}
		return n, vehicle
	}
	return "", ""
}

// firstClause is s up to its first clause mark.
func firstClause(s string) string {
	if i := strings.IndexAny(s, "，。；：,;:"); i >= 0 {
		return s[:i]
	}
	return s
}

// vehicleKind returns the kind of the first vehicle s names — 非机动车
// (电动自行车, 自行车), 摩托车 or 汽车 — or "".
func vehicleKind(s string) string {
	best, kind := len(s)+1, ""
	for _, v := range vehicleKinds {
		for _, w := range v.words {
			if i := strings.Index(s, w); i >= 0 && i < best {
				best, kind = i, v.kind
			}
		}
	}
	return kind
}

// vehicleKinds group the vehicles accident reports name; 电动车 and
// 骑车人 go with the non-motor ones.
var vehicleKinds = [...]struct {
	kind  string
	words []string
}{
	{"摩托车", []string{"摩托"}},
	{"非机动车", []string{"电动自行车", "电动车", "自行车", "非机动车", "骑车人", "骑行人", "三轮车"}},
	{"汽车", []string{"轿车", "汽车", "客车", "货车", "卡车", "面包车", "越野车", "出租车", "公交车", "渣土车", "罐车", "挂车", "机动车", "小客车", "SUV"}},
}
