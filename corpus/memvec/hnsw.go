package memvec

import (
	"math"
	"math/rand"
	"slices"
	"sync"
	"sync/atomic"
)

// cand is a graph node (a slot) with its similarity to the query.
type cand struct {
	id  int32
	sim float32
}

// vecTable reads the vector of a slot. Vectors live in chunks of chunkSize
// slots so that growing a collection never moves the vectors already stored:
// a background build keeps reading an old vecTable while writers append.
type vecTable struct {
	chunks [][]float32
	dim    int
}

func (t vecTable) at(slot int32) []float32 {
	ch := t.chunks[slot>>chunkBits]
	off := int(slot&chunkMask) * t.dim
	return ch[off : off+t.dim : off+t.dim]
}

// graph is a hierarchical navigable small world graph (Malkov & Yashunin,
// 2016) over slot numbers, with similarity = dot product of unit vectors.
// Nodes are never removed: a deleted slot stays as a tombstone that searches
// walk through but never return, until the collection is compacted and the
// graph rebuilt. Node i is slot i; nodes are added in slot order.
//
// A graph is not safe for concurrent use by itself: the Store mutates it
// under its write lock and searches it under its read lock.
type graph struct {
	m, m0 int     // neighbours per node on upper levels and on level 0
	efC   int     // beam width while building
	ml    float64 // level generation factor 1/ln(M)
	rng   *rand.Rand
	vecs  vecTable

	l0    []int32     // level 0 links: node*(m0+1) holds the count, then m0 slots
	upper [][][]int32 // upper[node][level-1]; nil for nodes only on level 0
	entry int32
	top   int // level of entry; -1 when no node is linked

	// relinked counts the nodes reconnect linked after a build or load.
	relinked int

	// During a parallel build (buildParallel) locks[n] guards n's links
	// and emu guards entry and top; both are unused otherwise.
	locks []sync.Mutex
	emu   sync.Mutex
}

func newGraph(m, efC int, seed int64, vecs vecTable) *graph {
	if m < 2 {
		m = 2
	}
	return &graph{
		m: m, m0: 2 * m, efC: efC,
		ml:   1 / math.Log(float64(m)),
		rng:  rand.New(rand.NewSource(seed)),
		vecs: vecs,
		top:  -1,
	}
}

// len returns the number of nodes, tombstones and isolated ones included.
func (g *graph) len() int { return len(g.upper) }

// readLinks returns n's links on level; during a parallel build it copies
// them into buf under n's lock.
func (g *graph) readLinks(n int32, level int, buf []int32) []int32 {
	if g.locks == nil {
		return g.links(n, level)
	}
	g.locks[n].Lock()
	buf = append(buf[:0], g.links(n, level)...)
	g.locks[n].Unlock()
	return buf
}

func (g *graph) lock(n int32) {
	if g.locks != nil {
		g.locks[n].Lock()
	}
}

func (g *graph) unlock(n int32) {
	if g.locks != nil {
		g.locks[n].Unlock()
	}
}

func (g *graph) links(n int32, level int) []int32 {
	if level == 0 {
		base := int(n) * (g.m0 + 1)
		c := int(g.l0[base])
		return g.l0[base+1 : base+1+c]
	}
	return g.upper[n][level-1]
}

func (g *graph) setLinks(n int32, level int, ns []cand) {
	if level == 0 {
		base := int(n) * (g.m0 + 1)
		g.l0[base] = int32(len(ns))
		for i, c := range ns {
			g.l0[base+1+i] = c.id
		}
		return
	}
	out := g.upper[n][level-1][:0]
	for _, c := range ns {
		out = append(out, c.id)
	}
	g.upper[n][level-1] = out
}

func (g *graph) randomLevel() int {
	l := int(-math.Log(1-g.rng.Float64()) * g.ml)
	return min(l, 16)
}

