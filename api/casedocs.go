package api

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/documents"
)

const (
	docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	pdfType  = "application/pdf"
	// numberPending stands for the 文号 when asking whether a document can be
	// issued: the number is only taken on issue.
	numberPending = "（签发时编号）"
)

// caseDocuments is the app's CaseDocuments over this server's parts.
func (s *Server) caseDocuments() (app.CaseDocuments, error) {
	if s.cfg.Documents == nil {
		return app.CaseDocuments{}, apiError(fiber.StatusServiceUnavailable, "documents_unavailable", "文书生成未启用", "")
	}
	return app.CaseDocuments{Generator: s.cfg.Documents, Statutes: app.DocumentStatutes{Resolver: s.lib.Resolver()}, Calendar: s.cfg.Calendar}, nil
}

// docCall is the parsed start of a case-document request.
type docCall struct {
	svc  *casework.Service
	u    casework.User
	gen  app.CaseDocuments
	dc   casework.DocumentContext
	kind documents.Kind
}

// openDocCall signs in, reads the case's document context and parses the
// kind (when kindParam is not empty; format-suffixed names are cut first).
func (s *Server) openDocCall(c *fiber.Ctx, kindParam string) (docCall, error) {
	var r docCall
	var err error
	if r.svc, r.u, err = s.workbench(c); err != nil {
		return r, err
	}
	if r.gen, err = s.caseDocuments(); err != nil {
		return r, err
	}
	id, err := caseID(c)
	if err != nil {
		return r, err
	}
	if kindParam != "" {
		if r.kind, err = documents.ParseKind(kindParam); err != nil {
			return r, err
		}
	}
	r.dc, err = r.svc.DocumentContext(c.UserContext(), r.u, id)
	return r, err
}

// docStatus is one kind in GET /v1/cases/:id/documents.
type docStatus struct {
	Kind  documents.Kind `json:"kind"`
	Title string         `json:"title"`
	// CanIssue is true when the case's stage allows it and every check passes.
	CanIssue bool `json:"can_issue"`
	// Missing lists what stops issuing (the stage, and every failed check).
	Missing []documents.Problem `json:"missing"`
	// Versions are the issued versions, oldest first.
	Versions []casework.IssuedDocument `json:"versions"`
}

// handleCaseDocuments answers GET /v1/cases/:id/documents: for each kind,
// whether it can be issued now and what is missing.
// caseDocumentsAnswer is GET /v1/cases/:id/documents: every kind of
// document, whether it may be issued now and its issued versions.
type caseDocumentsAnswer struct {
	CaseID    string         `json:"case_id"`
	Stage     casework.Stage `json:"stage"`
	Documents []docStatus    `json:"documents"`
}

// documentVersionsAnswer is GET /v1/cases/:id/documents/:kind/versions.
type documentVersionsAnswer struct {
	CaseID   string                    `json:"case_id"`
	Kind     documents.Kind            `json:"kind"`
	Versions []casework.IssuedDocument `json:"versions"`
}

func (s *Server) handleCaseDocuments(c *fiber.Ctx) error {
	r, err := s.openDocCall(c, "")
	if err != nil {
		return err
	}
	now := time.Now()
	out := make([]docStatus, 0, len(documents.Kinds))
	for _, k := range documents.Kinds {
		made, err := r.gen.Make(r.dc, k, now, numberPending, false)
		if err != nil {
			return err
		}
		spec := r.gen.Spec(k, made.Doc.Title)
		st := docStatus{Kind: k, Title: made.Doc.Title, Missing: made.Problems, Versions: []casework.IssuedDocument{}}
		if !containsStage(spec.Stages, r.dc.Case.Stage) {
			st.Missing = append([]documents.Problem{{Code: "stage", Element: "案件阶段",
				Message: "案件处于“" + r.dc.Case.Stage.Label() + "”阶段，不能制作" + made.Doc.Title}}, st.Missing...)
		}
		if st.Missing == nil {
			st.Missing = []documents.Problem{}
		}
		st.CanIssue = len(st.Missing) == 0
		for _, d := range r.dc.Issued {
			if d.Kind == string(k) {
				st.Versions = append(st.Versions, d)
			}
		}
		out = append(out, st)
	}
	return c.JSON(caseDocumentsAnswer{CaseID: r.dc.Case.ID, Stage: r.dc.Case.Stage, Documents: out})
}

func containsStage(stages []casework.Stage, st casework.Stage) bool {
	for _, x := range stages {
		if x == st {
			return true
		}
	}
	return false
}

