// Package casespeech links transcription to cases (issue 17): a recording
// attached to a case as evidence is transcribed in the background (progress
// visible), the result and every version of the 询问笔录 drawn from it are
// kept with the case through casework.Service (each change with its
// full-process log entry), and approving a version runs the case analysis on
// its text and attaches it to the case, every extracted fact linked to the
// time span of the recording it was said in.
//
// It sits beside caseanalysis: it uses casework (the record), speech (the
// engine, conversion, chunks, the record's text and fact links) and the
// case analysis; app wires it, api serves it.
package casespeech

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/cailiang/cailiang/caseanalysis"
	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/speech"
)

// Analyzer is the case analysis an approved record runs through (the same
// as POST /v1/analyze).
type Analyzer interface {
	Analyze(ctx context.Context, req caseanalysis.Request) (caseanalysis.Result, error)
}

// ErrRunning: the recording is being transcribed by this process now.
var ErrRunning = errors.New("casespeech: transcription already running")

// Config configures a Service.
type Config struct {
	// Casework keeps the transcripts (required).
	Casework *casework.Service
	// Speech transcribes; nil or one without an engine makes Start return
	// speech.ErrNoEngine (reading kept transcripts still works).
	Speech *speech.Service
	// Analyzer reads approved records; nil attaches no analysis.
	Analyzer Analyzer
	// Dir holds recordings copied out of the evidence store while they are
	// transcribed ("" for the system's temporary directory).
	Dir string
	// Logger receives job summaries; nil discards them.
	Logger *slog.Logger
}

// Service runs case transcriptions and keeps their records.
type Service struct {
	cfg  Config
	log  *slog.Logger
	ctx  context.Context
	stop context.CancelFunc
	wg   sync.WaitGroup
	mu   sync.Mutex
	// running holds the progress of transcriptions this process runs.
	running map[key]*Progress
}

type key struct{ caseID, digest string }

// Progress is how far a running transcription is: chunks sent and answered
// of the chunks planned (0 of 0 while the recording is converted).
type Progress struct {
	ChunksDone  int `json:"chunks_done"`
	ChunksTotal int `json:"chunks_total"`
}

