package caseanalysis

import (
	"slices"

	"github.com/cailiang/cailiang/nlp"
)

// priorRead reads the earlier penalties a request's text tells once, when
// first asked, for the window checks of every suggested violation
// (priorWithinFlags, priorPenaltiesWindow): each read the text anew per
// violation before (fix30b, the review of the twenty-ninth round).
type priorRead struct {
	text      string
	reads     int // how many times the text was read: 0 or 1
	told, own []nlp.PriorPenalty
}

// all is every earlier penalty the text tells (nlp.PriorPenaltiesTold),
// another party's and revoked ones marked.
func (r *priorRead) all() []nlp.PriorPenalty {
	if r.reads == 0 {
		r.reads++
		r.told = nlp.PriorPenaltiesTold(r.text)
		r.own = slices.DeleteFunc(slices.Clone(r.told), func(p nlp.PriorPenalty) bool { return p.Other || p.Revoked })
	}
	return r.told
}

// ownStanding is the party's own earlier penalties that stand
// (nlp.PriorPenalties).
func (r *priorRead) ownStanding() []nlp.PriorPenalty {
	r.all()
	return r.own
}
