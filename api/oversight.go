package api

import (
	"bytes"
	"errors"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/oversight"
)

// Statistics and early warnings (package oversight). Who sees which agency
// is oversight.Scope's decision: leaders and reviewers their own agency, a
// supervising agency's (司法局) leaders and reviewers and admins the city and
// any agency; everyone else 403.

// oversightQuery reads ?agency=&from=&to= for the signed-in user: the
// index, and the query with the agency the user may see. from and to are
// days (YYYY-MM-DD), to excluded; defaultYear fills a missing period with
// the current year (statistics), otherwise it stays open (warnings).
func (s *Server) oversightQuery(c *fiber.Ctx, defaultYear bool) (*oversight.Index, oversight.Query, error) {
	_, u, err := s.workbench(c)
	if err != nil {
		return nil, oversight.Query{}, err
	}
	ix := s.oversightIndex()
	if ix == nil {
		return nil, oversight.Query{}, errNoWorkbench
	}
	var q oversight.Query
	agency := c.Query("agency")
	if !utf8.ValidString(agency) || len(agency) > 64 {
		return nil, oversight.Query{}, invalid("agency", "机关代码无效")
	}
	if q.Period.From, q.Period.To, err = periodQuery(c); err != nil {
		return nil, oversight.Query{}, err
	}
	if defaultYear && q.Period.From.IsZero() && q.Period.To.IsZero() {
		q.Period = oversight.Year(time.Now().UTC().Year())
	}
	q.Agency, err = ix.Scope(c.UserContext(), u, agency)
	if errors.Is(err, oversight.ErrInvalid) {
		return nil, oversight.Query{}, apiError(fiber.StatusNotFound, "not_found", "没有这个机关："+agency, "agency")
	}
	if err != nil {
		return nil, oversight.Query{}, err
	}
	return ix, q, nil
}

// handleStats answers GET /v1/stats?agency=&from=&to=&format=json|csv|xlsx:
// the statistics of an agency (or the city) for a period (default: this
// year), as JSON or as a CSV or Excel download.
func (s *Server) handleStats(c *fiber.Ctx) error {
	format := c.Query("format", oversight.FormatJSON)
	if !slices.Contains(oversight.Formats, format) {
		return invalid("format", "format 应为 json、csv 或 xlsx")
	}
	ix, q, err := s.oversightQuery(c, true)
	if err != nil {
		return err
	}
	rep, err := ix.Stats(c.UserContext(), q)
	if err != nil {
		return err
	}
	if format == oversight.FormatJSON {
		return c.JSON(rep)
	}
	var b bytes.Buffer
	if err := rep.Export(&b, format); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, oversight.ContentType(format))
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="stats.`+format+`"`)
	return c.Send(b.Bytes())
}

// handleWarnings answers GET /v1/warnings?agency=&from=&to=: the early
// warnings of an agency (or the city) about cases registered in the period
// (default: all), each with its reason, numbers and cases.
func (s *Server) handleWarnings(c *fiber.Ctx) error {
	ix, q, err := s.oversightQuery(c, false)
	if err != nil {
		return err
	}
	ws, err := ix.Warnings(c.UserContext(), q)
	if err != nil {
		return err
	}
	if ws == nil {
		ws = []oversight.Warning{}
	}
	return c.JSON(warningsAnswer{Agency: q.Agency, Warnings: ws, Kinds: kindLabels()})
}

// warningsAnswer is GET /v1/warnings: the agency viewed (empty: the city),
// its warnings and every warning model's name.
type warningsAnswer struct {
	Agency   string              `json:"agency"`
	Warnings []oversight.Warning `json:"warnings"`
	Kinds    []warningKindLabel  `json:"kinds"`
}

// warningKindLabel is a warning model with its Chinese name.
type warningKindLabel struct {
	Kind  oversight.Kind `json:"kind"`
	Label string         `json:"label"`
}

// digestAnswer is GET /v1/digest: the day's digest and whether it was kept
// that day (false: computed now from today's data).
type digestAnswer struct {
	Kept   bool             `json:"kept"`
	Digest oversight.Digest `json:"digest"`
}

// kindLabels lists the warning models with their Chinese names.
func kindLabels() []warningKindLabel {
	out := []warningKindLabel{}
	for _, k := range oversight.Kinds() {
		out = append(out, warningKindLabel{Kind: k, Label: k.Label()})
	}
	return out
}

// periodQuery reads ?from=&to= (days, YYYY-MM-DD, to excluded; either may
// be missing): 400 naming the parameter for a malformed day or to not
// after from.
func periodQuery(c *fiber.Ctx) (from, to time.Time, err error) {
	for _, p := range []struct {
		name string
		dst  *time.Time
	}{{"from", &from}, {"to", &to}} {
		v := c.Query(p.name)
		if v == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, v)
		if err != nil || len(v) != len(time.DateOnly) {
			return from, to, invalid(p.name, "日期应为 YYYY-MM-DD 格式，如 2025-01-01")
		}
		*p.dst = t
	}
	if !from.IsZero() && !to.IsZero() && !from.Before(to) {
		return from, to, invalid("to", "截止日期（不含）应晚于起始日期")
	}
	return from, to, nil
}

func (s *Server) handleStatsPage(c *fiber.Ctx) error { return sendPage(c, statsPage) }

// handleDigest answers GET /v1/digest?agency=&date=: the daily digest of
// an agency (or the city) for a day (default today): the one kept that
// morning, or one made now ("kept": false). Who reads which is
// oversight.DigestScope's decision.
func (s *Server) handleDigest(c *fiber.Ctx) error {
	_, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	ix := s.oversightIndex()
	if ix == nil {
		return errNoWorkbench
	}
	agency := c.Query("agency")
	if !utf8.ValidString(agency) || len(agency) > 64 {
		return invalid("agency", "机关代码无效")
	}
	day := time.Now()
	if v := c.Query("date"); v != "" {
		if day, err = time.Parse(time.DateOnly, v); err != nil || len(v) != len(time.DateOnly) {
			return invalid("date", "日期应为 YYYY-MM-DD 格式，如 2026-03-01")
		}
	}
	day = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)
	agency, err = ix.DigestScope(c.UserContext(), u, agency)
	if errors.Is(err, oversight.ErrInvalid) {
		return apiError(fiber.StatusNotFound, "not_found", "没有这个机关："+c.Query("agency"), "agency")
	}
	if err != nil {
		return err
	}
	d, kept, err := ix.Daily(c.UserContext(), agency, day)
	if errors.Is(err, oversight.ErrInvalid) {
		return invalid("date", "简报的日期不能晚于今天")
	}
	if err != nil {
		return err
	}
	return c.JSON(digestAnswer{Kept: kept, Digest: d})
}

func (s *Server) handleDigestPage(c *fiber.Ctx) error { return sendPage(c, digestPage) }
