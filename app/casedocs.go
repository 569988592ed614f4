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
	// Deliveries and Statements are the case's procedure records; Staff
	// the agency's users (the 送达人 and the reviewer by name).
	Deliveries []casework.Delivery
	Statements []casework.Statement
	Staff      []casework.User
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
	// Documents are dated by the Beijing day: a decision approved at 07:00
	// Beijing time (23:00 UTC the day before) bears the day it was made.
	cd.Date = cd.Date.In(chinaZone)
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
		in.Case.FiledOn = casework.ChinaDay(c.Opened)
	}
	for _, e := range cd.Evidence {
		item := e.Name
		if e.Note != "" {
			item += "（" + e.Note + "）"
		}
		in.Case.Evidence = append(in.Case.Evidence, item)
	}
	for _, id := range c.Officers {
		o := documents.Officer{Name: id}
		for _, u := range cd.Officers {
			if u.ID == id {
				o = officer(u)
			}
		}
		in.Case.Officers = append(in.Case.Officers, o)
	}
	if c.Review != nil {
		in.Review = reviewInput(*c.Review, cd.Staff)
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
	pr, err := procedure(cd, cal, p)
	if err != nil {
		return in, fmt.Errorf("case %s: %w", c.ID, err)
	}
	in.Procedure = pr
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
	if kind == documents.KindReview && c.Review != nil && !c.Review.At.IsZero() {
		date = c.Review.At // the opinion's day
	}
	var last *casework.Delivery
	if n := len(dc.Deliveries); kind == documents.KindService && n > 0 {
		last = &dc.Deliveries[n-1]
		date = last.At
	}
	cd := CaseDocument{Case: c, Agency: dc.Agency, Details: d.Generator.AgencyDetails(dc.Agency.Code), Officers: dc.Officers,
		Evidence: dc.Evidence, Deliveries: dc.Deliveries, Statements: dc.Statements, Staff: dc.Staff,
		Date: date, Number: number, Draft: draft}
	in, err := CaseInput(cd, d.Statutes, d.Calendar, d.Generator.Profile(string(c.Sector)))
	if err != nil {
		return Made{}, err
	}
	switch {
	case last != nil:
		// The 送达回证 of the latest recorded delivery.
		serviceInput(&in, *last, dc.Staff)
	case kind == documents.KindService:
		// Before any delivery is recorded: a form for the latest version
		// of each issued kind, to be completed by hand.
		latest := map[string]casework.IssuedDocument{}
		for _, x := range dc.Issued {
			latest[x.Kind] = x
		}
		for _, k := range documents.Kinds {
			if x, ok := latest[string(k)]; ok && k != documents.KindService {
				name := x.Title
				if x.Number != "" {
					name += "（" + x.Number + "）"
				}
				in.Service.Documents = append(in.Service.Documents, name)
			}
		}
		in.Service.Place = c.Party.Address
		in.Service.Servers = in.Case.Officers
	}
	doc, err := d.Generator.Render(kind, in)
	if err != nil {
		return Made{}, err
	}
	problems := d.Generator.Check(doc, in, d.Statutes)
	if spec := documentSpecs[kind]; spec.Family != "" && strings.TrimSpace(dc.Agency.DocPrefix) == "" {
		problems = append(problems, documents.Problem{Code: "missing", Element: "文号代字",
			Message: "机关未设置文号代字，无法编文号（由管理员设置：PUT /v1/agencies/" + dc.Agency.Code + " 的 doc_prefix）"})
	}
	return Made{Doc: doc, Input: in, Problems: problems}, nil
}

// officer is a user as documents name an 执法人员.
func officer(u casework.User) documents.Officer {
	name := u.Name
	if name == "" {
		name = u.ID
	}
	return documents.Officer{Name: name, Cert: u.CertNumber}
}

// staffOfficer is the agency's user id as an 执法人员.
func staffOfficer(staff []casework.User, id string) documents.Officer {
	for _, u := range staff {
		if u.ID == id {
			return officer(u)
		}
	}
	return documents.Officer{Name: id}
}

var verdictLabels = map[casework.Verdict]string{casework.VerdictPass: "通过", casework.VerdictIssue: "存在问题"}

// reviewInput is the 法制审核意见书's part of the input: each checklist
// item with the reviewer's mark and note, the opinion with its reasons,
// and the reviewer by name. Unmarked items and a missing opinion stay
// empty, for the template to mark them missing.
func reviewInput(r casework.Review, staff []casework.User) documents.Review {
	var out documents.Review
	for _, it := range r.Items {
		finding := verdictLabels[it.Verdict]
		if finding != "" && strings.TrimSpace(it.Note) != "" {
			finding += "。" + strings.TrimSpace(it.Note)
		}
		out.Items = append(out.Items, documents.ReviewItem{Item: it.Label, Finding: finding})
	}
	if r.Opinion != "" {
		out.Opinion = r.Opinion.Label()
		if reasons := strings.TrimSpace(r.Reasons); reasons != "" {
			out.Opinion += "。" + reasons
		}
	}
	if r.By != "" {
		out.Reviewer = staffOfficer(staff, r.By).Name
	}
	return out
}

