package caseanalysis

import (
	"cmp"
	"regexp"
	"strings"
)

// The twenty-sixth round's readings of the facts for the transfer cues
// (issue 12, transfer26b): an official named once by role and then only by
// name, and a share of an accident's liability borne by the one who died.

// officialRoles are the titles after which a record names an official
// (民警郝某, 执法人员宋某、傅某): the words the 妨害公务罪 and 袭警罪 cues
// name the victim by.
var officialRoles = []string{"民警", "交警", "警察", "执法人员", "执法队员", "稽查人员", "检查人员", "税务人员"}

// officialNamesRe finds a role and the names after it, joined by 、和及与:
// a surname of one or two characters and 某 or 某某.
var officialNamesRe = regexp.MustCompile(`(` + strings.Join(officialRoles, "|") + `)((?:\p{Han}{1,2}某某?)(?:[、和及与]\p{Han}{1,2}某某?)*)`)

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
	type naming struct{ name, role string }
	var names []naming
	keep := map[int]bool{} // starts of the namings themselves
	for _, m := range ms {
		role := text[m[2]:m[3]]
		for _, nm := range nameRe.FindAllStringIndex(text[m[4]:m[5]], -1) {
			name := text[m[4]+nm[0] : m[4]+nm[1]]
			if r, _ := firstRune(name); strings.ContainsRune(notSurnames, r) {
				continue
			}
			names = append(names, naming{name, role})
			keep[m[4]+nm[0]] = true
		}
	}
	var b strings.Builder
	for i := 0; i < len(text); {
		replaced := false
		if !keep[i] {
			for _, n := range names {
				if strings.HasPrefix(text[i:], n.name) && !strings.HasPrefix(text[i+len(n.name):], "某") {
					b.WriteString(n.role)
					i += len(n.name)
					replaced = true
					break
				}
			}
		}
		if replaced {
			continue
		}
		b.WriteByte(text[i])
		i++
	}
	return b.String()
}

// notSurnames are characters a text puts after a role that open no name
// (民警赶到某小区, 民警对某店): a "name" starting with one is none.
const notSurnames = "在到对向将把于从赶为等与和及是了某该此其各另一前后随即"

// leadLiabilityRe finds a share of liability that makes a driver's accident
// a crime (交通肇事解释 第二条: 全部或者主要责任).
var leadLiabilityRe = regexp.MustCompile(`负(?:此次|本次|该起|这起)?(?:交通)?(?:事故)?(?:的)?(?:全部|主要)责任`)

// partyRe reads who a clause is about from its start: a role in the traffic
// (电动自行车驾驶人, 行人), with the name after it when there is one (行人柏某),
// or a person named alone (覃某).
var partyRe = regexp.MustCompile(`^(?:经认定|经查|认定|其中|由于|因)?[，,：:]?(?:(\p{Han}{0,10}?(?:驾驶人|驾驶员|司机|骑车人|骑行人|行人|乘车人|乘客))(\p{Han}{1,2}某某?)?|(\p{Han}{1,2}某某?))`)

// withoutDeceasedLiability blanks, byte for byte, the 全部 or 主要 share of
// liability the facts give to a person they also say died (电动自行车驾驶人
// 当场死亡 … 电动自行车驾驶人…负事故主要责任): the one who died bears it,
// not a driver to transfer, and the party's own lesser share (次要责任)
// then decides. A share whose bearer the clause does not name, or who did
// not die, is kept.
func withoutDeceasedLiability(text string) string {
	ms := leadLiabilityRe.FindAllStringIndex(text, -1)
	if len(ms) == 0 {
		return text
	}
	b := []byte(text)
	for _, m := range ms {
		party := bearer(text, m[0])
		if party == "" || !died(text, party) {
			continue
		}
		for i := m[0]; i < m[1]; i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// bearer is who bears the liability at byte at of text: the party the clause
// opens with, else that of the clauses before it in the same sentence.
func bearer(text string, at int) string {
	sentence := text[:at]
	if k := strings.LastIndexAny(sentence, "。；;：:\n"); k >= 0 {
		_, size := firstRune(sentence[k:])
		sentence = sentence[k+size:]
	}
	clauses := strings.FieldsFunc(sentence, func(r rune) bool { return r == '，' || r == ',' })
	for i := len(clauses) - 1; i >= 0; i-- {
		if m := partyRe.FindStringSubmatch(clauses[i]); m != nil {
			return cmp.Or(m[2], m[1], m[3])
		}
	}
	return ""
}

// firstRune is the first rune of s and its size in bytes.
func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// diedRe is a death told right after the one who died: 当场死亡, 经抢救无效
// 死亡, 身亡.
var diedRe = regexp.MustCompile(`^(?:当场|经送医抢救无效|经抢救无效|抢救无效|送医后|经医院抢救无效|因伤势过重)?(?:于[^，。；,;]{0,10}?)?(?:死亡|身亡)`)

// died reports whether text says party died: the party named, and the death
// told right after the name (电动自行车驾驶人当场死亡), not a death the party
// caused (张某驾车致行人死亡).
func died(text, party string) bool {
	for i := 0; ; {
		k := strings.Index(text[i:], party)
		if k < 0 {
			return false
		}
		j := i + k + len(party)
		if diedRe.MatchString(text[j:]) {
			return true
		}
		i = j
	}
}
