// Package asrtest is test support for speech: it speaks Chinese test
// recordings with Debian's espeak-ng, converts them with ffmpeg, and runs
// a local server that speaks the OpenAI transcription wire format
// (multipart in, verbose_json out). The server recognises a chunk by
// locating its loudness envelope in the recording it was built for and
// answers the sentences heard there, times relative to the chunk, as a
// real engine would: whole sentences inside the chunk, and the heard part
// of a sentence cut at the chunk's edge.
package asrtest

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/cailiang/cailiang/speech"
)

const (
	rate = 16000
	// frame is the envelope's resolution: 10 ms.
	frame = rate / 100
)

// RequireTools fails the test under CI (CI set and not false/0) when a
// tool is missing, and skips it otherwise: `.ci/deps.sh install audio`
// installs them.
func RequireTools(t testing.TB, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			msg := fmt.Sprintf("%s not installed: run .ci/deps.sh install audio (Debian packages espeak-ng, ffmpeg)", tool)
			if ci := os.Getenv("CI"); ci != "" && ci != "false" && ci != "0" {
				t.Fatal(msg)
			}
			t.Skip(msg)
		}
	}
}

// Recording is a synthesised recording and what was said when.
type Recording struct {
	// Path is a 16 kHz mono WAV file.
	Path     string
	Duration float64
	// Truth holds one segment per sentence, on the recording's timeline.
	Truth []speech.Segment
	env   []float64
}

// Synthesize speaks each sentence with espeak-ng (Mandarin) and joins the
// clips with gap seconds of silence into dir/recording.wav.
func Synthesize(t testing.TB, dir string, sentences []string, gap float64) *Recording {
	t.Helper()
	RequireTools(t, "espeak-ng", "ffmpeg", "ffprobe")
	var pcm []int16
	rec := &Recording{Path: filepath.Join(dir, "recording.wav")}
	silence := make([]int16, int(gap*rate))
	for i, s := range sentences {
		clip := filepath.Join(dir, fmt.Sprintf("s%02d.wav", i))
		run(t, "espeak-ng", "-v", "cmn", "-w", clip, s)
		samples := decode(t, clip)
		start := float64(len(pcm)) / rate
		pcm = append(pcm, samples...)
		rec.Truth = append(rec.Truth, speech.Segment{Start: start, End: float64(len(pcm)) / rate, Text: s})
		pcm = append(pcm, silence...)
	}
	raw := filepath.Join(dir, "recording.pcm")
	var b bytes.Buffer
	_ = binary.Write(&b, binary.LittleEndian, pcm)
	if err := os.WriteFile(raw, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, "ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "s16le", "-ar", "16000", "-ac", "1", "-i", raw, rec.Path)
	rec.Duration = Duration(t, rec.Path)
	rec.env = envelope(pcm)
	return rec
}

// Convert re-encodes the recording with ffmpeg into a phone format by
// extension (".mp3", ".m4a", ".amr") and returns the new file's path.
func (r *Recording) Convert(t testing.TB, ext string) string {
	t.Helper()
	out := strings.TrimSuffix(r.Path, ".wav") + ext
	args := []string{"-nostdin", "-v", "error", "-y", "-i", r.Path}
	switch ext {
	case ".mp3":
		args = append(args, "-codec:a", "libmp3lame", "-b:a", "32k")
	case ".m4a":
		args = append(args, "-codec:a", "aac", "-b:a", "32k")
	case ".amr":
		if !hasEncoder("libopencore_amrnb") {
			// Debian's ffmpeg cannot encode AMR-NB; Debian's sox can
			// (libopencore-amrnb0, loaded at run time).
			run(t, "sox", r.Path, "-r", "8000", "-c", "1", "-t", "amr-nb", out)
			return out
		}
		args = append(args, "-ar", "8000", "-codec:a", "libopencore_amrnb", "-b:a", "12.2k")
	}
	run(t, "ffmpeg", append(args, out)...)
	return out
}

// CanMakeAMR reports whether an AMR-NB recording can be made here: by
// ffmpeg's libopencore_amrnb encoder or sox's amr-nb format.
func CanMakeAMR() bool {
	if hasEncoder("libopencore_amrnb") {
		return true
	}
	out, err := exec.Command("sox", "-h").CombinedOutput()
	return err == nil && bytes.Contains(out, []byte(" amr-nb "))
}

func hasEncoder(name string) bool {
	out, err := exec.Command("ffmpeg", "-hide_banner", "-encoders").Output()
	return err == nil && bytes.Contains(out, []byte(" "+name+" "))
}

// Duration is what ffprobe reports for path, in seconds.
func Duration(t testing.TB, path string) float64 {
	t.Helper()
	out := run(t, "ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "default=nw=1:nk=1", path)
	d, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
	if err != nil {
		t.Fatalf("ffprobe %s: %q", path, out)
	}
	return d
}

func run(t testing.TB, name string, args ...string) []byte {
	t.Helper()
	var stderr bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v: %s", name, strings.Join(args, " "), err, stderr.String())
	}
	return out
}

// decodeReader turns any audio ffmpeg reads into 16 kHz mono samples.
func decodeReader(r io.Reader) ([]int16, error) {
	cmd := exec.Command("ffmpeg", "-nostdin", "-v", "error", "-i", "pipe:0", "-f", "s16le", "-ac", "1", "-ar", "16000", "pipe:1")
	cmd.Stdin = r
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("ffmpeg: %v: %s", err, stderr.String())
	}
	s := make([]int16, len(out)/2)
	_ = binary.Read(bytes.NewReader(out[:len(s)*2]), binary.LittleEndian, s)
	return s, nil
}

