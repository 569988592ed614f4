package pgvec

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

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
