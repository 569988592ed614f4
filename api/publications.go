package api

import (
	_ "embed"
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/casework"
)

// 行政执法公示: the agency's handling of a decided case's publication
// (read, edit the redacted draft, publish, withdraw; the lists of what is
// due, overdue, published, withdrawn), and what the public reads without
// signing in (/public, /v1/public/decisions, /public/decisions.rss), which
// holds published records only, and of them only casework.PublicDecision.

// publicPage is the public list of published decisions.
//
//go:embed web/public.html
var publicPage []byte

func (s *Server) handlePublicPage(c *fiber.Ctx) error { return sendPage(c, publicPage) }

// workbenchPublicationJS is the workbench's 公示 section, loaded by the page.
//
//go:embed web/workbench-publication.js
var workbenchPublicationJS []byte

func (s *Server) handleWorkbenchPublicationJS(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, "text/javascript; charset=utf-8")
	return c.Send(workbenchPublicationJS)
}

func (s *Server) handlePublicationGet(c *fiber.Ctx) error {
	r, err := s.openCase(c, nil)
	if err != nil {
		return err
	}
	p, err := r.svc.Publication(c.UserContext(), r.u, r.id)
	if err != nil {
		return err
	}
	hist, err := r.svc.PublicationHistory(c.UserContext(), r.u, r.id)
	if err != nil {
		return err
	}
	now := time.Now()
	out := publicationAnswer{PublicationItem: r.svc.Item(p, now), Records: make([]casework.PublicationItem, 0, len(hist))}
	for _, h := range hist {
		out.Records = append(out.Records, r.svc.Item(h, now))
	}
	return c.JSON(out)
}

// publicationAnswer is GET /v1/cases/:id/publication: the current record
// and every record of the case, the first first (a varied decision's
// withdrawn records before the one in force).
type publicationAnswer struct {
	casework.PublicationItem
	Records []casework.PublicationItem `json:"records"`
}

// publicationEditRequest is the body of PATCH /v1/cases/:id/publication.
type publicationEditRequest struct {
	Version *int64 `json:"version"`
	casework.PublicationEdit
}

func (q *publicationEditRequest) basedOn() *int64 { return q.Version }

// publicationVersion is the body of publish: the publication's version.
type publicationVersion struct {
	Version *int64 `json:"version"`
}

func (q *publicationVersion) basedOn() *int64 { return q.Version }

// withdrawRequest is the body of withdraw.
type withdrawRequest struct {
	Version *int64 `json:"version"`
	Reason  string `json:"reason"`
}

func (q *withdrawRequest) basedOn() *int64 { return q.Version }

// answerPublication writes the changed publication, or the change's error.
func answerPublication(c *fiber.Ctx, svc *casework.Service, p casework.Publication, err error) error {
	if err != nil {
		return err
	}
	return c.JSON(svc.Item(p, time.Now()))
}

func (s *Server) handlePublicationEdit(c *fiber.Ctx) error {
	var req publicationEditRequest
	r, err := s.openCase(c, &req)
	if err != nil {
		return err
	}
	p, err := r.svc.EditPublication(c.UserContext(), r.u, r.id, r.version, req.PublicationEdit)
	return answerPublication(c, r.svc, p, err)
}

func (s *Server) handlePublicationPublish(c *fiber.Ctx) error {
	var req publicationVersion
	r, err := s.openCase(c, &req)
	if err != nil {
		return err
	}
	p, err := r.svc.Publish(c.UserContext(), r.u, r.id, r.version)
	return answerPublication(c, r.svc, p, err)
}

func (s *Server) handlePublicationWithdraw(c *fiber.Ctx) error {
	var req withdrawRequest
	r, err := s.openCase(c, &req)
	if err != nil {
		return err
	}
	p, err := r.svc.WithdrawPublication(c.UserContext(), r.u, r.id, r.version, req.Reason)
	return answerPublication(c, r.svc, p, err)
}

// publicationsAnswer is GET /v1/publications: one page of a queue.
type publicationsAnswer struct {
	State        string                     `json:"state"`
	Publications []casework.PublicationItem `json:"publications"`
	Limit        int                        `json:"limit"`
	Offset       int                        `json:"offset"`
}

// publicDecisionsAnswer is GET /v1/public/decisions: one page of the
// published decisions and whether there are more.
type publicDecisionsAnswer struct {
	Decisions []casework.PublicDecision `json:"decisions"`
	More      bool                      `json:"more"`
	Limit     int                       `json:"limit"`
	Offset    int                       `json:"offset"`
}

