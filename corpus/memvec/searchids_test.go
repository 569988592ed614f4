package memvec

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/cailiang/cailiang/corpus"
)

// TestSearchIDs checks that SearchIDs answers as Search does, with the
// same IDs and scores in the same order and no metadata, exactly and
// through the graph, filtered or not.
func TestSearchIDs(t *testing.T) {
	const dim = 8
	rng := rand.New(rand.NewSource(11))
	s := mustOpen(t, t.TempDir(), Config{ExactThreshold: 200})
	defer s.Close()
	if err := s.EnsureCollection(ctx, "v", corpus.CollectionSpec{Embedder: "t", Dim: dim}); err != nil {
		t.Fatal(err)
	}
	var recs []corpus.VectorRecord
	for i := range 500 {
		recs = append(recs, corpus.VectorRecord{ID: fmt.Sprint(i), Vector: gaussian(rng, dim),
			Meta: map[string]string{"parity": fmt.Sprint(i % 2), "id": fmt.Sprint(i)}})
	}
	if err := s.Upsert(ctx, "v", recs); err != nil {
		t.Fatal(err)
	}
	for _, graph := range []bool{false, true} {
		if graph {
			if err := s.BuildIndex(ctx, "v"); err != nil {
				t.Fatal(err)
			}
		}
		for _, f := range []corpus.VectorFilter{nil, {"parity": "1"}} {
			q := gaussian(rng, dim)
			full, err := s.Search(ctx, "v", q, 20, f)
			if err != nil {
				t.Fatal(err)
			}
			ids, err := s.SearchIDs(ctx, "v", q, 20, f)
			if err != nil {
				t.Fatal(err)
			}
			if len(full) != 20 || len(ids) != len(full) {
				t.Fatalf("graph %v filter %v: %d hits by Search, %d by SearchIDs", graph, f, len(full), len(ids))
			}
			for i := range full {
				if ids[i].ID != full[i].ID || ids[i].Score != full[i].Score || ids[i].Meta != nil || full[i].Meta["id"] != full[i].ID {
					t.Errorf("graph %v filter %v hit %d: SearchIDs %+v, Search %+v", graph, f, i, ids[i], full[i])
				}
			}
		}
	}
}
