// Package pgvec is a corpus.VectorStore on PostgreSQL with the pgvector
// extension, over pgx/v5 and pgvector-go with our own SQL.
//
// Layout: one catalogue table (cailiang_vec_collections: name, embedder,
// dim, table name) and one table per collection with a fixed-dimension
// vector(dim) column, a GIN index on the jsonb metadata and, once the
// collection outgrows Config.ExactThreshold (or from the start when it is
// negative), an HNSW index with cosine ops. Below the threshold, and for
// filters matching at most that many rows, searches are exact. A table per
// collection because pgvector indexes a column of one fixed dimension only: a shared table with a collection column would
// need an untyped vector column, which HNSW cannot index, or partial
// expression indexes per collection that the planner only uses when the
// query repeats the cast. Dropping a collection is then one DROP TABLE.
//
// Every value travels as a query parameter; identifiers (schema, table and
// index names) are derived from sanitised names plus a random suffix and
// quoted with pgx.Identifier; the only numbers formatted into SQL are the
// dimension and HNSW build parameters, which are validated integers (type
// modifiers and index options cannot be parameters).
//
// pgvector 0.8.0 has CVE-2026-3172 (overflow in parallel HNSW builds): every
// index build here runs with max_parallel_maintenance_workers = 0.
package pgvec

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	pgxvec "github.com/pgvector/pgvector-go/pgx"

	"github.com/cailiang/cailiang/corpus"
)

// Name is the store's name in configuration ("memvec" or "pgvec").
const Name = "pgvec"

// Defaults for Config fields left zero.
const (
	// DefaultSchema is the schema holding the store's tables.
	DefaultSchema = "public"
	// DefaultEfSearch is the least hnsw.ef_search of a search (pgvector's
	// default is 40); a search for k results uses at least EfPerK·k.
	DefaultEfSearch = 100
	// EfPerK is the beam width per result asked for: hnsw.ef_search is
	// max(EfSearch, EfPerK·k), capped at pgvector's 1000.
	EfPerK = 10
	// DefaultExactThreshold is Config.ExactThreshold when zero: the same
	// cut-off as memvec's, so both stores answer small collections exactly.
	DefaultExactThreshold = 20_000
	// DefaultM and DefaultEfConstruction are pgvector's HNSW build defaults.
	DefaultM              = 16
	DefaultEfConstruction = 64
)

// Dimension limits of pgvector 0.8: HNSW indexes vector columns of up to
// 2000 dimensions and halfvec expressions of up to 4000; a vector column
// holds up to 16000. Collections above 4000 dimensions get no ANN index and
// are searched exactly.
const (
	maxVectorIndexDim  = 2000
	maxHalfvecIndexDim = 4000
	maxDim             = 16000
	maxEfSearch        = 1000 // pgvector's upper bound for hnsw.ef_search
	upsertChunk        = 1000 // statements per pipelined batch
)

// ErrConfig reports an invalid Config.
var ErrConfig = errors.New("pgvec: invalid configuration")

// Config configures Open. Only cmd reads the environment (CAILIANG_PG_DSN)
// and fills it in.
type Config struct {
	// DSN is a libpq connection string or postgres:// URL (required).
	DSN string
	// Schema holds the store's tables; created when missing. Default
	// "public". Tests use a fresh schema each.
	Schema string
	// MaxConns caps the connection pool (0: pgxpool's default, the larger
	// of 4 and the number of CPUs).
	MaxConns int32
	// EfSearch is the least hnsw.ef_search of a search (0:
	// DefaultEfSearch). Higher is slower with better recall; a search for
	// k results uses max(EfSearch, EfPerK·k), at most 1000.
	EfSearch int
	// ExactThreshold is the number of rows up to which searches are exact
	// (a sequential scan, or for a filter the GIN index, and a top-k sort)
	// instead of HNSW; a filtered search is also exact when its filter
	// matches at most this many rows. A collection gets its HNSW index only
	// when it grows beyond the threshold. 0 means DefaultExactThreshold;
	// negative means every collection gets its index when created and
	// searches leave the choice to the planner.
	ExactThreshold int
	// FilterExactThreshold is the number of filter matches up to which a
	// filtered search of a collection over ExactThreshold is exact (0:
	// ExactThreshold; negative: never, the planner chooses). Exact costs
	// about the pages holding the matches (30 ms for 5,900 matches spread
	// over 59,000 rows, against 1.7 ms and recall 0.98 for HNSW's iterative
	// scan on real embeddings; on random vectors that scan's recall was 0.13).
	FilterExactThreshold int
	// DeferIndex leaves the HNSW index to BuildIndex: Upsert never builds
	// it. For a first bulk load, loading without the index and building it
	// once is several times faster than maintaining it on every insert.
	// Searches stay exact until the index exists.
	DeferIndex bool
	// M and EfConstruction are the HNSW build parameters of new
	// collections (0: DefaultM, DefaultEfConstruction).
	M, EfConstruction int
	// Logger receives one line per opened store and per created or
	// dropped collection (nil: slog.Default()).
	Logger *slog.Logger
}

