package eval

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/embed"
	"github.com/cailiang/cailiang/corpus/memvec"
	"github.com/cailiang/cailiang/corpus/pgvec"
	"github.com/cailiang/cailiang/corpus/synthvec"
)

// SuiteVectorIndex measures the approximate nearest-neighbour indexes of
// the vector stores against exact search.
const SuiteVectorIndex = "vector-index"

// Vector sources of the vector-index suite.
const (
	// VectorSourceRandom is seeded random unit vectors of VectorIndexOptions.Dim
	// dimensions: the worst case for HNSW (every point almost equally far
	// from every other).
	VectorSourceRandom = "random"
	// VectorSourceLSA is real embeddings: an LSA model (corpus/embed) trained
	// on a seeded sample of in-force articles of national.jsonl, embedding
	// that sample; queries are other articles of the same file.
	VectorSourceLSA = "lsa"
)

// VectorIndexOptions configures the vector-index suite. Zero fields take
// the defaults documented on each.
type VectorIndexOptions struct {
	// N is the number of vectors stored (default 10,000).
	N int
	// Queries is the number of queries, each run unfiltered and with a
	// filter keeping 10% of the vectors (default 200).
	Queries int
	// K is the number of neighbours asked for (default 10).
	K int
	// Dim is the dimension of random vectors (default 256; LSA vectors have
	// embed.DefaultDim).
	Dim int
	// Sources lists the vector sources (default random and lsa; lsa is
	// left out, with a log line, when national.jsonl is not under
	// Env.DataDir).
	Sources []string
	// PGDSN, when set, also measures pgvec on that database, in the schema
	// PGSchema (default "cailiang_eval"; its collections are dropped after
	// the run). Without it only memvec is measured, and the log says so.
	PGDSN    string
	PGSchema string
	// Seed seeds vectors, the article sample and the queries (default 1).
	Seed int64
}

