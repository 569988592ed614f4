package oversight_test

import (
	"context"
	"log/slog"
	"testing"

	"github.com/cailiang/cailiang/casework"
	"github.com/cailiang/cailiang/casework/pgstore"
	"github.com/cailiang/cailiang/pgschema/pgtest"
)

// pgStore opens the PostgreSQL store on a fresh schema (skipped without a
// database outside CI, failed under CI=true: pgtest decides).
func pgStore(tb testing.TB) casework.Store {
	tb.Helper()
	dsn := pgtest.DSN(tb)
	s, err := pgstore.Open(context.Background(), pgstore.Config{DSN: dsn, Schema: pgtest.FreshSchema(tb, dsn, "ov_"),
		Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = s.Close() })
	return s
}

// TestWarningsFindPlantedPG: the same planted anomalies found, and the same
// report, on PostgreSQL as on the embedded store.
func TestWarningsFindPlantedPG(t *testing.T) {
	pg := seed(t, pgStore(t), 4000, 12)
	bolt := seed(t, boltStore(t), 4000, 12)
	ctx := context.Background()
	ws1, err := index(t, pg).Warnings(ctx, queryAll)
	if err != nil {
		t.Fatal(err)
	}
	ws2, err := index(t, bolt).Warnings(ctx, queryAll)
	if err != nil {
		t.Fatal(err)
	}
	if len(ws1) != len(ws2) || len(ws1) < len(pg.batch.Planted) {
		t.Fatalf("PostgreSQL %d warnings, embedded %d, planted %d", len(ws1), len(ws2), len(pg.batch.Planted))
	}
	for i := range ws1 {
		if ws1[i].Reason != ws2[i].Reason || len(ws1[i].Cases) != len(ws2[i].Cases) {
			t.Errorf("warning %d differs:\n pg   %s\n bolt %s", i, ws1[i].Reason, ws2[i].Reason)
		}
	}
	r1, err := index(t, pg).Stats(ctx, queryAll)
	if err != nil {
		t.Fatal(err)
	}
	r2, err := index(t, bolt).Stats(ctx, queryAll)
	if err != nil {
		t.Fatal(err)
	}
	if r1.Cases != r2.Cases || r1.Decisions != r2.Decisions || r1.FineTotal != r2.FineTotal {
		t.Errorf("PostgreSQL report %d/%d/%.0f, embedded %d/%d/%.0f", r1.Cases, r1.Decisions, r1.FineTotal, r2.Cases, r2.Decisions, r2.FineTotal)
	}
}

// BenchmarkStatsPG and BenchmarkWarningsPG: as the embedded benchmarks, on
// PostgreSQL (each question first asks the store for its last log entry).
func BenchmarkStatsPG(b *testing.B)              { benchStats(b, pgStore(b)) }
func BenchmarkWarningsPG(b *testing.B)           { benchWarnings(b, pgStore(b), false) }
func BenchmarkWarningsPGComputed(b *testing.B)   { benchWarnings(b, pgStore(b), true) }
func BenchmarkStatsBolt(b *testing.B)            { benchStats(b, boltStore(b)) }
func BenchmarkWarningsBolt(b *testing.B)         { benchWarnings(b, boltStore(b), false) }
func BenchmarkWarningsBoltComputed(b *testing.B) { benchWarnings(b, boltStore(b), true) }

// TestSharedDecisionsWarnRepeatPartyPG: the same on PostgreSQL.
func TestSharedDecisionsWarnRepeatPartyPG(t *testing.T) { sharedRepeatParty(t, pgStore(t)) }
