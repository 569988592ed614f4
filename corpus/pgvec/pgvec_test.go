package pgvec

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"math"
	mrand "math/rand"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/synthvec"
	"github.com/cailiang/cailiang/corpus/vectortest"
	"github.com/cailiang/cailiang/pgschema/pgtest"
)

// testDSN returns the DSN of the test database (pgtest.DSN).
func testDSN(tb testing.TB) string { tb.Helper(); return pgtest.DSN(tb) }

// freshSchema names a schema of one test's own (pgtest.FreshSchema).
func freshSchema(tb testing.TB, dsn string) string {
	tb.Helper()
	return pgtest.FreshSchema(tb, dsn, "t_")
}

func quietLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

func openStore(tb testing.TB, cfg Config) *Store {
	tb.Helper()
	if cfg.Logger == nil {
		cfg.Logger = quietLogger()
	}
	s, err := Open(context.Background(), cfg)
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	return s
}

func TestConformance(t *testing.T) {
	dsn := testDSN(t)
	vectortest.Run(t, func(t *testing.T) (corpus.VectorStore, func() corpus.VectorStore) {
		cfg := Config{DSN: dsn, Schema: freshSchema(t, dsn)}
		s := openStore(t, cfg)
		return s, func() corpus.VectorStore { return openStore(t, cfg) }
	})
}

// TestConformanceIndexed runs the suite with ExactThreshold < 0: every
// collection has its HNSW index from the start and the planner chooses.
func TestConformanceIndexed(t *testing.T) {
	dsn := testDSN(t)
	vectortest.Run(t, func(t *testing.T) (corpus.VectorStore, func() corpus.VectorStore) {
		cfg := Config{DSN: dsn, Schema: freshSchema(t, dsn), ExactThreshold: -1}
		s := openStore(t, cfg)
		return s, func() corpus.VectorStore { return openStore(t, cfg) }
	})
}

func TestOpenConfigErrors(t *testing.T) {
	ctx := context.Background()
	for _, cfg := range []Config{
		{},
		{DSN: "postgres://127.0.0.1:1/x", EfSearch: 5000},
		{DSN: "postgres://127.0.0.1:1/x", M: 1},
		{DSN: "postgres://127.0.0.1:1/x", M: 16, EfConstruction: 10},
		{DSN: "::not a dsn::"},
	} {
		if _, err := Open(ctx, cfg); !errors.Is(err, ErrConfig) {
			t.Errorf("Open(%+v) = %v; want ErrConfig", cfg, err)
		}
	}
}

func migrationRows(t *testing.T, s *Store) (n int, last time.Time) {
	t.Helper()
	err := s.pool.QueryRow(context.Background(),
		`SELECT count(*), coalesce(max(applied_at), 'epoch') FROM `+s.ident("cailiang_schema_migrations")+` WHERE component = $1`,
		component).Scan(&n, &last)
	if err != nil {
		t.Fatal(err)
	}
	return n, last
}

func TestMigrationsApplyOnce(t *testing.T) {
	dsn := testDSN(t)
	cfg := Config{DSN: dsn, Schema: freshSchema(t, dsn)}
	s1 := openStore(t, cfg)
	n1, at1 := migrationRows(t, s1)
	if n1 != len(migrations) {
		t.Fatalf("after first Open: %d migrations recorded; want %d", n1, len(migrations))
	}
	if err := s1.EnsureCollection(context.Background(), "c", corpus.CollectionSpec{Embedder: "e", Dim: 2}); err != nil {
		t.Fatal(err)
	}
	s1.Close()

	s2 := openStore(t, cfg)
	defer s2.Close()
	n2, at2 := migrationRows(t, s2)
	if n2 != n1 || !at2.Equal(at1) {
		t.Errorf("second Open re-applied migrations: %d rows at %v; before %d at %v", n2, at2, n1, at1)
	}
	if n, err := s2.Count(context.Background(), "c"); err != nil || n != 0 {
		t.Errorf("collection after reopen: %d, %v", n, err)
	}

	// Concurrent Opens of a new schema apply each migration exactly once.
	cfg.Schema = freshSchema(t, dsn)
	var wg sync.WaitGroup
	stores := make([]*Store, 4)
	errs := make([]error, 4)
	for i := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := cfg
			c.Logger = quietLogger()
			stores[i], errs[i] = Open(context.Background(), c)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("concurrent Open %d: %v", i, err)
		}
		defer stores[i].Close()
	}
	if n, _ := migrationRows(t, stores[0]); n != len(migrations) {
		t.Errorf("concurrent Opens recorded %d migrations; want %d", n, len(migrations))
	}
}

