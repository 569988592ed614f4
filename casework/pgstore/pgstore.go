// Package pgstore is casework's Store on PostgreSQL (15 or later) over
// pgx/v5: the system of record that several stateless service nodes share.
//
// Layout (migrations/*.sql): one table per kind of record, each row holding
// the record's JSON (doc) plus, as columns, only what queries filter or sort
// on (a case's agency, stage, officers, shared flag, deadline, update time
// and version). The full-process log keeps each entry's JSON byte for byte
// in a bytea column keyed by its sequence number: jsonb would reformat it
// and break the hash chain that `audit verify` recomputes.
//
// Concurrency: every Update is one READ COMMITTED transaction. A case
// changes only through UpdateCase's `UPDATE … WHERE id = $1 AND version =
// $2`, so of two writers that read the same version one gets ErrConflict,
// on any node; reading a case in an Update locks its row, so that what a
// writer checked (the stage, before attaching evidence) still holds when
// it commits. Appends to the log lock the one row of audit_head FOR
// UPDATE, read the last committed entry and link after it, so the chain
// has one order across nodes; in an Update, reads of users, agencies,
// credentials, tokens and checkpoints take the same lock first, so that
// decisions made on them (the first admin, a free user ID) are made one
// writer at a time. Each Update that changes a case NOTIFYs the case and
// its new version in the same transaction: other nodes hear of it (Watch)
// only once it is committed.
//
// Every value travels as a query parameter. Nothing is retried silently:
// a serialisation failure or deadlock is ErrConflict for the caller.
package pgstore

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/pgschema"
)

// Name is the store's name in logs and configuration.
const Name = "pgstore"

// DefaultSchema holds the tables when Config.Schema is empty: a schema of
// their own, so that their plain names (cases, users…) meet nothing else
// in the database, and a DBA can grant or back up the record as one.
const DefaultSchema = "casework"

// Errors of Open and Update besides casework's.
var (
	// ErrConfig reports an invalid Config.
	ErrConfig = errors.New("pgstore: invalid configuration")
	// ErrNotMigrated: a read-only open found the schema missing or older
	// than this binary (a read-write open, such as serve's, migrates it).
	ErrNotMigrated = errors.New("pgstore: schema not migrated")
	// ErrReadOnly: Update on a store opened read-only.
	ErrReadOnly = errors.New("pgstore: opened read-only")
)

// DefaultConnectTimeout bounds each connection attempt when the DSN sets
// no connect_timeout: an unreachable server fails Open instead of hanging
// for the operating system's TCP timeout.
const DefaultConnectTimeout = 10 * time.Second

// Config configures Open. Only cmd reads the environment (CAILIANG_PG_DSN).
type Config struct {
	// DSN is a libpq connection string or postgres:// URL (required).
	DSN string
	// Schema holds the tables, created when missing; creating it needs the
	// CREATE privilege on the database, using one a DBA created does not.
	// Empty: the DSN's search_path when it names one schema, else
	// DefaultSchema.
	// Tests use a fresh schema each; nodes sharing a system of record use
	// the same one.
	Schema string
	// MaxConns caps the connection pool (0: pgxpool's default, the larger
	// of 4 and the number of CPUs).
	MaxConns int32
	// ReadOnly opens without migrating (for `audit verify` and other
	// readers): Open fails with ErrNotMigrated unless every migration is
	// applied, and Update fails with ErrReadOnly.
	ReadOnly bool
	// Logger receives a line when the store opens and when a watcher loses
	// its connection (nil: discarded).
	Logger *slog.Logger
}

// Store is a casework.Store and casework.Watcher on PostgreSQL. It is safe
// for concurrent use by any number of goroutines and nodes.
type Store struct {
	pool *pgxpool.Pool
	// counters takes case numbers outside the caller's transaction, so that
	// a number is never handed out twice even when that transaction rolls
	// back. A pool of its own: its statements never wait for a connection
	// the caller's transaction holds.
	counters *pgxpool.Pool
	schema   string
	channel  string
	readOnly bool
	log      *slog.Logger
}

var (
	_ casework.Store   = (*Store)(nil)
	_ casework.Watcher = (*Store)(nil)
)

