package api

import (
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/casework"
)

// The case's procedure records (casework/delivery.go, statement.go): each
// 送达 of issued documents, with the periods that run from it, and the
// party's statements with the agency's answers. The casework Service
// decides who may record and read them.

// chinaZone reads the workbench's local times (datetime-local inputs
// carry no zone) as China's.
var chinaZone = time.FixedZone("CST", 8*3600)

// deliveryRequest is the body of POST /v1/cases/:id/deliveries.
type deliveryRequest struct {
	Documents []casework.DeliveredDocument `json:"documents"`
	Method    casework.DeliveryMethod      `json:"method"`
	Addressee string                       `json:"addressee"`
	Recipient string                       `json:"recipient"`
	Relation  string                       `json:"relation"`
	Place     string                       `json:"place"`
	// At is RFC 3339, or YYYY-MM-DDTHH:MM in China time.
	At       string   `json:"at"`
	Officers []string `json:"officers"`
	Consent  bool     `json:"consent"`
	Note     string   `json:"note"`
}

// deliveryView is a delivery with its method's name and the periods that
// run from it (absent when documents are not configured).
type deliveryView struct {
	casework.Delivery
	MethodLabel string             `json:"method_label"`
	Terms       *app.DeliveryTerms `json:"terms,omitempty"`
}

// parseTime reads an RFC 3339 time or a datetime-local in China time.
func parseTime(field, v string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05", time.DateOnly} {
		if t, err := time.ParseInLocation(layout, v, chinaZone); err == nil {
			return t, nil
		}
	}
	return time.Time{}, invalid(field, "时间应为 YYYY-MM-DDTHH:MM（北京时间）或 RFC 3339 格式："+quote(v))
}

// handleDeliveryRecord answers POST /v1/cases/:id/deliveries.
func (s *Server) handleDeliveryRecord(c *fiber.Ctx) error {
	r, err := s.openCase(c, nil)
	if err != nil {
		return err
	}
	var req deliveryRequest
	if err := decodeStrict(c.Body(), &req); err != nil {
		return err
	}
	at, err := parseTime("at", req.At)
	if err != nil {
		return err
	}
	d, err := r.svc.RecordDelivery(c.UserContext(), r.u, r.id, casework.Delivery{Documents: req.Documents, Method: req.Method,
		Addressee: req.Addressee, Recipient: req.Recipient, Relation: req.Relation, Place: req.Place, At: at,
		Officers: req.Officers, Consent: req.Consent, Note: req.Note})
	if err != nil {
		return err
	}
	v, err := s.viewDelivery(c, r, d)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(v)
}

// viewDelivery adds the method's name and the periods to d.
func (s *Server) viewDelivery(c *fiber.Ctx, r caseCall, d casework.Delivery) (deliveryView, error) {
	v := deliveryView{Delivery: d, MethodLabel: d.Method.Label()}
	if s.cfg.Documents == nil {
		return v, nil
	}
	cs, err := r.svc.Case(c.UserContext(), r.u, r.id)
	if err != nil {
		return v, err
	}
	gen, err := s.caseDocuments()
	if err != nil {
		return v, err
	}
	terms, err := gen.Terms(d, string(cs.Sector))
	if err != nil {
		return v, err
	}
	v.Terms = &terms
	return v, nil
}

// deliveriesAnswer is GET /v1/cases/:id/deliveries: the recorded
// deliveries and the methods a delivery may use, with their names.
type deliveriesAnswer struct {
	CaseID     string                `json:"case_id"`
	Deliveries []deliveryView        `json:"deliveries"`
	Methods    []deliveryMethodLabel `json:"methods"`
}

// deliveryMethodLabel is a delivery method with its Chinese name.
type deliveryMethodLabel struct {
	Method casework.DeliveryMethod `json:"method"`
	Label  string                  `json:"label"`
}

// statementsAnswer is GET /v1/cases/:id/statements.
type statementsAnswer struct {
	CaseID     string          `json:"case_id"`
	Statements []statementView `json:"statements"`
}

