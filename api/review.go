package api

import (
	"encoding/json"
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/consistency"
)

// 法制审核 over HTTP: the reviewer's marks and opinion (PUT
// /v1/cases/:id/review), a leader's one extension of the review deadline
// (POST /v1/cases/:id/review/extend), and the consistency check of the
// proposed fine (GET /v1/cases/:id/consistency, and .svg for the strip).

// maxPeers bounds the similar cases compared from each source.
const maxPeers = 200

type reviewRequest struct {
	Version *int64 `json:"version"`
	casework.ReviewMark
}

func (q *reviewRequest) basedOn() *int64 { return q.Version }

func (s *Server) handleReviewMark(c *fiber.Ctx) error {
	var req reviewRequest
	r, err := s.openCase(c, &req)
	if err != nil {
		return err
	}
	cs, err := r.svc.MarkReview(c.UserContext(), r.u, r.id, r.version, req.ReviewMark)
	return r.answer(c, cs, err)
}

type reviewExtendRequest struct {
	Version *int64 `json:"version"`
	Reason  string `json:"reason"`
}

func (q *reviewExtendRequest) basedOn() *int64 { return q.Version }

func (s *Server) handleReviewExtend(c *fiber.Ctx) error {
	var req reviewExtendRequest
	r, err := s.openCase(c, &req)
	if err != nil {
		return err
	}
	cs, err := r.svc.ExtendReview(c.UserContext(), r.u, r.id, r.version, req.Reason)
	return r.answer(c, cs, err)
}

// consistencyView is GET /v1/cases/:id/consistency: the check, whether the
// case may go on (the same rule casework applies before 告知 and 审核), and
// the strip as SVG.
type consistencyView struct {
	CaseID string `json:"case_id"`
	Basis  string `json:"basis"`
	consistency.Result
	// Deviates and DeviationReason: the fine lies outside the suggested
	// range, and the reason recorded for it; Blocked when it deviates
	// without a reason (casework refuses 告知 and 提交审核 then).
	Deviates        bool   `json:"deviates"`
	DeviationReason string `json:"deviation_reason,omitempty"`
	Blocked         bool   `json:"blocked"`
	SVG             string `json:"svg"`
}

// consistencyOf gathers the proposal's ranges (the attached analysis's
// violation on the proposal's basis) and the similar ended cases (the
// agency's, and the library's under the same benchmark), and checks.
func (s *Server) consistencyOf(c *fiber.Ctx) (consistencyView, error) {
	r, err := s.openCase(c, nil)
	if err != nil {
		return consistencyView{}, err
	}
	ctx := c.UserContext()
	cs, err := r.svc.Case(ctx, r.u, r.id)
	if err != nil {
		return consistencyView{}, err
	}
	// The agency's staff only: trainers read shared cases, not the
	// agency's fines.
	if r.u.Agency != cs.Agency || !r.u.HasAny(casework.RoleOfficer, casework.RoleReviewer, casework.RoleLeader) {
		return consistencyView{}, fmt.Errorf("consistency of case %s: %w", cs.ID, casework.ErrForbidden)
	}
	p := cs.Proposal
	if p == nil {
		return consistencyView{}, apiError(fiber.StatusConflict, "no_proposal", "案件尚无处罚建议，无法进行一致性比对", "proposal")
	}
	in := consistency.Input{Proposed: p.Fine}
	if p.SuggestedMax > 0 {
		in.Suggested = &consistency.Range{Min: p.SuggestedMin, Max: p.SuggestedMax}
	}
	if st := statutoryRange(cs.Analysis, p.Basis); st != nil {
		in.Statutory = st
	}
	peers, err := r.svc.SimilarEnded(ctx, r.u, p.Basis, maxPeers)
	if err != nil {
		return consistencyView{}, err
	}
	for _, o := range peers {
		if o.ID == cs.ID || o.Proposal == nil {
			continue
		}
		in.Peers = append(in.Peers, consistency.Peer{ID: o.ID, Title: o.Title, Fine: o.Proposal.Fine, Source: "agency", Reasons: o.Proposal.Reasons})
	}
	shared, err := r.svc.SharedByBasis(ctx, r.u, p.Basis, maxPeers)
	if err != nil {
		return consistencyView{}, err
	}
	for _, o := range shared {
		in.Peers = append(in.Peers, consistency.Peer{ID: o.Key, Title: o.SourceAgencyName + " " + o.Title, Fine: o.Decision.Fine,
			Source: "shared", Reasons: o.Decision.Reasons})
	}
	if s.cfg.Analyzer != nil && p.Basis != "" {
		lib, err := s.cfg.Analyzer.BenchmarkCases(ctx, p.Basis, maxPeers)
		if err != nil {
			return consistencyView{}, err
		}
		for _, lc := range lib {
			in.Peers = append(in.Peers, consistency.Peer{ID: lc.ID, Title: lc.Title, Fine: lc.Penalty.Fine, Source: "library", Reasons: lc.Disputes})
		}
	}
	res, err := consistency.Check(in)
	if err != nil {
		return consistencyView{}, fmt.Errorf("consistency of case %s: %w", cs.ID, casework.ErrInvalid)
	}
	return consistencyView{CaseID: cs.ID, Basis: p.Basis, Result: res, Deviates: p.Deviates(), DeviationReason: p.Deviation,
		Blocked: p.Deviates() && p.Deviation == "", SVG: consistency.SVG(res)}, nil
}

// statutoryRange reads the statutory fine range of the violation on basis
// from an attached analysis; nil when it gives none.
func statutoryRange(analysis json.RawMessage, basis string) *consistency.Range {
	var a struct {
		Violations []struct {
			BenchmarkID string `json:"benchmark_id"`
			Suggestion  *struct {
				Statutory *struct {
					FineMin float64 `json:"fine_min"`
					FineMax float64 `json:"fine_max"`
				} `json:"statutory"`
			} `json:"suggestion"`
		} `json:"violations"`
	}
	if len(analysis) == 0 || json.Unmarshal(analysis, &a) != nil {
		return nil
	}
	for _, v := range a.Violations {
		if v.BenchmarkID == basis && v.Suggestion != nil && v.Suggestion.Statutory != nil && v.Suggestion.Statutory.FineMax > 0 {
			return &consistency.Range{Min: v.Suggestion.Statutory.FineMin, Max: v.Suggestion.Statutory.FineMax}
		}
	}
	return nil
}

func (s *Server) handleConsistency(c *fiber.Ctx) error {
	v, err := s.consistencyOf(c)
	if err != nil {
		return err
	}
	return c.JSON(v)
}

func (s *Server) handleConsistencySVG(c *fiber.Ctx) error {
	v, err := s.consistencyOf(c)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "image/svg+xml; charset=utf-8")
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.SendString(v.SVG)
}
