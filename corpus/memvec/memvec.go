package memvec

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/cailiang/cailiang/corpus"
)

// Name identifies this vector store in configuration.
const Name = "memvec"

// FileName is the bbolt file Open keeps in its directory.
const FileName = "memvec.db"

// Limits on records; exceeding one is an error wrapping corpus.ErrInvalid.
const (
	MaxMetaBytes     = 1 << 20 // bytes of a record's metadata as JSON
	MaxDim           = 65536   // dimensions of a collection
	DefaultThreshold = 20000   // Config.ExactThreshold when zero
)

// HNSW defaults (Config.M, Config.EfConstruction, Config.EfSearch).
const (
	DefaultM              = 16
	DefaultEfConstruction = 64
	DefaultEfSearch       = 100
)

// ErrClosed is returned by every method called after Close.
var ErrClosed = errors.New("memvec: store is closed")

// Config tunes a Store. The zero value is the default configuration.
type Config struct {
	// ExactThreshold is the number of live vectors up to which a collection
	// is searched exactly; above it an HNSW graph is used. 0 means
	// DefaultThreshold; a negative value disables HNSW.
	ExactThreshold int
	// M is the number of HNSW links per node (2M on the bottom level);
	// default 16.
	M int
	// EfConstruction is the beam width while building the graph; default 64.
	EfConstruction int
	// EfSearch is the beam width of a search (raised to k when k is larger);
	// default 100.
	EfSearch int
	// BuildWorkers is the number of goroutines that build a graph;
	// default GOMAXPROCS.
	BuildWorkers int
	// BlockingBuild makes the first search over the threshold wait for the
	// graph. By default that search starts building the graph in the
	// background and searches exactly until the graph is ready.
	BlockingBuild bool
	// Logger receives a line per opened store and per built graph; nil
	// means slog.Default().
	Logger *slog.Logger
}

