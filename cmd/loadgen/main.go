// Command loadgen is the external load client of cailiang's HTTP
// benchmarks: it runs in its own process, so that the client's CPU is not
// counted as the server's nor hidden by sharing its scheduler, sends one
// request from each of -c clients in a loop, and prints one JSON line with
// the throughput and latency percentiles.
//
//	loadgen -url http://127.0.0.1:8080/v1/norms/search?q=… -c 20 -n 100
//	loadgen -url http://127.0.0.1:8080/v1/analyze -body facts.json -c 50
//	loadgen -urls queries.txt -c 20 -n 50   # one URL a line, each request the next
//	loadgen -urls queries.txt -trace t.tsv  # and every measured request's start, latency, status, URL
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/valyala/fasthttp"
)

// report is what loadgen prints.
type report struct {
	Clients  int         `json:"clients"`
	Requests int         `json:"requests"`
	Errors   int         `json:"errors"`
	Status   map[int]int `json:"status"`
	Seconds  float64     `json:"seconds"`
	ReqPerS  float64     `json:"req_per_s"`
	P50ms    float64     `json:"p50_ms"`
	P90ms    float64     `json:"p90_ms"`
	P99ms    float64     `json:"p99_ms"`
	Maxms    float64     `json:"max_ms"`
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	target := fs.String("url", "", "URL to request")
	urlFile := fs.String("urls", "", "file of URLs, one a line, requested in turn (client i starts at line i·n): distinct requests that no cache answers twice")
	clients := fs.Int("c", 20, "concurrent clients")
	n := fs.Int("n", 100, "measured requests per client")
	warm := fs.Int("warm", 2, "unmeasured requests per client first")
	bodyFile := fs.String("body", "", "file whose content is POSTed as application/json (GET without)")
	traceFile := fs.String("trace", "", "write every measured request to FILE, one a line: start (ms since the measurement began), latency (ms), status, URL; the tail of a distribution is read from it (which requests, and whether they come at once)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var targets []string
	if *urlFile != "" {
		b, err := os.ReadFile(*urlFile)
		if err != nil {
			return fmt.Errorf("read urls: %w", err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				targets = append(targets, l)
			}
		}
	} else if *target != "" {
		targets = []string{*target}
	}
	if len(targets) == 0 || *clients < 1 || *n < 1 {
		return errors.New("-url or -urls, -c ≥ 1 and -n ≥ 1 are required")
	}
	var body []byte
	if *bodyFile != "" {
		b, err := os.ReadFile(*bodyFile)
		if err != nil {
			return fmt.Errorf("read body: %w", err)
		}
		body = b
	}
	fc := &fasthttp.Client{MaxConnsPerHost: *clients, ReadTimeout: time.Minute, WriteTimeout: time.Minute}
	var mu sync.Mutex
	rep := report{Clients: *clients, Status: map[int]int{}}
	var lat []time.Duration
	var traced []traceLine
	var begin time.Time
	one := func(k int) (time.Duration, int, error) {
		req, resp := fasthttp.AcquireRequest(), fasthttp.AcquireResponse()
		defer fasthttp.ReleaseRequest(req)
		defer fasthttp.ReleaseResponse(resp)
		req.SetRequestURI(targets[k%len(targets)])
		if body != nil {
			req.Header.SetMethod("POST")
			req.Header.SetContentType("application/json")
			req.SetBodyRaw(body)
		}
		start := time.Now()
		err := fc.Do(req, resp)
		return time.Since(start), resp.StatusCode(), err
	}
	var wg, warmed sync.WaitGroup
	ready := make(chan struct{})
	for c := 0; c < *clients; c++ {
		wg.Add(1)
		warmed.Add(1)
		go func(c int) {
			defer wg.Done()
			// Warm-up requests come from the end of the list, measured
			// ones from client c's own stretch of it.
			for i := 0; i < *warm; i++ {
				_, _, _ = one(len(targets) - 1 - c*(*warm) - i + 10*len(targets))
			}
			warmed.Done()
			<-ready
			mine := make([]time.Duration, 0, *n)
			var tr []traceLine
			status := map[int]int{}
			errs := 0
			for i := 0; i < *n && ctx.Err() == nil; i++ {
				at := time.Since(begin)
				d, st, err := one(c*(*n) + i)
				if err != nil {
					errs++
					continue
				}
				status[st]++
				mine = append(mine, d)
				if *traceFile != "" {
					tr = append(tr, traceLine{at: at, lat: d, status: st, url: targets[(c*(*n)+i)%len(targets)]})
				}
			}
			mu.Lock()
			defer mu.Unlock()
			lat = append(lat, mine...)
			traced = append(traced, tr...)
			rep.Errors += errs
			for k, v := range status {
				rep.Status[k] += v
			}
		}(c)
	}
	// Clients warm up concurrently; measurement starts when all have.
	warmed.Wait()
	begin = time.Now()
	close(ready)
	wg.Wait()
	el := time.Since(begin)
	if *traceFile != "" {
		if err := writeTrace(*traceFile, traced); err != nil {
			return err
		}
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	ms := func(q float64) float64 {
		if len(lat) == 0 {
			return 0
		}
		i := int(q * float64(len(lat)))
		if i >= len(lat) {
			i = len(lat) - 1
		}
		return float64(lat[i].Microseconds()) / 1000
	}
	rep.Requests = len(lat)
	rep.Seconds = el.Seconds()
	rep.ReqPerS = float64(len(lat)) / el.Seconds()
	rep.P50ms, rep.P90ms, rep.P99ms, rep.Maxms = ms(0.5), ms(0.9), ms(0.99), ms(1)
	return json.NewEncoder(os.Stdout).Encode(rep)
}

// traceLine is one measured request of -trace.
type traceLine struct {
	at, lat time.Duration
	status  int
	url     string
}

// writeTrace writes the requests in the order they started.
func writeTrace(path string, tr []traceLine) error {
	sort.Slice(tr, func(i, j int) bool { return tr[i].at < tr[j].at })
	var b strings.Builder
	for _, t := range tr {
		fmt.Fprintf(&b, "%.3f\t%.3f\t%d\t%s\n", float64(t.at.Microseconds())/1000, float64(t.lat.Microseconds())/1000, t.status, t.url)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write trace: %w", err)
	}
	return nil
}