func decode(t testing.TB, path string) []int16 {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := decodeReader(f)
	if err != nil {
		t.Fatalf("decode %s: %v", path, err)
	}
	return s
}

// envelope is the RMS loudness of each 10 ms frame.
func envelope(pcm []int16) []float64 {
	env := make([]float64, len(pcm)/frame)
	for i := range env {
		var sum float64
		for _, v := range pcm[i*frame : (i+1)*frame] {
			sum += float64(v) * float64(v)
		}
		env[i] = math.Sqrt(sum / frame)
	}
	return env
}

// locate finds where in the recording a chunk's envelope fits best, in
// seconds.
func (r *Recording) locate(env []float64) float64 {
	best, bestAt := math.Inf(1), 0
	for off := 0; off+len(env) <= len(r.env)+len(env)/20; off++ {
		var d float64
		n := 0
		for i, v := range env {
			if off+i >= len(r.env) {
				break
			}
			x := v - r.env[off+i]
			d += x * x
			n++
		}
		if n > 0 && d/float64(n) < best {
			best, bestAt = d/float64(n), off
		}
	}
	return float64(bestAt) / 100
}

// hears is what an engine hears of the recording between from and to
// seconds, times relative to from: whole sentences, and the part of a
// sentence cut by an edge with a proportional share of its text.
func (r *Recording) hears(from, to float64) []speech.Segment {
	var out []speech.Segment
	for _, s := range r.Truth {
		a, b := math.Max(s.Start, from), math.Min(s.End, to)
		if b-a < 0.2 {
			continue
		}
		text := s.Text
		if a > s.Start+0.05 || b < s.End-0.05 {
			runes := []rune(text)
			n := int(float64(len(runes)) * (b - a) / (s.End - s.Start))
			if n == 0 {
				continue
			}
			if a > s.Start+0.05 {
				text = string(runes[len(runes)-n:])
			} else {
				text = string(runes[:n])
			}
		}
		out = append(out, speech.Segment{Start: a - from, End: b - from, Text: text})
	}
	return out
}

// Server is a local OpenAI-compatible transcription server for one
// recording.
type Server struct {
	*httptest.Server
	rec   *Recording
	model string
	mu    sync.Mutex
	// Failures503 answers the next that many requests with 503.
	failures503 int
	hang        bool
	resets      int
	token       string
	quit        chan struct{}
	requests    int
	inFlight    int
	maxInFlight int
}

// NewServer starts a server that accepts only model; it is closed when
// the test ends.
func NewServer(t testing.TB, rec *Recording, model string) *Server {
	s := &Server{rec: rec, model: model, quit: make(chan struct{})}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(func() {
		close(s.quit)
		s.Close()
	})
	return s
}

