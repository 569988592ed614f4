package casework

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// A recording attached to a case as evidence can be transcribed; its
// transcript (the engine's segments, model and the audio digest) and every
// version of the 询问笔录 drawn from it are kept with the case, each change
// with its full-process log entry. The transcription itself (engine,
// conversion, chunks) happens outside this package; casework only keeps the
// record of it.

// Transcript states.
const (
	TranscriptRunning = "transcribing"
	TranscriptDone    = "done"
	TranscriptFailed  = "failed"
)

// Limits of a transcript.
const (
	maxTranscriptTurns = 5000
	maxTurnText        = 16 << 10
	maxSpeaker         = 10
)

// TranscriptSegment is what the engine heard: [Start, End) seconds of the
// recording and the text.
type TranscriptSegment struct {
	Start float64 `json:"start"`
	End   float64 `json:"end"`
	Text  string  `json:"text"`
}

// TranscriptTurn is one speaker's turn in a version of the record.
type TranscriptTurn struct {
	Speaker string  `json:"speaker"`
	Start   float64 `json:"start"`
	End     float64 `json:"end"`
	Text    string  `json:"text"`
}

// TranscriptVersion is one state of the 询问笔录: who made it (a user ID, or
// SystemActor for the machine draft), when, and whether it is approved.
type TranscriptVersion struct {
	N        int              `json:"n"`
	Editor   string           `json:"editor"`
	At       time.Time        `json:"at"`
	Approved bool             `json:"approved"`
	Turns    []TranscriptTurn `json:"turns"`
}

// Transcript is the transcription of one recording of a case.
type Transcript struct {
	// CaseID and Digest (the recording's SHA-256, its evidence digest) name it.
	CaseID string `json:"case_id"`
	Digest string `json:"digest"`
	// Version increases with every change (optimistic updates, as cases).
	Version int64 `json:"version"`
	// Status is TranscriptRunning, TranscriptDone or TranscriptFailed;
	// Error is the officer-facing reason of a failure.
	Status string `json:"status"`
	Error  string `json:"error,omitempty"`
	// Model is the engine's model; Duration the recording's length (s);
	// Chunks how many pieces were sent.
	Model    string              `json:"model,omitempty"`
	Duration float64             `json:"duration,omitempty"`
	Chunks   int                 `json:"chunks,omitempty"`
	Segments []TranscriptSegment `json:"segments,omitempty"`
	// Versions of the record, oldest first (the draft is 1).
	Versions []TranscriptVersion `json:"versions,omitempty"`
	// StartedBy, Started and Finished say who asked for it and when.
	StartedBy string    `json:"started_by"`
	Started   time.Time `json:"started"`
	Finished  time.Time `json:"finished,omitzero"`
}

// Latest is the newest version; ok is false before the transcription is done.
func (t Transcript) Latest() (TranscriptVersion, bool) {
	if len(t.Versions) == 0 {
		return TranscriptVersion{}, false
	}
	return t.Versions[len(t.Versions)-1], true
}

// Approved is the newest approved version; ok is false when none is.
func (t Transcript) Approved() (TranscriptVersion, bool) {
	for i := len(t.Versions) - 1; i >= 0; i-- {
		if t.Versions[i].Approved {
			return t.Versions[i], true
		}
	}
	return TranscriptVersion{}, false
}

// TranscriptResult is a finished transcription: the engine's segments and
// the machine-made draft of the record (version 1).
type TranscriptResult struct {
	Model    string
	SHA256   string
	Duration float64
	Chunks   int
	Segments []TranscriptSegment
	Draft    []TranscriptTurn
}

// isRecording reports whether an evidence type is audio or video.
func isRecording(mediaType string) bool {
	return strings.HasPrefix(mediaType, "audio/") || strings.HasPrefix(mediaType, "video/") || mediaType == "application/ogg"
}

// StartTranscript records that the recording digest of case id is being
// transcribed (the agency's officers, before the case ends). A failed
// transcription may be started again; a running one or one with a record is
// ErrExists. Errors: ErrNotFound (case, or no such evidence), ErrForbidden,
// ErrStage (case ended), ErrInvalid (the evidence is not a recording).
func (s *Service) StartTranscript(ctx context.Context, actor User, id, digest string) (Transcript, error) {
	var out Transcript
	err := s.cfg.Store.Update(ctx, func(tx Tx) error {
		c, err := officerCase(tx, actor, id, "transcribe evidence of")
		if err != nil {
			return err
		}
		if c.Stage.Ended() {
			return fmt.Errorf("case %s has ended: %w", c.ID, ErrStage)
		}
		evs, err := tx.Evidence(id)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(evs, func(e Evidence) bool { return e.Digest == digest })
		if i < 0 {
			return fmt.Errorf("evidence %s of case %s: %w", digest, id, ErrNotFound)
		}
		if !isRecording(evs[i].MediaType) {
			return fmt.Errorf("evidence %s is %s, not a recording: %w", digest, evs[i].MediaType, ErrInvalid)
		}
		var before any
		prev := int64(0)
		t := Transcript{CaseID: id, Digest: digest}
		if old, err := tx.Transcript(id, digest); err == nil {
			if old.Status != TranscriptFailed {
				return fmt.Errorf("transcript of %s on %s is %s: %w", digest, id, old.Status, ErrExists)
			}
			before, prev, t = old, old.Version, old
		} else if !errors.Is(err, ErrNotFound) {
			return err
		}
		t.Version, t.Status, t.Error, t.StartedBy, t.Started, t.Finished = prev+1, TranscriptRunning, "", actor.ID, s.now(), time.Time{}
		if err := tx.PutTranscript(t, prev); err != nil {
			return err
		}
		out = t
		return s.appendEntry(tx, Entry{Actor: actor.ID, Role: RoleOfficer, Agency: c.Agency, Action: "transcript.start", CaseID: id,
			Subject: digest, Evidence: []string{digest}, Note: "开始转写录音：" + evs[i].Name}, before, t)
	})
	return out, err
}