// splitFormat cuts "decision.docx" into the kind's name and the format.
func splitFormat(file string) (string, string, error) {
	name, format, ok := strings.Cut(file, ".")
	if !ok || (format != "docx" && format != "pdf") {
		return "", "", apiError(fiber.StatusNotFound, "unknown_format", "文书格式应为 .docx 或 .pdf", "format")
	}
	return name, format, nil
}

// handleCaseDocumentDraft answers GET /v1/cases/:id/documents/:file
// (KIND.docx or KIND.pdf): the document as the case stands, marked 草稿,
// at any stage; the checks' findings are counted in X-Document-Problems.
func (s *Server) handleCaseDocumentDraft(c *fiber.Ctx) error {
	name, format, err := splitFormat(c.Params("file"))
	if err != nil {
		return err
	}
	r, err := s.openDocCall(c, name)
	if err != nil {
		return err
	}
	if q := c.Query("delivery"); q != "" {
		n, err := strconv.Atoi(q)
		if err != nil || n < 1 {
			return invalid("delivery", "送达记录的序号应为正整数")
		}
		if r.dc, err = forDelivery(r.dc, r.kind, n); err != nil {
			return err
		}
	}
	made, err := r.gen.Make(r.dc, r.kind, time.Now(), "", true)
	if err != nil {
		return err
	}
	docx, pdf, err := s.files(made.Doc, format == "pdf")
	if err != nil {
		return err
	}
	c.Set("X-Document-Problems", strconv.Itoa(len(made.Problems)))
	if format == "pdf" {
		return sendDocument(c, pdfType, string(r.kind)+".pdf", made.Doc.Title+"（草稿）.pdf", pdf)
	}
	return sendDocument(c, docxType, string(r.kind)+".docx", made.Doc.Title+"（草稿）.docx", docx)
}

// files writes doc as DOCX and, when wantPDF or for issue, PDF. A missing
// CJK font leaves the PDF out for issue (nil) and is an error when a PDF
// was asked for.
func (s *Server) files(doc documents.Document, wantPDF bool) (docx, pdf []byte, err error) {
	var b bytes.Buffer
	if err := documents.WriteDOCX(&b, doc); err != nil {
		return nil, nil, err
	}
	docx = bytes.Clone(b.Bytes())
	b.Reset()
	if err := s.cfg.Documents.WritePDF(&b, doc); err != nil {
		if wantPDF || !errors.Is(err, documents.ErrNoCJKFont) {
			return nil, nil, err
		}
		return docx, nil, nil
	}
	return docx, bytes.Clone(b.Bytes()), nil
}

func sendDocument(c *fiber.Ctx, ctype, asciiName, name string, content []byte) error {
	c.Set(fiber.HeaderContentType, ctype)
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+asciiName+`"; filename*=UTF-8''`+url.PathEscape(name))
	return c.Send(content)
}

// checkFailed is the refusal of an issue: the error format, with every
// failed element in the message and listed in problems.
type checkFailed struct {
	Error    Error               `json:"error"`
	Problems []documents.Problem `json:"problems"`
}

// handleCaseDocumentIssue answers POST /v1/cases/:id/documents/:kind: it
// runs every check and refuses (422, every failed element) or issues the
// document with the agency's next 文号, stores the DOCX (and PDF) and
// records the version in the full-process record.
// documentIssueRequest is the body of POST /v1/cases/:id/documents/:kind:
// {} or, for a 送达回证, the recorded delivery it certifies.
type documentIssueRequest struct {
	// Delivery is the delivery's sequence number (0: the latest).
	Delivery int `json:"delivery"`
}

func (s *Server) handleCaseDocumentIssue(c *fiber.Ctx) error {
	r, err := s.openDocCall(c, c.Params("kind"))
	if err != nil {
		return err
	}
	// The body is {} or, for a 送达回证, {"delivery":N}: the recorded
	// delivery it certifies (default the latest); anything else is refused
	// rather than ignored.
	var body documentIssueRequest
	if err := decodeStrict(c.Body(), &body); err != nil {
		return err
	}
	if r.dc, err = forDelivery(r.dc, r.kind, body.Delivery); err != nil {
		return err
	}
	spec := r.gen.Spec(r.kind, "")
	// Refuse before a number is taken: the checks with the number pending.
	pre, err := r.gen.Make(r.dc, r.kind, time.Now(), numberPending, false)
	if err != nil {
		return err
	}
	spec.Title = pre.Doc.Title
	if !canIssue(r.u, r.dc.Case, spec) {
		return fmt.Errorf("issue %s of case %s: %w", r.kind, r.dc.Case.ID, casework.ErrForbidden)
	}
	if !containsStage(spec.Stages, r.dc.Case.Stage) {
		return fmt.Errorf("case %s in %s: %s cannot be issued: %w", r.dc.Case.ID, r.dc.Case.Stage, r.kind, casework.ErrStage)
	}
	if len(pre.Problems) > 0 {
		return refuse(c, pre.Problems)
	}
	var made app.Made
	render := func(cs casework.Case, a casework.Agency, number string, at time.Time) (casework.Rendered, error) {
		dc := r.dc
		dc.Case, dc.Agency = cs, a
		m, err := r.gen.Make(dc, r.kind, at, number, false)
		if err != nil {
			return casework.Rendered{}, err
		}
		if len(m.Problems) > 0 {
			made = m
			return casework.Rendered{}, errCheckFailed
		}
		docx, pdf, err := s.files(m.Doc, false)
		return casework.Rendered{DOCX: docx, PDF: pdf}, err
	}
	d, err := r.svc.IssueDocument(c.UserContext(), r.u, r.dc.Case.ID, spec, render)
	if errors.Is(err, errCheckFailed) {
		return refuse(c, made.Problems)
	}
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(d)
}

