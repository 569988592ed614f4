// Package api is cailiang's HTTP interface (fiber v2): norm and case search,
// citation resolution, case import, and the web page. Handlers translate HTTP
// to calls on corpus (and later rules); every error leaves through one error
// handler in one format: {"error":{"code":"...","message":"...","field":"..."}}.
package api

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"sync/atomic"
	"time"

	"github.com/bytedance/sonic"
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/recover"
	"github.com/gofiber/fiber/v2/middleware/requestid"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/documents"
	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
	"github.com/cailiang/cailiang/speech"
	"github.com/cailiang/cailiang/workdays"
)

// DefaultBodyLimit bounds request bodies: a batch of cases with long facts
// fits, a runaway upload does not.
const DefaultBodyLimit = 4 << 20

// Config configures a Server.
type Config struct {
	Library *corpus.Library
	// Catalog is the discretion benchmark catalog.
	Catalog *rules.Catalog
	// Segmenter segments benchmark keyword searches.
	Segmenter nlp.Segmenter
	// Analyzer answers /v1/analyze; nil disables it.
	Analyzer *caseanalysis.Analyzer
	// Documents renders enforcement documents; nil disables the document
	// endpoints (ForApp supplies the built-in templates).
	Documents *documents.Generator
	// Speech transcribes recordings (/v1/transcriptions); nil or one
	// without an engine answers asr_not_configured.
	Speech *speech.Service
	// UploadLimit bounds a recording upload in bytes; 0 means
	// DefaultUploadLimit. Every other body stays within BodyLimit.
	UploadLimit int
	// Logger receives the structured access log; nil discards it.
	Logger *slog.Logger
	// BodyLimit in bytes; 0 means DefaultBodyLimit.
	BodyLimit int
	// Version is reported by /healthz.
	Version string
	// Web holds the browser-facing safeguards (guard.go): allowed hosts,
	// rate limits.
	Web WebConfig
	// RequestTimeout is every request's deadline; 0 means
	// DefaultRequestTimeout (see limits.go).
	RequestTimeout time.Duration
	// MaxConcurrent bounds searches and analyses running at once; 0 means
	// DefaultMaxConcurrent.
	MaxConcurrent int
	// QueueWait is how long one waits for a slot before a 429; 0 means
	// DefaultQueueWait.
	QueueWait time.Duration
	// Calendar counts working days (GET /v1/workdays/add); nil answers 503.
	Calendar *workdays.Calendar
}

// ForApp returns a Server over the parts of an opened app (its library,
// catalog, segmenter and analyzer); cfg supplies the rest.
func ForApp(a *app.App, cfg Config) *Server {
	cfg.Library, cfg.Catalog, cfg.Segmenter, cfg.Analyzer = a.Library, a.Catalog, a.Segmenter(), a.Analyzer
	if cfg.Documents == nil {
		// The built-in templates always parse (a test holds them to it).
		if g, err := documents.New(documents.Config{}); err == nil {
			cfg.Documents = g
		}
	}
	return New(cfg)
}

// Server is the HTTP API.
type Server struct {
	cfg Config
	app *fiber.App
	lib *corpus.Library
	log *slog.Logger
	// ready is false while a server made by NewLoading waits for its
	// data (ready.go); load is what it reports meanwhile.
	ready atomic.Bool
	load  loadState
	web   *webGuard
	// limits bounds request time and concurrent expensive work.
	limits *workLimits
}

