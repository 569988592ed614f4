package storetest

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/casework"
)

// testTranscripts: a store keeps transcripts per case and recording,
// creates each once, updates only at the version read, and lists a case's.
func testTranscripts(t *testing.T, s casework.Store) {
	a, b := sampleCase("scjg-2026-000001", "scjg", casework.StageInvestigating, t0), sampleCase("scjg-2026-000002", "scjg", casework.StageInvestigating, t0)
	update(t, s, func(tx casework.Tx) error {
		if err := tx.CreateCase(a); err != nil {
			return err
		}
		return tx.CreateCase(b)
	})
	d1, d2 := "bb"+fmt.Sprintf("%062d", 1), "aa"+fmt.Sprintf("%062d", 2)
	tr := casework.Transcript{CaseID: a.ID, Digest: d1, Version: 1, Status: casework.TranscriptRunning, StartedBy: "zhang.san", Started: t0}
	update(t, s, func(tx casework.Tx) error { return tx.PutTranscript(tr, 0) })
	put := func(what string, tr casework.Transcript, prev int64, want error) {
		t.Helper()
		err := s.Update(context.Background(), func(tx casework.Tx) error { return tx.PutTranscript(tr, prev) })
		wantErr(t, what, err, want)
	}
	put("a second transcript of one recording", tr, 0, casework.ErrExists)
	put("a transcript of an unknown case", casework.Transcript{CaseID: "scjg-2026-000404", Digest: d1, Version: 1}, 0, casework.ErrNotFound)
	put("an update of a transcript that is not there", casework.Transcript{CaseID: b.ID, Digest: d1, Version: 2}, 1, casework.ErrNotFound)
	put("a transcript without digest", casework.Transcript{CaseID: a.ID, Version: 1}, 0, casework.ErrInvalid)

	done := tr
	done.Version, done.Status, done.Model, done.Duration = 2, casework.TranscriptDone, "large-v3", 12.5
	done.Segments = []casework.TranscriptSegment{{Start: 0, End: 3.2, Text: "你叫什么名字？"}, {Start: 3.2, End: 7, Text: "我叫王小明。"}}
	done.Versions = []casework.TranscriptVersion{{N: 1, Editor: casework.SystemActor, At: t0, Turns: []casework.TranscriptTurn{
		{Speaker: "问", Start: 0, End: 3.2, Text: "你叫什么名字？"}, {Speaker: "答", Start: 3.2, End: 7, Text: "我叫王小明。"}}}}
	put("an update based on a stale version", done, 2, casework.ErrConflict)
	update(t, s, func(tx casework.Tx) error { return tx.PutTranscript(done, 1) })
	put("a second update based on the same version", done, 1, casework.ErrConflict)
	second := casework.Transcript{CaseID: a.ID, Digest: d2, Version: 1, Status: casework.TranscriptRunning, StartedBy: "li.si", Started: t0}
	update(t, s, func(tx casework.Tx) error { return tx.PutTranscript(second, 0) })
	// A failed write leaves nothing behind.
	err := s.Update(context.Background(), func(tx casework.Tx) error {
		if err := tx.PutTranscript(casework.Transcript{CaseID: b.ID, Digest: d1, Version: 1, Status: casework.TranscriptRunning}, 0); err != nil {
			return err
		}
		return fmt.Errorf("abandon: %w", casework.ErrInvalid)
	})
	wantErr(t, "a rolled-back transaction", err, casework.ErrInvalid)

	view(t, s, func(tx casework.ReadTx) error {
		got, err := tx.Transcript(a.ID, d1)
		if err != nil {
			t.Fatalf("Transcript: %v", err)
		}
		gj, _ := json.Marshal(got)
		wj, _ := json.Marshal(done)
		if !bytes.Equal(gj, wj) {
			t.Errorf("Transcript = %s\nwant %s", gj, wj)
		}
		list, err := tx.Transcripts(a.ID)
		if err != nil || len(list) != 2 || list[0].Digest != d2 || list[1].Digest != d1 {
			t.Errorf("Transcripts(a) = %+v, %v; want %s then %s (by digest)", list, err, d2, d1)
		}
		if list, err := tx.Transcripts(b.ID); err != nil || len(list) != 0 {
			t.Errorf("Transcripts(b) = %+v, %v; want none (the rolled-back one is gone)", list, err)
		}
		_, err = tx.Transcript(b.ID, d1)
		wantErr(t, "Transcript of a recording without one", err, casework.ErrNotFound)
		_, err = tx.Transcript("scjg\x00bad", d1)
		wantErr(t, "Transcript with a hostile case ID", err, casework.ErrNotFound)
		return nil
	})
}

// wavHeader is the start of a WAV file, enough for the evidence type check.
var wavHeader = append([]byte("RIFF\x24\x08\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x80\x3e\x00\x00\x00\x7d\x00\x00\x02\x00\x10\x00data\x00\x08\x00\x00"),
	bytes.Repeat([]byte{0}, 2048)...)

