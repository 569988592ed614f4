package casework

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cailiang/cailiang/redact"
)

// Publication (行政执法公示): on the decision a record of what the public
// will read is made in the same transaction, with its due date in working
// days by the agency's rule and personal information already removed; the
// agency's reviewers and leaders edit it, publish it, and withdraw it. A
// revoked decision withdraws its publication at once, inside the 3 working
// days that 市场监督管理行政处罚信息公示规定 第十一条 and 行政处罚法 第四十八条
// allow, and the record keeps the reason.

// PublicationState is where a publication is.
type PublicationState string

// The states of a publication.
const (
	// PubDue (待公示): made on the decision, not public yet.
	PubDue PublicationState = "due"
	// PubPublished (已公示): on the public list.
	PubPublished PublicationState = "published"
	// PubWithdrawn (已撤回): off the public list, with the reason.
	PubWithdrawn PublicationState = "withdrawn"
	// PubExempt (不予公示): the agency's rule does not publish this decision
	// (a warning alone, 市场监督管理行政处罚信息公示规定 第二条).
	PubExempt PublicationState = "exempt"
	// PubEnded (已停止公示): its display period ended and it left the
	// public list (市场监督管理行政处罚信息公示规定 第十三条; TakeDownExpired).
	PubEnded PublicationState = "ended"
)

var pubLabels = map[PublicationState]string{PubDue: "待公示", PubPublished: "已公示", PubWithdrawn: "已撤回", PubExempt: "不予公示",
	PubEnded: "已停止公示"}

// Label is the state's Chinese name.
func (s PublicationState) Label() string { return pubLabels[s] }

// Publication deadlines, in working days.
const (
	// DefaultPublicationDays: 国办发〔2018〕118号 asks for 行政处罚 decisions
	// within 7 working days of the decision. Market regulation agencies set
	// 20 (市场监督管理行政处罚信息公示规定 第九条).
	DefaultPublicationDays = 7
	// WithdrawalDays: a publication whose decision is varied, revoked or
	// found unlawful or void is withdrawn within 3 working days, with
	// reasons (市场监督管理行政处罚信息公示规定 第十一条).
	WithdrawalDays = 3
	// DueSoonDays: a due publication within this many working days of its
	// deadline is listed as due soon.
	DueSoonDays = 2
)

// PublicationRule is an agency's publication rule (Agency.Publication).
type PublicationRule struct {
	// Days is the deadline in working days after the decision (1–60).
	Days int `json:"days"`
	// SkipWarnings: a decision of a warning alone is not published
	// (市场监督管理行政处罚信息公示规定 第二条).
	SkipWarnings bool `json:"skip_warnings"`
	// MaskPartyName masks a natural person party's name too (practice
	// varies; 行政处罚结果信息网上公开暂行办法 only requires other persons').
	MaskPartyName bool `json:"mask_party_name"`
	// PushDays and RemoteDays replace Days when the party is registered in
	// another province: the record is pushed to the registration place's
	// agency within PushDays working days of the decision, which publishes
	// it within RemoteDays of receiving it (10 + 10 in
	// 市场监督管理行政处罚信息公示规定 第十条). Both 0: Days applies to every party.
	PushDays   int `json:"push_days,omitempty"`
	RemoteDays int `json:"remote_days,omitempty"`
	// Province is the agency's province (two-digit 行政区划 code); empty:
	// the service's configured province (Config.Province).
	Province string `json:"province,omitempty"`
	// SmallFinePerson and SmallFineOrg are the 较低数额罚款 in yuan (at or
	// below) for a natural person and for an organisation: a decision of
	// nothing but such a fine (or 通报批评, with or without a warning) is
	// shown 3 months, any other 3 years (第十三条; the province sets the
	// amounts, so there is no default). 0: no fine counts as small.
	SmallFinePerson float64 `json:"small_fine_person,omitempty"`
	SmallFineOrg    float64 `json:"small_fine_org,omitempty"`
}

// DefaultPublicationRule applies to agencies that set none.
var DefaultPublicationRule = PublicationRule{Days: DefaultPublicationDays}

