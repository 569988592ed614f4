package speech

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
)

// Defaults of Config's limits.
const (
	// DefaultMaxChunkSeconds: five minutes keeps a chunk's request well
	// inside common proxy timeouts and Whisper's own 30 s windows line up.
	DefaultMaxChunkSeconds = 300
	// DefaultMaxChunkBytes is OpenAI's documented upload limit (25 MB).
	DefaultMaxChunkBytes = 25 << 20
	// DefaultOverlapSeconds lets a word cut at a chunk's edge be heard whole.
	DefaultOverlapSeconds = 2
	// DefaultMaxConcurrent engine requests at once (all jobs together).
	DefaultMaxConcurrent = 2
	// DefaultMaxAttempts per chunk, the first included.
	DefaultMaxAttempts = 4
	// DefaultBackoff before the first retry; it doubles after each.
	DefaultBackoff = time.Second
	// DefaultRequestTimeout bounds one engine request.
	DefaultRequestTimeout = 5 * time.Minute
	// DefaultMaxAudioSeconds: an inquiry or hearing longer than 8 hours
	// is more likely a mistake than a recording.
	DefaultMaxAudioSeconds = 8 * 3600
	// DefaultMaxUploadBytes bounds one uploaded file (an hour of 16-bit
	// 48 kHz stereo WAV is some 690 MB; phone formats are far smaller).
	DefaultMaxUploadBytes = 512 << 20
)

// Config configures a Service. Zero values take the defaults above.
type Config struct {
	// Engine transcribes chunks; nil makes every entry point return
	// ErrNoEngine.
	Engine Engine
	// Dir keeps jobs, results and record versions (one JSON file per job)
	// and the audio being converted. Empty: results are kept in memory
	// only (the command line's one-off transcription).
	Dir string
	// FFmpeg, FFprobe and Sox are the converter binaries ("ffmpeg",
	// "ffprobe", "sox"; sox is optional and decodes AMR when present).
	FFmpeg, FFprobe, Sox string
	// MaxChunkSeconds and MaxChunkBytes bound what one request carries;
	// OverlapSeconds is how much neighbouring chunks share.
	MaxChunkSeconds float64
	MaxChunkBytes   int64
	OverlapSeconds  float64
	// MaxConcurrent bounds engine requests and conversions at once.
	MaxConcurrent int
	// MaxAttempts, Backoff and RequestTimeout govern retries of one chunk.
	MaxAttempts    int
	Backoff        time.Duration
	RequestTimeout time.Duration
	// MaxAudioSeconds and MaxUploadBytes bound one recording.
	MaxAudioSeconds float64
	MaxUploadBytes  int64
	// Logger receives job summaries; nil discards them.
	Logger *slog.Logger
}

func (c Config) withDefaults() Config {
	def := func(v *float64, d float64) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&c.MaxChunkSeconds, DefaultMaxChunkSeconds)
	def(&c.MaxAudioSeconds, DefaultMaxAudioSeconds)
	if c.OverlapSeconds < 0 {
		c.OverlapSeconds = 0
	} else if c.OverlapSeconds == 0 {
		c.OverlapSeconds = DefaultOverlapSeconds
	}
	if c.MaxChunkBytes <= 0 {
		c.MaxChunkBytes = DefaultMaxChunkBytes
	}
	if c.MaxUploadBytes <= 0 {
		c.MaxUploadBytes = DefaultMaxUploadBytes
	}
	if c.MaxConcurrent <= 0 {
		c.MaxConcurrent = DefaultMaxConcurrent
	}
	if c.MaxAttempts <= 0 {
		c.MaxAttempts = DefaultMaxAttempts
	}
	if c.Backoff <= 0 {
		c.Backoff = DefaultBackoff
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = DefaultRequestTimeout
	}
	if c.FFmpeg == "" {
		c.FFmpeg = "ffmpeg"
	}
	if c.FFprobe == "" {
		c.FFprobe = "ffprobe"
	}
	if c.Sox == "" {
		c.Sox = "sox"
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	return c
}

