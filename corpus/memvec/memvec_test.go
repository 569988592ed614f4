package memvec

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/vectortest"
)

var ctx = context.Background()

var discardLogger = slog.New(slog.NewTextHandler(io.Discard, nil))

func quiet(cfg Config) Config {
	cfg.Logger = discardLogger
	return cfg
}

func mustOpen(t testing.TB, dir string, cfg Config) *Store {
	t.Helper()
	s, err := Open(dir, quiet(cfg))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// statsOnClose records a collection's Stats when the suite closes the store.
type statsOnClose struct {
	*Store
	name string
	got  *[]Stats
	mu   *sync.Mutex
}

func (s statsOnClose) Close() error {
	if st, err := s.Stats(s.name); err == nil {
		s.mu.Lock()
		*s.got = append(*s.got, st)
		s.mu.Unlock()
	}
	return s.Store.Close()
}

func TestConformance(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
		// wantGraph: the suite's 3,000-vector collection is searched
		// through the graph.
		wantGraph bool
	}{
		{"exact", Config{}, false},
		{"hnsw blocking build", Config{ExactThreshold: 500, BlockingBuild: true}, true},
		// Background builds start during the suite's concurrent test
		// (200 upserts against a threshold of 50) and race its writes.
		{"hnsw background build", Config{ExactThreshold: 50}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var mu sync.Mutex
			var stats []Stats
			vectortest.Run(t, func(t *testing.T) (corpus.VectorStore, func() corpus.VectorStore) {
				dir := t.TempDir()
				s := statsOnClose{mustOpen(t, dir, tc.cfg), "big", &stats, &mu}
				return s, func() corpus.VectorStore { return mustOpen(t, dir, tc.cfg) }
			})
			if !tc.wantGraph {
				return
			}
			if len(stats) != 1 || !stats[0].Indexed || stats[0].GraphSearches < 50 {
				t.Errorf("stats of the 3,000-vector collection: %+v; want an index and 50 graph searches", stats)
			}
		})
	}
}

func normalize(v []float32) []float32 {
	out, err := unit(v)
	if err != nil {
		panic(err)
	}
	return out
}

// clustered returns n unit vectors around `clusters` random centres, a
// stand-in for text embeddings, which are far from uniform.
func clustered(rng *rand.Rand, n, dim, clusters int) [][]float32 {
	centres := make([][]float32, clusters)
	for i := range centres {
		centres[i] = make([]float32, dim)
		for j := range centres[i] {
			centres[i][j] = float32(rng.NormFloat64())
		}
	}
	out := make([][]float32, n)
	for i := range out {
		c := centres[rng.Intn(clusters)]
		v := make([]float32, dim)
		for j := range v {
			v[j] = c[j] + 0.6*float32(rng.NormFloat64())
		}
		out[i] = normalize(v)
	}
	return out
}

func gaussian(rng *rand.Rand, dim int) []float32 {
	v := make([]float32, dim)
	for j := range v {
		v[j] = float32(rng.NormFloat64())
	}
	return normalize(v)
}

func upsertAll(t testing.TB, s *Store, coll string, data [][]float32, meta func(int) map[string]string) {
	t.Helper()
	for i := 0; i < len(data); i += 500 {
		var recs []corpus.VectorRecord
		for j := i; j < min(i+500, len(data)); j++ {
			var m map[string]string
			if meta != nil {
				m = meta(j)
			}
			recs = append(recs, corpus.VectorRecord{ID: fmt.Sprint(j), Vector: data[j], Meta: m})
		}
		if err := s.Upsert(ctx, coll, recs); err != nil {
			t.Fatal(err)
		}
	}
}

// recall searches queries through s and compares with exact search over
// data restricted to keep (nil keeps all).
func recall(t testing.TB, s *Store, coll string, data [][]float32, queries [][]float32, k int, filter corpus.VectorFilter, keep func(int) bool) float64 {
	t.Helper()
	found, total := 0, 0
	for _, q := range queries {
		exact := vectortest.ExactTopK(data, q, k, keep)
		hits, err := s.Search(ctx, coll, q, k, filter)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, h := range hits {
			got[h.ID] = true
			if keep != nil {
				var i int
				fmt.Sscan(h.ID, &i)
				if !keep(i) {
					t.Fatalf("hit %s does not pass the filter %v", h.ID, filter)
				}
			}
		}
		for _, i := range exact {
			if got[fmt.Sprint(i)] {
				found++
			}
		}
		total += len(exact)
	}
	if total == 0 {
		return 1
	}
	return float64(found) / float64(total)
}

