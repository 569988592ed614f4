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
	"sync"
	"sync/atomic"
	"time"

	"github.com/bytedance/sonic/encoder"
	"github.com/bytedance/sonic/utf8"
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/recover"
	"github.com/gofiber/fiber/v2/middleware/requestid"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/casespeech"
	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/documents"
	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/oversight"
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
	// MaxConcurrent bounds searches and sign-ins running at once; 0 means
	// DefaultMaxConcurrent.
	MaxConcurrent int
	// AnalysisConcurrent bounds case analyses running at once; 0 means
	// DefaultAnalysisConcurrent (one per core).
	AnalysisConcurrent int
	// QueueWait is how long one waits for a slot before a 429; 0 means
	// DefaultQueueWait.
	QueueWait time.Duration
	// Casework is the case workbench (users, sign-in, workflow cases);
	// nil leaves its routes answering 503 and every token refused.
	Casework *casework.Service
	// Oversight answers /v1/stats and /v1/warnings over the workbench's
	// cases; nil answers 503.
	Oversight *oversight.Index
	// Calendar counts working days (GET /v1/workdays/add); nil answers 503.
	Calendar *workdays.Calendar
}

// ForApp returns a Server over the parts of an opened app (its library,
// catalog, segmenter and analyzer); cfg supplies the rest.
func ForApp(a *app.App, cfg Config) *Server {
	cfg.Library, cfg.Catalog, cfg.Segmenter, cfg.Analyzer = a.Library, a.Catalog, a.Segmenter(), a.Analyzer
	if a.Casework != nil {
		cfg.Casework = a.Casework.Service
		cfg.Oversight, _ = a.Casework.Oversight() // nil (503) when the catalog does not load
	}
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
	// openapi*: GET /openapi.json, built on first request (openapi.go).
	openapiOnce sync.Once
	openapiJSON []byte
	openapiErr  error
	lib         *corpus.Library
	log         *slog.Logger
	// ready is false while a server made by NewLoading waits for its
	// data (ready.go); load is what it reports meanwhile.
	ready atomic.Bool
	load  loadState
	web   *webGuard
	// limits bounds request time and concurrent expensive work.
	limits *workLimits
	// logins counts failed sign-ins against guessing (auth.go).
	logins *loginGuard
	// work is the case workbench: cfg.Casework, or what Ready hands over.
	work atomic.Pointer[casework.Service]
	// speechCases transcribes case recordings, made on first use (casetranscripts.go).
	speechCases atomic.Pointer[casespeech.Service]
	// ov is the statistics and warnings index: cfg.Oversight, or what Ready hands over.
	ov atomic.Pointer[oversight.Index]
}

// oversight returns the statistics and warnings index, nil when there is none (yet).
func (s *Server) oversightIndex() *oversight.Index { return s.ov.Load() }

// casework returns the case workbench, nil when there is none (yet).
func (s *Server) casework() *casework.Service { return s.work.Load() }

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
	s := &Server{cfg: cfg, lib: cfg.Library, log: cfg.Logger, limits: newLimiter(cfg), logins: newLoginGuard()}
	s.ready.Store(true)
	s.work.Store(cfg.Casework)
	s.ov.Store(cfg.Oversight)
	s.app = fiber.New(fiber.Config{
		AppName: "cailiang",
		// Bodies are streamed (evidence files up to MaxEvidence go from the
		// socket to the blob store); limitBody applies BodyLimit to every
		// other route before anything reads a body.
		StreamRequestBody: true,
		BodyLimit:         max(cfg.BodyLimit, cfg.UploadLimit, s.uploadLimit()),
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
		// time; an analysis answer is some 30 KB. marshalAnswer is its
		// Marshal without the copies (encodeAnswer).
		JSONEncoder: marshalAnswer,
	})
	s.app.Use(requestid.New())
	s.app.Use(recover.New(recover.Config{EnableStackTrace: true, StackTraceHandler: func(c *fiber.Ctx, e interface{}) {
		s.log.Error("panic", "request_id", c.Locals("requestid"), "panic", e)
	}}))
	s.app.Use(s.accessLog)
	s.app.Use(s.limitBody) // before anything that reads a body: evidence.go
	s.useWebGuard(cfg.Web) // Host, Origin, Content-Type, headers, rate limits
	s.app.Use(s.gate)
	s.app.Use(s.limit) // deadline and concurrency bounds: limits.go
	s.app.Use(s.authenticate)
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
		defer s.closeCaseSpeech()
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
		"bytes_in", max(c.Request().Header.ContentLength(), 0), // never c.Body(): an upload is a stream
		"ip", c.IP(),
	)
	return err
}

