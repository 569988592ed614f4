package caseanalysis

import (
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
//
// The party is the first person the text names (张某, 李某某) who is no
// victim (行人刘某, 死者王某, 刘某经抢救无效死亡); a holder is the party when it
// names the party, 当事人 or 本人, or the kind of vehicle the party drove
// (轿车驾驶人 when the party 驾驶小型轿车). Known reports only: unresolved
// holders leave the answer to the liability cues (ok false).
func partyLiability(norm string) (lesser, ok bool) {
	locs := liabilityRe.FindAllStringSubmatchIndex(norm, -1)
	if len(locs) == 0 {
		return false, false
	}
	name, vehicle := liabilityParty(norm)
	partyMain, partyLesser := false, false
	for _, l := range locs {
		grade := norm[l[2]:l[3]]
		if holderOf(norm, l[0], name, vehicle) != holderParty {
			continue
		}
		if grade == "全部" || grade == "主要" {
			partyMain = true
		} else {
			partyLesser = true
		}
	}
	for _, l := range noLiabilityRe.FindAllStringIndex(norm, -1) {
		if holderOf(norm, l[0], name, vehicle) == holderParty {
			partyLesser = true
		}
	}
	if partyMain {
		return false, true
	}
	return partyLesser, partyLesser
}

// holderOf tells whose the liability told at byte i of norm is: the words
// of its clause before it (电动车驾驶人负主要责任), or, naming no one there,
// the subject of its sentence part (邱某驾驶电动自行车闯红灯，负事故主要责任:
// the first person or road user it names).
func holderOf(norm string, i int, name, vehicle string) int {
	opened := lastWordEnd(norm[:i], holderOpeners)
	from := max(startAfter(norm[:i], i, "，。；：、,;:"), opened)
	if h := liabilityHolder(norm[from:i], name, vehicle); h != holderUnknown {
		return h
	}
	part := norm[max(startAfter(norm[:i], i, "。；;：:"), opened):from]
	if n := personName(part); n != "" {
		return liabilityHolder(n, name, vehicle)
	}
	return liabilityHolder(firstClause(part), name, vehicle)
}

// liabilityRe finds a graded liability (…负事故主要责任, 承担此次事故的次要责任,
// 负全部责任); noLiabilityRe a holder cleared of any (无责任, 不负事故责任).
var (
	liabilityRe   = regexp.MustCompile(`(?:负|承担)(?:此次|本次|该起|本起|这起|该|此)?(?:交通)?(?:事故)?(?:的)?(全部|主要|同等|次要)责任`)
	noLiabilityRe = regexp.MustCompile(`(?:无责任|不负(?:此次|本次|该起|本起|该|此)?(?:交通)?(?:事故)?责任|不承担(?:事故)?责任)`)
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
	case containsAnyStr(holder, otherSideWords):
		return holderOther
	case containsAnyStr(holder, []string{"当事人", "本人"}):
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
// text names who is not a victim, and the kind of vehicle the text says
// the party drove or rode ("" when not told).
func liabilityParty(norm string) (name, vehicle string) {
	for i := 0; i < len(norm); {
		n := personName(norm[i:])
		if n == "" {
			return "", ""
		}
		at := i + strings.Index(norm[i:], n)
		i = at + len(n)
		cs := startAfter(norm[:at], at, "，。；：、,;:")
		if containsAnyStr(norm[cs:at], otherSideWords) || diedAfter(norm[i:]) {
			continue
		}
		// The vehicle: a role before the name (摩托车驾驶人张某), or the one
		// driven after it in its sentence (张某驾驶小型轿车).
		vehicle = vehicleKind(norm[cs:at])
		if vehicle == "" {
			end := len(norm)
			if j := strings.IndexAny(norm[i:], "。；;"); j >= 0 {
				end = i + j
			}
			rest := norm[i:end]
			if j := strings.IndexAny(rest, "驾骑"); j >= 0 {
				vehicle = vehicleKind(firstClause(rest[j:]))
			}
		}
		return n, vehicle
	}
	return "", ""
}

// diedAfter reports whether the clause after a name tells its death (刘某经
// 抢救无效死亡, 王某当场身亡), with no other person named between.
func diedAfter(rest string) bool {
	c := firstClause(rest)
	i := strings.Index(c, "死亡")
	if i < 0 {
		i = strings.Index(c, "身亡")
	}
	return i >= 0 && personName(c[:i]) == "" && !strings.Contains(c[:i], "致")
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