// Validate returns ErrInvalid for a deadline outside 1–60 working days,
// push and remote days that are not both 0 or both 1–30, an unknown
// province code or a negative amount.
func (r PublicationRule) Validate() error {
	if r.Days < 1 || r.Days > 60 {
		return fmt.Errorf("publication.days %d: 1–60 working days: %w", r.Days, ErrInvalid)
	}
	if (r.PushDays == 0) != (r.RemoteDays == 0) || r.PushDays < 0 || r.PushDays > 30 || r.RemoteDays < 0 || r.RemoteDays > 30 {
		return fmt.Errorf("publication.push_days %d, remote_days %d: both 0 or both 1–30 working days: %w", r.PushDays, r.RemoteDays, ErrInvalid)
	}
	if r.Province != "" && ProvinceName(r.Province) == "" {
		return fmt.Errorf("publication.province %q: not a province code (e.g. 34): %w", r.Province, ErrInvalid)
	}
	if r.SmallFinePerson < 0 || r.SmallFineOrg < 0 || r.SmallFinePerson > 1e9 || r.SmallFineOrg > 1e9 {
		return fmt.Errorf("publication.small_fine: 0–1e9 yuan: %w", ErrInvalid)
	}
	return nil
}

// Calendar counts working days; *workdays.Calendar is the one the product
// uses (app wires it).
type Calendar interface {
	// AddWorkdays returns the n-th working day after d; an error when d or
	// the result lies beyond the known holiday schedule.
	AddWorkdays(d time.Time, n int) (time.Time, error)
}

// Notice is the text of a publication: the fields 市场监督管理行政处罚信息公示规定
// 第六条 lists, all of them public.
type Notice struct {
	// DocNumber is the 文书号 (行政处罚决定书文号); a placeholder until
	// documents are numbered, editable before publishing.
	DocNumber string `json:"doc_number"`
	// PartyName is the 当事人 name or 名称; PartyCode its 统一社会信用代码
	// (organisations only: a person's ID number is never published).
	PartyName string `json:"party_name"`
	PartyCode string `json:"party_code,omitempty"`
	// Violation is the 违法行为类型; Facts the 违法事实摘要 as published.
	Violation string `json:"violation"`
	Facts     string `json:"facts"`
	// Basis is the 处罚依据; Penalty the 处罚内容; AgencyName the 作出机关.
	Basis      string `json:"basis"`
	Penalty    string `json:"penalty"`
	AgencyName string `json:"agency_name"`
}

// Publication is one decision's public record and its handling. The public
// reads only PublicDecision; the other fields are the agency's.
type Publication struct {
	// ID names the record: the case ID for the decision's first
	// publication, "<case ID>.<n>" for the n-th record of a case whose
	// decision was varied (empty in records made before: Key).
	ID string `json:"id,omitempty"`
	// CaseID is the decided case.
	CaseID string `json:"case_id"`
	// Agency is the deciding agency's code.
	Agency string `json:"agency"`
	// Version increases with every change (optimistic updates).
	Version int64            `json:"version"`
	State   PublicationState `json:"state"`
	// Notice is what the public will read.
	Notice
	// Decided is when the decision was made.
	Decided time.Time `json:"decided"`
	// Due is the publication deadline; DueNote says why it is missing,
	// DueReason how it was counted (the agency's rule, the party's province).
	Due       time.Time `json:"due,omitzero"`
	DueNote   string    `json:"due_note,omitempty"`
	DueReason string    `json:"due_reason,omitempty"`
	// PartyProvince is the party's registration province (行政区划 code)
	// read from its 统一社会信用代码 or ID number, when it can be; PushDue
	// the date by which a party registered in another province has its
	// record pushed to its registration place's agency.
	PartyProvince string    `json:"party_province,omitempty"`
	PushDue       time.Time `json:"push_due,omitzero"`
	// ShortDisplay: shown 3 months rather than 3 years (DisplayReason says
	// why); DisplayUntil is the last day on the public list, set on
	// publishing; TakenDown when it left it at the end of that period.
	ShortDisplay  bool      `json:"short_display"`
	DisplayReason string    `json:"display_reason,omitempty"`
	DisplayUntil  time.Time `json:"display_until,omitzero"`
	TakenDown     time.Time `json:"taken_down,omitzero"`
	// Supersedes is the record of the decision before it was varied;
	// SupersededBy the record of the varied decision that replaced this one.
	Supersedes   string `json:"supersedes,omitempty"`
	SupersededBy string `json:"superseded_by,omitempty"`
	// Change is the change of the decision that withdrew this record.
	Change *DecisionChange `json:"change,omitempty"`
	// Source is the unredacted summary the reviewer edits; CaseNames the
	// persons the case names besides the party (always masked), Names those
	// the reviewer adds; Removed what the redaction removed.
	Source    string        `json:"source"`
	CaseNames []string      `json:"case_names,omitempty"`
	Names     []string      `json:"names,omitempty"`
	Removed   []redact.Span `json:"removed"`
	// Published, PublishedBy: when and by whom it was made public.
	Published   time.Time `json:"published,omitzero"`
	PublishedBy string    `json:"published_by,omitempty"`
	// WithdrawDue is the withdrawal deadline (3 working days from the
	// revocation); Withdrawn when it left the public list, and why.
	WithdrawDue    time.Time `json:"withdraw_due,omitzero"`
	Withdrawn      time.Time `json:"withdrawn,omitzero"`
	WithdrawReason string    `json:"withdraw_reason,omitempty"`
	Created        time.Time `json:"created"`
	Updated        time.Time `json:"updated"`
}

