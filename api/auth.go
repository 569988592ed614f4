package api

import (
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/casework"
)

// Sign-in: a request carries `Authorization: Bearer <token>`; the token is
// checked against the workbench's store on every request (a disabled user or
// a revoked token stops working at once, on every node). Reads of statutes,
// benchmarks and analysis stay open; every write and every case read needs a
// user. A browser never attaches the header by itself, so a page on another
// site cannot act as the officer (no cookie, no CSRF).

// localsUser and localsToken are where authenticate leaves the signed-in
// user and the token they used.
const (
	localsUser  = "casework.user"
	localsToken = "casework.token"
)

// errNoWorkbench answers workbench routes on a server built without one.
var errNoWorkbench = apiError(fiber.StatusServiceUnavailable, "workbench_unavailable", "案件办理功能未启用", "")

// authenticate resolves a bearer token to its user. A request without the
// header goes on anonymous; a malformed, unknown, expired or revoked token
// is refused at once (401), whatever the route.
func (s *Server) authenticate(c *fiber.Ctx) error {
	h := c.Get(fiber.HeaderAuthorization)
	if h == "" {
		return c.Next()
	}
	scheme, token, ok := strings.Cut(strings.TrimSpace(h), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || s.casework() == nil {
		return apiError(fiber.StatusUnauthorized, "unauthenticated", "Authorization 请求头应为“Bearer <令牌>”", "Authorization")
	}
	u, err := s.casework().Authenticate(c.UserContext(), strings.TrimSpace(token))
	if err != nil {
		return err
	}
	c.Locals(localsUser, u)
	c.Locals(localsToken, strings.TrimSpace(token))
	return c.Next()
}

// signedIn returns the request's user, or 401 for an anonymous request.
func signedIn(c *fiber.Ctx) (casework.User, error) {
	u, ok := c.Locals(localsUser).(casework.User)
	if !ok {
		return casework.User{}, apiError(fiber.StatusUnauthorized, "unauthenticated",
			"需要登录：请先登录（POST /v1/login），并在请求头带 Authorization: Bearer <令牌>", "Authorization")
	}
	return u, nil
}

// workbench returns the case service and the signed-in user.
func (s *Server) workbench(c *fiber.Ctx) (*casework.Service, casework.User, error) {
	if s.casework() == nil {
		return nil, casework.User{}, errNoWorkbench
	}
	u, err := signedIn(c)
	return s.casework(), u, err
}

// requireAdmin lets only a signed-in admin through.
func (s *Server) requireAdmin(c *fiber.Ctx) error {
	u, err := signedIn(c)
	if err != nil {
		return err
	}
	if !u.Has(casework.RoleAdmin) {
		return apiError(fiber.StatusForbidden, "forbidden", "此操作仅限管理员", "")
	}
	return c.Next()
}

type loginRequest struct {
	User     string `json:"user"`
	Password string `json:"password"`
}

// userView is a user as the API shows them: with the roles' Chinese names.
type userView struct {
	casework.User
	RoleLabels []string `json:"role_labels"`
}

func viewUser(u casework.User) userView {
	v := userView{User: u, RoleLabels: []string{}}
	for _, r := range u.Roles {
		v.RoleLabels = append(v.RoleLabels, r.Label())
	}
	return v
}

// loginAnswer is POST /v1/login: the session token, when it stops working,
// and who it is for.
type loginAnswer struct {
	Token   string    `json:"token"`
	Expires time.Time `json:"expires"`
	User    userView  `json:"user"`
}

// logoutAnswer is POST /v1/logout.
type logoutAnswer struct {
	LoggedOut bool `json:"logged_out"`
}

// handleLogin answers POST /v1/login: {"user","password"} → a session
// token, its expiry and the user. Failed attempts are counted per user and
// per client IP; over the limit the answer is 429 whatever the password.
func (s *Server) handleLogin(c *fiber.Ctx) error {
	if s.casework() == nil {
		return errNoWorkbench
	}
	var req loginRequest
	if err := decodeStrict(c.Body(), &req); err != nil {
		return err
	}
	if req.User == "" || req.Password == "" {
		return invalid("user", "请填写用户名和密码")
	}
	if retry, blocked := s.logins.blocked(req.User, c.IP()); blocked {
		c.Set(fiber.HeaderRetryAfter, strconv.Itoa(int(retry.Seconds())+1))
		return apiError(fiber.StatusTooManyRequests, "rate_limited",
			"登录失败次数过多，请 "+strconv.Itoa(int(retry.Minutes())+1)+" 分钟后再试", "")
	}
	token, u, expires, err := s.casework().Login(c.UserContext(), req.User, req.Password)
	if err != nil {
		s.logins.failed(req.User, c.IP())
		s.log.Warn("login failed", "user", req.User, "ip", c.IP())
		return apiError(fiber.StatusUnauthorized, "unauthenticated", "用户名或密码错误", "")
	}
	s.logins.succeeded(req.User)
	return c.JSON(loginAnswer{Token: token, Expires: expires, User: viewUser(u)})
}

// handleLogout answers POST /v1/logout: the token the request carries stops
// working.
func (s *Server) handleLogout(c *fiber.Ctx) error {
	svc, _, err := s.workbench(c)
	if err != nil {
		return err
	}
	token, _ := c.Locals(localsToken).(string)
	if err := svc.Logout(c.UserContext(), token); err != nil {
		return err
	}
	return c.JSON(logoutAnswer{LoggedOut: true})
}

// handleMe answers GET /v1/me: the signed-in user.
func (s *Server) handleMe(c *fiber.Ctx) error {
	_, u, err := s.workbench(c)
	if err != nil {
		return err
	}
	return c.JSON(viewUser(u))
}

// Limits on failed sign-ins: enough for a person who mistypes, far too few
// to guess a random password.
const (
	// LoginFailuresPerUser is how many failed logins one user name gets
	// in a LoginWindow, from all clients together.
	LoginFailuresPerUser = 10
	// LoginFailuresPerIP is how many failed logins one client IP gets in
	// a LoginWindow, over all user names.
	LoginFailuresPerIP = 30
	// LoginWindow is the window the failures are counted in.
	LoginWindow = 15 * time.Minute
	// loginKeys bounds the table of counters (a flood of random names).
	loginKeys = 100000
)

// loginGuard counts failed logins per user name and per client IP in
// fixed windows. It applies to loopback clients too: a reverse proxy on the
// same host makes every client loopback, and guessing is guessing.
type loginGuard struct {
	mu   sync.Mutex
	now  func() time.Time
	wins map[string]*loginWindow
}

type loginWindow struct {
	start time.Time
	fails int
}

func newLoginGuard() *loginGuard {
	return &loginGuard{now: time.Now, wins: map[string]*loginWindow{}}
}

// count returns the live window of key (nil when none or expired).
func (g *loginGuard) count(key string, now time.Time) *loginWindow {
	w := g.wins[key]
	if w == nil || now.Sub(w.start) >= LoginWindow {
		return nil
	}
	return w
}

// blocked reports whether user or ip has used up its failures, and when the
// window ends.
func (g *loginGuard) blocked(user, ip string) (time.Duration, bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.now()
	for _, k := range []struct {
		key string
		max int
	}{{"u:" + user, LoginFailuresPerUser}, {"ip:" + ip, LoginFailuresPerIP}} {
		if w := g.count(k.key, now); w != nil && w.fails >= k.max {
			return LoginWindow - now.Sub(w.start), true
		}
	}
	return 0, false
}

func (g *loginGuard) failed(user, ip string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.now()
	if len(g.wins) >= loginKeys {
		for k, w := range g.wins {
			if now.Sub(w.start) >= LoginWindow {
				delete(g.wins, k)
			}
		}
	}
	for _, key := range []string{"u:" + user, "ip:" + ip} {
		w := g.count(key, now)
		if w == nil {
			if len(g.wins) >= loginKeys {
				continue // full of live windows: the others still count
			}
			w = &loginWindow{start: now}
			g.wins[key] = w
		}
		w.fails++
	}
}

// succeeded forgets a user's failures (not the IP's).
func (g *loginGuard) succeeded(user string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.wins, "u:"+user)
}
