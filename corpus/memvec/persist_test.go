package memvec

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/cailiang/cailiang/corpus"
)

func randUnitVec(rng *rand.Rand, dim int) []float32 {
	v := make([]float32, dim)
	for i := range v {
		v[i] = float32(rng.NormFloat64())
	}
	return normalize(v)
}

// snapshot runs the queries unfiltered and filtered and returns the hits.
func snapshot(t *testing.T, s *Store, name string, qs [][]float32) [][]corpus.VectorHit {
	t.Helper()
	var out [][]corpus.VectorHit
	for _, q := range qs {
		for _, f := range []corpus.VectorFilter{nil, {"b": "3"}} {
			hits, err := s.Search(ctx, name, q, 10, f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, hits)
		}
	}
	return out
}

func mustStats(t *testing.T, s *Store, name string) Stats {
	t.Helper()
	st, err := s.Stats(name)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// The graph built before a restart is loaded on Open: no rebuild, and the
// same answers. A write invalidates the saved graph; Close saves it again
// unless it holds tombstones.
func TestGraphSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	cfg := Config{ExactThreshold: 100}
	const dim, n = 32, 3000
	rng := rand.New(rand.NewSource(9))
	s := mustOpen(t, dir, cfg)
	if err := s.EnsureCollection(ctx, "g", corpus.CollectionSpec{Embedder: "e", Dim: dim}); err != nil {
		t.Fatal(err)
	}
	// Insert in an order that is not the IDs' byte order, so slots are
	// renumbered on reopen.
	var recs []corpus.VectorRecord
	for i := range n {
		recs = append(recs, corpus.VectorRecord{ID: fmt.Sprint(n - i), Vector: randUnitVec(rng, dim), Meta: map[string]string{"b": fmt.Sprint(i % 10)}})
	}
	if err := s.Upsert(ctx, "g", recs); err != nil {
		t.Fatal(err)
	}
	if err := s.BuildIndex(ctx, "g"); err != nil {
		t.Fatal(err)
	}
	var qs [][]float32
	for range 20 {
		qs = append(qs, randUnitVec(rng, dim))
	}
	before := snapshot(t, s, "g", qs)
	if st := mustStats(t, s, "g"); st.Builds != 1 || st.GraphLoaded || st.GraphSearches == 0 {
		t.Fatalf("first store: %+v; want one build, graph searches", st)
	}
	s.Close()

	s = mustOpen(t, dir, cfg)
	if st := mustStats(t, s, "g"); !st.Indexed || !st.GraphLoaded || st.Builds != 0 {
		t.Fatalf("reopened: %+v; want the saved graph loaded, no build", st)
	}
	after := snapshot(t, s, "g", qs)
	if !reflect.DeepEqual(before, after) {
		t.Errorf("answers differ after a restart:\nbefore %v\nafter  %v", before, after)
	}
	if st := mustStats(t, s, "g"); st.Builds != 0 || st.Building || st.GraphSearches == 0 {
		t.Errorf("after searches: %+v; want graph searches and no build", st)
	}
	// A new record is linked into the graph; Close saves the graph again.
	extra := randUnitVec(rng, dim)
	if err := s.Upsert(ctx, "g", []corpus.VectorRecord{{ID: "new", Vector: extra}}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s = mustOpen(t, dir, cfg)
	if st := mustStats(t, s, "g"); !st.GraphLoaded || st.Builds != 0 || st.Count != n+1 {
		t.Fatalf("reopened after an insert: %+v; want the graph saved at Close loaded", st)
	}
	if hits, err := s.Search(ctx, "g", extra, 1, nil); err != nil || len(hits) != 1 || hits[0].ID != "new" {
		t.Errorf("search for the new record: %v, %v", hits, err)
	}
	// Replacing a record leaves a tombstone: the graph is not saved, the
	// next Open rebuilds it.
	if err := s.Upsert(ctx, "g", []corpus.VectorRecord{{ID: "1", Vector: randUnitVec(rng, dim)}}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s = mustOpen(t, dir, cfg)
	if st := mustStats(t, s, "g"); st.Indexed || st.GraphLoaded {
		t.Fatalf("reopened after a replacement: %+v; want no saved graph", st)
	}
	if err := s.BuildIndex(ctx, "g"); err != nil {
		t.Fatal(err)
	}
	if st := mustStats(t, s, "g"); st.Builds != 1 {
		t.Errorf("rebuild: %+v", st)
	}
	s.Close()

	// Other HNSW parameters: the saved graph is ignored and rebuilt.
	s = mustOpen(t, dir, Config{ExactThreshold: 100, M: 8})
	if st := mustStats(t, s, "g"); st.GraphLoaded {
		t.Errorf("graph saved with M=16 loaded with M=8: %+v", st)
	}
	s.Close()
}

// A damaged saved graph is ignored (and rebuilt), never trusted.
func TestDamagedGraphIgnored(t *testing.T) {
	dir := t.TempDir()
	cfg := Config{ExactThreshold: 10}
	rng := rand.New(rand.NewSource(2))
	s := mustOpen(t, dir, cfg)
	if err := s.EnsureCollection(ctx, "g", corpus.CollectionSpec{Embedder: "e", Dim: 8}); err != nil {
		t.Fatal(err)
	}
	var recs []corpus.VectorRecord
	for i := range 200 {
		recs = append(recs, corpus.VectorRecord{ID: fmt.Sprint(i), Vector: randUnitVec(rng, 8)})
	}
	if err := s.Upsert(ctx, "g", recs); err != nil {
		t.Fatal(err)
	}
	if err := s.BuildIndex(ctx, "g"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := bolt.Open(dir+"/"+FileName, 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketGraphs)
		v := append([]byte(nil), b.Get([]byte("g"))...)
		v[len(v)/2] ^= 0xff
		return b.Put([]byte("g"), v)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s = mustOpen(t, dir, cfg)
	defer s.Close()
	if st := mustStats(t, s, "g"); st.GraphLoaded || st.Indexed {
		t.Fatalf("damaged graph loaded: %+v", st)
	}
	hits, err := s.Search(ctx, "g", recs[5].Vector, 1, nil)
	if err != nil || len(hits) != 1 || hits[0].ID != "5" {
		t.Errorf("search = %v, %v", hits, err)
	}
}

// TestLoadedGraphReconnected checks that a saved graph holding a node no
// search reaches (as graphs saved before reconnect could) is repaired when
// it is loaded, and that the repaired graph is saved again on Close.
func TestLoadedGraphReconnected(t *testing.T) {
	dir := t.TempDir()
	cfg := Config{ExactThreshold: 100}
	const dim, n = 16, 600
	rng := rand.New(rand.NewSource(4))
	s := mustOpen(t, dir, cfg)
	if err := s.EnsureCollection(ctx, "g", corpus.CollectionSpec{Embedder: "e", Dim: dim}); err != nil {
		t.Fatal(err)
	}
	var recs []corpus.VectorRecord
	for i := range n {
		recs = append(recs, corpus.VectorRecord{ID: fmt.Sprint(i), Vector: randUnitVec(rng, dim)})
	}
	if err := s.Upsert(ctx, "g", recs); err != nil {
		t.Fatal(err)
	}
	if err := s.BuildIndex(ctx, "g"); err != nil {
		t.Fatal(err)
	}
	// Strand one node: drop every level-0 link to it, then save.
	s.wmu.Lock()
	c := s.cols["g"]
	g := c.graph
	x := int32(0)
	if g.entry == x {
		x = 1
	}
	for m := range int32(g.len()) {
		var keep []cand
		for _, nb := range g.links(m, 0) {
			if nb != x {
				keep = append(keep, cand{id: nb})
			}
		}
		g.setLinks(m, 0, keep)
	}
	stranded := unreachable(g, c.live)
	c.graphSaved = false
	s.saveGraph(c)
	s.wmu.Unlock()
	if len(stranded) == 0 {
		t.Fatal("no node stranded by the test's own surgery")
	}
	s.Close()

	for round := range 2 {
		s = mustOpen(t, dir, cfg)
		c := s.cols["g"]
		if st := mustStats(t, s, "g"); !st.GraphLoaded {
			t.Fatalf("round %d: %+v; want the saved graph loaded", round, st)
		}
		if left := unreachable(c.graph, c.live); len(left) > 0 {
			t.Fatalf("round %d: %d nodes unreachable after loading", round, len(left))
		}
		if round == 0 && c.graph.relinked == 0 {
			t.Error("nothing relinked on loading the damaged graph")
		}
		if round == 1 && c.graph.relinked != 0 {
			t.Errorf("the repaired graph was not saved: %d relinked again", c.graph.relinked)
		}
		s.Close()
	}
}

// Read-only opens share a store another reader holds, answer as the writer
// did, refuse every write with ErrReadOnly and leave the file as it was;
// a missing store is an error and creates nothing.
func TestReadOnlyOpen(t *testing.T) {
	dir := t.TempDir()
	const dim, n = 16, 500
	rng := rand.New(rand.NewSource(3))
	s := mustOpen(t, dir, Config{ExactThreshold: -1})
	if err := s.EnsureCollection(ctx, "r", corpus.CollectionSpec{Embedder: "e", Dim: dim}); err != nil {
		t.Fatal(err)
	}
	var recs []corpus.VectorRecord
	for i := range n {
		recs = append(recs, corpus.VectorRecord{ID: fmt.Sprint(i), Vector: randUnitVec(rng, dim), Meta: map[string]string{"b": fmt.Sprint(i % 10)}})
	}
	if err := s.Upsert(ctx, "r", recs); err != nil {
		t.Fatal(err)
	}
	var qs [][]float32
	for range 10 {
		qs = append(qs, randUnitVec(rng, dim))
	}
	want := snapshot(t, s, "r", qs)
	s.Close()
	file, err := os.ReadFile(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}

	// a searches exactly, as the writer did; b builds a graph in memory,
	// which must not be saved.
	ro := Config{ExactThreshold: -1, ReadOnly: true}
	a, b := mustOpen(t, dir, ro), mustOpen(t, dir, Config{ExactThreshold: 100, ReadOnly: true, BlockingBuild: true})
	if got := snapshot(t, a, "r", qs); !reflect.DeepEqual(got, want) {
		t.Error("read-only store answers differently")
	}
	snapshot(t, b, "r", qs)
	if st := mustStats(t, b, "r"); st.Builds != 1 {
		t.Errorf("read-only store with a threshold: %+v, want one graph build", st)
	}
	for _, r := range []*Store{a, b} {
		for _, err := range []error{
			r.Upsert(ctx, "r", recs[:1]),
			r.Delete(ctx, "r", []string{"1"}),
			r.EnsureCollection(ctx, "new", corpus.CollectionSpec{Embedder: "e", Dim: dim}),
			r.DropCollection(ctx, "r"),
		} {
			if !errors.Is(err, ErrReadOnly) {
				t.Errorf("write on a read-only store: %v, want ErrReadOnly", err)
			}
		}
	}
	a.Close()
	b.Close()
	after, _ := os.ReadFile(filepath.Join(dir, FileName))
	if !bytes.Equal(after, file) {
		t.Error("read-only use changed the file (a graph was saved?)")
	}
	missing := filepath.Join(t.TempDir(), "none")
	if _, err := Open(missing, ro); err == nil {
		t.Error("read-only open of a missing store succeeded")
	}
	if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("read-only open created %s", missing)
	}
}