// Key is the record's name in the store: its ID, or the case ID for
// records made before records had IDs.
func (p Publication) Key() string { return cmp.Or(p.ID, p.CaseID) }

// PublicDecision is what the public reads of a published decision: its
// notice, the case it came from, the deciding agency and the dates; nothing
// else of the record. A withdrawn record is a notice of the withdrawal:
// the 文书号, party, agency and date, the reason and, for a varied
// decision, the record that replaced it; its content is gone (行政处罚法
// 第四十八条: withdrawn, with the reason made public).
type PublicDecision struct {
	ID string `json:"id"`
	// Status is "published" or "withdrawn".
	Status string `json:"status"`
	Notice
	Agency    string    `json:"agency"`
	Decided   string    `json:"decided"`
	Published time.Time `json:"published"`
	// DisplayUntil is the last day it is shown.
	DisplayUntil string `json:"display_until,omitempty"`
	// Supersedes names the withdrawn record of the decision before it was
	// varied; ReplacedBy the record of the varied decision.
	Supersedes string `json:"supersedes,omitempty"`
	ReplacedBy string `json:"replaced_by,omitempty"`
	// Withdrawn and WithdrawReason: when and why it was withdrawn.
	Withdrawn      time.Time `json:"withdrawn,omitzero"`
	WithdrawReason string    `json:"withdraw_reason,omitempty"`
}

// Public returns the public view of p.
func (p Publication) Public() PublicDecision {
	d := PublicDecision{ID: p.Key(), Status: string(PubPublished), Notice: p.Notice, Agency: p.Agency,
		Decided: p.Decided.Format("2006-01-02"), Published: p.Published, Supersedes: p.Supersedes}
	if !p.DisplayUntil.IsZero() {
		d.DisplayUntil = p.DisplayUntil.Format("2006-01-02")
	}
	if p.State == PubWithdrawn {
		d.Status = string(PubWithdrawn)
		d.Notice = Notice{DocNumber: p.DocNumber, PartyName: p.PartyName, PartyCode: p.PartyCode, AgencyName: p.AgencyName}
		d.DisplayUntil, d.ReplacedBy = "", p.SupersededBy
		d.Withdrawn, d.WithdrawReason = p.Withdrawn, p.WithdrawReason
	}
	return d
}

// PublicationFilter selects publications. Zero fields match everything.
type PublicationFilter struct {
	// Agency limits to one agency's publications.
	Agency string
	// States limits to publications in any of these states.
	States []PublicationState
	// Text must occur in a public field (case-insensitive).
	Text string
	// From and To bound the decision date (inclusive days, UTC).
	From, To time.Time
	// Public keeps only what the public sees at Public's time: published
	// records within their display period, and notices of withdrawn records
	// that had been published.
	Public time.Time
	// EndedBy keeps only published records whose display period ended
	// before this day (what TakeDownExpired takes down).
	EndedBy time.Time
	// CaseID limits to one case's records.
	CaseID string
	// Limit and Offset page the list (Limit 0: 100).
	Limit, Offset int
}

// displayEnded reports whether published p is past its display period on
// the day of t.
func displayEnded(p Publication, t time.Time) bool {
	return !p.DisplayUntil.IsZero() && dayOf(t).After(p.DisplayUntil)
}

