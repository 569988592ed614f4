package api

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/casework"
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
	if st, body, ok := classifyCasework(err); ok {
		return st, body
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

// caseworkErrors maps the workbench's sentinel errors to one status, code
// and Chinese message each; the detail of the error adds the field and, when
// the service wrote one, its Chinese reason.
var caseworkErrors = []struct {
	err     error
	status  int
	code    string
	message string
}{
	{casework.ErrUnauthenticated, fiber.StatusUnauthorized, "unauthenticated", "未登录或登录已失效：请重新登录（请求头 Authorization: Bearer <令牌>）"},
	{casework.ErrForbidden, fiber.StatusForbidden, "forbidden", "无权进行此操作（角色不符，或案件属于其他机关）"},
	{casework.ErrNotFound, fiber.StatusNotFound, "not_found", "未找到"},
	{casework.ErrConflict, fiber.StatusConflict, "version_conflict", "案件已被他人修改：请刷新后在最新版本上重试"},
	{casework.ErrNotServed, fiber.StatusConflict, "decision_not_served", "决定书送达前不能进入送达阶段"},
	{casework.ErrStage, fiber.StatusConflict, "stage_not_allowed", "案件当前阶段不能进行此操作"},
	{casework.ErrExists, fiber.StatusConflict, "exists", "已存在"},
	{casework.ErrTooLarge, fiber.StatusRequestEntityTooLarge, "too_large", "文件过大"},
	{casework.ErrInvalid, fiber.StatusBadRequest, "invalid_input", "输入无效"},
}

// caseworkFields are the field names casework's errors begin with, and
// their Chinese names for the message.
var caseworkFields = map[string]string{
	"title": "案件名称", "source": "案件来源", "facts": "违法事实", "note": "说明", "name": "名称", "reason": "理由",
	"days": "延长天数", "analysis": "分析结果", "role": "角色", "password": "密码", "user id": "用户名", "agency code": "机关代码",
	"party.kind": "当事人类型", "party.name": "当事人名称", "party.id_number": "证件号码", "party.address": "住所",
	"party.representative": "法定代表人", "party.phone": "联系电话", "proposal": "处罚建议", "proposal.disposition": "处理结果",
	"proposal.basis": "依据", "proposal.deviation": "偏离建议的理由", "doc_prefix": "机关代字", "evidence type": "证据类型",
	"evidence":   "证据",
	"doc_number": "文书号", "party_name": "当事人", "party_code": "统一社会信用代码", "violation": "违法行为类型",
	"summary": "违法事实摘要", "basis": "处罚依据", "penalty": "处罚内容", "names": "隐去的姓名", "publication.days": "公示期限",
	"q": "检索词", "offset": "偏移量", "publication queue": "公示列表",
	"review": "法制审核", "review item": "审核事项", "review note": "审核说明", "reasons": "审核理由",
	"opinion": "审核意见",
	// 送达 and statements (delivery.go, statement.go), 执法证号.
	"method": "送达方式", "served": "送达文书", "servers": "送达人", "at": "送达时间", "place": "送达地点", "recipient": "收件人",
	"relation": "与受送达人的关系", "addressee": "受送达人", "consent": "电子送达确认书", "received": "收到日期", "statement text": "陈述、申辩内容",
	"waived": "放弃陈述、申辩", "outcome": "复核意见", "answer": "复核理由", "statement": "陈述、申辩", "cert_number": "执法证号",
}

// englishReasons words the reasons casework's validation gives in English.
var englishReasons = []struct{ en, zh string }{
	{"not valid UTF-8", "不是有效的 UTF-8 文本"},
	{"longer than", "过长"},
	{"control character", "含有控制字符"},
	{": empty", "为空"},
	{"out of range", "数值超出范围"},
	{"nothing to change", "没有要修改的内容"},
	{"1–365", "应为 1 到 365 之间的整数"},
	{"too many items", "项目过多"},
	{"not an officer of", "不是本机关的办案人员"},
	{"letters, digits", "只能由字母、数字、“.”“_”“-”组成"},
	{"no role", "至少需要一个角色"},
	{"belong to an agency", "办案人员、法制审核人员、负责人须属于一个机关"},
	{"shorter than", "过短"},
	{"disabled", "用户已停用"},
	{"cannot disable themselves", "管理员不能停用自己"},
	{"not accepted", "不接受的文件类型（接受图片、PDF、音频、视频、文本、ZIP）"},
	{"empty file", "文件为空"},
	{"no blob store", "未配置证据存储"},
	{"only ended cases", "只有已办结的案件可以共享"},
	{"no running deadline", "案件没有正在计算的办案期限"},
	{"can no longer change", "作出决定后不能再修改案件内容"},
	{"has ended", "案件已办结"},
	{"is at version", "版本已变化"},
	{"importer's own agency", "文件中有本机关自己的决定（本机关的案件已在本系统中，无须导入）"},
}

// classifyCasework answers the workbench's errors; ok is false for others.
func classifyCasework(err error) (int, Error, bool) {
	for _, m := range caseworkErrors {
		if !errors.Is(err, m.err) {
			continue
		}
		body := Error{Code: m.code, Message: m.message}
		text := err.Error()
		head, _, _ := strings.Cut(text, ":")
		best := ""
		for f := range caseworkFields {
			if (head == f || strings.HasPrefix(head, f+" ")) && len(f) > len(best) {
				best = f
			}
		}
		if best != "" {
			body.Field = best
			body.Message = caseworkFields[best] + "：" + m.message
		}
		if reason := hanPart(text); reason != "" {
			body.Message += "：" + reason
		} else {
			for _, r := range englishReasons {
				if strings.Contains(text, r.en) {
					body.Message += "（" + r.zh + "）"
					break
				}
			}
		}
		return m.status, body, true
	}
	return 0, Error{}, false
}

// hanPart returns the first ": "-separated part of an error's text written
// in Chinese (the service writes its reasons for officers so), or "".
func hanPart(text string) string {
	for _, part := range strings.Split(text, ": ") {
		for _, r := range part {
			if unicode.Is(unicode.Han, r) {
				return strings.TrimSpace(part)
			}
		}
	}
	return ""
}
