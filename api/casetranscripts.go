package api

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/casespeech"
	"github.com/cailiang/cailiang/speech"
)

// Recordings of a case transcribed (issue 17): POST
// /v1/cases/:id/evidence/:digest/transcribe starts the background job, GET
// …/transcript shows its progress, result and record versions with the
// approved version's facts and their time spans, POST …/transcript/versions
// keeps an officer's version (approving one attaches its analysis to the
// case); GET /v1/cases/:id/transcripts lists a case's.

// caseSpeech returns the case transcription service, made on first use
// once the workbench is there; nil without a workbench.
func (s *Server) caseSpeech() (*casespeech.Service, error) {
	if cs := s.speechCases.Load(); cs != nil {
		return cs, nil
	}
	work := s.casework()
	if work == nil {
		return nil, errNoWorkbench
	}
	cfg := casespeech.Config{Casework: work, Speech: s.cfg.Speech, Logger: s.log}
	if s.cfg.Analyzer != nil {
		cfg.Analyzer = s.cfg.Analyzer
	}
	cs, err := casespeech.New(cfg)
	if err != nil {
		return nil, err
	}
	if !s.speechCases.CompareAndSwap(nil, cs) {
		cs.Close()
	}
	return s.speechCases.Load(), nil
}

// closeCaseSpeech stops running case transcriptions (at shutdown).
func (s *Server) closeCaseSpeech() {
	if cs := s.speechCases.Load(); cs != nil {
		cs.Close()
	}
}

// recordingCall opens a request about recording :digest of case :id.
func (s *Server) recordingCall(c *fiber.Ctx) (caseCall, string, *casespeech.Service, error) {
	r, err := s.openCase(c, nil)
	if err != nil {
		return r, "", nil, err
	}
	digest := c.Params("digest")
	if len(digest) != 64 || strings.Trim(digest, "0123456789abcdef") != "" {
		return r, "", nil, invalid("digest", "digest 应为 64 位小写十六进制 SHA-256")
	}
	cs, err := s.caseSpeech()
	return r, strings.Clone(digest), cs, err
}

// handleCaseTranscribe answers POST /v1/cases/:id/evidence/:digest/transcribe
// (body {}): 202 with the transcript, running.
func (s *Server) handleCaseTranscribe(c *fiber.Ctx) error {
	if len(c.Body()) > 0 {
		var none struct{}
		if err := decodeStrict(c.Body(), &none); err != nil {
			return err
		}
	}
	r, digest, cs, err := s.recordingCall(c)
	if err != nil {
		return err
	}
	if !s.cfg.Speech.Configured() {
		return speech.ErrNoEngine
	}
	v, err := cs.Start(c.UserContext(), r.u, r.id, digest)
	if err != nil {
		return err
	}
	c.Location("/v1/cases/" + r.id + "/evidence/" + digest + "/transcript")
	c.Status(fiber.StatusAccepted)
	return sendJSON(c, v)
}

// handleCaseTranscript answers GET /v1/cases/:id/evidence/:digest/transcript.
func (s *Server) handleCaseTranscript(c *fiber.Ctx) error {
	r, digest, cs, err := s.recordingCall(c)
	if err != nil {
		return err
	}
	v, err := cs.Get(c.UserContext(), r.u, r.id, digest)
	if err != nil {
		return err
	}
	return sendJSON(c, v)
}

// caseTranscriptsAnswer is GET /v1/cases/:id/transcripts.
type caseTranscriptsAnswer struct {
	CaseID      string            `json:"case_id"`
	Transcripts []casespeech.View `json:"transcripts"`
}

// handleCaseTranscripts answers GET /v1/cases/:id/transcripts.
func (s *Server) handleCaseTranscripts(c *fiber.Ctx) error {
	r, err := s.openCase(c, nil)
	if err != nil {
		return err
	}
	cs, err := s.caseSpeech()
	if err != nil {
		return err
	}
	list, err := cs.List(c.UserContext(), r.u, r.id)
	if err != nil {
		return err
	}
	return sendJSON(c, caseTranscriptsAnswer{CaseID: r.id, Transcripts: list})
}

// handleCaseTranscriptEdit answers POST
// /v1/cases/:id/evidence/:digest/transcript/versions: {"version", "speakers"
// or "turns", "approve", "sector"} → 201 with the transcript.
func (s *Server) handleCaseTranscriptEdit(c *fiber.Ctx) error {
	r, digest, cs, err := s.recordingCall(c)
	if err != nil {
		return err
	}
	var e casespeech.Edit
	if err := decodeStrict(c.Body(), &e); err != nil {
		return err
	}
	if e.Version <= 0 {
		return invalid("version", "缺少 version：请传入读取笔录时的版本号（防止覆盖他人的修改）")
	}
	v, err := cs.Edit(c.UserContext(), r.u, r.id, digest, e)
	if err != nil {
		return err
	}
	c.Status(fiber.StatusCreated)
	return sendJSON(c, v)
}
