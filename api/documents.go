package api

import (
	"bytes"
	"errors"
	"net/url"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/documents"
	"github.com/cailiang/cailiang/legal"
)

// draftRequest is the /v1/analyze input plus what a document needs that
// an analysis cannot know.
type draftRequest struct {
	Facts  string       `json:"facts"`
	Sector legal.Sector `json:"sector,omitempty"`
	// Document holds the party, agency, date, number and any element the
	// officer already has (the fine, evidence…); the analysis fills the rest.
	Document documents.Input `json:"document"`
}

// handleDocumentDraft answers POST /v1/documents/draft/{kind}.docx|.pdf:
// it analyses the facts, fills the kind's document from the first matched
// violation (marked 草稿) and returns the file. The checks' findings are
// in X-Document-Problems (how many) — a draft is never issued.
func (s *Server) handleDocumentDraft(c *fiber.Ctx) error {
	if s.cfg.Analyzer == nil || s.cfg.Documents == nil {
		return apiError(fiber.StatusServiceUnavailable, "documents_unavailable", "文书生成未启用", "")
	}
	file := c.Params("file")
	name, format, ok := strings.Cut(file, ".")
	if !ok || (format != "docx" && format != "pdf") {
		return apiError(fiber.StatusNotFound, "unknown_format", "文书格式应为 .docx 或 .pdf", "format")
	}
	kind, err := documents.ParseKind(name)
	if err != nil {
		return err
	}
	var req draftRequest
	if err := decodeStrict(c.Body(), &req); err != nil {
		return err
	}
	if req.Document.Date == "" {
		req.Document.Date = time.Now().Format(time.DateOnly)
	}
	if req.Document.Sector == "" {
		req.Document.Sector = string(req.Sector)
	}
	res, err := s.cfg.Analyzer.Analyze(c.UserContext(), caseanalysis.Request{Facts: req.Facts, Sector: req.Sector})
	if err != nil {
		return err
	}
	in, err := app.DraftInput(res, req.Facts, req.Document)
	if errors.Is(err, app.ErrNoViolation) {
		return apiError(fiber.StatusUnprocessableEntity, "no_violation", "案情分析未匹配到可给出处罚建议的违法行为，无法生成文书草稿", "facts")
	}
	if err != nil {
		return err
	}
	doc, err := s.cfg.Documents.Render(kind, in)
	if err != nil {
		return err
	}
	problems := s.cfg.Documents.Check(doc, in, app.DocumentStatutes{Resolver: s.lib.Resolver()})
	var out bytes.Buffer
	ctype := "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	if format == "pdf" {
		ctype = "application/pdf"
		err = s.cfg.Documents.WritePDF(&out, doc)
	} else {
		err = documents.WriteDOCX(&out, doc)
	}
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, ctype)
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+string(kind)+"."+format+`"; filename*=UTF-8''`+url.PathEscape(doc.Title+"（草稿）."+format))
	c.Set("X-Document-Problems", itoa(len(problems)))
	return c.Send(out.Bytes())
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