// handlePublications answers GET /v1/publications?state=due|overdue|published|withdrawn|ended.
func (s *Server) handlePublications(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	state, err := queryText(c, "state", 32)
	if err != nil {
		return err
	}
	if state == "" {
		state = string(casework.PubQueueDue)
	}
	limit, offset, err := queryPage(c, 50)
	if err != nil {
		return err
	}
	list, err := svc.Publications(c.UserContext(), u, casework.PublicationQueue(state), limit, offset)
	if err != nil {
		return err
	}
	return c.JSON(publicationsAnswer{State: state, Publications: list, Limit: limit, Offset: offset})
}

// publicFilter reads the public search: q (text), agency, from, to
// (YYYY-MM-DD, decision dates), limit (1–100), offset.
func publicFilter(c *fiber.Ctx) (casework.PublicationFilter, error) {
	var f casework.PublicationFilter
	var err error
	if f.Text, err = queryText(c, "q", 100); err != nil {
		return f, err
	}
	if f.Agency, err = queryText(c, "agency", 32); err != nil {
		return f, err
	}
	for _, d := range []struct {
		name string
		t    *time.Time
	}{{"from", &f.From}, {"to", &f.To}} {
		v, err := queryDate(c, d.name)
		if err != nil {
			return f, err
		}
		if v != "" {
			*d.t, _ = time.Parse("2006-01-02", v)
		}
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return f, invalid("to", "to 不能早于 from")
	}
	if f.Limit, f.Offset, err = queryPage(c, 20); err != nil {
		return f, err
	}
	return f, nil
}

// handlePublicDecisions answers GET /v1/public/decisions, without sign-in.
func (s *Server) handlePublicDecisions(c *fiber.Ctx) error {
	if s.casework() == nil {
		return errNoWorkbench
	}
	f, err := publicFilter(c)
	if err != nil {
		return err
	}
	list, more, err := s.casework().PublicDecisions(c.UserContext(), f)
	if err != nil {
		return err
	}
	return c.JSON(publicDecisionsAnswer{Decisions: list, More: more, Limit: f.Limit, Offset: f.Offset})
}

// rss is an RSS 2.0 document.
type rss struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title       string    `xml:"title"`
	Link        string    `xml:"link"`
	Description string    `xml:"description"`
	Language    string    `xml:"language"`
	Items       []rssItem `xml:"item"`
}

type rssGUID struct {
	PermaLink bool   `xml:"isPermaLink,attr"`
	Value     string `xml:",chardata"`
}

type rssItem struct {
	Title       string  `xml:"title"`
	Link        string  `xml:"link"`
	Description string  `xml:"description"`
	PubDate     string  `xml:"pubDate"`
	GUID        rssGUID `xml:"guid"`
}

// handlePublicRSS answers GET /public/decisions.rss: the newest published
// decisions matching the same search as the JSON list.
func (s *Server) handlePublicRSS(c *fiber.Ctx) error {
	if s.casework() == nil {
		return errNoWorkbench
	}
	f, err := publicFilter(c)
	if err != nil {
		return err
	}
	list, _, err := s.casework().PublicDecisions(c.UserContext(), f)
	if err != nil {
		return err
	}
	base := c.BaseURL() + "/public"
	doc := rss{Version: "2.0", Channel: rssChannel{Title: "行政处罚决定公示", Link: base, Language: "zh-CN",
		Description: "已公示的行政处罚决定（个人信息已依法隐去）"}}
	for _, d := range list {
		if d.Status == string(casework.PubWithdrawn) {
			doc.Channel.Items = append(doc.Channel.Items, rssItem{
				Title: "撤回公示：" + d.PartyName + "（" + d.DocNumber + "）",
				Link:  base + "?q=" + d.ID,
				Description: strings.Join([]string{"文书号：" + d.DocNumber, "作出机关：" + d.AgencyName, "决定日期：" + d.Decided,
					"撤回理由：" + d.WithdrawReason}, "\n"),
				PubDate: d.Withdrawn.Format(time.RFC1123Z),
				GUID:    rssGUID{Value: d.ID + "#withdrawn"},
			})
			continue
		}
		doc.Channel.Items = append(doc.Channel.Items, rssItem{
			Title: d.PartyName + "：" + d.Violation,
			Link:  base + "?q=" + d.ID,
			Description: strings.Join([]string{"文书号：" + d.DocNumber, "违法事实：" + d.Facts, "处罚依据：" + d.Basis,
				"处罚内容：" + d.Penalty, "作出机关：" + d.AgencyName, "决定日期：" + d.Decided}, "\n"),
			PubDate: d.Published.Format(time.RFC1123Z),
			GUID:    rssGUID{Value: d.ID},
		})
	}
	out, err := xml.MarshalIndent(doc, "", " ")
	if err != nil {
		return fmt.Errorf("encode rss: %w", err)
	}
	c.Set(fiber.HeaderContentType, "application/rss+xml; charset=utf-8")
	return c.Send(append([]byte(xml.Header), out...))
}