// grow adds node n (which must equal g.len()) with room for links up to level.
func (g *graph) grow(n int32, level int) {
	if int(n) != g.len() {
		panic("memvec: graph nodes must be added in slot order")
	}
	g.l0 = append(g.l0, make([]int32, g.m0+1)...)
	if level == 0 {
		g.upper = append(g.upper, nil)
		return
	}
	up := make([][]int32, level)
	for i := range up {
		up[i] = make([]int32, 0, g.m)
	}
	g.upper = append(g.upper, up)
}

// addIsolated adds node n without links: a slot that was already deleted when
// the graph was built. Searches never reach it.
func (g *graph) addIsolated(n int32) { g.grow(n, 0) }

// insert adds node n (n == g.len()) and links it.
func (g *graph) insert(n int32, vis *visitSet) {
	level := g.randomLevel()
	g.grow(n, level)
	g.connect(n, level, vis)
}

// connect links node n, already grown to level, into the graph (Algorithm 1
// of the paper, with the neighbour selection heuristic of Algorithm 4).
func (g *graph) connect(n int32, level int, vis *visitSet) {
	q := g.vecs.at(n)
	g.emu.Lock()
	if g.top < 0 {
		g.entry, g.top = n, level
		g.emu.Unlock()
		return
	}
	entry, top := g.entry, g.top
	// A node that raises the top level holds emu throughout, as hnswlib
	// does: it becomes the entry point only once it is linked.
	raises := level > top
	if !raises {
		g.emu.Unlock()
	}
	ep := cand{entry, dot(q, g.vecs.at(entry))}
	var buf []int32
	for l := top; l > level; l-- {
		ep, buf = g.greedy(q, ep, l, buf)
	}
	// n gets its own links on every level before any node links back to
	// it, so that no concurrent insertion can reach n while a lower level
	// of n is still empty. One that did (descending through n) linked
	// only to n there, and n's setLinks then overwrote that back-link:
	// the node was left with one out-link and no in-link, unreachable.
	// Searching a level does not read the links added on the levels
	// above, so a sequential build makes the same graph either way.
	eps := []cand{ep}
	sels := make([][]cand, min(level, top)+1)
	for l := len(sels) - 1; l >= 0; l-- {
		w := g.searchLayer(q, eps, g.efC, l, nil, vis, 0)
		sels[l] = g.selectNeighbours(w, g.m, make([]cand, 0, g.m))
		g.lock(n)
		g.setLinks(n, l, sels[l])
		g.unlock(n)
		eps = w
	}
	for l := len(sels) - 1; l >= 0; l-- {
		maxM := g.m
		if l == 0 {
			maxM = g.m0
		}
		for _, e := range sels[l] {
			g.link(e.id, n, e.sim, l, maxM)
		}
	}
	if raises {
		g.entry, g.top = n, level
		g.emu.Unlock()
	}
}

// buildParallel returns a graph over the slots of vecs, dead ones isolated,
// linked by workers goroutines. stop is polled between nodes; when it
// returns true the partial graph is returned with ok false.
func buildParallel(m, efC int, seed int64, vecs vecTable, dead []bool, workers int, stop func() bool) (g *graph, ok bool) {
	g = newGraph(m, efC, seed, vecs)
	levels := make([]int, len(dead))
	for i := range levels {
		if !dead[i] {
			levels[i] = g.randomLevel()
		}
		g.grow(int32(i), levels[i])
	}
	first := slices.Index(dead, false)
	if first < 0 {
		return g, true
	}
	g.connect(int32(first), levels[first], new(visitSet))
	g.locks = make([]sync.Mutex, len(dead))
	var next atomic.Int64
	next.Store(int64(first + 1))
	var stopped atomic.Bool
	var wg sync.WaitGroup
	for range max(1, workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			vis := new(visitSet)
			for {
				i := int(next.Add(1) - 1)
				if i >= len(dead) || stopped.Load() {
					return
				}
				if i%256 == 0 && stop() {
					stopped.Store(true)
					return
				}
				if !dead[i] {
					g.connect(int32(i), levels[i], vis)
				}
			}
		}()
	}
	wg.Wait()
	g.locks = nil
	if stopped.Load() {
		return g, false
	}
	g.relinked = g.reconnect(func(n int32) bool { return !dead[n] })
	return g, true
}

