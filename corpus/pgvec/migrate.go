package pgvec

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// component names this package's rows in cailiang_schema_migrations, which
// other PostgreSQL stores of the project may share.
const component = "pgvec"

// migration is one numbered schema change. In SQL, {{schema}} stands for
// the quoted schema; every table is schema-qualified.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations are applied in order, each once, never edited after release:
// a change is a new migration.
var migrations = []migration{
	{1, "collections catalogue", `
CREATE TABLE {{schema}}.cailiang_vec_collections (
	name       text PRIMARY KEY,
	embedder   text NOT NULL,
	dim        integer NOT NULL CHECK (dim > 0),
	table_name text NOT NULL UNIQUE,
	created_at timestamptz NOT NULL DEFAULT now()
)`},
}

// migrate applies the migrations not yet recorded in
// cailiang_schema_migrations, all in one transaction under an advisory lock
// (so concurrent Opens apply each migration once), and returns how many it
// applied. It creates the schema and the migrations table when missing.
func (s *Store) migrate(ctx context.Context) (int, error) {
	schema := pgx.Identifier{s.schema}.Sanitize()
	applied := 0
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, "cailiang_schema_migrations:"+s.schema); err != nil {
			return err
		}
		var exists bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)`, s.schema).Scan(&exists); err != nil {
			return err
		}
		if !exists {
			if _, err := tx.Exec(ctx, `CREATE SCHEMA `+schema); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS `+schema+`.cailiang_schema_migrations (
			component  text NOT NULL,
			version    integer NOT NULL,
			name       text NOT NULL,
			applied_at timestamptz NOT NULL DEFAULT now(),
			PRIMARY KEY (component, version))`); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `SELECT version FROM `+schema+`.cailiang_schema_migrations WHERE component = $1`, component)
		if err != nil {
			return err
		}
		versions, err := pgx.CollectRows(rows, pgx.RowTo[int32])
		if err != nil {
			return err
		}
		done := map[int]bool{}
		for _, v := range versions {
			done[int(v)] = true
		}
		for _, m := range migrations {
			if done[m.version] {
				continue
			}
			if _, err := tx.Exec(ctx, strings.ReplaceAll(m.sql, "{{schema}}", schema)); err != nil {
				return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO `+schema+`.cailiang_schema_migrations (component, version, name) VALUES ($1, $2, $3)`,
				component, m.version, m.name); err != nil {
				return err
			}
			applied++
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("pgvec: migrate schema %q: %w", s.schema, err)
	}
	return applied, nil
}