var errCheckFailed = errors.New("document check failed")

// forDelivery keeps the case's deliveries up to seq, so that the 送达回证
// is made from delivery seq (0: the latest). Only a 送达回证 certifies a
// delivery; a recorded one must be named.
func forDelivery(dc casework.DocumentContext, kind documents.Kind, seq int) (casework.DocumentContext, error) {
	if seq == 0 {
		return dc, nil
	}
	if seq < 0 {
		return dc, invalid("delivery", "送达记录的序号应为正整数")
	}
	if kind != documents.KindService {
		return dc, invalid("delivery", "只有送达回证需要指明送达记录")
	}
	if seq < 1 || seq > len(dc.Deliveries) {
		return dc, apiError(fiber.StatusNotFound, "not_found", "没有第 "+strconv.Itoa(seq)+" 次送达记录", "delivery")
	}
	dc.Deliveries = dc.Deliveries[:seq]
	return dc, nil
}

// canIssue mirrors the service's role check, so that a user who may not
// issue is told so rather than shown the case's problems.
func canIssue(u casework.User, c casework.Case, spec casework.DocumentSpec) bool {
	if u.Disabled || u.Agency != c.Agency {
		return false
	}
	for _, r := range spec.Roles {
		if u.Has(r) {
			return true
		}
	}
	return false
}

func refuse(c *fiber.Ctx, problems []documents.Problem) error {
	parts := make([]string, len(problems))
	for i, p := range problems {
		parts[i] = p.Element + "：" + p.Message
	}
	return c.Status(fiber.StatusUnprocessableEntity).JSON(checkFailed{
		Error:    Error{Code: "document_check_failed", Message: "文书未通过签发前检查（" + strconv.Itoa(len(problems)) + " 项）：" + strings.Join(parts, "；"), Field: problems[0].Element},
		Problems: problems})
}

// handleCaseDocumentVersions answers GET /v1/cases/:id/documents/:kind/versions.
func (s *Server) handleCaseDocumentVersions(c *fiber.Ctx) error {
	r, err := s.openDocCall(c, c.Params("kind"))
	if err != nil {
		return err
	}
	out := []casework.IssuedDocument{}
	for _, d := range r.dc.Issued {
		if d.Kind == string(r.kind) {
			out = append(out, d)
		}
	}
	return c.JSON(documentVersionsAnswer{CaseID: r.dc.Case.ID, Kind: r.kind, Versions: out})
}

// handleCaseDocumentVersion answers GET
// /v1/cases/:id/documents/:kind/versions/:file (N.docx or N.pdf): the
// stored file of an issued version.
func (s *Server) handleCaseDocumentVersion(c *fiber.Ctx) error {
	name, format, err := splitFormat(c.Params("file"))
	if err != nil {
		return err
	}
	v, err := strconv.Atoi(name)
	if err != nil || v < 1 || v > 1<<20 {
		return invalid("version", "版本号应为正整数")
	}
	r, err := s.openDocCall(c, c.Params("kind"))
	if err != nil {
		return err
	}
	d, rc, err := r.svc.OpenIssued(c.UserContext(), r.u, r.dc.Case.ID, string(r.kind), v, format == "pdf")
	if err != nil {
		return err
	}
	defer rc.Close()
	var b bytes.Buffer
	if _, err := b.ReadFrom(rc); err != nil {
		return err
	}
	ctype := docxType
	if format == "pdf" {
		ctype = pdfType
	}
	digest := d.Digest
	if format == "pdf" {
		digest = d.PDFDigest
	}
	c.Set("Digest", "sha-256="+digest)
	return sendDocument(c, ctype, string(r.kind)+"-v"+name+"."+format, d.Title+"（第"+name+"版）."+format, b.Bytes())
}
