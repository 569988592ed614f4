package api

import (
	"sync"

	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/app"
)

// A server made with NewLoading listens before the data directory is open:
// start-up work (index repair, a first import, training the embedder,
// embedding) happens behind it, /healthz says the process is alive at
// once, /readyz says what is still loading, and every other request is
// answered 503 until Ready hands over the opened parts.

// loadState is what /readyz reports while loading.
type loadState struct {
	mu                sync.Mutex
	stage             string
	done, total       int
	failed            string
	stageDone, stages []string
}

// NewLoading returns a server whose data are not open yet: it answers
// /healthz and /readyz, and 503 with code "loading" elsewhere, until Ready.
func NewLoading(cfg Config) *Server {
	s := New(cfg)
	s.ready.Store(false)
	return s
}

// SetProgress records the loading stage and how far it has got; it is
// safe for concurrent use and is shaped as app.Config.Progress.
func (s *Server) SetProgress(stage string, done, total int) {
	s.load.mu.Lock()
	defer s.load.mu.Unlock()
	if stage != s.load.stage && s.load.stage != "" {
		s.load.stageDone = append(s.load.stageDone, s.load.stage)
	}
	s.load.stage, s.load.done, s.load.total = stage, done, total
}

// Failed records that loading failed; /readyz then says so.
func (s *Server) Failed(err error) {
	s.load.mu.Lock()
	defer s.load.mu.Unlock()
	s.load.failed = err.Error()
}

// Ready hands the server an opened app's parts; from then on every route
// answers. Call it once.
func (s *Server) Ready(a *app.App) {
	s.cfg.Library, s.cfg.Catalog, s.cfg.Analyzer = a.Library, a.Catalog, a.Analyzer
	if seg := a.Segmenter(); seg != nil {
		s.cfg.Segmenter = seg
	}
	s.lib = a.Library
	if a.Casework != nil {
		s.work.Store(a.Casework.Service)
		if ix, err := a.Casework.Oversight(); err == nil {
			s.ov.Store(ix)
		}
	}
	// The parts are written before the flag; handlers read them after
	// loading it (the gate), so they see them whole.
	s.ready.Store(true)
}

// loadingAnswer is GET /readyz (503) while the server loads: the stage,
// how far it has got, the stages finished, and why loading failed.
type loadingAnswer struct {
	// Status is "loading" or "failed".
	Status   string   `json:"status"`
	Stage    string   `json:"stage"`
	Done     int      `json:"done"`
	Total    int      `json:"total"`
	Finished []string `json:"finished"`
	Error    string   `json:"error,omitempty"`
}

// aliveAnswer is GET /healthz while the server loads: the process is up.
type aliveAnswer struct {
	// Status is "alive".
	Status  string `json:"status"`
	Ready   bool   `json:"ready"`
	Version string `json:"version"`
}

func (s *Server) loadingStatus() loadingAnswer {
	s.load.mu.Lock()
	defer s.load.mu.Unlock()
	a := loadingAnswer{Status: "loading", Stage: s.load.stage, Done: s.load.done, Total: s.load.total, Finished: append([]string{}, s.load.stageDone...)}
	if s.load.failed != "" {
		a.Status, a.Error = "failed", s.load.failed
	}
	return a
}

// gate answers for a server that is still loading.
func (s *Server) gate(c *fiber.Ctx) error {
	if s.ready.Load() {
		return c.Next()
	}
	switch c.Path() {
	case "/healthz":
		return c.JSON(aliveAnswer{Status: "alive", Ready: false, Version: s.cfg.Version})
	case "/readyz":
		return c.Status(fiber.StatusServiceUnavailable).JSON(s.loadingStatus())
	}
	c.Set(fiber.HeaderRetryAfter, "5")
	st := s.loadingStatus()
	msg := "服务正在载入数据，请稍后再试"
	if st.Stage != "" {
		msg = "服务正在载入数据（" + st.Stage + "），请稍后再试；进度见 /readyz"
	}
	return apiError(fiber.StatusServiceUnavailable, "loading", msg, "")
}

// readyAnswer is GET /readyz once the server is ready.
type readyAnswer struct {
	Status string `json:"status"`
}

func (s *Server) handleReady(c *fiber.Ctx) error {
	return c.JSON(readyAnswer{Status: "ready"})
}