func (c Config) withDefaults() Config {
	if c.ExactThreshold == 0 {
		c.ExactThreshold = DefaultThreshold
	}
	if c.M <= 0 {
		c.M = DefaultM
	}
	if c.EfConstruction <= 0 {
		c.EfConstruction = DefaultEfConstruction
	}
	if c.EfSearch <= 0 {
		c.EfSearch = DefaultEfSearch
	}
	if c.BuildWorkers <= 0 {
		c.BuildWorkers = runtime.GOMAXPROCS(0)
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	return c
}

// Store is the embedded vector store: records in a bbolt file, a copy of
// every vector in memory for search. It is safe for concurrent use: searches
// run in parallel, writes one at a time.
type Store struct {
	cfg Config
	db  *bolt.DB
	log *slog.Logger

	// wmu serialises writers (and the end of a background build); it is
	// held across the bbolt transaction so that readers are only blocked
	// while a committed write is applied in memory under mu.
	wmu    sync.Mutex
	mu     sync.RWMutex
	cols   map[string]*collection
	closed bool

	bmu  sync.Mutex // guards collection.state
	stop chan struct{}
	wg   sync.WaitGroup
}

var (
	_ corpus.VectorStore = (*Store)(nil)
	_ corpus.IDSearcher  = (*Store)(nil)
)

var bucketCollections = []byte("collections") // name → CollectionSpec JSON

func bucketName(collection string) []byte { return []byte("c/" + collection) }

// maxGraphBatch is the largest Upsert linked into an existing graph; a
// larger one drops the graph, which the next search rebuilds in the
// background (linking one vector into a 100k graph costs ~0.5 ms, spent
// under the write lock).
const maxGraphBatch = 256

// recordFormat is the first byte of every stored record.
const recordFormat = 1

// Open opens or creates the store in dir (created if missing) and loads
// every collection into memory. It returns an error when dir cannot be
// created, when the file is held by another process for more than 5 s, or
// when a stored record is malformed.
func Open(dir string, cfg Config) (*Store, error) {
	start := time.Now()
	cfg = cfg.withDefaults()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("memvec: open %s: %w", dir, err)
	}
	path := filepath.Join(dir, FileName)
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: 5 * time.Second, FreelistType: bolt.FreelistMapType})
	if err != nil {
		return nil, fmt.Errorf("memvec: open %s: %w", path, err)
	}
	s := &Store{cfg: cfg, db: db, log: cfg.Logger, cols: map[string]*collection{}, stop: make(chan struct{})}
	total := 0
	err = db.Update(func(tx *bolt.Tx) error {
		specs, err := tx.CreateBucketIfNotExists(bucketCollections)
		if err != nil {
			return err
		}
		graphs, err := tx.CreateBucketIfNotExists(bucketGraphs)
		if err != nil {
			return err
		}
		return specs.ForEach(func(k, v []byte) error {
			var spec corpus.CollectionSpec
			if err := json.Unmarshal(v, &spec); err != nil || spec.Dim < 1 || spec.Dim > MaxDim {
				return fmt.Errorf("collection %q: bad spec %q", k, v)
			}
			c := newCollection(string(k), spec)
			b := tx.Bucket(c.bucket)
			if b == nil {
				return fmt.Errorf("collection %q: bucket missing", k)
			}
			if err := b.ForEach(func(id, val []byte) error {
				v, meta, err := decodeRecord(val, spec.Dim)
				if err != nil {
					return fmt.Errorf("collection %q record %q: %w", k, id, err)
				}
				c.appendSlot(string(id), v, meta)
				return nil
			}); err != nil {
				return err
			}
			s.cols[c.name] = c
			total += len(c.ids)
			if data := graphs.Get(k); data != nil && s.wantGraph(c) {
				t0 := time.Now()
				g, err := decodeGraph(data, c, cfg.M, cfg.EfConstruction)
				if err != nil {
					s.log.Warn("memvec: saved HNSW graph not used; it will be rebuilt", "collection", c.name, "err", err)
					return nil
				}
				// A graph saved before reconnect existed may hold nodes no
				// search reaches; linking them makes it differ from the file.
				g.relinked = g.reconnect(c.live)
				c.graph, c.graphSaved, c.graphLoaded = g, g.relinked == 0, true
				s.log.Info("memvec: HNSW graph loaded", "collection", c.name, "nodes", g.len(), "relinked", g.relinked,
					"duration", time.Since(t0).Round(time.Millisecond))
			}
			return nil
		})
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("memvec: open %s: %w", path, err)
	}
	s.log.Info("memvec: opened", "path", path, "collections", len(s.cols), "vectors", total, "duration", time.Since(start).Round(time.Millisecond))
	return s, nil
}

// Close stops background builds and closes the file. Later calls return nil;
// calls of other methods return ErrClosed.
func (s *Store) Close() error {
	s.wmu.Lock()
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		s.wmu.Unlock()
		return nil
	}
	s.closed = true
	s.mu.Unlock()
	s.wmu.Unlock()
	close(s.stop)
	s.wg.Wait()
	// Builds are over and writers see closed: save the graphs that upserts
	// changed since they were saved (or that were never saved).
	s.wmu.Lock()
	for _, c := range s.cols {
		s.saveGraph(c)
	}
	s.wmu.Unlock()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("memvec: close: %w", err)
	}
	return nil
}

func invalid(format string, args ...any) error {
	return fmt.Errorf("memvec: %w: %s", corpus.ErrInvalid, fmt.Sprintf(format, args...))
}

