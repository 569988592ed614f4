package memvec

import (
	"math/rand"
	"testing"

	"github.com/cailiang/cailiang/corpus/vectortest"
)

func table(data [][]float32) vecTable {
	vt := vecTable{dim: len(data[0])}
	for i, v := range data {
		if i%chunkSize == 0 {
			vt.chunks = append(vt.chunks, nil)
		}
		vt.chunks[len(vt.chunks)-1] = append(vt.chunks[len(vt.chunks)-1], v...)
	}
	return vt
}

func graphRecall(g *graph, data, queries [][]float32, k, ef int, keep func(int) bool) float64 {
	found, total := 0, 0
	vis := new(visitSet)
	var accept func(int32) bool
	if keep != nil {
		accept = func(i int32) bool { return keep(int(i)) }
	}
	for _, q := range queries {
		got := map[int32]bool{}
		for _, c := range g.search(q, k, ef, accept, vis, 0) {
			got[c.id] = true
		}
		for _, i := range vectortest.ExactTopK(data, q, k, keep) {
			if got[int32(i)] {
				found++
			}
		}
		total += k
	}
	return float64(found) / float64(total)
}

func TestGraphSequentialAndParallel(t *testing.T) {
	const n, dim, k = 3000, 24, 10
	rng := rand.New(rand.NewSource(11))
	data := clustered(rng, n, dim, 15)
	queries := clustered(rng, 50, dim, 15)
	dead := make([]bool, n)
	for i := 0; i < n; i += 10 {
		dead[i] = true
	}
	keep := func(i int) bool { return !dead[i] }

	seq := newGraph(16, 100, 1, table(data))
	vis := new(visitSet)
	for i := range data {
		if dead[i] {
			seq.addIsolated(int32(i))
		} else {
			seq.insert(int32(i), vis)
		}
	}
	par, ok := buildParallel(16, 100, 1, table(data), dead, 4, func() bool { return false })
	if !ok {
		t.Fatal("parallel build stopped")
	}
	for name, g := range map[string]*graph{"sequential": seq, "parallel": par} {
		if g.len() != n {
			t.Errorf("%s: %d nodes; want %d", name, g.len(), n)
		}
		for i := 0; i < n; i += 10 {
			if len(g.links(int32(i), 0)) != 0 {
				t.Errorf("%s: dead node %d has links", name, i)
			}
		}
		r := graphRecall(g, data, queries, k, 64, keep)
		t.Logf("%s build: recall@%d = %.3f", name, k, r)
		if r < 0.95 {
			t.Errorf("%s build: recall@%d = %.3f; want ≥ 0.95", name, k, r)
		}
		// Nodes find themselves. A graph walk is approximate, and the
		// parallel build's graph depends on goroutine scheduling, so an
		// occasional node that the walk does not reach at ef 64 is allowed
		// (seen once in CI: 1 of 28); more than one in twenty is a bug.
		probes, misses := 0, 0
		for i := 1; i < n; i += 97 {
			if dead[i] {
				continue
			}
			probes++
			if res := g.search(data[i], 1, 64, nil, vis, 0); len(res) != 1 || res[0].id != int32(i) {
				misses++
				t.Logf("%s: self search for %d = %v", name, i, res)
			}
		}
		if misses*20 > probes {
			t.Errorf("%s: %d of %d nodes do not find themselves", name, misses, probes)
		}
	}

	stopped, ok := buildParallel(16, 100, 1, table(data), dead, 2, func() bool { return true })
	if ok || stopped == nil {
		t.Error("a stopped build reported success")
	}
}

func TestHeapsAndDot(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	var mx maxHeap
	var mn minHeap
	for i := range 200 {
		c := cand{int32(i), float32(rng.Intn(50))}
		mx.push(c)
		mn.push(c)
	}
	for prev := float32(1e9); len(mx) > 0; {
		c := mx.pop()
		if c.sim > prev {
			t.Fatal("maxHeap out of order")
		}
		prev = c.sim
	}
	for prev := (cand{-1, -1e9}); len(mn) > 0; {
		c := mn.pop()
		if worse(c, prev) {
			t.Fatal("minHeap out of order")
		}
		prev = c
	}
	for _, d := range []int{1, 7, 8, 9, 31, 256} {
		a, b := make([]float32, d), make([]float32, d)
		var want float64
		for i := range a {
			a[i], b[i] = float32(rng.NormFloat64()), float32(rng.NormFloat64())
			want += float64(a[i]) * float64(b[i])
		}
		if got := float64(dot(a, b)); got-want > 1e-4 || want-got > 1e-4 {
			t.Errorf("dot of %d dims = %v; want %v", d, got, want)
		}
	}
}