func TestHNSWRecallFiltersAndTombstones(t *testing.T) {
	const n, dim, k = 4000, 32, 10
	rng := rand.New(rand.NewSource(7))
	// Queries come from the data's distribution, as queries of a text
	// embedder come from its documents' distribution.
	all := clustered(rng, n+40, dim, 30)
	data, queries := all[:n], all[n:]
	s := mustOpen(t, t.TempDir(), Config{ExactThreshold: 1000, BlockingBuild: true})
	defer s.Close()
	if err := s.EnsureCollection(ctx, "v", corpus.CollectionSpec{Embedder: "t", Dim: dim}); err != nil {
		t.Fatal(err)
	}
	meta := func(i int) map[string]string {
		parity := "even"
		if i%2 == 1 {
			parity = "odd"
		}
		return map[string]string{"mod10": fmt.Sprint(i % 10), "mod2": fmt.Sprint(i % 2), "mod5": fmt.Sprint(i % 5), "mod100": fmt.Sprint(i % 100), "parity": parity}
	}
	upsertAll(t, s, "v", data, meta)
	alive := make([]bool, n)
	for i := range alive {
		alive[i] = true
	}
	parse := func(id string) int {
		var i int
		fmt.Sscan(id, &i)
		return i
	}
	check := func(stage string) {
		t.Helper()
		for _, tc := range []struct {
			filter corpus.VectorFilter
			keep   func(int) bool
			min    float64
		}{
			{nil, nil, 0.97},
			{corpus.VectorFilter{"mod2": "1"}, func(i int) bool { return i%2 == 1 }, 0.97},
			{corpus.VectorFilter{"mod10": "3"}, func(i int) bool { return i%10 == 3 }, 0.97},
			// 1% of the records: searched exactly.
			{corpus.VectorFilter{"mod100": "42"}, func(i int) bool { return i%100 == 42 }, 1},
			// Each key matches half or a fifth; together a tenth.
			{corpus.VectorFilter{"mod2": "0", "mod5": "4"}, func(i int) bool { return i%10 == 4 }, 0.97},
			// Each key is common, together they match nothing.
			{corpus.VectorFilter{"mod2": "0", "mod10": "1"}, func(int) bool { return false }, 1},
			// Each key matches half: the graph is walked, finds
			// nothing, and the exact scan confirms it (a fallback).
			{corpus.VectorFilter{"mod2": "0", "parity": "odd"}, func(int) bool { return false }, 1},
		} {
			keep := func(i int) bool { return alive[i] && (tc.keep == nil || tc.keep(i)) }
			r := recall(t, s, "v", data, queries, k, tc.filter, keep)
			t.Logf("%s: filter %v recall@%d = %.3f", stage, tc.filter, k, r)
			if r < tc.min {
				t.Errorf("%s: filter %v recall@%d = %.3f; want ≥ %.2f", stage, tc.filter, k, r, tc.min)
			}
		}
		// Every search returns k hits when k records match.
		hits, err := s.Search(ctx, "v", queries[1], k, corpus.VectorFilter{"mod10": "7"})
		if err != nil || len(hits) != k {
			t.Errorf("%s: filtered search returned %d hits, %v; want %d", stage, len(hits), err, k)
		}
		for _, h := range hits {
			if !alive[parse(h.ID)] {
				t.Errorf("%s: deleted record %s returned", stage, h.ID)
			}
			if h.Score < -1 || h.Score > 1 {
				t.Errorf("%s: score %v out of [-1, 1]", stage, h.Score)
			}
		}
	}
	check("fresh")
	st, _ := s.Stats("v")
	if !st.Indexed || st.GraphSearches == 0 {
		t.Fatalf("after searches over %d vectors with threshold 1000: %+v; want graph searches", n, st)
	}

	// Deleting 15% leaves tombstones in the graph.
	var del []string
	for i := 0; i < n; i += 7 {
		del = append(del, fmt.Sprint(i))
		alive[i] = false
	}
	if err := s.Delete(ctx, "v", del); err != nil {
		t.Fatal(err)
	}
	st, _ = s.Stats("v")
	if !st.Indexed || st.Tombstones != len(del) {
		t.Fatalf("after deleting %d: %+v; want the graph kept with tombstones", len(del), st)
	}
	check("tombstones")

	// Replacing vectors while the graph exists: the new vector is found.
	var recs []corpus.VectorRecord
	for i := 1; i < 400; i += 4 {
		data[i] = gaussian(rng, dim)
		alive[i] = true // a deleted ID comes back
		recs = append(recs, corpus.VectorRecord{ID: fmt.Sprint(i), Vector: data[i], Meta: meta(i)})
	}
	if err := s.Upsert(ctx, "v", recs); err != nil {
		t.Fatal(err)
	}
	for _, r := range recs[:20] {
		hits, err := s.Search(ctx, "v", r.Vector, 1, nil)
		if err != nil || len(hits) != 1 || hits[0].ID != r.ID || hits[0].Score < 0.999 {
			t.Errorf("search for replaced %s: %+v %v", r.ID, hits, err)
		}
	}
	check("replaced")

	// A large batch drops the graph; the next search rebuilds it.
	recs = recs[:0]
	for i := 2; i < 4*(maxGraphBatch+1); i += 4 {
		data[i] = gaussian(rng, dim)
		alive[i] = true
		recs = append(recs, corpus.VectorRecord{ID: fmt.Sprint(i), Vector: data[i], Meta: meta(i)})
	}
	if err := s.Upsert(ctx, "v", recs); err != nil {
		t.Fatal(err)
	}
	if st, _ = s.Stats("v"); st.Indexed {
		t.Errorf("after a batch of %d: %+v; want the graph dropped", len(recs), st)
	}
	check("bulk replaced")
	if st, _ = s.Stats("v"); !st.Indexed {
		t.Errorf("graph not rebuilt after a bulk upsert: %+v", st)
	}

	// Deleting more crosses a quarter of tombstones: compaction drops the
	// graph, the next search rebuilds it.
	del = del[:0]
	for i := 3; i < n; i += 5 {
		if alive[i] {
			del = append(del, fmt.Sprint(i))
			alive[i] = false
		}
	}
	if err := s.Delete(ctx, "v", del); err != nil {
		t.Fatal(err)
	}
	st, _ = s.Stats("v")
	if st.Tombstones != 0 || st.Indexed {
		t.Fatalf("after compaction: %+v; want no tombstones and no graph", st)
	}
	check("compacted")
	st, _ = s.Stats("v")
	if !st.Indexed {
		t.Errorf("graph not rebuilt after compaction: %+v", st)
	}
	if st.Fallbacks == 0 {
		t.Errorf("no filtered search fell back to exact search: %+v", st)
	}
	live := 0
	for _, a := range alive {
		if a {
			live++
		}
	}
	if c, _ := s.Count(ctx, "v"); c != live {
		t.Errorf("Count = %d; want %d", c, live)
	}
}