// EnsureCollection creates the collection or checks that it exists with
// spec. It returns an error wrapping corpus.ErrSpecMismatch when the
// collection exists with another spec, corpus.ErrInvalid for an empty or
// oversized name or a spec without embedder or with a dimension outside
// 1..MaxDim, ErrClosed, the context's error, or the file's write error.
func (s *Store) EnsureCollection(ctx context.Context, name string, spec corpus.CollectionSpec) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := corpus.ValidateVectorText("collection name", name); err != nil {
		return err
	}
	if spec.Embedder == "" || spec.Dim < 1 || spec.Dim > MaxDim {
		return invalid("collection %q: spec %+v needs an embedder and a dimension in 1..%d", name, spec, MaxDim)
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.closed {
		return ErrClosed
	}
	if c, ok := s.cols[name]; ok {
		if c.spec != spec {
			return fmt.Errorf("memvec: collection %q has embedder %q dim %d, not %q dim %d: %w",
				name, c.spec.Embedder, c.spec.Dim, spec.Embedder, spec.Dim, corpus.ErrSpecMismatch)
		}
		return nil
	}
	c := newCollection(name, spec)
	js, err := json.Marshal(spec)
	if err != nil {
		return fmt.Errorf("memvec: create collection %q: %w", name, err)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		if _, err := tx.CreateBucketIfNotExists(c.bucket); err != nil {
			return err
		}
		return tx.Bucket(bucketCollections).Put([]byte(name), js)
	})
	if err != nil {
		return fmt.Errorf("memvec: create collection %q: %w", name, err)
	}
	s.mu.Lock()
	s.cols[name] = c
	s.mu.Unlock()
	return nil
}

// DropCollection deletes the collection and its records; dropping an absent
// collection does nothing. It returns ErrClosed, the context's error or the
// file's write error.
func (s *Store) DropCollection(ctx context.Context, name string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.closed {
		return ErrClosed
	}
	c, ok := s.cols[name]
	if !ok {
		return nil
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(c.bucket); err != nil && !errors.Is(err, bolt.ErrBucketNotFound) {
			return err
		}
		if err := forgetGraph(tx, name); err != nil {
			return err
		}
		return tx.Bucket(bucketCollections).Delete([]byte(name))
	})
	if err != nil {
		return fmt.Errorf("memvec: drop collection %q: %w", name, err)
	}
	s.mu.Lock()
	delete(s.cols, name)
	c.gen++
	s.bmu.Lock()
	if c.state != nil {
		c.state.abandon.Store(true)
	}
	s.bmu.Unlock()
	s.mu.Unlock()
	return nil
}

// prepared is a validated record: its unit vector and its stored bytes.
type prepared struct {
	id   string
	vec  []float32
	meta map[string]string
	val  []byte
}

func prepare(i int, r corpus.VectorRecord, dim int) (prepared, error) {
	if err := corpus.ValidateRecord(i, r, dim); err != nil {
		return prepared{}, fmt.Errorf("memvec: %w", err)
	}
	v, err := unit(r.Vector)
	if err != nil {
		return prepared{}, fmt.Errorf("memvec: record %q: %w", r.ID, err)
	}
	var js []byte
	meta := maps.Clone(r.Meta)
	if len(meta) > 0 {
		if js, err = json.Marshal(meta); err != nil {
			return prepared{}, fmt.Errorf("memvec: record %q: %w", r.ID, err)
		}
		if len(js) > MaxMetaBytes {
			return prepared{}, invalid("record %q: metadata of %d bytes (at most %d)", r.ID, len(js), MaxMetaBytes)
		}
	} else {
		meta = nil
	}
	return prepared{id: r.ID, vec: v, meta: meta, val: encodeRecord(v, js)}, nil
}

// unit returns v scaled to length 1. A zero vector stays zero (it scores 0
// against everything); NaN or infinite components are an error wrapping
// corpus.ErrInvalid.
func unit(v []float32) ([]float32, error) {
	if err := corpus.ValidateVector("vector", v); err != nil {
		return nil, err
	}
	var n float64
	for _, x := range v {
		n += float64(x) * float64(x)
	}
	out := make([]float32, len(v))
	if n == 0 {
		return out, nil
	}
	n = math.Sqrt(n)
	for i, x := range v {
		out[i] = float32(float64(x) / n)
	}
	return out, nil
}

