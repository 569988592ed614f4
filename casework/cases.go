package casework

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/cailiang/cailiang/legal"
)

// Limits of case fields, in characters.
const (
	maxTitle    = 200
	maxFacts    = 20000
	maxNote     = 2000
	maxAnalysis = 1 << 20
)

// appendEntry fills e's digests from before/after (any JSON-encodable value
// or nil), stamps it and appends it in tx.
func (s *Service) appendEntry(tx Tx, e Entry, before, after any) error {
	var err error
	if e.Before, err = digestJSON(before); err != nil {
		return err
	}
	if e.After, err = digestJSON(after); err != nil {
		return err
	}
	e.At = s.now()
	if _, err := tx.Append(e); err != nil {
		return fmt.Errorf("append %s: %w", e.Action, err)
	}
	return nil
}

// NewCase is what an officer gives to open a case.
type NewCase struct {
	Title  string `json:"title"`
	Source string `json:"source"`
	Party  Party  `json:"party"`
	Facts  string `json:"facts"`
}

func validParty(p Party) error {
	for _, f := range []struct{ name, v string }{{"party.kind", p.Kind}, {"party.name", p.Name}, {"party.id_number", p.IDNumber},
		{"party.address", p.Address}, {"party.representative", p.Representative}, {"party.phone", p.Phone}} {
		if err := validText(f.name, f.v, 200, false); err != nil {
			return err
		}
	}
	if p.Kind != "" && p.Kind != "person" && p.Kind != "organisation" {
		return fmt.Errorf("party.kind %q: person or organisation: %w", p.Kind, ErrInvalid)
	}
	return nil
}

// CreateCase opens a case in stage 立案审批 (officers only). Its ID is the
// agency code, the year and the agency's next number that year.
func (s *Service) CreateCase(ctx context.Context, actor User, n NewCase) (Case, error) {
	if !actor.Has(RoleOfficer) || actor.Agency == "" || actor.Disabled {
		return Case{}, fmt.Errorf("create case: %w", ErrForbidden)
	}
	if err := validText("title", n.Title, maxTitle, false); err != nil {
		return Case{}, err
	}
	if strings.TrimSpace(n.Title) == "" {
		return Case{}, fmt.Errorf("title: empty: %w", ErrInvalid)
	}
	if err := validText("source", n.Source, maxTitle, false); err != nil {
		return Case{}, err
	}
	if err := validText("facts", n.Facts, maxFacts, true); err != nil {
		return Case{}, err
	}
	if err := validParty(n.Party); err != nil {
		return Case{}, err
	}
	now := s.now()
	c := Case{Agency: actor.Agency, Title: strings.TrimSpace(n.Title), Source: n.Source, Stage: StageFiling, Version: 1,
		Party: n.Party, Facts: n.Facts, Officers: []string{actor.ID}, CreatedBy: actor.ID, Created: now, Updated: now}
	err := s.cfg.Store.Update(ctx, func(tx Tx) error {
		seq, err := tx.NextCaseNumber(c.Agency, now.Year())
		if err != nil {
			return err
		}
		c.ID = fmt.Sprintf("%s-%d-%06d", c.Agency, now.Year(), seq)
		if err := tx.CreateCase(c); err != nil {
			return err
		}
		return s.appendEntry(tx, Entry{Actor: actor.ID, Role: RoleOfficer, Agency: c.Agency, Action: "case.create", CaseID: c.ID,
			Note: "登记案件：" + c.Title}, nil, c)
	})
	if err != nil {
		return Case{}, err
	}
	return c, nil
}

// Case returns a case the actor may read.
func (s *Service) Case(ctx context.Context, actor User, id string) (Case, error) {
	var c Case
	err := s.cfg.Store.View(ctx, func(tx ReadTx) (err error) { c, err = tx.Case(id); return err })
	if err != nil {
		return Case{}, err
	}
	if !canRead(actor, c) {
		return Case{}, denied(c, "read")
	}
	return c, nil
}

// Queue names a list of the workbench.
type Queue string

