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
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	pgvector "github.com/pgvector/pgvector-go"
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

// tableStats is what a search needs to know about a collection's table to
// choose between exact and HNSW search.
type tableStats struct {
	rows    int64 // estimated (exact when small)
	indexed bool  // the HNSW index exists
	at      time.Time
}

// statsTTL is how long tableStats are trusted; this process's own writes
// invalidate them at once, and another process's index build is noticed
// within it.
const statsTTL = 10 * time.Second

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

// EnsureCollection creates the collection (a table with a vector(dim)
// column, an HNSW cosine index and a GIN index on metadata) or checks that
// it was built with spec. It returns ErrSpecMismatch when it exists with
// another embedder or dimension; corpus.ErrInvalid for an empty, oversized
// or non-UTF-8 name or an empty embedder; ErrDimension for a dimension
// outside 1..16000 (pgvector's limit); and database errors wrapped.
func (s *Store) EnsureCollection(ctx context.Context, name string, spec corpus.CollectionSpec) error {
	if err := corpus.ValidateVectorText("collection name", name); err != nil {
		return fmt.Errorf("pgvec: ensure collection: %w", err)
	}
	if spec.Embedder == "" || !utf8.ValidString(spec.Embedder) || strings.IndexByte(spec.Embedder, 0) >= 0 {
		return fmt.Errorf("pgvec: ensure collection %q: %w", name, invalid("embedder %q must be non-empty UTF-8 text", spec.Embedder))
	}
	if spec.Dim < 1 || spec.Dim > maxDim {
		return fmt.Errorf("pgvec: collection %q: dimension %d outside 1..%d: %w", name, spec.Dim, maxDim, corpus.ErrDimension)
	}
	c := coll{embedder: spec.Embedder, dim: spec.Dim, table: tableName(name)}
	created := false
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO `+s.catalogue()+` (name, embedder, dim, table_name)
			VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING`, name, spec.Embedder, spec.Dim, c.table)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return nil // exists: compared below
		}
		created = true
		return s.createTable(ctx, tx, c)
	})
	if err != nil {
		return fmt.Errorf("pgvec: ensure collection %q: %w", name, err)
	}
	if created {
		s.put(name, c)
		s.log.Info("pgvec: created collection", "name", name, "table", c.table, "embedder", spec.Embedder, "dim", spec.Dim)
		return nil
	}
	got, err := s.lookup(ctx, name, true)
	if err != nil {
		return fmt.Errorf("pgvec: ensure collection %q: %w", name, err)
	}
	if got.embedder != spec.Embedder || got.dim != spec.Dim {
		return fmt.Errorf("pgvec: collection %q has embedder %q dim %d, not %q dim %d: %w",
			name, got.embedder, got.dim, spec.Embedder, spec.Dim, corpus.ErrSpecMismatch)
	}
	return nil
}

// createTable creates a collection's table and metadata index inside tx,
// and its HNSW index too when ExactThreshold < 0 and the index is not
// deferred (otherwise the index comes when the collection outgrows the
// threshold, or from BuildIndex).
func (s *Store) createTable(ctx context.Context, tx pgx.Tx, c coll) error {
	t := s.ident(c.table)
	stmts := []string{
		fmt.Sprintf(`CREATE TABLE %s (
			id text PRIMARY KEY,
			embedding vector(%d) NOT NULL,
			meta jsonb NOT NULL DEFAULT '{}'::jsonb)`, t, c.dim),
		fmt.Sprintf(`CREATE INDEX %s ON %s USING gin (meta jsonb_path_ops)`,
			pgx.Identifier{c.table + "_meta"}.Sanitize(), t),
	}
	if c.dim > maxHalfvecIndexDim {
		s.log.Warn("pgvec: no HNSW index above 4000 dimensions; searches are exact scans", "table", c.table, "dim", c.dim)
	} else if s.cfg.ExactThreshold < 0 && !s.cfg.DeferIndex {
		// CVE-2026-3172: never build HNSW indexes in parallel on pgvector 0.8.0.
		stmts = append(stmts, `SET LOCAL max_parallel_maintenance_workers = 0`, s.indexSQL(c))
	}
	for _, q := range stmts {
		if _, err := tx.Exec(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// indexName is the schema-qualified, quoted name of c's HNSW index.
func (s *Store) indexName(c coll) string { return s.ident(c.table + "_hnsw") }

// indexSQL returns the statement creating c's HNSW index ("" above 4000
// dimensions, which pgvector cannot index).
func (s *Store) indexSQL(c coll) string {
	with := fmt.Sprintf("WITH (m = %d, ef_construction = %d)", s.cfg.M, s.cfg.EfConstruction)
	hnsw := pgx.Identifier{c.table + "_hnsw"}.Sanitize()
	t := s.ident(c.table)
	switch {
	case c.dim <= maxVectorIndexDim:
		return fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %s ON %s USING hnsw (embedding vector_cosine_ops) %s`, hnsw, t, with)
	case c.dim <= maxHalfvecIndexDim:
		return fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %s ON %s USING hnsw ((embedding::halfvec(%d)) halfvec_cosine_ops) %s`, hnsw, t, c.dim, with)
	}
	return ""
}

// buildIndex creates c's HNSW index unless it exists, single-threaded
// (CVE-2026-3172), then analyses the table. CREATE INDEX takes a SHARE
// lock: searches go on meanwhile (exactly), writes wait.
func (s *Store) buildIndex(ctx context.Context, c coll) error {
	q := s.indexSQL(c)
	if q == "" {
		return nil
	}
	start := time.Now()
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SET LOCAL max_parallel_maintenance_workers = 0`); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, q)
		return err
	})
	if err != nil && !isCode(err, "23505", "42P07") { // another session built it at the same moment
		return err
	}
	if _, err := s.pool.Exec(ctx, `ANALYZE `+s.ident(c.table)); err != nil {
		return err
	}
	s.mu.Lock()
	st := s.tstats[c.table]
	st.indexed = true
	s.tstats[c.table] = st
	s.mu.Unlock()
	s.log.Info("pgvec: built HNSW index", "table", c.table, "duration", time.Since(start).Round(time.Millisecond))
	return nil
}

