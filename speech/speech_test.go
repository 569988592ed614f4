package speech_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/cailiang/cailiang/speech"
	"github.com/cailiang/cailiang/speech/asrtest"
	"github.com/cailiang/cailiang/speech/openaiasr"
)

const testModel = "whisper-large-v3"

// The recording is spoken once per test binary (espeak-ng takes about a
// second a sentence here) and shared read-only.
var (
	recOnce sync.Once
	rec     *asrtest.Recording
	recDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if recDir != "" {
		os.RemoveAll(recDir)
	}
	os.Exit(code)
}

func recording(t *testing.T) *asrtest.Recording {
	t.Helper()
	asrtest.RequireTools(t, "espeak-ng", "ffmpeg", "ffprobe")
	recOnce.Do(func() {
		b, err := os.ReadFile("testdata/inquiry.txt")
		if err != nil {
			t.Fatal(err)
		}
		recDir, err = os.MkdirTemp("", "speech-rec-*")
		if err != nil {
			t.Fatal(err)
		}
		rec = asrtest.Synthesize(t, recDir, strings.Split(strings.TrimSpace(string(b)), "\n"), 0.6)
	})
	if rec == nil {
		t.Fatal("recording could not be made (see the first failure)")
	}
	return rec
}

// chunkConfig makes chunks of 14 s overlapping by 6 s: every sentence
// (under 6 s) is heard whole by the chunk that owns it, and sentences in
// an overlap are heard by two chunks, cut ones by their neighbours.
func chunkConfig(t *testing.T, url, model string) speech.Config {
	t.Helper()
	eng, err := openaiasr.New(openaiasr.Config{URL: url, Model: model, Token: "test-token"})
	if err != nil {
		t.Fatal(err)
	}
	return speech.Config{Engine: eng, Dir: t.TempDir(), MaxChunkSeconds: 14, OverlapSeconds: 6,
		MaxAttempts: 3, Backoff: time.Millisecond, RequestTimeout: time.Minute}
}

func newService(t *testing.T, cfg speech.Config) *speech.Service {
	t.Helper()
	s, err := speech.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

func sha(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// checkSegments compares a transcript with what was said: the same
// sentences in order, each once, times within tol seconds.
func checkSegments(t *testing.T, got, want []speech.Segment, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d segments, want %d:\n got %+v\nwant %+v", len(got), len(want), got, want)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Text != w.Text || math.Abs(g.Start-w.Start) > tol || math.Abs(g.End-w.End) > tol {
			t.Errorf("segment %d = %.2f–%.2f %q, want %.2f–%.2f %q", i, g.Start, g.End, g.Text, w.Start, w.End, w.Text)
		}
	}
}