// The workbench's queues.
const (
	QueueMine     Queue = "mine"     // 我的案件: cases where the actor is a 承办人, not ended
	QueueReview   Queue = "review"   // 待审核: the agency's cases in 法制审核 (reviewers)
	QueueApproval Queue = "approval" // 待审批: 立案审批, 负责人审批 and 集体讨论 (leaders)
	QueueOverdue  Queue = "overdue"  // 超期: undecided cases past their deadline
	QueueAgency   Queue = "agency"   // 本机关全部案件
	QueueTraining Queue = "training" // 培训案例: the agency's ended cases shared for training
)

// Cases lists a queue for the actor, most recently updated first.
func (s *Service) Cases(ctx context.Context, actor User, q Queue, limit, offset int) ([]Case, error) {
	f := CaseFilter{Agency: actor.Agency, Limit: limit, Offset: offset}
	staff := actor.Agency != "" && actor.HasAny(RoleOfficer, RoleReviewer, RoleLeader)
	switch q {
	case QueueMine:
		if !actor.Has(RoleOfficer) || actor.Agency == "" {
			return nil, fmt.Errorf("queue %s: %w", q, ErrForbidden)
		}
		f.Officer = actor.ID
		f.Stages = activeStages()
	case QueueReview:
		if !actor.Has(RoleReviewer) || actor.Agency == "" {
			return nil, fmt.Errorf("queue %s: %w", q, ErrForbidden)
		}
		f.Stages = []Stage{StageReview}
	case QueueApproval:
		if !actor.Has(RoleLeader) || actor.Agency == "" {
			return nil, fmt.Errorf("queue %s: %w", q, ErrForbidden)
		}
		f.Stages = []Stage{StageFiling, StageApproval, StageCollective}
	case QueueOverdue:
		if !staff {
			return nil, fmt.Errorf("queue %s: %w", q, ErrForbidden)
		}
		f.DueBefore = s.now()
		return s.overdue(ctx, f)
	case QueueAgency:
		if !staff {
			return nil, fmt.Errorf("queue %s: %w", q, ErrForbidden)
		}
	case QueueTraining:
		// The agency's own cases as they are; trainers browse the
		// anonymised extracts of every agency's instead (TrainingCases).
		if !staff {
			return nil, fmt.Errorf("queue %s: %w", q, ErrForbidden)
		}
		f.SharedOnly = true
	default:
		return nil, fmt.Errorf("queue %q: %w", q, ErrInvalid)
	}
	var out []Case
	err := s.cfg.Store.View(ctx, func(tx ReadTx) (err error) { out, err = tx.Cases(f); return err })
	return out, err
}

func activeStages() []Stage {
	var out []Stage
	for _, st := range Stages() {
		if !st.Ended() {
			out = append(out, st)
		}
	}
	return out
}

// CaseEdit is an officer's change to a case's content. Nil fields are kept.
type CaseEdit struct {
	Title    *string          `json:"title,omitempty"`
	Source   *string          `json:"source,omitempty"`
	Party    *Party           `json:"party,omitempty"`
	Facts    *string          `json:"facts,omitempty"`
	Analysis *json.RawMessage `json:"analysis,omitempty"`
	Proposal *Proposal        `json:"proposal,omitempty"`
	Officers []string         `json:"officers,omitempty"`
}

// editableStages are where an officer may change a case's content: after
// the decision the record is what was decided.
var editableStages = []Stage{StageFiling, StageInvestigating, StageDiscretion, StageNotified}

// update runs one change to case id at the version the writer read: it
// loads the case, checks the version, lets change modify a copy, stores it
// with Version+1 and appends the entry.
// Each of then runs last, in the same transaction, on the stored case.
func (s *Service) update(ctx context.Context, id string, version int64, change func(tx Tx, c *Case) (Entry, error),
	then ...func(tx Tx, c Case) error) (Case, error) {
	var out Case
	err := s.cfg.Store.Update(ctx, func(tx Tx) error {
		c, err := tx.Case(id)
		if err != nil {
			return err
		}
		before := c
		if version != c.Version {
			return fmt.Errorf("case %s is at version %d, not %d: %w", id, c.Version, version, ErrConflict)
		}
		c.Officers = slices.Clone(c.Officers)
		c.Extensions = slices.Clone(c.Extensions)
		e, err := change(tx, &c)
		if err != nil {
			return err
		}
		c.Version = before.Version + 1
		c.Updated = s.now()
		if err := tx.UpdateCase(c, before.Version); err != nil {
			return err
		}
		e.CaseID, e.Agency = c.ID, c.Agency
		if err := s.appendEntry(tx, e, before, c); err != nil {
			return err
		}
		for _, fn := range then {
			if err := fn(tx, c); err != nil {
				return err
			}
		}
		out = c
		return nil
	})
	return out, err
}

