package api

import (
	_ "embed"
	"mime"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/legal"
)

// Difficult-case discussions, notifications and training collections
// (issue 16). The casework Service checks who may do what; the handlers
// translate HTTP.

// discussPage is the page of discussions, notifications and training
// collections, beside the workbench and signed in with its token.
//
//go:embed web/discuss.html
var discussPage []byte

func (s *Server) discussionRoutes(v1 fiber.Router) {
	s.app.Get("/workbench/discuss", func(c *fiber.Ctx) error { return sendPage(c, discussPage) })
	v1.Post("/cases/:id/discussions", s.handleDiscussionOpen)
	v1.Get("/discussions", s.handleDiscussionList)
	v1.Get("/discussions/:did", s.handleDiscussionGet)
	v1.Post("/discussions/:did/comments", s.handleDiscussionComment)
	v1.Post("/discussions/:did/conclusion", s.handleDiscussionConclude)
	v1.Get("/discussions/:did/attachments/:digest", s.handleDiscussionAttachment)
	v1.Get("/notifications", s.handleNotifications)
	v1.Post("/notifications/read", s.handleNotificationsRead)
	v1.Get("/training/cases", s.handleTrainingCases)
	v1.Get("/training/cases/:id", s.handleTrainingCase)
	v1.Get("/training/compare", s.handleTrainingCompare)
	v1.Get("/training/collections", s.handleCollectionList)
	v1.Post("/training/collections", s.handleCollectionCreate)
	v1.Get("/training/collections/:cid", s.handleCollectionGet)
	v1.Patch("/training/collections/:cid", s.handleCollectionEdit)
}

// The discussion's fields, named in error messages.
func init() {
	for k, v := range map[string]string{"topic": "议题", "audience": "参与范围", "invited": "邀请人员", "text": "发言内容",
		"reply_to": "回复的发言", "attachments": "附件", "attachment": "附件", "mention": "提及的人员", "conclusion": "讨论结论",
		"ids": "通知", "compare": "对比案例", "add.note": "案例说明", "add.case_id": "案例编号", "remove": "移除的案例",
		"fine bounds": "罚款范围", "collection": "案例集"} {
		caseworkFields[k] = v
	}
}

// pathID reads a path parameter that names a record.
func pathID(c *fiber.Ctx, name string) (string, error) {
	id, err := checkText(name, c.Params(name), 128)
	if err != nil {
		return "", err
	}
	if id == "" {
		return "", invalid(name, "缺少编号")
	}
	return id, nil
}

func (s *Server) handleDiscussionOpen(c *fiber.Ctx) error {
	r, err := s.openCase(c, nil)
	if err != nil {
		return err
	}
	var req casework.NewDiscussion
	if err := decodeStrict(c.Body(), &req); err != nil {
		return err
	}
	d, err := r.svc.OpenDiscussion(c.UserContext(), r.u, r.id, req)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(d)
}

// discussionsAnswer is GET /v1/discussions.
type discussionsAnswer struct {
	Discussions []casework.Discussion `json:"discussions"`
}

func (s *Server) handleDiscussionList(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	caseID, err := queryText(c, "case", 128)
	if err != nil {
		return err
	}
	list, err := svc.Discussions(c.UserContext(), u, caseID)
	if err != nil {
		return err
	}
	return c.JSON(discussionsAnswer{Discussions: list})
}

func (s *Server) handleDiscussionGet(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	id, err := pathID(c, "did")
	if err != nil {
		return err
	}
	th, err := svc.Discussion(c.UserContext(), u, id)
	if err != nil {
		return err
	}
	return c.JSON(th)
}

func (s *Server) handleDiscussionComment(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	id, err := pathID(c, "did")
	if err != nil {
		return err
	}
	var req casework.NewComment
	if err := decodeStrict(c.Body(), &req); err != nil {
		return err
	}
	com, err := svc.AddComment(c.UserContext(), u, id, req)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(com)
}

// concludeRequest is POST /v1/discussions/:did/conclusion.
type concludeRequest struct {
	Version *int64 `json:"version"`
	Text    string `json:"text"`
}

func (s *Server) handleDiscussionConclude(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	id, err := pathID(c, "did")
	if err != nil {
		return err
	}
	var req concludeRequest
	if err := decodeStrict(c.Body(), &req); err != nil {
		return err
	}
	if req.Version == nil {
		return invalid("version", "缺少 version：请传入读取讨论时的版本号")
	}
	d, err := svc.Conclude(c.UserContext(), u, id, *req.Version, req.Text)
	if err != nil {
		return err
	}
	return c.JSON(d)
}

func (s *Server) handleDiscussionAttachment(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	id, err := pathID(c, "did")
	if err != nil {
		return err
	}
	digest := c.Params("digest")
	if len(digest) != 64 || strings.Trim(digest, "0123456789abcdef") != "" {
		return invalid("digest", "digest 应为 64 位小写十六进制 SHA-256")
	}
	ev, rc, err := svc.OpenAttachment(c.UserContext(), u, id, digest)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, ev.MediaType)
	c.Set(fiber.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": ev.Name}))
	c.Set(fiber.HeaderContentLength, strconv.FormatInt(ev.Size, 10))
	return c.SendStream(rc, int(ev.Size))
}

// notificationsAnswer is GET /v1/notifications: the user's notifications
// and how many are unread.
type notificationsAnswer struct {
	Notifications []casework.Notification `json:"notifications"`
	Unread        int                     `json:"unread"`
}

