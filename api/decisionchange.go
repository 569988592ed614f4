package api

import (
	"slices"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/casework"
)

// changeRequest is the body of POST /v1/cases/:id/decision-changes: a
// change of the decision after it was made (casework.DecisionChange) and
// the case version it was read at.
type changeRequest struct {
	Version *int64 `json:"version"`
	// Action is vary, revoke, confirm_unlawful or confirm_void.
	Action casework.Action `json:"action"`
	// By is reconsideration (行政复议), litigation (行政诉讼) or agency.
	By casework.ChangeBody `json:"by"`
	// Document is the number of the 复议决定书 or 判决书 (required unless
	// By is agency); Reason why, as the public will read it.
	Document string `json:"document"`
	Reason   string `json:"reason"`
	// Proposal is the varied decision's penalty content (vary only).
	Proposal *casework.Proposal `json:"proposal"`
	// Dated is the day of the changing document, YYYY-MM-DD (empty: today).
	Dated string `json:"dated"`
}

func (q *changeRequest) basedOn() *int64 { return q.Version }

// handleDecisionChange answers POST /v1/cases/:id/decision-changes (the
// agency's leaders): the case as changed, its publication withdrawn and,
// for a varied decision, a new one due.
func (s *Server) handleDecisionChange(c *fiber.Ctx) error {
	var req changeRequest
	r, err := s.openCase(c, &req)
	if err != nil {
		return err
	}
	if !slices.Contains(casework.DecisionChanges(), req.Action) {
		return invalid("action", "action 应为 vary（变更）、revoke（撤销）、confirm_unlawful（确认违法）或 confirm_void（确认无效）")
	}
	if req.By.Label() == "" {
		return invalid("by", "by 应为 reconsideration（行政复议）、litigation（行政诉讼）或 agency（本机关自行纠正）")
	}
	var dated time.Time
	if req.Dated != "" {
		if dated, err = time.Parse("2006-01-02", req.Dated); err != nil {
			return invalid("dated", "dated 应为来源文书的日期，格式 YYYY-MM-DD（如 2026-03-02）")
		}
	}
	cs, err := r.svc.ChangeDecision(c.UserContext(), r.u, r.id, r.version, casework.DecisionChange{Action: req.Action, By: req.By,
		Document: req.Document, Reason: req.Reason, Proposal: req.Proposal, Dated: dated})
	return r.answer(c, cs, err)
}