// New builds the fiber app with its middleware and routes.
func New(cfg Config) *Server {
	if cfg.BodyLimit <= 0 {
		cfg.BodyLimit = DefaultBodyLimit
	}
	if cfg.UploadLimit <= 0 {
		cfg.UploadLimit = DefaultUploadLimit
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Segmenter == nil {
		cfg.Segmenter = nlp.RuneSegmenter{}
	}
	s := &Server{cfg: cfg, lib: cfg.Library, log: cfg.Logger, limits: newLimiter(cfg)}
	s.ready.Store(true)
	s.app = fiber.New(fiber.Config{
		AppName: "cailiang",
		// The larger of the two limits: the web guard holds every route
		// but the upload to BodyLimit.
		BodyLimit: max(cfg.BodyLimit, cfg.UploadLimit),
		// Long Chinese queries percent-encode to 9 bytes a character; the
		// handler, not fasthttp, should be the one to refuse them.
		ReadBufferSize: 64 << 10,
		Immutable:      true, // handler strings outlive fasthttp's buffers
		// Only the recording upload takes a form, and the web guard refuses
		// multipart bodies elsewhere (415): none is parsed before that.
		DisablePreParseMultipartForm: true,
		DisableStartupMessage:        true,
		ErrorHandler:                 s.errorHandler,
		ReadTimeout:                  30 * time.Second,
		WriteTimeout:                 60 * time.Second,
		IdleTimeout:                  120 * time.Second,
		// sonic's std-compatible encoder writes the same bytes as
		// encoding/json (sorted map keys, HTML escaped) in about half the
		// time; an analysis answer is some 30 KB.
		JSONEncoder: serverJSON.Marshal,
	})
	s.app.Use(requestid.New())
	s.app.Use(recover.New(recover.Config{EnableStackTrace: true, StackTraceHandler: func(c *fiber.Ctx, e interface{}) {
		s.log.Error("panic", "request_id", c.Locals("requestid"), "panic", e)
	}}))
	s.app.Use(s.accessLog)
	s.useWebGuard(cfg.Web) // Host, Origin, Content-Type, headers, rate limits
	s.app.Use(s.gate)
	s.app.Use(s.limit) // deadline and concurrency bounds: limits.go
	s.routes()
	return s
}

// App exposes the fiber app for tests (app.Test).
func (s *Server) App() *fiber.App { return s.app }

// Serve serves on ln until ctx is cancelled, then shuts down gracefully.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	ln = s.web.listening(ln) // the listen address for the Host check; graceful close
	errc := make(chan error, 1)
	go func() { errc <- s.app.Listener(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := s.app.ShutdownWithContext(shutdownCtx); err != nil && !errors.Is(err, context.Canceled) {
			return err
		}
		return nil
	}
}

func (s *Server) accessLog(c *fiber.Ctx) error {
	start := time.Now()
	err := c.Next()
	status := c.Response().StatusCode()
	if err != nil {
		// The error handler has not run yet; compute the status it will set.
		status = statusOf(err)
	}
	s.log.Info("request",
		"request_id", c.Locals("requestid"),
		"method", c.Method(),
		"path", c.Path(),
		"status", status,
		"duration_ms", float64(time.Since(start).Microseconds())/1000,
		"bytes_in", len(c.Body()),
		"ip", c.IP(),
	)
	return err
}

func (s *Server) routes() {
	s.app.Get("/", s.handleIndexPage)
	s.app.Get("/healthz", s.handleHealth)
	s.app.Get("/readyz", s.handleReady)
	v1 := s.app.Group("/v1")
	v1.Get("/norms/search", s.handleNormSearch)
	v1.Get("/norms/:law/:article", s.handleNormArticle)
	v1.Post("/citations/resolve", s.handleResolve)
	v1.Get("/statutes/status", s.handleStatuteStatus)
	v1.Get("/cases/search", s.handleCaseSearch)
	v1.Get("/cases/:id", s.handleCaseGet)
	v1.Post("/cases", s.handleCasePost)
	v1.Get("/benchmarks", s.handleBenchmarks)
	v1.Get("/benchmarks/:id", s.handleBenchmark)
	v1.Post("/suggest", s.handleSuggest)
	v1.Post("/analyze", s.handleAnalyze)
	v1.Post("/documents/draft/:file", s.handleDocumentDraft)
	v1.Post("/redact", s.handleRedact)
	v1.Get("/workdays/add", s.handleWorkdaysAdd)
	v1.Post("/transcriptions", s.handleTranscriptionPost)
	v1.Get("/transcriptions", s.handleTranscriptionList)
	v1.Get("/transcriptions/:id", s.handleTranscriptionGet)
	v1.Post("/transcriptions/:id/versions", s.handleTranscriptionEdit)
	v1.Post("/transcriptions/:id/analyze", s.handleTranscriptionAnalyze)
	s.app.Use(func(c *fiber.Ctx) error {
		return apiError(fiber.StatusNotFound, "route_not_found", "没有这个接口："+c.Method()+" "+c.Path(), "")
	})
}

func (s *Server) handleHealth(c *fiber.Ctx) error {
	norms, cases, err := s.lib.Index().Counts()
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{
		"status":           "ok",
		"version":          s.cfg.Version,
		"statutes":         s.lib.Store().StatuteCount(),
		"indexed_articles": norms,
		"indexed_cases":    cases,
		"benchmarks":       s.cfg.Catalog.Len(),
		"vectors":          s.lib.VectorsEnabled(),
	})
}

// serverJSON is sonic's std-compatible configuration (that of
// sonic.ConfigStd: the bytes of encoding/json), whose stream encoder adds
// no newline after a value, for both c.JSON and sendJSON.
var serverJSON = sonic.Config{EscapeHTML: true, SortMapKeys: true, CompactMarshaler: true, CopyString: true,
	ValidateString: true, NoEncoderNewline: true}.Froze()

// encodeAnswer writes v to w as the server's JSON.
func encodeAnswer(w io.Writer, v any) error { return serverJSON.NewEncoder(w).Encode(v) }

// sendJSON answers with v encoded straight into the response body, which
// fasthttp pools: fiber's c.JSON allocates the encoded answer afresh on
// every request, some 30 KB for an analysis. An error leaves the body to
// the error handler, which replaces it.
func sendJSON(c *fiber.Ctx, v any) error {
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSON)
	return encodeAnswer(c.Response().BodyWriter(), v)
}
