package pgvec

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	pgvector "github.com/pgvector/pgvector-go"

	"github.com/cailiang/cailiang/corpus"
)

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