// Job states.
const (
	StatusQueued       = "queued"
	StatusTranscribing = "transcribing"
	StatusDone         = "done"
	StatusFailed       = "failed"
)

// Result is a finished transcription: the segments on the recording's
// timeline, with what produced them.
type Result struct {
	Model    string    `json:"model"`
	SHA256   string    `json:"sha256"`
	Duration float64   `json:"duration"`
	Chunks   int       `json:"chunks"`
	Requests int       `json:"requests"`
	Segments []Segment `json:"segments"`
}

// Job is one asynchronous transcription and, once done, its record.
type Job struct {
	ID       string `json:"id"`
	Status   string `json:"status"`
	FileName string `json:"file_name"`
	SHA256   string `json:"sha256"`
	Bytes    int64  `json:"bytes"`
	// ChunksDone of ChunksTotal is the progress.
	ChunksDone  int       `json:"chunks_done"`
	ChunksTotal int       `json:"chunks_total"`
	Created     time.Time `json:"created"`
	Finished    time.Time `json:"finished,omitzero"`
	// Error is the officer-facing reason of a failure (Chinese).
	Error  string  `json:"error,omitempty"`
	Result *Result `json:"result,omitempty"`
	Record *Record `json:"record,omitempty"`
}

// Service runs transcription jobs and keeps their records.
type Service struct {
	cfg  Config
	conv converter
	// slots bounds engine requests and conversions at once.
	slots chan struct{}
	ctx   context.Context
	stop  context.CancelFunc
	wg    sync.WaitGroup
	mu    sync.Mutex
	jobs  map[string]*Job
}

// New opens a Service over cfg.Dir, loading the jobs kept there. A job
// that was running when the process stopped is marked failed; a job file
// that cannot be parsed is logged and skipped. It returns an error when
// Dir cannot be created or listed, or a job file cannot be read.
func New(cfg Config) (*Service, error) {
	cfg = cfg.withDefaults()
	ctx, stop := context.WithCancel(context.Background())
	s := &Service{cfg: cfg, conv: converter{cfg.FFmpeg, cfg.FFprobe, cfg.Sox},
		slots: make(chan struct{}, cfg.MaxConcurrent), ctx: ctx, stop: stop, jobs: map[string]*Job{}}
	if cfg.Dir == "" {
		return s, nil
	}
	if err := os.MkdirAll(filepath.Join(cfg.Dir, "work"), 0o755); err != nil {
		stop()
		return nil, fmt.Errorf("speech dir: %w", err)
	}
	files, err := filepath.Glob(filepath.Join(cfg.Dir, "*.json"))
	if err != nil {
		stop()
		return nil, fmt.Errorf("speech dir: %w", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			stop()
			return nil, fmt.Errorf("speech job %s: %w", f, err)
		}
		var j Job
		if err := json.Unmarshal(b, &j); err != nil || j.ID == "" {
			// One unreadable file must not keep the service from starting
			// (files are written by rename, so this is outside damage).
			cfg.Logger.Error("speech job file unreadable, skipped", "file", f, "err", err)
			continue
		}
		if j.Status == StatusQueued || j.Status == StatusTranscribing {
			j.Status, j.Error = StatusFailed, "服务重启，转写中断，请重新上传录音"
		}
		s.jobs[j.ID] = &j
	}
	_ = os.RemoveAll(filepath.Join(cfg.Dir, "work"))
	if err := os.MkdirAll(filepath.Join(cfg.Dir, "work"), 0o755); err != nil {
		stop()
		return nil, fmt.Errorf("speech dir: %w", err)
	}
	return s, nil
}

// Configured reports whether an engine is configured.
func (s *Service) Configured() bool { return s != nil && s.cfg.Engine != nil }

// Model is the configured engine's model name, "" without an engine.
func (s *Service) Model() string {
	if !s.Configured() {
		return ""
	}
	return s.cfg.Engine.Model()
}

