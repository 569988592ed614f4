package api

import (
	"io"
	"mime"
	"net"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/limiter"
)

// Default rate limits, per client IP and minute, for clients other than
// loopback ones (see WebConfig.LimitLoopback).
const (
	DefaultWritesPerMinute = 60
	DefaultReadsPerMinute  = 600
)

// WebConfig holds the safeguards of a service that a browser can reach:
// any web page the officer visits can send requests to 127.0.0.1.
type WebConfig struct {
	// AllowedHosts are Host names answered besides the loopback names
	// (127.0.0.1, localhost, [::1]) and the listen address: "name" allows
	// every port, "name:port" one. Any other Host is refused (DNS
	// rebinding), as is a state-changing request from any other Origin.
	AllowedHosts []string
	// WritesPerMinute bounds one client's state-changing requests a
	// minute; 0 means DefaultWritesPerMinute, negative no limit.
	WritesPerMinute int
	// ReadsPerMinute bounds one client's expensive reads (norm and case
	// search, analysis, citation resolution) a minute; 0 means
	// DefaultReadsPerMinute, negative no limit.
	ReadsPerMinute int
	// LimitLoopback applies the rate limits to loopback clients too. By
	// default they are exempt: serve binds loopback unless told otherwise,
	// and a local client (the CLI, the benchmark's 50 clients) is the
	// operator; a browser page on it is stopped by the Host, Origin and
	// Content-Type checks instead. Behind a reverse proxy on the same host
	// every client is loopback: set it there.
	LimitLoopback bool
}

// webGuard enforces WebConfig on every request.
type webGuard struct {
	cfg     WebConfig
	allowed []hostPort
	// listen is the address Serve listens on; nil before (app.Test).
	listen atomic.Pointer[hostPort]
	// bodyLimit bounds every body but a recording upload's, and
	// readLimit what a closing connection still reads (lingerConn).
	bodyLimit, readLimit int
}

// hostPort is a lower-case host name or IP (IPv6 without brackets) and a
// port, empty for any.
type hostPort struct{ host, port string }

// useWebGuard installs the Host and Origin checks, the JSON Content-Type
// requirement, the security headers and the rate limits.
func (s *Server) useWebGuard(cfg WebConfig) {
	g := &webGuard{cfg: cfg, bodyLimit: s.cfg.BodyLimit, readLimit: max(s.cfg.BodyLimit, s.cfg.UploadLimit)}
	for _, h := range cfg.AllowedHosts {
		if h = strings.TrimSpace(h); h != "" {
			g.allowed = append(g.allowed, splitHost(h))
		}
	}
	s.web = g
	s.app.Use(g.check)
	if n := limitOf(cfg.WritesPerMinute, DefaultWritesPerMinute); n > 0 {
		s.app.Use(g.limiter(n, "写入", isWrite))
	}
	if n := limitOf(cfg.ReadsPerMinute, DefaultReadsPerMinute); n > 0 {
		s.app.Use(g.limiter(n, "检索或分析", isExpensiveRead))
	}
}

func limitOf(n, def int) int {
	if n == 0 {
		return def
	}
	return n
}

// securityHeaders go on every answer, errors included: nothing is to be
// sniffed as another type, framed, or told where the officer came from.
// JSON answers need no resources; the web page sets its own policy.
func securityHeaders(c *fiber.Ctx) {
	c.Set(fiber.HeaderXContentTypeOptions, "nosniff")
	c.Set(fiber.HeaderXFrameOptions, "DENY")
	c.Set(fiber.HeaderContentSecurityPolicy, "default-src 'none'; frame-ancestors 'none'")
	c.Set(fiber.HeaderReferrerPolicy, "no-referrer")
	c.Set(fiber.HeaderCrossOriginResourcePolicy, "same-origin")
}

// stateChanging methods are those a page on another site must not send.
func stateChanging(method string) bool {
	switch method {
	case fiber.MethodPost, fiber.MethodPut, fiber.MethodPatch, fiber.MethodDelete:
		return true
	}
	return false
}

