package casespeech_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cailiang/cailiang/casespeech"
	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/casework/blobdir"
	"github.com/cailiang/cailiang/casework/boltstore"
	"github.com/cailiang/cailiang/speech"
	"github.com/cailiang/cailiang/speech/asrtest"
	"github.com/cailiang/cailiang/speech/openaiasr"
)

// world is a casework service on the embedded store with an officer of
// agency scjg and a leader to register cases.
type world struct {
	work            *casework.Service
	officer, leader casework.User
}

func newWorld(tb testing.TB) *world {
	tb.Helper()
	ctx := context.Background()
	dir := tb.TempDir()
	st, err := boltstore.Open(filepath.Join(dir, "casework.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	blobs, err := blobdir.Open(filepath.Join(dir, "evidence"))
	if err != nil {
		tb.Fatal(err)
	}
	w := &world{}
	if w.work, err = casework.New(casework.Config{Store: st, Blobs: blobs}); err != nil {
		tb.Fatal(err)
	}
	if _, _, _, err := w.work.EnsureAdmin(ctx); err != nil {
		tb.Fatal(err)
	}
	admin := casework.User{ID: "admin", Roles: []casework.Role{casework.RoleAdmin}}
	add := func(id string, r casework.Role) casework.User {
		u, _, err := w.work.AddUser(ctx, admin, casework.User{ID: id, Name: id, Agency: "scjg", Roles: []casework.Role{r}}, "")
		if err != nil {
			tb.Fatal(err)
		}
		return u
	}
	w.officer, w.leader = add("oa", casework.RoleOfficer), add("la", casework.RoleLeader)
	return w
}

// recording opens a case and attaches the file at path; it returns the
// case ID and the recording's digest.
func (w *world) recording(tb testing.TB, path string) (string, string) {
	tb.Helper()
	ctx := context.Background()
	c, err := w.work.CreateCase(ctx, w.officer, casework.NewCase{Title: "某店销售过期食品案", Party: casework.Party{Name: "某店"}})
	if err != nil {
		tb.Fatal(err)
	}
	if c, err = w.work.Transition(ctx, w.leader, c.ID, c.Version, casework.ActionRegister, ""); err != nil {
		tb.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	ev, err := w.work.AddEvidence(ctx, w.officer, c.ID, bytes.NewReader(data), filepath.Base(path), "")
	if err != nil {
		tb.Fatal(err)
	}
	return c.ID, ev.Digest
}

// wait polls the transcript until it leaves "transcribing".
func wait(tb testing.TB, cs *casespeech.Service, u casework.User, id, digest string) casespeech.View {
	tb.Helper()
	for {
		v, err := cs.Get(context.Background(), u, id, digest)
		if err != nil {
			tb.Fatal(err)
		}
		if v.Status != casework.TranscriptRunning {
			return v
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestEngineRefusesThenRetry: an engine that refuses the request (a wrong
// token) leaves the transcript failed with the officer-facing reason; once
// fixed, the officer starts it again and it completes. The record holds both.
func TestEngineRefusesThenRetry(t *testing.T) {
	rec := asrtest.Synthesize(t, t.TempDir(), []string{"货值金额共计3000元。"}, 0.2)
	srv := asrtest.NewServer(t, rec, "m1")
	srv.RequireToken("right")
	w := newWorld(t)
	id, digest := w.recording(t, rec.Path)
	start := func(tok string) casespeech.View {
		t.Helper()
		eng, err := openaiasr.New(openaiasr.Config{URL: srv.URL + "/v1", Model: "m1", Token: tok})
		if err != nil {
			t.Fatal(err)
		}
		sp, err := speech.New(speech.Config{Engine: eng, Backoff: time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(sp.Close)
		cs, err := casespeech.New(casespeech.Config{Casework: w.work, Speech: sp, Dir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(cs.Close)
		if _, err := cs.Start(context.Background(), w.officer, id, digest); err != nil {
			t.Fatal(err)
		}
		return wait(t, cs, w.officer, id, digest)
	}
	if v := start("wrong"); v.Status != casework.TranscriptFailed || !strings.Contains(v.Error, "拒绝") {
		t.Fatalf("with a wrong token: %s %q", v.Status, v.Error)
	}
	v := start("right")
	if v.Status != casework.TranscriptDone || v.Model != "m1" || len(v.Versions) != 1 || len(v.Versions[0].Turns) == 0 {
		t.Fatalf("after the fix: %+v", v.Transcript)
	}
	tl, err := w.work.Timeline(context.Background(), w.officer, id)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range tl {
		if strings.HasPrefix(e.Action, "transcript.") {
			got = append(got, e.Action)
		}
	}
	if strings.Join(got, " ") != "transcript.start transcript.fail transcript.start transcript.done" {
		t.Errorf("timeline %q", got)
	}
}

// TestNoEngine: without an engine Start says so and records nothing.
func TestNoEngine(t *testing.T) {
	w := newWorld(t)
	sp, err := speech.New(speech.Config{})
	if err != nil {
		t.Fatal(err)
	}
	cs, err := casespeech.New(casespeech.Config{Casework: w.work, Speech: sp})
	if err != nil {
		t.Fatal(err)
	}
	defer cs.Close()
	if _, err := cs.Start(context.Background(), w.officer, "scjg-2026-000001", strings.Repeat("0", 64)); err != speech.ErrNoEngine {
		t.Errorf("Start without an engine: %v", err)
	}
	if _, err := casespeech.New(casespeech.Config{Speech: sp}); err == nil {
		t.Error("New without casework: no error")
	}
}

// BenchmarkCaseOverhead measures what transcribing a case's recording costs
// per second of audio beyond the engine's own time: copying it out of the
// evidence store, ffmpeg conversion, chunking, uploads, merging, and keeping
// the result and draft with the case (its log entries included): 10 minutes
// of 44.1 kHz stereo MP3, 5-minute chunks. Reported as overhead_ratio (wall
// seconds per audio second).
func BenchmarkCaseOverhead(b *testing.B) {
	const seconds = 600
	path := asrtest.LongMP3(b, seconds)
	srv := asrtest.NewTimedServer(b)
	eng, err := openaiasr.New(openaiasr.Config{URL: srv.URL, Model: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	sp, err := speech.New(speech.Config{Engine: eng})
	if err != nil {
		b.Fatal(err)
	}
	defer sp.Close()
	w := newWorld(b)
	cs, err := casespeech.New(casespeech.Config{Casework: w.work, Speech: sp, Dir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer cs.Close()
	var setup time.Duration
	b.ResetTimer()
	start := time.Now()
	for b.Loop() {
		s0 := time.Now()
		id, digest := w.recording(b, path) // a new case each time: a recording is transcribed once
		setup += time.Since(s0)
		if _, err := cs.Start(context.Background(), w.officer, id, digest); err != nil {
			b.Fatal(err)
		}
		if v := wait(b, cs, w.officer, id, digest); v.Status != casework.TranscriptDone || v.Chunks < 2 {
			b.Fatalf("%s, %d chunks: %s", v.Status, v.Chunks, v.Error)
		}
	}
	wall := time.Since(start) - srv.Engine() - setup
	b.ReportMetric(wall.Seconds()/float64(b.N)/seconds, "overhead_ratio")
}