// dayOf is the UTC day of t, at midnight.
func dayOf(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// Match reports whether p passes f's conditions (not the paging). Stores
// select by agency and state and call Match for the rest, so that every
// store searches the same public fields the same way.
func (f PublicationFilter) Match(p Publication) bool {
	if f.Agency != "" && p.Agency != f.Agency {
		return false
	}
	if len(f.States) > 0 && !slices.Contains(f.States, p.State) {
		return false
	}
	if f.CaseID != "" && p.CaseID != f.CaseID {
		return false
	}
	if !f.Public.IsZero() {
		switch {
		case p.Published.IsZero():
			return false
		case p.State == PubPublished && displayEnded(p, f.Public):
			return false
		case p.State != PubPublished && p.State != PubWithdrawn:
			return false
		}
	}
	if !f.EndedBy.IsZero() && (p.State != PubPublished || !displayEnded(p, f.EndedBy)) {
		return false
	}
	if !f.From.IsZero() && p.Decided.Before(f.From) {
		return false
	}
	if !f.To.IsZero() && !p.Decided.Before(f.To.AddDate(0, 0, 1)) {
		return false
	}
	if q := strings.ToLower(strings.TrimSpace(f.Text)); q != "" {
		fields := []string{p.CaseID, p.DocNumber, p.PartyName, p.PartyCode, p.Violation, p.Facts, p.Basis, p.Penalty, p.AgencyName}
		if !f.Public.IsZero() && p.State == PubWithdrawn {
			// The public finds a withdrawal notice by what it shows, not by
			// the content withdrawn.
			fields = []string{p.Key(), p.DocNumber, p.PartyName, p.PartyCode, p.AgencyName, p.WithdrawReason}
		}
		hay := strings.ToLower(strings.Join(fields, "\n"))
		if !strings.Contains(hay, q) {
			return false
		}
	}
	return true
}

// SortPublications orders ps newest decision first (then by case ID, for a
// stable page order), the order every store lists in.
func SortPublications(ps []Publication) {
	slices.SortStableFunc(ps, func(a, b Publication) int {
		if c := b.Decided.Compare(a.Decided); c != 0 {
			return c
		}
		return cmp.Compare(b.Key(), a.Key())
	})
}

// PagePublications applies f's Limit (0: 100) and Offset to a sorted list.
func PagePublications(ps []Publication, f PublicationFilter) []Publication {
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	if f.Offset >= len(ps) || f.Offset < 0 {
		return []Publication{}
	}
	ps = ps[f.Offset:]
	return ps[:min(limit, len(ps))]
}

// ---- made on the decision ----

// analysisSummary is the part of an attached analysis a publication uses:
// the matched violations' names and provisions.
type analysisSummary struct {
	Violations []struct {
		BenchmarkID string `json:"benchmark_id"`
		Name        string `json:"name"`
		Provision   *struct {
			Label string `json:"label"`
		} `json:"provision"`
	} `json:"violations"`
}

// violationAndBasis picks the 违法行为类型 and 处罚依据 from the analysis:
// the violation the proposal rests on, else the first; the case title and
// the proposal's basis when there is no analysis.
func violationAndBasis(c Case) (violation, basis string) {
	violation = c.Title
	if c.Proposal != nil {
		basis = c.Proposal.Basis
	}
	var a analysisSummary
	if len(c.Analysis) == 0 || json.Unmarshal(c.Analysis, &a) != nil || len(a.Violations) == 0 {
		return violation, basis
	}
	v := a.Violations[0]
	for _, cand := range a.Violations {
		if c.Proposal != nil && cand.BenchmarkID != "" && cand.BenchmarkID == c.Proposal.Basis {
			v = cand
			break
		}
	}
	if v.Name != "" {
		violation = v.Name
	}
	if v.Provision != nil && v.Provision.Label != "" {
		basis = v.Provision.Label
	}
	return violation, basis
}

// yuan writes an amount in yuan without a needless fraction.
func yuan(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) + " 元" }

// penaltyText is the 处罚内容 of a proposal.
func penaltyText(p *Proposal) string {
	if p == nil {
		return ""
	}
	var parts []string
	parts = append(parts, p.Other...)
	if p.Confiscation > 0 {
		parts = append(parts, "没收违法所得（非法财物）"+yuan(p.Confiscation))
	}
	if p.Fine > 0 {
		parts = append(parts, "罚款"+yuan(p.Fine))
	}
	if len(parts) == 0 {
		return string(p.Disposition)
	}
	return strings.Join(parts, "；")
}

// warningOnly reports whether a proposal is a warning alone.
func warningOnly(p *Proposal) bool {
	if p == nil || p.Fine > 0 || p.Confiscation > 0 || len(p.Other) == 0 {
		return false
	}
	for _, o := range p.Other {
		if strings.TrimSpace(o) != "警告" {
			return false
		}
	}
	return true
}

