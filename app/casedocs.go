package app

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/documents"
	"github.com/cailiang/cailiang/workdays"
)

// CaseDocument is what a case's document is made from: the case as stored,
// its agency with the details of the template directory's agencies.yaml,
// the officers and evidence records, the document's date and 文号.
type CaseDocument struct {
	Case     casework.Case
	Agency   casework.Agency
	Details  documents.Agency
	Officers []casework.User
	Evidence []casework.Evidence
	// Date is the document's date: for a decision, the day it was decided.
	Date time.Time
	// Number is the assigned 文号, empty for a draft.
	Number string
	// Draft marks the document 草稿 (downloads before issue).
	Draft bool
}

// CaseInput builds the documents input of a case: the party, facts and
// evidence, the attached analysis (the provisions violated and the penalty
// basis of the violation the proposal rests on, each with the statute's
// text resolved through st on the document's date when the analysis did
// not carry it; the engine's steps and the statutory range), the decided
// proposal (fine, confiscation, other penalties, 裁量理由, the recorded
// deviation as the mitigation), the agency's name and details, the
// officers, and the notice periods as dates counted in working days on cal
// (nil: no dates). It returns an error wrapping casework.ErrInvalid when
// the attached analysis is not an analysis, and the calendar's error when
// a period ends beyond its known schedule.
func CaseInput(cd CaseDocument, st documents.Statutes, cal *workdays.Calendar, p documents.Profile) (documents.Input, error) {
	c := cd.Case
	date := cd.Date.Format(time.DateOnly)
	in := documents.Input{Draft: cd.Draft, Sector: string(c.Sector), Number: cd.Number, Date: date, Agency: cd.Details}
	in.Agency.Name = cd.Agency.Name
	in.Party = documents.Party{Kind: c.Party.Kind, Name: c.Party.Name, Address: c.Party.Address, LegalRep: c.Party.Representative, Phone: c.Party.Phone}
	if in.Party.Kind == "" {
		in.Party.Kind = documents.PartyOrganisation
	}
	if in.Party.Organisation() {
		in.Party.CreditCode = c.Party.IDNumber
	} else {
		in.Party.IDNumber = c.Party.IDNumber
	}
	in.Case = documents.Case{Source: c.Source, Facts: c.Facts}
	if !c.Opened.IsZero() {
		in.Case.FiledOn = c.Opened.Format(time.DateOnly)
	}
	for _, e := range cd.Evidence {
		item := e.Name
		if e.Note != "" {
			item += "（" + e.Note + "）"
		}
		in.Case.Evidence = append(in.Case.Evidence, item)
	}
	for _, id := range c.Officers {
		name := id
		for _, u := range cd.Officers {
			if u.ID == id && u.Name != "" {
				name = u.Name
			}
		}
		in.Case.Officers = append(in.Case.Officers, name)
	}
	if pr := c.Proposal; pr != nil {
		in.Penalty = documents.Penalty{Fine: pr.Fine, Gains: pr.Confiscation, Other: slices.Clone(pr.Other)}
		in.Discretion = slices.Clone(pr.Reasons)
	}
	if len(c.Analysis) > 0 {
		var res caseanalysis.Result
		if err := json.Unmarshal(c.Analysis, &res); err != nil {
			return in, fmt.Errorf("case %s: attached analysis: %v: %w", c.ID, err, casework.ErrInvalid)
		}
		if v := proposedViolation(res, c.Proposal); v != nil {
			fillFromViolation(&in, res, v)
		}
		if res.Transfer.Crime != "" {
			in.Transfer.Crime = res.Transfer.Crime
			in.Transfer.Reason = strings.TrimSpace(res.Transfer.Threshold + " " + res.Transfer.Note)
		}
	}
	if in.Case.Cause == "" {
		in.Case.Cause = c.Title
	}
	if pr := c.Proposal; pr != nil && in.Penalty.Fine > 0 && in.Penalty.Fine < in.Penalty.StatutoryMin {
		in.Penalty.Mitigation = pr.Deviation
	}
	if st != nil {
		for _, ps := range [][]documents.Provision{in.Violated, in.Basis} {
			for i := range ps {
				if ps[i].Text != "" {
					continue
				}
				if art, err := st.Article(ps[i].Law, ps[i].Article, date); err == nil {
					ps[i].Text = art.Text
				}
			}
		}
	}
	if cal != nil {
		for _, d := range []struct {
			days int
			out  *string
		}{{p.StatementDays, &in.Deadlines.Statement}, {p.HearingDays, &in.Deadlines.Hearing}} {
			end, err := cal.AddWorkdays(cd.Date, d.days)
			if err != nil {
				return in, fmt.Errorf("case %s: deadline: %w", c.ID, err)
			}
			*d.out = end.Format(time.DateOnly)
		}
	}
	return in, nil
}

// proposedViolation is the violation the proposal rests on (its Basis is
// the benchmark's ID), else the first with a suggestion; nil when none.
func proposedViolation(res caseanalysis.Result, pr *casework.Proposal) *caseanalysis.Violation {
	var first *caseanalysis.Violation
	for i := range res.Violations {
		v := &res.Violations[i]
		if v.Suggestion == nil {
			continue
		}
		if pr != nil && pr.Basis != "" && v.BenchmarkID == pr.Basis {
			return v
		}
		if first == nil {
			first = v
		}
	}
	return first
}