// EditCase changes a case's content (the agency's officers, before the decision).
func (s *Service) EditCase(ctx context.Context, actor User, id string, version int64, ed CaseEdit) (Case, error) {
	if ed.Title != nil {
		if err := validText("title", *ed.Title, maxTitle, false); err != nil {
			return Case{}, err
		}
		if strings.TrimSpace(*ed.Title) == "" {
			return Case{}, fmt.Errorf("title: empty: %w", ErrInvalid)
		}
	}
	if ed.Source != nil {
		if err := validText("source", *ed.Source, maxTitle, false); err != nil {
			return Case{}, err
		}
	}
	if ed.Facts != nil {
		if err := validText("facts", *ed.Facts, maxFacts, true); err != nil {
			return Case{}, err
		}
	}
	if ed.Party != nil {
		if err := validParty(*ed.Party); err != nil {
			return Case{}, err
		}
	}
	if ed.Analysis != nil && (len(*ed.Analysis) > maxAnalysis || !json.Valid(*ed.Analysis)) {
		return Case{}, fmt.Errorf("analysis: not JSON or larger than 1 MiB: %w", ErrInvalid)
	}
	if ed.Proposal != nil {
		if err := validProposal(*ed.Proposal); err != nil {
			return Case{}, err
		}
	}
	return s.update(ctx, id, version, func(tx Tx, c *Case) (Entry, error) {
		if !canWork(actor, *c, RoleOfficer) {
			return Entry{}, denied(*c, "edit")
		}
		if !slices.Contains(editableStages, c.Stage) {
			return Entry{}, fmt.Errorf("case %s in %s: content can no longer change: %w", c.ID, c.Stage, ErrStage)
		}
		var changed []string
		if ed.Title != nil {
			c.Title = strings.TrimSpace(*ed.Title)
			changed = append(changed, "案件名称")
		}
		if ed.Source != nil {
			c.Source = *ed.Source
			changed = append(changed, "案件来源")
		}
		if ed.Party != nil {
			c.Party = *ed.Party
			changed = append(changed, "当事人")
		}
		if ed.Facts != nil {
			c.Facts = *ed.Facts
			changed = append(changed, "违法事实")
		}
		if ed.Analysis != nil {
			c.Analysis = slices.Clone(*ed.Analysis)
			changed = append(changed, "分析结果")
		}
		if ed.Proposal != nil {
			p := *ed.Proposal
			c.Proposal = &p
			changed = append(changed, "处罚建议")
		}
		if ed.Officers != nil {
			for _, id := range ed.Officers {
				u, err := tx.User(id)
				if err != nil || u.Agency != c.Agency || !u.Has(RoleOfficer) {
					return Entry{}, fmt.Errorf("officer %q is not an officer of %s: %w", id, c.Agency, ErrInvalid)
				}
			}
			c.Officers = slices.Compact(slices.Clone(ed.Officers))
			changed = append(changed, "承办人")
		}
		if len(changed) == 0 {
			return Entry{}, fmt.Errorf("edit: nothing to change: %w", ErrInvalid)
		}
		return Entry{Actor: actor.ID, Role: RoleOfficer, Action: "case.update", Note: "修改：" + strings.Join(changed, "、")}, nil
	})
}

func validProposal(p Proposal) error {
	if p.Disposition != "" {
		if _, err := legal.ParseDisposition(string(p.Disposition)); err != nil {
			return fmt.Errorf("proposal.disposition %q: %w", p.Disposition, ErrInvalid)
		}
	}
	for _, v := range []float64{p.Fine, p.Confiscation, p.SuggestedMin, p.SuggestedMax} {
		if v < 0 || v > 1e12 || v != v {
			return fmt.Errorf("proposal: amount %v out of range: %w", v, ErrInvalid)
		}
	}
	if p.SuggestedMax > 0 && p.SuggestedMin > p.SuggestedMax {
		return fmt.Errorf("proposal: suggested_min above suggested_max: %w", ErrInvalid)
	}
	for _, f := range []struct{ name, v string }{{"proposal.basis", p.Basis}, {"proposal.deviation", p.Deviation}} {
		if err := validText(f.name, f.v, maxNote, true); err != nil {
			return err
		}
	}
	if len(p.Other) > 20 || len(p.Reasons) > 50 {
		return fmt.Errorf("proposal: too many items: %w", ErrInvalid)
	}
	for _, v := range append(slices.Clone(p.Other), p.Reasons...) {
		if err := validText("proposal", v, maxNote, true); err != nil {
			return err
		}
	}
	return nil
}

