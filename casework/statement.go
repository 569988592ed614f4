package casework

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Outcome is the agency's answer to a statement after review (复核):
// 行政处罚法 第四十五条 — facts, reasons or evidence that hold must be
// adopted.
type Outcome string

// The outcomes of a statement's review.
const (
	OutcomeAdopted  Outcome = "adopted"  // 采纳
	OutcomePartly   Outcome = "partly"   // 部分采纳
	OutcomeRejected Outcome = "rejected" // 不采纳
)

var outcomeLabels = map[Outcome]string{OutcomeAdopted: "采纳", OutcomePartly: "部分采纳", OutcomeRejected: "不采纳"}

// Label is the outcome's Chinese name ("" for an unknown one).
func (o Outcome) Label() string { return outcomeLabels[o] }

// Statement is one 陈述、申辩 of the party (or their hearing request, or
// their express waiver) and the agency's answer.
type Statement struct {
	CaseID string `json:"case_id"`
	// Seq numbers the case's statements from 1; Version their changes.
	Seq     int   `json:"seq"`
	Version int64 `json:"version"`
	// Received is the day the agency received it.
	Received time.Time `json:"received"`
	// Text is what the party stated (facts, reasons, evidence offered).
	Text string `json:"text,omitempty"`
	// Hearing is set when the party asked for a hearing (行政处罚法 第六十四条).
	Hearing bool `json:"hearing,omitempty"`
	// Waived is set when the party expressly gave up statement and defence
	// (第六十二条: then the decision need not wait for the period's end).
	Waived bool `json:"waived,omitempty"`
	// Outcome and Reasons are the agency's answer; empty until answered.
	Outcome    Outcome   `json:"outcome,omitempty"`
	Reasons    string    `json:"reasons,omitempty"`
	AnsweredBy string    `json:"answered_by,omitempty"`
	Answered   time.Time `json:"answered,omitzero"`
	// RecordedBy and Recorded say who entered it and when.
	RecordedBy string    `json:"recorded_by"`
	Recorded   time.Time `json:"recorded"`
}

// Open reports whether the statement still waits for the agency's answer.
func (st Statement) Open() bool { return !st.Waived && st.Outcome == "" }

// Limits of a statement.
const (
	maxStatementText = 20000
	maxAnswerText    = 5000
)

// statementStages are the stages in which the party's statements are
// received and answered: from the notice until the decision.
var statementStages = []Stage{StageNotified, StageReview, StageApproval, StageCollective}

// RecordStatement records the party's statement (or hearing request, or
// waiver) on case id, by one of the agency's officers. Errors:
// ErrForbidden, ErrNotFound, ErrInvalid, ErrStage outside the period from
// the notice to the decision.
func (s *Service) RecordStatement(ctx context.Context, actor User, id string, st Statement) (Statement, error) {
	st.Text = strings.TrimSpace(st.Text)
	if err := validText("statement text", st.Text, maxStatementText, true); err != nil {
		return Statement{}, err
	}
	switch {
	case st.Received.IsZero():
		return Statement{}, fmt.Errorf("received: 缺少收到陈述、申辩的日期: %w", ErrInvalid)
	case st.Received.After(s.now().Add(time.Hour)):
		return Statement{}, fmt.Errorf("received: 收到日期不能晚于今天: %w", ErrInvalid)
	case st.Waived && (st.Text != "" || st.Hearing):
		return Statement{}, fmt.Errorf("waived: 明确放弃陈述、申辩时不应同时记录陈述内容或听证要求: %w", ErrInvalid)
	case !st.Waived && st.Text == "" && !st.Hearing:
		return Statement{}, fmt.Errorf("statement text: 缺少当事人陈述、申辩的内容（或勾选要求听证、明确放弃）: %w", ErrInvalid)
	}
	var out Statement
	err := s.cfg.Store.Update(ctx, func(tx Tx) error {
		c, err := s.statementCase(tx, actor, id, "record a statement on")
		if err != nil {
			return err
		}
		list, err := tx.Statements(c.ID)
		if err != nil {
			return err
		}
		st.CaseID, st.Seq, st.Version, st.RecordedBy, st.Recorded = c.ID, len(list)+1, 1, actor.ID, s.now()
		st.Outcome, st.Reasons, st.AnsweredBy, st.Answered = "", "", "", time.Time{}
		if err := tx.PutStatement(st, 0); err != nil {
			return err
		}
		out = st
		return s.appendEntry(tx, Entry{Actor: actor.ID, Role: RoleOfficer, Agency: c.Agency, Action: "statement.record", CaseID: c.ID,
			Subject: fmt.Sprintf("statement/%d", st.Seq), Note: statementNote(st)}, nil, st)
	})
	if err != nil {
		return Statement{}, err
	}
	return out, nil
}

