package api

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/exchange"
)

// Data sharing between agencies (docs/exchange.md): an agency's leaders and
// admins export its decisions as an exchange file; admins and leaders
// import another agency's file as read-only shared records; staff list
// them. Who may do what is casework's decision (ExportShared,
// ImportShared, SharedRecords).

// exchangeContentType is the media type of each exchange file format.
var exchangeContentType = map[string]string{exchange.JSONL: "application/x-ndjson; charset=utf-8", exchange.CSV: "text/csv; charset=utf-8"}

// handleExchangeExport answers GET /v1/exchange/export?agency=&from=&to=&format=jsonl|csv:
// the agency's decisions made in the period (default: all), as a download.
func (s *Server) handleExchangeExport(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	format := c.Query("format", exchange.JSONL)
	if _, ok := exchangeContentType[format]; !ok {
		return invalid("format", "format 应为 jsonl 或 csv")
	}
	agency := c.Query("agency", u.Agency)
	if !utf8.ValidString(agency) || len(agency) > 64 {
		return invalid("agency", "机关代码无效")
	}
	from, to, err := periodQuery(c)
	if err != nil {
		return err
	}
	rs, err := svc.ExportShared(c.UserContext(), u, agency, from, to)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := exchange.Write(&b, format, rs); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, exchangeContentType[format])
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+agency+`.`+format+`"`)
	return c.Send(b.Bytes())
}

// exchangeImportRequest is the body of POST /v1/exchange/import: the file
// travels inside JSON, so that the request is one a page on another site
// cannot send (the web guard admits only JSON bodies).
type exchangeImportRequest struct {
	// Format is jsonl (default) or csv.
	Format string `json:"format"`
	// Content is the file's text.
	Content string `json:"content"`
	// Note says where the file comes from (来自某市交通运输局, 2025 年).
	Note string `json:"note"`
}

// handleExchangeImport answers POST /v1/exchange/import: another agency's
// exchange file stored as shared records, whole or not at all; the counts
// of records added, replaced and unchanged.
func (s *Server) handleExchangeImport(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	var req exchangeImportRequest
	if err := decodeStrict(c.Body(), &req); err != nil {
		return err
	}
	if req.Format == "" {
		req.Format = exchange.JSONL
	}
	if _, ok := exchangeContentType[req.Format]; !ok {
		return invalid("format", "format 应为 jsonl 或 csv")
	}
	if strings.TrimSpace(req.Note) == "" {
		return invalid("note", "请说明文件的来源（note），如“来自某市交通运输局”")
	}
	// Permission before the file is read: a user who may not import learns
	// nothing about what is wrong with the file.
	if !casework.CanImportShared(u) {
		return apiError(fiber.StatusForbidden, "forbidden", "只有管理员和负责人可以导入共享数据", "")
	}
	rs, err := exchange.Read(strings.NewReader(req.Content), req.Format)
	var es exchange.Errors
	if errors.As(err, &es) {
		return invalid("content."+es[0].Field, es.Error())
	}
	if err != nil {
		return err
	}
	sum, err := svc.ImportShared(c.UserContext(), u, rs, req.Note)
	if err != nil {
		return err
	}
	return c.JSON(sum)
}

// sharedRecordsAnswer is GET /v1/exchange/records.
type sharedRecordsAnswer struct {
	Records []casework.SharedRecord `json:"records"`
}

// handleExchangeRecords answers GET /v1/exchange/records?source_agency=:
// the shared records received (of one source agency, or all), by key.
func (s *Server) handleExchangeRecords(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	src := c.Query("source_agency")
	if !utf8.ValidString(src) || len(src) > 64 {
		return invalid("source_agency", "机关代码无效")
	}
	rs, err := svc.SharedRecords(c.UserContext(), u, src)
	if err != nil {
		return err
	}
	return c.JSON(sharedRecordsAnswer{Records: rs})
}
