package eval

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/cailiang/cailiang/corpus/shareddata"
)

// pgTestDSN returns the test database's DSN, or "" locally without one;
// under CI its absence fails the test (PostgreSQL tests never skip in CI).
func pgTestDSN(t *testing.T) string {
	t.Helper()
	dsn := os.Getenv("CAILIANG_TEST_PG_DSN")
	if ci := os.Getenv("CI"); dsn == "" && ci != "" && ci != "false" && ci != "0" {
		t.Fatal("CAILIANG_TEST_PG_DSN is not set, and CI=" + ci + ": run inside `bash .ci/postgres.sh run go test ./eval/`")
	}
	return dsn
}

// pgTestSchema names a fresh schema dropped when the test ends.
func pgTestSchema(t *testing.T, dsn string) string {
	t.Helper()
	var r [4]byte
	_, _ = rand.Read(r[:])
	schema := "t_eval_vi_" + hex.EncodeToString(r[:])
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, `DROP SCHEMA IF EXISTS `+pgx.Identifier{schema}.Sanitize()+` CASCADE`); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	return schema
}

// TestVectorIndexSmall runs the suite on 600 random vectors (plus pgvec
// when the test database is there) in a few seconds.
func TestVectorIndexSmall(t *testing.T) {
	dsn := pgTestDSN(t)
	var logs bytes.Buffer
	env := Env{Logger: slog.New(slog.NewTextHandler(&logs, nil))}
	o := VectorIndexOptions{N: 600, Queries: 20, Sources: []string{VectorSourceRandom}, PGDSN: dsn}
	if dsn != "" {
		o.PGSchema = pgTestSchema(t, dsn)
	}
	rs, err := RunVectorIndex(context.Background(), env, o)
	if err != nil {
		t.Fatal(err)
	}
	var md bytes.Buffer
	_ = Markdown(&md, rs)
	t.Logf("\n%s", md.String())
	got := resultMap(rs)
	if strings.Contains(logs.String(), "did not load its saved graph") {
		t.Errorf("memvec rebuilt its graph after a restart:\n%s", logs.String())
	}
	stores := []string{"memvec-hnsw"}
	if dsn != "" {
		stores = append(stores, "pgvec", "pgvec-hnsw")
	} else {
		if !strings.Contains(logs.String(), "pgvec is NOT measured") {
			t.Errorf("no DSN, but the log does not say pgvec was not measured:\n%s", logs.String())
		}
		for k := range got {
			if strings.Contains(k, "pgvec") {
				t.Errorf("no DSN, yet a pgvec row %s", k)
			}
		}
	}
	for _, st := range stores {
		for _, m := range []string{"recall@10", "p50-ms", "filter10/recall@10", "filter10/p50-ms", "load-s"} {
			key := SuiteVectorIndex + "/random-600/" + st + "/" + m
			r, ok := got[key]
			if !ok {
				t.Errorf("%s missing", key)
				continue
			}
			if strings.HasSuffix(m, "recall@10") {
				if r.Value < 0 || r.Value > 1 || r.N != 20 {
					t.Errorf("%s = %v over %d queries", key, r.Value, r.N)
				}
			}
		}
	}
	// Floors: 600 vectors are few enough for HNSW to find nearly all; pgvec
	// as shipped searches a collection this small exactly.
	floors := map[string]float64{"memvec-hnsw/recall@10": 0.9}
	if dsn != "" {
		floors["pgvec/recall@10"] = 1
		floors["pgvec/filter10/recall@10"] = 1
		floors["pgvec-hnsw/recall@10"] = 0.8
	}
	for m, f := range floors {
		if r := got[SuiteVectorIndex+"/random-600/"+m]; r.Value < f {
			t.Errorf("%s = %.4f; below %.2f", m, r.Value, f)
		}
	}
}

// TestVectorIndexLSA runs the lsa source on 2,000 articles of the shared
// national.jsonl (skipped locally without it, failing under CI).
func TestVectorIndexLSA(t *testing.T) {
	dir := shareddata.Dir(t)
	shareddata.File(t, "statutes_lawrefbook/national.jsonl")
	if testing.Short() {
		t.Skip("LSA training skipped in -short mode")
	}
	rs, err := RunVectorIndex(context.Background(), Env{DataDir: dir}, VectorIndexOptions{N: 2000, Queries: 20, Sources: []string{VectorSourceLSA}})
	if err != nil {
		t.Fatal(err)
	}
	var md bytes.Buffer
	_ = Markdown(&md, rs)
	t.Logf("\n%s", md.String())
	r, ok := resultMap(rs)[SuiteVectorIndex+"/lsa-2000/memvec-hnsw/recall@10"]
	if !ok || r.Value < 0.9 {
		t.Errorf("lsa memvec recall@10 = %+v (present %v); want ≥ 0.9", r, ok)
	}
}

func TestVectorIndexCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := RunVectorIndex(ctx, Env{}, VectorIndexOptions{N: 100, Queries: 5}); err != context.Canceled {
		t.Errorf("err = %v; want context.Canceled", err)
	}
}

// TestVectorIndexMeasure runs the full suite at the size in
// CAILIANG_VECTOR_INDEX_N (skipped when unset), for the measurements in
// docs/postgres.md:
//
//	CAILIANG_VECTOR_INDEX_N=10000 bash .ci/postgres.sh run go test ./eval -run TestVectorIndexMeasure -v -timeout 60m
func TestVectorIndexMeasure(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("CAILIANG_VECTOR_INDEX_N"))
	if n <= 0 {
		t.Skip("set CAILIANG_VECTOR_INDEX_N to measure")
	}
	dsn := pgTestDSN(t)
	o := VectorIndexOptions{N: n, PGDSN: dsn}
	if s := os.Getenv("CAILIANG_VECTOR_INDEX_SOURCES"); s != "" {
		o.Sources = strings.Split(s, ",")
	}
	if dsn != "" {
		o.PGSchema = pgTestSchema(t, dsn)
	}
	log := slog.New(slog.NewTextHandler(testWriter{t}, nil))
	rs, err := RunVectorIndex(context.Background(), Env{DataDir: shareddata.Path(), Logger: log}, o)
	var md bytes.Buffer
	_ = Markdown(&md, rs)
	t.Logf("\n%s", md.String())
	if err != nil {
		t.Fatal(err)
	}
}