// Store is a corpus.VectorStore on PostgreSQL + pgvector. It is safe for
// concurrent use.
type Store struct {
	pool   *pgxpool.Pool
	cfg    Config
	log    *slog.Logger
	schema string // as given; quoted with pgx.Identifier where used

	mu     sync.RWMutex
	cols   map[string]coll
	tstats map[string]tableStats // by table: cached row estimate and index presence

	// Searches answered exactly and by the HNSW index (or left to the
	// planner when ExactThreshold < 0), for tests and logs.
	exactSearches, indexSearches atomic.Uint64
}

var (
	_ corpus.VectorStore  = (*Store)(nil)
	_ corpus.LoadFinisher = (*Store)(nil)
)

// coll is a cached row of the catalogue. Table names carry a random
// suffix, so a cached entry can only ever point at a dropped table (never at
// a recreated one of another dimension): a query that finds the table gone
// refreshes the entry.
type coll struct {
	embedder string
	dim      int
	table    string
}

// Open connects to PostgreSQL, creates the vector extension when missing
// (CREATE EXTENSION IF NOT EXISTS, which needs the privilege only the first
// time), registers pgvector's types on every pooled connection and applies
// the store's schema migrations. It returns ErrConfig for an invalid
// Config, and the connection or migration error otherwise.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.DSN == "" {
		return nil, fmt.Errorf("%w: empty DSN", ErrConfig)
	}
	if cfg.Schema == "" {
		cfg.Schema = DefaultSchema
	}
	if cfg.EfSearch == 0 {
		cfg.EfSearch = DefaultEfSearch
	}
	if cfg.M == 0 {
		cfg.M = DefaultM
	}
	if cfg.EfConstruction == 0 {
		cfg.EfConstruction = DefaultEfConstruction
	}
	if cfg.ExactThreshold == 0 {
		cfg.ExactThreshold = DefaultExactThreshold
	}
	if cfg.FilterExactThreshold == 0 {
		cfg.FilterExactThreshold = cfg.ExactThreshold
	}
	switch {
	case len(cfg.Schema) > 63:
		return nil, fmt.Errorf("%w: schema name longer than PostgreSQL's 63 bytes", ErrConfig)
	case cfg.EfSearch < 1 || cfg.EfSearch > maxEfSearch:
		return nil, fmt.Errorf("%w: EfSearch %d outside 1..%d", ErrConfig, cfg.EfSearch, maxEfSearch)
	case cfg.M < 2 || cfg.M > 100:
		return nil, fmt.Errorf("%w: M %d outside 2..100", ErrConfig, cfg.M)
	case cfg.EfConstruction < 4 || cfg.EfConstruction > 1000 || cfg.EfConstruction < 2*cfg.M:
		return nil, fmt.Errorf("%w: EfConstruction %d outside 4..1000 or below 2*M", ErrConfig, cfg.EfConstruction)
	}
	log := cfg.Logger
	if log == nil {
		log = slog.Default()
	}
	pcfg, err := pgxpool.ParseConfig(cfg.DSN)
	if err != nil {
		return nil, fmt.Errorf("%w: DSN: %v", ErrConfig, err)
	}
	if cfg.MaxConns > 0 {
		pcfg.MaxConns = cfg.MaxConns
	}
	pcfg.AfterConnect = func(ctx context.Context, conn *pgx.Conn) error {
		if _, err := conn.Exec(ctx, "CREATE EXTENSION IF NOT EXISTS vector"); err != nil && !isCode(err, "23505", "42710") {
			// 23505/42710: another session created it at the same moment.
			return fmt.Errorf("pgvec: create extension vector: %w", err)
		}
		if err := pgxvec.RegisterTypes(ctx, conn); err != nil {
			return fmt.Errorf("pgvec: register pgvector types: %w", err)
		}
		return nil
	}
	pool, err := pgxpool.NewWithConfig(ctx, pcfg)
	if err != nil {
		return nil, fmt.Errorf("pgvec: open: %w", err)
	}
	s := &Store{pool: pool, cfg: cfg, log: log, schema: cfg.Schema, cols: map[string]coll{}, tstats: map[string]tableStats{}}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("pgvec: connect: %w", err)
	}
	applied, err := s.migrate(ctx)
	if err != nil {
		pool.Close()
		return nil, err
	}
	log.Info("pgvec: opened", "schema", cfg.Schema, "migrations_applied", applied, "ef_search", cfg.EfSearch,
		"exact_threshold", cfg.ExactThreshold, "defer_index", cfg.DeferIndex)
	return s, nil
}

// Close closes the connection pool. It always returns nil.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// ident quotes schema-qualified identifiers.
func (s *Store) ident(name string) string { return pgx.Identifier{s.schema, name}.Sanitize() }

func (s *Store) catalogue() string { return s.ident("cailiang_vec_collections") }

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", corpus.ErrInvalid, fmt.Sprintf(format, args...))
}

// isCode reports whether err is a PostgreSQL error with one of the codes.
func isCode(err error, codes ...string) bool {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return false
	}
	for _, c := range codes {
		if pe.Code == c {
			return true
		}
	}
	return false
}