func encodeRecord(v []float32, meta []byte) []byte {
	b := make([]byte, 1, 1+4*len(v)+len(meta))
	b[0] = recordFormat
	for _, x := range v {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(x))
	}
	return append(b, meta...)
}

func decodeRecord(b []byte, dim int) ([]float32, map[string]string, error) {
	if len(b) < 1+4*dim || b[0] != recordFormat {
		return nil, nil, fmt.Errorf("malformed record of %d bytes", len(b))
	}
	v := make([]float32, dim)
	for i := range v {
		v[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[1+4*i:]))
	}
	var meta map[string]string
	if rest := b[1+4*dim:]; len(rest) > 0 {
		if err := json.Unmarshal(rest, &meta); err != nil {
			return nil, nil, fmt.Errorf("metadata: %w", err)
		}
	}
	return v, meta, nil
}

// Upsert inserts or replaces records by ID in one fsynced transaction: all
// or nothing. Vectors are stored scaled to unit length. It returns an error
// wrapping corpus.ErrNoCollection, corpus.ErrDimension (a vector of another
// length), corpus.ErrInvalid (an empty, oversized or non-UTF-8 ID or
// metadata, a NaN or infinite component), ErrClosed, the context's error or
// the file's write error; on error nothing is written.
func (s *Store) Upsert(ctx context.Context, collection string, recs []corpus.VectorRecord) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	c, err := s.lookup(collection)
	if err != nil {
		return err
	}
	if len(recs) == 0 {
		return nil
	}
	ps := make([]prepared, len(recs))
	for i, r := range recs {
		if ps[i], err = prepare(i, r, c.spec.Dim); err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(c.bucket)
		for _, p := range ps {
			if err := b.Put([]byte(p.id), p.val); err != nil {
				return err
			}
		}
		return forgetGraph(tx, c.name)
	})
	if err != nil {
		return fmt.Errorf("memvec: upsert into %q: %w", collection, err)
	}
	c.graphSaved = false
	s.mu.Lock()
	defer s.mu.Unlock()
	// Builds start under mu's read lock, so none can start from here on.
	building := s.building(c)
	if c.graph != nil && len(ps) > maxGraphBatch {
		// Linking happens under the write lock; for a large batch a
		// background rebuild blocks readers less.
		c.graph = nil
	}
	var vis *visitSet
	if c.graph != nil {
		vis = visitPool.Get().(*visitSet)
		defer visitPool.Put(vis)
	}
	for _, p := range ps {
		if old, ok := c.slots[p.id]; ok {
			if c.graph == nil && !building {
				// No graph refers to slots: replace in place.
				copy(c.vec(old), p.vec)
				c.count(c.metas[old], -1)
				c.metas[old] = p.meta
				c.count(p.meta, 1)
				continue
			}
			c.kill(old)
		}
		slot := c.appendSlot(p.id, p.vec, p.meta)
		if c.graph != nil {
			c.graph.vecs = c.vecTable()
			c.graph.insert(slot, vis)
		}
	}
	if !building && c.needsCompaction() {
		c.compact()
	}
	return nil
}

// Delete removes records by ID in one fsynced transaction; unknown IDs are
// ignored. It returns an error wrapping corpus.ErrNoCollection, ErrClosed,
// the context's error or the file's write error.
func (s *Store) Delete(ctx context.Context, collection string, ids []string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	c, err := s.lookup(collection)
	if err != nil {
		return err
	}
	var gone []int32
	seen := map[int32]bool{}
	for _, id := range ids {
		if slot, ok := c.slots[id]; ok && !seen[slot] {
			seen[slot] = true
			gone = append(gone, slot)
		}
	}
	if len(gone) == 0 {
		return nil
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(c.bucket)
		for _, slot := range gone {
			if err := b.Delete([]byte(c.ids[slot])); err != nil {
				return err
			}
		}
		return forgetGraph(tx, c.name)
	})
	if err != nil {
		return fmt.Errorf("memvec: delete from %q: %w", collection, err)
	}
	c.graphSaved = false
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, slot := range gone {
		c.kill(slot)
	}
	if !s.building(c) && c.needsCompaction() {
		c.compact()
	}
	return nil
}

