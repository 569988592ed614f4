package speech_test

import (
	"context"
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
	const seconds = 600
	path := asrtest.LongMP3(b, seconds)
	srv := asrtest.NewTimedServer(b)
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
	wall := time.Since(start) - srv.Engine()
	b.ReportMetric(wall.Seconds()/float64(b.N)/seconds, "overhead_ratio")
}
