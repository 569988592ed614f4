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

	chunks [][]float32      // unit vectors by slot, chunkSize slots per chunk
	ids    []string         // by slot; "" marks a tombstone
	metas  []metaRef        // by slot, into metaArena (meta.go)
	slots  map[string]int32 // live ID → slot
	counts map[string]int   // "key\x00value" → live records carrying it (values up to maxCounted bytes)
	dead   int              // tombstones
	graph  *graph           // nil until built (and after compaction)
	gen    uint64           // bumped by compaction and drop: invalidates builds
	state  *buildState      // guarded by Store.bmu; nil when no build runs
	// metaArena holds the slots' encoded metadata; metaWaste of its
	// bytes belong to no slot (replaced or deleted records).
	metaArena []byte
	metaWaste int
	stats     struct{ exact, graph, fallback, builds atomic.Uint64 }
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

// maxCounted is the longest value counts keeps. Longer ones are each
// record's own (a text's digest): counting them kept a key per record, tens
// of thousands of strings the collector marks in every cycle, for filters
// no caller sends; estimate counts them when asked.
const maxCounted = 32

// count adds delta to the counts of an encoded metadata's pairs.
func (c *collection) count(meta []byte, delta int) {
	var key []byte
	for k, v, rest, ok := nextMeta(meta); ok; k, v, rest, ok = nextMeta(rest) {
		if len(v) > maxCounted {
			continue
		}
		key = append(append(append(key[:0], k...), 0), v...)
		if n := c.counts[string(key)] + delta; n > 0 {
			c.counts[string(key)] = n
		} else {
			delete(c.counts, string(key))
		}
	}
}

// appendSlot stores a record, its metadata encoded (encodeMeta), in a new
// slot and returns it.
func (c *collection) appendSlot(id string, v []float32, meta []byte) int32 {
	slot := int32(len(c.ids))
	if len(c.ids)%chunkSize == 0 {
		c.chunks = append(c.chunks, make([]float32, 0, min(chunkSize, max(16, len(c.ids)))*c.spec.Dim))
	}
	last := len(c.chunks) - 1
	c.chunks[last] = append(c.chunks[last], v...)
	c.ids = append(c.ids, id)
	c.metas = append(c.metas, metaRef{})
	c.slots[id] = slot
	c.setMeta(slot, meta)
	return slot
}

// kill turns a live slot into a tombstone.
func (c *collection) kill(slot int32) {
	delete(c.slots, c.ids[slot])
	c.dropMeta(slot)
	c.ids[slot] = ""
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
	ids, metas, arena := c.ids, c.metas, c.metaArena
	c.chunks, c.ids, c.metas, c.metaArena, c.metaWaste = nil, nil, nil, nil, 0
	c.slots = make(map[string]int32, len(c.slots))
	c.counts = map[string]int{}
	for s, id := range ids {
		if id != "" {
			r := metas[s]
			c.appendSlot(id, old.at(int32(s)), arena[r.off:r.off+r.n])
		}
	}
	c.dead = 0
	c.graph = nil
	c.gen++
}

// estimate returns an upper bound of the live records f matches.
func (c *collection) estimate(f corpus.VectorFilter) int {
	n := len(c.slots)
	for k, v := range f {
		if len(v) > maxCounted {
			n = min(n, c.countLive(k, v))
			continue
		}
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
			if c.ids[slot] == "" || (len(f) > 0 && !matches(c.meta(int32(slot)), f)) {
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

// countLive counts the live records whose metadata holds value v for k.
func (c *collection) countLive(k, v string) int {
	n := 0
	for s, r := range c.metas {
		if r.n > 0 && c.ids[s] != "" {
			if mv, ok := metaValue(c.meta(int32(s)), k); ok && string(mv) == v {
				n++
			}
		}
	}
	return n
}

// live reports whether slot n holds a record (not a tombstone).
func (c *collection) live(n int32) bool { return c.ids[n] != "" }