// Transition takes action a on case id (at the version the actor read),
// moving it to the table's next stage, with an optional note (the reviewer's
// opinion, the reason for a return). Forbidden by the table or the actor's
// role and agency: ErrStage or ErrForbidden.
func (s *Service) Transition(ctx context.Context, actor User, id string, version int64, a Action, note string) (Case, error) {
	if err := validText("note", note, maxNote, true); err != nil {
		return Case{}, err
	}
	return s.update(ctx, id, version, func(tx Tx, c *Case) (Entry, error) {
		t, role, err := s.step(actor, *c, a)
		if err != nil {
			return Entry{}, err
		}
		if err := s.precondition(*c, t, note); err != nil {
			return Entry{}, err
		}
		var served *Delivery
		if a == ActionServe {
			if served, err = decisionDelivery(tx, *c); err != nil {
				return Entry{}, err
			}
		}
		now := s.now()
		switch t.To {
		case StageInvestigating:
			if c.Opened.IsZero() {
				c.Opened = now
				c.Due = now.AddDate(0, 0, s.cfg.DecisionDays)
			}
		case StageDecided:
			c.Decided = now
		case StageReview:
			r, err := s.newReview(tx, *c, now)
			if err != nil {
				return Entry{}, err
			}
			c.Review = r
		}
		if a == ActionRevoke {
			// Recorded like the other changes of a decision; ChangeDecision
			// also names who revoked it and on which document.
			c.Changes = append(slices.Clone(c.Changes), DecisionChange{Action: a, Reason: strings.TrimSpace(note), Actor: actor.ID, At: now})
		}
		c.Stage = t.To
		text := t.Label
		if note != "" {
			text += "：" + note
		}
		e := Entry{Actor: actor.ID, Role: role, Action: "case.transition." + string(a), Note: text}
		if served != nil {
			// The record names the 送达 the stage rests on (行政处罚法 第四十七条).
			e.Subject = fmt.Sprintf("delivery/%d", served.Seq)
			e.Note += fmt.Sprintf("（依第%d次送达记录：%s，%s）", served.Seq, served.Method.Label(), ChinaDay(served.At))
		}
		return e, nil
	}, func(tx Tx, c Case) error { return s.afterTransition(tx, actor, c, a) })
}

// precondition checks what a step needs besides the table: a proposal before
// 告知 and 审核, a recorded reason for a fine outside the suggested range, a
// reason for returns, withdrawals, transfers and not filing.
func (s *Service) precondition(c Case, t Transition, note string) error {
	switch t.Action {
	case ActionNotify, ActionSubmitReview:
		if c.Proposal == nil || c.Proposal.Disposition == "" {
			return fmt.Errorf("case %s: 尚未记录处罚建议: %w", c.ID, ErrStage)
		}
		if c.Proposal.Deviates() && strings.TrimSpace(c.Proposal.Deviation) == "" {
			return fmt.Errorf("case %s: 罚款超出建议幅度，须记录理由: %w", c.ID, ErrStage)
		}
	case ActionVary, ActionConfirmUnlawful, ActionConfirmVoid:
		return fmt.Errorf("case %s: %s 须通过“决定变更”办理（写明来源文书与理由）: %w", c.ID, t.Label, ErrStage)
	case ActionReviewReturn, ActionReturn, ActionWithdraw, ActionTransfer, ActionNotFile, ActionRevoke:
		if strings.TrimSpace(note) == "" {
			return fmt.Errorf("case %s: %s 须写明理由: %w", c.ID, t.Label, ErrStage)
		}
	}
	return reviewGate(c, t.Action)
}