// DocNumberPlaceholder stands for the 文书号 until documents are numbered.
const DocNumberPlaceholder = "（文书号待编号）"

// otherNames are the natural persons other than the party the case names:
// an organisation's 法定代表人, and a person party when the rule masks it.
func otherNames(c Case, rule PublicationRule) []string {
	var names []string
	if r := strings.TrimSpace(c.Party.Representative); c.Party.Kind == "organisation" && r != "" {
		names = append(names, r)
	}
	if c.Party.Kind == "person" && rule.MaskPartyName && strings.TrimSpace(c.Party.Name) != "" {
		names = append(names, strings.TrimSpace(c.Party.Name))
	}
	return names
}

// maskedNames are the persons' names p masks: those the case names and
// those the reviewer added, sorted, once each.
func maskedNames(p *Publication) []string {
	return slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(p.CaseNames), p.Names...))))
}

// redactPublication fills p's public text fields from Source and the
// fields as given, removing personal information from each of them.
func redactPublication(p *Publication) error {
	names := maskedNames(p)
	res, err := redact.Redact(p.Source, redact.Options{Names: names})
	if err != nil {
		return fmt.Errorf("redact facts: %w: %w", err, ErrInvalid)
	}
	p.Facts, p.Removed = res.Text, res.Spans
	for _, f := range []*string{&p.DocNumber, &p.Violation, &p.Basis, &p.Penalty} {
		r, err := redact.Redact(*f, redact.Options{Names: names})
		if err != nil {
			return fmt.Errorf("redact: %w: %w", err, ErrInvalid)
		}
		*f = r.Text
		p.Removed = append(p.Removed, r.Spans...)
	}
	if slices.Contains(names, p.PartyName) {
		r, err := redact.Redact(p.PartyName, redact.Options{Names: names})
		if err != nil {
			return fmt.Errorf("redact party: %w: %w", err, ErrInvalid)
		}
		p.PartyName = r.Text
	}
	return nil
}

// publicReason is a withdrawal's reason as the public notice shows it: the
// personal information a leader may have typed into it removed like the
// record's own text (the reason as typed stays in the case and the log).
// Should the redaction fail, the public reads that the record was
// withdrawn, not the text.
func publicReason(p Publication, reason string) string {
	names := maskedNames(&p)
	res, err := redact.Redact(reason, redact.Options{Names: names})
	if err != nil {
		return "已依法撤回"
	}
	return res.Text
}

// dueDate is n working days after t; a zero time and the reason when the
// calendar cannot say (a date beyond the known holiday schedule), which is
// shown to the agency rather than guessed.
func (s *Service) dueDate(t time.Time, n int) (time.Time, string) {
	if s.cfg.Calendar == nil {
		return time.Time{}, "未配置工作日日历，无法计算期限"
	}
	d, err := s.cfg.Calendar.AddWorkdays(t, n)
	if err != nil {
		s.log.Warn("publication deadline", "err", err)
		return time.Time{}, "无法计算期限（超出已知节假日安排），请人工确定"
	}
	return d, ""
}

// ---- the agency's handling ----

// canPublish reports whether actor handles c's agency's publications: its
// reviewers (法制审核) and leaders.
func canPublish(actor User, agency string) bool {
	return !actor.Disabled && actor.Agency == agency && agency != "" && actor.HasAny(RoleReviewer, RoleLeader)
}

func pubRole(actor User) Role {
	if actor.Has(RoleReviewer) {
		return RoleReviewer
	}
	return RoleLeader
}

// staffOf reports whether actor works on agency's cases.
func staffOf(actor User, agency string) bool {
	return !actor.Disabled && agency != "" && actor.Agency == agency && actor.HasAny(RoleOfficer, RoleReviewer, RoleLeader)
}

// Publication returns the current publication of case id (the record of
// the decision as last varied) to the agency's staff. ErrNotFound when the
// case has none (not decided), ErrForbidden for others.
func (s *Service) Publication(ctx context.Context, actor User, caseID string) (Publication, error) {
	var p Publication
	err := s.cfg.Store.View(ctx, func(tx ReadTx) (err error) { p, _, err = currentPublication(tx, caseID); return err })
	if err != nil {
		return Publication{}, err
	}
	if !staffOf(actor, p.Agency) {
		return Publication{}, fmt.Errorf("read publication of case %s: %w", caseID, ErrForbidden)
	}
	return p, nil
}

