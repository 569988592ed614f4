package api

import (
	"errors"
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/documents"
	"github.com/cailiang/cailiang/rules"
)

// Error is the body of every error response.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
	Row     int    `json:"row,omitempty"`
}

// ErrorBody wraps Error as {"error": …}.
type ErrorBody struct {
	Error Error `json:"error"`
}

// httpError is an error that already knows its HTTP status and code.
type httpError struct {
	status int
	body   Error
}

func (e *httpError) Error() string {
	return fmt.Sprintf("%d %s: %s", e.status, e.body.Code, e.body.Message)
}

func apiError(status int, code, message, field string) error {
	return &httpError{status: status, body: Error{Code: code, Message: message, Field: field}}
}

func invalid(field, message string) error {
	return apiError(fiber.StatusBadRequest, "invalid_input", message, field)
}

// classify maps any error to a status and body. Internal errors never leak
// their text to the client.
func classify(err error) (int, Error) {
	var he *httpError
	if errors.As(err, &he) {
		return he.status, he.body
	}
	if st, body, ok := classifySpeech(err); ok {
		return st, body
	}
	var row *corpus.RowError
	var fe *corpus.FieldError
	var nif *corpus.NotInForceError
	switch {
	case errors.As(err, &nif):
		return fiber.StatusNotFound, Error{Code: "not_in_force", Message: nif.Error(), Field: "date"}
	case errors.As(err, &row):
		st, body := classify(row.Err)
		body.Row = row.Row
		body.Message = fmt.Sprintf("第 %d 条：%s", row.Row, body.Message)
		return st, body
	case errors.As(err, &fe):
		return fiber.StatusBadRequest, Error{Code: "invalid_input", Message: fe.Field + "：" + fe.Message, Field: fe.Field}
	case errors.Is(err, corpus.ErrBadCitation):
		return fiber.StatusBadRequest, Error{Code: "bad_citation", Message: "无法识别的法条引用：应为“法律名称+第X条”，如“食品安全法第一百二十四条第一款”"}
	case errors.Is(err, corpus.ErrAmbiguous):
		return fiber.StatusConflict, Error{Code: "ambiguous_law", Message: "法规名称对应多部法规，请写出全称：" + err.Error()}
	case errors.Is(err, corpus.ErrNoVectors):
		return fiber.StatusBadRequest, Error{Code: "vectors_unavailable", Message: "向量检索未启用（未配置向量库或嵌入模型），请使用 mode=bm25", Field: "mode"}
	case errors.Is(err, corpus.ErrBadMode):
		return fiber.StatusBadRequest, Error{Code: "invalid_input", Message: "mode 应为 bm25、vector 或 hybrid", Field: "mode"}
	case errors.Is(err, corpus.ErrNotFound):
		return fiber.StatusNotFound, Error{Code: "not_found", Message: "未找到：" + err.Error()}
	}
	var req *caseanalysis.RequestError
	if errors.As(err, &req) {
		code := "invalid_input"
		if req.Field == "sector" {
			code = "unknown_sector"
		}
		return fiber.StatusBadRequest, Error{Code: code, Message: req.Message, Field: req.Field}
	}
	var die *documents.InputError
	switch {
	case errors.As(err, &die) && errors.Is(err, documents.ErrUnknownKind):
		return fiber.StatusNotFound, Error{Code: "unknown_document_kind", Message: die.Message, Field: "kind"}
	case errors.As(err, &die):
		return fiber.StatusBadRequest, Error{Code: "invalid_input", Message: "document." + die.Field + "：" + die.Message, Field: "document." + die.Field}
	case errors.Is(err, documents.ErrNoCJKFont):
		return fiber.StatusServiceUnavailable, Error{Code: "pdf_font_missing", Message: "服务器未安装中文字体，无法生成 PDF（请安装 fonts-arphic-gbsn00lp），可改为下载 DOCX", Field: "format"}
	}
	var facts *rules.FactError
	if errors.As(err, &facts) {
		field := "facts"
		if facts.Field != "" {
			field = "facts." + facts.Field
		}
		return fiber.StatusBadRequest, Error{Code: "invalid_facts", Message: field + "：" + facts.Message, Field: field}
	}
	if errors.Is(err, rules.ErrUnknownBenchmark) {
		return fiber.StatusNotFound, Error{Code: "unknown_benchmark", Message: "没有这个裁量基准：" + err.Error(), Field: "benchmark_id"}
	}
	var fe2 *fiber.Error
	if errors.As(err, &fe2) {
		switch fe2.Code {
		case fiber.StatusRequestEntityTooLarge:
			return fe2.Code, Error{Code: "body_too_large", Message: "请求体过大"}
		case fiber.StatusNotFound:
			return fe2.Code, Error{Code: "route_not_found", Message: "没有这个接口"}
		case fiber.StatusRequestHeaderFieldsTooLarge:
			return fe2.Code, Error{Code: "header_too_large", Message: "请求头或查询串过长（检索词 q 最多 2000 字）"}
		case fiber.StatusMethodNotAllowed:
			return fe2.Code, Error{Code: "method_not_allowed", Message: "不支持该请求方法"}
		}
		if fe2.Code >= 400 && fe2.Code < 500 {
			// fasthttp's texts are English and name its internals.
			return fe2.Code, Error{Code: "bad_request", Message: "请求格式无效（无法读取请求行、请求头或请求体）"}
		}
	}
	return fiber.StatusInternalServerError, Error{Code: "internal", Message: "服务器内部错误"}
}

func statusOf(err error) int {
	st, _ := classify(err)
	return st
}

func (s *Server) errorHandler(c *fiber.Ctx, err error) error {
	securityHeaders(c) // fasthttp's own errors (413) pass no middleware
	st, body := classify(err)
	if st >= 500 {
		s.log.Error("request failed", "request_id", c.Locals("requestid"), "path", c.Path(), "err", err)
	}
	return c.Status(st).JSON(ErrorBody{Error: body})
}
