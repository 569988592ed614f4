package nlp

import "testing"

// TestFirstViolationWordsThirtieth: the party's own word that it was never
// caught before, with the matter between (之前没因为这个被查过, 以前从没被查出过
// 问题), is its first violation; a 首违不罚 list that leaves the kind out
// (未将该类行为列入首违不罚清单) denies nothing of the party's record.
// Guards: a first violation denied outright, and one denied beside the list.
func TestFirstViolationWordsThirtieth(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		first      bool
	}{
		{"never caught for the matter", "某洗车店负责人称，之前没因为排水问题被查过，马上整改。", true},
		{"never found out", "答：我们店以前从没被查出过问题，会改。", true},
		{"the list leaves the kind out", "当事人系初次违法。本市未将该类违法行为列入首违不罚清单。", true},
		{"the list leaves it out, nothing else told", "经查，某酒店未按规定公示收费标准，该类行为不在首违不罚事项内，未列入首违不罚清单。", false},
		{"denied outright", "负责人承认该店并非首次违法，去年已因同样问题被处理。", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Extract(tt.text).Flag(CircFirstViolation); got != tt.first {
				t.Errorf("first_violation = %v, want %v", got, tt.first)
			}
		})
	}
}