func (g *webGuard) check(c *fiber.Ctx) error {
	securityHeaders(c)
	if !g.hostAllowed(string(c.Request().Host())) {
		return apiError(fiber.StatusMisdirectedRequest, "host_not_allowed",
			"请求的主机名不在允许列表中（防止 DNS 重绑定）：请用 127.0.0.1 或 localhost 访问，或由管理员用 --allowed-hosts 添加本服务的域名", "Host")
	}
	// Body sizes are the server's limitBody's to check: reading the body
	// here would buffer the uploads that stream.
	upload := c.Method() == fiber.MethodPost && c.Path() == uploadPath
	method := c.Method()
	if !stateChanging(method) {
		return c.Next()
	}
	if origin := c.Get(fiber.HeaderOrigin); origin != "" && !g.originAllowed(origin) {
		return apiError(fiber.StatusForbidden, "origin_not_allowed",
			"拒绝来自其他网站的修改请求：请求来源（Origin）不是本服务", "Origin")
	}
	if upload {
		return g.checkUpload(c)
	}
	// The evidence upload is multipart: a cross-site form can send that,
	// but not the bearer token the route requires.
	ct := c.Get(fiber.HeaderContentType)
	if method != fiber.MethodDelete && !jsonContentType(ct) && !(isEvidenceUpload(c) && strings.HasPrefix(ct, fiber.MIMEMultipartForm)) {
		return apiError(fiber.StatusUnsupportedMediaType, "unsupported_media_type",
			"请求体必须是 JSON，并带请求头 Content-Type: application/json（字符集只能是 UTF-8）", "Content-Type")
	}
	return c.Next()
}

// checkUpload admits a multipart recording upload. A cross-site form can
// send multipart without a CORS preflight, so besides the Origin check a
// browser's own word that the request comes from another site
// (Sec-Fetch-Site) refuses it; the command line and curl send neither.
func (g *webGuard) checkUpload(c *fiber.Ctx) error {
	mt, _, err := mime.ParseMediaType(c.Get(fiber.HeaderContentType))
	if err != nil || mt != fiber.MIMEMultipartForm {
		return apiError(fiber.StatusUnsupportedMediaType, "unsupported_media_type",
			"录音须以 multipart/form-data 上传（字段名 file）", "Content-Type")
	}
	switch c.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
		return c.Next()
	}
	return apiError(fiber.StatusForbidden, "origin_not_allowed",
		"拒绝来自其他网站的上传请求", "Sec-Fetch-Site")
}

// jsonContentType accepts application/json (and application/*+json) with
// no charset or UTF-8. A browser sends these only after a CORS preflight,
// which this service never grants; a cross-site form or no-cors fetch
// sends text/plain, a form type, or nothing.
func jsonContentType(ct string) bool {
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	if mt != fiber.MIMEApplicationJSON && !(strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json")) {
		return false
	}
	cs, ok := params["charset"]
	return !ok || strings.EqualFold(cs, "utf-8") || strings.EqualFold(cs, "utf8")
}

// splitHost splits "name", "name:port", "[v6]:port" or "[v6]" into a
// lower-case host without a trailing dot and a port.
func splitHost(h string) hostPort {
	h = strings.ToLower(h)
	var hp hostPort
	switch {
	case strings.HasPrefix(h, "["):
		end := strings.IndexByte(h, ']')
		if end < 0 {
			return hostPort{}
		}
		hp.host = h[1:end]
		hp.port, _ = strings.CutPrefix(h[end+1:], ":")
	case strings.Count(h, ":") == 1:
		hp.host, hp.port, _ = strings.Cut(h, ":")
	default:
		hp.host = h
	}
	hp.host = strings.TrimSuffix(hp.host, ".")
	return hp
}

// hostAllowed reports whether a Host header names this service: a
// configured name, or a loopback name or the listen host with the listen
// port (or none, as a proxy on port 80 sends; any port before Serve).
func (g *webGuard) hostAllowed(h string) bool {
	hp := splitHost(h)
	if hp.host == "" {
		return false
	}
	for _, a := range g.allowed {
		if a.host == hp.host && (a.port == "" || a.port == hp.port) {
			return true
		}
	}
	listen := g.listen.Load()
	switch hp.host {
	case "localhost", "127.0.0.1", "::1":
	default:
		if listen == nil || listen.host == "" || listen.host != hp.host {
			return false
		}
	}
	return listen == nil || hp.port == "" || hp.port == listen.port
}

