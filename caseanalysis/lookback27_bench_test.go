package caseanalysis

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// unmarkedText is a report of about 19,000 runes with no clause mark: the
// longest sentence the 20,000-character input cap lets through, where a
// look-back over the whole sentence at each liability, name or role would
// grow with the square of its length.
func unmarkedText(unit string) string {
	return strings.Repeat(unit, 19000/utf8.RuneCountInString(unit))
}

// unmarkedUnits are the units repeated: the worst case of each reader (a
// share of liability after each name, a victim named again and again, an
// official named by role again and again), and a mixed report.
var unmarkedUnits = []string{
	"郝某负主要责任",
	"行人刘某",
	"民警郝某",
	"民警郝某赶到现场发现行人刘某经抢救无效死亡电动车驾驶人王某负事故主要责任轿车驾驶人李某负次要责任",
}

// BenchmarkLookBacksTwentySeventh times the three readers of whose liability
// and whose name a text tells on an unmarked 19K-rune text (no assertion on
// time: docs/analysis.md keeps the before/after figures).
func BenchmarkLookBacksTwentySeventh(b *testing.B) {
	for u, unit := range unmarkedUnits {
		text := unmarkedText(unit)
		b.Run(fmt.Sprintf("partyLiability/%d", u), func(b *testing.B) {
			for range b.N {
				partyLiability(text)
			}
		})
		b.Run(fmt.Sprintf("withoutDeceasedLiability/%d", u), func(b *testing.B) {
			for range b.N {
				withoutDeceasedLiability(text)
			}
		})
		b.Run(fmt.Sprintf("withRoleNames/%d", u), func(b *testing.B) {
			for range b.N {
				withRoleNames(text)
			}
		})
	}
}
