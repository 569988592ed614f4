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
		// Each node finds itself. (A parallel build used to leave a few
		// nodes unreachable: see TestParallelBuildReachesEveryNode.)
		for i := 1; i < n; i += 97 {
			if dead[i] {
				continue
			}
			if res := g.search(data[i], 1, 64, nil, vis, 0); len(res) != 1 || res[0].id != int32(i) {
				t.Errorf("%s: self search for %d = %v", name, i, res)
			}
		}
	}

	stopped, ok := buildParallel(16, 100, 1, table(data), dead, 2, func() bool { return true })
	if ok || stopped == nil {
		t.Error("a stopped build reported success")
	}
}

// unreachable returns the live nodes that level 0 links do not reach from
// the entry point: a search finds one only if its descent through the upper
// levels lands next to it.
func unreachable(g *graph, live func(int32) bool) []int32 {
	if g.top < 0 {
		return nil
	}
	reached := make([]bool, g.len())
	reached[g.entry] = true
	queue := []int32{g.entry}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, nb := range g.links(n, 0) {
			if !reached[nb] {
				reached[nb] = true
				queue = append(queue, nb)
			}
		}
	}
	var out []int32
	for n, ok := range reached {
		if !ok && live(int32(n)) {
			out = append(out, int32(n))
		}
	}
	return out
}

// TestParallelBuildReachesEveryNode checks that every live node of a
// parallel-built graph is reachable, both from the race that used to cut
// nodes off and from pruning, which cuts some off in any HNSW build.
func TestParallelBuildReachesEveryNode(t *testing.T) {
	never := func() bool { return false }
	for _, tc := range []struct {
		name                string
		n, dim, clusters, m int
		seeds               []int64
		workers             []int
		// maxRelinked bounds the nodes reconnect links over all builds.
		maxRelinked int
		// wantRelinked: the builds cut nodes off without reconnect.
		wantRelinked bool
	}{
		// The data of TestBackgroundBuildRacesWriters. An insertion that
		// descended through a node whose lower levels were not linked yet
		// linked only to it, and lost that back-link when the node set its
		// own links: a few nodes per build had no in-link (39 to 48 over
		// these eight builds before the fix). Pruning, or two close nodes inserted at
		// once, cuts a node off in about one build in 400 here.
		{name: "race", n: 3000, dim: 16, clusters: 20, m: 16,
			seeds: []int64{1, 2, 3, 4}, workers: []int{2, 8}, maxRelinked: 2},
		// Small lists and wide vectors: pruning cuts nodes off even in a
		// build with one worker, whose graph is the sequential one.
		{name: "pruning", n: 4000, dim: 64, clusters: 8, m: 8,
			seeds: []int64{3}, workers: []int{1, 2}, maxRelinked: 100, wantRelinked: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			relinked := 0
			for _, seed := range tc.seeds {
				data := clustered(rand.New(rand.NewSource(100+seed)), tc.n, tc.dim, tc.clusters)
				dead := make([]bool, len(data))
				for i := 0; i < len(dead); i += 11 {
					dead[i] = true
				}
				for _, w := range tc.workers {
					g, ok := buildParallel(tc.m, 64, seed, table(data), dead, w, never)
					if !ok {
						t.Fatal("parallel build stopped")
					}
					if u := unreachable(g, func(n int32) bool { return !dead[n] }); len(u) > 0 {
						t.Errorf("seed %d, %d workers: %d live nodes unreachable: %v", seed, w, len(u), u)
					}
					for i := 0; i < len(dead); i += 11 {
						if len(g.links(int32(i), 0)) != 0 {
							t.Errorf("seed %d, %d workers: dead node %d has links", seed, w, i)
						}
					}
					t.Logf("seed %d, %d workers: %d nodes relinked", seed, w, g.relinked)
					relinked += g.relinked
				}
			}
			if relinked > tc.maxRelinked {
				t.Errorf("%d nodes relinked after the builds; want at most %d", relinked, tc.maxRelinked)
			}
			if tc.wantRelinked && relinked == 0 {
				t.Error("no node relinked: the case no longer exercises reconnect")
			}
		})
	}
}

func TestHeapsAndDot(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	mx := heap[cand]{before: moreSimilar}
	mn := heap[cand]{before: worse}
	for i := range 200 {
		c := cand{int32(i), float32(rng.Intn(50))}
		mx.push(c)
		mn.push(c)
	}
	for prev := float32(1e9); len(mx.items) > 0; {
		c := mx.pop()
		if c.sim > prev {
			t.Fatal("beam heap (moreSimilar) out of order")
		}
		prev = c.sim
	}
	for prev := (cand{-1, -1e9}); len(mn.items) > 0; {
		c := mn.pop()
		if worse(c, prev) {
			t.Fatal("result heap (worse) out of order")
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