// originAllowed reports whether an Origin header is this service's.
func (g *webGuard) originAllowed(origin string) bool {
	u, err := url.Parse(origin)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return false // includes "null": sandboxed frames, file: pages
	}
	return g.hostAllowed(u.Host)
}

// isWrite reports a request that changes stored data: every
// state-changing method but the read-only POSTs, which take a body only
// because it is long.
func isWrite(c *fiber.Ctx) bool {
	if !stateChanging(c.Method()) {
		return false
	}
	switch c.Path() {
	case "/v1/analyze", "/v1/citations/resolve", "/v1/suggest", "/v1/redact":
		return false
	}
	return !isTranscriptAnalysis(c.Path())
}

// isExpensiveRead reports a read whose cost is far above a lookup.
func isExpensiveRead(c *fiber.Ctx) bool {
	switch c.Path() {
	case "/v1/norms/search", "/v1/cases/search", "/v1/library/cases/search",
		"/v1/public/decisions", "/public/decisions.rss", "/public": // the public's, without sign-in
		return c.Method() == fiber.MethodGet
	case "/v1/analyze", "/v1/citations/resolve", "/v1/login", "/v1/redact":
		return c.Method() == fiber.MethodPost
	}
	return c.Method() == fiber.MethodPost && isTranscriptAnalysis(c.Path())
}

// limiter is fiber's fixed-window limiter, configured explicitly (its
// default is 5 requests a minute), keyed by client IP, for the requests
// applies selects; the 429 carries Retry-After in the error format.
func (g *webGuard) limiter(perMinute int, what string, applies func(*fiber.Ctx) bool) fiber.Handler {
	return limiter.New(limiter.Config{
		Max:        perMinute,
		Expiration: time.Minute,
		Next: func(c *fiber.Ctx) bool {
			if !applies(c) {
				return true
			}
			if g.cfg.LimitLoopback {
				return false
			}
			ip := net.ParseIP(c.IP())
			return ip != nil && ip.IsLoopback()
		},
		KeyGenerator: func(c *fiber.Ctx) string { return c.IP() },
		LimitReached: func(c *fiber.Ctx) error {
			retry := c.GetRespHeader(fiber.HeaderRetryAfter)
			return apiError(fiber.StatusTooManyRequests, "rate_limited",
				"请求过于频繁：每个客户端每分钟最多 "+strconv.Itoa(perMinute)+" 次"+what+"请求，请 "+retry+" 秒后再试", "")
		},
	})
}

// listening records where the server listens (for the Host check) and
// wraps ln so that connections close gracefully (lingerConn).
func (g *webGuard) listening(ln net.Listener) net.Listener {
	hp := hostPort{}
	if a, ok := ln.Addr().(*net.TCPAddr); ok {
		hp.port = strconv.Itoa(a.Port)
		if !a.IP.IsUnspecified() && !a.IP.IsLoopback() {
			hp.host = strings.ToLower(a.IP.String())
		}
	}
	g.listen.Store(&hp)
	return lingerListener{Listener: ln, drain: int64(g.readLimit) + 64<<10}
}

// lingerListener hands out lingerConns.
type lingerListener struct {
	net.Listener
	drain int64
}

func (l lingerListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	if tc, ok := c.(*net.TCPConn); ok {
		return &lingerConn{TCPConn: tc, drain: l.drain}, nil
	}
	return c, nil
}

// lingerWait bounds how long a closing connection keeps reading.
const lingerWait = 10 * time.Second

// lingerConn closes as net/http does: fasthttp answers 413 as soon as it
// sees a body over the limit and closes the connection with the body
// unread, and closing a socket with unread data sends a reset, which
// makes many clients (Go's, curl) report "connection reset" instead of
// the 413. Close half-closes (the answer and a FIN go out), then reads
// and discards what the client is still sending, up to the body limit
// and lingerWait, in the background, and only then closes.
type lingerConn struct {
	*net.TCPConn
	drain int64
	once  sync.Once
}

func (c *lingerConn) Close() error {
	var err error
	c.once.Do(func() {
		if err = c.TCPConn.CloseWrite(); err != nil {
			err = c.TCPConn.Close()
			return
		}
		go func() {
			_ = c.TCPConn.SetReadDeadline(time.Now().Add(lingerWait))
			_, _ = io.CopyN(io.Discard, c.TCPConn, c.drain)
			_ = c.TCPConn.Close()
		}()
	})
	return err
}
