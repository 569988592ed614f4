package caseanalysis

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/cailiang/cailiang/nlp"
)

// The twenty-sixth round's readings of the facts for the transfer cues
// (issue 12, transfer26b): an official named once by role and then only by
// name, and a share of an accident's liability borne by the one who died.

// officialRoles are the titles after which a record names an official
// (民警郝某, 执法人员宋某、傅某): the words the 妨害公务罪 and 袭警罪 cues
// name the victim by.
var officialRoles = []string{"民警", "交警", "警察", "执法人员", "执法队员", "城管队员", "稽查人员", "检查人员", "税务人员"}

// officialNamesRe finds a role and the names after it, joined by 、和及与:
// a surname of one or two characters and 某 or 某某. Guarded by the roles:
// the expression opens with an alternation and no literal prefix, which
// Go's engine tried at every position of every text (most name no
// official), 1.8 % of /v1/analyze's CPU.
var officialNamesRe = nlp.Guard(`(`+strings.Join(officialRoles, "|")+`)((?:\p{Han}{1,2}某某?)(?:[、和及与]\p{Han}{1,2}某某?)*)`, officialRoles...)

// nameRe splits officialNamesRe's list of names.
var nameRe = regexp.MustCompile(`\p{Han}{1,2}?某某?`)

// withRoleNames writes an official's role where the text, after naming him
// by role and name once (民警郝某), names him by name alone (挥拳击打郝某面部,
// 抓起塑料凳砸向宋某头部): the cues of the blow at an officer (击打民警,
// 砸向执法人员) are written with the role. The naming itself is kept, and a
// longer name (宋某某 beside 宋某) is not cut.
func withRoleNames(text string) string {
	ms := officialNamesRe.FindAllStringSubmatchIndex(text, -1)
	if len(ms) == 0 {
		return text
	}
	roles := map[string]string{} // each name and the role it was first named with
	keep := map[int]bool{}       // starts of the namings themselves
	for _, m := range ms {
		role := text[m[2]:m[3]]
		for _, nm := range nameRe.FindAllStringIndex(text[m[4]:m[5]], -1) {
			name := text[m[4]+nm[0] : m[4]+nm[1]]
			if r, _ := firstRune(name); strings.ContainsRune(notSurnames, r) {
				continue
			}
			if _, ok := roles[name]; !ok {
				roles[name] = role
			}
			keep[m[4]+nm[0]] = true
		}
	}
	// A name is one or two characters and 某 or 某某 (officialNamesRe): the
	// names that may start at a byte are its prefixes of two to four runes,
	// looked up, so the rewrite is linear in the text however many namings
	// it holds. Of those prefixes at most one is not followed by 某.
	var b strings.Builder
	for i := 0; i < len(text); {
		if !keep[i] {
			if name, ok := nameAt(text[i:], roles); ok {
				b.WriteString(roles[name])
				i += len(name)
				continue
			}
		}
		b.WriteByte(text[i])
		i++
	}
	return b.String()
}

// nameAt returns the name of roles s starts with, not followed by 某 (宋某
// is not the start of 宋某某).
func nameAt(s string, roles map[string]string) (string, bool) {
	end := 0
	for runes := 1; runes <= 4 && end < len(s); runes++ {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
		if runes < 2 {
			continue
		}
		if _, ok := roles[s[:end]]; ok && !strings.HasPrefix(s[end:], "某") {
			return s[:end], true
		}
	}
	return "", false
}

// notSurnames are characters a text puts after a role that open no name
// (民警赶到某小区, 民警对某店): a "name" starting with one is none.
const notSurnames = "在到对向将把于从赶为等与和及是了某该此其各另一前后随即"

// partyRe reads who a clause is about from its start: a role in the traffic
// (电动自行车驾驶人, 行人), with the name after it when there is one (行人柏某),
// or a person named alone (覃某).
var partyRe = regexp.MustCompile(`^(?:经认定|经查|认定|其中|由于|因)?[，,：:]?(?:(\p{Han}{0,10}?(?:驾驶人|驾驶员|司机|骑车人|骑行人|行人|乘车人|乘客))(\p{Han}{1,2}某某?)?|(\p{Han}{1,2}某某?))`)

// withoutDeceasedLiability blanks, byte for byte, the 全部 or 主要 share of
// liability the facts give to a person they also say died (电动自行车驾驶人
// 当场死亡 … 电动自行车驾驶人…负事故主要责任): the one who died bears it,
// not a driver to transfer, and the party's own lesser share (次要责任)
// then decides. Whose a share is and who died is liabilityShares's reading,
// the one the 交通肇事罪 condition uses.
func withoutDeceasedLiability(text string) string {
	var b []byte
	for _, sh := range liabilityShares(text) {
		if !sh.dead || (sh.grade != "全部" && sh.grade != "主要") {
			continue
		}
		if b == nil {
			b = []byte(text)
		}
		for i := sh.start; i < sh.end; i++ {
			b[i] = ' '
		}
	}
	if b == nil {
		return text
	}
	return string(b)
}

// firstRune is the first rune of s and its size in bytes.
func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}
