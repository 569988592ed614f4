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
