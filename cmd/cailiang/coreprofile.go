package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime/metrics"
	"syscall"
	"time"
)

// coreProfileEvery is how often --coreprofile samples the scheduler.
const coreProfileEvery = 100 * time.Millisecond

// startCoreProfile samples, every coreProfileEvery until the returned
// function is called, how many goroutines are running, runnable and in a
// cgo call (jieba), one line per sample: milliseconds since the start, the
// three counts and the process's CPU time so far (user + system, ms). Their sum capped at GOMAXPROCS is how many cores the
// command could keep busy at that moment whatever else the machine runs,
// which is what tells a phase that runs on one core from one that waits
// for a loaded machine (--coreprofile, for measuring imports).
func startCoreProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("--coreprofile: %w", err)
	}
	w := bufio.NewWriter(f)
	samples := []metrics.Sample{
		{Name: "/sched/goroutines/running:goroutines"},
		{Name: "/sched/goroutines/runnable:goroutines"},
		{Name: "/sched/goroutines/not-in-go:goroutines"},
	}
	start := time.Now()
	fmt.Fprintf(w, "# start %s\n# ms running runnable not-in-go cpu-ms\n", start.UTC().Format(time.RFC3339Nano))
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(coreProfileEvery)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
			}
			metrics.Read(samples)
			fmt.Fprintf(w, "%d", time.Since(start).Milliseconds())
			for _, s := range samples {
				var v uint64
				if s.Value.Kind() == metrics.KindUint64 {
					v = s.Value.Uint64()
				}
				fmt.Fprintf(w, " %d", v)
			}
			var ru syscall.Rusage
			if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err == nil {
				fmt.Fprintf(w, " %d", (ru.Utime.Nano()+ru.Stime.Nano())/1e6)
			}
			fmt.Fprintln(w)
		}
	}()
	return func() {
		close(stop)
		<-done
		w.Flush()
		f.Close()
	}, nil
}
