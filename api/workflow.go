package api

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/legal"
)

// The workflow cases of the workbench (/v1/cases): create, list by queue,
// read with the next steps the reader may take, edit, move through the
// transition table, extend, share, attach the analysis, evidence and the
// timeline. The casework Service checks role and agency on every call; the
// handlers only translate HTTP.

// nextStep is a transition the reader may take now, for the page's buttons.
type nextStep struct {
	Action  casework.Action `json:"action"`
	Label   string          `json:"label"`
	To      casework.Stage  `json:"to"`
	ToLabel string          `json:"to_label"`
	// NoteRequired says the step needs a reason in "note".
	NoteRequired bool `json:"note_required"`
	// Change says the step is a change of the decision, taken with its
	// source and reason through POST /v1/cases/:id/decision-changes.
	Change bool `json:"change,omitempty"`
}

// caseView is a case as GET /v1/cases/:id and every change answer it.
type caseView struct {
	Case       casework.Case `json:"case"`
	StageLabel string        `json:"stage_label"`
	Overdue    bool          `json:"overdue"`
	// ReviewOverdue: in 法制审核 past the review deadline (review.go).
	ReviewOverdue bool       `json:"review_overdue"`
	Next          []nextStep `json:"next"`
}

// reasoned are the actions the service refuses without a note.
var reasoned = map[casework.Action]bool{casework.ActionReviewReturn: true, casework.ActionReturn: true,
	casework.ActionWithdraw: true, casework.ActionTransfer: true, casework.ActionNotFile: true, casework.ActionRevoke: true}

func viewCase(u casework.User, c casework.Case, now time.Time) caseView {
	v := caseView{Case: c, StageLabel: c.Stage.Label(), Overdue: c.Overdue(now), ReviewOverdue: c.ReviewOverdue(now), Next: []nextStep{}}
	if u.Disabled || u.Agency != c.Agency {
		return v
	}
	for _, t := range casework.Next(c.Stage) {
		if u.HasAny(t.Roles...) {
			v.Next = append(v.Next, nextStep{Action: t.Action, Label: t.Label, To: t.To, ToLabel: t.To.Label(), NoteRequired: reasoned[t.Action],
				Change: t.Action != casework.ActionRevoke && slices.Contains(casework.DecisionChanges(), t.Action)})
		}
	}
	return v
}

// caseSummary is a case in a list.
type caseSummary struct {
	ID         string         `json:"id"`
	Agency     string         `json:"agency"`
	Title      string         `json:"title"`
	Party      string         `json:"party"`
	Stage      casework.Stage `json:"stage"`
	StageLabel string         `json:"stage_label"`
	Version    int64          `json:"version"`
	Due        time.Time      `json:"due,omitzero"`
	Overdue    bool           `json:"overdue"`
	Updated    time.Time      `json:"updated"`
}

func caseID(c *fiber.Ctx) (string, error) {
	id, err := checkText("id", c.Params("id"), 128)
	if err != nil {
		return "", err
	}
	if id == "" {
		return "", invalid("id", "缺少案件编号")
	}
	return id, nil
}

// caseCall is a request about one case: the service, the signed-in user,
// the case ID and, for a change, the version it was read at.
type caseCall struct {
	svc     *casework.Service
	u       casework.User
	id      string
	version int64
}

// versioned is a request body that carries the version a change is based on.
type versioned interface{ basedOn() *int64 }

// openCase reads a request about case :id: the user, the ID and (when body
// is not nil) the strictly decoded body, whose version is required.
func (s *Server) openCase(c *fiber.Ctx, body versioned) (caseCall, error) {
	var r caseCall
	var err error
	if r.svc, r.u, err = s.workbench(c); err != nil {
		return r, err
	}
	if r.id, err = caseID(c); err != nil || body == nil {
		return r, err
	}
	if err := decodeStrict(c.Body(), body); err != nil {
		return r, err
	}
	v := body.basedOn()
	if v == nil {
		return r, invalid("version", "缺少 version：请传入读取案件时的版本号（防止覆盖他人的修改）")
	}
	r.version = *v
	return r, nil
}

// answer writes the changed case, or the error of the change.
func (r caseCall) answer(c *fiber.Ctx, cs casework.Case, err error) error {
	if err != nil {
		return err
	}
	return c.JSON(viewCase(r.u, cs, time.Now()))
}

func (s *Server) handleWorkCreate(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	var req casework.NewCase
	if err := decodeStrict(c.Body(), &req); err != nil {
		return err
	}
	cs, err := svc.CreateCase(c.UserContext(), u, req)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(viewCase(u, cs, time.Now()))
}

