package api

import (
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"testing"
)

// gcCounters are the collector's cumulative counts from runtime/metrics:
// cycles and the CPU its marking took (background workers, idle workers
// and the allocating goroutines' assists).
type gcCounters struct {
	cycles  uint64
	markCPU float64 // seconds
}

var gcMetricNames = []string{
	"/gc/cycles/total:gc-cycles",
	"/cpu/classes/gc/mark/assist:cpu-seconds",
	"/cpu/classes/gc/mark/dedicated:cpu-seconds",
	"/cpu/classes/gc/mark/idle:cpu-seconds",
}

func readGC() gcCounters {
	s := make([]metrics.Sample, len(gcMetricNames))
	for i, n := range gcMetricNames {
		s[i].Name = n
	}
	metrics.Read(s)
	var c gcCounters
	if s[0].Value.Kind() == metrics.KindUint64 {
		c.cycles = s[0].Value.Uint64()
	}
	for _, x := range s[1:] {
		if x.Value.Kind() == metrics.KindFloat64 {
			c.markCPU += x.Value.Float64()
		}
	}
	return c
}

// reportGC reports the collections during runs measured runs of a load
// (per run: cycles, mark CPU in ms, mark CPU per cycle) and, after a forced
// collection, the live heap the load ran over (MB and objects) and how
// much of it the collector scans (its pointer-holding part, the mark work
// of every cycle that does not depend on the machine's load).
func reportGC(b *testing.B, what string, before, after gcCounters, runs int) {
	cycles := float64(after.cycles-before.cycles) / float64(runs)
	mark := (after.markCPU - before.markCPU) * 1000 / float64(runs)
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/heap/objects:objects"}, {Name: "/gc/scan/heap:bytes"}}
	metrics.Read(s)
	live, objects := float64(s[0].Value.Uint64())/(1<<20), float64(s[1].Value.Uint64())
	scan := float64(s[2].Value.Uint64()) / (1 << 20)
	b.ReportMetric(cycles, "gc/run")
	b.ReportMetric(mark, "gc_mark_ms/run")
	if cycles > 0 {
		b.ReportMetric(mark/cycles, "gc_mark_ms/cycle")
	}
	b.ReportMetric(live, "live_MB")
	b.ReportMetric(objects, "heap_objects")
	b.ReportMetric(scan, "scan_MB")
	fmt.Fprintf(os.Stderr, "%s: %.1f collections per run, mark CPU %.1f ms per run; live heap %.0f MB, %.0f objects, %.1f MB of it scanned\n", what, cycles, mark, live, objects, scan)
}
