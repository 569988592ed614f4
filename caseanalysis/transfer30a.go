package caseanalysis

import (
	"slices"

	"github.com/cailiang/cailiang/nlp"
)

// The twenty-ninth round's readings of the facts for the transfer thresholds
// (issue 12, transfer30a): child workers listed each with a birth date.
// The others extend the readers of the rounds before (monthListRe,
// invoiceMaking, namedGamblers, withBlowAtOfficial, defianceOpeningRe).

// birthsUnder16 counts the birth dates that put someone under sixteen on
// the act's first day: a unit's workers listed each with a birth date
// (四人分别为：向某，2010年5月出生；武某，2010年11月出生……), the first of
// which the extraction took for the party's age. Only where a unit hires
// (unitWorkerUnder16 asks it first): a unit has no birth date of its own.
func birthsUnder16(x nlp.Extraction) float64 {
	i := slices.IndexFunc(x.Dates, func(d nlp.Date) bool { return d.Role == nlp.DateAct })
	if i < 0 {
		return 0
	}
	n := 0.0
	for _, d := range x.Dates {
		if d.Role != nlp.DateBirth {
			continue
		}
		if a, ok := nlp.AgeOn([]nlp.Date{d}, x.Dates[i].Value); ok && a < 16 {
			n++
		}
	}
	return n
}