// handleDeliveries answers GET /v1/cases/:id/deliveries.
func (s *Server) handleDeliveries(c *fiber.Ctx) error {
	r, err := s.openCase(c, nil)
	if err != nil {
		return err
	}
	list, err := r.svc.Deliveries(c.UserContext(), r.u, r.id)
	if err != nil {
		return err
	}
	out := make([]deliveryView, 0, len(list))
	for _, d := range list {
		v, err := s.viewDelivery(c, r, d)
		if err != nil {
			return err
		}
		out = append(out, v)
	}
	methods := []deliveryMethodLabel{}
	for _, m := range casework.DeliveryMethods() {
		methods = append(methods, deliveryMethodLabel{Method: m, Label: m.Label()})
	}
	return c.JSON(deliveriesAnswer{CaseID: r.id, Deliveries: out, Methods: methods})
}

// statementRequest is the body of POST /v1/cases/:id/statements.
type statementRequest struct {
	// Received is the day the agency received it (YYYY-MM-DD).
	Received string `json:"received"`
	Text     string `json:"text"`
	Hearing  bool   `json:"hearing"`
	Waived   bool   `json:"waived"`
}

// statementView is a statement with its outcome's name.
type statementView struct {
	casework.Statement
	OutcomeLabel string `json:"outcome_label,omitempty"`
}

func viewStatement(st casework.Statement) statementView {
	return statementView{Statement: st, OutcomeLabel: st.Outcome.Label()}
}

// handleStatementRecord answers POST /v1/cases/:id/statements.
func (s *Server) handleStatementRecord(c *fiber.Ctx) error {
	r, err := s.openCase(c, nil)
	if err != nil {
		return err
	}
	var req statementRequest
	if err := decodeStrict(c.Body(), &req); err != nil {
		return err
	}
	day, err := time.ParseInLocation(time.DateOnly, req.Received, chinaZone)
	if err != nil {
		return invalid("received", "收到日期应为 YYYY-MM-DD："+quote(req.Received))
	}
	st, err := r.svc.RecordStatement(c.UserContext(), r.u, r.id, casework.Statement{Received: day, Text: req.Text, Hearing: req.Hearing, Waived: req.Waived})
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(viewStatement(st))
}

// handleStatements answers GET /v1/cases/:id/statements.
func (s *Server) handleStatements(c *fiber.Ctx) error {
	r, err := s.openCase(c, nil)
	if err != nil {
		return err
	}
	list, err := r.svc.Statements(c.UserContext(), r.u, r.id)
	if err != nil {
		return err
	}
	out := make([]statementView, 0, len(list))
	for _, st := range list {
		out = append(out, viewStatement(st))
	}
	return c.JSON(statementsAnswer{CaseID: r.id, Statements: out})
}

// answerRequest is the body of POST /v1/cases/:id/statements/:seq/answer.
type answerRequest struct {
	Outcome casework.Outcome `json:"outcome"`
	Reasons string           `json:"reasons"`
	// Version is the statement's version as read.
	Version *int64 `json:"version"`
}

// handleStatementAnswer answers POST /v1/cases/:id/statements/:seq/answer.
func (s *Server) handleStatementAnswer(c *fiber.Ctx) error {
	r, err := s.openCase(c, nil)
	if err != nil {
		return err
	}
	seq, err := strconv.Atoi(c.Params("seq"))
	if err != nil || seq < 1 || seq > 1<<20 {
		return invalid("seq", "陈述、申辩的序号应为正整数")
	}
	var req answerRequest
	if err := decodeStrict(c.Body(), &req); err != nil {
		return err
	}
	if req.Version == nil {
		return invalid("version", "缺少 version：请传入读取时的版本号（防止覆盖他人的修改）")
	}
	st, err := r.svc.AnswerStatement(c.UserContext(), r.u, r.id, seq, req.Outcome, req.Reasons, *req.Version)
	if err != nil {
		return err
	}
	return c.JSON(viewStatement(st))
}