// procedure is the record of the notice's service and the party's
// statements: the notice counts as served on the first recorded delivery
// of it, and the periods run from that day in working days on cal (nil:
// no period ends are known).
func procedure(cd CaseDocument, cal *workdays.Calendar, p documents.Profile) (*documents.Procedure, error) {
	pr := &documents.Procedure{}
	var served time.Time
	for _, d := range cd.Deliveries {
		if d.Delivered(string(documents.KindNotice)) && (served.IsZero() || d.ServedOn().Before(served)) {
			served = d.ServedOn()
		}
	}
	if !served.IsZero() {
		pr.NoticeServed = casework.ChinaDay(served)
		if cal != nil {
			for _, x := range []struct {
				days int
				out  *string
			}{{p.StatementDays, &pr.StatementEnds}, {p.HearingDays, &pr.HearingEnds}} {
				end, err := cal.AddWorkdays(served, x.days)
				if err != nil {
					return nil, fmt.Errorf("period from the notice's service: %w", err)
				}
				*x.out = end.Format(time.DateOnly)
			}
		}
	}
	for _, st := range cd.Statements {
		pr.Statements = append(pr.Statements, documents.StatementRecord{Received: casework.ChinaDay(st.Received), Text: st.Text, Hearing: st.Hearing,
			Waived: st.Waived, Outcome: st.Outcome.Label(), Reasons: st.Reasons})
	}
	return pr, nil
}

// chinaZone is the zone the documents' dates and times are written in.
var chinaZone = time.FixedZone("CST", 8*3600)

// serviceInput fills the 送达回证 from delivery d: what was served, to
// whom, how, where, when and by whom.
func serviceInput(in *documents.Input, d casework.Delivery, staff []casework.User) {
	s := documents.Service{Method: d.Method.Label(), Addressee: d.Addressee, Place: d.Place, Recipient: d.Recipient,
		Relation: d.Relation, Note: d.Note}
	for _, x := range d.Documents {
		name := x.Title
		if x.Number != "" {
			name += "（" + x.Number + "）"
		}
		s.Documents = append(s.Documents, name)
	}
	at := d.At.In(chinaZone)
	s.Time = fmt.Sprintf("%d年%d月%d日%d时%02d分", at.Year(), int(at.Month()), at.Day(), at.Hour(), at.Minute())
	if d.Method == casework.DeliverPublic {
		s.Time = fmt.Sprintf("%d年%d月%d日公告（自公告之日起经过三十日视为送达）", at.Year(), int(at.Month()), at.Day())
	}
	for _, id := range d.Officers {
		s.Servers = append(s.Servers, staffOfficer(staff, id))
	}
	in.Service = s
}

// DeliveryTerms are the periods that run from a delivery: for a decision,
// the 15 days to pay (行政处罚法 第六十七条第三款), 60 days to apply for
// administrative review (行政复议法 第二十条第一款) and 6 months to sue
// (行政诉讼法 第四十六条第一款), each from the day it was served; a last
// day on a holiday moves to the next working day (民事诉讼法 第八十五条
// 第三款, which 行政处罚法 第六十一条 applies to service).
type DeliveryTerms struct {
	// ServedOn is the day service counts from (a public notice: thirty
	// days after publication).
	ServedOn   string `json:"served_on"`
	Payment    string `json:"payment,omitempty"`
	Review     string `json:"review,omitempty"`
	Litigation string `json:"litigation,omitempty"`
	// StatementEnds and HearingEnds end the notice's periods, in working
	// days (行政处罚法 第六十四条第（一）项, 第八十五条).
	StatementEnds string `json:"statement_ends,omitempty"`
	HearingEnds   string `json:"hearing_ends,omitempty"`
}

// Terms returns the periods running from delivery d under the sector's
// profile; without cal the ends are left on the calendar day.
func (d CaseDocuments) Terms(dl casework.Delivery, sector string) (DeliveryTerms, error) {
	p := d.Generator.Profile(sector)
	served := dl.ServedOn()
	out := DeliveryTerms{ServedOn: casework.ChinaDay(served)}
	end := func(t time.Time) (string, error) {
		if d.Calendar != nil {
			for range 30 { // the longest run of holidays is well under this
				ok, err := d.Calendar.IsWorkday(t)
				if err != nil {
					return "", err
				}
				if ok {
					break
				}
				t = t.AddDate(0, 0, 1)
			}
		}
		return t.Format(time.DateOnly), nil
	}
	var err error
	if dl.Delivered(string(documents.KindDecision)) {
		for _, x := range []struct {
			t   time.Time
			out *string
		}{{served.AddDate(0, 0, p.PaymentDays), &out.Payment}, {served.AddDate(0, 0, p.ReviewDays), &out.Review},
			{served.AddDate(0, p.LitigationMonths, 0), &out.Litigation}} {
			if *x.out, err = end(x.t); err != nil {
				return out, err
			}
		}
	}
	if dl.Delivered(string(documents.KindNotice)) && d.Calendar != nil {
		for _, x := range []struct {
			days int
			out  *string
		}{{p.StatementDays, &out.StatementEnds}, {p.HearingDays, &out.HearingEnds}} {
			t, err := d.Calendar.AddWorkdays(served, x.days)
			if err != nil {
				return out, err
			}
			*x.out = t.Format(time.DateOnly)
		}
	}
	return out, nil
}
