package memvec

import (
	"sync/atomic"

	"github.com/cailiang/cailiang/corpus"
)

const (
	chunkBits = 10
	chunkSize = 1 << chunkBits // slots per vector chunk
	chunkMask = chunkSize - 1
)

// collection is the in-memory copy of one collection. Slots are append-only
// while a graph exists or is being built (a replaced or deleted record leaves
// a tombstone); compaction renumbers them and drops the graph.
//
// Fields are written with both Store.wmu and Store.mu held, so holding either
// (mu for reading) is enough to read them.
type collection struct {
	name   string
	spec   corpus.CollectionSpec
	bucket []byte

	chunks [][]float32         // unit vectors by slot, chunkSize slots per chunk
	ids    []string            // by slot; "" marks a tombstone
	metas  []map[string]string // by slot
	slots  map[string]int32    // live ID → slot
	counts map[string]int      // "key\x00value" → live records carrying it
	dead   int                 // tombstones
	graph  *graph              // nil until built (and after compaction)
	gen    uint64              // bumped by compaction and drop: invalidates builds
	state  *buildState         // guarded by Store.bmu; nil when no build runs
	stats  struct{ exact, graph, fallback, builds atomic.Uint64 }
	// graphSaved: the file holds this graph (guarded by Store.wmu);
	// graphLoaded: the graph came from the file on Open.
	graphSaved, graphLoaded bool
}

// buildState is a running background build; done is closed when it ends.
type buildState struct {
	done    chan struct{}
	abandon atomic.Bool // the collection was dropped
}

func newCollection(name string, spec corpus.CollectionSpec) *collection {
	return &collection{
		name:   name,
		spec:   spec,
		bucket: bucketName(name),
		slots:  map[string]int32{},
		counts: map[string]int{},
	}
}

func (c *collection) vecTable() vecTable {
	return vecTable{chunks: c.chunks, dim: c.spec.Dim}
}

func (c *collection) vec(slot int32) []float32 { return c.vecTable().at(slot) }

func countKey(k, v string) string { return k + "\x00" + v }

func (c *collection) count(meta map[string]string, delta int) {
	for k, v := range meta {
		key := countKey(k, v)
		if n := c.counts[key] + delta; n > 0 {
			c.counts[key] = n
		} else {
			delete(c.counts, key)
		}
	}
}

// appendSlot stores a record in a new slot and returns it.
func (c *collection) appendSlot(id string, v []float32, meta map[string]string) int32 {
	slot := int32(len(c.ids))
	if len(c.ids)%chunkSize == 0 {
		c.chunks = append(c.chunks, make([]float32, 0, min(chunkSize, max(16, len(c.ids)))*c.spec.Dim))
	}
	last := len(c.chunks) - 1
	c.chunks[last] = append(c.chunks[last], v...)
	c.ids = append(c.ids, id)
	c.metas = append(c.metas, meta)
	c.slots[id] = slot
	c.count(meta, 1)
	return slot
}

// kill turns a live slot into a tombstone.
func (c *collection) kill(slot int32) {
	delete(c.slots, c.ids[slot])
	c.count(c.metas[slot], -1)
	c.ids[slot] = ""
	c.metas[slot] = nil
	c.dead++
}

// needsCompaction reports whether tombstones take a quarter of the slots.
func (c *collection) needsCompaction() bool {
	return c.dead >= 64 && c.dead*4 >= len(c.ids)
}

// compact renumbers live slots densely and drops the graph (rebuilt on a
// later search). The caller holds both locks and no build runs.
func (c *collection) compact() {
	old := c.vecTable()
	ids, metas := c.ids, c.metas
	c.chunks, c.ids, c.metas = nil, nil, nil
	c.slots = make(map[string]int32, len(c.slots))
	c.counts = map[string]int{}
	for s, id := range ids {
		if id != "" {
			c.appendSlot(id, old.at(int32(s)), metas[s])
		}
	}
	c.dead = 0
	c.graph = nil
	c.gen++
}

func matches(meta map[string]string, f corpus.VectorFilter) bool {
	for k, v := range f {
		if mv, ok := meta[k]; !ok || mv != v {
			return false
		}
	}
	return true
}

// estimate returns an upper bound of the live records f matches.
func (c *collection) estimate(f corpus.VectorFilter) int {
	n := len(c.slots)
	for k, v := range f {
		n = min(n, c.counts[countKey(k, v)])
	}
	return n
}

// searchExact scans every live slot that matches f.
func (c *collection) searchExact(q []float32, k int, f corpus.VectorFilter) []cand {
	top := heap[cand]{before: worse}
	dim := c.spec.Dim
	for ci, ch := range c.chunks {
		base := ci * chunkSize
		for off := 0; off+dim <= len(ch); off += dim {
			slot := base + off/dim
			if c.ids[slot] == "" || (len(f) > 0 && !matches(c.metas[slot], f)) {
				continue
			}
			s := dot(q, ch[off:off+dim])
			if len(top.items) < k {
				top.push(cand{int32(slot), s})
			} else if s > top.items[0].sim {
				top.items[0] = cand{int32(slot), s}
				top.fix0()
			}
		}
	}
	return top.drain()
}

// live reports whether slot n holds a record (not a tombstone).
func (c *collection) live(n int32) bool { return c.ids[n] != "" }
