package casework

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// A decision changes after it was made in four ways (行政处罚法 第四十八条,
// 市场监督管理行政处罚信息公示规定 第十一条): varied (变更: new penalty
// content), revoked (撤销), found unlawful (确认违法) or void (确认无效), by
// 行政复议, 行政诉讼 or the agency itself. Each is a row of the one
// transition table; the change records who made it, on which document and
// why, in the case and the full-process log; and its publication is
// withdrawn in the same transaction, well inside the 3 working days, with
// the reason the public page shows. A varied decision is published again:
// a new record, linked to the withdrawn one, due by the agency's rule.

// ChangeBody is who changed a decision.
type ChangeBody string

// Who changes decisions.
const (
	ChangedByReconsideration ChangeBody = "reconsideration" // 行政复议机关（复议决定书）
	ChangedByLitigation      ChangeBody = "litigation"      // 人民法院（判决书、裁定书）
	ChangedByAgency          ChangeBody = "agency"          // 本机关自行纠正
)

var changeBodyLabels = map[ChangeBody]string{ChangedByReconsideration: "行政复议", ChangedByLitigation: "行政诉讼",
	ChangedByAgency: "本机关自行纠正"}

// Label is the body's Chinese name ("" for an unknown one).
func (b ChangeBody) Label() string { return changeBodyLabels[b] }

// DecisionChange is one change of a decision after it was made.
type DecisionChange struct {
	// Action is ActionVary, ActionRevoke, ActionConfirmUnlawful or
	// ActionConfirmVoid.
	Action Action `json:"action"`
	// By is who changed it (empty for a revocation recorded before changes
	// named their source).
	By ChangeBody `json:"by,omitempty"`
	// Document is the number of the document that changed it (复议决定书,
	// 判决书, or the agency's own decision); required unless By is the agency.
	Document string `json:"document,omitempty"`
	// Reason is why, as the public page shows it.
	Reason string `json:"reason"`
	// Dated is the day of the document that changed it (when the agency
	// has it): the 3 working days of the withdrawal count from it, so a
	// change recorded late shows as a late withdrawal. Zero: the day it is
	// recorded. Not before the decision, not in the future.
	Dated time.Time `json:"dated,omitzero"`
	// Proposal is the penalty as varied (ActionVary only); Previous the one
	// it replaced (set by the service).
	Proposal *Proposal `json:"proposal,omitempty"`
	Previous *Proposal `json:"previous,omitempty"`
	// Actor and At: who recorded it, when (set by the service).
	Actor string    `json:"actor,omitempty"`
	At    time.Time `json:"at,omitzero"`
}

// Text is the change as the log and the withdrawal notice write it:
// "决定被变更（行政复议，某复决字〔2026〕3号）：理由".
func (ch DecisionChange) Text() string {
	what := map[Action]string{ActionVary: "决定被变更", ActionRevoke: "决定被撤销", ActionConfirmUnlawful: "决定被确认违法",
		ActionConfirmVoid: "决定被确认无效"}[ch.Action]
	var src []string
	if l := ch.By.Label(); l != "" {
		src = append(src, l)
	}
	if d := strings.TrimSpace(ch.Document); d != "" {
		src = append(src, d)
	}
	if len(src) > 0 {
		what += "（" + strings.Join(src, "，") + "）"
	}
	return what + "：" + strings.TrimSpace(ch.Reason)
}

// validChange checks a change as given: a change action, a known body, a
// document unless the agency changed it itself, a reason, and a proposal
// exactly when the decision is varied.
func validChange(ch DecisionChange) error {
	if !slices.Contains(DecisionChanges(), ch.Action) {
		return fmt.Errorf("action %q: not a change of a decision: %w", ch.Action, ErrInvalid)
	}
	if ch.By.Label() == "" {
		return fmt.Errorf("by %q: reconsideration, litigation or agency: %w", ch.By, ErrInvalid)
	}
	if err := validText("document", ch.Document, 64, false); err != nil {
		return err
	}
	if ch.By != ChangedByAgency && strings.TrimSpace(ch.Document) == "" {
		return fmt.Errorf("document: the number of the %s document is required: %w", ch.By, ErrInvalid)
	}
	if err := validText("reason", ch.Reason, maxNote, true); err != nil {
		return err
	}
	if strings.TrimSpace(ch.Reason) == "" {
		return fmt.Errorf("reason: empty: %w", ErrInvalid)
	}
	if ch.Action != ActionVary {
		if ch.Proposal != nil {
			return fmt.Errorf("proposal: only a varied decision has new penalty content: %w", ErrInvalid)
		}
		return nil
	}
	if ch.Proposal == nil || ch.Proposal.Disposition == "" {
		return fmt.Errorf("proposal: the varied decision's penalty content is required: %w", ErrInvalid)
	}
	return validProposal(*ch.Proposal)
}

