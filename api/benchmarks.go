package api

import (
	"encoding/json"

	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/rules"
)

type benchmarkSummary struct {
	ID       string       `json:"id"`
	Name     string       `json:"name"`
	Sector   legal.Sector `json:"sector"`
	Region   string       `json:"region,omitempty"`
	Keywords []string     `json:"keywords,omitempty"`
	Penalty  legal.Ref    `json:"penalty"`
	Violated []legal.Ref  `json:"violated"`
	Score    float64      `json:"score,omitempty"`
}

// benchmarksAnswer is GET /v1/benchmarks: the benchmarks found, best first
// when searched.
type benchmarksAnswer struct {
	Total      int                `json:"total"`
	Benchmarks []benchmarkSummary `json:"benchmarks"`
}

func (s *Server) handleBenchmarks(c *fiber.Ctx) error {
	q, err := queryText(c, "q", 200)
	if err != nil {
		return err
	}
	sector, err := queryText(c, "sector", 50)
	if err != nil {
		return err
	}
	limit, err := queryInt(c, "limit", 100, 1, 500)
	if err != nil {
		return err
	}
	hits := s.cfg.Catalog.Search(q, s.cfg.Segmenter, legal.Sector(sector), limit)
	out := make([]benchmarkSummary, 0, len(hits))
	for _, h := range hits {
		b := h.Benchmark
		sum := benchmarkSummary{ID: b.ID, Name: b.Name, Sector: b.Sector, Region: b.Region, Keywords: b.Keywords, Penalty: b.PenaltyRef, Violated: b.Violated}
		if q != "" {
			sum.Score = h.Score
		}
		out = append(out, sum)
	}
	return c.JSON(benchmarksAnswer{Total: len(out), Benchmarks: out})
}

func (s *Server) handleBenchmark(c *fiber.Ctx) error {
	id, err := checkText("id", c.Params("id"), 128)
	if err != nil {
		return err
	}
	b, err := s.cfg.Catalog.Get(id)
	if err != nil {
		return err
	}
	return c.JSON(b)
}

type suggestRequest struct {
	BenchmarkID string          `json:"benchmark_id"`
	Facts       json.RawMessage `json:"facts"`
}

func (s *Server) handleSuggest(c *fiber.Ctx) error {
	var req suggestRequest
	if err := decodeStrict(c.Body(), &req); err != nil {
		return err
	}
	if req.BenchmarkID == "" {
		return invalid("benchmark_id", "缺少 benchmark_id（裁量基准编号）")
	}
	if _, err := checkText("benchmark_id", req.BenchmarkID, 128); err != nil {
		return err
	}
	facts, err := rules.DecodeFacts(req.Facts)
	if err != nil {
		return err
	}
	suggest := s.cfg.Catalog.Suggest
	if rules.IsProvisionID(req.BenchmarkID) && s.cfg.Analyzer != nil {
		// A provision-level violation of /v1/analyze is answered again here.
		suggest = s.cfg.Analyzer.SuggestProvision
	}
	sug, err := suggest(req.BenchmarkID, facts)
	if err != nil {
		return err
	}
	return c.JSON(sug)
}