// caseQueueAnswer is GET /v1/cases: one page of a queue.
type caseQueueAnswer struct {
	Queue  string        `json:"queue"`
	Cases  []caseSummary `json:"cases"`
	Limit  int           `json:"limit"`
	Offset int           `json:"offset"`
}

func (s *Server) handleWorkList(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	q, err := queryText(c, "queue", 32)
	if err != nil {
		return err
	}
	if q == "" {
		q = string(casework.QueueAgency)
		if u.Agency == "" || !u.HasAny(casework.RoleOfficer, casework.RoleReviewer, casework.RoleLeader) {
			q = string(casework.QueueTraining)
		}
	}
	limit, offset, err := queryPage(c, 50)
	if err != nil {
		return err
	}
	list, err := svc.Cases(c.UserContext(), u, casework.Queue(q), limit, offset)
	if err != nil {
		return err
	}
	now := time.Now()
	out := make([]caseSummary, 0, len(list))
	for _, cs := range list {
		out = append(out, caseSummary{ID: cs.ID, Agency: cs.Agency, Title: cs.Title, Party: cs.Party.Name, Stage: cs.Stage,
			StageLabel: cs.Stage.Label(), Version: cs.Version, Due: cs.Due, Overdue: cs.Overdue(now), Updated: cs.Updated})
	}
	return c.JSON(caseQueueAnswer{Queue: q, Cases: out, Limit: limit, Offset: offset})
}

func (s *Server) handleWorkGet(c *fiber.Ctx) error {
	r, err := s.openCase(c, nil)
	if err != nil {
		return err
	}
	cs, err := r.svc.Case(c.UserContext(), r.u, r.id)
	return r.answer(c, cs, err)
}

// editRequest is PATCH /v1/cases/:id: the fields to change and the version
// they were read at.
type editRequest struct {
	Version *int64 `json:"version"`
	casework.CaseEdit
}

func (q *editRequest) basedOn() *int64 { return q.Version }

func (s *Server) handleWorkEdit(c *fiber.Ctx) error {
	var req editRequest
	r, err := s.openCase(c, &req)
	if err != nil {
		return err
	}
	if req.Officers != nil && len(req.Officers) == 0 {
		return invalid("officers", "承办人不能为空：至少保留一名办案人员")
	}
	cs, err := r.svc.EditCase(c.UserContext(), r.u, r.id, r.version, req.CaseEdit)
	return r.answer(c, cs, err)
}

type transitionRequest struct {
	Action  casework.Action `json:"action"`
	Version *int64          `json:"version"`
	Note    string          `json:"note"`
}

func (q *transitionRequest) basedOn() *int64 { return q.Version }

func (s *Server) handleWorkTransition(c *fiber.Ctx) error {
	var req transitionRequest
	r, err := s.openCase(c, &req)
	if err != nil {
		return err
	}
	known := false
	for _, a := range casework.Actions() {
		known = known || a == req.Action
	}
	if !known {
		return invalid("action", "未知的操作 "+quote(string(req.Action))+"：可用的操作见 GET /v1/transitions")
	}
	cs, err := r.svc.Transition(c.UserContext(), r.u, r.id, r.version, req.Action, req.Note)
	return r.answer(c, cs, err)
}

type extendRequest struct {
	Version *int64 `json:"version"`
	Days    int    `json:"days"`
	Reason  string `json:"reason"`
}

func (q *extendRequest) basedOn() *int64 { return q.Version }

func (s *Server) handleWorkExtend(c *fiber.Ctx) error {
	var req extendRequest
	r, err := s.openCase(c, &req)
	if err != nil {
		return err
	}
	cs, err := r.svc.Extend(c.UserContext(), r.u, r.id, r.version, req.Days, req.Reason)
	return r.answer(c, cs, err)
}

type shareRequest struct {
	Version *int64 `json:"version"`
	// Shared is false to stop sharing; absent means share.
	Shared *bool `json:"shared"`
}

func (q *shareRequest) basedOn() *int64 { return q.Version }

func (s *Server) handleWorkShare(c *fiber.Ctx) error {
	var req shareRequest
	r, err := s.openCase(c, &req)
	if err != nil {
		return err
	}
	shared := req.Shared == nil || *req.Shared
	cs, err := r.svc.Share(c.UserContext(), r.u, r.id, r.version, shared)
	return r.answer(c, cs, err)
}

type analysisRequest struct {
	Version *int64       `json:"version"`
	Sector  legal.Sector `json:"sector"`
}

func (q *analysisRequest) basedOn() *int64 { return q.Version }

