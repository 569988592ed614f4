package pgstore

import (
	"context"
	"log/slog"
	"testing"

	"github.com/cailiang/cailiang/pgschema/pgtest"
)

func testDSN(tb testing.TB) string { tb.Helper(); return pgtest.DSN(tb) }

func freshSchema(tb testing.TB, dsn string) string {
	tb.Helper()
	return pgtest.FreshSchema(tb, dsn, "cw_")
}

// openTest opens a store on a fresh schema, closed when the test ends.
func openTest(tb testing.TB) (*Store, Config) {
	tb.Helper()
	dsn := testDSN(tb)
	cfg := Config{DSN: dsn, Schema: freshSchema(tb, dsn), Logger: slog.New(slog.DiscardHandler)}
	s, err := Open(context.Background(), cfg)
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { _ = s.Close() })
	return s, cfg
}

// execSQL runs statements on the store's schema behind its back (tests that
// tamper with the record).
func execSQL(tb testing.TB, s *Store, sql string, args ...any) {
	tb.Helper()
	if _, err := s.pool.Exec(context.Background(), sql, args...); err != nil {
		tb.Fatalf("%s: %v", sql, err)
	}
}