// Extend extends an undecided case's decision deadline (the agency's
// leaders, with a reason).
func (s *Service) Extend(ctx context.Context, actor User, id string, version int64, days int, reason string) (Case, error) {
	if days < 1 || days > 365 {
		return Case{}, fmt.Errorf("days %d: 1–365: %w", days, ErrInvalid)
	}
	if err := validText("reason", reason, maxNote, true); err != nil {
		return Case{}, err
	}
	if strings.TrimSpace(reason) == "" {
		return Case{}, fmt.Errorf("reason: empty: %w", ErrInvalid)
	}
	return s.update(ctx, id, version, func(tx Tx, c *Case) (Entry, error) {
		if !canWork(actor, *c, RoleLeader) {
			return Entry{}, denied(*c, "extend")
		}
		if c.Due.IsZero() || c.Stage.Decided() {
			return Entry{}, fmt.Errorf("case %s: no running deadline: %w", c.ID, ErrStage)
		}
		c.Due = c.Due.AddDate(0, 0, days)
		c.Extensions = append(c.Extensions, Extension{Days: days, Reason: reason, By: actor.ID, At: s.now()})
		return Entry{Actor: actor.ID, Role: RoleLeader, Action: "case.extend", Note: fmt.Sprintf("延长办案期限 %d 日：%s", days, reason)}, nil
	})
}

// Share shares an ended case for training, or stops sharing it (the
// agency's leaders).
func (s *Service) Share(ctx context.Context, actor User, id string, version int64, shared bool) (Case, error) {
	return s.update(ctx, id, version, func(tx Tx, c *Case) (Entry, error) {
		if !canWork(actor, *c, RoleLeader) {
			return Entry{}, denied(*c, "share")
		}
		if !c.Stage.Ended() {
			return Entry{}, fmt.Errorf("case %s: only ended cases are shared: %w", c.ID, ErrStage)
		}
		c.SharedForTraining = shared
		note := "共享为培训案例"
		if !shared {
			note = "取消共享"
		}
		return Entry{Actor: actor.ID, Role: RoleLeader, Action: "case.share", Note: note}, nil
	})
}

// evidenceTypes are the content types accepted as evidence, as
// http.DetectContentType sniffs them (the declared type is not trusted).
var evidenceTypes = []string{"image/jpeg", "image/png", "image/gif", "image/webp", "image/bmp", "application/pdf",
	"audio/wave", "audio/mpeg", "audio/aiff", "audio/basic", "audio/midi", "application/ogg", "video/mp4", "video/webm",
	"video/avi", "text/plain; charset=utf-8", "application/zip"}

// The phone recording formats http.DetectContentType does not know, found
// by their own headers.
const (
	m4aType = "audio/mp4"
	amrType = "audio/amr"
)

// EvidenceMediaTypes lists, without parameters, every media type evidence
// is stored and served as (the API documents its downloads with them).
func EvidenceMediaTypes() []string {
	out := make([]string, 0, len(evidenceTypes)+2)
	for _, t := range evidenceTypes {
		mt, _, _ := strings.Cut(t, ";")
		out = append(out, mt)
	}
	return append(out, m4aType, amrType)
}