func (s *Server) routes() {
	s.app.Get("/", s.handleIndexPage)
	s.app.Get("/workbench", s.handleWorkbenchPage)
	s.app.Get("/workbench/transcripts.js", s.handleTranscriptsScript)
	s.app.Get("/stats", s.handleStatsPage)
	s.app.Get("/digest", s.handleDigestPage)
	s.app.Get("/oversight.css", s.handleOversightStyle)
	s.app.Get("/oversight.js", s.handleOversightScript)
	s.app.Get("/acts", s.handleActsPage)
	s.app.Get("/workbench/publication.js", s.handleWorkbenchPublicationJS)
	s.app.Get("/public", s.handlePublicPage)
	s.app.Get("/public/decisions.rss", s.handlePublicRSS)
	s.app.Get("/healthz", s.handleHealth)
	s.app.Get("/openapi.json", s.handleOpenAPI)
	s.app.Get("/readyz", s.handleReady)
	v1 := s.app.Group("/v1")
	v1.Get("/norms/search", s.handleNormSearch)
	v1.Get("/norms/:law/:article", s.handleNormArticle)
	v1.Post("/citations/resolve", s.handleResolve)
	v1.Get("/statutes/status", s.handleStatuteStatus)
	// The library of published decisions (similar-case search); the old
	// GET /v1/cases/search stays for the clients that use it.
	v1.Get("/library/cases/search", s.handleCaseSearch)
	v1.Get("/library/cases/:id", s.handleCaseGet)
	v1.Post("/library/cases", s.requireAdmin, s.handleCasePost)
	v1.Get("/cases/search", s.handleCaseSearch)
	// Sign-in and users (auth.go, users.go).
	v1.Post("/login", s.handleLogin)
	v1.Post("/logout", s.handleLogout)
	v1.Get("/me", s.handleMe)
	v1.Get("/users", s.handleUsersList)
	v1.Post("/users", s.handleUsersAdd)
	v1.Post("/users/:id/disable", s.handleUserDisable)
	v1.Post("/users/:id/enable", s.handleUserEnable)
	v1.Post("/users/:id/tokens", s.handleUserToken)
	v1.Put("/users/:id/cert", s.handleUserCert)
	v1.Put("/agencies/:code", s.handleAgencyPut)
	// Workflow cases (workflow.go, evidence.go).
	v1.Get("/transitions", s.handleTransitions)
	v1.Post("/cases", s.handleWorkCreate)
	v1.Get("/cases", s.handleWorkList)
	v1.Get("/cases/:id", s.handleWorkGet)
	v1.Patch("/cases/:id", s.handleWorkEdit)
	v1.Post("/cases/:id/transitions", s.handleWorkTransition)
	v1.Post("/cases/:id/decision-changes", s.handleDecisionChange)
	v1.Post("/cases/:id/extend", s.handleWorkExtend)
	v1.Post("/cases/:id/share", s.handleWorkShare)
	v1.Post("/cases/:id/analysis", s.handleWorkAnalysis)
	v1.Post("/cases/:id/evidence", s.handleEvidenceUpload)
	v1.Get("/cases/:id/evidence", s.handleEvidenceList)
	v1.Get("/cases/:id/evidence/:digest", s.handleEvidenceGet)
	v1.Get("/cases/:id/timeline", s.handleWorkTimeline)
	// Recordings of a case transcribed (casetranscripts.go).
	v1.Post("/cases/:id/evidence/:digest/transcribe", s.handleCaseTranscribe)
	v1.Get("/cases/:id/evidence/:digest/transcript", s.handleCaseTranscript)
	v1.Post("/cases/:id/evidence/:digest/transcript/versions", s.handleCaseTranscriptEdit)
	v1.Get("/cases/:id/transcripts", s.handleCaseTranscripts)
	// Statistics and early warnings (oversight.go).
	v1.Get("/stats", s.handleStats)
	v1.Get("/warnings", s.handleWarnings)
	v1.Get("/exchange/export", s.handleExchangeExport)
	v1.Post("/exchange/import", s.handleExchangeImport)
	v1.Get("/exchange/records", s.handleExchangeRecords)
	v1.Get("/digest", s.handleDigest)
	// Enforcement acts besides penalty cases (acts.go).
	v1.Post("/acts", s.handleRecordActs)
	v1.Post("/acts/import", s.handleImportActs)
	v1.Get("/acts", s.handleActs)
	v1.Get("/acts/categories", s.handleActCategories)
	v1.Get("/cases/:id/publication", s.handlePublicationGet)
	v1.Patch("/cases/:id/publication", s.handlePublicationEdit)
	v1.Post("/cases/:id/publication/publish", s.handlePublicationPublish)
	v1.Post("/cases/:id/publication/withdraw", s.handlePublicationWithdraw)
	v1.Get("/publications", s.handlePublications)
	v1.Get("/public/decisions", s.handlePublicDecisions)
	v1.Get("/cases/:id/documents", s.handleCaseDocuments)
	v1.Get("/cases/:id/documents/:file", s.handleCaseDocumentDraft)
	v1.Post("/cases/:id/documents/:kind", s.handleCaseDocumentIssue)
	v1.Get("/cases/:id/documents/:kind/versions", s.handleCaseDocumentVersions)
	v1.Get("/cases/:id/documents/:kind/versions/:file", s.handleCaseDocumentVersion)
	// 送达 and the party's statements (caserecords.go).
	v1.Get("/cases/:id/deliveries", s.handleDeliveries)
	v1.Post("/cases/:id/deliveries", s.handleDeliveryRecord)
	v1.Get("/cases/:id/statements", s.handleStatements)
	v1.Post("/cases/:id/statements", s.handleStatementRecord)
	v1.Post("/cases/:id/statements/:seq/answer", s.handleStatementAnswer)
	// 法制审核 and the consistency check (review.go).
	v1.Put("/cases/:id/review", s.handleReviewMark)
	v1.Post("/cases/:id/review/extend", s.handleReviewExtend)
	v1.Get("/cases/:id/consistency", s.handleConsistency)
	v1.Get("/cases/:id/consistency.svg", s.handleConsistencySVG)
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
	s.discussionRoutes(v1) // discussion.go
	s.app.Use(func(c *fiber.Ctx) error {
		return apiError(fiber.StatusNotFound, "route_not_found", "没有这个接口："+c.Method()+" "+c.Path(), "")
	})
}