// ChangeDecision records a change of case id's decision (the agency's
// leaders, by the transition table): the case moves on by the table, the
// change is kept in Case.Changes and the log, the publication is withdrawn
// with the reason and, for a varied decision, a new one is made for the
// decision as varied. ErrInvalid for a change as given, ErrStage when the
// case's decision cannot change now, ErrForbidden, ErrConflict.
func (s *Service) ChangeDecision(ctx context.Context, actor User, id string, version int64, ch DecisionChange) (Case, error) {
	if err := validChange(ch); err != nil {
		return Case{}, err
	}
	ch.Document, ch.Reason = strings.TrimSpace(ch.Document), strings.TrimSpace(ch.Reason)
	ch.Previous = nil
	return s.update(ctx, id, version, func(tx Tx, c *Case) (Entry, error) {
		t, role, err := s.step(actor, *c, ch.Action)
		if err != nil {
			return Entry{}, err
		}
		ch.Actor, ch.At = actor.ID, s.now()
		if !ch.Dated.IsZero() && (dayOf(ch.Dated).After(dayOf(ch.At)) || !c.Decided.IsZero() && dayOf(ch.Dated).Before(dayOf(c.Decided))) {
			return Entry{}, fmt.Errorf("dated %s: between the decision (%s) and today: %w", ch.Dated.Format("2006-01-02"),
				c.Decided.Format("2006-01-02"), ErrInvalid)
		}
		if ch.Action == ActionVary {
			if c.Proposal != nil {
				prev := *c.Proposal
				ch.Previous = &prev
			}
			np := *ch.Proposal
			c.Proposal = &np
		}
		c.Changes = append(slices.Clone(c.Changes), ch)
		c.Stage = t.To
		return Entry{Actor: actor.ID, Role: role, Action: "case.transition." + string(ch.Action), Note: ch.Text()}, nil
	}, func(tx Tx, c Case) error { return s.onDecisionChange(tx, actor, c, c.Changes[len(c.Changes)-1]) })
}

// step finds the table's row for taking a on c and the role actor takes it
// in: ErrForbidden for another agency or a role the row does not name,
// ErrStage when the table has no such row.
func (s *Service) step(actor User, c Case, a Action) (Transition, Role, error) {
	if !canRead(actor, c) || actor.Agency != c.Agency {
		return Transition{}, "", denied(c, string(a))
	}
	t, ok := TransitionFor(c.Stage, a)
	if !ok {
		return Transition{}, "", fmt.Errorf("case %s: %s not possible in %s: %w", c.ID, a, c.Stage, ErrStage)
	}
	for _, r := range t.Roles {
		if canWork(actor, c, r) {
			return t, r, nil
		}
	}
	return Transition{}, "", denied(c, string(a))
}

// maxPublicationChain bounds how many times one decision is varied: far
// above practice, it keeps a corrupt link from looping.
const maxPublicationChain = 100

// currentPublication follows case caseID's publications from the first to
// the one no other replaced, and says how many there are.
func currentPublication(tx ReadTx, caseID string) (Publication, int, error) {
	p, err := tx.Publication(caseID)
	if err != nil {
		return Publication{}, 0, err
	}
	n := 1
	for p.SupersededBy != "" {
		if n >= maxPublicationChain {
			return Publication{}, 0, fmt.Errorf("publications of case %s: more than %d records", caseID, maxPublicationChain)
		}
		if p, err = tx.Publication(p.SupersededBy); err != nil {
			return Publication{}, 0, fmt.Errorf("publication of case %s: %w", caseID, err)
		}
		n++
	}
	return p, n, nil
}

// publicationRule is the rule of agency code: its own (a, nil when none is
// stored), else the configured one for its code or for "*", else the
// default.
func (s *Service) publicationRule(a *Agency, code string) PublicationRule {
	if a != nil && a.Publication != nil {
		return *a.Publication
	}
	if r, ok := s.cfg.PublicationRules[code]; ok {
		return r
	}
	if r, ok := s.cfg.PublicationRules["*"]; ok {
		return r
	}
	return DefaultPublicationRule
}

