// Package pgtest gives tests of the PostgreSQL stores their database: the
// DSN from CAILIANG_TEST_PG_DSN (set by `bash .ci/postgres.sh run …`) and a
// schema of their own, dropped when the test ends.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// DSN returns the DSN of the test database. Without one the test is
// skipped locally but fails under CI: PostgreSQL tests never skip in CI.
func DSN(tb testing.TB) string {
	tb.Helper()
	if dsn := os.Getenv("CAILIANG_TEST_PG_DSN"); dsn != "" {
		return dsn
	}
	if ci := os.Getenv("CI"); ci != "" && ci != "false" && ci != "0" {
		tb.Fatal("CAILIANG_TEST_PG_DSN is not set, and CI=" + ci + ": PostgreSQL tests never skip in CI. " +
			"Run them inside `bash .ci/postgres.sh run go test ./...` (as `make test` does), which starts " +
			"PostgreSQL 15 + pgvector and sets the variable.")
	}
	tb.Skip("CAILIANG_TEST_PG_DSN not set; run `bash .ci/postgres.sh run go test ./<package>/` to test against PostgreSQL")
	return ""
}

var nonIdent = regexp.MustCompile(`[^a-z0-9]+`)

// FreshSchema names a new schema for one test (created by the store's
// Open) and drops it when the test ends, so tests never see each other's
// tables. prefix starts the name ("t_", "cw_").
func FreshSchema(tb testing.TB, dsn, prefix string) string {
	tb.Helper()
	var r [4]byte
	_, _ = rand.Read(r[:])
	base := nonIdent.ReplaceAllString(strings.ToLower(tb.Name()), "_")
	if len(base) > 40 {
		base = base[:40]
	}
	schema := prefix + base + "_" + hex.EncodeToString(r[:])
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			tb.Errorf("drop schema %s: %v", schema, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, `DROP SCHEMA IF EXISTS `+pgx.Identifier{schema}.Sanitize()+` CASCADE`); err != nil {
			tb.Errorf("drop schema %s: %v", schema, err)
		}
	})
	return schema
}
