package caseanalysis

import (
	"strconv"
	"strings"

	"github.com/cailiang/cailiang/nlp"
)

// datedTheftRe finds a theft told with its own date (2025年10月3日凌晨在某菜场
// 门口偷走…; 2026年1月19日晚…窃取一箱快递): the date, then within the same
// sentence part a verb of taking by the one who acted.
var datedTheftRe = nlp.Guard(`([0-9]{4})年([0-9]{1,2})月(?:[0-9]{1,2}日)?[^。；;]{0,40}?(?:偷走|偷了|偷取|窃取|窃走|盗走|盗取|窃得|盗窃|扒窃|顺走|偷拿)`, "偷", "窃", "盗", "顺走")

// withDatedThefts writes the name of the conduct (，多次盗窃) after the text
// when it tells three thefts or more one by one, each with a date of its own
// and within two years (2013年盗窃解释 第三条第一款: 二年内盗窃三次以上): a
// confession or a register lists them by date rather than counting them
// (transfer30b). A theft the victim reports (被盗, 失窃) or a denied one
// (未窃取) is none of the party's; one date told twice counts once. Nor are
// thefts the party suffered (被人偷走, 遭人盗窃) or goods another stole that
// the party bought (收购张某盗窃的电缆): 第三条 counts the thief's own thefts
// (fix30a).
func withDatedThefts(text string) string {
	ms := datedTheftRe.FindAllStringSubmatchIndex(text, -1)
	if len(ms) < 3 {
		return text
	}
	seen := map[string]bool{}
	lo, hi := 1<<30, -1
	for _, m := range ms {
		span := text[m[0]:m[1]]
		if containsAny(span, []string{"被盗", "被偷", "被窃", "失窃", "报警", "民警"}) || nlp.Negated(text, m[1]-len("窃取")) || notOwnTheft(text, m[0], m[1]) {
			continue
		}
		y, err1 := strconv.Atoi(text[m[2]:m[3]])
		mo, err2 := strconv.Atoi(text[m[4]:m[5]])
		if err1 != nil || err2 != nil || mo < 1 || mo > 12 {
			continue
		}
		day := text[m[2] : m[0]+strings.Index(span, "日")+1]
		if !strings.Contains(span, "日") {
			day = text[m[2]:m[5]]
		}
		if seen[day] {
			continue
		}
		seen[day] = true
		k := y*12 + mo - 1
		lo, hi = min(lo, k), max(hi, k)
	}
	if len(seen) < 3 || hi-lo > 24 {
		return text
	}
	return text + "，多次盗窃"
}

// theftVictimWords, in the clause before a verb of taking, make the theft
// another's: the party suffered it (被人偷走, 遭人盗窃) or took in what another
// stole (收购…盗窃的, 收受…窃取的).
var theftVictimWords = []string{"被", "遭", "收购", "购买", "买入", "收受", "窝藏", "代为销售", "转卖"}

// notOwnTheft reports whether the verb of taking ending at end, told after
// a date at start, is none of the party's own theft: a modifier of goods
// (盗窃的电缆, 窃取的井盖: what another stole) or a verb whose clause tells the
// party as the victim or the buyer. 被发现偷走 is still the party's.
func notOwnTheft(text string, start, end int) bool {
	if strings.HasPrefix(text[end:], "的") {
		return true
	}
	clause := text[start:end]
	if i := strings.LastIndexAny(clause, "，,、"); i >= 0 {
		clause = clause[i:]
	}
	clause = strings.NewReplacer("被发现", "", "被查获", "", "被抓获", "").Replace(clause)
	return containsAny(clause, theftVictimWords)
}
