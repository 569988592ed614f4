package asrtest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"
)

// TimedServer is an OpenAI-compatible transcription server that answers
// every chunk with one short segment at once and adds up the time its
// handler took, so that benchmarks can subtract the engine's own time from
// what they measure.
type TimedServer struct {
	*httptest.Server
	mu     sync.Mutex
	engine time.Duration
}

// NewTimedServer starts a TimedServer, closed when the test ends.
func NewTimedServer(tb testing.TB) *TimedServer {
	s := &TimedServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		if err := r.ParseMultipartForm(64 << 20); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"text": "嗯", "segments": []map[string]any{{"id": 0, "start": 1.0, "end": 2.0, "text": "嗯"}}})
		s.mu.Lock()
		s.engine += time.Since(start)
		s.mu.Unlock()
	}))
	tb.Cleanup(s.Close)
	return s
}

// Engine is the time the handler spent on all requests so far.
func (s *TimedServer) Engine() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.engine
}

// LongMP3 writes seconds of a 440 Hz tone as 44.1 kHz stereo MP3 at
// 64 kbit/s (what a phone or recorder keeps) and returns its path: the
// long recording the overhead benchmarks transcribe.
func LongMP3(tb testing.TB, seconds int) string {
	tb.Helper()
	RequireTools(tb, "ffmpeg", "ffprobe")
	path := filepath.Join(tb.TempDir(), "long.mp3")
	if out, err := exec.Command("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
		"-t", strconv.Itoa(seconds), "-ac", "2", "-codec:a", "libmp3lame", "-b:a", "64k", path).CombinedOutput(); err != nil {
		tb.Fatalf("ffmpeg: %v %s", err, out)
	}
	return path
}