// handleWorkAnalysis runs the server's case analysis on the case's facts and
// attaches the answer and, from its first violation with a suggestion, a
// pre-filled proposal (disposition, basis, the suggested range, the fine at
// its lower end) that the officer then edits.
func (s *Server) handleWorkAnalysis(c *fiber.Ctx) error {
	var req analysisRequest
	r, err := s.openCase(c, &req)
	if err != nil {
		return err
	}
	if s.cfg.Analyzer == nil {
		return apiError(fiber.StatusServiceUnavailable, "analysis_unavailable", "案件分析未启用", "")
	}
	cs, err := r.svc.Case(c.UserContext(), r.u, r.id)
	if err != nil {
		return err
	}
	// Only the case's agency's officers may attach it: refuse before the
	// analysis spends its CPU (EditCase checks again, in its transaction).
	if !r.u.Has(casework.RoleOfficer) || r.u.Agency != cs.Agency {
		return fmt.Errorf("analyse case %s: %w", r.id, casework.ErrForbidden)
	}
	sector := req.Sector
	if sector == "" {
		sector = cs.Sector
	}
	res, err := s.cfg.Analyzer.Analyze(c.UserContext(), caseanalysis.Request{Facts: cs.Facts, Sector: sector})
	if err != nil {
		return err
	}
	raw, err := json.Marshal(res)
	if err != nil {
		return fmt.Errorf("encode analysis: %w", err)
	}
	analysis := json.RawMessage(raw)
	cs, err = r.svc.EditCase(c.UserContext(), r.u, r.id, r.version, casework.CaseEdit{Analysis: &analysis, Proposal: proposalFrom(res)})
	return r.answer(c, cs, err)
}

// proposalFrom pre-fills a proposal from the first violation the engine
// answered; nil when there is none.
func proposalFrom(res caseanalysis.Result) *casework.Proposal {
	for _, v := range res.Violations {
		sug := v.Suggestion
		if sug == nil || sug.Disposition == "" {
			continue
		}
		p := &casework.Proposal{Disposition: sug.Disposition, Basis: v.BenchmarkID}
		if r := sug.Suggested; r != nil {
			p.SuggestedMin, p.SuggestedMax, p.Fine = r.FineMin, r.FineMax, r.FineMin
		}
		if len(sug.Other) > 0 {
			p.Other = append(p.Other, sug.Other[:min(len(sug.Other), 20)]...)
		}
		p.Reasons = append(p.Reasons, "违法行为："+v.Name)
		for _, st := range sug.Trace {
			if len(p.Reasons) >= 20 {
				break
			}
			p.Reasons = append(p.Reasons, st.Step+"："+st.Result)
		}
		return p
	}
	return nil
}

func (s *Server) handleWorkTimeline(c *fiber.Ctx) error {
	r, err := s.openCase(c, nil)
	if err != nil {
		return err
	}
	entries, err := r.svc.Timeline(c.UserContext(), r.u, r.id)
	if err != nil {
		return err
	}
	if entries == nil {
		entries = []casework.Entry{}
	}
	return c.JSON(timelineAnswer{CaseID: r.id, Entries: entries})
}

// timelineAnswer is GET /v1/cases/:id/timeline: the case's full-process
// record, oldest first.
type timelineAnswer struct {
	CaseID  string           `json:"case_id"`
	Entries []casework.Entry `json:"entries"`
}

// transitionsAnswer is GET /v1/transitions: the transition table and every
// stage with its Chinese name.
type transitionsAnswer struct {
	Transitions []transitionRow `json:"transitions"`
	Stages      []stageLabel    `json:"stages"`
}

// stageLabel is a stage, its Chinese name and whether the case has ended there.
type stageLabel struct {
	Stage casework.Stage `json:"stage"`
	Label string         `json:"label"`
	Ended bool           `json:"ended"`
}

// transitionRow is a row of the transition table with its Chinese names.
type transitionRow struct {
	casework.Transition
	FromLabel  string   `json:"from_label"`
	ToLabel    string   `json:"to_label"`
	RoleLabels []string `json:"role_labels"`
}

// handleTransitions answers GET /v1/transitions: the one table, for the web.
func (s *Server) handleTransitions(c *fiber.Ctx) error {
	rows := []transitionRow{}
	for _, t := range casework.Transitions() {
		r := transitionRow{Transition: t, FromLabel: t.From.Label(), ToLabel: t.To.Label()}
		for _, role := range t.Roles {
			r.RoleLabels = append(r.RoleLabels, role.Label())
		}
		rows = append(rows, r)
	}
	stages := []stageLabel{}
	for _, st := range casework.Stages() {
		stages = append(stages, stageLabel{Stage: st, Label: st.Label(), Ended: st.Ended()})
	}
	return c.JSON(transitionsAnswer{Transitions: rows, Stages: stages})
}