// lookup returns a collection by name. The caller holds wmu (to write) or
// mu for reading (to read).
func (s *Store) lookup(name string) (*collection, error) {
	if s.closed {
		return nil, ErrClosed
	}
	c, ok := s.cols[name]
	if !ok {
		return nil, fmt.Errorf("memvec: collection %q: %w", name, corpus.ErrNoCollection)
	}
	return c, nil
}

// IDs lists the collection's record IDs in byte order. It returns an error
// wrapping corpus.ErrNoCollection, ErrClosed or the context's error.
func (s *Store) IDs(ctx context.Context, collection string) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	c, err := s.lookup(collection)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(c.slots))
	for id := range c.slots {
		out = append(out, id)
	}
	slices.Sort(out)
	return out, nil
}

// Count returns the number of records in the collection. It returns an
// error wrapping corpus.ErrNoCollection, ErrClosed or the context's error.
func (s *Store) Count(ctx context.Context, collection string) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	c, err := s.lookup(collection)
	if err != nil {
		return 0, err
	}
	return len(c.slots), nil
}

// Search returns up to k records nearest to q by cosine similarity (Score in
// [-1, 1], highest first, ties by ID) among those whose metadata has every
// key and value of filter. Collections over Config.ExactThreshold are
// searched with HNSW; a filtered HNSW search that finds fewer than k matches
// is redone exactly over the matching records. k <= 0 and a zero q return no
// hits. It returns an error wrapping corpus.ErrNoCollection,
// corpus.ErrDimension, corpus.ErrInvalid (NaN or infinite components),
// ErrClosed or the context's error.
func (s *Store) Search(ctx context.Context, collection string, q []float32, k int, filter corpus.VectorFilter) ([]corpus.VectorHit, error) {
	return s.search(ctx, collection, q, k, filter, true)
}

// SearchIDs is Search without the records' metadata (corpus.IDSearcher):
// each hit's Meta is nil, and no copy of it is made.
func (s *Store) SearchIDs(ctx context.Context, collection string, q []float32, k int, filter corpus.VectorFilter) ([]corpus.VectorHit, error) {
	return s.search(ctx, collection, q, k, filter, false)
}