// PublicationHistory returns every publication of case id, the first
// first, to the agency's staff: the records a varied decision withdrew and
// the one in force. ErrNotFound and ErrForbidden as Publication.
func (s *Service) PublicationHistory(ctx context.Context, actor User, caseID string) ([]Publication, error) {
	var list []Publication
	err := s.cfg.Store.View(ctx, func(tx ReadTx) error {
		p, err := tx.Publication(caseID)
		if err != nil {
			return err
		}
		if !staffOf(actor, p.Agency) {
			return fmt.Errorf("read publications of case %s: %w", caseID, ErrForbidden)
		}
		list = append(list, p)
		for p.SupersededBy != "" && len(list) < maxPublicationChain {
			if p, err = tx.Publication(p.SupersededBy); err != nil {
				return err
			}
			list = append(list, p)
		}
		return nil
	})
	return list, err
}

// PublicationEdit is a reviewer's change to a publication before it is
// published. Nil fields are kept; every text is redacted again.
type PublicationEdit struct {
	DocNumber *string `json:"doc_number,omitempty"`
	PartyName *string `json:"party_name,omitempty"`
	PartyCode *string `json:"party_code,omitempty"`
	Violation *string `json:"violation,omitempty"`
	// Summary replaces Source, the unredacted 违法事实摘要.
	Summary *string `json:"summary,omitempty"`
	Basis   *string `json:"basis,omitempty"`
	Penalty *string `json:"penalty,omitempty"`
	// Names replaces the reviewer's list of other persons whose names are
	// masked (those the case names are masked anyway).
	Names []string `json:"names,omitempty"`
}

// changePublication runs one change to case id's publication at version.
func (s *Service) changePublication(ctx context.Context, actor User, caseID string, version int64,
	change func(p *Publication) (Entry, error)) (Publication, error) {
	var out Publication
	err := s.cfg.Store.Update(ctx, func(tx Tx) error {
		p, _, err := currentPublication(tx, caseID)
		if err != nil {
			return err
		}
		if !canPublish(actor, p.Agency) {
			return fmt.Errorf("change publication of case %s: %w", caseID, ErrForbidden)
		}
		if p.Version != version {
			return fmt.Errorf("publication of %s is at version %d, not %d: %w", caseID, p.Version, version, ErrConflict)
		}
		before := p
		p.Names, p.CaseNames = slices.Clone(p.Names), slices.Clone(p.CaseNames)
		e, err := change(&p)
		if err != nil {
			return err
		}
		p.Version, p.Updated = before.Version+1, s.now()
		if err := tx.PutPublication(p, before.Version); err != nil {
			return err
		}
		e.Actor, e.Role, e.Agency, e.CaseID, e.Subject = actor.ID, pubRole(actor), p.Agency, p.CaseID, p.Key()
		if err := s.appendEntry(tx, e, before, p); err != nil {
			return err
		}
		out = p
		return nil
	})
	return out, err
}

// EditPublication changes a due publication (the agency's reviewers and
// leaders): its fields, the summary, the names masked. Everything is
// redacted again, so an edit cannot put personal data back. ErrStage once
// published or withdrawn, ErrInvalid for bad text.
func (s *Service) EditPublication(ctx context.Context, actor User, caseID string, version int64, ed PublicationEdit) (Publication, error) {
	fields := []struct {
		name string
		v    *string
		max  int
	}{{"doc_number", ed.DocNumber, 64}, {"party_name", ed.PartyName, 200}, {"party_code", ed.PartyCode, 64},
		{"violation", ed.Violation, maxTitle}, {"summary", ed.Summary, maxFacts}, {"basis", ed.Basis, maxNote}, {"penalty", ed.Penalty, maxNote}}
	some := ed.Names != nil
	for _, f := range fields {
		if f.v == nil {
			continue
		}
		some = true
		if err := validText(f.name, *f.v, f.max, f.name == "summary"); err != nil {
			return Publication{}, err
		}
	}
	if !some {
		return Publication{}, fmt.Errorf("edit publication: nothing to change: %w", ErrInvalid)
	}
	if len(ed.Names) > 100 {
		return Publication{}, fmt.Errorf("names: more than 100: %w", ErrInvalid)
	}
	for _, n := range ed.Names {
		if err := validText("names", n, 20, false); err != nil {
			return Publication{}, err
		}
	}
	if _, err := redact.Redact("", redact.Options{Names: ed.Names}); err != nil {
		return Publication{}, fmt.Errorf("names: %w: %w", err, ErrInvalid)
	}
	return s.changePublication(ctx, actor, caseID, version, func(p *Publication) (Entry, error) {
		if p.State != PubDue {
			return Entry{}, fmt.Errorf("publication of %s is %s: only a due one is edited: %w", caseID, p.State, ErrStage)
		}
		var changed []string
		set := func(dst *string, v *string, label string) {
			if v != nil {
				*dst = strings.TrimSpace(*v)
				changed = append(changed, label)
			}
		}
		set(&p.DocNumber, ed.DocNumber, "文书号")
		set(&p.PartyName, ed.PartyName, "当事人")
		set(&p.PartyCode, ed.PartyCode, "统一社会信用代码")
		set(&p.Violation, ed.Violation, "违法行为类型")
		set(&p.Source, ed.Summary, "违法事实摘要")
		set(&p.Basis, ed.Basis, "处罚依据")
		set(&p.Penalty, ed.Penalty, "处罚内容")
		if ed.Names != nil {
			p.Names = slices.Compact(slices.Clone(ed.Names))
			changed = append(changed, "隐去的姓名")
		}
		if err := redactPublication(p); err != nil {
			return Entry{}, err
		}
		return Entry{Action: "publication.edit", Note: "修改公示信息：" + strings.Join(changed, "、")}, nil
	})
}

