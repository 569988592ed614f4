// Package vectortest is the conformance suite every corpus.VectorStore must
// pass: the embedded store and the PostgreSQL store run the same tests.
package vectortest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand"
	"sort"
	"sync"
	"testing"

	"github.com/cailiang/cailiang/corpus"
)

// Opener opens a store for one test. Reopen, when not nil, closes nothing
// itself: the suite closes the first store and calls Reopen to check that
// vectors survive a restart.
type Opener func(t *testing.T) (store corpus.VectorStore, reopen func() corpus.VectorStore)

func vec(xs ...float32) []float32 { return xs }

func normalize(v []float32) []float32 {
	var n float64
	for _, x := range v {
		n += float64(x) * float64(x)
	}
	n = math.Sqrt(n)
	out := make([]float32, len(v))
	for i, x := range v {
		out[i] = float32(float64(x) / n)
	}
	return out
}

func ids(hits []corpus.VectorHit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.ID
	}
	return out
}

// Run runs the conformance suite.
func Run(t *testing.T, open Opener) {
	ctx := context.Background()
	spec := corpus.CollectionSpec{Embedder: "test-v1", Dim: 3}

	t.Run("collections", func(t *testing.T) {
		s, _ := open(t)
		defer s.Close()
		if err := s.EnsureCollection(ctx, "c", spec); err != nil {
			t.Fatal(err)
		}
		if err := s.EnsureCollection(ctx, "c", spec); err != nil {
			t.Fatalf("same spec again: %v", err)
		}
		for _, other := range []corpus.CollectionSpec{{Embedder: "other", Dim: 3}, {Embedder: "test-v1", Dim: 4}} {
			if err := s.EnsureCollection(ctx, "c", other); !errors.Is(err, corpus.ErrSpecMismatch) {
				t.Errorf("EnsureCollection(%+v) = %v; want ErrSpecMismatch", other, err)
			}
		}
		if _, err := s.Count(ctx, "nope"); !errors.Is(err, corpus.ErrNoCollection) {
			t.Errorf("Count(unknown) = %v; want ErrNoCollection", err)
		}
		if err := s.Upsert(ctx, "nope", []corpus.VectorRecord{{ID: "a", Vector: vec(1, 0, 0)}}); !errors.Is(err, corpus.ErrNoCollection) {
			t.Errorf("Upsert(unknown) = %v; want ErrNoCollection", err)
		}
		if err := s.DropCollection(ctx, "c"); err != nil {
			t.Fatal(err)
		}
		if err := s.DropCollection(ctx, "c"); err != nil {
			t.Fatalf("drop twice: %v", err)
		}
		if err := s.EnsureCollection(ctx, "c", corpus.CollectionSpec{Embedder: "other", Dim: 4}); err != nil {
			t.Fatalf("recreate with new spec after drop: %v", err)
		}
	})

	t.Run("upsert search filter delete", func(t *testing.T) {
		s, _ := open(t)
		defer s.Close()
		if err := s.EnsureCollection(ctx, "docs", spec); err != nil {
			t.Fatal(err)
		}
		recs := []corpus.VectorRecord{
			{ID: "x", Vector: normalize(vec(1, 0, 0)), Meta: map[string]string{"kind": "norm", "law": "甲法"}},
			{ID: "xy", Vector: normalize(vec(1, 1, 0)), Meta: map[string]string{"kind": "norm", "law": "乙法"}},
			{ID: "y", Vector: normalize(vec(0, 1, 0)), Meta: map[string]string{"kind": "case"}},
			{ID: "z", Vector: normalize(vec(0, 0, 1)), Meta: map[string]string{"kind": "case"}},
		}
		if err := s.Upsert(ctx, "docs", recs); err != nil {
			t.Fatal(err)
		}
		if n, err := s.Count(ctx, "docs"); err != nil || n != 4 {
			t.Fatalf("Count = %d, %v; want 4", n, err)
		}
		hits, err := s.Search(ctx, "docs", normalize(vec(1, 0.1, 0)), 3, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(hits); fmt.Sprint(got) != "[x xy y]" {
			t.Errorf("Search order = %v; want [x xy y]", got)
		}
		if len(hits) > 0 && (hits[0].Score < 0.99 || hits[0].Score > 1.0001 || hits[0].Meta["law"] != "甲法") {
			t.Errorf("top hit %+v; want cosine ≈ 0.995 with its metadata", hits[0])
		}
		for i := 1; i < len(hits); i++ {
			if hits[i].Score > hits[i-1].Score+1e-6 {
				t.Errorf("scores not descending: %v", hits)
			}
		}
		hits, err = s.Search(ctx, "docs", normalize(vec(1, 0, 0)), 10, corpus.VectorFilter{"kind": "case"})
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(hits); fmt.Sprint(got) != "[y z]" && fmt.Sprint(got) != "[z y]" {
			t.Errorf("filtered search = %v; want y and z only", got)
		}
		hits, _ = s.Search(ctx, "docs", normalize(vec(1, 0, 0)), 10, corpus.VectorFilter{"kind": "norm", "law": "乙法"})
		if got := ids(hits); fmt.Sprint(got) != "[xy]" {
			t.Errorf("two-key filter = %v; want [xy]", got)
		}
		hits, _ = s.Search(ctx, "docs", normalize(vec(1, 0, 0)), 10, corpus.VectorFilter{"kind": "none"})
		if len(hits) != 0 {
			t.Errorf("filter without matches = %v", ids(hits))
		}
		// Upsert replaces by ID.
		if err := s.Upsert(ctx, "docs", []corpus.VectorRecord{{ID: "z", Vector: normalize(vec(1, 0, 0.01)), Meta: map[string]string{"kind": "case"}}}); err != nil {
			t.Fatal(err)
		}
		if n, _ := s.Count(ctx, "docs"); n != 4 {
			t.Errorf("Count after replace = %d; want 4", n)
		}
		hits, _ = s.Search(ctx, "docs", normalize(vec(1, 0, 0)), 1, corpus.VectorFilter{"kind": "case"})
		if got := ids(hits); fmt.Sprint(got) != "[z]" {
			t.Errorf("after replace = %v; want [z]", got)
		}
		// A wrong dimension fails the whole batch.
		err = s.Upsert(ctx, "docs", []corpus.VectorRecord{{ID: "new", Vector: normalize(vec(1, 1, 1))}, {ID: "bad", Vector: vec(1, 0)}})
		if !errors.Is(err, corpus.ErrDimension) {
			t.Errorf("wrong dimension: %v; want ErrDimension", err)
		}
		if n, _ := s.Count(ctx, "docs"); n != 4 {
			t.Errorf("a failed batch wrote records: count %d", n)
		}
		if _, err := s.Search(ctx, "docs", vec(1, 0), 3, nil); !errors.Is(err, corpus.ErrDimension) {
			t.Errorf("query of wrong dimension: %v; want ErrDimension", err)
		}
		if err := s.Delete(ctx, "docs", []string{"x", "unknown"}); err != nil {
			t.Fatal(err)
		}
		got, err := s.IDs(ctx, "docs")
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(got)
		if fmt.Sprint(got) != "[xy y z]" {
			t.Errorf("IDs after delete = %v", got)
		}
		if hits, _ := s.Search(ctx, "docs", normalize(vec(1, 0, 0)), 0, nil); len(hits) != 0 {
			t.Errorf("k=0 returned %d hits", len(hits))
		}
	})

	t.Run("metadata by id", func(t *testing.T) {
		s, reopen := open(t)
		if err := s.EnsureCollection(ctx, "metas", spec); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Metas(ctx, "nope"); !errors.Is(err, corpus.ErrNoCollection) {
			t.Errorf("Metas(unknown) = %v; want ErrNoCollection", err)
		}
		recs := []corpus.VectorRecord{
			{ID: "a", Vector: normalize(vec(1, 0, 0)), Meta: map[string]string{corpus.DigestKey: "d1", "law": "甲法"}},
			{ID: "b", Vector: normalize(vec(0, 1, 0)), Meta: map[string]string{corpus.DigestKey: "d2"}},
			{ID: "c", Vector: normalize(vec(0, 0, 1))},
		}
		if err := s.Upsert(ctx, "metas", recs); err != nil {
			t.Fatal(err)
		}
		// A replaced record carries its new digest; a deleted one is gone.
		if err := s.Upsert(ctx, "metas", []corpus.VectorRecord{{ID: "b", Vector: normalize(vec(0, 1, 1)), Meta: map[string]string{corpus.DigestKey: "d2'"}}}); err != nil {
			t.Fatal(err)
		}
		if err := s.Delete(ctx, "metas", []string{"a"}); err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"b": "d2'", "c": ""}
		check := func(s corpus.VectorStore, when string) {
			t.Helper()
			got, err := s.Metas(ctx, "metas")
			if err != nil {
				t.Fatalf("%s: %v", when, err)
			}
			if len(got) != len(want) {
				t.Errorf("%s: Metas = %v; want the records %v", when, got, want)
			}
			for id, d := range want {
				m, ok := got[id]
				if !ok || m[corpus.DigestKey] != d {
					t.Errorf("%s: Metas[%s] = %v (present %v); want digest %q", when, id, m, ok, d)
				}
			}
		}
		check(s, "open")
		if reopen == nil {
			s.Close()
			return
		}
		s.Close()
		s2 := reopen()
		defer s2.Close()
		if err := s2.EnsureCollection(ctx, "metas", spec); err != nil {
			t.Fatal(err)
		}
		check(s2, "after restart")
	})

	t.Run("survives restart", func(t *testing.T) {
		s, reopen := open(t)
		if reopen == nil {
			s.Close()
			t.Skip("store has no restart")
		}
		if err := s.EnsureCollection(ctx, "keep", spec); err != nil {
			t.Fatal(err)
		}
		if err := s.Upsert(ctx, "keep", []corpus.VectorRecord{{ID: "a", Vector: normalize(vec(1, 2, 3)), Meta: map[string]string{"k": "v"}}}); err != nil {
			t.Fatal(err)
		}
		s.Close()
		s2 := reopen()
		defer s2.Close()
		if err := s2.EnsureCollection(ctx, "keep", spec); err != nil {
			t.Fatal(err)
		}
		hits, err := s2.Search(ctx, "keep", normalize(vec(1, 2, 3)), 1, corpus.VectorFilter{"k": "v"})
		if err != nil || len(hits) != 1 || hits[0].ID != "a" {
			t.Fatalf("after restart: %v %v", hits, err)
		}
	})

	t.Run("recall against exact search", func(t *testing.T) {
		s, _ := open(t)
		defer s.Close()
		const n, dim, queries, k = 3000, 32, 50, 10
		rng := rand.New(rand.NewSource(42))
		spec := corpus.CollectionSpec{Embedder: "random", Dim: dim}
		if err := s.EnsureCollection(ctx, "big", spec); err != nil {
			t.Fatal(err)
		}
		data := make([][]float32, n)
		var recs []corpus.VectorRecord
		for i := range data {
			v := make([]float32, dim)
			for j := range v {
				v[j] = float32(rng.NormFloat64())
			}
			data[i] = normalize(v)
			recs = append(recs, corpus.VectorRecord{ID: fmt.Sprint(i), Vector: data[i], Meta: map[string]string{"parity": fmt.Sprint(i % 2)}})
		}
		for i := 0; i < n; i += 500 {
			if err := s.Upsert(ctx, "big", recs[i:i+500]); err != nil {
				t.Fatal(err)
			}
		}
		found := 0
		for qi := 0; qi < queries; qi++ {
			q := make([]float32, dim)
			for j := range q {
				q[j] = float32(rng.NormFloat64())
			}
			q = normalize(q)
			exact := ExactTopK(data, q, k, func(i int) bool { return i%2 == 0 })
			hits, err := s.Search(ctx, "big", q, k, corpus.VectorFilter{"parity": "0"})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, h := range hits {
				got[h.ID] = true
			}
			for _, id := range exact {
				if got[fmt.Sprint(id)] {
					found++
				}
			}
		}
		recall := float64(found) / float64(queries*k)
		t.Logf("filtered recall@%d = %.3f", k, recall)
		if recall < 0.9 {
			t.Errorf("filtered recall@%d = %.3f; want ≥ 0.9", k, recall)
		}
	})

	t.Run("concurrent readers and a writer", func(t *testing.T) {
		s, _ := open(t)
		defer s.Close()
		if err := s.EnsureCollection(ctx, "cc", spec); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make(chan error, 8)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				if err := s.Upsert(ctx, "cc", []corpus.VectorRecord{{ID: fmt.Sprint(i), Vector: normalize(vec(1, float32(i%7), 1))}}); err != nil {
					errs <- err
					return
				}
			}
		}()
		for r := 0; r < 4; r++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < 100; i++ {
					if _, err := s.Search(ctx, "cc", normalize(vec(1, 1, 1)), 5, nil); err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		if n, _ := s.Count(ctx, "cc"); n != 200 {
			t.Errorf("count %d; want 200", n)
		}
	})
}

// ExactTopK returns the indexes of the k vectors in data most similar to q
// by cosine (vectors assumed normalised), among those keep accepts.
func ExactTopK(data [][]float32, q []float32, k int, keep func(int) bool) []int {
	type sc struct {
		i int
		s float64
	}
	var all []sc
	for i, v := range data {
		if keep != nil && !keep(i) {
			continue
		}
		var dot float64
		for j := range v {
			dot += float64(v[j]) * float64(q[j])
		}
		all = append(all, sc{i, dot})
	}
	sort.Slice(all, func(a, b int) bool { return all[a].s > all[b].s })
	if len(all) > k {
		all = all[:k]
	}
	out := make([]int, len(all))
	for i, x := range all {
		out[i] = x.i
	}
	return out
}