// healthAnswer is GET /healthz once loaded: the version and how much is
// loaded and indexed.
type healthAnswer struct {
	Status          string `json:"status"`
	Version         string `json:"version"`
	Statutes        int    `json:"statutes"`
	IndexedArticles uint64 `json:"indexed_articles"`
	IndexedCases    uint64 `json:"indexed_cases"`
	Benchmarks      int    `json:"benchmarks"`
	Vectors         bool   `json:"vectors"`
}

func (s *Server) handleHealth(c *fiber.Ctx) error {
	norms, cases, err := s.lib.Index().Counts()
	if err != nil {
		return err
	}
	return c.JSON(healthAnswer{Status: "ok", Version: s.cfg.Version, Statutes: s.lib.Store().StatuteCount(), IndexedArticles: norms,
		IndexedCases: cases, Benchmarks: s.cfg.Catalog.Len(), Vectors: s.lib.VectorsEnabled()})
}

// answerOpts are the encoder options of sonic.ConfigStd (the bytes of
// encoding/json: sorted map keys, compacted marshalers) without a newline
// after a value, and without EscapeHTML and ValidateString, which the
// answer buffer does itself. sonic's escape pass allocates a new copy of
// the whole answer on every call (some 30 KB an analysis, two fifths of
// the bytes a request to /v1/analyze allocated); the buffer escapes into
// room of its own. And checking each string as it is encoded doubled the
// time of encoding an analysis; the buffer checks the encoded answer's
// UTF-8 in one pass and encodes again with ValidateString (which writes
// an invalid byte as \ufffd, as encoding/json does) only when that fails.
const answerOpts = encoder.SortMapKeys | encoder.CompactMarshaler | encoder.NoEncoderNewline