// Open connects to PostgreSQL, creates the schema when missing and applies
// the migrations it has not seen (read-only: checks that they are all
// applied, else ErrNotMigrated). It returns ErrConfig (wrapped) for a
// missing or malformed DSN or schema name, and the connection or migration
// error otherwise.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if strings.TrimSpace(cfg.DSN) == "" {
		return nil, fmt.Errorf("%w: no DSN", ErrConfig)
	}
	pcfg, err := pgxpool.ParseConfig(cfg.DSN)
	if err != nil {
		return nil, fmt.Errorf("%w: DSN: %w", ErrConfig, err)
	}
	if cfg.Schema == "" {
		// A DSN's search_path names the schema (one, unquoted), so that
		// the one setting --pg can place the record, as tests do.
		cfg.Schema = DefaultSchema
		if sp := strings.TrimSpace(pcfg.ConnConfig.RuntimeParams["search_path"]); sp != "" {
			if strings.ContainsAny(sp, `, "`) {
				return nil, fmt.Errorf("%w: DSN search_path %q: name one schema", ErrConfig, sp)
			}
			cfg.Schema = sp
		}
	}
	if len(cfg.Schema) > 63 || strings.ContainsRune(cfg.Schema, 0) {
		return nil, fmt.Errorf("%w: schema name %q", ErrConfig, cfg.Schema)
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if cfg.MaxConns > 0 {
		pcfg.MaxConns = cfg.MaxConns
	}
	if pcfg.ConnConfig.ConnectTimeout == 0 {
		pcfg.ConnConfig.ConnectTimeout = DefaultConnectTimeout
	}
	// Every statement names tables without a schema: the search path
	// decides, so that one schema per test (or per deployment) needs no
	// SQL built from names.
	pcfg.ConnConfig.RuntimeParams["search_path"] = cfg.Schema
	pool, err := pgxpool.NewWithConfig(ctx, pcfg)
	if err != nil {
		return nil, fmt.Errorf("pgstore: connect: %w", err)
	}
	ccfg := pcfg.Copy()
	ccfg.MaxConns, ccfg.MinConns = 2, 0
	counters, err := pgxpool.NewWithConfig(ctx, ccfg)
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("pgstore: connect: %w", err)
	}
	s := &Store{pool: pool, counters: counters, schema: cfg.Schema, channel: channelName(cfg.Schema), readOnly: cfg.ReadOnly, log: log}
	n := 0
	if cfg.ReadOnly {
		err = s.checkMigrated(ctx)
	} else {
		n, err = s.migrate(ctx)
	}
	if err != nil {
		s.Close()
		return nil, err
	}
	log.Info("casework store opened", "store", Name, "schema", cfg.Schema, "migrations_applied", n)
	return s, nil
}

// Close releases the connections.
func (s *Store) Close() error {
	s.pool.Close()
	s.counters.Close()
	return nil
}

// channelName is the NOTIFY channel of a schema's changes: nodes on other
// schemas of the same database do not hear them. Channel names are
// identifiers of at most 63 bytes; long schema names are hashed.
func channelName(schema string) string {
	const prefix = "cailiang_casework_"
	if len(prefix)+len(schema) <= 63 {
		return prefix + schema
	}
	sum := sha256.Sum256([]byte(schema))
	return prefix + hex.EncodeToString(sum[:16])
}

//go:embed migrations/*.sql
var migrationFiles embed.FS

// component names this package's rows in cailiang_schema_migrations, which
// corpus/pgvec shares.
const component = "casework"

// migrate applies the migrations not yet recorded in one transaction
// (pgschema.Apply: nodes starting together apply each once) and returns how
// many it applied.
func (s *Store) migrate(ctx context.Context) (int, error) {
	ms, err := pgschema.FromFS(migrationFiles, "migrations")
	if err != nil {
		return 0, err
	}
	applied := 0
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) (err error) {
		applied, err = pgschema.Apply(ctx, tx, s.schema, component, ms)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("pgstore: migrate schema %q: %w", s.schema, err)
	}
	return applied, nil
}

// checkMigrated returns ErrNotMigrated unless every migration of this
// binary is recorded.
func (s *Store) checkMigrated(ctx context.Context) error {
	ms, err := pgschema.FromFS(migrationFiles, "migrations")
	if err != nil {
		return err
	}
	var n int
	err = s.pool.QueryRow(ctx, `SELECT count(*) FROM cailiang_schema_migrations WHERE component = $1`, component).Scan(&n)
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42P01" { // undefined_table
		return fmt.Errorf("%w: schema %q has no tables yet", ErrNotMigrated, s.schema)
	}
	if err != nil {
		return fmt.Errorf("pgstore: read migrations of schema %q: %w", s.schema, err)
	}
	if n < len(ms) {
		return fmt.Errorf("%w: schema %q has %d of %d migrations", ErrNotMigrated, s.schema, n, len(ms))
	}
	return nil
}

// Update runs fn in one READ COMMITTED transaction and commits what it
// wrote together with the NOTIFY of every case it changed. fn's error rolls
// back and is returned as is; a unique violation is ErrExists, a
// serialisation failure or deadlock ErrConflict, a cancelled ctx its error;
// ErrReadOnly on a store opened read-only.
func (s *Store) Update(ctx context.Context, fn func(casework.Tx) error) error {
	if s.readOnly {
		return ErrReadOnly
	}
	err := pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{IsoLevel: pgx.ReadCommitted}, func(ptx pgx.Tx) error {
		t := &tx{ctx: ctx, tx: ptx, s: s, writable: true}
		if err := fn(t); err != nil {
			return err
		}
		return t.notify()
	})
	return mapErr(err)
}

// View runs fn in a read-only REPEATABLE READ transaction: one consistent
// snapshot however many queries fn makes.
func (s *Store) View(ctx context.Context, fn func(casework.ReadTx) error) error {
	err := pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, func(ptx pgx.Tx) error {
		return fn(&tx{ctx: ctx, tx: ptx, s: s})
	})
	return mapErr(err)
}

// mapErr adds casework's sentinel to PostgreSQL errors that have one, and
// keeps every other error as it is.
func mapErr(err error) error {
	var pe *pgconn.PgError
	if err == nil || !errors.As(err, &pe) {
		return err
	}
	switch pe.Code {
	case "23505": // unique_violation
		return fmt.Errorf("%w: %w", casework.ErrExists, err)
	case "40001", "40P01": // serialization_failure, deadlock_detected
		return fmt.Errorf("%w: %w", casework.ErrConflict, err)
	case "22021", "22P05", "23514": // bad UTF-8 or NUL in text, check violation
		return fmt.Errorf("%w: %w", casework.ErrInvalid, err)
	}
	return err
}