// Close cancels running jobs and waits for them.
func (s *Service) Close() {
	if s == nil {
		return
	}
	s.stop()
	s.wg.Wait()
}

// Submit stores the upload r (named name), checks it is audio within the
// limits, and starts transcribing it in the background. It returns the
// queued job, or ErrNoEngine, ErrTooLong, ErrUnreadableAudio,
// ErrNoConverter, or an I/O error; on error nothing is kept.
func (s *Service) Submit(ctx context.Context, name string, r io.Reader) (Job, error) {
	if !s.Configured() {
		return Job{}, ErrNoEngine
	}
	id, err := newID()
	if err != nil {
		return Job{}, err
	}
	work := s.workDir(id)
	if err := os.MkdirAll(work, 0o755); err != nil {
		return Job{}, fmt.Errorf("speech work dir: %w", err)
	}
	src := filepath.Join(work, "upload"+safeExt(name))
	sum, n, err := s.save(src, r)
	if err == nil {
		err = s.check(ctx, src)
	}
	if err != nil {
		_ = os.RemoveAll(work)
		return Job{}, err
	}
	j := &Job{ID: id, Status: StatusQueued, FileName: cleanName(name), SHA256: sum, Bytes: n, Created: time.Now().UTC()}
	s.mu.Lock()
	s.jobs[id] = j
	err = s.persistLocked(j)
	snapshot := *j
	s.mu.Unlock()
	if err != nil {
		return Job{}, err
	}
	s.wg.Add(1)
	go s.runJob(id, src, sum)
	return snapshot, nil
}