// New returns a Service; casework.ErrInvalid without Casework.
func New(cfg Config) (*Service, error) {
	if cfg.Casework == nil {
		return nil, fmt.Errorf("casespeech: no casework service: %w", casework.ErrInvalid)
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	ctx, stop := context.WithCancel(context.Background())
	return &Service{cfg: cfg, log: log, ctx: ctx, stop: stop, running: map[key]*Progress{}}, nil
}

// Close stops running transcriptions (each is recorded as failed) and waits
// for them.
func (s *Service) Close() {
	s.stop()
	s.wg.Wait()
}

// View is a transcript as the workbench shows it: the stored record, the
// progress when it runs here, and the approved version's facts with the
// time span of the recording each was said in.
type View struct {
	casework.Transcript
	Progress *Progress        `json:"progress,omitempty"`
	Facts    *speech.Analysis `json:"facts,omitempty"`
}

// Start begins transcribing recording digest of case id in the background
// and returns its view at once. A transcription left running by a stopped
// process is recorded as failed and started again. Errors:
// speech.ErrNoEngine, ErrRunning, and casework's (ErrNotFound,
// ErrForbidden, ErrStage, ErrInvalid for evidence that is not a recording,
// ErrExists when it is already transcribed).
func (s *Service) Start(ctx context.Context, actor casework.User, id, digest string) (View, error) {
	if !s.cfg.Speech.Configured() {
		return View{}, speech.ErrNoEngine
	}
	k := key{id, digest}
	s.mu.Lock()
	_, busy := s.running[k]
	if !busy {
		s.running[k] = &Progress{}
	}
	s.mu.Unlock()
	if busy {
		// The job records its result before it leaves s.running: a
		// recording whose transcript is already done is transcribed, not
		// running, whichever side of that moment the request falls on.
		if old, err := s.cfg.Casework.Transcript(ctx, actor, id, digest); err == nil && old.Status == casework.TranscriptDone {
			return View{}, fmt.Errorf("%w: %s of %s is transcribed", casework.ErrExists, digest, id)
		}
		return View{}, fmt.Errorf("%w: %s of %s", ErrRunning, digest, id)
	}
	started := false
	defer func() {
		if !started {
			s.done(k)
		}
	}()
	ev, rc, err := s.cfg.Casework.OpenEvidence(ctx, actor, id, digest)
	if err != nil {
		return View{}, err
	}
	t, err := s.cfg.Casework.StartTranscript(ctx, actor, id, digest)
	if errors.Is(err, casework.ErrExists) {
		// Running in the store but not here: the process that ran it
		// stopped (see the package's README section on several nodes).
		if old, gerr := s.cfg.Casework.Transcript(ctx, actor, id, digest); gerr == nil && old.Status == casework.TranscriptRunning {
			if _, ferr := s.cfg.Casework.FinishTranscript(ctx, id, digest, nil, "转写中断（服务重启），已重新开始"); ferr == nil {
				t, err = s.cfg.Casework.StartTranscript(ctx, actor, id, digest)
			}
		}
	}
	if err != nil {
		rc.Close()
		return View{}, err
	}
	started = true
	s.wg.Add(1)
	go s.run(k, ev, rc)
	return View{Transcript: t, Progress: &Progress{}}, nil
}

func (s *Service) done(k key) {
	s.mu.Lock()
	delete(s.running, k)
	s.mu.Unlock()
}

// run copies the recording out of the evidence store, transcribes it and
// records the result or the failure.
func (s *Service) run(k key, ev casework.Evidence, rc io.ReadCloser) {
	defer s.wg.Done()
	defer s.done(k)
	res, err := s.transcribe(k, rc)
	var out *casework.TranscriptResult
	reason := ""
	if err != nil {
		reason = speech.FailureMessage(err)
		s.log.Warn("case transcription failed", "case", k.caseID, "digest", k.digest, "err", err)
	} else {
		out = fromResult(res)
		s.log.Info("case transcription done", "case", k.caseID, "digest", k.digest, "name", ev.Name, "model", res.Model,
			"seconds", res.Duration, "chunks", res.Chunks, "segments", len(res.Segments))
	}
	// The record is written even when Close cancelled the work: the
	// transcript must not stay "running" in the store.
	if _, err := s.cfg.Casework.FinishTranscript(context.Background(), k.caseID, k.digest, out, reason); err != nil {
		s.log.Error("record case transcription", "case", k.caseID, "digest", k.digest, "err", err)
	}
}

func (s *Service) transcribe(k key, rc io.ReadCloser) (speech.Result, error) {
	defer rc.Close()
	f, err := os.CreateTemp(s.cfg.Dir, "recording-*")
	if err != nil {
		return speech.Result{}, fmt.Errorf("copy recording: %w", err)
	}
	defer os.Remove(f.Name())
	_, err = io.Copy(f, rc)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return speech.Result{}, fmt.Errorf("copy recording: %w", err)
	}
	res, err := s.cfg.Speech.TranscribeFile(s.ctx, f.Name(), func(done, total int) {
		s.mu.Lock()
		if p := s.running[k]; p != nil {
			p.ChunksDone, p.ChunksTotal = done, total
		}
		s.mu.Unlock()
	})
	if err == nil && res.SHA256 != k.digest {
		err = fmt.Errorf("%w: the copy of %s reads as %s", speech.ErrUnreadableAudio, k.digest, res.SHA256)
	}
	return res, err
}

// fromResult is a speech result as the case keeps it, with the
// machine-made draft of the record.
func fromResult(r speech.Result) *casework.TranscriptResult {
	out := &casework.TranscriptResult{Model: r.Model, SHA256: r.SHA256, Duration: r.Duration, Chunks: r.Chunks}
	for _, sg := range r.Segments {
		out.Segments = append(out.Segments, casework.TranscriptSegment{Start: sg.Start, End: sg.End, Text: sg.Text})
	}
	draft := speech.DraftRecord(r.Segments, time.Time{})
	out.Draft = fromTurns(draft.Latest().Turns)
	return out
}

func fromTurns(ts []speech.Turn) []casework.TranscriptTurn {
	out := make([]casework.TranscriptTurn, len(ts))
	for i, t := range ts {
		out[i] = casework.TranscriptTurn{Speaker: t.Speaker, Start: t.Start, End: t.End, Text: t.Text}
	}
	return out
}

