package api

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/url"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/casework"
)

// Evidence files arrive as multipart/form-data with an optional "note"
// field before one "file" part. The server streams request bodies
// (StreamRequestBody): the file goes from the socket through the
// multipart reader into the blob store, which hashes it and stops at
// MaxEvidence; nothing holds the whole file in memory. Every other route
// keeps the ordinary body limit (limitBody).

// multipartOverhead is what an upload may carry besides its file: the
// note, part headers and boundaries.
const multipartOverhead = 1 << 20

// isEvidenceUpload reports the one route that takes a body larger than
// BodyLimit, and multipart rather than JSON.
func isEvidenceUpload(c *fiber.Ctx) bool {
	if c.Method() != fiber.MethodPost {
		return false
	}
	rest, ok := strings.CutPrefix(c.Path(), "/v1/cases/")
	if !ok {
		return false
	}
	id, tail, ok := strings.Cut(rest, "/")
	return ok && id != "" && tail == "evidence"
}

// uploadLimit is the largest body the evidence route accepts.
func (s *Server) uploadLimit() int {
	if s.casework() == nil {
		return s.cfg.BodyLimit
	}
	return int(s.casework().MaxEvidence()) + multipartOverhead
}

// limitBody enforces the body limit the server no longer leaves to
// fasthttp (which streams what it does not buffer): a declared length over
// the route's limit is refused before reading; a chunked body is read up to
// the limit and refused past it. A refusal closes the connection, since the
// rest of the body was never read (lingerConn drains what follows).
func (s *Server) limitBody(c *fiber.Ctx) error {
	n := c.Request().Header.ContentLength()
	if isEvidenceUpload(c) {
		// Whatever answers it, an upload not read to its end leaves bytes
		// on the connection: close it after answering.
		c.Set(fiber.HeaderConnection, "close")
		if n > s.uploadLimit() {
			return fmt.Errorf("upload of %d bytes: %w", n, casework.ErrTooLarge)
		}
		return c.Next()
	}
	if c.Method() == fiber.MethodPost && c.Path() == uploadPath {
		// A recording (speech) streams to its job's file like evidence.
		c.Set(fiber.HeaderConnection, "close")
		if n > s.cfg.UploadLimit {
			return fiber.ErrRequestEntityTooLarge
		}
		return c.Next()
	}
	limit := s.cfg.BodyLimit
	if n > limit {
		c.Set(fiber.HeaderConnection, "close")
		return fiber.ErrRequestEntityTooLarge
	}
	stream := c.Context().RequestBodyStream()
	if n == 0 || stream == nil {
		return c.Next()
	}
	// Read the whole body now, bounded (a chunked body declares no
	// length), so that every later handler sees it as before streaming.
	body, err := io.ReadAll(io.LimitReader(stream, int64(limit)+1))
	if err != nil {
		c.Set(fiber.HeaderConnection, "close")
		return fiber.ErrBadRequest
	}
	if len(body) > limit {
		c.Set(fiber.HeaderConnection, "close")
		return fiber.ErrRequestEntityTooLarge
	}
	c.Request().SetBody(body)
	return c.Next()
}

// evidenceView is an evidence record with its download path.
type evidenceView struct {
	casework.Evidence
	URL string `json:"url"`
}

func viewEvidence(ev casework.Evidence) evidenceView {
	return evidenceView{Evidence: ev, URL: "/v1/cases/" + url.PathEscape(ev.CaseID) + "/evidence/" + ev.Digest}
}

// handleEvidenceUpload answers POST /v1/cases/:id/evidence.
func (s *Server) handleEvidenceUpload(c *fiber.Ctx) error {
	r, err := s.openCase(c, nil)
	if err != nil {
		return err
	}
	mt, params, err := mime.ParseMediaType(c.Get(fiber.HeaderContentType))
	if err != nil || mt != fiber.MIMEMultipartForm || params["boundary"] == "" {
		return apiError(fiber.StatusUnsupportedMediaType, "unsupported_media_type",
			"上传证据须用 multipart/form-data（字段 note 可选，字段 file 为文件）", "Content-Type")
	}
	var body io.Reader = c.Context().RequestBodyStream()
	if body == nil {
		body = bytes.NewReader(c.Body())
	}
	mr := multipart.NewReader(body, params["boundary"])
	note := ""
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return invalid("file", "缺少文件：multipart 中应有名为 file 的部分")
		}
		if err != nil {
			return invalid("body", "multipart 请求体格式无效")
		}
		switch part.FormName() {
		case "note":
			raw, err := io.ReadAll(io.LimitReader(part, 16<<10+1))
			if err != nil {
				return invalid("note", "无法读取 note")
			}
			if len(raw) > 16<<10 {
				return invalid("note", "note 过长")
			}
			note = string(raw)
		case "file":
			name := part.FileName()
			if name == "" {
				name = "evidence"
			}
			ev, err := r.svc.AddEvidence(c.UserContext(), r.u, r.id, part, name, note)
			if err != nil {
				return err
			}
			return c.Status(fiber.StatusCreated).JSON(viewEvidence(ev))
		default:
			return invalid(part.FormName(), "未知字段："+quote(part.FormName())+"（应为 note、file）")
		}
	}
}

// handleEvidenceList answers GET /v1/cases/:id/evidence.
// evidenceListAnswer is GET /v1/cases/:id/evidence.
type evidenceListAnswer struct {
	CaseID   string         `json:"case_id"`
	Evidence []evidenceView `json:"evidence"`
}

func (s *Server) handleEvidenceList(c *fiber.Ctx) error {
	r, err := s.openCase(c, nil)
	if err != nil {
		return err
	}
	list, err := r.svc.EvidenceList(c.UserContext(), r.u, r.id)
	if err != nil {
		return err
	}
	out := make([]evidenceView, 0, len(list))
	for _, ev := range list {
		out = append(out, viewEvidence(ev))
	}
	return c.JSON(evidenceListAnswer{CaseID: r.id, Evidence: out})
}

// handleEvidenceGet answers GET /v1/cases/:id/evidence/:digest with the
// file, its checked type and its name as an attachment (never rendered
// inline: a file from outside must not run as a page of this origin).
func (s *Server) handleEvidenceGet(c *fiber.Ctx) error {
	r, err := s.openCase(c, nil)
	if err != nil {
		return err
	}
	digest := c.Params("digest")
	if len(digest) != 64 || strings.Trim(digest, "0123456789abcdef") != "" {
		return invalid("digest", "digest 应为 64 位小写十六进制 SHA-256")
	}
	ev, rc, err := r.svc.OpenEvidence(c.UserContext(), r.u, r.id, digest)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, ev.MediaType)
	c.Set(fiber.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": ev.Name}))
	c.Set("Digest", "sha-256="+digest)
	c.Set(fiber.HeaderContentLength, strconv.FormatInt(ev.Size, 10))
	return c.SendStream(rc, int(ev.Size))
}