// reconnect links every live node that level 0 links do not reach from the
// entry point, and returns how many it linked. Pruning a full neighbour list
// can drop a node's last in-link (or two nodes inserted at once can each be
// pruned in favour of the other), and a search then finds the node only if
// its descent through the upper levels happens to land next to it: searched
// by its own vector, it is usually missing. Such a node is linked from the
// most similar reached node whose level 0 list has room, so that no pruning
// removes the link now. Not safe for concurrent use.
func (g *graph) reconnect(live func(int32) bool) int {
	if g.top < 0 {
		return 0
	}
	reached := make([]bool, g.len())
	var stack []int32
	reach := func(n int32) {
		reached[n] = true
		stack = append(stack[:0], n)
		for len(stack) > 0 {
			x := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, nb := range g.links(x, 0) {
				if !reached[nb] {
					reached[nb] = true
					stack = append(stack, nb)
				}
			}
		}
	}
	reach(g.entry)
	vis := new(visitSet)
	linked := 0
	for n := range int32(g.len()) {
		if reached[n] || !live(n) {
			continue
		}
		// The descent may land in an unreached part of level 0: only
		// reached nodes are returned.
		res := g.search(g.vecs.at(n), g.efC, g.efC, func(x int32) bool { return reached[x] }, vis, 0)
		for _, e := range res {
			if len(g.links(e.id, 0)) < g.m0 {
				g.link(e.id, n, e.sim, 0, g.m0)
				reach(n)
				linked++
				break
			}
		}
	}
	return linked
}

// link adds n to e's links on level, pruning them with the heuristic when
// they are full.
func (g *graph) link(e, n int32, sim float32, level, maxM int) {
	g.lock(e)
	defer g.unlock(e)
	cur := g.links(e, level)
	if len(cur) < maxM {
		if level == 0 {
			base := int(e) * (g.m0 + 1)
			g.l0[base+1+len(cur)] = n
			g.l0[base]++
		} else {
			g.upper[e][level-1] = append(g.upper[e][level-1], n)
		}
		return
	}
	ve := g.vecs.at(e)
	cs := make([]cand, 0, len(cur)+1)
	for _, c := range cur {
		cs = append(cs, cand{c, dot(ve, g.vecs.at(c))})
	}
	cs = append(cs, cand{n, sim})
	sortDesc(cs)
	g.setLinks(e, level, g.selectNeighbours(cs, maxM, make([]cand, 0, maxM)))
}

// selectNeighbours keeps, from candidates sorted by decreasing similarity to
// a base node, those closer to the base than to every neighbour already kept
// (Algorithm 4 without extension). It spreads links in all directions, which
// is what keeps clustered data navigable.
func (g *graph) selectNeighbours(cs []cand, m int, out []cand) []cand {
	for _, c := range cs {
		if len(out) >= m {
			break
		}
		vc := g.vecs.at(c.id)
		keep := true
		for _, r := range out {
			if dot(vc, g.vecs.at(r.id)) > c.sim {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, c)
		}
	}
	return out
}

// greedy walks level from ep to the node most similar to q (beam width 1).
func (g *graph) greedy(q []float32, ep cand, level int, buf []int32) (cand, []int32) {
	for changed := true; changed; {
		changed = false
		buf = g.readLinks(ep.id, level, buf)
		for _, nb := range buf {
			if s := dot(q, g.vecs.at(nb)); s > ep.sim {
				ep, changed = cand{nb, s}, true
			}
		}
	}
	return ep, buf
}

