package api

import (
	"errors"
	"fmt"

	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/redact"
	"github.com/cailiang/cailiang/workdays"
)

// Bounds of a redaction request: a decision document is a few thousand
// characters; the names are the other persons of one case.
const (
	maxRedactRunes = 200_000
	maxRedactNames = 200
)

// redactRequest is the body of POST /v1/redact.
type redactRequest struct {
	Text  string   `json:"text"`
	Names []string `json:"names"`
}

// handleRedact answers POST /v1/redact: {"text": "…", "names": ["王小明"]}
// → the text with personal information removed and the spans removed
// (redact.Result), for a reviewer to check before publication. It stores
// nothing.
func (s *Server) handleRedact(c *fiber.Ctx) error {
	var req redactRequest
	if err := decodeStrict(c.Body(), &req); err != nil {
		return err
	}
	text, err := checkText("text", req.Text, maxRedactRunes)
	if err != nil {
		return err
	}
	if text == "" {
		return invalid("text", "text 不能为空")
	}
	if len(req.Names) > maxRedactNames {
		return invalid("names", fmt.Sprintf("names 最多 %d 个", maxRedactNames))
	}
	// Spans are byte offsets into the text as sent, so it is not trimmed.
	res, err := redact.Redact(req.Text, redact.Options{Names: req.Names})
	if errors.Is(err, redact.ErrBadName) {
		return invalid("names", "names 中每个姓名应为 2 至 20 个字符（不含控制字符）")
	}
	if err != nil {
		return err
	}
	return sendJSON(c, res)
}

// maxWorkdays bounds n: ten years of working days.
const maxWorkdays = 2500

// workdaysAnswer is the body of GET /v1/workdays/add.
type workdaysAnswer struct {
	From string `json:"from"`
	N    int    `json:"n"`
	// Date is the n-th working day after from (the day of from not
	// counted): the last day of the period.
	Date string `json:"date"`
}

// handleWorkdaysAdd answers GET /v1/workdays/add?from=2025-09-30&n=7 →
// {"from":"2025-09-30","n":7,"date":"2025-10-16"}.
func (s *Server) handleWorkdaysAdd(c *fiber.Ctx) error {
	if s.cfg.Calendar == nil {
		return apiError(fiber.StatusServiceUnavailable, "workdays_unavailable", "工作日日历未启用", "")
	}
	raw := c.Query("from")
	if raw == "" {
		return invalid("from", "缺少 from（事件日期，YYYY-MM-DD）")
	}
	from, err := workdays.ParseDate(raw)
	if err != nil {
		return invalid("from", "from 日期格式应为 YYYY-MM-DD（如 2025-09-30）")
	}
	if c.Query("n") == "" {
		return invalid("n", "缺少 n（工作日数）")
	}
	n, err := queryInt(c, "n", 0, 0, maxWorkdays)
	if err != nil {
		return err
	}
	due, err := s.cfg.Calendar.AddWorkdays(from, n)
	if errors.Is(err, workdays.ErrBeyondSchedule) {
		first, last := s.cfg.Calendar.Range()
		return apiError(fiber.StatusUnprocessableEntity, "beyond_schedule",
			fmt.Sprintf("已知的节假日安排为 %s 至 %s，%s 之后第 %d 个工作日超出这一范围：请在节假日覆盖文件（--holidays）中补充该年度安排",
				workdays.FormatDate(first), workdays.FormatDate(last), workdays.FormatDate(from), n), "from")
	}
	if err != nil {
		return err
	}
	return sendJSON(c, workdaysAnswer{From: workdays.FormatDate(from), N: n, Date: workdays.FormatDate(due)})
}