// markedAnswer is POST /v1/notifications/read: how many were marked.
type markedAnswer struct {
	Marked int `json:"marked"`
}

func (s *Server) handleNotifications(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	list, unread, err := svc.Notifications(c.UserContext(), u)
	if err != nil {
		return err
	}
	return c.JSON(notificationsAnswer{Notifications: list, Unread: unread})
}

// readRequest is POST /v1/notifications/read: the IDs to mark (none: all).
type readRequest struct {
	IDs []string `json:"ids"`
}

func (s *Server) handleNotificationsRead(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	var req readRequest
	if err := decodeStrict(c.Body(), &req); err != nil {
		return err
	}
	n, err := svc.MarkRead(c.UserContext(), u, req.IDs)
	if err != nil {
		return err
	}
	return c.JSON(markedAnswer{Marked: n})
}

// queryAmount reads a non-negative amount in yuan (0 when absent).
func queryAmount(c *fiber.Ctx, name string) (float64, error) {
	v := c.Query(name)
	if v == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < 0 || f > 1e12 || f != f {
		return 0, invalid(name, name+" 应为 0 到 1e12 之间的金额（元）")
	}
	return f, nil
}

// trainingCasesAnswer is GET /v1/training/cases and /v1/training/compare:
// redacted extracts of shared cases.
type trainingCasesAnswer struct {
	Cases []casework.Extract `json:"cases"`
}

func (s *Server) handleTrainingCases(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	var f casework.TrainingFilter
	var sector, benchmark, disposition, outcome string
	for _, q := range []struct {
		name string
		dst  *string
	}{{"sector", &sector}, {"benchmark", &benchmark}, {"disposition", &disposition}, {"outcome", &outcome}} {
		if *q.dst, err = queryText(c, q.name, 64); err != nil {
			return err
		}
	}
	f.Sector, f.Benchmark, f.Outcome = legal.Sector(sector), benchmark, casework.Stage(outcome)
	f.Disposition = legal.Disposition(disposition)
	if d, err := legal.ParseDisposition(disposition); err == nil && disposition != "" {
		f.Disposition = d
	}
	if outcome != "" && casework.Stage(outcome).Label() == "" {
		return invalid("outcome", "outcome 不是已知的结果（如 closed、withdrawn、transferred、not_filed）")
	}
	if f.MinFine, err = queryAmount(c, "min_fine"); err != nil {
		return err
	}
	if f.MaxFine, err = queryAmount(c, "max_fine"); err != nil {
		return err
	}
	if f.Limit, err = queryInt(c, "limit", 50, 1, 100); err != nil {
		return err
	}
	list, err := svc.TrainingCases(c.UserContext(), u, f)
	if err != nil {
		return err
	}
	return c.JSON(trainingCasesAnswer{Cases: list})
}

func (s *Server) handleTrainingCase(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	x, err := svc.TrainingCase(c.UserContext(), u, id)
	if err != nil {
		return err
	}
	return c.JSON(x)
}

func (s *Server) handleTrainingCompare(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	raw, err := queryText(c, "ids", 1000)
	if err != nil {
		return err
	}
	var ids []string
	for _, id := range strings.Split(raw, ",") {
		if id = strings.TrimSpace(id); id != "" {
			ids = append(ids, id)
		}
	}
	if len(ids) < 2 || len(ids) > 6 {
		return invalid("ids", "请选择 2 到 6 件案例进行对比（ids 以逗号分隔）")
	}
	list, err := svc.Compare(c.UserContext(), u, ids)
	if err != nil {
		return err
	}
	return c.JSON(trainingCasesAnswer{Cases: list})
}

// collectionsAnswer is GET /v1/training/collections.
type collectionsAnswer struct {
	Collections []casework.Collection `json:"collections"`
}

func (s *Server) handleCollectionList(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	list, err := svc.Collections(c.UserContext(), u)
	if err != nil {
		return err
	}
	return c.JSON(collectionsAnswer{Collections: list})
}

// collectionRequest is POST /v1/training/collections.
type collectionRequest struct {
	Title string `json:"title"`
	Note  string `json:"note"`
}

func (s *Server) handleCollectionCreate(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	var req collectionRequest
	if err := decodeStrict(c.Body(), &req); err != nil {
		return err
	}
	col, err := svc.CreateCollection(c.UserContext(), u, req.Title, req.Note)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(col)
}

func (s *Server) handleCollectionGet(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	id, err := pathID(c, "cid")
	if err != nil {
		return err
	}
	v, err := svc.Collection(c.UserContext(), u, id)
	if err != nil {
		return err
	}
	return c.JSON(v)
}

// collectionEditRequest is PATCH /v1/training/collections/:cid.
type collectionEditRequest struct {
	Version *int64 `json:"version"`
	casework.CollectionEdit
}

func (s *Server) handleCollectionEdit(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	id, err := pathID(c, "cid")
	if err != nil {
		return err
	}
	var req collectionEditRequest
	if err := decodeStrict(c.Body(), &req); err != nil {
		return err
	}
	if req.Version == nil {
		return invalid("version", "缺少 version：请传入读取案例集时的版本号")
	}
	col, err := svc.EditCollection(c.UserContext(), u, id, *req.Version, req.CollectionEdit)
	if err != nil {
		return err
	}
	return c.JSON(col)
}