// wait polls the job until it leaves the queue and the engine (jobs are
// asynchronous; the test's own deadline bounds the wait).
func wait(t *testing.T, s *speech.Service, id string) speech.Job {
	t.Helper()
	for {
		j, err := s.Get(id)
		if err != nil {
			t.Fatal(err)
		}
		if j.Status == speech.StatusDone || j.Status == speech.StatusFailed {
			return j
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func submitFile(t *testing.T, s *speech.Service, path string) (speech.Job, error) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return s.Submit(context.Background(), filepath.Base(path), f)
}

// TestTranscribeFormats runs the whole path for each phone format: upload,
// ffmpeg conversion, chunks with overlaps sent to a server speaking the
// OpenAI wire format, times shifted back, overlap duplicates and cut
// sentences removed, result stored with model and digest, draft record.
func TestTranscribeFormats(t *testing.T) {
	r := recording(t)
	for _, ext := range []string{".wav", ".mp3", ".m4a", ".amr"} {
		t.Run(ext, func(t *testing.T) {
			if ext == ".amr" && !asrtest.CanMakeAMR() {
				asrtest.RequireTools(t, "sox")
				t.Fatal("no AMR-NB encoder: neither ffmpeg's libopencore_amrnb nor sox's amr-nb (Debian package libopencore-amrnb0, .ci/deps.sh install audio)")
			}
			path := r.Path
			// Lossy codecs add encoder delay and smear the envelope; AMR-NB
			// keeps only 8 kHz.
			tol := 0.02
			switch ext {
			case ".mp3", ".m4a":
				path, tol = r.Convert(t, ext), 0.12
			case ".amr":
				path, tol = r.Convert(t, ext), 0.15
			}
			srv := asrtest.NewServer(t, r, testModel)
			s := newService(t, chunkConfig(t, srv.URL, testModel))
			job, err := submitFile(t, s, path)
			if err != nil {
				t.Fatal(err)
			}
			if job.Status != speech.StatusQueued || job.SHA256 != sha(t, path) {
				t.Fatalf("submitted job = %+v, want queued with the file's SHA-256", job)
			}
			j := wait(t, s, job.ID)
			if j.Status != speech.StatusDone {
				t.Fatalf("job %s: %s", j.Status, j.Error)
			}
			res := j.Result
			if res.Model != testModel || res.SHA256 != sha(t, path) {
				t.Errorf("result model %q digest %s, want %q and the file's digest", res.Model, res.SHA256, testModel)
			}
			if res.Chunks < 3 || j.ChunksDone != res.Chunks || j.ChunksTotal != res.Chunks {
				t.Errorf("chunks %d, progress %d/%d: want at least 3, all done", res.Chunks, j.ChunksDone, j.ChunksTotal)
			}
			if res.Requests != res.Chunks || srv.Requests() != res.Chunks {
				t.Errorf("requests: result %d, server %d; want one per chunk (%d)", res.Requests, srv.Requests(), res.Chunks)
			}
			if math.Abs(res.Duration-r.Duration) > 0.1 {
				t.Errorf("duration %.3f, ffprobe says %.3f", res.Duration, r.Duration)
			}
			checkSegments(t, res.Segments, r.Truth, tol)
			draft := j.Record.Latest()
			if len(j.Record.Versions) != 1 || draft.Editor != speech.DraftEditor || len(draft.Turns) != len(r.Truth) {
				t.Fatalf("draft record = %+v", j.Record)
			}
			for i, turn := range draft.Turns {
				want := speech.SpeakerQuestion
				if i%2 == 1 {
					want = speech.SpeakerAnswer
				}
				if turn.Speaker != want || turn.Text != r.Truth[i].Text {
					t.Errorf("draft turn %d = %s：%s, want %s：%s", i, turn.Speaker, turn.Text, want, r.Truth[i].Text)
				}
			}
		})
	}
}

// TestJobsSurviveRestart: a finished job and its record are read back by
// a new Service over the same directory.
func TestJobsSurviveRestart(t *testing.T) {
	r := recording(t)
	srv := asrtest.NewServer(t, r, testModel)
	cfg := chunkConfig(t, srv.URL, testModel)
	s := newService(t, cfg)
	job, err := submitFile(t, s, r.Path)
	if err != nil {
		t.Fatal(err)
	}
	before := wait(t, s, job.ID)
	s.Close()
	again := newService(t, cfg)
	after, err := again.Get(job.ID)
	if err != nil {
		t.Fatal(err)
	}
	if after.Status != speech.StatusDone || after.Result.SHA256 != before.Result.SHA256 || len(after.Record.Versions) != 1 {
		t.Errorf("after restart: %+v", after)
	}
	checkSegments(t, after.Result.Segments, before.Result.Segments, 0)
}

// TestInterruptedJobFails: a job still running when the process stopped
// is reported failed, with a reason, after a restart.
func TestInterruptedJobFails(t *testing.T) {
	cfg := chunkConfig(t, "http://127.0.0.1:1", testModel)
	job := `{"id":"0123456789abcdef01234567","status":"transcribing","file_name":"a.wav","chunks_done":3,"chunks_total":9}`
	if err := os.WriteFile(filepath.Join(cfg.Dir, "0123456789abcdef01234567.json"), []byte(job), 0o644); err != nil {
		t.Fatal(err)
	}
	s := newService(t, cfg)
	j, err := s.Get("0123456789abcdef01234567")
	if err != nil {
		t.Fatal(err)
	}
	if j.Status != speech.StatusFailed || !strings.Contains(j.Error, "重新上传") {
		t.Errorf("interrupted job = %s %q, want failed with a reason", j.Status, j.Error)
	}
	if err := os.WriteFile(filepath.Join(cfg.Dir, "bad.json"), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	again, err := speech.New(cfg)
	if err != nil {
		t.Fatalf("a corrupt job file kept the service from opening: %v", err)
	}
	defer again.Close()
	if jobs, err := again.List(); err != nil || len(jobs) != 1 {
		t.Errorf("jobs after a corrupt file: %v %v; want the one readable job", jobs, err)
	}
}

// TestRetriesAfter503: transient failures are retried and the result is
// the same as without them.
func TestRetriesAfter503(t *testing.T) {
	r := recording(t)
	srv := asrtest.NewServer(t, r, testModel)
	srv.Fail503(2)
	s := newService(t, chunkConfig(t, srv.URL, testModel))
	res, err := s.TranscribeFile(context.Background(), r.Path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Requests != res.Chunks+2 || srv.Requests() != res.Chunks+2 {
		t.Errorf("requests: result %d, server %d; want %d chunks + 2 retries", res.Requests, srv.Requests(), res.Chunks)
	}
	checkSegments(t, res.Segments, r.Truth, 0.02)
}

// TestRetriesAfterReset: a connection closed without an answer is
// retried like a 503.
func TestRetriesAfterReset(t *testing.T) {
	r := recording(t)
	srv := asrtest.NewServer(t, r, testModel)
	srv.ResetNext(2)
	s := newService(t, chunkConfig(t, srv.URL, testModel))
	res, err := s.TranscribeFile(context.Background(), r.Path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Requests != res.Chunks+2 {
		t.Errorf("%d requests for %d chunks, want 2 retries", res.Requests, res.Chunks)
	}
	checkSegments(t, res.Segments, r.Truth, 0.02)
}

// TestBoundedConcurrency: three jobs at once never have more engine
// requests in flight than MaxConcurrent, and all finish with the token
// the server requires.
func TestBoundedConcurrency(t *testing.T) {
	r := recording(t)
	srv := asrtest.NewServer(t, r, testModel)
	srv.RequireToken("test-token")
	cfg := chunkConfig(t, srv.URL, testModel)
	cfg.MaxConcurrent = 2
	s := newService(t, cfg)
	var ids []string
	for range 3 {
		j, err := submitFile(t, s, r.Path)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, j.ID)
	}
	chunks := 0
	for _, id := range ids {
		j := wait(t, s, id)
		if j.Status != speech.StatusDone {
			t.Fatalf("job %s: %s", j.Status, j.Error)
		}
		chunks += j.Result.Chunks
		checkSegments(t, j.Result.Segments, r.Truth, 0.02)
	}
	if m := srv.MaxInFlight(); m > cfg.MaxConcurrent || srv.Requests() != chunks {
		t.Errorf("%d requests in flight at most (limit %d), %d requests for %d chunks", m, cfg.MaxConcurrent, srv.Requests(), chunks)
	}
}

// TestHostileFileName: the upload's name is only displayed: a path, bad
// UTF-8 or a huge name is cleaned, never used as a path.
func TestHostileFileName(t *testing.T) {
	r := recording(t)
	srv := asrtest.NewServer(t, r, testModel)
	cfg := chunkConfig(t, srv.URL, testModel)
	s := newService(t, cfg)
	var ids []string
	for _, name := range []string{"../../../etc/passwd.wav", "录音\xff\x00.wav", strings.Repeat("长", 5000) + ".wav", "", "..", "a/b/.wav"} {
		f, err := os.Open(r.Path)
		if err != nil {
			t.Fatal(err)
		}
		j, err := s.Submit(context.Background(), name, f)
		f.Close()
		if err != nil {
			t.Fatalf("%q: %v", name, err)
		}
		if strings.ContainsAny(j.FileName, "/\\\x00") || !utf8.ValidString(j.FileName) || utf8.RuneCountInString(j.FileName) > 120 || j.FileName == ".." {
			t.Errorf("name %q kept as %q", name, j.FileName)
		}
		ids = append(ids, j.ID)
	}
	// The jobs run on: a job's record is written to a .tmp file and renamed,
	// so the directory is listed once every job has ended.
	for _, id := range ids {
		wait(t, s, id)
	}
	entries, _ := os.ReadDir(cfg.Dir)
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".json") && e.Name() != "work" {
			t.Errorf("unexpected file in the speech dir: %s", e.Name())
		}
	}
}

// TestRefusalsAreNotRetried: a 4xx (here: a model the server does not
// have) fails at once with ErrEngine; so does a 503 that lasts past the
// last attempt, with ErrTransient.
func TestRefusalsAreNotRetried(t *testing.T) {
	r := recording(t)
	t.Run("wrong model", func(t *testing.T) {
		srv := asrtest.NewServer(t, r, testModel)
		cfg := chunkConfig(t, srv.URL, "no-such-model")
		cfg.MaxConcurrent = 1
		s := newService(t, cfg)
		_, err := s.TranscribeFile(context.Background(), r.Path, nil)
		if !errors.Is(err, speech.ErrEngine) || errors.Is(err, speech.ErrTransient) {
			t.Fatalf("err = %v, want ErrEngine", err)
		}
		if !strings.Contains(err.Error(), "400") || srv.Requests() != 1 {
			t.Errorf("err %v after %d requests; want the 400 after 1", err, srv.Requests())
		}
		if msg := speech.FailureMessage(err); !strings.Contains(msg, "拒绝") {
			t.Errorf("message %q", msg)
		}
	})
	t.Run("503 past the last attempt", func(t *testing.T) {
		srv := asrtest.NewServer(t, r, testModel)
		srv.Fail503(1000)
		cfg := chunkConfig(t, srv.URL, testModel)
		cfg.MaxConcurrent = 1
		s := newService(t, cfg)
		_, err := s.TranscribeFile(context.Background(), r.Path, nil)
		if !errors.Is(err, speech.ErrTransient) || srv.Requests() != cfg.MaxAttempts {
			t.Fatalf("err = %v after %d requests, want ErrTransient after %d", err, srv.Requests(), cfg.MaxAttempts)
		}
	})
}

// TestServerTimesOut: a server that never answers is given up on after
// each attempt's deadline, retried, then reported clearly; the job fails
// instead of hanging.
func TestServerTimesOut(t *testing.T) {
	r := recording(t)
	srv := asrtest.NewServer(t, r, testModel)
	srv.Hang()
	cfg := chunkConfig(t, srv.URL, testModel)
	cfg.RequestTimeout, cfg.MaxAttempts, cfg.MaxConcurrent = 300*time.Millisecond, 2, 1
	s := newService(t, cfg)
	job, err := submitFile(t, s, r.Path)
	if err != nil {
		t.Fatal(err)
	}
	j := wait(t, s, job.ID)
	if j.Status != speech.StatusFailed || !strings.Contains(j.Error, "超时") || j.Result != nil || j.Record != nil {
		t.Fatalf("job = %s %q result %v, want failed with a timeout message", j.Status, j.Error, j.Result)
	}
	if srv.Requests() != 2 {
		t.Errorf("%d requests, want 2 attempts of the first chunk", srv.Requests())
	}
}

// TestBadAudio: what is not audio is refused at upload with
// ErrUnreadableAudio, and nothing is kept.
func TestBadAudio(t *testing.T) {
	asrtest.RequireTools(t, "ffmpeg", "ffprobe")
	dir := t.TempDir()
	srv := asrtest.NewServer(t, nil, testModel)
	cfg := chunkConfig(t, srv.URL, testModel)
	s := newService(t, cfg)
	text := []byte("这不是录音，是一份文字材料。")
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"empty.wav", nil, speech.ErrUnreadableAudio},
		{"text.mp3", text, speech.ErrUnreadableAudio},
		{"random.m4a", []byte(strings.Repeat("\x00\xff\x13\x37garbage", 4096)), speech.ErrUnreadableAudio},
		{"riff-header-only.wav", []byte("RIFF\x24\x00\x00\x00WAVEfmt "), speech.ErrUnreadableAudio},
		{"../../etc/passwd", text, speech.ErrUnreadableAudio},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, filepath.Base(tc.name))
			if err := os.WriteFile(path, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			f, _ := os.Open(path)
			defer f.Close()
			_, err := s.Submit(context.Background(), tc.name, f)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if msg := speech.FailureMessage(err); !strings.Contains(msg, "无法读取录音文件") {
				t.Errorf("message %q", msg)
			}
		})
	}
	jobs, err := s.List()
	if err != nil || len(jobs) != 0 {
		t.Errorf("jobs after bad uploads: %v %v", jobs, err)
	}
	left, _ := filepath.Glob(filepath.Join(cfg.Dir, "work", "*"))
	kept, _ := filepath.Glob(filepath.Join(cfg.Dir, "*.json"))
	if len(left)+len(kept) != 0 || srv.Requests() != 0 {
		t.Errorf("bad uploads left %v %v and sent %d requests", left, kept, srv.Requests())
	}
}

