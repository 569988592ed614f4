package api

import (
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/legal"
)

func (s *Server) handleCaseSearch(c *fiber.Ctx) error {
	var q corpus.CaseQuery
	var sector, disposition string
	p, err := querySearch(c, []filter{{"sector", &sector}, {"violation_type", &q.ViolationType}, {"region", &q.Region}, {"disposition", &disposition}, {"agency", &q.Agency}})
	if err != nil {
		return err
	}
	q.Sector = legal.Sector(sector)
	// Either spelling of a disposition finds the cases (从轻 as 从轻处罚);
	// an unknown one filters as written and finds nothing.
	q.Disposition = legal.Disposition(disposition)
	if d, err := legal.ParseDisposition(disposition); err == nil {
		q.Disposition = d
	}
	q.Q, q.From, q.To, q.Limit, q.Offset = p.q, p.from, p.to, p.limit, p.offset
	res, err := s.lib.SearchCases(c.UserContext(), q, p.mode)
	if err != nil {
		return err
	}
	return c.JSON(res)
}

func (s *Server) handleCaseGet(c *fiber.Ctx) error {
	id, err := checkText("id", c.Params("id"), 128)
	if err != nil {
		return err
	}
	cs, err := s.lib.Store().Case(id)
	if err != nil {
		return err
	}
	return c.JSON(cs)
}

// libraryImportAnswer is POST /v1/library/cases: how many cases were
// imported and their IDs, in the order sent.
type libraryImportAnswer struct {
	Imported int      `json:"imported"`
	IDs      []string `json:"ids"`
}

// handleCasePost imports a JSON array of cases: all or nothing. The web
// guard has required a JSON Content-Type.
func (s *Server) handleCasePost(c *fiber.Ctx) error {
	body := c.Body()
	if len(strings.TrimSpace(string(body))) == 0 {
		return invalid("body", "请求体为空")
	}
	if !utf8.Valid(body) {
		return apiError(fiber.StatusBadRequest, "invalid_utf8", "请求体不是有效的 UTF-8 文本", "body")
	}
	cases, err := corpus.DecodeCasesJSON(body)
	if err != nil {
		return err
	}
	if err := s.lib.ImportCases(c.UserContext(), cases); err != nil {
		return err
	}
	ids := make([]string, len(cases))
	for i, cs := range cases {
		ids[i] = cs.ID
	}
	return c.Status(fiber.StatusCreated).JSON(libraryImportAnswer{Imported: len(cases), IDs: ids})
}