// Get returns a copy of the job, or ErrNoEngine, ErrNotFound.
func (s *Service) Get(id string) (Job, error) {
	if !s.Configured() {
		return Job{}, ErrNoEngine
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	j, ok := s.jobs[id]
	if !ok {
		return Job{}, fmt.Errorf("%w: %q", ErrNotFound, id)
	}
	return j.clone(), nil
}

// List returns every job, newest first, without results and records.
// It returns ErrNoEngine without an engine.
func (s *Service) List() ([]Job, error) {
	if !s.Configured() {
		return nil, ErrNoEngine
	}
	s.mu.Lock()
	out := make([]Job, 0, len(s.jobs))
	for _, j := range s.jobs {
		c := *j
		c.Result, c.Record = nil, nil
		out = append(out, c)
	}
	s.mu.Unlock()
	sort.Slice(out, func(a, b int) bool { return out[a].Created.After(out[b].Created) })
	return out, nil
}

// TranscribeFile transcribes path synchronously, without keeping a job
// (the command line). progress, when not nil, is told chunks done of
// total. Errors: ErrNoEngine, ErrUnreadableAudio, ErrTooLong,
// ErrNoConverter, engine errors (ErrEngine, ErrTransient after the last
// retry), ctx's error.
func (s *Service) TranscribeFile(ctx context.Context, path string, progress func(done, total int)) (Result, error) {
	if !s.Configured() {
		return Result{}, ErrNoEngine
	}
	f, err := os.Open(path)
	if err != nil {
		return Result{}, fmt.Errorf("open recording: %w", err)
	}
	sum, _, err := digest(f)
	f.Close()
	if err != nil {
		return Result{}, fmt.Errorf("read recording: %w", err)
	}
	if err := s.check(ctx, path); err != nil {
		return Result{}, err
	}
	work, err := os.MkdirTemp(s.cfg.Dir, "speech-*")
	if err != nil {
		return Result{}, fmt.Errorf("speech work dir: %w", err)
	}
	defer os.RemoveAll(work)
	return s.transcribe(ctx, path, work, sum, progress)
}

func (s *Service) workDir(id string) string {
	if s.cfg.Dir == "" {
		return filepath.Join(os.TempDir(), "cailiang-speech-"+id)
	}
	return filepath.Join(s.cfg.Dir, "work", id)
}

// save copies the upload to path, hashing it and enforcing MaxUploadBytes.
func (s *Service) save(path string, r io.Reader) (string, int64, error) {
	f, err := os.Create(path)
	if err != nil {
		return "", 0, fmt.Errorf("store upload: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(f, h), io.LimitReader(r, s.cfg.MaxUploadBytes+1))
	if err != nil {
		return "", 0, fmt.Errorf("store upload: %w", err)
	}
	if n > s.cfg.MaxUploadBytes {
		return "", 0, fmt.Errorf("%w: upload over %d bytes", ErrTooLong, s.cfg.MaxUploadBytes)
	}
	if n == 0 {
		return "", 0, fmt.Errorf("%w: empty file", ErrUnreadableAudio)
	}
	if err := f.Close(); err != nil {
		return "", 0, fmt.Errorf("store upload: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

func digest(r io.Reader) (string, int64, error) {
	h := sha256.New()
	n, err := io.Copy(h, r)
	return hex.EncodeToString(h.Sum(nil)), n, err
}

// check refuses what is not audio or longer than MaxAudioSeconds.
func (s *Service) check(ctx context.Context, path string) error {
	p, err := s.conv.probe(ctx, path)
	if err != nil {
		return err
	}
	if p.duration > s.cfg.MaxAudioSeconds {
		return fmt.Errorf("%w: %.0f s, limit %.0f s", ErrTooLong, p.duration, s.cfg.MaxAudioSeconds)
	}
	return nil
}

func (s *Service) runJob(id, src, sum string) {
	defer s.wg.Done()
	defer os.RemoveAll(filepath.Dir(src))
	s.update(id, func(j *Job) { j.Status = StatusTranscribing })
	start := time.Now()
	res, err := s.transcribe(s.ctx, src, filepath.Dir(src), sum, func(done, total int) {
		s.update(id, func(j *Job) { j.ChunksDone, j.ChunksTotal = done, total })
	})
	s.update(id, func(j *Job) {
		j.Finished = time.Now().UTC()
		if err != nil {
			j.Status, j.Error = StatusFailed, FailureMessage(err)
			return
		}
		j.Status, j.Result = StatusDone, &res
		rec := DraftRecord(res.Segments, j.Finished)
		j.Record = &rec
	})
	if err != nil {
		s.cfg.Logger.Warn("transcription failed", "job", id, "err", err)
		return
	}
	s.cfg.Logger.Info("transcription done", "job", id, "model", res.Model, "seconds", res.Duration,
		"chunks", res.Chunks, "requests", res.Requests, "segments", len(res.Segments), "took_ms", time.Since(start).Milliseconds())
}

// update changes a job under the lock and persists it.
func (s *Service) update(id string, f func(*Job)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	j := s.jobs[id]
	f(j)
	if err := s.persistLocked(j); err != nil {
		s.cfg.Logger.Error("persist transcription", "job", id, "err", err)
	}
}

// persistLocked writes the job's file atomically (temporary file, rename).
func (s *Service) persistLocked(j *Job) error {
	if s.cfg.Dir == "" {
		return nil
	}
	b, err := json.Marshal(j)
	if err != nil {
		return fmt.Errorf("encode job %s: %w", j.ID, err)
	}
	path := filepath.Join(s.cfg.Dir, j.ID+".json")
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return fmt.Errorf("write job %s: %w", j.ID, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write job %s: %w", j.ID, err)
	}
	return nil
}

// transcribe converts src, plans chunks and sends them, at most
// MaxConcurrent requests at once across all jobs.
func (s *Service) transcribe(ctx context.Context, src, work, sum string, progress func(done, total int)) (Result, error) {
	if progress == nil {
		progress = func(int, int) {}
	}
	pcmPath := filepath.Join(work, "audio.pcm")
	if err := s.acquire(ctx); err != nil {
		return Result{}, err
	}
	pcmBytes, err := s.conv.toPCM(ctx, src, pcmPath)
	s.release()
	if err != nil {
		return Result{}, err
	}
	total := float64(pcmBytes/2) / sampleRate
	chunks, err := PlanChunks(total, s.cfg.MaxChunkSeconds, s.cfg.MaxChunkBytes, s.cfg.OverlapSeconds)
	if err != nil {
		return Result{}, err
	}
	pcm, err := os.Open(pcmPath)
	if err != nil {
		return Result{}, fmt.Errorf("converted audio: %w", err)
	}
	defer pcm.Close()
	progress(0, len(chunks))
	policy := retryPolicy{attempts: s.cfg.MaxAttempts, backoff: s.cfg.Backoff, timeout: s.cfg.RequestTimeout}
	parts := make([][]Segment, len(chunks))
	var (
		mu       sync.Mutex
		done     int
		requests int
		firstErr error
		wg       sync.WaitGroup
	)
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for i, c := range chunks {
		if err := s.acquire(cctx); err != nil {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer s.release()
			wav, err := wavChunk(pcm, pcmBytes, c)
			var segs []Segment
			n := 0
			if err == nil {
				segs, n, err = policy.transcribeChunk(cctx, s.cfg.Engine, wav, fmt.Sprintf("chunk-%03d.wav", i))
			}
			mu.Lock()
			defer mu.Unlock()
			requests += n
			if err != nil {
				if firstErr == nil {
					firstErr = fmt.Errorf("chunk %d of %d (%.1f–%.1f s): %w", i+1, len(chunks), c.Start, c.End, err)
					cancel()
				}
				return
			}
			parts[i] = cleanSegments(segs)
			done++
			progress(done, len(chunks))
		}()
	}
	wg.Wait()
	if firstErr == nil && ctx.Err() != nil {
		firstErr = ctx.Err()
	}
	if firstErr != nil {
		return Result{}, firstErr
	}
	return Result{Model: s.cfg.Engine.Model(), SHA256: sum, Duration: round3(total), Chunks: len(chunks),
		Requests: requests, Segments: mergeChunks(chunks, parts)}, nil
}

func (s *Service) acquire(ctx context.Context) error {
	select {
	case s.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (s *Service) release() { <-s.slots }

// cleanSegments trims text and drops segments without any.
func cleanSegments(segs []Segment) []Segment {
	out := segs[:0:0]
	for _, s := range segs {
		s.Text = strings.TrimSpace(s.Text)
		if s.Text != "" && s.End >= s.Start {
			out = append(out, s)
		}
	}
	return out
}

// FailureMessage is the officer-facing (Chinese) reason of a failed
// transcription.
func FailureMessage(err error) string {
	switch {
	case errors.Is(err, ErrNoEngine):
		return "未配置语音识别服务（CAILIANG_ASR_URL）"
	case errors.Is(err, ErrUnreadableAudio):
		return "无法读取录音文件：文件损坏或不是音频（支持 WAV、MP3、M4A、AMR 等）"
	case errors.Is(err, ErrTooLong):
		return "录音过长或文件过大"
	case errors.Is(err, ErrNoConverter):
		return "服务器未安装 ffmpeg，无法转换录音格式"
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, ErrTransient):
		return "语音识别服务暂时不可用或响应超时（已多次重试），请稍后重新上传"
	case errors.Is(err, ErrEngine):
		return "语音识别服务拒绝了请求（请检查模型名称、令牌与服务地址）"
	case errors.Is(err, context.Canceled):
		return "转写已取消（服务停止）"
	}
	return "转写失败"
}

func newID() (string, error) {
	var b [12]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("job id: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

// safeExt keeps a short alphanumeric extension (ffmpeg guesses some
// formats from it), nothing that could be a path.
func safeExt(name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	if len(ext) < 2 || len(ext) > 6 {
		return ""
	}
	for _, r := range ext[1:] {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') {
			return ""
		}
	}
	return ext
}

// cleanName keeps the base name of an upload, shortened, for display.
func cleanName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, strings.ToValidUTF8(name, ""))
	if r := []rune(name); len(r) > 120 {
		name = string(r[:120])
	}
	if name == "." || name == ".." || name == "/" {
		return ""
	}
	return name
}