// searchLayer is the beam search of Algorithm 2 on one level. Nodes that
// accept rejects (tombstones, filtered out) are walked through but never
// returned; accept nil accepts all. maxVisit > 0 bounds the number of nodes
// whose similarity is computed, for filters that match few nodes. The result
// is sorted by decreasing similarity and holds at most ef nodes.
func (g *graph) searchLayer(q []float32, eps []cand, ef, level int, accept func(int32) bool, vis *visitSet, maxVisit int) []cand {
	vis.reset(g.len())
	cands := heap[cand]{before: moreSimilar}
	res := heap[cand]{before: worse}
	for _, ep := range eps {
		if vis.visit(ep.id) {
			continue
		}
		cands.push(ep)
		if accept == nil || accept(ep.id) {
			res.push(ep)
			if len(res.items) > ef {
				res.pop()
			}
		}
	}
	visited := len(eps)
	var buf []int32
	for len(cands.items) > 0 {
		c := cands.pop()
		if len(res.items) >= ef && c.sim < res.items[0].sim {
			break
		}
		buf = g.readLinks(c.id, level, buf)
		for _, nb := range buf {
			if vis.visit(nb) {
				continue
			}
			visited++
			s := dot(q, g.vecs.at(nb))
			if len(res.items) < ef || s > res.items[0].sim {
				cands.push(cand{nb, s})
				if accept == nil || accept(nb) {
					res.push(cand{nb, s})
					if len(res.items) > ef {
						res.pop()
					}
				}
			}
		}
		if maxVisit > 0 && visited >= maxVisit {
			break
		}
	}
	return res.drain()
}

// search returns up to k accepted nodes nearest to q with beam width ef.
func (g *graph) search(q []float32, k, ef int, accept func(int32) bool, vis *visitSet, maxVisit int) []cand {
	if g.top < 0 {
		return nil
	}
	ep := cand{g.entry, dot(q, g.vecs.at(g.entry))}
	for l := g.top; l > 0; l-- {
		ep, _ = g.greedy(q, ep, l, nil)
	}
	res := g.searchLayer(q, []cand{ep}, max(ef, k), 0, accept, vis, maxVisit)
	if len(res) > k {
		res = res[:k]
	}
	return res
}

// visitSet marks visited nodes with an epoch so that it is cleared in O(1).
type visitSet struct {
	marks []uint32
	epoch uint32
}

var visitPool = sync.Pool{New: func() any { return new(visitSet) }}

func (v *visitSet) reset(n int) {
	if len(v.marks) < n {
		v.marks = make([]uint32, n+n/4)
		v.epoch = 0
	}
	v.epoch++
	if v.epoch == 0 {
		clear(v.marks)
		v.epoch = 1
	}
}

// visit marks n and reports whether it was already marked.
func (v *visitSet) visit(n int32) bool {
	if v.marks[n] == v.epoch {
		return true
	}
	v.marks[n] = v.epoch
	return false
}

// worse orders candidates by similarity, ties by slot (higher slot is worse),
// so that results are deterministic.
func worse(a, b cand) bool {
	if a.sim != b.sim {
		return a.sim < b.sim
	}
	return a.id > b.id
}

// sortDesc sorts candidates by decreasing similarity (insertion sort: the
// lists are neighbour lists of at most 2M+1 entries).
func sortDesc(cs []cand) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && worse(cs[j-1], cs[j]); j-- {
			cs[j-1], cs[j] = cs[j], cs[j-1]
		}
	}
}

// dot returns the dot product of a and b (len(b) >= len(a)).
func dot(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	for len(a) >= 8 {
		s0 += a[0]*b[0] + a[4]*b[4]
		s1 += a[1]*b[1] + a[5]*b[5]
		s2 += a[2]*b[2] + a[6]*b[6]
		s3 += a[3]*b[3] + a[7]*b[7]
		a, b = a[8:], b[8:]
	}
	for i := range a {
		s0 += a[i] * b[i]
	}
	return s0 + s1 + s2 + s3
}