// FinishTranscript stores the result of a running transcription (the
// service's own change: actor SystemActor) with the draft as version 1; a
// nil res with a reason marks it failed. Errors: ErrNotFound, ErrStage (not
// running), ErrInvalid (a result whose digest is not the recording's, or
// whose draft is malformed).
func (s *Service) FinishTranscript(ctx context.Context, id, digest string, res *TranscriptResult, reason string) (Transcript, error) {
	if res != nil {
		if res.SHA256 != digest {
			return Transcript{}, fmt.Errorf("result of audio %s for recording %s: %w", res.SHA256, digest, ErrInvalid)
		}
		if err := validTurns(res.Draft, res.Duration); err != nil {
			return Transcript{}, err
		}
	}
	var out Transcript
	err := s.cfg.Store.Update(ctx, func(tx Tx) error {
		t, err := tx.Transcript(id, digest)
		if err != nil {
			return err
		}
		if t.Status != TranscriptRunning {
			return fmt.Errorf("transcript of %s on %s is %s: %w", digest, id, t.Status, ErrStage)
		}
		before := t
		t.Version++
		t.Finished = s.now()
		e := Entry{Actor: SystemActor, Action: "transcript.fail", CaseID: id, Subject: digest, Note: "转写失败：" + reason}
		if res == nil {
			t.Status, t.Error = TranscriptFailed, reason
		} else {
			t.Status, t.Model, t.Duration, t.Chunks = TranscriptDone, res.Model, res.Duration, res.Chunks
			t.Segments = slices.Clone(res.Segments)
			t.Versions = []TranscriptVersion{{N: 1, Editor: SystemActor, At: t.Finished, Turns: slices.Clone(res.Draft)}}
			e.Action = "transcript.done"
			e.Note = fmt.Sprintf("转写完成：模型 %s，录音 SHA-256 %s，时长 %.1f 秒，%d 段；笔录草稿为第 1 版", res.Model, digest, res.Duration, len(res.Segments))
		}
		if err := tx.PutTranscript(t, before.Version); err != nil {
			return err
		}
		c, err := tx.Case(id)
		if err != nil {
			return err
		}
		e.Agency = c.Agency
		out = t
		return s.appendEntry(tx, e, before, t)
	})
	return out, err
}

// TranscriptEdit is an officer's new version of the record: the whole list
// of turns (the caller applies speaker corrections to the latest version),
// based on transcript version Version; Approve marks it the text analysis
// reads, and Analysis (JSON, optional, only with Approve) is that analysis,
// attached to the case in the same transaction.
type TranscriptEdit struct {
	Version  int64
	Turns    []TranscriptTurn
	Approve  bool
	Analysis json.RawMessage
}