func statementNote(st Statement) string {
	switch {
	case st.Waived:
		return "当事人明确放弃陈述、申辩"
	case st.Hearing && st.Text == "":
		return "当事人要求听证"
	case st.Hearing:
		return "当事人陈述、申辩并要求听证"
	}
	return "当事人陈述、申辩"
}

// AnswerStatement records the agency's answer (采纳、部分采纳、不采纳 and the
// reasons) to statement seq of case id, whose stored Version is prev.
// Errors: ErrForbidden, ErrNotFound, ErrInvalid (unknown outcome, no
// reasons, a waiver), ErrConflict, ErrStage.
func (s *Service) AnswerStatement(ctx context.Context, actor User, id string, seq int, outcome Outcome, reasons string, prev int64) (Statement, error) {
	reasons = strings.TrimSpace(reasons)
	if outcome.Label() == "" {
		return Statement{}, fmt.Errorf("outcome %q: 复核意见应为 adopted（采纳）、partly（部分采纳）、rejected（不采纳）: %w", outcome, ErrInvalid)
	}
	if err := validText("answer", reasons, maxAnswerText, true); err != nil {
		return Statement{}, err
	}
	if reasons == "" {
		return Statement{}, fmt.Errorf("answer: 缺少复核理由（行政处罚法第四十五条）: %w", ErrInvalid)
	}
	var out Statement
	err := s.cfg.Store.Update(ctx, func(tx Tx) error {
		c, err := s.statementCase(tx, actor, id, "answer a statement on")
		if err != nil {
			return err
		}
		list, err := tx.Statements(c.ID)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(list, func(x Statement) bool { return x.Seq == seq })
		if i < 0 {
			return fmt.Errorf("statement %d of case %s: %w", seq, c.ID, ErrNotFound)
		}
		before := list[i]
		if before.Waived {
			return fmt.Errorf("statement %d: 当事人已明确放弃，无需复核: %w", seq, ErrInvalid)
		}
		if before.Version != prev {
			return fmt.Errorf("statement %d is at version %d, not %d: %w", seq, before.Version, prev, ErrConflict)
		}
		st := before
		st.Outcome, st.Reasons, st.AnsweredBy, st.Answered, st.Version = outcome, reasons, actor.ID, s.now(), prev+1
		if err := tx.PutStatement(st, prev); err != nil {
			return err
		}
		out = st
		return s.appendEntry(tx, Entry{Actor: actor.ID, Role: RoleOfficer, Agency: c.Agency, Action: "statement.answer", CaseID: c.ID,
			Subject: fmt.Sprintf("statement/%d", seq), Note: "复核意见：" + outcome.Label()}, before, st)
	})
	if err != nil {
		return Statement{}, err
	}
	return out, nil
}

// statementCase reads the case a statement is about and checks the actor
// (an officer of its agency) and its stage.
func (s *Service) statementCase(tx Tx, actor User, id, op string) (Case, error) {
	c, err := tx.Case(id)
	if err != nil {
		return Case{}, err
	}
	if !canWork(actor, c, RoleOfficer) {
		return Case{}, denied(c, op)
	}
	if !slices.Contains(statementStages, c.Stage) {
		return Case{}, fmt.Errorf("case %s in %s: 陈述、申辩在告知后、作出决定前记录: %w", c.ID, c.Stage, ErrStage)
	}
	return c, nil
}

// Statements lists case id's statements, by Seq, for the agency's staff
// who may read the case. Errors: ErrNotFound, ErrForbidden.
func (s *Service) Statements(ctx context.Context, actor User, id string) ([]Statement, error) {
	var out []Statement
	err := s.readCaseRecords(ctx, actor, id, func(tx ReadTx) (err error) { out, err = tx.Statements(id); return err })
	return out, err
}
