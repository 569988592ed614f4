package nlp

import "testing"

// TestClaimedCircumstancesTwentyFourth: rev24's findings on the circumstance
// cues the twenty-third round added: a first time in someone else's words
// or refuted, 从未有过 of another thing across a clause, 未有效 as no
// complaint, and a rejection that belongs to a later claim.
func TestClaimedCircumstancesTwentyFourth(t *testing.T) {
	for _, tc := range []struct {
		name, text, circ string
		want             bool
	}{
		{"the party's word, unrefuted", "负责人称是第一次被查，表示今后一定注意。", CircFirstViolation, true},
		{"the party's word, refuted", "负责人称是第一次被查，经查不属实，该店2025年5月曾因同一违法行为被警告。", CircFirstViolation, false},
		{"a shopper's first time", "消费者称第一次在该超市购物就买到过期酸奶。", CircFirstViolation, false},
		{"从未有过 of another thing", "该店开业以来从未有过纳税申报，经查询其有3条税收违法记录。", CircFirstViolation, false},
		{"从未有过 of the record", "该店开业以来从未有过税收违法记录。", CircFirstViolation, true},
		{"未有效 is no complaint not had", "当事人未有效处理消费者投诉。", CircHarmSlight, false},
		{"no complaint had", "当事人经营期间未有消费者投诉。", CircHarmSlight, true},
		{"a rejection of a later claim", "当事人称其已当场改正，经复查属实；其另称不知道需要办证，该说法不成立。", CircCorrectedInTime, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := false
			for _, c := range Extract(tc.text).Circumstances {
				if c.Name == tc.circ && !c.Negated {
					got = true
				}
			}
			if got != tc.want {
				t.Errorf("%s read %v, want %v: %q", tc.circ, got, tc.want, tc.text)
			}
		})
	}
}

// TestDescribedPartyAgeBracketTwentyFourth: the words after a full-width
// bracket are read from the rune after it (（ and ） are three bytes), so a
// pupil named with an age and then 被打伤 is the one hurt, not the party.
func TestDescribedPartyAgeBracketTwentyFourth(t *testing.T) {
	for _, s := range []string{"高一学生孙某（16岁）被打伤", "高一学生孙某(16岁)被打伤"} {
		a := len("高一学生孙某（")
		if s[len("高一学生孙某"):][0] == '(' {
			a = len("高一学生孙某(")
		}
		if describedPartyAge(s, a) {
			t.Errorf("%q: the one hurt read as the party", s)
		}
	}
}
