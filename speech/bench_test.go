package speech_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/cailiang/cailiang/speech"
	"github.com/cailiang/cailiang/speech/asrtest"
	"github.com/cailiang/cailiang/speech/openaiasr"
)

// BenchmarkOverhead measures what the pipeline itself costs per second of
// audio — conversion with ffmpeg, chunk cutting, uploads, merging,
// bookkeeping — excluding the engine's own time (the server's handler
// time is subtracted): 10 minutes of 44.1 kHz stereo MP3, 5-minute chunks.
// Reported as overhead_ratio (wall seconds per audio second).
func BenchmarkOverhead(b *testing.B) {
	asrtest.RequireTools(b, "ffmpeg", "ffprobe")
	const seconds = 600
	path := filepath.Join(b.TempDir(), "long.mp3")
	if out, err := exec.Command("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
		"-t", "600", "-ac", "2", "-codec:a", "libmp3lame", "-b:a", "64k", path).CombinedOutput(); err != nil {
		b.Fatalf("ffmpeg: %v %s", err, out)
	}
	var mu sync.Mutex
	var engine time.Duration
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		if err := r.ParseMultipartForm(64 << 20); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"text": "嗯", "segments": []map[string]any{{"id": 0, "start": 1.0, "end": 2.0, "text": "嗯"}}})
		mu.Lock()
		engine += time.Since(start)
		mu.Unlock()
	}))
	defer srv.Close()
	eng, err := openaiasr.New(openaiasr.Config{URL: srv.URL, Model: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	s, err := speech.New(speech.Config{Engine: eng, Dir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ResetTimer()
	start := time.Now()
	for b.Loop() {
		res, err := s.TranscribeFile(context.Background(), path, nil)
		if err != nil || res.Chunks < 2 {
			b.Fatalf("%d chunks, %v", res.Chunks, err)
		}
	}
	wall := time.Since(start) - engine
	b.ReportMetric(wall.Seconds()/float64(b.N)/seconds, "overhead_ratio")
}
