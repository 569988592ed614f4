package api

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/casework"
)

// Enforcement acts besides penalty cases (casework/acts.go): recorded one
// by one or in a batch as JSON, imported from CSV, listed. Who may record
// and list is the service's decision (officers and leaders of the agency
// record, its staff list, admins both for any agency).

// actsRequest is POST /v1/acts.
type actsRequest struct {
	Acts []casework.Act `json:"acts"`
}

// actsImport is POST /v1/acts/import: the CSV file's text (request bodies
// are JSON; see the guard).
type actsImport struct {
	CSV string `json:"csv"`
}

// actsAnswer is the answer of POST and GET /v1/acts: the acts as recorded.
type actsAnswer struct {
	Acts []casework.Act `json:"acts"`
}

// actsImportAnswer is POST /v1/acts/import: how many acts the file held and
// the acts as recorded.
type actsImportAnswer struct {
	Imported int            `json:"imported"`
	Acts     []casework.Act `json:"acts"`
}

// actCategoriesAnswer is GET /v1/acts/categories: the agency asked about
// and its categories.
type actCategoriesAnswer struct {
	Agency     string                 `json:"agency"`
	Categories []casework.ActCategory `json:"categories"`
}

// actError turns a refused act into the API's error: the act's position
// (or the CSV line) and its field.
func actError(err error, csvLines bool) error {
	var ae *casework.ActError
	if !errors.As(err, &ae) {
		return err
	}
	switch {
	case ae.Index < 0:
		return invalid(ae.Field, ae.Message)
	case csvLines:
		return invalid("csv", fmt.Sprintf("第 %d 行（%s）：%s", ae.Index+2, ae.Field, ae.Message))
	default:
		return invalid(fmt.Sprintf("acts[%d].%s", ae.Index, ae.Field), fmt.Sprintf("第 %d 条：%s", ae.Index+1, ae.Message))
	}
}

// handleRecordActs answers POST /v1/acts {"acts":[…]}: 201 with the acts
// as recorded (IDs assigned), all or none.
func (s *Server) handleRecordActs(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	var req actsRequest
	if err := decodeStrict(c.Body(), &req); err != nil {
		return err
	}
	if len(req.Acts) == 0 || len(req.Acts) > casework.MaxActs {
		return invalid("acts", fmt.Sprintf("acts 应为 1 至 %d 条执法行为", casework.MaxActs))
	}
	for i := range req.Acts {
		// The service assigns these; a client's are ignored, not trusted.
		req.Acts[i].ID, req.Acts[i].RecordedBy = "", ""
	}
	acts, err := svc.RecordActs(c.UserContext(), u, req.Acts)
	if err != nil {
		return actError(err, false)
	}
	return c.Status(fiber.StatusCreated).JSON(actsAnswer{Acts: acts})
}

// handleImportActs answers POST /v1/acts/import {"csv":"…"}: the acts of
// a CSV file (header row; English or Chinese column names), all or none;
// a bad row is named by its line.
func (s *Server) handleImportActs(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	var req actsImport
	if err := decodeStrict(c.Body(), &req); err != nil {
		return err
	}
	if !utf8.ValidString(req.CSV) {
		return invalid("csv", "CSV 应为 UTF-8 文字")
	}
	acts, err := casework.DecodeActsCSV(strings.NewReader(req.CSV))
	if err != nil {
		return actError(err, true)
	}
	if len(acts) == 0 {
		return invalid("csv", "CSV 中没有执法行为（第一行为列名）")
	}
	got, err := svc.RecordActs(c.UserContext(), u, acts)
	if err != nil {
		return actError(err, true)
	}
	return c.Status(fiber.StatusCreated).JSON(actsImportAnswer{Imported: len(got), Acts: got})
}

// handleActs answers GET /v1/acts?agency=&category=&from=&to=: the acts
// the user may see (their agency's; admins any), by day.
func (s *Server) handleActs(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	f := casework.ActFilter{Agency: c.Query("agency"), Category: c.Query("category"), From: c.Query("from"), To: c.Query("to")}
	for _, p := range []struct{ name, v string }{{"agency", f.Agency}, {"category", f.Category}} {
		if !utf8.ValidString(p.v) || len(p.v) > 64 {
			return invalid(p.name, p.name+" 无效")
		}
	}
	for _, p := range []struct{ name, v string }{{"from", f.From}, {"to", f.To}} {
		if p.v != "" && !casework.ValidDay(p.v) {
			return invalid(p.name, "日期应为 YYYY-MM-DD 格式，如 2026-01-01")
		}
	}
	acts, err := svc.Acts(c.UserContext(), u, f)
	if err != nil {
		return actError(err, false)
	}
	return c.JSON(actsAnswer{Acts: acts})
}

// handleActCategories answers GET /v1/acts/categories?agency=: the
// categories an agency (default: the user's) records acts in, with their
// outcomes.
func (s *Server) handleActCategories(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	agency := c.Query("agency", u.Agency)
	if !utf8.ValidString(agency) || len(agency) > 64 {
		return invalid("agency", "机关代码无效")
	}
	return c.JSON(actCategoriesAnswer{Agency: agency, Categories: svc.ActCategoriesFor(agency)})
}

func (s *Server) handleActsPage(c *fiber.Ctx) error { return sendPage(c, actsPage) }
