// Package pgschema applies the versioned schema migrations of the project's
// PostgreSQL stores (corpus/pgvec, casework/pgstore). Each store names its
// migrations with a component; all of them are recorded in one
// cailiang_schema_migrations table of the schema they share.
package pgschema

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
)

// Migration is one numbered schema change, applied once and never edited
// after release: a change is a new migration.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// FromFS reads the migrations in dir of fsys, named NNNN_name.sql, in
// version order. It returns an error naming a file that does not follow
// the pattern, and for two files with one number.
func FromFS(fsys fs.FS, dir string) ([]Migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("pgschema: read migrations: %w", err)
	}
	var out []Migration
	for _, e := range entries {
		num, name, ok := strings.Cut(strings.TrimSuffix(e.Name(), ".sql"), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v < 1 || !strings.HasSuffix(e.Name(), ".sql") {
			return nil, fmt.Errorf("pgschema: migration file %s: want NNNN_name.sql", e.Name())
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("pgschema: %w", err)
		}
		out = append(out, Migration{Version: v, Name: name, SQL: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	for i := 1; i < len(out); i++ {
		if out[i].Version == out[i-1].Version {
			return nil, fmt.Errorf("pgschema: two migrations numbered %d", out[i].Version)
		}
	}
	return out, nil
}

// Apply applies, inside tx, the migrations of component not yet recorded
// in schema's cailiang_schema_migrations, and returns how many it applied.
// It first takes a transaction-scoped advisory lock on the schema, so that
// nodes starting together apply each migration once, and creates the
// schema and the migrations table when missing. Errors name the migration
// that failed; the caller's transaction then rolls everything back.
func Apply(ctx context.Context, tx pgx.Tx, schema, component string, ms []Migration) (int, error) {
	quoted := pgx.Identifier{schema}.Sanitize()
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, "cailiang_schema_migrations:"+schema); err != nil {
		return 0, err
	}
	// Checked first rather than CREATE SCHEMA IF NOT EXISTS, which needs the
	// CREATE privilege on the database even when the schema exists.
	var exists bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)`, schema).Scan(&exists); err != nil {
		return 0, err
	}
	if !exists {
		if _, err := tx.Exec(ctx, `CREATE SCHEMA `+quoted); err != nil {
			return 0, err
		}
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS `+quoted+`.cailiang_schema_migrations (
		component  text NOT NULL,
		version    integer NOT NULL,
		name       text NOT NULL,
		applied_at timestamptz NOT NULL DEFAULT now(),
		PRIMARY KEY (component, version))`); err != nil {
		return 0, err
	}
	rows, err := tx.Query(ctx, `SELECT version FROM `+quoted+`.cailiang_schema_migrations WHERE component = $1`, component)
	if err != nil {
		return 0, err
	}
	versions, err := pgx.CollectRows(rows, pgx.RowTo[int32])
	if err != nil {
		return 0, err
	}
	done := map[int]bool{}
	for _, v := range versions {
		done[int(v)] = true
	}
	applied := 0
	for _, m := range ms {
		if done[m.Version] {
			continue
		}
		if _, err := tx.Exec(ctx, m.SQL); err != nil {
			return applied, fmt.Errorf("migration %s %d (%s): %w", component, m.Version, m.Name, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO `+quoted+`.cailiang_schema_migrations (component, version, name) VALUES ($1, $2, $3)`,
			component, m.Version, m.Name); err != nil {
			return applied, err
		}
		applied++
	}
	return applied, nil
}
