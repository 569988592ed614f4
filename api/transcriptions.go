package api

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/casespeech"
	"github.com/cailiang/cailiang/speech"
)

// DefaultUploadLimit bounds a recording uploaded to /v1/transcriptions:
// about 9 hours of AMR-NB from a phone, 4 hours of 32 kbit/s MP3, 35
// minutes of 16 kHz WAV. The body is held in memory while it is read.
const DefaultUploadLimit = 64 << 20

// uploadPath is the one route that takes a multipart body.
const uploadPath = "/v1/transcriptions"

// isTranscriptAnalysis reports a path of the one speech route that runs
// the case analysis (expensive, and a read).
func isTranscriptAnalysis(path string) bool {
	id, ok := strings.CutPrefix(path, uploadPath+"/")
	id, ok2 := strings.CutSuffix(id, "/analyze")
	return ok && ok2 && id != "" && !strings.Contains(id, "/")
}

// transcription is a job as the API answers it: the job, and once a
// version is approved, the facts read from it with their time spans.
type transcription struct {
	speech.Job
	Analysis *speech.Analysis `json:"analysis,omitempty"`
}

func answerJob(j speech.Job) transcription {
	t := transcription{Job: j}
	if j.Record != nil {
		if v, ok := j.Record.Approved(); ok {
			a := v.Analyze()
			t.Analysis = &a
		}
	}
	return t
}

// handleTranscriptionPost answers POST /v1/transcriptions: a multipart
// upload (field "file") → 202 with the queued job.
func (s *Server) handleTranscriptionPost(c *fiber.Ctx) error {
	if !s.cfg.Speech.Configured() {
		return speech.ErrNoEngine
	}
	fh, err := c.FormFile("file")
	if err != nil {
		return invalid("file", "请以 multipart/form-data 上传录音，字段名为 file")
	}
	f, err := fh.Open()
	if err != nil {
		return invalid("file", "无法读取上传的录音")
	}
	defer f.Close()
	j, err := s.cfg.Speech.Submit(c.UserContext(), fh.Filename, f)
	if err != nil {
		return err
	}
	c.Location(uploadPath + "/" + j.ID)
	return c.Status(fiber.StatusAccepted).JSON(answerJob(j))
}

// handleTranscriptionGet answers GET /v1/transcriptions/{id}: progress,
// result, record versions and the approved version's facts.
func (s *Server) handleTranscriptionGet(c *fiber.Ctx) error {
	j, err := s.cfg.Speech.Get(c.Params("id"))
	if err != nil {
		return err
	}
	return sendJSON(c, answerJob(j))
}

// transcriptionsAnswer is GET /v1/transcriptions.
type transcriptionsAnswer struct {
	Transcriptions []speech.Job `json:"transcriptions"`
}

// handleTranscriptionList answers GET /v1/transcriptions: every job,
// newest first, without results.
func (s *Server) handleTranscriptionList(c *fiber.Ctx) error {
	jobs, err := s.cfg.Speech.List()
	if err != nil {
		return err
	}
	return sendJSON(c, transcriptionsAnswer{Transcriptions: jobs})
}

// handleTranscriptionEdit answers POST /v1/transcriptions/{id}/versions:
// an officer's edit (speakers or turns, editor, approve) → 201 with the
// job and its new version.
func (s *Server) handleTranscriptionEdit(c *fiber.Ctx) error {
	if !s.cfg.Speech.Configured() {
		return speech.ErrNoEngine
	}
	var e speech.Edit
	if err := decodeStrict(c.Body(), &e); err != nil {
		return err
	}
	j, err := s.cfg.Speech.Edit(c.Params("id"), e)
	if err != nil {
		return err
	}
	c.Status(fiber.StatusCreated)
	return sendJSON(c, answerJob(j))
}

// transcriptAnalysis is the case analysis of an approved record, with
// each fact's link to the recording.
type transcriptAnalysis struct {
	Version  int                 `json:"version"`
	Text     string              `json:"text"`
	Links    []speech.FactLink   `json:"links"`
	Analysis caseanalysis.Result `json:"analysis"`
}

// handleTranscriptionAnalyze answers POST /v1/transcriptions/{id}/analyze
// ({"sector": "…"} or an empty object): the approved record's text
// through the same analysis as /v1/analyze, and where in the recording
// each extracted fact was said.
func (s *Server) handleTranscriptionAnalyze(c *fiber.Ctx) error {
	if !s.cfg.Speech.Configured() {
		return speech.ErrNoEngine
	}
	if s.cfg.Analyzer == nil {
		return apiError(fiber.StatusServiceUnavailable, "analysis_unavailable", "案件分析未启用", "")
	}
	var req caseanalysis.Request
	if len(c.Body()) > 0 {
		if err := decodeStrict(c.Body(), &req); err != nil {
			return err
		}
	}
	if req.Facts != "" {
		return invalid("facts", "分析的是已确认的笔录，不接受 facts")
	}
	a, err := s.cfg.Speech.Approved(c.Params("id"))
	if err != nil {
		return err
	}
	req.Facts = a.Text
	res, err := s.cfg.Analyzer.Analyze(c.UserContext(), req)
	if err != nil {
		return err
	}
	return sendJSON(c, transcriptAnalysis{Version: a.Version, Text: a.Text, Links: a.Links, Analysis: res})
}

// classifySpeech maps the speech package's errors; ok is false for others.
func classifySpeech(err error) (int, Error, bool) {
	var ee *speech.EditError
	switch {
	case errors.As(err, &ee):
		return fiber.StatusBadRequest, Error{Code: "invalid_input", Message: ee.Error(), Field: ee.Field}, true
	case errors.Is(err, speech.ErrNoEngine):
		return fiber.StatusServiceUnavailable, Error{Code: "asr_not_configured",
			Message: "未配置语音识别服务：请设置 CAILIANG_ASR_URL 与 CAILIANG_ASR_MODEL（OpenAI 兼容的 /v1/audio/transcriptions 服务）"}, true
	case errors.Is(err, speech.ErrUnreadableAudio):
		return fiber.StatusBadRequest, Error{Code: "unreadable_audio", Message: speech.FailureMessage(err), Field: "file"}, true
	case errors.Is(err, speech.ErrTooLong):
		return fiber.StatusRequestEntityTooLarge, Error{Code: "audio_too_long", Message: "录音过长或文件过大：" + strings.TrimPrefix(err.Error(), speech.ErrTooLong.Error()+": "), Field: "file"}, true
	case errors.Is(err, speech.ErrNoConverter):
		return fiber.StatusServiceUnavailable, Error{Code: "converter_missing", Message: speech.FailureMessage(err)}, true
	case errors.Is(err, casespeech.ErrRunning):
		return fiber.StatusConflict, Error{Code: "transcription_running", Message: "这段录音正在转写，请等待完成", Field: "digest"}, true
	case errors.Is(err, speech.ErrNotFound):
		return fiber.StatusNotFound, Error{Code: "not_found", Message: "没有这个转写任务", Field: "id"}, true
	case errors.Is(err, speech.ErrNotApproved):
		return fiber.StatusConflict, Error{Code: "not_approved", Message: "笔录尚未确认：请先确认（approve）一个版本再分析", Field: "id"}, true
	case errors.Is(err, speech.ErrNotReady):
		return fiber.StatusConflict, Error{Code: "transcription_not_ready", Message: "转写尚未完成，还没有笔录可以修改", Field: "id"}, true
	}
	return 0, Error{}, false
}