func (o VectorIndexOptions) withDefaults() VectorIndexOptions {
	if o.N <= 0 {
		o.N = 10_000
	}
	if o.Queries <= 0 {
		o.Queries = 200
	}
	if o.K <= 0 {
		o.K = 10
	}
	if o.Dim <= 0 {
		o.Dim = 256
	}
	if len(o.Sources) == 0 {
		o.Sources = []string{VectorSourceRandom, VectorSourceLSA}
	}
	if o.PGSchema == "" {
		o.PGSchema = "cailiang_eval"
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	return o
}

func runVectorIndex(ctx context.Context, env Env) ([]Result, error) {
	return RunVectorIndex(ctx, env, env.VectorIndex)
}

// vecSet is one measured collection: stored vectors (unit length) and
// queries.
type vecSet struct {
	name    string // source and size, e.g. "lsa-10000"
	dim     int
	data    [][]float32
	queries [][]float32
}

const vecBuckets = 10 // metadata "bucket" = i % 10; the filter keeps bucket 3

func vecMeta(i int) map[string]string {
	return map[string]string{"bucket": strconv.Itoa(i % vecBuckets)}
}

var vecFilter = corpus.VectorFilter{"bucket": "3"}

func vecKeep(i int) bool { return i%vecBuckets == 3 }

// truth is the exact answer to one query: the similarity of its k-th
// neighbour (a returned record counts as found when it is at least that
// similar, so ties between equal vectors do not count as misses).
type truth struct{ kth float64 }

// RunVectorIndex runs the vector-index suite with o: for each source it
// stores o.N vectors in memvec (graph forced, ExactThreshold 1) and, when
// o.PGDSN is set, in pgvec as shipped and with its HNSW index forced, and
// reports recall@k against exact brute force and p50 latency, unfiltered
// and with a 10% metadata filter, plus load and index build times. It
// returns ErrUnknownSuite wrapped for an unknown source, an error when the
// lsa source cannot read national.jsonl (only when asked for explicitly),
// and store errors.
func RunVectorIndex(ctx context.Context, env Env, o VectorIndexOptions) ([]Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	defaultSources := len(o.Sources) == 0
	o = o.withDefaults()
	log := env.log()
	national := filepath.Join(env.DataDir, "statutes_lawrefbook", "national.jsonl")
	if o.PGDSN == "" {
		log.Warn("vector-index: no PostgreSQL DSN (--pg / CAILIANG_PG_DSN unset): pgvec is NOT measured, only memvec")
	}
	var out []Result
	for _, src := range o.Sources {
		var set vecSet
		var err error
		switch src {
		case VectorSourceRandom:
			set = randomSet(o)
		case VectorSourceLSA:
			if _, serr := os.Stat(national); serr != nil && defaultSources {
				log.Warn("vector-index: national.jsonl not found: lsa source skipped", "path", national)
				continue
			}
			set, err = lsaSet(ctx, national, o, log)
		default:
			return out, fmt.Errorf("vector source %q (want random or lsa): %w", src, ErrUnknownSuite)
		}
		if err != nil {
			return out, err
		}
		rs, err := measureSet(ctx, env, o, set)
		out = append(out, rs...)
		if err != nil {
			return out, err
		}
	}
	return out, nil
}

func randomSet(o VectorIndexOptions) vecSet {
	rng := rand.New(rand.NewSource(o.Seed))
	s := vecSet{name: fmt.Sprintf("%s-%d", VectorSourceRandom, o.N), dim: o.Dim}
	for range o.N {
		s.data = append(s.data, synthvec.RandomUnit(rng, o.Dim))
	}
	for range o.Queries {
		s.queries = append(s.queries, synthvec.RandomUnit(rng, o.Dim))
	}
	return s
}

// lsaSet trains LSA on o.N distinct in-force articles (corpus.ArticleIndexText, as
// the service embeds them) sampled with o.Seed and embeds them; the queries
// are o.Queries other articles.
func lsaSet(ctx context.Context, path string, o VectorIndexOptions, log *slog.Logger) (vecSet, error) {
	start := time.Now()
	f, err := os.Open(path)
	if err != nil {
		return vecSet{}, fmt.Errorf("vector-index lsa: %w", err)
	}
	defer f.Close()
	seen := map[string]bool{}
	var texts []string
	err = corpus.ReadLawrefJSONL(f, func(st corpus.Statute) error {
		if !st.InForce {
			return nil
		}
		for _, a := range st.Articles {
			t := corpus.ArticleIndexText(st.Law, a)
			if !seen[t] {
				seen[t] = true
				texts = append(texts, t)
			}
		}
		return ctx.Err()
	})
	if err != nil {
		return vecSet{}, fmt.Errorf("vector-index lsa: read %s: %w", path, err)
	}
	rng := rand.New(rand.NewSource(o.Seed))
	rng.Shuffle(len(texts), func(i, j int) { texts[i], texts[j] = texts[j], texts[i] })
	n := o.N
	if n+o.Queries > len(texts) {
		n = max(0, len(texts)-o.Queries)
		log.Warn("vector-index: fewer articles than asked for", "want", o.N, "using", n)
	}
	if n < 2 {
		return vecSet{}, fmt.Errorf("vector-index lsa: only %d distinct in-force articles in %s", len(texts), path)
	}
	docs, qtexts := texts[:n], texts[n:n+min(o.Queries, len(texts)-n)]
	seg, segName := segmenter()
	dim := min(embed.DefaultDim, n/2)
	m, err := embed.TrainLSA(ctx, docs, seg, embed.LSAConfig{Dim: dim, Seed: uint64(o.Seed), Logger: log})
	if err != nil {
		return vecSet{}, fmt.Errorf("vector-index lsa: train: %w", err)
	}
	data, err := m.EmbedDocuments(ctx, docs)
	if err != nil {
		return vecSet{}, err
	}
	qs, err := m.EmbedDocuments(ctx, qtexts)
	if err != nil {
		return vecSet{}, err
	}
	log.Info("vector-index: lsa vectors ready", "articles", n, "queries", len(qs), "dim", m.Dim(), "segmenter", segName,
		"took_ms", time.Since(start).Milliseconds())
	return vecSet{name: fmt.Sprintf("%s-%d", VectorSourceLSA, n), dim: m.Dim(), data: data, queries: qs}, nil
}

// exactTruth returns the exact answer of every query, unfiltered or among
// vecKeep, and the p50 latency of that brute-force scan in this process.
func exactTruth(set vecSet, k int, filtered bool) ([]truth, time.Duration) {
	out := make([]truth, len(set.queries))
	lat := make([]time.Duration, 0, len(set.queries))
	top := make([]float64, 0, k+1) // the k largest similarities, decreasing
	for qi, q := range set.queries {
		t0 := time.Now()
		top = top[:0]
		for i, v := range set.data {
			if filtered && !vecKeep(i) {
				continue
			}
			s := dot64(q, v)
			if len(top) == k && s <= top[k-1] {
				continue
			}
			j := len(top)
			if j < k {
				top = append(top, s)
			} else {
				j = k - 1
			}
			for ; j > 0 && top[j-1] < s; j-- {
				top[j] = top[j-1]
			}
			top[j] = s
		}
		kth := math.Inf(-1)
		if len(top) > 0 {
			kth = top[len(top)-1]
		}
		out[qi] = truth{kth: kth}
		lat = append(lat, time.Since(t0))
	}
	return out, p50(lat)
}

func dot64(a, b []float32) float64 {
	var s float64
	for i := range a {
		s += float64(a[i]) * float64(b[i])
	}
	return s
}

func p50(lat []time.Duration) time.Duration {
	if len(lat) == 0 {
		return 0
	}
	s := slices.Clone(lat)
	slices.Sort(s)
	return s[len(s)/2]
}

func msOf(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// searchFunc is one store's search.
type searchFunc func(ctx context.Context, q []float32, k int, f corpus.VectorFilter) ([]corpus.VectorHit, error)

// measured is one store variant's numbers.
type measured struct {
	recall, recallF float64
	p50, p50F       time.Duration
}

// measureSearch runs every query twice, unfiltered and filtered: the first
// pass scores recall (and warms caches), the second is timed.
func measureSearch(ctx context.Context, set vecSet, k int, all, filt []truth, search searchFunc, progress func()) (measured, error) {
	var m measured
	for _, filtered := range []bool{false, true} {
		var f corpus.VectorFilter
		tr := all
		if filtered {
			f, tr = vecFilter, filt
		}
		found, want := 0, 0
		for qi, q := range set.queries {
			hits, err := search(ctx, q, k, f)
			if err != nil {
				return m, err
			}
			n := 0
			for _, h := range hits {
				i, err := strconv.Atoi(h.ID)
				if err != nil || i < 0 || i >= len(set.data) || (filtered && !vecKeep(i)) {
					return m, fmt.Errorf("search returned unexpected id %q", h.ID)
				}
				if dot64(q, set.data[i]) >= tr[qi].kth-1e-5 {
					n++
				}
			}
			found += min(n, k)
			want += k
			progress()
		}
		lat := make([]time.Duration, 0, len(set.queries))
		for _, q := range set.queries {
			t0 := time.Now()
			if _, err := search(ctx, q, k, f); err != nil {
				return m, err
			}
			lat = append(lat, time.Since(t0))
			progress()
		}
		if filtered {
			m.recallF, m.p50F = float64(found)/float64(want), p50(lat)
		} else {
			m.recall, m.p50 = float64(found)/float64(want), p50(lat)
		}
	}
	return m, nil
}

func measureSet(ctx context.Context, env Env, o VectorIndexOptions, set vecSet) ([]Result, error) {
	log := env.log()
	k := o.K
	all, exactP50 := exactTruth(set, k, false)
	filt, exactP50F := exactTruth(set, k, true)
	nq := len(set.queries)
	variants := 1
	if o.PGDSN != "" {
		variants = 3
	}
	done, total := 0, variants*4*nq
	progress := func() {
		done++
		env.progress(SuiteVectorIndex, done, total)
	}
	recs := make([]corpus.VectorRecord, len(set.data))
	for i, v := range set.data {
		recs[i] = corpus.VectorRecord{ID: strconv.Itoa(i), Vector: v, Meta: vecMeta(i)}
	}
	spec := corpus.CollectionSpec{Embedder: "eval-" + set.name, Dim: set.dim}
	var out []Result
	report := func(store string, m measured, load, build time.Duration) {
		pre := set.name + "/" + store + "/"
		rk := fmt.Sprintf("recall@%d", k)
		out = append(out,
			Result{Suite: SuiteVectorIndex, Metric: pre + rk, Value: m.recall, Baseline: ptr(1), BaselineNote: "exact search", N: nq},
			Result{Suite: SuiteVectorIndex, Metric: pre + "p50-ms", Value: msOf(m.p50), Baseline: ptr(msOf(exactP50)), BaselineNote: "exact scan in Go, same run", N: nq},
			Result{Suite: SuiteVectorIndex, Metric: pre + "filter10/" + rk, Value: m.recallF, Baseline: ptr(1), BaselineNote: "exact search", N: nq},
			Result{Suite: SuiteVectorIndex, Metric: pre + "filter10/p50-ms", Value: msOf(m.p50F), Baseline: ptr(msOf(exactP50F)), BaselineNote: "exact scan in Go, same run", N: nq},
			Result{Suite: SuiteVectorIndex, Metric: pre + "load-s", Value: load.Seconds(), N: len(set.data)},
		)
		if build > 0 {
			out = append(out, Result{Suite: SuiteVectorIndex, Metric: pre + "index-build-s", Value: build.Seconds(), N: len(set.data)})
		}
		log.Info("vector-index measured", "set", set.name, "store", store, "recall", m.recall, "p50_ms", msOf(m.p50),
			"filter10_recall", m.recallF, "filter10_p50_ms", msOf(m.p50F), "load_s", load.Seconds(), "build_s", build.Seconds())
	}

	// memvec with its graph forced (ExactThreshold 1): the index's quality,
	// whatever the collection's size.
	dir, err := os.MkdirTemp("", "cailiang-eval-memvec-")
	if err != nil {
		return out, fmt.Errorf("vector-index: %w", err)
	}
	defer os.RemoveAll(dir)
	quiet := slog.New(slog.DiscardHandler)
	mv, err := memvec.Open(dir, memvec.Config{ExactThreshold: 1, Logger: quiet})
	if err != nil {
		return out, err
	}
	defer mv.Close()
	coll := "eval-" + set.name
	t0 := time.Now()
	if err := mv.EnsureCollection(ctx, coll, spec); err != nil {
		return out, err
	}
	if err := upsertBatches(ctx, mv, coll, recs); err != nil {
		return out, err
	}
	load := time.Since(t0)
	t0 = time.Now()
	if err := mv.BuildIndex(ctx, coll); err != nil {
		return out, err
	}
	build := time.Since(t0)
	m, err := measureSearch(ctx, set, k, all, filt, func(ctx context.Context, q []float32, k int, f corpus.VectorFilter) ([]corpus.VectorHit, error) {
		return mv.Search(ctx, coll, q, k, f)
	}, progress)
	if err != nil {
		return out, fmt.Errorf("vector-index memvec: %w", err)
	}
	report("memvec-hnsw", m, load, build)
	// Restart: Open loads the saved graph, so the first search after it is
	// a graph search, not an exact scan while a rebuild runs.
	if err := mv.Close(); err != nil {
		return out, err
	}
	t0 = time.Now()
	mv, err = memvec.Open(dir, memvec.Config{ExactThreshold: 1, Logger: quiet})
	if err != nil {
		return out, err
	}
	defer mv.Close()
	if _, err := mv.Search(ctx, coll, set.queries[0], k, nil); err != nil {
		return out, err
	}
	reopen := time.Since(t0)
	st, err := mv.Stats(coll)
	if err != nil {
		return out, err
	}
	out = append(out, Result{Suite: SuiteVectorIndex, Metric: set.name + "/memvec-hnsw/reopen-first-search-s", Value: reopen.Seconds(), N: len(set.data)})
	log.Info("vector-index memvec restart", "set", set.name, "open_and_first_search_s", reopen.Seconds(),
		"graph_loaded", st.GraphLoaded, "builds_after_restart", st.Builds, "graph_searches", st.GraphSearches)
	if !st.GraphLoaded {
		log.Warn("vector-index: memvec did not load its saved graph after a restart", "set", set.name)
	}

	if o.PGDSN == "" {
		return out, nil
	}
	for _, v := range []struct {
		store string
		cfg   pgvec.Config
	}{
		{"pgvec", pgvec.Config{}},
		{"pgvec-hnsw", pgvec.Config{ExactThreshold: -1}},
	} {
		rs, err := measurePG(ctx, env, o, set, spec, recs, all, filt, v.cfg, progress)
		if err != nil {
			return out, fmt.Errorf("vector-index %s: %w", v.store, err)
		}
		report(v.store, rs.m, rs.load, rs.build)
	}
	return out, nil
}

type pgMeasured struct {
	m           measured
	load, build time.Duration
}

func measurePG(ctx context.Context, env Env, o VectorIndexOptions, set vecSet, spec corpus.CollectionSpec, recs []corpus.VectorRecord,
	all, filt []truth, cfg pgvec.Config, progress func()) (pgMeasured, error) {
	var r pgMeasured
	cfg.DSN, cfg.Schema, cfg.Logger = o.PGDSN, o.PGSchema, slog.New(slog.DiscardHandler)
	cfg.DeferIndex = true
	s, err := pgvec.Open(ctx, cfg)
	if err != nil {
		return r, err
	}
	defer s.Close()
	coll := "eval-" + set.name
	if err := s.DropCollection(ctx, coll); err != nil {
		return r, err
	}
	defer func() {
		dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
		defer cancel()
		if err := s.DropCollection(dctx, coll); err != nil {
			env.log().Warn("vector-index: drop pgvec collection", "collection", coll, "err", err)
		}
	}()
	t0 := time.Now()
	if err := s.EnsureCollection(ctx, coll, spec); err != nil {
		return r, err
	}
	if err := upsertBatches(ctx, s, coll, recs); err != nil {
		return r, err
	}
	r.load = time.Since(t0)
	t0 = time.Now()
	if err := s.BuildIndex(ctx, coll); err != nil {
		return r, err
	}
	r.build = time.Since(t0)
	r.m, err = measureSearch(ctx, set, o.K, all, filt, func(ctx context.Context, q []float32, k int, f corpus.VectorFilter) ([]corpus.VectorHit, error) {
		return s.Search(ctx, coll, q, k, f)
	}, progress)
	return r, err
}

func upsertBatches(ctx context.Context, s corpus.VectorStore, coll string, recs []corpus.VectorRecord) error {
	const batch = 1000
	for lo := 0; lo < len(recs); lo += batch {
		if err := s.Upsert(ctx, coll, recs[lo:min(lo+batch, len(recs))]); err != nil {
			return err
		}
	}
	return nil
}