func TestHostileNamesAndMetadata(t *testing.T) {
	dsn := testDSN(t)
	ctx := context.Background()
	var r [3]byte
	_, _ = rand.Read(r[:])
	s := openStore(t, Config{DSN: dsn, Schema: `we"ird'; DROP SCHEMA public; --` + hex.EncodeToString(r[:])})
	// The schema name itself is hostile too; register its own cleanup.
	t.Cleanup(func() {
		_, _ = s.pool.Exec(context.Background(), `DROP SCHEMA IF EXISTS `+pgx.Identifier{s.schema}.Sanitize()+` CASCADE`)
		s.Close()
	})
	names := []string{
		`x"; DROP TABLE cailiang_vec_collections; --`,
		`'; DROP TABLE cailiang_schema_migrations; --`,
		`Robert'); DROP TABLE students;--`,
		`a-b`, `a_b`, `A B`, // same sanitised form: must stay apart
		`中文集合 🚀`,
		strings.Repeat("长", 200),
		`$1 %s \ "" ''`,
	}
	hostile := []string{`'; DROP TABLE x; --`, `" OR 1=1 --`, `{"k":"v"}`, `\'\\`, `法律 ✓ ‮`, `$1`, `x`}
	spec := corpus.CollectionSpec{Embedder: `emb'"; --`, Dim: 3}
	for i, name := range names {
		if err := s.EnsureCollection(ctx, name, spec); err != nil {
			t.Fatalf("EnsureCollection(%q): %v", name, err)
		}
		var recs []corpus.VectorRecord
		for j, h := range hostile {
			recs = append(recs, corpus.VectorRecord{
				ID:     fmt.Sprintf("%s#%d", h, j),
				Vector: []float32{1, float32(j), float32(i)},
				Meta:   map[string]string{h: h, "name": name},
			})
		}
		if err := s.Upsert(ctx, name, recs); err != nil {
			t.Fatalf("Upsert(%q): %v", name, err)
		}
	}
	for i, name := range names {
		if n, err := s.Count(ctx, name); err != nil || n != len(hostile) {
			t.Errorf("Count(%q) = %d, %v; want %d", name, n, err, len(hostile))
		}
		for j, h := range hostile {
			hits, err := s.Search(ctx, name, []float32{1, float32(j), float32(i)}, 3, corpus.VectorFilter{h: h, "name": name})
			if err != nil {
				t.Fatalf("Search(%q, filter %q): %v", name, h, err)
			}
			want := fmt.Sprintf("%s#%d", h, j)
			if len(hits) != 1 || hits[0].ID != want || hits[0].Meta[h] != h || hits[0].Meta["name"] != name {
				t.Errorf("Search(%q, filter %q) = %+v; want only %q with its metadata", name, h, hits, want)
			}
		}
		if err := s.Delete(ctx, name, []string{fmt.Sprintf("%s#%d", hostile[0], 0)}); err != nil {
			t.Fatal(err)
		}
		ids, err := s.IDs(ctx, name)
		if err != nil || len(ids) != len(hostile)-1 {
			t.Errorf("IDs(%q) = %q, %v", name, ids, err)
		}
	}
	// Nothing was dropped: the catalogue, the migrations and public survive.
	var tables int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM `+s.catalogue()).Scan(&tables); err != nil || tables != len(names) {
		t.Fatalf("catalogue has %d collections (%v); want %d", tables, err, len(names))
	}
	if n, _ := migrationRows(t, s); n != len(migrations) {
		t.Errorf("migrations table damaged: %d rows", n)
	}
	var publicExists bool
	if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'public')`).Scan(&publicExists); err != nil || !publicExists {
		t.Errorf("schema public gone (%v)", err)
	}
	for _, name := range names {
		if err := s.DropCollection(ctx, name); err != nil {
			t.Errorf("DropCollection(%q): %v", name, err)
		}
		if _, err := s.Count(ctx, name); !errors.Is(err, corpus.ErrNoCollection) {
			t.Errorf("Count(%q) after drop = %v; want ErrNoCollection", name, err)
		}
	}
}