// Publish makes a due publication public (the agency's reviewers and
// leaders). ErrStage when it is not due or lacks a required field.
func (s *Service) Publish(ctx context.Context, actor User, caseID string, version int64) (Publication, error) {
	return s.changePublication(ctx, actor, caseID, version, func(p *Publication) (Entry, error) {
		if p.State != PubDue {
			return Entry{}, fmt.Errorf("publication of %s is %s: %w", caseID, p.State, ErrStage)
		}
		for _, f := range []struct{ label, v string }{{"当事人", p.PartyName}, {"违法行为类型", p.Violation},
			{"违法事实摘要", p.Facts}, {"处罚依据", p.Basis}, {"处罚内容", p.Penalty}, {"作出机关", p.AgencyName}} {
			if strings.TrimSpace(f.v) == "" {
				return Entry{}, fmt.Errorf("publication of %s: 缺少%s: %w", caseID, f.label, ErrStage)
			}
		}
		now := s.now()
		p.State, p.Published, p.PublishedBy = PubPublished, now, actor.ID
		p.DisplayUntil = displayUntil(*p, now)
		note := "公示，至 " + p.DisplayUntil.Format("2006-01-02") + " 止（" + p.DisplayReason + "）"
		if !p.Due.IsZero() && now.After(p.Due.AddDate(0, 0, 1)) {
			note += "（已超过公示期限 " + p.Due.Format("2006-01-02") + "）"
		}
		return Entry{Action: "publication.publish", Note: note}, nil
	})
}

// WithdrawPublication takes a published record off the public list (the
// agency's reviewers and leaders), with the reason (required): a decision
// varied, found unlawful or void, or an error in what was published.
func (s *Service) WithdrawPublication(ctx context.Context, actor User, caseID string, version int64, reason string) (Publication, error) {
	if err := validText("reason", reason, maxNote, true); err != nil {
		return Publication{}, err
	}
	if strings.TrimSpace(reason) == "" {
		return Publication{}, fmt.Errorf("reason: empty: %w", ErrInvalid)
	}
	return s.changePublication(ctx, actor, caseID, version, func(p *Publication) (Entry, error) {
		if p.State != PubPublished {
			return Entry{}, fmt.Errorf("publication of %s is %s: only a published one is withdrawn: %w", caseID, p.State, ErrStage)
		}
		now := s.now()
		p.WithdrawDue, _ = s.dueDate(now, WithdrawalDays)
		p.State, p.Withdrawn, p.WithdrawReason = PubWithdrawn, now, publicReason(*p, strings.TrimSpace(reason))
		return Entry{Action: "publication.withdraw", Note: "撤回公示：" + strings.TrimSpace(reason)}, nil
	})
}

// PublicationQueue names a list of the agency's publications.
type PublicationQueue string

// The publication lists.
const (
	PubQueueDue       PublicationQueue = "due"       // 待公示, soonest deadline first
	PubQueueOverdue   PublicationQueue = "overdue"   // 待公示 and past the deadline
	PubQueuePublished PublicationQueue = "published" // 已公示
	PubQueueWithdrawn PublicationQueue = "withdrawn" // 已撤回
	PubQueueEnded     PublicationQueue = "ended"     // 已停止公示（公示期满）
)