// TestBackgroundBuildRacesWriters builds the graph in the background while
// records are added, replaced and deleted, then checks that the graph covers
// every write made during the build.
func TestBackgroundBuildRacesWriters(t *testing.T) {
	const dim = 16
	rng := rand.New(rand.NewSource(3))
	data := clustered(rng, 4000, dim, 20)
	s := mustOpen(t, t.TempDir(), Config{ExactThreshold: 1000})
	defer s.Close()
	if err := s.EnsureCollection(ctx, "v", corpus.CollectionSpec{Embedder: "t", Dim: dim}); err != nil {
		t.Fatal(err)
	}
	upsertAll(t, s, "v", data[:3000], nil)
	// This search starts the build and is answered exactly.
	if _, err := s.Search(ctx, "v", data[0], 5, nil); err != nil {
		t.Fatal(err)
	}
	queries := slices.Clone(data[:200]) // the writer changes data
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 3000; i < 4000; i += 50 {
			var recs []corpus.VectorRecord
			for j := i; j < i+50; j++ {
				recs = append(recs, corpus.VectorRecord{ID: fmt.Sprint(j), Vector: data[j]})
			}
			// Replace an old record and delete another on the way.
			data[i-3000] = gaussian(rng, dim)
			recs = append(recs, corpus.VectorRecord{ID: fmt.Sprint(i - 3000), Vector: data[i-3000]})
			if err := s.Upsert(ctx, "v", recs); err != nil {
				t.Error(err)
				return
			}
			if err := s.Delete(ctx, "v", []string{fmt.Sprint(i - 2999)}); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	go func() {
		defer wg.Done()
		for _, q := range queries {
			if _, err := s.Search(ctx, "v", q, 5, nil); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	wg.Wait()
	if err := s.BuildIndex(ctx, "v"); err != nil {
		t.Fatal(err)
	}
	st, _ := s.Stats("v")
	if !st.Indexed || st.Count != 4000-20 {
		t.Fatalf("stats %+v; want an index over 3,980 records", st)
	}
	for i := 0; i < 4000; i += 37 {
		hits, err := s.Search(ctx, "v", data[i], 1, nil)
		if err != nil {
			t.Fatal(err)
		}
		deleted := i < 1000 && i%50 == 1
		if deleted {
			if len(hits) > 0 && hits[0].ID == fmt.Sprint(i) {
				t.Errorf("deleted %d found", i)
			}
			continue
		}
		if len(hits) != 1 || hits[0].ID != fmt.Sprint(i) {
			t.Errorf("search for %d by its own vector: %+v", i, hits)
		}
	}
}

func TestDropAndCloseDuringBuild(t *testing.T) {
	const dim = 64
	data := clustered(rand.New(rand.NewSource(5)), 20000, dim, 30)
	dir := t.TempDir()
	s := mustOpen(t, dir, Config{ExactThreshold: 100})
	spec := corpus.CollectionSpec{Embedder: "t", Dim: dim}
	for _, c := range []string{"a", "b"} {
		if err := s.EnsureCollection(ctx, c, spec); err != nil {
			t.Fatal(err)
		}
		upsertAll(t, s, c, data, nil)
		if _, err := s.Search(ctx, c, data[0], 3, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DropCollection(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil { // b is still building
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	for name, err := range map[string]error{
		"Search": func() error { _, err := s.Search(ctx, "b", data[0], 1, nil); return err }(),
		"Upsert": s.Upsert(ctx, "b", []corpus.VectorRecord{{ID: "x", Vector: data[0]}}),
		"Count":  func() error { _, err := s.Count(ctx, "b"); return err }(),
		"Ensure": s.EnsureCollection(ctx, "b", spec),
	} {
		if !errors.Is(err, ErrClosed) {
			t.Errorf("%s after Close: %v; want ErrClosed", name, err)
		}
	}
	s = mustOpen(t, dir, Config{})
	defer s.Close()
	if _, err := s.Count(ctx, "a"); !errors.Is(err, corpus.ErrNoCollection) {
		t.Errorf("dropped collection after reopen: %v", err)
	}
	if n, err := s.Count(ctx, "b"); err != nil || n != len(data) {
		t.Errorf("Count(b) after reopen = %d, %v", n, err)
	}
}

// TestCrashAfterUpsert upserts in a child process that kills itself without
// Close, then reopens the directory: every acknowledged Upsert is there.
func TestCrashAfterUpsert(t *testing.T) {
	if dir := os.Getenv("MEMVEC_CRASH_DIR"); dir != "" {
		crashChild(dir)
		return
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashAfterUpsert$")
	cmd.Env = append(os.Environ(), "MEMVEC_CRASH_DIR="+dir)
	out, _ := cmd.Output() // the child dies of SIGKILL
	acked := 0
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "acked ") {
			acked++
		}
	}
	if acked != 5 {
		t.Fatalf("child acknowledged %d batches; want 5; output:\n%s", acked, out)
	}
	s := mustOpen(t, dir, Config{})
	defer s.Close()
	n, err := s.Count(ctx, "crash")
	if err != nil || n != 5*100 {
		t.Fatalf("after crash Count = %d, %v; want 500", n, err)
	}
	hits, err := s.Search(ctx, "crash", crashVec(499), 1, corpus.VectorFilter{"batch": "4"})
	if err != nil || len(hits) != 1 || hits[0].ID != "499" || hits[0].Score < 0.999 {
		t.Fatalf("after crash search = %+v, %v", hits, err)
	}
}

func crashVec(i int) []float32 {
	return normalize([]float32{float32(i%7) + 1, float32(i%11) - 5, float32(i%13) + 0.5, float32(i)})
}

func crashChild(dir string) {
	s, err := Open(dir, quiet(Config{}))
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(2)
	}
	if err := s.EnsureCollection(ctx, "crash", corpus.CollectionSpec{Embedder: "t", Dim: 4}); err != nil {
		fmt.Println("ensure:", err)
		os.Exit(2)
	}
	for b := 0; b < 5; b++ {
		var recs []corpus.VectorRecord
		for i := b * 100; i < (b+1)*100; i++ {
			recs = append(recs, corpus.VectorRecord{ID: fmt.Sprint(i), Vector: crashVec(i), Meta: map[string]string{"batch": fmt.Sprint(b)}})
		}
		if err := s.Upsert(ctx, "crash", recs); err != nil {
			fmt.Println("upsert:", err)
			os.Exit(2)
		}
		fmt.Println("acked", b)
	}
	os.Stdout.Sync()
	p, _ := os.FindProcess(os.Getpid())
	p.Kill() // no Close, no deferred functions
	select {}
}

func TestFailedBatchWritesNothing(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir, Config{})
	spec := corpus.CollectionSpec{Embedder: "t", Dim: 3}
	if err := s.EnsureCollection(ctx, "c", spec); err != nil {
		t.Fatal(err)
	}
	orig := normalize([]float32{1, 0, 0})
	if err := s.Upsert(ctx, "c", []corpus.VectorRecord{{ID: "keep", Vector: orig, Meta: map[string]string{"v": "1"}}}); err != nil {
		t.Fatal(err)
	}
	good := func(id string) corpus.VectorRecord {
		return corpus.VectorRecord{ID: id, Vector: []float32{0, 1, 0}}
	}
	nan := float32(math.NaN())
	for _, tc := range []struct {
		name string
		bad  corpus.VectorRecord
		want error
	}{
		{"NaN", corpus.VectorRecord{ID: "b", Vector: []float32{1, nan, 0}}, corpus.ErrInvalid},
		{"+Inf", corpus.VectorRecord{ID: "b", Vector: []float32{float32(math.Inf(1)), 0, 0}}, corpus.ErrInvalid},
		{"-Inf", corpus.VectorRecord{ID: "b", Vector: []float32{0, 0, float32(math.Inf(-1))}}, corpus.ErrInvalid},
		{"empty ID", corpus.VectorRecord{ID: "", Vector: []float32{1, 1, 1}}, corpus.ErrInvalid},
		{"long ID", corpus.VectorRecord{ID: strings.Repeat("x", corpus.MaxVectorTextBytes+1), Vector: []float32{1, 1, 1}}, corpus.ErrInvalid},
		{"invalid UTF-8 ID", corpus.VectorRecord{ID: "\xff\xfe", Vector: []float32{1, 1, 1}}, corpus.ErrInvalid},
		{"NUL in ID", corpus.VectorRecord{ID: "a\x00b", Vector: []float32{1, 1, 1}}, corpus.ErrInvalid},
		{"dimension", corpus.VectorRecord{ID: "b", Vector: []float32{1, 1}}, corpus.ErrDimension},
		{"nil vector", corpus.VectorRecord{ID: "b"}, corpus.ErrDimension},
		{"empty meta key", corpus.VectorRecord{ID: "b", Vector: []float32{1, 1, 1}, Meta: map[string]string{"": "x"}}, corpus.ErrInvalid},
		{"invalid UTF-8 meta", corpus.VectorRecord{ID: "b", Vector: []float32{1, 1, 1}, Meta: map[string]string{"k": "\xc3"}}, corpus.ErrInvalid},
		{"meta over 1 MiB", corpus.VectorRecord{ID: "b", Vector: []float32{1, 1, 1}, Meta: map[string]string{"k": strings.Repeat("法", MaxMetaBytes/3+1)}}, corpus.ErrInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// The bad record comes after good ones and after a
			// replacement of "keep": none of them may be written.
			batch := []corpus.VectorRecord{good("g1"), {ID: "keep", Vector: []float32{0, 0, 1}}, good("g2"), tc.bad}
			err := s.Upsert(ctx, "c", batch)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Upsert = %v; want %v", err, tc.want)
			}
			ids, _ := s.IDs(ctx, "c")
			if fmt.Sprint(ids) != "[keep]" {
				t.Errorf("IDs after failed batch = %v", ids)
			}
		})
	}
	check := func(s *Store) {
		t.Helper()
		hits, err := s.Search(ctx, "c", orig, 1, nil)
		if err != nil || len(hits) != 1 || hits[0].ID != "keep" || hits[0].Score < 0.999 || hits[0].Meta["v"] != "1" {
			t.Errorf("record replaced by a failed batch: %+v %v", hits, err)
		}
	}
	check(s)
	s.Close()
	s = mustOpen(t, dir, Config{})
	defer s.Close()
	check(s)
	if ids, _ := s.IDs(ctx, "c"); fmt.Sprint(ids) != "[keep]" {
		t.Errorf("IDs after reopen = %v", ids)
	}
}

func TestHostileInputs(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir, Config{})
	spec := corpus.CollectionSpec{Embedder: "t", Dim: 3}
	if err := s.EnsureCollection(ctx, "c", spec); err != nil {
		t.Fatal(err)
	}

	t.Run("collections", func(t *testing.T) {
		for _, tc := range []struct {
			name string
			spec corpus.CollectionSpec
		}{
			{"", spec},
			{strings.Repeat("c", corpus.MaxVectorTextBytes+1), spec},
			{"\xff", spec},
			{"ok", corpus.CollectionSpec{Embedder: "t", Dim: 0}},
			{"ok", corpus.CollectionSpec{Embedder: "t", Dim: -3}},
			{"ok", corpus.CollectionSpec{Embedder: "t", Dim: MaxDim + 1}},
			{"ok", corpus.CollectionSpec{Embedder: "", Dim: 3}},
		} {
			if err := s.EnsureCollection(ctx, tc.name, tc.spec); !errors.Is(err, corpus.ErrInvalid) {
				t.Errorf("EnsureCollection(%.20q, %+v) = %v; want ErrInvalid", tc.name, tc.spec, err)
			}
		}
		for _, op := range []func() error{
			func() error { return s.Delete(ctx, "nope", []string{"a"}) },
			func() error { _, err := s.IDs(ctx, "nope"); return err },
			func() error { _, err := s.Search(ctx, "nope", []float32{1, 0, 0}, 1, nil); return err },
			func() error { return s.BuildIndex(ctx, "nope") },
		} {
			if err := op(); !errors.Is(err, corpus.ErrNoCollection) {
				t.Errorf("unknown collection: %v; want ErrNoCollection", err)
			}
		}
	})

	t.Run("big metadata", func(t *testing.T) {
		big := map[string]string{}
		for i := 0; i < 100; i++ {
			big[fmt.Sprintf("键%d", i)] = strings.Repeat("裁量", 1500) // ~900 KB as JSON
		}
		if err := s.Upsert(ctx, "c", []corpus.VectorRecord{{ID: "big", Vector: []float32{1, 2, 3}, Meta: big}}); err != nil {
			t.Fatal(err)
		}
		hits, err := s.Search(ctx, "c", []float32{1, 2, 3}, 1, corpus.VectorFilter{"键7": big["键7"]})
		if err != nil || len(hits) != 1 || len(hits[0].Meta) != 100 {
			t.Fatalf("search big metadata: %d hits, %v", len(hits), err)
		}
		hits[0].Meta["键7"] = "changed by the caller"
		hits, _ = s.Search(ctx, "c", []float32{1, 2, 3}, 1, nil)
		if hits[0].Meta["键7"] != big["键7"] {
			t.Error("a caller changed the stored metadata through a hit")
		}
	})

	t.Run("vectors", func(t *testing.T) {
		recs := []corpus.VectorRecord{
			{ID: "zero", Vector: []float32{0, 0, 0}},
			{ID: "huge", Vector: []float32{3e38, 3e38, 0}},
			{ID: "tiny", Vector: []float32{1e-44, 0, 0}},
			{ID: "dup", Vector: []float32{0, -1, 0}},
			{ID: "dup", Vector: []float32{0, 0, -1}}, // the last one wins
		}
		if err := s.Upsert(ctx, "c", recs); err != nil {
			t.Fatal(err)
		}
		hits, err := s.Search(ctx, "c", []float32{1, 1, 0}, 10, nil)
		if err != nil {
			t.Fatal(err)
		}
		score := map[string]float64{}
		for _, h := range hits {
			score[h.ID] = h.Score
			if h.Score < -1 || h.Score > 1 {
				t.Errorf("score of %s = %v", h.ID, h.Score)
			}
		}
		if math.Abs(score["huge"]-1) > 1e-6 || score["zero"] != 0 || math.Abs(score["tiny"]-math.Sqrt(0.5)) > 1e-6 || score["dup"] != 0 {
			t.Errorf("scores %v", score)
		}
		hits, _ = s.Search(ctx, "c", []float32{0, 0, -1}, 1, nil)
		if len(hits) != 1 || hits[0].ID != "dup" {
			t.Errorf("duplicate ID in a batch: last should win, got %+v", hits)
		}
	})

	t.Run("queries", func(t *testing.T) {
		for _, q := range [][]float32{{float32(math.NaN()), 0, 0}, {0, float32(math.Inf(1)), 0}} {
			if _, err := s.Search(ctx, "c", q, 3, nil); !errors.Is(err, corpus.ErrInvalid) {
				t.Errorf("Search(%v) = %v; want ErrInvalid", q, err)
			}
		}
		for _, k := range []int{-1, 0} {
			if hits, err := s.Search(ctx, "c", []float32{1, 0, 0}, k, nil); err != nil || hits == nil || len(hits) != 0 {
				t.Errorf("k=%d: %v, %v; want no hits", k, hits, err)
			}
		}
		if hits, err := s.Search(ctx, "c", []float32{0, 0, 0}, 3, nil); err != nil || len(hits) != 0 {
			t.Errorf("zero query: %v, %v; want no hits", hits, err)
		}
		if hits, err := s.Search(ctx, "c", []float32{1, 0, 0}, 1<<30, nil); err != nil || len(hits) == 0 {
			t.Errorf("huge k: %d hits, %v", len(hits), err)
		}
		// A filter value "" does not match records without the key.
		if hits, _ := s.Search(ctx, "c", []float32{1, 0, 0}, 10, corpus.VectorFilter{"absent": ""}); len(hits) != 0 {
			t.Errorf("filter on an absent key matched %v", hits)
		}
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := s.Search(cctx, "c", []float32{1, 0, 0}, 1, nil); !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled context: %v", err)
		}
	})

	t.Run("survives reopen", func(t *testing.T) {
		before, _ := s.IDs(ctx, "c")
		s.Close()
		s2 := mustOpen(t, dir, Config{})
		defer s2.Close()
		after, _ := s2.IDs(ctx, "c")
		if !slices.Equal(before, after) {
			t.Errorf("IDs before %v, after reopen %v", before, after)
		}
	})
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(file, quiet(Config{})); err == nil {
		t.Error("Open over a regular file succeeded")
	}
	garbage := filepath.Join(dir, "garbage")
	os.MkdirAll(garbage, 0o755)
	if err := os.WriteFile(filepath.Join(garbage, FileName), []byte(strings.Repeat("not a bbolt file ", 1000)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(garbage, quiet(Config{})); err == nil {
		t.Error("Open of a corrupt file succeeded")
	}
}