// answerBuffer holds encodeAnswer's two passes: the answer as encoded, and
// escaped for HTML.
type answerBuffer struct{ raw, escaped []byte }

// answerBuffers recycles answerBuffers; maxPooledAnswer bounds what one
// keeps, so that a rare huge answer does not stay in memory.
var answerBuffers sync.Pool

const maxPooledAnswer = 1 << 20

// encodeAnswer writes v to w as the server's JSON (encoding/json's bytes).
func encodeAnswer(w io.Writer, v any) error {
	b := newAnswerBuffer()
	defer b.release()
	if err := b.encode(v); err != nil {
		return err
	}
	b.escaped = encoder.HTMLEscape(b.escaped[:0], b.raw)
	_, err := w.Write(b.escaped)
	return err
}

// marshalAnswer is fiber's JSONEncoder (c.JSON): encoding/json's bytes, in a
// slice of their own, which fiber keeps as the response body.
func marshalAnswer(v any) ([]byte, error) {
	b := newAnswerBuffer()
	defer b.release()
	if err := b.encode(v); err != nil {
		return nil, err
	}
	// HTMLEscape writes in place when the room left is the source's
	// length and its padding; escapes that do not fit grow the slice.
	return encoder.HTMLEscape(make([]byte, 0, len(b.raw)+answerPadding), b.raw), nil
}

// answerPadding is the room sonic's HTMLEscape wants beyond the source's
// length before it writes without growing its destination.
const answerPadding = 64

// newAnswerBuffer takes a buffer from the pool.
func newAnswerBuffer() *answerBuffer {
	if b, _ := answerBuffers.Get().(*answerBuffer); b != nil {
		return b
	}
	return &answerBuffer{}
}

// release gives b back to the pool unless it grew past maxPooledAnswer.
func (b *answerBuffer) release() {
	if cap(b.raw) <= maxPooledAnswer && cap(b.escaped) <= maxPooledAnswer {
		answerBuffers.Put(b)
	}
}

// encode writes v into b.raw, unescaped: UTF-8 checked once over the
// whole, and written again with ValidateString only when that fails.
func (b *answerBuffer) encode(v any) error {
	b.raw = b.raw[:0]
	if err := encoder.EncodeInto(&b.raw, v, answerOpts); err != nil {
		return err
	}
	if !utf8.Validate(b.raw) {
		b.raw = b.raw[:0]
		return encoder.EncodeInto(&b.raw, v, answerOpts|encoder.ValidateString)
	}
	return nil
}

// sendJSON answers with v encoded straight into the response body, which
// fasthttp pools: fiber's c.JSON allocates the encoded answer afresh on
// every request, some 30 KB for an analysis. An error leaves the body to
// the error handler, which replaces it.
func sendJSON(c *fiber.Ctx, v any) error {
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSON)
	return encodeAnswer(c.Response().BodyWriter(), v)
}
