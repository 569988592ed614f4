package api

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/casework"
)

// Users of the workbench (/v1/users): admins add, list, disable and enable
// users and issue API tokens; leaders list their agency's users. The
// casework Service decides who may do what.

func (s *Server) handleUsersList(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	list, err := svc.Users(c.UserContext(), u)
	if err != nil {
		return err
	}
	out := make([]userView, 0, len(list))
	for _, x := range list {
		out = append(out, viewUser(x))
	}
	return c.JSON(usersAnswer{Users: out})
}

// usersAnswer is GET /v1/users.
type usersAnswer struct {
	Users []userView `json:"users"`
}

// userAnswer is PUT /v1/users/:id/cert: the user as changed.
type userAnswer struct {
	User userView `json:"user"`
}

// addedUserAnswer is POST /v1/users: the user added and, when the request
// set no password, the generated one (shown once).
type addedUserAnswer struct {
	User     userView `json:"user"`
	Password string   `json:"password,omitempty"`
}

// userDisabledAnswer is POST /v1/users/:id/disable and /enable.
type userDisabledAnswer struct {
	ID       string `json:"id"`
	Disabled bool   `json:"disabled"`
}

// tokenAnswer is POST /v1/users/:id/tokens: the API token (shown once) and,
// when it has a lifetime, when it stops working.
type tokenAnswer struct {
	User    string     `json:"user"`
	Token   string     `json:"token"`
	Expires *time.Time `json:"expires,omitempty"`
}

type addUserRequest struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Agency   string   `json:"agency"`
	Roles    []string `json:"roles"`
	Password string   `json:"password"`
	// CertNumber is the officer's 执法证号 (optional).
	CertNumber string `json:"cert_number"`
}

// handleUsersAdd answers POST /v1/users; the answer carries the password
// (generated when none was given) once, for the admin to hand over.
func (s *Server) handleUsersAdd(c *fiber.Ctx) error {
	svc, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	var req addUserRequest
	if err := decodeStrict(c.Body(), &req); err != nil {
		return err
	}
	nu := casework.User{ID: req.ID, Name: req.Name, Agency: req.Agency, CertNumber: req.CertNumber}
	for _, r := range req.Roles {
		role, err := casework.ParseRole(r)
		if err != nil {
			return invalid("roles", "未知的角色 "+quote(r)+"：应为 officer、reviewer、leader、trainer、admin 或其中文名称")
		}
		nu.Roles = append(nu.Roles, role)
	}
	added, password, err := svc.AddUser(c.UserContext(), u, nu, req.Password)
	if err != nil {
		return err
	}
	ans := addedUserAnswer{User: viewUser(added)}
	if req.Password == "" {
		ans.Password = password
	}
	return c.Status(fiber.StatusCreated).JSON(ans)
}

// quote shows a user's text in a message, bounded.
func quote(s string) string {
	r := []rune(s)
	if len(r) > 32 {
		r = append(r[:32], '…')
	}
	return "“" + string(r) + "”"
}

// userCall reads a request about user :id: the service, the signed-in
// user and the ID.
func (s *Server) userCall(c *fiber.Ctx) (*casework.Service, casework.User, string, error) {
	svc, u, err := s.workbench(c)
	if err != nil {
		return nil, u, "", err
	}
	id, err := checkText("id", c.Params("id"), 64)
	if err == nil && id == "" {
		err = invalid("id", "缺少用户名")
	}
	return svc, u, id, err
}

func (s *Server) setDisabled(c *fiber.Ctx, disabled bool) error {
	svc, u, id, err := s.userCall(c)
	if err != nil {
		return err
	}
	if err := svc.SetUserDisabled(c.UserContext(), u, id, disabled); err != nil {
		return err
	}
	return c.JSON(userDisabledAnswer{ID: id, Disabled: disabled})
}

func (s *Server) handleUserDisable(c *fiber.Ctx) error { return s.setDisabled(c, true) }
func (s *Server) handleUserEnable(c *fiber.Ctx) error  { return s.setDisabled(c, false) }

type certRequest struct {
	// CertNumber is the 执法证号; "" clears it.
	CertNumber string `json:"cert_number"`
}

// handleUserCert answers PUT /v1/users/:id/cert (admins): the user's
// 执法证号, which documents print and the checks before issuing require.
func (s *Server) handleUserCert(c *fiber.Ctx) error {
	svc, u, id, err := s.userCall(c)
	if err != nil {
		return err
	}
	var req certRequest
	if err := decodeStrict(c.Body(), &req); err != nil {
		return err
	}
	updated, err := svc.SetUserCert(c.UserContext(), u, id, req.CertNumber)
	if err != nil {
		return err
	}
	return c.JSON(userAnswer{User: viewUser(updated)})
}

type tokenRequest struct {
	// TTL is a Go duration ("720h"); empty for a token that does not expire.
	TTL string `json:"ttl"`
}

// maxTokenTTL bounds an API token's life when one is given.
const maxTokenTTL = 5 * 365 * 24 * time.Hour

// handleUserToken answers POST /v1/users/:id/tokens: a new API token for
// the user (admins, or users for themselves), shown once.
func (s *Server) handleUserToken(c *fiber.Ctx) error {
	svc, u, id, err := s.userCall(c)
	if err != nil {
		return err
	}
	var req tokenRequest
	if len(c.Body()) > 0 {
		if err := decodeStrict(c.Body(), &req); err != nil {
			return err
		}
	}
	var ttl time.Duration
	if req.TTL != "" {
		if ttl, err = time.ParseDuration(req.TTL); err != nil || ttl <= 0 || ttl > maxTokenTTL {
			return invalid("ttl", "ttl 应为正的时长，如 720h（最长 5 年）；不填则不过期")
		}
	}
	token, err := svc.IssueToken(c.UserContext(), u, id, ttl)
	if err != nil {
		return err
	}
	ans := tokenAnswer{User: id, Token: token}
	if ttl > 0 {
		exp := time.Now().Add(ttl).UTC()
		ans.Expires = &exp
	}
	return c.Status(fiber.StatusCreated).JSON(ans)
}
