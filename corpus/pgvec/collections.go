package pgvec

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"github.com/cailiang/cailiang/corpus"
)

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