// PublicationItem is a publication in the agency's lists, with where it
// stands against its deadline.
type PublicationItem struct {
	Publication
	StateLabel string `json:"state_label"`
	// Overdue: due and past its deadline, or withdrawn after its
	// withdrawal deadline.
	Overdue bool `json:"overdue"`
	DueSoon bool `json:"due_soon"`
}

// Item describes p at time now.
func (s *Service) Item(p Publication, now time.Time) PublicationItem {
	it := PublicationItem{Publication: p, StateLabel: p.State.Label()}
	if p.State == PubWithdrawn {
		// Withdrawn after its 3 working days (a change recorded late).
		it.Overdue = !p.WithdrawDue.IsZero() && dayOf(p.Withdrawn).After(p.WithdrawDue)
		return it
	}
	if p.State != PubDue || p.Due.IsZero() {
		return it
	}
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	it.Overdue = day.After(p.Due)
	if !it.Overdue {
		soon, note := s.dueDate(day, DueSoonDays)
		it.DueSoon = note == "" && !soon.Before(p.Due)
	}
	return it
}

// Publications lists the actor's agency's publications of a queue (its
// officers, reviewers and leaders). ErrInvalid for an unknown queue.
func (s *Service) Publications(ctx context.Context, actor User, q PublicationQueue, limit, offset int) ([]PublicationItem, error) {
	if !staffOf(actor, actor.Agency) {
		return nil, fmt.Errorf("list publications: %w", ErrForbidden)
	}
	f := PublicationFilter{Agency: actor.Agency, Limit: 1 << 30}
	switch q {
	case PubQueueDue, PubQueueOverdue:
		f.States = []PublicationState{PubDue}
	case PubQueuePublished:
		f.States = []PublicationState{PubPublished}
	case PubQueueWithdrawn:
		f.States = []PublicationState{PubWithdrawn}
	case PubQueueEnded:
		f.States = []PublicationState{PubEnded}
	default:
		return nil, fmt.Errorf("publication queue %q: %w", q, ErrInvalid)
	}
	var list []Publication
	if err := s.cfg.Store.View(ctx, func(tx ReadTx) (err error) { list, err = tx.Publications(f); return err }); err != nil {
		return nil, err
	}
	now := s.now()
	items := make([]PublicationItem, 0, len(list))
	for _, p := range list {
		it := s.Item(p, now)
		if q == PubQueueOverdue && !it.Overdue {
			continue
		}
		items = append(items, it)
	}
	if q == PubQueueDue || q == PubQueueOverdue {
		// Soonest deadline first; unknown deadlines (to be set by hand) first of all.
		slices.SortStableFunc(items, func(a, b PublicationItem) int { return a.Due.Compare(b.Due) })
	}
	if offset < 0 || offset >= len(items) {
		return []PublicationItem{}, nil
	}
	if limit <= 0 {
		limit = 100
	}
	items = items[offset:]
	return items[:min(limit, len(items))], nil
}

// PublicDecisions answers the public (no sign-in): published records
// within their display period and notices of withdrawn ones, matching f
// (its States, Public, EndedBy and CaseID are ignored), newest first, and
// whether more follow.
func (s *Service) PublicDecisions(ctx context.Context, f PublicationFilter) ([]PublicDecision, bool, error) {
	if err := validText("q", f.Text, 100, false); err != nil {
		return nil, false, err
	}
	if f.Limit <= 0 || f.Limit > 100 {
		f.Limit = 20
	}
	if f.Offset < 0 || f.Offset > 100_000 {
		return nil, false, fmt.Errorf("offset %d: 0–100000: %w", f.Offset, ErrInvalid)
	}
	f.States = []PublicationState{PubPublished, PubWithdrawn}
	f.Public, f.EndedBy, f.CaseID = s.now(), time.Time{}, ""
	f.Limit++
	var list []Publication
	if err := s.cfg.Store.View(ctx, func(tx ReadTx) (err error) { list, err = tx.Publications(f); return err }); err != nil {
		return nil, false, err
	}
	more := len(list) == f.Limit
	if more {
		list = list[:f.Limit-1]
	}
	out := make([]PublicDecision, 0, len(list))
	for _, p := range list {
		out = append(out, p.Public())
	}
	return out, more, nil
}
