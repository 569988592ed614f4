package casework

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
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
)

var pubLabels = map[PublicationState]string{PubDue: "待公示", PubPublished: "已公示", PubWithdrawn: "已撤回", PubExempt: "不予公示"}

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
}

// DefaultPublicationRule applies to agencies that set none.
var DefaultPublicationRule = PublicationRule{Days: DefaultPublicationDays}

// Validate returns ErrInvalid for a deadline outside 1–60 working days.
func (r PublicationRule) Validate() error {
	if r.Days < 1 || r.Days > 60 {
		return fmt.Errorf("publication.days %d: 1–60 working days: %w", r.Days, ErrInvalid)
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
	// CaseID is the decided case; one publication per case.
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
	// Due is the publication deadline; DueNote says why it is missing.
	Due     time.Time `json:"due,omitzero"`
	DueNote string    `json:"due_note,omitempty"`
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

// PublicDecision is what the public reads of a published decision: its
// notice, the case it came from, the deciding agency and the dates; nothing
// else of the record.
type PublicDecision struct {
	ID string `json:"id"`
	Notice
	Agency    string    `json:"agency"`
	Decided   string    `json:"decided"`
	Published time.Time `json:"published"`
}

// Public returns the public view of p.
func (p Publication) Public() PublicDecision {
	return PublicDecision{ID: p.CaseID, Notice: p.Notice, Agency: p.Agency, Decided: p.Decided.Format("2006-01-02"), Published: p.Published}
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
	// Limit and Offset page the list (Limit 0: 100).
	Limit, Offset int
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
	if !f.From.IsZero() && p.Decided.Before(f.From) {
		return false
	}
	if !f.To.IsZero() && !p.Decided.Before(f.To.AddDate(0, 0, 1)) {
		return false
	}
	if q := strings.ToLower(strings.TrimSpace(f.Text)); q != "" {
		hay := strings.ToLower(strings.Join([]string{p.CaseID, p.DocNumber, p.PartyName, p.PartyCode, p.Violation, p.Facts,
			p.Basis, p.Penalty, p.AgencyName}, "\n"))
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
		return cmp.Compare(b.CaseID, a.CaseID)
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

// redactPublication fills p's public text fields from Source and the
// fields as given, removing personal information from each of them.
func redactPublication(p *Publication) error {
	names := slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(p.CaseNames), p.Names...))))
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

// createPublication makes the publication of case c, just decided by
// actor, in tx (part of the decision's transaction).
func (s *Service) createPublication(tx Tx, actor User, c Case) error {
	rule := DefaultPublicationRule
	agencyName := c.Agency
	if a, err := tx.Agency(c.Agency); err == nil {
		agencyName = cmp.Or(a.Name, a.Code)
		if a.Publication != nil {
			rule = *a.Publication
		}
	} else if !errors.Is(err, ErrNotFound) {
		return err
	}
	now := s.now()
	violation, basis := violationAndBasis(c)
	p := Publication{CaseID: c.ID, Agency: c.Agency, Version: 1, State: PubDue, Notice: Notice{DocNumber: DocNumberPlaceholder,
		PartyName: strings.TrimSpace(c.Party.Name), Violation: violation, Basis: basis, Penalty: penaltyText(c.Proposal),
		AgencyName: agencyName}, Decided: c.Decided, Source: c.Facts, CaseNames: otherNames(c, rule), Created: now, Updated: now}
	if c.Party.Kind != "person" {
		p.PartyCode = strings.TrimSpace(c.Party.IDNumber)
	}
	note := fmt.Sprintf("生成公示信息（个人信息已隐去），%d 个工作日内公示", rule.Days)
	if rule.SkipWarnings && warningOnly(c.Proposal) {
		p.State = PubExempt
		note = "仅受警告处罚，按本机关规则不予公示"
	} else {
		p.Due, p.DueNote = s.dueDate(c.Decided, rule.Days)
	}
	if err := redactPublication(&p); err != nil {
		return err
	}
	if err := tx.PutPublication(p, 0); err != nil {
		return err
	}
	return s.appendEntry(tx, Entry{Actor: actor.ID, Role: RoleLeader, Agency: c.Agency, Action: "publication.create",
		CaseID: c.ID, Note: note}, nil, p)
}

// withdrawOnRevoke takes the publication of revoked case c off the public
// list in the revocation's transaction, with the reason.
func (s *Service) withdrawOnRevoke(tx Tx, actor User, c Case, reason string) error {
	p, err := tx.Publication(c.ID)
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if p.State == PubWithdrawn {
		return nil
	}
	before := p
	now := s.now()
	p.WithdrawDue, _ = s.dueDate(now, WithdrawalDays)
	p.State, p.Withdrawn, p.WithdrawReason = PubWithdrawn, now, "行政处罚决定被撤销："+reason
	p.Version, p.Updated = before.Version+1, now
	if err := tx.PutPublication(p, before.Version); err != nil {
		return err
	}
	return s.appendEntry(tx, Entry{Actor: actor.ID, Role: RoleLeader, Agency: c.Agency, Action: "publication.withdraw",
		CaseID: c.ID, Note: "决定撤销，撤回公示：" + reason}, before, p)
}

// afterTransition is what a transition also changes in its transaction.
func (s *Service) afterTransition(tx Tx, actor User, c Case, a Action, note string) error {
	switch {
	case c.Stage == StageDecided && a == ActionApprove:
		return s.createPublication(tx, actor, c)
	case a == ActionRevoke:
		return s.withdrawOnRevoke(tx, actor, c, note)
	}
	return nil
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

// Publication returns the publication of case id to the agency's staff.
// ErrNotFound when the case has none (not decided), ErrForbidden for others.
func (s *Service) Publication(ctx context.Context, actor User, caseID string) (Publication, error) {
	var p Publication
	err := s.cfg.Store.View(ctx, func(tx ReadTx) (err error) { p, err = tx.Publication(caseID); return err })
	if err != nil {
		return Publication{}, err
	}
	if !staffOf(actor, p.Agency) {
		return Publication{}, fmt.Errorf("read publication of case %s: %w", caseID, ErrForbidden)
	}
	return p, nil
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
		p, err := tx.Publication(caseID)
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
		e.Actor, e.Role, e.Agency, e.CaseID = actor.ID, pubRole(actor), p.Agency, p.CaseID
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
		note := "公示"
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
		p.State, p.Withdrawn, p.WithdrawReason = PubWithdrawn, now, strings.TrimSpace(reason)
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
)

// PublicationItem is a publication in the agency's lists, with where it
// stands against its deadline.
type PublicationItem struct {
	Publication
	StateLabel string `json:"state_label"`
	Overdue    bool   `json:"overdue"`
	DueSoon    bool   `json:"due_soon"`
}

// Item describes p at time now.
func (s *Service) Item(p Publication, now time.Time) PublicationItem {
	it := PublicationItem{Publication: p, StateLabel: p.State.Label()}
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

// PublicDecisions answers the public (no sign-in): published, not
// withdrawn records matching f (its States are ignored), newest first, and
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
	f.States = []PublicationState{PubPublished}
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
