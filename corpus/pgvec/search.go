package pgvec

import (
	"context"
	"fmt"
	"math"

	"github.com/jackc/pgx/v5"
	pgvector "github.com/pgvector/pgvector-go"

	"github.com/cailiang/cailiang/corpus"
)

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

// Metas returns every record's metadata by ID. It returns ErrNoCollection
// for an unknown collection and database errors wrapped.
func (s *Store) Metas(ctx context.Context, collection string) (map[string]map[string]string, error) {
	var out map[string]map[string]string
	err := s.withCollection(ctx, collection, func(c coll) error {
		rows, err := s.pool.Query(ctx, `SELECT id, meta FROM `+s.ident(c.table))
		if err != nil {
			return err
		}
		defer rows.Close()
		out = map[string]map[string]string{}
		for rows.Next() {
			var id string
			var meta map[string]string
			if err := rows.Scan(&id, &meta); err != nil {
				return err
			}
			out[id] = meta
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("pgvec: metadata of %q: %w", collection, err)
	}
	return out, nil
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
