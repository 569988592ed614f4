package nlp

import "strings"

// revokedWords, in the sentence after an earlier penalty, tell it set aside
// on review or by a court (后经行政复议被撤销, 该处罚决定已被依法撤销,
// 经行政诉讼判决撤销): a revoked penalty is no earlier penalty (行政处罚法
// 第二十八条's 再次 needs one that stands).
var revokedWords = [...]string{"被撤销", "予以撤销", "判决撤销", "决定撤销", "已撤销", "撤销了", "依法撤销", "确认违法并撤销", "确认无效"}

// revokedReach bounds the look after an earlier penalty for its revocation
// (后经行政复议被撤销 follows it in its sentence): a long sentence of many
// penalties is not scanned to its end for each (fix30b).
const revokedReach = maxLookback

// revokedAfter reports whether the sentence after end (the end of an
// earlier penalty's clause), within revokedReach bytes, tells that penalty
// revoked, not negated (复议维持原处罚决定, 未被撤销 keep it).
func revokedAfter(s string, end int) bool {
	rest := s[end:min(len(s), end+revokedReach)]
	if k := strings.IndexAny(rest, "。；;"); k >= 0 {
		rest = rest[:k]
	}
	for _, w := range revokedWords {
		if i := Index(rest, w); i >= 0 && !Negated(rest, i) && !containsAny(lastRunes(rest[:i], 2), "未", "没", "不") {
			return true
		}
	}
	return false
}

// firstViolationListNamed reports whether a first-violation cue ending at
// end names the 首违不罚 list or its items (首违不罚清单, 首违不罚事项), not
// the party's record: a negation before it (未列入首违不罚清单, 不属于首违
// 不罚事项) leaves the kind out of the list and says nothing of whether the
// party offended before.
func firstViolationListNamed(s string, end int) bool {
	rest := s[end:]
	return strings.HasPrefix(rest, "不罚清单") || strings.HasPrefix(rest, "不罚事项") || strings.HasPrefix(rest, "不罚目录") ||
		strings.HasPrefix(rest, "不罚的清单") || strings.HasPrefix(rest, "轻微免罚")
}

// isPriorClauseBreak ends the clause an earlier penalty is read in: a
// sentence end or a comma.
func isPriorClauseBreak(r rune) bool { return isClauseEnd(r) || r == '，' || r == ',' }
