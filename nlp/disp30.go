package nlp

import "math"

// partyBirthOverStatedAge gives the party's birth date the last word on
// its age where an age the text states disagrees with it by two years or
// more (丁某，1996年4月出生 … 唆使两名十五岁少年): a bare age read as the
// party's then belongs to someone else the text names, and is kept among
// the stated others. An age within a year of the birth date's is the same
// person's, told by 虚岁 or counted on another day, and stays.
func partyBirthOverStatedAge(x *Extraction, others *[]float64) {
	if x.Age == nil {
		return
	}
	born, st, en := ageFromBirth(x.Dates)
	if born == nil || math.Abs(*born-*x.Age) < 2 {
		return
	}
	*others = append(*others, *x.Age)
	x.Age, x.AgeStart, x.AgeEnd = born, st, en
}

// endedOnWords tell the act undone or stopped as a done thing (已整体拆除,
// 已停业): the date of the phrase is the day the act ended, from which
// 行政处罚法 第三十六条第二款 counts a continuing act's two years.
var endedOnWords = [...]string{"已拆除", "已整体拆除", "已全部拆除", "已自行拆除", "已经拆除", "已停业", "已关停", "已停止经营", "已停止销售", "已停止使用", "已不再"}

// endedOn reports whether a date's phrase tells the act ended on it
// (2023年11月物流园改造时已整体拆除): not an order to end it (责令…拆除,
// 限期…), nor what a check found (检查时已拆除 is the check's day, read
// before this), nor a denial (尚未拆除 has no 已).
func endedOn(phrase string) bool {
	return containsUnnegated(phrase, endedOnWords[:]...) && !containsAny(phrase, "责令", "要求", "限期", "通知", "仍", "继续", "又")
}

// claimedBefore reports whether a claim word (辩称, 主张, 称其 …) stands
// before i in its sentence: what follows is the party's argument.
func claimedBefore(s string, i int) bool {
	lo := max(0, i-80*len("。"))
	start := lo + lastStopOrNewline(s[lo:i]) + 1
	return containsAny(s[start:i], claimWords...)
}

// confessedAside reports whether the cue c at i (没查这个, 没问这个) is the
// party's aside to the officers: 你们 before it in its clause, and the clause
// ending right after it (你们表上没查这个，我觉得还是讲出来好). 你们没查这个就别乱写
// runs on as a denial; 他们没查这个 is of someone else.
func confessedAside(s string, i int, c string) bool {
	return Contains(s[clauseBefore(s, i, isClauseEnd):i], "你们") && hasAnyPrefix(s[i+len(c):], "，", "。", ",", "；", ";", "！", "!")
}