// Fail503 makes the next n requests answer 503.
func (s *Server) Fail503(n int) { s.mu.Lock(); s.failures503 = n; s.mu.Unlock() }

// Hang makes every request wait until the client gives up.
func (s *Server) Hang() { s.mu.Lock(); s.hang = true; s.mu.Unlock() }

// ResetNext makes the next n requests end with the connection closed
// and no answer (a connection reset).
func (s *Server) ResetNext(n int) { s.mu.Lock(); s.resets = n; s.mu.Unlock() }

// RequireToken makes the server refuse (401) requests without this
// bearer token.
func (s *Server) RequireToken(tok string) { s.mu.Lock(); s.token = tok; s.mu.Unlock() }

// MaxInFlight is the most requests the server was handling at once.
func (s *Server) MaxInFlight() int { s.mu.Lock(); defer s.mu.Unlock(); return s.maxInFlight }

// Requests is the number of transcription requests received.
func (s *Server) Requests() int { s.mu.Lock(); defer s.mu.Unlock(); return s.requests }

func apiErr(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"message": msg, "type": "invalid_request_error"}})
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != "/v1/audio/transcriptions" {
		apiErr(w, http.StatusNotFound, "no route "+r.Method+" "+r.URL.Path)
		return
	}
	s.mu.Lock()
	s.requests++
	s.inFlight++
	s.maxInFlight = max(s.maxInFlight, s.inFlight)
	fail, hang, reset, token := s.failures503 > 0, s.hang, s.resets > 0, s.token
	if fail {
		s.failures503--
	}
	if reset {
		s.resets--
	}
	s.mu.Unlock()
	defer func() { s.mu.Lock(); s.inFlight--; s.mu.Unlock() }()
	if reset {
		_, _ = io.Copy(io.Discard, r.Body)
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
				return
			}
		}
		panic(http.ErrAbortHandler)
	}
	if token != "" && r.Header.Get("Authorization") != "Bearer "+token {
		apiErr(w, http.StatusUnauthorized, "invalid token")
		return
	}
	if hang {
		// The server notices the client hanging up only once the body is
		// read; quit frees it when the test ends.
		_, _ = io.Copy(io.Discard, r.Body)
		select {
		case <-r.Context().Done():
		case <-s.quit:
		}
		return
	}
	if fail {
		apiErr(w, http.StatusServiceUnavailable, "overloaded")
		return
	}
	if err := r.ParseMultipartForm(64 << 20); err != nil {
		apiErr(w, http.StatusBadRequest, "multipart: "+err.Error())
		return
	}
	if got := r.FormValue("model"); got != s.model {
		apiErr(w, http.StatusBadRequest, fmt.Sprintf("model %q does not exist", got))
		return
	}
	if got := r.FormValue("response_format"); got != "verbose_json" {
		apiErr(w, http.StatusBadRequest, "response_format "+got)
		return
	}
	f, _, err := r.FormFile("file")
	if err != nil {
		apiErr(w, http.StatusBadRequest, "file: "+err.Error())
		return
	}
	defer f.Close()
	pcm, err := decodeReader(f)
	if err != nil || len(pcm) < frame {
		apiErr(w, http.StatusBadRequest, fmt.Sprintf("could not decode audio: %v", err))
		return
	}
	dur := float64(len(pcm)) / rate
	from := s.rec.locate(envelope(pcm))
	segs := s.rec.hears(from, from+dur)
	type seg struct {
		ID    int     `json:"id"`
		Start float64 `json:"start"`
		End   float64 `json:"end"`
		Text  string  `json:"text"`
	}
	out := struct {
		Task     string  `json:"task"`
		Language string  `json:"language"`
		Duration float64 `json:"duration"`
		Text     string  `json:"text"`
		Segments []seg   `json:"segments"`
	}{Task: "transcribe", Language: "chinese", Duration: dur, Segments: []seg{}}
	var text []string
	for i, sg := range segs {
		out.Segments = append(out.Segments, seg{ID: i, Start: math.Round(sg.Start*100) / 100, End: math.Round(sg.End*100) / 100, Text: sg.Text})
		text = append(text, sg.Text)
	}
	out.Text = strings.Join(text, "")
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(out)
}
