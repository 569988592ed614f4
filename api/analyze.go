package api

import (
	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/caseanalysis"
)

// handleAnalyze answers POST /v1/analyze: {"facts": "<案件事实>", "sector":
// "…"} → the whole analysis (see caseanalysis.Result).
func (s *Server) handleAnalyze(c *fiber.Ctx) error {
	if s.cfg.Analyzer == nil {
		return apiError(fiber.StatusServiceUnavailable, "analysis_unavailable", "案件分析未启用", "")
	}
	var req caseanalysis.Request
	if err := decodeStrict(c.Body(), &req); err != nil {
		return err
	}
	res, err := s.cfg.Analyzer.Analyze(c.UserContext(), req)
	if err != nil {
		return err
	}
	return sendJSON(c, res)
}