// LoadDone ends a bulk load: with DeferIndex it builds the collection's
// index (see BuildIndex); otherwise the index was kept up to date and it
// does nothing. It returns BuildIndex's errors.
func (s *Store) LoadDone(ctx context.Context, collection string) error {
	if !s.cfg.DeferIndex {
		return nil
	}
	return s.BuildIndex(ctx, collection)
}

// BuildIndex builds the collection's HNSW index if it needs one (more rows
// than ExactThreshold, or any rows when ExactThreshold < 0) and has none,
// and returns when searches can use it; either way it analyses the table.
// With DeferIndex, call it after a bulk load. It returns ErrNoCollection for an unknown collection and
// database errors wrapped.
func (s *Store) BuildIndex(ctx context.Context, collection string) error {
	err := s.withCollection(ctx, collection, func(c coll) error {
		st, err := s.tableStats(ctx, c, true)
		if err != nil {
			return err
		}
		if st.indexed || c.dim > maxHalfvecIndexDim || s.cfg.ExactThreshold > 0 && st.rows <= int64(s.cfg.ExactThreshold) {
			// No index to build; still analyse, so that the planner's
			// estimates (and tableStats') reflect a bulk load.
			_, err := s.pool.Exec(ctx, `ANALYZE `+s.ident(c.table))
			return err
		}
		return s.buildIndex(ctx, c)
	})
	if err != nil {
		return fmt.Errorf("pgvec: build index of %q: %w", collection, err)
	}
	return nil
}

