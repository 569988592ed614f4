package api

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/corpus"
)

// maxQueryRunes bounds a search query: longer pasted text is what
// /v1/analyze is for.
const maxQueryRunes = 2000

func checkText(field, v string, maxRunes int) (string, error) {
	if !utf8.ValidString(v) {
		return "", apiError(fiber.StatusBadRequest, "invalid_utf8", field+" 不是有效的 UTF-8 文本", field)
	}
	if strings.ContainsRune(v, 0) {
		return "", invalid(field, field+" 含有空字符")
	}
	if utf8.RuneCountInString(v) > maxRunes {
		return "", invalid(field, field+" 过长（最多 "+strconv.Itoa(maxRunes)+" 字）")
	}
	return strings.TrimSpace(v), nil
}

func queryText(c *fiber.Ctx, name string, maxRunes int) (string, error) {
	return checkText(name, c.Query(name), maxRunes)
}

func queryInt(c *fiber.Ctx, name string, def, min, max int) (int, error) {
	v := c.Query(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < min || n > max {
		return 0, invalid(name, name+" 必须是 "+strconv.Itoa(min)+" 到 "+strconv.Itoa(max)+" 之间的整数")
	}
	return n, nil
}

// queryPage reads a list's limit (1–100, default def) and offset (0–100000,
// default 0): the paging every workbench list takes.
func queryPage(c *fiber.Ctx, def int) (limit, offset int, err error) {
	if limit, err = queryInt(c, "limit", def, 1, 100); err != nil {
		return 0, 0, err
	}
	if offset, err = queryInt(c, "offset", 0, 0, 100000); err != nil {
		return 0, 0, err
	}
	return limit, offset, nil
}

func queryBool(c *fiber.Ctx, name string) (*bool, error) {
	v := c.Query(name)
	if v == "" {
		return nil, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return nil, invalid(name, name+" 必须是 true 或 false")
	}
	return &b, nil
}

func checkDate(field, v string) (string, error) {
	if v == "" {
		return "", nil
	}
	if _, err := time.Parse("2006-01-02", v); err != nil {
		return "", invalid(field, field+" 日期格式应为 YYYY-MM-DD")
	}
	return v, nil
}

func queryDate(c *fiber.Ctx, name string) (string, error) {
	return checkDate(name, c.Query(name))
}

// queryMode reads mode=bm25|vector|hybrid (default bm25). An unknown mode
// is corpus.ErrBadMode, which the error handler answers as invalid input.
func queryMode(c *fiber.Ctx) (corpus.SearchMode, error) {
	return corpus.ParseSearchMode(c.Query("mode"))
}

// searchParams are the parameters every search endpoint shares.
type searchParams struct {
	q, from, to   string
	mode          corpus.SearchMode
	limit, offset int
}

// filter names a query parameter and where its value goes.
type filter struct {
	name string
	dst  *string
}

// querySearch reads q, the named filters (each at most 200 runes, in order)
// into their destinations, and from, to, limit, offset and mode.
func querySearch(c *fiber.Ctx, filters []filter) (searchParams, error) {
	var p searchParams
	var err error
	if p.q, err = queryText(c, "q", maxQueryRunes); err != nil {
		return p, err
	}
	for _, f := range filters {
		if *f.dst, err = queryText(c, f.name, 200); err != nil {
			return p, err
		}
	}
	if p.from, err = queryDate(c, "from"); err != nil {
		return p, err
	}
	if p.to, err = queryDate(c, "to"); err != nil {
		return p, err
	}
	if p.limit, err = queryInt(c, "limit", 10, 1, 100); err != nil {
		return p, err
	}
	if p.offset, err = queryInt(c, "offset", 0, 0, 10000); err != nil {
		return p, err
	}
	p.mode, err = queryMode(c)
	return p, err
}
