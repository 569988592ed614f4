package api

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/jsoninput"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
)

func (s *Server) handleNormSearch(c *fiber.Ctx) error {
	var q corpus.NormQuery
	p, err := querySearch(c, []filter{{"law", &q.Law}, {"category", &q.Category}, {"region", &q.Region}})
	if err != nil {
		return err
	}
	if q.InForce, err = queryBool(c, "in_force"); err != nil {
		return err
	}
	q.Q, q.From, q.To, q.Limit, q.Offset = p.q, p.from, p.to, p.limit, p.offset
	if q.Q == "" && q.Law == "" && q.Category == "" && q.Region == "" {
		return invalid("q", "请输入检索词 q，或至少一个筛选条件（law、category、region）")
	}
	res, err := s.lib.SearchNorms(c.UserContext(), q, p.mode)
	if err != nil {
		return err
	}
	return c.JSON(res)
}

// handleNormArticle serves GET /v1/norms/{law}/{article}?date=. The article
// may be 124, 第一百二十四条, 133之一 or 第一百三十三条之一.
func (s *Server) handleNormArticle(c *fiber.Ctx) error {
	law, err := url.PathUnescape(c.Params("law"))
	if err != nil {
		return invalid("law", "法规名称编码错误")
	}
	if law, err = checkText("law", law, 200); err != nil {
		return err
	}
	art, err := url.PathUnescape(c.Params("article"))
	if err != nil {
		return invalid("article", "条文编号编码错误")
	}
	if art, err = checkText("article", art, 50); err != nil {
		return err
	}
	date, err := queryDate(c, "date")
	if err != nil {
		return err
	}
	num, suffix, err := nlp.ParseArticleLabel(art)
	if err != nil {
		return invalid("article", "条文编号无效：应为正整数或“第X条”“第X条之一”")
	}
	if law == "" {
		return invalid("law", "缺少法规名称")
	}
	pc := corpus.ParsedCitation{LawName: law, Ref: legal.Ref{Article: num, Suffix: suffix}}
	res, err := s.lib.Resolver().ResolveParsed(pc, date)
	if err != nil {
		return err
	}
	return c.JSON(res)
}

type resolveRequest struct {
	// Citations are resolved one by one.
	Citations []string `json:"citations"`
	// Text is searched for every citation it contains.
	Text string `json:"text"`
	// Date (YYYY-MM-DD) picks the version in force on that date.
	Date string `json:"date"`
}

type resolveResult struct {
	Input    string           `json:"input"`
	Resolved *corpus.Resolved `json:"resolved,omitempty"`
	Error    *Error           `json:"error,omitempty"`
}

// resolveAnswer is POST /v1/citations/resolve: one result per citation, in
// the order given, then those found in the text.
type resolveAnswer struct {
	Results []resolveResult `json:"results"`
}

const maxCitations = 200

// decodeStrict decodes a request body (one JSON value, no unknown fields)
// into dst; errors name the field ("body" for the body as a whole) and say
// what is wrong without Go type names.
func decodeStrict(body []byte, dst any) error {
	if len(body) == 0 {
		return invalid("body", "请求体为空")
	}
	if !utf8.Valid(body) {
		return apiError(fiber.StatusBadRequest, "invalid_utf8", "请求体不是有效的 UTF-8 文本", "body")
	}
	if err := jsoninput.DecodeStrict(body, dst); err != nil {
		e := jsoninput.Explain(err)
		switch {
		case e.Message == "未知字段":
			return invalid(e.Field, "未知字段："+e.Field)
		case e.Field == "":
			return invalid("body", "请求体"+e.Message)
		}
		return invalid(e.Field, e.Field+"："+e.Message)
	}
	return nil
}

func (s *Server) handleResolve(c *fiber.Ctx) error {
	var req resolveRequest
	if err := decodeStrict(c.Body(), &req); err != nil {
		return err
	}
	date, err := checkDate("date", req.Date)
	if err != nil {
		return err
	}
	if len(req.Citations) == 0 && strings.TrimSpace(req.Text) == "" {
		return invalid("citations", "请提供 citations（引用列表）或 text（含引用的文本）")
	}
	if len(req.Citations) > maxCitations {
		return invalid("citations", "一次最多解析 200 条引用")
	}
	out := []resolveResult{}
	resolve := func(input string, pc corpus.ParsedCitation) {
		r, err := s.lib.Resolver().ResolveParsed(pc, date)
		if err != nil {
			_, body := classify(err)
			out = append(out, resolveResult{Input: input, Error: &body})
			return
		}
		out = append(out, resolveResult{Input: input, Resolved: &r})
	}
	for _, cit := range req.Citations {
		if _, err := checkText("citations", cit, 500); err != nil {
			return err
		}
		pc, err := corpus.ParseCitation(cit)
		if err != nil {
			_, body := classify(err)
			out = append(out, resolveResult{Input: cit, Error: &body})
			continue
		}
		resolve(cit, pc)
	}
	if req.Text != "" {
		text, err := checkText("text", req.Text, 100000)
		if err != nil {
			return err
		}
		found := corpus.FindCitations(text)
		if len(found)+len(req.Citations) > maxCitations {
			return invalid("text", "引用超过 200 条")
		}
		for _, pc := range found {
			resolve(text[pc.Span[0]:pc.Span[1]], pc)
		}
	}
	return c.JSON(resolveAnswer{Results: out})
}

// handleStatuteStatus serves GET /v1/statutes/status?date=: for the core
// laws, the version in force on date (today by default), and every law
// marked repealed with the day and the repealing law.
func (s *Server) handleStatuteStatus(c *fiber.Ctx) error {
	date, err := queryDate(c, "date")
	if err != nil {
		return err
	}
	if date == "" {
		date = corpus.Today()
	}
	return c.JSON(s.lib.Resolver().Status(app.CoreLaws(s.cfg.Catalog), date))
}