// testServiceTranscripts: start, finish, edit and approve a transcript
// through the service, each change with its log entry, with the
// permission and state checks.
func testServiceTranscripts(t *testing.T, w *world) {
	c := w.toStage(t, casework.StageInvestigating)
	rec, err := w.svc.AddEvidence(w.ctx, w.officer, c.ID, bytes.NewReader(wavHeader), "询问录音.wav", "询问王小明的录音")
	if err != nil {
		t.Fatal(err)
	}
	photo, err := w.svc.AddEvidence(w.ctx, w.officer, c.ID, bytes.NewReader(png), "现场照片.png", "")
	if err != nil {
		t.Fatal(err)
	}
	logLen := len(entries(t, w.store))
	_, err = w.svc.StartTranscript(w.ctx, w.officer, c.ID, photo.Digest)
	wantErr(t, "transcribing a photo", err, casework.ErrInvalid)
	_, err = w.svc.StartTranscript(w.ctx, w.officer, c.ID, strings.Repeat("0", 64))
	wantErr(t, "transcribing evidence not on the case", err, casework.ErrNotFound)
	_, err = w.svc.StartTranscript(w.ctx, w.reviewer, c.ID, rec.Digest)
	wantErr(t, "transcribing as a reviewer", err, casework.ErrForbidden)
	_, err = w.svc.StartTranscript(w.ctx, w.other, c.ID, rec.Digest)
	wantErr(t, "transcribing another agency's recording", err, casework.ErrForbidden)
	_, err = w.svc.FinishTranscript(w.ctx, c.ID, rec.Digest, nil, "x")
	wantErr(t, "finishing a transcription never started", err, casework.ErrNotFound)
	if n := len(entries(t, w.store)); n != logLen {
		t.Fatalf("refused requests wrote %d log entries", n-logLen)
	}

	tr, err := w.svc.StartTranscript(w.ctx, w.officer, c.ID, rec.Digest)
	if err != nil || tr.Status != casework.TranscriptRunning || tr.StartedBy != w.officer.ID {
		t.Fatalf("StartTranscript = %+v, %v", tr, err)
	}
	_, err = w.svc.StartTranscript(w.ctx, w.officer2, c.ID, rec.Digest)
	wantErr(t, "starting a running transcription again", err, casework.ErrExists)
	if _, err := w.svc.FinishTranscript(w.ctx, c.ID, rec.Digest, nil, "语音识别服务暂时不可用"); err != nil {
		t.Fatal(err)
	}
	tr, err = w.svc.StartTranscript(w.ctx, w.officer2, c.ID, rec.Digest)
	if err != nil || tr.Status != casework.TranscriptRunning || tr.Error != "" {
		t.Fatalf("restart after failure = %+v, %v", tr, err)
	}
	draft := []casework.TranscriptTurn{{Speaker: "问", Start: 0, End: 3, Text: "你销售了多少过期食品？"}, {Speaker: "问", Start: 3, End: 6, Text: "货值二万元。"}}
	res := &casework.TranscriptResult{Model: "large-v3", SHA256: rec.Digest, Duration: 6.5, Chunks: 1,
		Segments: []casework.TranscriptSegment{{Start: 0, End: 3, Text: draft[0].Text}, {Start: 3, End: 6, Text: draft[1].Text}}, Draft: draft}
	wrong := *res
	wrong.SHA256 = photo.Digest
	_, err = w.svc.FinishTranscript(w.ctx, c.ID, rec.Digest, &wrong, "")
	wantErr(t, "a result of other audio", err, casework.ErrInvalid)
	_, err = w.svc.AddTranscriptVersion(w.ctx, w.officer, c.ID, rec.Digest, casework.TranscriptEdit{Version: tr.Version, Turns: draft})
	wantErr(t, "editing before the transcription is done", err, casework.ErrStage)
	tr, err = w.svc.FinishTranscript(w.ctx, c.ID, rec.Digest, res, "")
	if err != nil || tr.Status != casework.TranscriptDone || tr.Model != "large-v3" || len(tr.Versions) != 1 || tr.Versions[0].Editor != casework.SystemActor {
		t.Fatalf("FinishTranscript = %+v, %v", tr, err)
	}
	_, err = w.svc.FinishTranscript(w.ctx, c.ID, rec.Digest, res, "")
	wantErr(t, "finishing twice", err, casework.ErrStage)

	fixed := slices.Clone(draft)
	fixed[1].Speaker = "答"
	bad := []struct {
		what  string
		actor casework.User
		ed    casework.TranscriptEdit
		want  error
	}{
		{"a stale transcript version", w.officer, casework.TranscriptEdit{Version: tr.Version - 1, Turns: fixed}, casework.ErrConflict},
		{"a reviewer's edit", w.reviewer, casework.TranscriptEdit{Version: tr.Version, Turns: fixed}, casework.ErrForbidden},
		{"another agency's edit", w.other, casework.TranscriptEdit{Version: tr.Version, Turns: fixed}, casework.ErrForbidden},
		{"no turns", w.officer, casework.TranscriptEdit{Version: tr.Version}, casework.ErrInvalid},
		{"a turn past the recording's end", w.officer, casework.TranscriptEdit{Version: tr.Version, Turns: []casework.TranscriptTurn{{Speaker: "问", Start: 1, End: 99, Text: "x"}}}, casework.ErrInvalid},
		{"turns out of order", w.officer, casework.TranscriptEdit{Version: tr.Version, Turns: []casework.TranscriptTurn{fixed[1], fixed[0]}}, casework.ErrInvalid},
		{"invalid UTF-8", w.officer, casework.TranscriptEdit{Version: tr.Version, Turns: []casework.TranscriptTurn{{Speaker: "问", Start: 0, End: 1, Text: "\xff\xfe"}}}, casework.ErrInvalid},
		{"a speaker with a newline", w.officer, casework.TranscriptEdit{Version: tr.Version, Turns: []casework.TranscriptTurn{{Speaker: "问\n答", Start: 0, End: 1, Text: "x"}}}, casework.ErrInvalid},
		{"an empty speaker", w.officer, casework.TranscriptEdit{Version: tr.Version, Turns: []casework.TranscriptTurn{{Speaker: " ", Start: 0, End: 1, Text: "x"}}}, casework.ErrInvalid},
		{"analysis without approval", w.officer, casework.TranscriptEdit{Version: tr.Version, Turns: fixed, Analysis: json.RawMessage(`{}`)}, casework.ErrInvalid},
		{"analysis that is not JSON", w.officer, casework.TranscriptEdit{Version: tr.Version, Turns: fixed, Approve: true, Analysis: json.RawMessage(`{`)}, casework.ErrInvalid},
	}
	logLen = len(entries(t, w.store))
	for _, b := range bad {
		_, err := w.svc.AddTranscriptVersion(w.ctx, b.actor, c.ID, rec.Digest, b.ed)
		wantErr(t, b.what, err, b.want)
	}
	if n := len(entries(t, w.store)); n != logLen {
		t.Fatalf("refused edits wrote %d log entries", n-logLen)
	}
	tr, err = w.svc.AddTranscriptVersion(w.ctx, w.officer2, c.ID, rec.Digest, casework.TranscriptEdit{Version: tr.Version, Turns: fixed})
	if err != nil || len(tr.Versions) != 2 || tr.Versions[1].Editor != w.officer2.ID || tr.Versions[1].Approved {
		t.Fatalf("speaker correction = %+v, %v", tr, err)
	}
	if _, ok := tr.Approved(); ok {
		t.Error("a version is approved before any approval")
	}
	before, _ := w.svc.Case(w.ctx, w.officer, c.ID)
	analysis := json.RawMessage(`{"facts":{"goods_value":20000}}`)
	tr, err = w.svc.AddTranscriptVersion(w.ctx, w.officer, c.ID, rec.Digest, casework.TranscriptEdit{Version: tr.Version, Turns: fixed, Approve: true, Analysis: analysis})
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := tr.Approved(); !ok || v.N != 3 || v.Editor != w.officer.ID || v.Turns[1].Speaker != "答" {
		t.Errorf("approved version = %+v, %v", v, ok)
	}
	after, _ := w.svc.Case(w.ctx, w.officer, c.ID)
	if string(after.Analysis) != string(analysis) || after.Version != before.Version+1 {
		t.Errorf("case after approval: version %d (was %d), analysis %s", after.Version, before.Version, after.Analysis)
	}
	got, err := w.svc.Transcript(w.ctx, w.reviewer, c.ID, rec.Digest)
	if err != nil || got.Version != tr.Version || len(got.Versions) != 3 {
		t.Errorf("Transcript as reviewer = %+v, %v", got, err)
	}
	_, err = w.svc.Transcript(w.ctx, w.other, c.ID, rec.Digest)
	wantErr(t, "reading another agency's transcript", err, casework.ErrForbidden)
	list, err := w.svc.Transcripts(w.ctx, w.leader, c.ID)
	if err != nil || len(list) != 1 {
		t.Errorf("Transcripts = %+v, %v", list, err)
	}

	// The full-process record holds every step: who, which recording, which version.
	var actions []string
	tl, _ := w.svc.Timeline(w.ctx, w.officer, c.ID)
	for _, e := range tl {
		if strings.HasPrefix(e.Action, "transcript.") || e.Subject == rec.Digest && e.Action == "case.update" {
			if e.Subject != rec.Digest {
				t.Errorf("entry %d %s names %s, not the recording", e.Seq, e.Action, e.Subject)
			}
			actions = append(actions, e.Action+" "+e.Actor)
		}
	}
	want := []string{"transcript.start " + w.officer.ID, "transcript.fail system", "transcript.start " + w.officer2.ID, "transcript.done system",
		"transcript.version " + w.officer2.ID, "transcript.version " + w.officer.ID, "case.update " + w.officer.ID}
	if !slices.Equal(actions, want) {
		t.Errorf("timeline = %q\nwant %q", actions, want)
	}
	if _, err := casework.Verify(w.ctx, w.store, w.key.Public().(ed25519.PublicKey)); err != nil {
		t.Errorf("Verify after transcripts: %v", err)
	}
}