// tableStats returns c's row estimate and whether its HNSW index exists,
// cached for statsTTL unless fresh. The estimate is the planner's
// (reltuples per page times the table's current pages); a table never
// analysed is counted, up to ExactThreshold+1 rows.
func (s *Store) tableStats(ctx context.Context, c coll, fresh bool) (tableStats, error) {
	if !fresh {
		s.mu.RLock()
		st, ok := s.tstats[c.table]
		s.mu.RUnlock()
		if ok && !st.at.IsZero() && time.Since(st.at) < statsTTL {
			return st, nil
		}
	}
	var st tableStats
	err := s.pool.QueryRow(ctx, `SELECT CASE WHEN t.reltuples < 0 OR t.relpages = 0 THEN -1
			ELSE (t.reltuples / t.relpages * (pg_relation_size(t.oid) / current_setting('block_size')::float8))::bigint END,
			to_regclass($2) IS NOT NULL
		FROM pg_class t WHERE t.oid = $1::regclass`, s.ident(c.table), s.indexName(c)).Scan(&st.rows, &st.indexed)
	if err != nil {
		return st, err
	}
	if st.rows < 0 {
		limit := int64(max(s.cfg.ExactThreshold, 0)) + 1
		if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM (SELECT 1 FROM `+s.ident(c.table)+` LIMIT $1) r`, limit).Scan(&st.rows); err != nil {
			return st, err
		}
	}
	st.at = time.Now()
	s.mu.Lock()
	s.tstats[c.table] = st
	s.mu.Unlock()
	return st, nil
}

// written forgets c's cached stats after a write, and builds its HNSW index
// when the collection has just outgrown ExactThreshold (unless DeferIndex).
func (s *Store) written(ctx context.Context, c coll) error {
	s.mu.Lock()
	delete(s.tstats, c.table)
	s.mu.Unlock()
	if s.cfg.ExactThreshold < 0 || s.cfg.DeferIndex || c.dim > maxHalfvecIndexDim {
		return nil
	}
	st, err := s.tableStats(ctx, c, true)
	if err != nil || st.indexed || st.rows <= int64(s.cfg.ExactThreshold) {
		return err
	}
	s.log.Info("pgvec: collection outgrew the exact-search threshold: building its HNSW index", "table", c.table,
		"rows", st.rows, "exact_threshold", s.cfg.ExactThreshold)
	return s.buildIndex(ctx, c)
}

// DropCollection deletes a collection, its table and vectors; no error when
// absent. It returns database errors wrapped.
func (s *Store) DropCollection(ctx context.Context, name string) error {
	var table string
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `DELETE FROM `+s.catalogue()+` WHERE name = $1 RETURNING table_name`, name).Scan(&table)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `DROP TABLE IF EXISTS `+s.ident(table))
		return err
	})
	s.forget(name)
	if err != nil {
		return fmt.Errorf("pgvec: drop collection %q: %w", name, err)
	}
	if table != "" {
		s.log.Info("pgvec: dropped collection", "name", name, "table", table)
	}
	return nil
}

// Upsert inserts or replaces records by ID in one transaction: all or
// nothing. When the write takes the collection past ExactThreshold rows,
// Upsert then builds its HNSW index (unless DeferIndex). Every record is checked before anything is written: it returns
// ErrNoCollection for an unknown collection, ErrDimension when a vector's
// length differs from the collection's, corpus.ErrInvalid for an empty,
// oversized or non-UTF-8 ID, metadata that is not UTF-8 text with non-empty
// keys, or a NaN or infinite component; and database errors wrapped.
func (s *Store) Upsert(ctx context.Context, collection string, recs []corpus.VectorRecord) error {
	err := s.withCollection(ctx, collection, func(c coll) error {
		for i, r := range recs {
			if err := corpus.ValidateRecord(i, r, c.dim); err != nil {
				return err
			}
		}
		if len(recs) == 0 {
			return nil
		}
		q := `INSERT INTO ` + s.ident(c.table) + ` (id, embedding, meta) VALUES ($1, $2, $3)
			ON CONFLICT (id) DO UPDATE SET embedding = EXCLUDED.embedding, meta = EXCLUDED.meta`
		err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
			for start := 0; start < len(recs); start += upsertChunk {
				end := min(start+upsertChunk, len(recs))
				b := &pgx.Batch{}
				for _, r := range recs[start:end] {
					meta := r.Meta
					if meta == nil {
						meta = map[string]string{}
					}
					b.Queue(q, r.ID, pgvector.NewVector(r.Vector), meta)
				}
				if err := tx.SendBatch(ctx, b).Close(); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		return s.written(ctx, c)
	})
	if err != nil {
		return fmt.Errorf("pgvec: upsert into %q: %w", collection, err)
	}
	return nil
}

// Delete removes records by ID; unknown IDs are ignored. It returns
// ErrNoCollection for an unknown collection and database errors wrapped.
func (s *Store) Delete(ctx context.Context, collection string, ids []string) error {
	err := s.withCollection(ctx, collection, func(c coll) error {
		if len(ids) == 0 {
			return nil
		}
		if _, err := s.pool.Exec(ctx, `DELETE FROM `+s.ident(c.table)+` WHERE id = ANY($1)`, ids); err != nil {
			return err
		}
		s.mu.Lock()
		delete(s.tstats, c.table)
		s.mu.Unlock()
		return nil
	})
	if err != nil {
		return fmt.Errorf("pgvec: delete from %q: %w", collection, err)
	}
	return nil
}

// Search returns up to k records nearest to q by cosine similarity (Score
// = 1 − cosine distance, highest first; 0 for a zero vector, as in memvec)
// whose metadata contains every key/value of filter.
//
// It is exact (index scans off: a sequential scan, or the GIN index for a
// filter, and a top-k sort) when the collection has at most ExactThreshold
// rows or no HNSW index yet, or when the filter matches at most
// FilterExactThreshold rows (counted in the same round trip, stopping past
// the threshold). Otherwise it uses the HNSW index with hnsw.ef_search =
// max(EfSearch, EfPerK·k) and hnsw.iterative_scan = strict_order, so a
// filter that rejects many candidates still yields k results in exact
// distance order. Every setting is SET LOCAL in a read-only transaction.
// It returns ErrNoCollection for an unknown collection, ErrDimension when
// len(q) differs from the collection's, corpus.ErrInvalid for a NaN or
// infinite component, and database errors wrapped; k ≤ 0 gives no hits.
func (s *Store) Search(ctx context.Context, collection string, q []float32, k int, filter corpus.VectorFilter) ([]corpus.VectorHit, error) {
	var hits []corpus.VectorHit
	err := s.withCollection(ctx, collection, func(c coll) error {
		hits = nil
		if len(q) != c.dim {
			return fmt.Errorf("query has %d dimensions, collection %d: %w", len(q), c.dim, corpus.ErrDimension)
		}
		if err := corpus.ValidateVector("query", q); err != nil {
			return err
		}
		if k <= 0 {
			return nil
		}
		thr := s.cfg.ExactThreshold
		exact, checkFilter := false, false
		if thr > 0 {
			st, err := s.tableStats(ctx, c, false)
			if err != nil {
				return err
			}
			exact = !st.indexed || st.rows <= int64(thr)
			checkFilter = !exact && len(filter) > 0 && s.cfg.FilterExactThreshold > 0
		}
		fthr := int64(s.cfg.FilterExactThreshold)
		sql, args := s.searchQuery(c, q, k, filter)
		ef := min(max(s.cfg.EfSearch, EfPerK*k), maxEfSearch)
		return pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
			b := &pgx.Batch{}
			// SET LOCAL through set_config, so ef_search is a parameter too.
			// force_custom_plan: each search is planned for its own filter, so
			// a selective filter may take the exact GIN path and a broad one
			// the HNSW index (a cached generic plan would guess one for all).
			// No parallel workers: starting one cost ~40 ms here, ten times
			// an exact scan of 10,000 rows (measured, docs/postgres.md).
			b.Queue(`SELECT set_config('hnsw.ef_search', $1, true),
				set_config('hnsw.iterative_scan', 'strict_order', true),
				set_config('plan_cache_mode', 'force_custom_plan', true),
				set_config('max_parallel_workers_per_gather', '0', true)`, fmt.Sprint(ef))
			switch {
			case exact:
				b.Queue(`SELECT set_config('enable_indexscan', 'off', true)`)
			case checkFilter:
				// The planner's estimate of a jsonb containment is a guess; a
				// count that stops past the threshold is not.
				b.Queue(`SELECT set_config('enable_indexscan',
					CASE WHEN (SELECT count(*) FROM (SELECT 1 FROM `+s.ident(c.table)+` WHERE meta @> $1 LIMIT $2) m) <= $3
					THEN 'off' ELSE 'on' END, true)`, map[string]string(filter), fthr+1, fthr)
			}
			b.Queue(sql, args...)
			br := tx.SendBatch(ctx, b)
			defer br.Close()
			if _, err := br.Exec(); err != nil {
				return err
			}
			if exact || checkFilter {
				var indexScan string
				if err := br.QueryRow().Scan(&indexScan); err != nil {
					return err
				}
				exact = indexScan == "off"
			}
			if exact {
				s.exactSearches.Add(1)
			} else {
				s.indexSearches.Add(1)
			}
			rows, err := br.Query()
			if err != nil {
				return err
			}
			for rows.Next() {
				var h corpus.VectorHit
				var meta map[string]string
				var d float64
				if err := rows.Scan(&h.ID, &meta, &d); err != nil {
					rows.Close()
					return err
				}
				if len(meta) > 0 {
					h.Meta = meta
				}
				h.Score = 1 - d
				if math.IsNaN(h.Score) { // a zero vector has no direction
					h.Score = 0
				}
				hits = append(hits, h)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			return br.Close()
		})
	})
	if err != nil {
		return nil, fmt.Errorf("pgvec: search %q: %w", collection, err)
	}
	return hits, nil
}

// searchQuery returns the SQL and arguments of a search: $1 the query
// vector, $2 the limit, $3 the metadata filter (jsonb containment, which
// the GIN index serves) when there is one. The ORDER BY expression is the
// one the collection's HNSW index was built on.
func (s *Store) searchQuery(c coll, q []float32, k int, filter corpus.VectorFilter) (string, []any) {
	dist := `embedding <=> $1`
	var qv any = pgvector.NewVector(q)
	if c.dim > maxVectorIndexDim && c.dim <= maxHalfvecIndexDim {
		dist = fmt.Sprintf(`embedding::halfvec(%d) <=> $1::halfvec(%d)`, c.dim, c.dim)
		qv = pgvector.NewHalfVector(q)
	}
	args := []any{qv, k}
	where := ""
	if len(filter) > 0 {
		where = ` WHERE meta @> $3`
		args = append(args, map[string]string(filter))
	}
	return `SELECT id, meta, ` + dist + ` AS distance FROM ` + s.ident(c.table) + where +
		` ORDER BY ` + dist + ` LIMIT $2`, args
}

// IDs lists every record ID in the collection, sorted. It returns
// ErrNoCollection for an unknown collection and database errors wrapped.
func (s *Store) IDs(ctx context.Context, collection string) ([]string, error) {
	var ids []string
	err := s.withCollection(ctx, collection, func(c coll) error {
		rows, err := s.pool.Query(ctx, `SELECT id FROM `+s.ident(c.table)+` ORDER BY id`)
		if err != nil {
			return err
		}
		ids, err = pgx.CollectRows(rows, pgx.RowTo[string])
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("pgvec: ids of %q: %w", collection, err)
	}
	return ids, nil
}

// Count returns the number of records in the collection. It returns
// ErrNoCollection for an unknown collection and database errors wrapped.
func (s *Store) Count(ctx context.Context, collection string) (int, error) {
	var n int
	err := s.withCollection(ctx, collection, func(c coll) error {
		return s.pool.QueryRow(ctx, `SELECT count(*) FROM `+s.ident(c.table)).Scan(&n)
	})
	if err != nil {
		return 0, fmt.Errorf("pgvec: count %q: %w", collection, err)
	}
	return n, nil
}

// withCollection runs fn with the collection's catalogue row; when fn finds
// the table gone (dropped by another process), it refreshes the row and
// retries once, which gives ErrNoCollection if the collection is gone.
func (s *Store) withCollection(ctx context.Context, name string, fn func(coll) error) error {
	c, err := s.lookup(ctx, name, false)
	if err != nil {
		return err
	}
	err = fn(c)
	if !isCode(err, "42P01") { // undefined_table
		return err
	}
	c2, err2 := s.lookup(ctx, name, true)
	if err2 != nil {
		return err2
	}
	if c2.table == c.table {
		return err
	}
	return fn(c2)
}

// lookup returns the catalogue row of a collection, from the cache unless
// refresh; ErrNoCollection when absent.
func (s *Store) lookup(ctx context.Context, name string, refresh bool) (coll, error) {
	if !refresh {
		s.mu.RLock()
		c, ok := s.cols[name]
		s.mu.RUnlock()
		if ok {
			return c, nil
		}
	}
	var c coll
	err := s.pool.QueryRow(ctx, `SELECT embedder, dim, table_name FROM `+s.catalogue()+` WHERE name = $1`, name).
		Scan(&c.embedder, &c.dim, &c.table)
	if errors.Is(err, pgx.ErrNoRows) {
		s.forget(name)
		return c, fmt.Errorf("collection %q: %w", name, corpus.ErrNoCollection)
	}
	if err != nil {
		return c, err
	}
	s.put(name, c)
	return c, nil
}

func (s *Store) put(name string, c coll) {
	s.mu.Lock()
	s.cols[name] = c
	s.mu.Unlock()
}

func (s *Store) forget(name string) {
	s.mu.Lock()
	delete(s.cols, name)
	s.mu.Unlock()
}

// tableName derives a collection's table name: "vec_", the name reduced to
// at most 32 of [a-z0-9_], "_" and 8 random hex digits. The suffix keeps
// names such as "a-b" and "a_b" apart and makes a recreated collection a new
// table. At most 45 bytes, leaving room for index suffixes within
// PostgreSQL's 63-byte identifiers.
func tableName(name string) string {
	var b strings.Builder
	lastUnderscore := false
	for _, r := range strings.ToLower(name) {
		if b.Len() >= 32 {
			break
		}
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			lastUnderscore = false
		} else if !lastUnderscore && b.Len() > 0 {
			b.WriteByte('_')
			lastUnderscore = true
		}
	}
	base := strings.TrimRight(b.String(), "_")
	if base == "" {
		base = "c"
	}
	var suffix [4]byte
	_, _ = rand.Read(suffix[:]) // crypto/rand.Read never fails (Go ≥ 1.24)
	return "vec_" + base + "_" + hex.EncodeToString(suffix[:])
}

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