// newPublication makes the record of case c's decision as it stands, made
// on decided, with the other names names masked too: its due date and
// display period by the agency's rule, redacted. The note says what was
// decided about it.
func (s *Service) newPublication(tx Tx, c Case, decided time.Time, names []string) (Publication, string, error) {
	var agency *Agency
	agencyName := c.Agency
	if a, err := tx.Agency(c.Agency); err == nil {
		agency, agencyName = &a, cmp.Or(a.Name, a.Code)
	} else if !errors.Is(err, ErrNotFound) {
		return Publication{}, "", err
	}
	rule := s.publicationRule(agency, c.Agency)
	now := s.now()
	violation, basis := violationAndBasis(c)
	p := Publication{ID: c.ID, CaseID: c.ID, Agency: c.Agency, Version: 1, State: PubDue, Notice: Notice{DocNumber: DocNumberPlaceholder,
		PartyName: strings.TrimSpace(c.Party.Name), Violation: violation, Basis: basis, Penalty: penaltyText(c.Proposal),
		AgencyName: agencyName}, Decided: decided, Source: c.Facts, CaseNames: otherNames(c, rule), Names: slices.Clone(names),
		Created: now, Updated: now}
	if c.Party.Kind != "person" {
		p.PartyCode = strings.TrimSpace(c.Party.IDNumber)
	}
	var note string
	if rule.SkipWarnings && warningOnly(c.Proposal) {
		p.State = PubExempt
		note = "仅受警告处罚，按本机关规则不予公示"
	} else {
		s.setDue(&p, rule, c)
		note = "生成公示信息（个人信息已隐去）：" + p.DueReason
	}
	p.ShortDisplay, p.DisplayReason = displayPeriod(rule, c)
	if err := redactPublication(&p); err != nil {
		return Publication{}, "", err
	}
	return p, note, nil
}

// createPublication makes the publication of case c, just decided by
// actor, in tx (part of the decision's transaction).
func (s *Service) createPublication(tx Tx, actor User, c Case) error {
	p, note, err := s.newPublication(tx, c, c.Decided, nil)
	if err != nil {
		return err
	}
	if err := tx.PutPublication(p, 0); err != nil {
		return err
	}
	return s.appendEntry(tx, Entry{Actor: actor.ID, Role: RoleLeader, Agency: c.Agency, Action: "publication.create",
		CaseID: c.ID, Subject: p.Key(), Note: note}, nil, p)
}

// onDecisionChange is what change ch of case c's decision does to its
// publication, in the change's transaction: the current record, due or
// published, is withdrawn with the reason (one exempt, withdrawn or taken
// down stays as it is); a varied decision gets a new record, linked to the
// one it replaces. A case with no publication (decided before there were
// any) has nothing to withdraw.
func (s *Service) onDecisionChange(tx Tx, actor User, c Case, ch DecisionChange) error {
	p, n, err := currentPublication(tx, c.ID)
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	before := p
	now := s.now()
	withdrawn := p.State == PubDue || p.State == PubPublished
	late := ""
	if withdrawn {
		from := now
		if !ch.Dated.IsZero() {
			from = dayOf(ch.Dated)
		}
		p.WithdrawDue, _ = s.dueDate(from, WithdrawalDays)
		p.State, p.Withdrawn, p.WithdrawReason = PubWithdrawn, now, publicReason(p, ch.Text())
		change := ch
		p.Change = &change
		if !p.WithdrawDue.IsZero() && dayOf(now).After(p.WithdrawDue) {
			late = "（已超过撤回期限 " + p.WithdrawDue.Format("2006-01-02") + "）"
		}
	}
	var next Publication
	var nextNote string
	if ch.Action == ActionVary {
		if next, nextNote, err = s.newPublication(tx, c, now, p.Names); err != nil {
			return err
		}
		next.ID = fmt.Sprintf("%s.%d", c.ID, n+1)
		next.Supersedes = p.Key()
		p.SupersededBy = next.ID
	}
	if !withdrawn && ch.Action != ActionVary {
		return nil
	}
	p.Version, p.Updated = before.Version+1, now
	if err := tx.PutPublication(p, before.Version); err != nil {
		return err
	}
	e := Entry{Actor: actor.ID, Role: RoleLeader, Agency: c.Agency, Action: "publication.withdraw", CaseID: c.ID, Subject: p.Key(),
		Note: "撤回公示（" + before.State.Label() + "）" + late + "：" + ch.Text()}
	if !withdrawn {
		e.Action, e.Note = "publication.supersede", "决定被变更，"+before.State.Label()+"的公示信息由 "+next.ID+" 取代"
	}
	if err := s.appendEntry(tx, e, before, p); err != nil {
		return err
	}
	if ch.Action != ActionVary {
		return nil
	}
	if err := tx.PutPublication(next, 0); err != nil {
		return err
	}
	return s.appendEntry(tx, Entry{Actor: actor.ID, Role: RoleLeader, Agency: c.Agency, Action: "publication.create", CaseID: c.ID,
		Subject: next.ID, Note: "决定被变更，按变更后的决定生成公示信息（取代 " + p.Key() + "）：" + nextNote}, nil, next)
}

// afterTransition is what a transition also changes in its transaction.
func (s *Service) afterTransition(tx Tx, actor User, c Case, a Action) error {
	switch {
	case c.Stage == StageDecided && a == ActionApprove:
		return s.createPublication(tx, actor, c)
	case a == ActionRevoke:
		return s.onDecisionChange(tx, actor, c, c.Changes[len(c.Changes)-1])
	}
	return nil
}