// TestBrokenAMR: a file ffprobe takes for AMR-NB but that no decoder can
// read (sox loops forever on it) fails its job with a clear reason
// instead of hanging it.
func TestBrokenAMR(t *testing.T) {
	asrtest.RequireTools(t, "ffmpeg", "ffprobe")
	srv := asrtest.NewServer(t, nil, testModel)
	s := newService(t, chunkConfig(t, srv.URL, testModel))
	job, err := s.Submit(context.Background(), "broken.amr", strings.NewReader("#!AMR\nnot really"))
	if errors.Is(err, speech.ErrUnreadableAudio) {
		return // refused at upload: as good
	}
	if err != nil {
		t.Fatal(err)
	}
	j := wait(t, s, job.ID)
	if j.Status != speech.StatusFailed || !strings.Contains(j.Error, "无法读取录音文件") || srv.Requests() != 0 {
		t.Errorf("job = %s %q after %d requests, want failed as unreadable", j.Status, j.Error, srv.Requests())
	}
}

// TestTooLong: limits on the upload's size and the recording's length.
func TestTooLong(t *testing.T) {
	r := recording(t)
	for _, cfgf := range []func(*speech.Config){
		func(c *speech.Config) { c.MaxUploadBytes = 1000 },
		func(c *speech.Config) { c.MaxAudioSeconds = r.Duration / 2 },
	} {
		cfg := chunkConfig(t, "http://127.0.0.1:1", testModel)
		cfgf(&cfg)
		s := newService(t, cfg)
		if _, err := submitFile(t, s, r.Path); !errors.Is(err, speech.ErrTooLong) {
			t.Errorf("err = %v, want ErrTooLong", err)
		}
	}
}

// TestNoEngine: without an engine every entry point says so.
func TestNoEngine(t *testing.T) {
	s := newService(t, speech.Config{Dir: t.TempDir()})
	if s.Configured() {
		t.Fatal("configured without an engine")
	}
	_, err1 := s.Submit(context.Background(), "a.wav", strings.NewReader("x"))
	_, err2 := s.Get("x")
	_, err3 := s.List()
	_, err4 := s.Edit("x", speech.Edit{Editor: "张三", Speakers: []string{"问"}})
	_, err5 := s.TranscribeFile(context.Background(), "a.wav", nil)
	var nilSvc *speech.Service
	_, err6 := nilSvc.Get("x")
	for i, err := range []error{err1, err2, err3, err4, err5, err6} {
		if !errors.Is(err, speech.ErrNoEngine) {
			t.Errorf("entry point %d: err = %v, want ErrNoEngine", i+1, err)
		}
	}
}
