package pgvec

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/cailiang/cailiang/pgschema"
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

// migrate applies the migrations not yet recorded (pgschema.Apply: one
// transaction under an advisory lock, so concurrent Opens apply each
// migration once) and returns how many it applied.
func (s *Store) migrate(ctx context.Context) (int, error) {
	schema := pgx.Identifier{s.schema}.Sanitize()
	ms := make([]pgschema.Migration, len(migrations))
	for i, m := range migrations {
		ms[i] = pgschema.Migration{Version: m.version, Name: m.name, SQL: strings.ReplaceAll(m.sql, "{{schema}}", schema)}
	}
	applied := 0
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) (err error) {
		applied, err = pgschema.Apply(ctx, tx, s.schema, component, ms)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("pgvec: migrate schema %q: %w", s.schema, err)
	}
	return applied, nil
}
