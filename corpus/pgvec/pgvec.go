// Package pgvec is a corpus.VectorStore on PostgreSQL with the pgvector
// extension, over pgx/v5 and pgvector-go with our own SQL.
//
// Layout: one catalogue table (cailiang_vec_collections: name, embedder,
// dim, table name) and one table per collection with a fixed-dimension
// vector(dim) column, an HNSW index with cosine ops and a GIN index on the
// jsonb metadata. A table per collection because pgvector indexes a column of
// one fixed dimension only: a shared table with a collection column would
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
	// DefaultEfSearch is hnsw.ef_search for searches (pgvector's default
	// is 40); a search for more than this many results uses k instead.
	DefaultEfSearch = 100
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
	maxTextBytes       = 1024 // bytes in a record ID or collection name, as in memvec
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
	// EfSearch is hnsw.ef_search for searches (0: DefaultEfSearch). Higher
	// is slower with better recall; it is raised to k for larger k.
	EfSearch int
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

	mu   sync.RWMutex
	cols map[string]coll
}

var _ corpus.VectorStore = (*Store)(nil)

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
	s := &Store{pool: pool, cfg: cfg, log: log, schema: cfg.Schema, cols: map[string]coll{}}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("pgvec: connect: %w", err)
	}
	applied, err := s.migrate(ctx)
	if err != nil {
		pool.Close()
		return nil, err
	}
	log.Info("pgvec: opened", "schema", cfg.Schema, "migrations_applied", applied, "ef_search", cfg.EfSearch)
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
	if err := checkText("collection name", name); err != nil {
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

// createTable creates a collection's table and indexes inside tx.
func (s *Store) createTable(ctx context.Context, tx pgx.Tx, c coll) error {
	t := s.ident(c.table)
	stmts := []string{
		fmt.Sprintf(`CREATE TABLE %s (
			id text PRIMARY KEY,
			embedding vector(%d) NOT NULL,
			meta jsonb NOT NULL DEFAULT '{}'::jsonb)`, t, c.dim),
		// CVE-2026-3172: never build HNSW indexes in parallel on pgvector 0.8.0.
		`SET LOCAL max_parallel_maintenance_workers = 0`,
		fmt.Sprintf(`CREATE INDEX %s ON %s USING gin (meta jsonb_path_ops)`,
			pgx.Identifier{c.table + "_meta"}.Sanitize(), t),
	}
	with := fmt.Sprintf("WITH (m = %d, ef_construction = %d)", s.cfg.M, s.cfg.EfConstruction)
	hnsw := pgx.Identifier{c.table + "_hnsw"}.Sanitize()
	switch {
	case c.dim <= maxVectorIndexDim:
		stmts = append(stmts, fmt.Sprintf(`CREATE INDEX %s ON %s USING hnsw (embedding vector_cosine_ops) %s`, hnsw, t, with))
	case c.dim <= maxHalfvecIndexDim:
		stmts = append(stmts, fmt.Sprintf(`CREATE INDEX %s ON %s USING hnsw ((embedding::halfvec(%d)) halfvec_cosine_ops) %s`, hnsw, t, c.dim, with))
	default:
		s.log.Warn("pgvec: no HNSW index above 4000 dimensions; searches are exact scans", "table", c.table, "dim", c.dim)
	}
	for _, q := range stmts {
		if _, err := tx.Exec(ctx, q); err != nil {
			return err
		}
	}
	return nil
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
// nothing. Every record is checked before anything is written: it returns
// ErrNoCollection for an unknown collection, ErrDimension when a vector's
// length differs from the collection's, corpus.ErrInvalid for an empty,
// oversized or non-UTF-8 ID, metadata that is not UTF-8 text with non-empty
// keys, or a NaN or infinite component; and database errors wrapped.
func (s *Store) Upsert(ctx context.Context, collection string, recs []corpus.VectorRecord) error {
	err := s.withCollection(ctx, collection, func(c coll) error {
		for i, r := range recs {
			if err := checkRecord(i, r, c.dim); err != nil {
				return err
			}
		}
		if len(recs) == 0 {
			return nil
		}
		q := `INSERT INTO ` + s.ident(c.table) + ` (id, embedding, meta) VALUES ($1, $2, $3)
			ON CONFLICT (id) DO UPDATE SET embedding = EXCLUDED.embedding, meta = EXCLUDED.meta`
		return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
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
		_, err := s.pool.Exec(ctx, `DELETE FROM `+s.ident(c.table)+` WHERE id = ANY($1)`, ids)
		return err
	})
	if err != nil {
		return fmt.Errorf("pgvec: delete from %q: %w", collection, err)
	}
	return nil
}

// Search returns up to k records nearest to q by cosine similarity (Score
// = 1 − cosine distance, highest first; 0 for a zero vector, as in memvec)
// whose metadata contains every key/value of filter. It runs in a
// read-only transaction with hnsw.iterative_scan = strict_order, so a
// filter that rejects many candidates still yields k results in exact
// distance order, and hnsw.ef_search = max(EfSearch, k). It returns
// ErrNoCollection for an unknown collection, ErrDimension when len(q)
// differs from the collection's, corpus.ErrInvalid for a NaN or infinite
// component, and database errors wrapped; k ≤ 0 gives no hits.
func (s *Store) Search(ctx context.Context, collection string, q []float32, k int, filter corpus.VectorFilter) ([]corpus.VectorHit, error) {
	var hits []corpus.VectorHit
	err := s.withCollection(ctx, collection, func(c coll) error {
		hits = nil
		if len(q) != c.dim {
			return fmt.Errorf("query has %d dimensions, collection %d: %w", len(q), c.dim, corpus.ErrDimension)
		}
		if err := checkVector("query", q); err != nil {
			return err
		}
		if k <= 0 {
			return nil
		}
		sql, args := s.searchQuery(c, q, k, filter)
		ef := max(s.cfg.EfSearch, min(k, maxEfSearch))
		return pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
			b := &pgx.Batch{}
			// SET LOCAL through set_config, so ef_search is a parameter too.
			// force_custom_plan: each search is planned for its own filter, so
			// a selective filter may take the exact GIN path and a broad one
			// the HNSW index (a cached generic plan would guess one for all).
			b.Queue(`SELECT set_config('hnsw.ef_search', $1, true),
				set_config('hnsw.iterative_scan', 'strict_order', true),
				set_config('plan_cache_mode', 'force_custom_plan', true)`, fmt.Sprint(ef))
			b.Queue(sql, args...)
			br := tx.SendBatch(ctx, b)
			defer br.Close()
			if _, err := br.Exec(); err != nil {
				return err
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

// checkText accepts what PostgreSQL's text accepts (UTF-8 without NUL),
// non-empty and at most maxTextBytes, as memvec does.
func checkText(what, s string) error {
	switch {
	case s == "":
		return invalid("empty %s", what)
	case len(s) > maxTextBytes:
		return invalid("%s of %d bytes (at most %d)", what, len(s), maxTextBytes)
	case !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0:
		return invalid("%s %q is not valid UTF-8 text", what, s)
	}
	return nil
}

func checkRecord(i int, r corpus.VectorRecord, dim int) error {
	if err := checkText(fmt.Sprintf("ID of record %d", i), r.ID); err != nil {
		return err
	}
	if len(r.Vector) != dim {
		return fmt.Errorf("record %q has %d dimensions, collection %d: %w", r.ID, len(r.Vector), dim, corpus.ErrDimension)
	}
	if err := checkVector(fmt.Sprintf("record %q", r.ID), r.Vector); err != nil {
		return err
	}
	for k, v := range r.Meta {
		if k == "" || !utf8.ValidString(k) || !utf8.ValidString(v) || strings.IndexByte(k, 0) >= 0 || strings.IndexByte(v, 0) >= 0 {
			return invalid("record %q: metadata %q=%q is not UTF-8 text with a non-empty key", r.ID, k, v)
		}
	}
	return nil
}

// checkVector rejects NaN and infinite components (pgvector would too).
func checkVector(what string, v []float32) error {
	for i, x := range v {
		if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
			return invalid("%s: component %d is %v", what, i, x)
		}
	}
	return nil
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
