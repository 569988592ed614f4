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

// Documents builds the document generator: the built-in templates with
// cfg.DocumentTemplates' files over them. It returns an error wrapping
// documents.ErrTemplate naming a file that cannot be read or parsed.
func Documents(cfg Config) (*documents.Generator, error) {
	return documents.New(documents.Config{TemplateDir: cfg.DocumentTemplates})
}

// documentSpecs are, per kind, the 文号 family, who issues it and in which
// stages of the case (the ordinary procedure of 行政处罚法 第五章第三节).
var documentSpecs = map[documents.Kind]casework.DocumentSpec{
	documents.KindFiling: {Family: "立", Roles: []casework.Role{casework.RoleOfficer},
		Stages: []casework.Stage{casework.StageFiling, casework.StageInvestigating}},
	documents.KindNotice: {Family: "罚告", Roles: []casework.Role{casework.RoleOfficer},
		Stages: []casework.Stage{casework.StageDiscretion, casework.StageNotified}},
	documents.KindHearingNotice: {Family: "听告", Roles: []casework.Role{casework.RoleOfficer},
		Stages: []casework.Stage{casework.StageNotified}},
	documents.KindReview: {Family: "法审", Roles: []casework.Role{casework.RoleReviewer},
		Stages: []casework.Stage{casework.StageReview, casework.StageApproval, casework.StageCollective}},
	documents.KindDecision: {Family: "处罚", Roles: []casework.Role{casework.RoleOfficer},
		Stages: []casework.Stage{casework.StageDecided, casework.StageServed}},
	documents.KindNoPenalty: {Family: "不罚", Roles: []casework.Role{casework.RoleOfficer},
		Stages: []casework.Stage{casework.StageDecided, casework.StageServed}},
	documents.KindTransfer: {Family: "移", Roles: []casework.Role{casework.RoleOfficer},
		Stages: []casework.Stage{casework.StageInvestigating, casework.StageDiscretion, casework.StageTransferred}},
	// 送达回证 carries no number of its own.
	documents.KindService: {Roles: []casework.Role{casework.RoleOfficer},
		Stages: []casework.Stage{casework.StageNotified, casework.StageDecided, casework.StageServed}},
}

// CaseDocuments makes the documents of cases: the generator, the imported
// statutes citations are checked against, and the working-day calendar.
type CaseDocuments struct {
	Generator *documents.Generator
	Statutes  documents.Statutes
	// Calendar counts the notices' periods; nil leaves the dates out.
	Calendar *workdays.Calendar
}

// Spec returns the casework.DocumentSpec of kind (with its title).
func (d CaseDocuments) Spec(kind documents.Kind, title string) casework.DocumentSpec {
	s := documentSpecs[kind]
	s.Kind, s.Title = string(kind), title
	return s
}

// Made is a rendered case document with what the checks found.
type Made struct {
	Doc      documents.Document
	Input    documents.Input
	Problems []documents.Problem
}

// Make renders kind for the case of dc on date with number (empty for a
// draft or a kind without one) and runs every check. For a decision the
// date is the day it was decided. Errors: CaseInput's, the generator's
// (*documents.InputError, documents.ErrTemplate).
func (d CaseDocuments) Make(dc casework.DocumentContext, kind documents.Kind, date time.Time, number string, draft bool) (Made, error) {
	c := dc.Case
	if (kind == documents.KindDecision || kind == documents.KindNoPenalty) && !c.Decided.IsZero() {
		date = c.Decided
	}
	cd := CaseDocument{Case: c, Agency: dc.Agency, Details: d.Generator.AgencyDetails(dc.Agency.Code), Officers: dc.Officers,
		Evidence: dc.Evidence, Date: date, Number: number, Draft: draft}
	in, err := CaseInput(cd, d.Statutes, d.Calendar, d.Generator.Profile(string(c.Sector)))
	if err != nil {
		return Made{}, err
	}
	if kind == documents.KindService {
		latest := map[string]casework.IssuedDocument{}
		for _, x := range dc.Issued {
			latest[x.Kind] = x
		}
		for _, k := range documents.Kinds {
			if x, ok := latest[string(k)]; ok && k != documents.KindService {
				in.Service.Documents = append(in.Service.Documents, strings.TrimSpace(x.Title+" "+x.Number))
			}
		}
		in.Service.Place = c.Party.Address
	}
	doc, err := d.Generator.Render(kind, in)
	if err != nil {
		return Made{}, err
	}
	return Made{Doc: doc, Input: in, Problems: d.Generator.Check(doc, in, d.Statutes)}, nil
}
