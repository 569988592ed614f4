package nlp

import "testing"

// TestCircumstancePhrasingsTwentySeventh: circumstance phrasings a 现场笔录
// uses that the cue lists missed (the party's own word it was never fined
// or inspected before; a clean-up hired out of its own accord), and the
// words that stay out (another shop's record; a clean-up ordered).
func TestCircumstancePhrasingsTwentySeventh(t *testing.T) {
	checkCircumstanceRows(t, []circumstanceRow{
		{"never fined before, in the party's words", "店主说以前没被罚过，这次确实不清楚规定。", CircFirstViolation, true},
		{"never inspected before", "负责人称之前也没被查过，当场表示马上改。", CircFirstViolation, true},
		{"fined many times is no first", "该店屡次被查处，仍未改正。", CircFirstViolation, false},
		{"a clean-up hired out", "事发当晚，企业找专业公司清除了泄漏到沟渠里的柴油。", CircSelfRemovedHarm, true},
		{"a third party hired to clean", "厂方随后请第三方将渗漏的废液清理完毕。", CircSelfRemovedHarm, true},
		{"a clean-up ordered is no removal of its own accord", "执法人员责令其立即清理现场。", CircSelfRemovedHarm, false},
	})
}