// AddEvidence stores a file (at most MaxEvidence bytes, of an accepted type)
// and attaches it to case id at its current stage (the agency's officers,
// before the case ends). The same file twice on one case is ErrExists.
func (s *Service) AddEvidence(ctx context.Context, actor User, id string, r io.Reader, name, note string) (Evidence, error) {
	if s.cfg.Blobs == nil {
		return Evidence{}, fmt.Errorf("evidence: no blob store configured: %w", ErrInvalid)
	}
	if err := validText("name", name, 200, false); err != nil {
		return Evidence{}, err
	}
	if err := validText("note", note, maxNote, true); err != nil {
		return Evidence{}, err
	}
	c, err := s.Case(ctx, actor, id)
	if err != nil {
		return Evidence{}, err
	}
	if !canWork(actor, c, RoleOfficer) {
		return Evidence{}, denied(c, "add evidence to")
	}
	if c.Stage.Ended() {
		return Evidence{}, fmt.Errorf("case %s has ended: %w", c.ID, ErrStage)
	}
	head := make([]byte, 512)
	n, err := io.ReadFull(r, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return Evidence{}, fmt.Errorf("read evidence: %w", err)
	}
	head = head[:n]
	if n == 0 {
		return Evidence{}, fmt.Errorf("evidence: empty file: %w", ErrInvalid)
	}
	mt := http.DetectContentType(head)
	if !slices.Contains(evidenceTypes, mt) && !isM4A(head) && !isAMR(head) {
		return Evidence{}, fmt.Errorf("evidence type %s not accepted: %w", mt, ErrInvalid)
	}
	if isM4A(head) {
		mt = m4aType
	} else if isAMR(head) {
		mt = amrType
	}
	digest, size, err := s.cfg.Blobs.Put(ctx, io.MultiReader(strings.NewReader(string(head)), r), s.cfg.MaxEvidence)
	if err != nil {
		return Evidence{}, err
	}
	ev := Evidence{CaseID: c.ID, Digest: digest, Size: size, MediaType: mt, Name: name, Stage: c.Stage, Note: note,
		AddedBy: actor.ID, Added: s.now()}
	err = s.cfg.Store.Update(ctx, func(tx Tx) error {
		cur, err := tx.Case(c.ID)
		if err != nil {
			return err
		}
		if cur.Stage.Ended() {
			return fmt.Errorf("case %s has ended: %w", c.ID, ErrStage)
		}
		ev.Stage = cur.Stage
		if err := tx.AddEvidence(ev); err != nil {
			return err
		}
		return s.appendEntry(tx, Entry{Actor: actor.ID, Role: RoleOfficer, Agency: c.Agency, Action: "evidence.add", CaseID: c.ID,
			Subject: digest, Evidence: []string{digest}, Note: "附加证据：" + name}, nil, ev)
	})
	if err != nil {
		return Evidence{}, err
	}
	return ev, nil
}

// isM4A recognises an ISO-BMFF audio file (ftypM4A / ftypisom…), which
// http.DetectContentType reports as video/mp4 only for some brands.
func isM4A(head []byte) bool {
	return len(head) >= 12 && string(head[4:8]) == "ftyp" && (string(head[8:11]) == "M4A" || string(head[8:12]) == "mp42" || string(head[8:12]) == "isom")
}

// isAMR recognises AMR-NB/WB recordings from phones ("#!AMR").
func isAMR(head []byte) bool { return strings.HasPrefix(string(head), "#!AMR") }

// EvidenceList returns a case's evidence records (readers of the case except
// trainers: evidence holds personal data).
func (s *Service) EvidenceList(ctx context.Context, actor User, id string) ([]Evidence, error) {
	c, err := s.Case(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	if actor.Agency != c.Agency {
		return nil, denied(c, "list evidence of")
	}
	var out []Evidence
	err = s.cfg.Store.View(ctx, func(tx ReadTx) (err error) { out, err = tx.Evidence(id); return err })
	return out, err
}

// OpenEvidence returns one evidence file of a case for download (the
// agency's staff who may read the case).
func (s *Service) OpenEvidence(ctx context.Context, actor User, id, digest string) (Evidence, io.ReadCloser, error) {
	list, err := s.EvidenceList(ctx, actor, id)
	if err != nil {
		return Evidence{}, nil, err
	}
	for _, ev := range list {
		if ev.Digest == digest {
			rc, err := s.cfg.Blobs.Open(ctx, digest)
			if err != nil {
				return Evidence{}, nil, err
			}
			return ev, rc, nil
		}
	}
	return Evidence{}, nil, fmt.Errorf("evidence %s of case %s: %w", digest, id, ErrNotFound)
}

// Timeline returns the log entries of a case (the agency's staff), oldest first.
func (s *Service) Timeline(ctx context.Context, actor User, id string) ([]Entry, error) {
	c, err := s.Case(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	if actor.Agency != c.Agency {
		return nil, denied(c, "read the timeline of")
	}
	var out []Entry
	err = s.cfg.Store.View(ctx, func(tx ReadTx) (err error) { out, err = tx.CaseEntries(id); return err })
	return out, err
}

// Overdue reports whether an undecided case is past its deadline at t.
func (c Case) Overdue(t time.Time) bool {
	return !c.Due.IsZero() && !c.Stage.Decided() && t.After(c.Due)
}
