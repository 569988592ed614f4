package memvec

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
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

// ErrReadOnly is returned by writes to a store opened with Config.ReadOnly.
var ErrReadOnly = errors.New("memvec: store opened read-only")

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
	// ReadOnly opens an existing store for searching only: several
	// processes can share it, writes fail with ErrReadOnly, and a graph
	// built for searching is not saved.
	ReadOnly bool
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

// Open opens or creates the store in dir (created if missing) and loads
// every collection into memory. It returns an error when dir cannot be
// created, when the file is held by another process for more than 5 s, or
// when a stored record is malformed.
func Open(dir string, cfg Config) (*Store, error) {
	start := time.Now()
	cfg = cfg.withDefaults()
	path := filepath.Join(dir, FileName)
	if cfg.ReadOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("memvec: open %s read-only: %w", path, err)
		}
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("memvec: open %s: %w", dir, err)
	}
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: 5 * time.Second, FreelistType: bolt.FreelistMapType, ReadOnly: cfg.ReadOnly})
	if err != nil {
		return nil, fmt.Errorf("memvec: open %s: %w", path, err)
	}
	s := &Store{cfg: cfg, db: db, log: cfg.Logger, cols: map[string]*collection{}, stop: make(chan struct{})}
	total := 0
	load := func(tx *bolt.Tx) error {
		specs, graphs := tx.Bucket(bucketCollections), tx.Bucket(bucketGraphs)
		if !cfg.ReadOnly {
			var err error
			if specs, err = tx.CreateBucketIfNotExists(bucketCollections); err != nil {
				return err
			}
			if graphs, err = tx.CreateBucketIfNotExists(bucketGraphs); err != nil {
				return err
			}
		}
		if specs == nil {
			return nil // read-only, nothing stored yet
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
			// One vector, one encoding and one map for the whole bucket:
			// appendSlot copies the vector and the encoding.
			vec, enc, scratch := make([]float32, spec.Dim), []byte(nil), map[string]string{}
			if err := b.ForEach(func(id, val []byte) error {
				var err error
				if enc, err = decodeRecord(val, vec, enc[:0], scratch); err != nil {
					return fmt.Errorf("collection %q record %q: %w", k, id, err)
				}
				c.appendSlot(string(id), vec, enc)
				return nil
			}); err != nil {
				return err
			}
			s.cols[c.name] = c
			total += len(c.ids)
			if graphs == nil {
				return nil
			}
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
	}
	if cfg.ReadOnly {
		err = db.View(load)
	} else {
		err = db.Update(load)
	}
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
