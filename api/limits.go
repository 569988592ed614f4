package api

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
)

// Defaults of the limits on a request's time and on concurrent expensive
// work (Config.RequestTimeout, MaxConcurrent, QueueWait).
const (
	// DefaultRequestTimeout is the deadline of a request: a bounded search
	// takes milliseconds and an analysis tens of them, so a request still
	// running after this is stuck behind others or pathological.
	DefaultRequestTimeout = 5 * time.Second
	// DefaultMaxConcurrent is how many expensive requests run at once.
	// On 2 cores 16 leaves the 50-client analysis benchmark unthrottled
	// (a request waits for a slot some milliseconds) while bounding the
	// memory of work in flight.
	DefaultMaxConcurrent = 16
	// DefaultQueueWait is how long an expensive request waits for a slot
	// before it is refused with 429.
	DefaultQueueWait = time.Second
)

// UploadTimeout bounds an evidence upload, which is streamed from the
// socket to the blob store while the request runs.
const UploadTimeout = 10 * time.Minute

// retryAfterSeconds is the Retry-After of a 429: slots free up within
// milliseconds, so a client may come back at once.
const retryAfterSeconds = 1

// workLimits bounds the time of every request and the number of expensive
// ones (searches and analyses) running at once.
type workLimits struct {
	timeout time.Duration
	wait    time.Duration
	slots   chan struct{}
}

func newLimiter(cfg Config) *workLimits {
	l := &workLimits{timeout: cfg.RequestTimeout, wait: cfg.QueueWait}
	if l.timeout <= 0 {
		l.timeout = DefaultRequestTimeout
	}
	if l.wait <= 0 {
		l.wait = DefaultQueueWait
	}
	n := cfg.MaxConcurrent
	if n <= 0 {
		n = DefaultMaxConcurrent
	}
	l.slots = make(chan struct{}, n)
	return l
}

// expensive reports whether a request runs work whose cost is not bounded
// by a lookup: full-text and vector search, case analysis.
func expensive(c *fiber.Ctx) bool {
	switch c.Method() + " " + c.Path() {
	case "GET /v1/norms/search", "GET /v1/cases/search", "GET /v1/library/cases/search", "POST /v1/analyze",
		"POST /v1/login": // a password hash costs 19 MiB and tens of milliseconds
		return true
	}
	return c.Method() == fiber.MethodPost && (isTranscriptAnalysis(c.Path()) ||
		strings.HasPrefix(c.Path(), "/v1/cases/") && strings.HasSuffix(c.Path(), "/analysis"))
}

// errTimeout answers a request whose deadline passed.
func (l *workLimits) errTimeout() error {
	return apiError(fiber.StatusServiceUnavailable, "timeout",
		"请求处理超时（超过 "+l.timeout.String()+"），请缩短检索词或稍后重试", "")
}

// limit is the middleware: it gives the request a context with the
// deadline (handlers pass c.UserContext() down to bleve's
// SearchInContext; fiber's own timeout middleware races with the handler
// on the fasthttp context), holds a slot for an expensive request, and
// turns work cut short by the deadline into 503.
func (s *Server) limit(c *fiber.Ctx) error {
	l := s.limits
	timeout := l.timeout
	if isEvidenceUpload(c) {
		// A 100 MB file over an ordinary office link takes minutes; the
		// socket's read deadline (fiber's ReadTimeout) is moved with it.
		timeout = UploadTimeout
		_ = c.Context().Conn().SetReadDeadline(time.Now().Add(UploadTimeout))
	}
	ctx, cancel := context.WithTimeout(c.UserContext(), timeout)
	defer cancel()
	c.SetUserContext(ctx)
	if expensive(c) {
		release, err := l.acquire(ctx, c)
		if err != nil {
			return err
		}
		defer release()
	}
	err := c.Next()
	if err != nil && (errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil && statusOf(err) >= 500) {
		return l.errTimeout()
	}
	return err
}

// acquire takes a slot for an expensive request, waiting at most the
// queue wait (and never past the deadline). When none frees up it answers
// 429 with Retry-After.
func (l *workLimits) acquire(ctx context.Context, c *fiber.Ctx) (func(), error) {
	release := func() { <-l.slots }
	select {
	case l.slots <- struct{}{}:
		return release, nil
	default:
	}
	t := time.NewTimer(l.wait)
	defer t.Stop()
	select {
	case l.slots <- struct{}{}:
		return release, nil
	case <-t.C:
		c.Set(fiber.HeaderRetryAfter, strconv.Itoa(retryAfterSeconds))
		return nil, apiError(fiber.StatusTooManyRequests, "too_busy",
			"服务器繁忙：同时进行的检索和分析已达上限，请稍后重试", "")
	case <-ctx.Done():
		return nil, l.errTimeout()
	}
}