// AddTranscriptVersion stores an officer's version of the record of
// recording digest on case id (the agency's officers, while the case's
// content may change), with the log entry naming the editor; an approved
// version's analysis replaces the case's. Errors: ErrNotFound, ErrForbidden,
// ErrStage (not transcribed yet, or the case can no longer change),
// ErrConflict (the transcript changed since ed.Version), ErrInvalid.
func (s *Service) AddTranscriptVersion(ctx context.Context, actor User, id, digest string, ed TranscriptEdit) (Transcript, error) {
	if ed.Analysis != nil && (!ed.Approve || len(ed.Analysis) > maxAnalysis || !json.Valid(ed.Analysis)) {
		return Transcript{}, fmt.Errorf("analysis: only with approve, JSON of at most 1 MiB: %w", ErrInvalid)
	}
	var out Transcript
	err := s.cfg.Store.Update(ctx, func(tx Tx) error {
		c, err := officerCase(tx, actor, id, "edit the record of")
		if err != nil {
			return err
		}
		if !slices.Contains(editableStages, c.Stage) {
			return fmt.Errorf("case %s in %s: content can no longer change: %w", c.ID, c.Stage, ErrStage)
		}
		t, err := tx.Transcript(id, digest)
		if err != nil {
			return err
		}
		if t.Status != TranscriptDone {
			return fmt.Errorf("transcript of %s on %s is %s: %w", digest, id, t.Status, ErrStage)
		}
		if t.Version != ed.Version {
			return fmt.Errorf("transcript of %s is at version %d, not %d: %w", digest, t.Version, ed.Version, ErrConflict)
		}
		if err := validTurns(ed.Turns, t.Duration); err != nil {
			return err
		}
		before := t
		t.Versions = slices.Clone(t.Versions)
		v := TranscriptVersion{N: len(t.Versions) + 1, Editor: actor.ID, At: s.now(), Approved: ed.Approve, Turns: slices.Clone(ed.Turns)}
		t.Versions = append(t.Versions, v)
		t.Version++
		if err := tx.PutTranscript(t, before.Version); err != nil {
			return err
		}
		note := fmt.Sprintf("修改询问笔录：第 %d 版，修改人 %s（%s），%d 段", v.N, actor.Name, actor.ID, len(v.Turns))
		if v.Approved {
			note += "，已确认"
		}
		if err := s.appendEntry(tx, Entry{Actor: actor.ID, Role: RoleOfficer, Agency: c.Agency, Action: "transcript.version", CaseID: id,
			Subject: digest, Note: note}, before, t); err != nil {
			return err
		}
		out = t
		if ed.Analysis == nil {
			return nil
		}
		prev := c
		c.Analysis = slices.Clone(ed.Analysis)
		c.Version, c.Updated = prev.Version+1, s.now()
		if err := tx.UpdateCase(c, prev.Version); err != nil {
			return err
		}
		return s.appendEntry(tx, Entry{Actor: actor.ID, Role: RoleOfficer, Agency: c.Agency, Action: "case.update", CaseID: id,
			Subject: digest, Note: fmt.Sprintf("修改：分析结果（依据已确认的询问笔录第 %d 版）", v.N)}, prev, c)
	})
	return out, err
}

// officerCase reads case id in tx for a change by one of its agency's
// officers: ErrNotFound, or ErrForbidden (op names the change).
func officerCase(tx ReadTx, actor User, id, op string) (Case, error) {
	c, err := tx.Case(id)
	if err != nil {
		return Case{}, err
	}
	if !canWork(actor, c, RoleOfficer) {
		return Case{}, denied(c, op)
	}
	return c, nil
}

// validTurns checks a version's turns: 1 to maxTranscriptTurns, speakers
// short labels, text valid, times within the recording and in order.
func validTurns(turns []TranscriptTurn, duration float64) error {
	if len(turns) == 0 || len(turns) > maxTranscriptTurns {
		return fmt.Errorf("turns: 1 to %d: %w", maxTranscriptTurns, ErrInvalid)
	}
	prev := 0.0
	for i, t := range turns {
		field := fmt.Sprintf("turns[%d]", i)
		if err := validText(field+".speaker", t.Speaker, maxSpeaker, false); err != nil {
			return err
		}
		if strings.TrimSpace(t.Speaker) == "" {
			return fmt.Errorf("%s.speaker: empty: %w", field, ErrInvalid)
		}
		if len(t.Text) > maxTurnText {
			return fmt.Errorf("%s.text: over %d bytes: %w", field, maxTurnText, ErrInvalid)
		}
		if err := validText(field+".text", t.Text, maxTurnText, true); err != nil {
			return err
		}
		if math.IsNaN(t.Start) || math.IsNaN(t.End) || t.Start < prev || t.End < t.Start || t.End > duration+0.001 {
			return fmt.Errorf("%s: times %.3f–%.3f out of order or beyond %.3f s: %w", field, t.Start, t.End, duration, ErrInvalid)
		}
		prev = t.Start
	}
	return nil
}

// Transcript returns the transcript of recording digest on case id (the
// agency's staff). Errors: ErrNotFound, ErrForbidden.
func (s *Service) Transcript(ctx context.Context, actor User, id, digest string) (Transcript, error) {
	c, err := s.Case(ctx, actor, id)
	if err != nil {
		return Transcript{}, err
	}
	if actor.Agency != c.Agency {
		return Transcript{}, denied(c, "read transcripts of")
	}
	var out Transcript
	err = s.cfg.Store.View(ctx, func(tx ReadTx) (err error) { out, err = tx.Transcript(id, digest); return err })
	return out, err
}

// Transcripts lists the transcripts of case id (the agency's staff), in
// the order they were started. Errors: ErrNotFound, ErrForbidden.
func (s *Service) Transcripts(ctx context.Context, actor User, id string) ([]Transcript, error) {
	c, err := s.Case(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	if actor.Agency != c.Agency {
		return nil, denied(c, "read transcripts of")
	}
	var out []Transcript
	err = s.cfg.Store.View(ctx, func(tx ReadTx) (err error) { out, err = tx.Transcripts(id); return err })
	return out, err
}