func TestTableNames(t *testing.T) {
	seen := map[string]bool{}
	for _, name := range []string{"", "a-b", "a_b", "中文", strings.Repeat("x", 500), `"; DROP`} {
		for range 3 {
			got := tableName(name)
			if !regexp.MustCompile(`^vec_[a-z0-9_]{1,32}_[0-9a-f]{8}$`).MatchString(got) || len(got) > 45 {
				t.Errorf("tableName(%q) = %q", name, got)
			}
			if seen[got] {
				t.Errorf("tableName(%q) repeated %q", name, got)
			}
			seen[got] = true
		}
	}
}

// Another process drops and recreates a collection with another dimension:
// this store's cached catalogue row must not send vectors to the old table.
func TestRecreatedElsewhere(t *testing.T) {
	dsn := testDSN(t)
	ctx := context.Background()
	cfg := Config{DSN: dsn, Schema: freshSchema(t, dsn)}
	a, b := openStore(t, cfg), openStore(t, cfg)
	defer a.Close()
	defer b.Close()
	if err := a.EnsureCollection(ctx, "c", corpus.CollectionSpec{Embedder: "e", Dim: 2}); err != nil {
		t.Fatal(err)
	}
	if err := a.Upsert(ctx, "c", []corpus.VectorRecord{{ID: "a", Vector: []float32{1, 0}}}); err != nil {
		t.Fatal(err)
	}
	if err := b.DropCollection(ctx, "c"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Count(ctx, "c"); !errors.Is(err, corpus.ErrNoCollection) {
		t.Errorf("Count after drop elsewhere = %v; want ErrNoCollection", err)
	}
	if err := b.EnsureCollection(ctx, "c", corpus.CollectionSpec{Embedder: "e", Dim: 3}); err != nil {
		t.Fatal(err)
	}
	if err := a.Upsert(ctx, "c", []corpus.VectorRecord{{ID: "b", Vector: []float32{1, 0, 0}}}); err != nil {
		t.Errorf("Upsert after recreate elsewhere: %v", err)
	}
	if n, err := b.Count(ctx, "c"); err != nil || n != 1 {
		t.Errorf("Count = %d, %v; want 1", n, err)
	}
}

// Dimensions above HNSW's 2000 for vector use a halfvec index; above 4000
// there is no ANN index and searches are exact.
func TestLargeDimensions(t *testing.T) {
	dsn := testDSN(t)
	ctx := context.Background()
	s := openStore(t, Config{DSN: dsn, Schema: freshSchema(t, dsn)})
	defer s.Close()
	rng := mrand.New(mrand.NewSource(1))
	for _, dim := range []int{1536, 3072, 5000} {
		name := fmt.Sprint("d", dim)
		if err := s.EnsureCollection(ctx, name, corpus.CollectionSpec{Embedder: "e", Dim: dim}); err != nil {
			t.Fatalf("dim %d: %v", dim, err)
		}
		var recs []corpus.VectorRecord
		for i := range 30 {
			recs = append(recs, corpus.VectorRecord{ID: fmt.Sprint(i), Vector: synthvec.RandomUnit(rng, dim)})
		}
		if err := s.Upsert(ctx, name, recs); err != nil {
			t.Fatalf("dim %d: %v", dim, err)
		}
		hits, err := s.Search(ctx, name, recs[7].Vector, 2, nil)
		if err != nil || len(hits) != 2 || hits[0].ID != "7" || hits[0].Score < 0.999 {
			t.Errorf("dim %d: Search = %+v, %v; want 7 first with score ≈ 1", dim, hits, err)
		}
	}
	if err := s.EnsureCollection(ctx, "huge", corpus.CollectionSpec{Embedder: "e", Dim: 16001}); !errors.Is(err, corpus.ErrDimension) {
		t.Errorf("dim 16001: %v; want ErrDimension", err)
	}
}

// The search SQL must be answerable from the HNSW index: with sequential
// scans disabled, the plan uses it (vector and halfvec collections).
func TestSearchUsesHNSWIndex(t *testing.T) {
	dsn := testDSN(t)
	ctx := context.Background()
	// ExactThreshold < 0: the index is created with the table.
	s := openStore(t, Config{DSN: dsn, Schema: freshSchema(t, dsn), ExactThreshold: -1})
	defer s.Close()
	for _, dim := range []int{8, 3000} {
		name := fmt.Sprint("d", dim)
		if err := s.EnsureCollection(ctx, name, corpus.CollectionSpec{Embedder: "e", Dim: dim}); err != nil {
			t.Fatal(err)
		}
		c, err := s.lookup(ctx, name, false)
		if err != nil {
			t.Fatal(err)
		}
		q := make([]float32, dim)
		q[0] = 1
		sql, args := s.searchQuery(c, q, 5, nil)
		err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, `SET LOCAL enable_seqscan = off`); err != nil {
				return err
			}
			rows, err := tx.Query(ctx, `EXPLAIN `+sql, args...)
			if err != nil {
				return err
			}
			lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
			if err != nil {
				return err
			}
			plan := strings.Join(lines, "\n")
			if !strings.Contains(plan, c.table+"_hnsw") {
				t.Errorf("dim %d: plan does not use the HNSW index:\n%s", dim, plan)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// Filtered searches keep returning k results in order when the filter
// rejects most of the HNSW candidates (iterative scan).
func TestFilteredSearchReturnsK(t *testing.T) {
	dsn := testDSN(t)
	ctx := context.Background()
	// A table this small would be scanned exactly: force the HNSW index so
	// that the iterative scan is what is tested.
	forced := withParams(dsn, "enable_seqscan", "off", "enable_bitmapscan", "off")
	s := openStore(t, Config{DSN: forced, Schema: freshSchema(t, dsn), EfSearch: 40, ExactThreshold: -1})
	defer s.Close()
	const n, dim, k = 4000, 16, 10
	if err := s.EnsureCollection(ctx, "f", corpus.CollectionSpec{Embedder: "e", Dim: dim}); err != nil {
		t.Fatal(err)
	}
	rng := mrand.New(mrand.NewSource(7))
	var recs []corpus.VectorRecord
	data := make([][]float32, n)
	for i := range n {
		data[i] = synthvec.RandomUnit(rng, dim)
		recs = append(recs, corpus.VectorRecord{ID: fmt.Sprint(i), Vector: data[i], Meta: map[string]string{"bucket": fmt.Sprint(i % 50)}})
	}
	if err := s.Upsert(ctx, "f", recs); err != nil {
		t.Fatal(err)
	}
	c, err := s.lookup(ctx, "f", false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.pool.Exec(ctx, `ANALYZE `+s.ident(c.table)); err != nil {
		t.Fatal(err)
	}
	// bucket 3 holds 2% of the rows: ef_search 100 (EfPerK·k) alone would
	// find ~2.
	q := synthvec.RandomUnit(rng, dim)
	hits, err := s.Search(ctx, "f", q, k, corpus.VectorFilter{"bucket": "3"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != k {
		t.Fatalf("filtered search returned %d hits; want %d", len(hits), k)
	}
	if !sort.SliceIsSorted(hits, func(a, b int) bool { return hits[a].Score > hits[b].Score }) {
		t.Errorf("hits not in score order: %+v", hits)
	}
	exact := vectortest.ExactTopK(data, q, k, func(i int) bool { return i%50 == 3 })
	found := 0
	got := map[string]bool{}
	for _, h := range hits {
		got[h.ID] = true
	}
	for _, i := range exact {
		if got[fmt.Sprint(i)] {
			found++
		}
	}
	if found < 8 {
		t.Errorf("filtered recall %d/%d", found, k)
	}
}

// Input that memvec rejects with corpus.ErrInvalid is rejected the same way,
// before anything is written.
func TestInvalidInput(t *testing.T) {
	dsn := testDSN(t)
	ctx := context.Background()
	s := openStore(t, Config{DSN: dsn, Schema: freshSchema(t, dsn)})
	defer s.Close()
	spec := corpus.CollectionSpec{Embedder: "e", Dim: 2}
	for _, name := range []string{"", "a\x00b", "\xff\xfe", strings.Repeat("x", corpus.MaxVectorTextBytes+1)} {
		if err := s.EnsureCollection(ctx, name, spec); !errors.Is(err, corpus.ErrInvalid) {
			t.Errorf("EnsureCollection(%q) = %v; want ErrInvalid", name, err)
		}
	}
	if err := s.EnsureCollection(ctx, "c", corpus.CollectionSpec{Dim: 2}); !errors.Is(err, corpus.ErrInvalid) {
		t.Errorf("empty embedder: %v; want ErrInvalid", err)
	}
	if err := s.EnsureCollection(ctx, "c", spec); err != nil {
		t.Fatal(err)
	}
	good := corpus.VectorRecord{ID: "ok", Vector: []float32{1, 0}}
	nan := float32(math.NaN())
	for _, bad := range []corpus.VectorRecord{
		{ID: "", Vector: []float32{1, 0}},
		{ID: "a\x00", Vector: []float32{1, 0}},
		{ID: "x", Vector: []float32{nan, 0}},
		{ID: "x", Vector: []float32{float32(math.Inf(1)), 0}},
		{ID: "x", Vector: []float32{1, 0}, Meta: map[string]string{"": "v"}},
		{ID: "x", Vector: []float32{1, 0}, Meta: map[string]string{"k": "\x00"}},
	} {
		if err := s.Upsert(ctx, "c", []corpus.VectorRecord{good, bad}); !errors.Is(err, corpus.ErrInvalid) {
			t.Errorf("Upsert(%+v) = %v; want ErrInvalid", bad, err)
		}
	}
	if n, _ := s.Count(ctx, "c"); n != 0 {
		t.Errorf("rejected batches wrote %d records", n)
	}
	if _, err := s.Search(ctx, "c", []float32{nan, 1}, 3, nil); !errors.Is(err, corpus.ErrInvalid) {
		t.Errorf("NaN query: %v; want ErrInvalid", err)
	}
	// A zero vector has no direction: it scores 0, as in memvec.
	if err := s.Upsert(ctx, "c", []corpus.VectorRecord{good, {ID: "zero", Vector: []float32{0, 0}}}); err != nil {
		t.Fatal(err)
	}
	hits, err := s.Search(ctx, "c", []float32{1, 0}, 3, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hits {
		if math.IsNaN(h.Score) || (h.ID == "zero" && h.Score != 0) {
			t.Errorf("hit %+v", h)
		}
	}
}

// withParams adds session settings (sent in the startup packet) to a DSN in
// URL or keyword/value form.
func withParams(dsn string, kv ...string) string {
	if !strings.Contains(dsn, "://") {
		for i := 0; i < len(kv); i += 2 {
			dsn += " " + kv[i] + "=" + kv[i+1]
		}
		return dsn
	}
	for i := 0; i < len(kv); i += 2 {
		sep := "?"
		if strings.Contains(dsn, "?") {
			sep = "&"
		}
		dsn += sep + kv[i] + "=" + kv[i+1]
	}
	return dsn
}

func indexExists(tb testing.TB, s *Store, name string) bool {
	tb.Helper()
	ctx := context.Background()
	c, err := s.lookup(ctx, name, false)
	if err != nil {
		tb.Fatal(err)
	}
	var ok bool
	if err := s.pool.QueryRow(ctx, `SELECT to_regclass($1) IS NOT NULL`, s.indexName(c)).Scan(&ok); err != nil {
		tb.Fatal(err)
	}
	return ok
}

// searchCounts returns the exact and index searches counted so far.
func searchCounts(s *Store) (exact, index uint64) {
	return s.exactSearches.Load(), s.indexSearches.Load()
}

// checkExact searches and compares the IDs with exact search.
func checkExact(t *testing.T, s *Store, name string, data [][]float32, q []float32, k int, f corpus.VectorFilter, keep func(int) bool) {
	t.Helper()
	hits, err := s.Search(context.Background(), name, q, k, f)
	if err != nil {
		t.Fatal(err)
	}
	want := vectortest.ExactTopK(data, q, k, keep)
	if len(hits) != len(want) {
		t.Fatalf("%d hits; want %d", len(hits), len(want))
	}
	for i, h := range hits {
		if h.ID != fmt.Sprint(want[i]) {
			t.Errorf("hit %d = %s; want %d (exact order)", i, h.ID, want[i])
		}
	}
}

// A collection up to ExactThreshold rows has no HNSW index and is searched
// exactly; the Upsert that takes it past the threshold builds the index,
// after which unfiltered searches use it and a selective filter is still
// answered exactly.
func TestExactThresholdAndLazyIndex(t *testing.T) {
	dsn := testDSN(t)
	ctx := context.Background()
	schema := freshSchema(t, dsn)
	s := openStore(t, Config{DSN: dsn, Schema: schema, ExactThreshold: 100})
	defer s.Close()
	const dim, k = 16, 5
	if err := s.EnsureCollection(ctx, "x", corpus.CollectionSpec{Embedder: "e", Dim: dim}); err != nil {
		t.Fatal(err)
	}
	rng := mrand.New(mrand.NewSource(3))
	var data [][]float32
	add := func(n int) {
		var recs []corpus.VectorRecord
		for range n {
			i := len(data)
			data = append(data, synthvec.RandomUnit(rng, dim))
			recs = append(recs, corpus.VectorRecord{ID: fmt.Sprint(i), Vector: data[i], Meta: map[string]string{"bucket": fmt.Sprint(i % 10)}})
		}
		if err := s.Upsert(ctx, "x", recs); err != nil {
			t.Fatal(err)
		}
	}
	add(80)
	if indexExists(t, s, "x") {
		t.Fatal("80 rows ≤ threshold 100: no HNSW index expected yet")
	}
	e0, i0 := searchCounts(s)
	checkExact(t, s, "x", data, synthvec.RandomUnit(rng, dim), k, nil, nil)
	if e, i := searchCounts(s); e != e0+1 || i != i0 {
		t.Errorf("small collection: exact %d→%d, index %d→%d; want one exact search", e0, e, i0, i)
	}
	add(40)
	if !indexExists(t, s, "x") {
		t.Fatal("120 rows > threshold 100: the Upsert should have built the HNSW index")
	}
	e0, i0 = searchCounts(s)
	if _, err := s.Search(ctx, "x", synthvec.RandomUnit(rng, dim), k, nil); err != nil {
		t.Fatal(err)
	}
	if e, i := searchCounts(s); e != e0 || i != i0+1 {
		t.Errorf("large collection: exact %d→%d, index %d→%d; want one index search", e0, e, i0, i)
	}
	// bucket 3: 12 rows ≤ 100, counted in the search's round trip.
	e0, i0 = searchCounts(s)
	checkExact(t, s, "x", data, synthvec.RandomUnit(rng, dim), k, corpus.VectorFilter{"bucket": "3"}, func(i int) bool { return i%10 == 3 })
	if e, i := searchCounts(s); e != e0+1 || i != i0 {
		t.Errorf("selective filter: exact %d→%d, index %d→%d; want one exact search", e0, e, i0, i)
	}
	// FilterExactThreshold < 0: no count, the planner chooses.
	s2 := openStore(t, Config{DSN: dsn, Schema: schema, ExactThreshold: 100, FilterExactThreshold: -1})
	defer s2.Close()
	if _, err := s2.Search(ctx, "x", synthvec.RandomUnit(rng, dim), k, corpus.VectorFilter{"bucket": "3"}); err != nil {
		t.Fatal(err)
	}
	if e, i := searchCounts(s2); e != 0 || i != 1 {
		t.Errorf("FilterExactThreshold -1: exact %d, index %d; want the planner's choice", e, i)
	}
}

// With DeferIndex, loads never build the index; BuildIndex does, once the
// collection is over the threshold.
func TestDeferIndexThenBuild(t *testing.T) {
	dsn := testDSN(t)
	ctx := context.Background()
	s := openStore(t, Config{DSN: dsn, Schema: freshSchema(t, dsn), ExactThreshold: 50, DeferIndex: true})
	defer s.Close()
	const dim = 8
	if err := s.EnsureCollection(ctx, "d", corpus.CollectionSpec{Embedder: "e", Dim: dim}); err != nil {
		t.Fatal(err)
	}
	rng := mrand.New(mrand.NewSource(5))
	var data [][]float32
	var recs []corpus.VectorRecord
	for i := range 200 {
		data = append(data, synthvec.RandomUnit(rng, dim))
		recs = append(recs, corpus.VectorRecord{ID: fmt.Sprint(i), Vector: data[i]})
	}
	if err := s.Upsert(ctx, "d", recs); err != nil {
		t.Fatal(err)
	}
	if indexExists(t, s, "d") {
		t.Fatal("DeferIndex: Upsert built the index")
	}
	checkExact(t, s, "d", data, synthvec.RandomUnit(rng, dim), 5, nil, nil) // no index yet: exact
	// LoadDone (what corpus.Library.SyncVectors calls after a load) builds
	// it when the store defers; a store that does not defer does nothing.
	if err := s.LoadDone(ctx, "d"); err != nil {
		t.Fatal(err)
	}
	if !indexExists(t, s, "d") {
		t.Fatal("LoadDone did not build the index")
	}
	if err := s.BuildIndex(ctx, "d"); err != nil {
		t.Fatalf("BuildIndex again: %v", err)
	}
	e0, i0 := searchCounts(s)
	if _, err := s.Search(ctx, "d", synthvec.RandomUnit(rng, dim), 5, nil); err != nil {
		t.Fatal(err)
	}
	if e, i := searchCounts(s); e != e0 || i != i0+1 {
		t.Errorf("after BuildIndex: exact %d→%d, index %d→%d; want one index search", e0, e, i0, i)
	}
	if err := s.BuildIndex(ctx, "nope"); !errors.Is(err, corpus.ErrNoCollection) {
		t.Errorf("BuildIndex(unknown) = %v; want ErrNoCollection", err)
	}
}