// toVersion is a stored version as the speech package reads it.
func toVersion(v casework.TranscriptVersion) speech.Version {
	out := speech.Version{N: v.N, Editor: v.Editor, At: v.At, Approved: v.Approved, Turns: make([]speech.Turn, len(v.Turns))}
	for i, t := range v.Turns {
		out.Turns[i] = speech.Turn{Speaker: t.Speaker, Start: t.Start, End: t.End, Text: t.Text}
	}
	return out
}

// view adds progress and the approved version's facts to a transcript.
func (s *Service) view(t casework.Transcript) View {
	v := View{Transcript: t}
	s.mu.Lock()
	if p := s.running[key{t.CaseID, t.Digest}]; p != nil && t.Status == casework.TranscriptRunning {
		cp := *p
		v.Progress = &cp
	}
	s.mu.Unlock()
	if a, ok := t.Approved(); ok {
		facts := toVersion(a).Analyze()
		v.Facts = &facts
	}
	return v
}

// Get returns the transcript of recording digest on case id. Errors:
// casework's ErrNotFound, ErrForbidden.
func (s *Service) Get(ctx context.Context, actor casework.User, id, digest string) (View, error) {
	t, err := s.cfg.Casework.Transcript(ctx, actor, id, digest)
	if err != nil {
		return View{}, err
	}
	return s.view(t), nil
}

// List returns the transcripts of case id. Errors: casework's
// ErrNotFound, ErrForbidden.
func (s *Service) List(ctx context.Context, actor casework.User, id string) ([]View, error) {
	ts, err := s.cfg.Casework.Transcripts(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	out := make([]View, 0, len(ts))
	for _, t := range ts {
		out = append(out, s.view(t))
	}
	return out, nil
}

// Edit is an officer's change to a case's record: Speakers (one label per
// turn of the latest version) or Turns (the whole record), based on
// transcript version Version; Approve runs the case analysis (in Sector,
// when given) on the new version's text and attaches it to the case.
type Edit struct {
	Version  int64         `json:"version"`
	Speakers []string      `json:"speakers,omitempty"`
	Turns    []speech.Turn `json:"turns,omitempty"`
	Approve  bool          `json:"approve"`
	Sector   legal.Sector  `json:"sector,omitempty"`
}

// Edit adds the officer's version to the record of recording digest on case
// id, the editor being the signed-in officer. Errors: a *speech.EditError
// (wrapping speech.ErrInvalid) for an edit that cannot be kept, the
// analysis' errors, casework's (ErrNotFound, ErrForbidden, ErrStage before
// the transcription is done or once the case can no longer change,
// ErrConflict when the record changed since e.Version).
func (s *Service) Edit(ctx context.Context, actor casework.User, id, digest string, e Edit) (View, error) {
	t, err := s.cfg.Casework.Transcript(ctx, actor, id, digest)
	if err != nil {
		return View{}, err
	}
	if !actor.Has(casework.RoleOfficer) {
		// Refused before the analysis spends its CPU (casework checks again).
		return View{}, fmt.Errorf("edit the record of %s: %w", id, casework.ErrForbidden)
	}
	latest, ok := t.Latest()
	if t.Status != casework.TranscriptDone || !ok {
		return View{}, fmt.Errorf("transcript of %s on %s is %s: %w", digest, id, t.Status, casework.ErrStage)
	}
	// The record names the signed-in user as editor (casework keeps the
	// actor); speech's editor field only has to pass its check.
	v, err := speech.Edit{Editor: "办案人员", Speakers: e.Speakers, Turns: e.Turns, Approve: e.Approve}.Apply(toVersion(latest), t.Duration)
	if err != nil {
		return View{}, err
	}
	ed := casework.TranscriptEdit{Version: e.Version, Turns: fromTurns(v.Turns), Approve: e.Approve}
	if e.Approve && s.cfg.Analyzer != nil {
		text, _ := v.Text()
		res, err := s.cfg.Analyzer.Analyze(ctx, caseanalysis.Request{Facts: text, Sector: e.Sector})
		if err != nil {
			return View{}, fmt.Errorf("analyse the approved record: %w", err)
		}
		if ed.Analysis, err = json.Marshal(res); err != nil {
			return View{}, fmt.Errorf("encode analysis: %w", err)
		}
	}
	t, err = s.cfg.Casework.AddTranscriptVersion(ctx, actor, id, digest, ed)
	if err != nil {
		return View{}, err
	}
	return s.view(t), nil
}
