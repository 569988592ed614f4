package api

import (
	"context"
	"errors"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
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
	// DefaultMaxConcurrent is how many searches and sign-ins run at once;
	// the others queue, first come, first served (admission). On 2 cores
	// 16 leaves the 50-client analysis benchmark unthrottled (a request
	// waits for a slot some milliseconds) while bounding the memory of
	// work in flight (a login's password hash alone takes 19 MiB, which
	// is why the width is not scaled with the processors). Narrower
	// admission (2 or 4 at once) was measured against it in one process
	// and gave no steady gain in the tail (docs/analysis.md), so 16 stays.
	DefaultMaxConcurrent = 16
	// Analyses have their own, narrower admission: see
	// DefaultAnalysisConcurrent.
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
// ones (searches and analyses) running at once; the rest wait their turn
// in a queue (admission).
type workLimits struct {
	timeout time.Duration
	wait    time.Duration
	// queue admits searches and sign-ins, analyses admits case analyses.
	queue    admission
	analyses admission
}

// reservedProcessors is how many of the scheduler's processors analyses
// leave free (ReserveNetworkProcessor): 0 or 1.
var reservedProcessors atomic.Int32

// DefaultAnalysisConcurrent is how many analyses run at once when
// Config.AnalysisConcurrent is 0: one per processor the scheduler has,
// less the one ReserveNetworkProcessor keeps for the network (at least
// one). An analysis is pure CPU for about a millisecond, so more at once
// only share the cores; queued first come, first served, each waits its
// turn instead of being slowed by all the others.
func DefaultAnalysisConcurrent() int {
	return max(1, runtime.GOMAXPROCS(0)-int(reservedProcessors.Load()))
}

// ReserveNetworkProcessor gives the Go scheduler one processor more than
// analyses may use, as `cailiang serve` runs: GOMAXPROCS becomes the cores
// plus one, and DefaultAnalysisConcurrent stays at the cores. Why: the
// scheduler polls the network only when a processor runs out of work (or
// from its monitor thread, every 10 ms); when every processor is busy
// analysing, a request that arrived and a response that was sent wait for
// that poll. Measured at 50 clients on 2 cores (docs/analysis.md, "Latency:
// a processor for the network"), the median p99 of /v1/analyze fell from
// about 59 to 47 ms with other work on the machine and from about 58 to
// 54 ms idle, at the cost of some throughput. When GOMAXPROCS is set in the environment,
// the operator's number stands and one of its processors is kept free.
// restore undoes it (for tests and benchmarks).
func ReserveNetworkProcessor() (restore func()) {
	prev := runtime.GOMAXPROCS(0)
	if os.Getenv("GOMAXPROCS") == "" {
		runtime.GOMAXPROCS(prev + 1)
	}
	reservedProcessors.Store(1)
	return func() {
		reservedProcessors.Store(0)
		runtime.GOMAXPROCS(prev)
	}
}

func newLimiter(cfg Config) *workLimits {
	l := &workLimits{timeout: cfg.RequestTimeout, wait: cfg.QueueWait}
	if l.timeout <= 0 {
		l.timeout = DefaultRequestTimeout
	}
	if l.wait <= 0 {
		l.wait = DefaultQueueWait
	}
	l.queue.slots = cfg.MaxConcurrent
	if l.queue.slots <= 0 {
		l.queue.slots = DefaultMaxConcurrent
	}
	l.analyses.slots = cfg.AnalysisConcurrent
	if l.analyses.slots <= 0 {
		l.analyses.slots = DefaultAnalysisConcurrent()
	}
	return l
}

// admission lets slots requests run and queues the others, first come,
// first served: a freed slot goes to the request that has waited longest,
// so under a burst no request is passed over until its 429 while later
// ones run. The queue is explicit: a channel's waiters are served in order
// too, but that is the runtime's behaviour, which no test can observe
// (TestAdmissionOrder observes this one).
type admission struct {
	slots int
	mu    sync.Mutex
	// running counts the admitted requests; waiting holds one channel per
	// queued request, oldest first, closed when it is admitted.
	running int
	waiting []chan struct{}
}

// enter admits at once when a slot is free and nobody is queued, or
// returns the channel that is closed when the request's turn comes.
func (q *admission) enter() (admitted bool, turn chan struct{}) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.running < q.slots && len(q.waiting) == 0 {
		q.running++
		return true, nil
	}
	turn = make(chan struct{})
	q.waiting = append(q.waiting, turn)
	return false, turn
}

// leave gives up a queued request's place. It reports false when the
// request was admitted meanwhile: it holds a slot and must release it.
func (q *admission) leave(turn chan struct{}) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	for i, w := range q.waiting {
		if w == turn {
			q.waiting = slices.Delete(q.waiting, i, i+1)
			return true
		}
	}
	return false
}

// release frees a slot: the oldest queued request takes it over (running
// stays the same), or it becomes free.
func (q *admission) release() {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.waiting) > 0 {
		close(q.waiting[0])
		q.waiting[0] = nil
		q.waiting = q.waiting[1:]
		return
	}
	q.running--
}

// state reports the admitted and the queued requests.
func (q *admission) state() (running, queued int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.running, len(q.waiting)
}

// admissionFor returns the queue an expensive request waits in, nil for
// the others: case analyses (one per core, DefaultAnalysisConcurrent) or
// the work whose cost is not bounded by a lookup, full-text and vector
// search and sign-in (DefaultMaxConcurrent).
func (l *workLimits) admissionFor(c *fiber.Ctx) *admission {
	switch c.Method() + " " + c.Path() {
	case "POST /v1/analyze":
		return &l.analyses
	case "GET /v1/norms/search", "GET /v1/cases/search", "GET /v1/library/cases/search",
		"POST /v1/login": // a password hash costs 19 MiB and tens of milliseconds
		return &l.queue
	}
	if c.Method() == fiber.MethodPost && (isTranscriptAnalysis(c.Path()) ||
		strings.HasPrefix(c.Path(), "/v1/cases/") && strings.HasSuffix(c.Path(), "/analysis")) {
		return &l.analyses
	}
	return nil
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
	if q := l.admissionFor(c); q != nil {
		release, err := l.acquire(ctx, c, q)
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

// acquire takes a slot for an expensive request, waiting in line at most
// the queue wait (and never past the deadline). When its turn does not
// come in time it answers 429 with Retry-After.
func (l *workLimits) acquire(ctx context.Context, c *fiber.Ctx, q *admission) (func(), error) {
	admitted, turn := q.enter()
	if admitted {
		return q.release, nil
	}
	t := time.NewTimer(l.wait)
	defer t.Stop()
	var err error
	select {
	case <-turn:
		return q.release, nil
	case <-t.C:
		c.Set(fiber.HeaderRetryAfter, strconv.Itoa(retryAfterSeconds))
		err = apiError(fiber.StatusTooManyRequests, "too_busy",
			"服务器繁忙：同时进行的检索和分析已达上限，请稍后重试", "")
	case <-ctx.Done():
		err = l.errTimeout()
	}
	if !q.leave(turn) {
		// Admitted while giving up: pass the slot on.
		q.release()
	}
	return nil, err
}
