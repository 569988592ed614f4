package embed

import (
	"context"
	"io"
	"log/slog"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/shareddata"
	"github.com/cailiang/cailiang/nlp"
)

// statuteArticles returns the article texts (law name, then body) of the
// national statutes in force, in file order; the test is skipped (failed
// under CI=true) when the shared data folder is missing.
func statuteArticles(tb testing.TB) []string {
	tb.Helper()
	path := shareddata.File(tb, "statutes_lawrefbook/national.jsonl")
	articlesOnce.Do(func() {
		f, err := os.Open(path)
		if err != nil {
			articlesErr = err
			return
		}
		defer f.Close()
		articlesErr = corpus.ReadLawrefJSONL(f, func(st corpus.Statute) error {
			if !st.InForce {
				return nil
			}
			for _, a := range st.Articles {
				articles = append(articles, st.Law+" "+a.Text())
			}
			return nil
		})
	})
	if articlesErr != nil {
		tb.Fatal(articlesErr)
	}
	return articles
}

var (
	articlesOnce sync.Once
	articles     []string
	articlesErr  error
)

// peakHeap samples the heap in use until stop is called and returns the
// largest value seen, in MiB.
func peakHeap() (stop func() float64) {
	var peak atomic.Uint64
	done := make(chan struct{})
	finished := make(chan struct{})
	sample := func() {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		for {
			old := peak.Load()
			if ms.HeapInuse <= old || peak.CompareAndSwap(old, ms.HeapInuse) {
				break
			}
		}
	}
	go func() {
		defer close(finished)
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				sample()
			}
		}
	}()
	return func() float64 {
		close(done)
		<-finished
		sample()
		return float64(peak.Load()) / (1 << 20)
	}
}

// reportRates reports texts per wall-clock second and, when CPU time is
// known, CPU seconds per run (all goroutines) and texts per CPU second.
func reportRates(b *testing.B, texts int, cpu time.Duration) {
	b.ReportMetric(float64(texts)*float64(b.N)/b.Elapsed().Seconds(), "texts/s")
	if cpu > 0 {
		b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
		b.ReportMetric(float64(texts)*float64(b.N)/cpu.Seconds(), "texts/cpu-s")
	}
}

// baseline measures, in the same run, what any embedder must at least do
// with the texts: hold them (MiB of text) and segment them once (seconds
// with the segmenter the model uses). Ratios against it let runs on
// different machines and loads be compared.
func baseline(texts []string) (mib float64, segSeconds float64) {
	var size int
	for _, t := range texts {
		size += len(t)
	}
	seg := nlp.RuneSegmenter{}
	start := time.Now()
	for _, t := range texts {
		seg.Cut(t)
	}
	return float64(size) / (1 << 20), time.Since(start).Seconds()
}

// reportRatios reports peak heap and time per op as multiples of the
// baseline.
func reportRatios(b *testing.B, texts []string, peakMiB float64) {
	mib, seg := baseline(texts)
	if mib > 0 {
		b.ReportMetric(peakMiB/mib, "peak-heap/text-size")
	}
	if seg > 0 {
		b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/seg, "time/segment-time")
	}
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

func quietLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func benchTexts(b *testing.B, name string) []string {
	switch name {
	case "synthetic":
		texts, _ := syntheticCorpus(1000) // 5,000 sentences
		return texts
	case "statutes-5k":
		a := statuteArticles(b)
		return a[:min(5000, len(a))]
	default: // statutes-all
		return statuteArticles(b)
	}
}

// BenchmarkLSATrain trains a 256-dimensional model; go test -bench
// LSATrain -benchtime 1x reports texts/s and the peak heap.
func BenchmarkLSATrain(b *testing.B) {
	for _, name := range []string{"synthetic", "statutes-5k", "statutes-all"} {
		b.Run(name, func(b *testing.B) {
			texts := benchTexts(b, name)
			runtime.GC()
			b.ReportAllocs()
			b.ResetTimer()
			stop := peakHeap()
			cpu0 := cpuTime()
			var m *LSA
			for b.Loop() {
				var err error
				m, err = TrainLSA(context.Background(), texts, nlp.RuneSegmenter{}, LSAConfig{Logger: quietLogger()})
				if err != nil {
					b.Fatal(err)
				}
			}
			cpu := cpuTime() - cpu0
			peak := stop()
			reportRates(b, len(texts), cpu)
			b.ReportMetric(peak, "peak-heap-MiB")
			reportRatios(b, texts, peak)
			b.ReportMetric(float64(m.Features()), "features")
			b.ReportMetric(float64(len(texts)), "texts")
			var cw countWriter
			if err := m.Save(&cw); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(cw)/(1<<20), "model-MiB")
		})
	}
}

// BenchmarkLSAEmbed embeds texts with a model trained on them (EmbedDocuments,
// all cores) and reports texts/s, bytes/s and the peak heap.
func BenchmarkLSAEmbed(b *testing.B) {
	for _, name := range []string{"synthetic", "statutes-5k"} {
		b.Run(name, func(b *testing.B) {
			texts := benchTexts(b, name)
			m, err := TrainLSA(context.Background(), texts, nlp.RuneSegmenter{}, LSAConfig{Logger: quietLogger()})
			if err != nil {
				b.Fatal(err)
			}
			var size int64
			for _, t := range texts {
				size += int64(len(t))
			}
			runtime.GC()
			b.SetBytes(size)
			b.ReportAllocs()
			b.ResetTimer()
			stop := peakHeap()
			cpu0 := cpuTime()
			for b.Loop() {
				if _, err := m.EmbedDocuments(context.Background(), texts); err != nil {
					b.Fatal(err)
				}
			}
			cpu := cpuTime() - cpu0
			peak := stop()
			reportRates(b, len(texts), cpu)
			b.ReportMetric(peak, "peak-heap-MiB")
			reportRatios(b, texts, peak)
		})
	}
}