func (s *Store) search(ctx context.Context, collection string, q []float32, k int, filter corpus.VectorFilter, withMeta bool) ([]corpus.VectorHit, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	c, err := s.lookup(collection)
	if err != nil {
		s.mu.RUnlock()
		return nil, err
	}
	if len(q) != c.spec.Dim {
		s.mu.RUnlock()
		return nil, fmt.Errorf("memvec: query of %d dimensions, collection %q has %d: %w", len(q), collection, c.spec.Dim, corpus.ErrDimension)
	}
	uq, err := unit(q)
	if err != nil {
		s.mu.RUnlock()
		return nil, fmt.Errorf("memvec: query: %w", err)
	}
	if k <= 0 || isZero(uq) {
		s.mu.RUnlock()
		return []corpus.VectorHit{}, nil
	}
	if s.cfg.BlockingBuild && c.graph == nil && s.wantGraph(c) {
		done := s.startBuild(c)
		s.mu.RUnlock()
		select {
		case <-done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		s.mu.RLock()
		if c, err = s.lookup(collection); err != nil {
			s.mu.RUnlock()
			return nil, err
		}
		if len(q) != c.spec.Dim { // dropped and recreated meanwhile
			s.mu.RUnlock()
			return nil, fmt.Errorf("memvec: query of %d dimensions, collection %q has %d: %w", len(q), collection, c.spec.Dim, corpus.ErrDimension)
		}
	}
	defer s.mu.RUnlock()
	est := c.estimate(filter)
	if est == 0 {
		return []corpus.VectorHit{}, nil
	}
	var res []cand
	switch {
	case !s.wantGraph(c):
		c.stats.exact.Add(1)
		res = c.searchExact(uq, k, filter)
	case c.graph == nil:
		s.startBuild(c)
		c.stats.exact.Add(1)
		res = c.searchExact(uq, k, filter)
	default:
		res = s.searchGraph(c, uq, k, filter, est)
	}
	return c.hits(res, withMeta), nil
}

// searchGraph searches the HNSW graph, or scans exactly when that is
// cheaper. Filtered graph searches walk through non-matching nodes without
// returning them, so the beam fills with matches only; when fewer than k
// matches are found (the filter's estimate was too high, or the walk hit its
// budget) the matching records are scanned exactly.
//
// Cost model, in similarity computations: a graph search visits about
// 5·ef/selectivity nodes (measured: ~5·ef unfiltered, fewer per match with
// a filter); an exact scan computes one per matching record plus a metadata
// check, worth about a quarter of one, per record.
func (s *Store) searchGraph(c *collection, q []float32, k int, filter corpus.VectorFilter, est int) []cand {
	live := len(c.slots)
	ef := max(s.cfg.EfSearch, k)
	exactCost := live
	if len(filter) > 0 {
		exactCost = est + live/4
	}
	if 5*ef*live/est >= exactCost {
		c.stats.exact.Add(1)
		return c.searchExact(q, k, filter)
	}
	maxVisit := 0
	if len(filter) > 0 {
		maxVisit = exactCost
	}
	accept := func(slot int32) bool {
		return c.ids[slot] != "" && (len(filter) == 0 || matches(c.metas[slot], filter))
	}
	vis := visitPool.Get().(*visitSet)
	res := c.graph.search(q, k, ef, accept, vis, maxVisit)
	visitPool.Put(vis)
	c.stats.graph.Add(1)
	if len(res) < min(k, est) {
		c.stats.fallback.Add(1)
		return c.searchExact(q, k, filter)
	}
	return res
}

func isZero(v []float32) bool {
	for _, x := range v {
		if x != 0 {
			return false
		}
	}
	return true
}

func (c *collection) hits(res []cand, withMeta bool) []corpus.VectorHit {
	out := make([]corpus.VectorHit, len(res))
	for i, r := range res {
		h := corpus.VectorHit{ID: c.ids[r.id], Score: math.Max(-1, math.Min(1, float64(r.sim)))}
		if m := c.metas[r.id]; withMeta && len(m) > 0 {
			// A copy, so that callers cannot change the store; maps.Clone
			// copies the table instead of inserting key by key.
			h.Meta = maps.Clone(m)
		}
		out[i] = h
	}
	slices.SortStableFunc(out, func(a, b corpus.VectorHit) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

// wantGraph reports whether c is large enough for HNSW.
func (s *Store) wantGraph(c *collection) bool {
	return s.cfg.ExactThreshold > 0 && len(c.slots) > s.cfg.ExactThreshold
}

// BuildIndex builds the HNSW graph of a collection over the threshold, or
// waits for the build in progress, and returns when searches use it. It
// does nothing for smaller collections. The service may call it at start-up
// so that no search has to wait. It returns an error wrapping
// corpus.ErrNoCollection, ErrClosed or the context's error.
func (s *Store) BuildIndex(ctx context.Context, collection string) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		s.mu.RLock()
		c, err := s.lookup(collection)
		if err != nil {
			s.mu.RUnlock()
			return err
		}
		if c.graph != nil || !s.wantGraph(c) {
			s.mu.RUnlock()
			return nil
		}
		done := s.startBuild(c)
		s.mu.RUnlock()
		select {
		case <-done:
		case <-ctx.Done():
			return ctx.Err()
		}
		// A build can end without a graph (compaction or a drop raced it):
		// look again.
	}
}

// building reports whether a build of c runs.
func (s *Store) building(c *collection) bool {
	s.bmu.Lock()
	defer s.bmu.Unlock()
	return c.state != nil
}

// startBuild starts a background build of c's graph unless one runs, and
// returns a channel closed when it ends. The caller holds mu for reading.
func (s *Store) startBuild(c *collection) <-chan struct{} {
	s.bmu.Lock()
	defer s.bmu.Unlock()
	if c.state != nil {
		return c.state.done
	}
	st := &buildState{done: make(chan struct{})}
	c.state = st
	// Snapshot under the caller's read lock: slots below n are immutable
	// while c.state is set (no in-place replacement, no compaction).
	vt, n, gen := c.vecTable(), len(c.ids), c.gen
	dead := make([]bool, n)
	for i, id := range c.ids {
		dead[i] = id == ""
	}
	s.wg.Add(1)
	go s.build(c, st, vt, dead, gen)
	return st.done
}

// build links the snapshot's slots without any lock, then, holding the
// writer lock, links the slots written since and installs the graph.
func (s *Store) build(c *collection, st *buildState, vt vecTable, dead []bool, gen uint64) {
	start := time.Now()
	defer s.wg.Done()
	defer func() {
		s.bmu.Lock()
		c.state = nil
		s.bmu.Unlock()
		close(st.done)
	}()
	stop := func() bool {
		select {
		case <-s.stop:
			return true
		default:
			return st.abandon.Load()
		}
	}
	g, ok := buildParallel(s.cfg.M, s.cfg.EfConstruction, int64(gen)+1, vt, dead, s.cfg.BuildWorkers, stop)
	if !ok {
		return
	}
	vis := new(visitSet)
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.closed || c.gen != gen || s.cols[c.name] != c {
		return
	}
	g.vecs = c.vecTable()
	for i := len(dead); i < len(c.ids); i++ {
		if c.ids[i] == "" {
			g.addIsolated(int32(i))
		} else {
			g.insert(int32(i), vis)
		}
	}
	// The records written during the build were inserted one by one,
	// whose pruning can strand a node too.
	g.relinked += g.reconnect(c.live)
	s.mu.Lock()
	c.graph, c.graphLoaded = g, false
	s.mu.Unlock()
	c.stats.builds.Add(1)
	s.log.Info("memvec: HNSW graph built", "collection", c.name, "nodes", g.len(),
		"caught_up", g.len()-len(dead), "relinked", g.relinked, "duration", time.Since(start).Round(time.Millisecond))
	s.saveGraph(c)
}

// Stats describes a collection's in-memory state.
type Stats struct {
	Count      int  // live records
	Tombstones int  // deleted or replaced slots awaiting compaction
	Indexed    bool // an HNSW graph is built
	Building   bool // a graph build is running
	// Searches answered by exact scan, by the graph, and graph searches
	// redone exactly because too few filtered matches survived.
	ExactSearches, GraphSearches, Fallbacks uint64
	// Builds counts the graphs this Store built for the collection;
	// GraphLoaded is true when its graph was loaded from the file on Open
	// instead (and has not been dropped since).
	Builds      uint64
	GraphLoaded bool
}

// Stats returns a collection's in-memory state. It returns an error
// wrapping corpus.ErrNoCollection or ErrClosed.
func (s *Store) Stats(collection string) (Stats, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	c, err := s.lookup(collection)
	if err != nil {
		return Stats{}, err
	}
	return Stats{
		Count: len(c.slots), Tombstones: c.dead, Indexed: c.graph != nil, Building: s.building(c),
		ExactSearches: c.stats.exact.Load(), GraphSearches: c.stats.graph.Load(), Fallbacks: c.stats.fallback.Load(),
		Builds: c.stats.builds.Load(), GraphLoaded: c.graphLoaded && c.graph != nil,
	}, nil
}
