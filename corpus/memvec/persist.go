package memvec

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The HNSW graph of a collection is saved in the bucket "graphs" (collection
// name → encoded graph) so that a restart does not rebuild it. Every write
// transaction of a collection (Upsert, Delete, DropCollection) deletes its
// saved graph in the same transaction, so a saved graph always describes
// exactly the records stored next to it. A graph is saved when a build
// ends and at Close (after upserts linked into it), unless it holds
// tombstones: their vectors are not stored, so such a graph could not be
// loaded; the next build after compaction is saved instead.
//
// Slots are numbered in load order (bbolt key order) on Open and in write
// order afterwards, so nodes are saved with their record IDs and renumbered
// on load.

var bucketGraphs = []byte("graphs")

const graphMagic = "MVGR\x01"

var errGraphFormat = errors.New("malformed saved graph")

// encodeGraph encodes g, whose node i is slot i of c (c has no tombstones).
func encodeGraph(g *graph, c *collection) []byte {
	b := make([]byte, 0, len(g.l0)*2+len(c.ids)*16)
	b = append(b, graphMagic...)
	b = binary.AppendUvarint(b, uint64(g.m))
	b = binary.AppendUvarint(b, uint64(g.efC))
	b = binary.AppendUvarint(b, uint64(g.len()))
	b = binary.AppendUvarint(b, uint64(g.entry))
	b = binary.AppendVarint(b, int64(g.top))
	for n := range int32(g.len()) {
		id := c.ids[n]
		b = binary.AppendUvarint(b, uint64(len(id)))
		b = append(b, id...)
		b = binary.AppendUvarint(b, uint64(len(g.upper[n])))
		for l := 0; l <= len(g.upper[n]); l++ {
			links := g.links(n, l)
			b = binary.AppendUvarint(b, uint64(len(links)))
			for _, x := range links {
				b = binary.AppendUvarint(b, uint64(x))
			}
		}
	}
	return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
}

// graphReader reads uvarints and bytes, remembering the first error.
type graphReader struct {
	b   []byte
	err error
}

func (r *graphReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errGraphFormat
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *graphReader) varint() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.err = errGraphFormat
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *graphReader) bytes(n uint64) []byte {
	if r.err != nil {
		return nil
	}
	if n > uint64(len(r.b)) {
		r.err = errGraphFormat
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

// decodeGraph rebuilds a saved graph over c's current slots, renumbering
// its nodes by record ID. It returns an error when the bytes are damaged,
// were saved with other HNSW parameters than m and efC, or do not describe
// exactly c's live records.
func decodeGraph(data []byte, c *collection, m, efC int) (*graph, error) {
	if len(data) < len(graphMagic)+4 || string(data[:len(graphMagic)]) != graphMagic {
		return nil, errGraphFormat
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil, fmt.Errorf("%w: checksum", errGraphFormat)
	}
	r := &graphReader{b: body[len(graphMagic):]}
	gm, gefC, nodes := int(r.uvarint()), int(r.uvarint()), r.uvarint()
	entry, top := r.uvarint(), r.varint()
	if r.err != nil {
		return nil, r.err
	}
	if gm != max(m, 2) || gefC != efC {
		return nil, fmt.Errorf("saved with M=%d efConstruction=%d, configured %d/%d", gm, gefC, m, efC)
	}
	if nodes != uint64(len(c.ids)) || c.dead != 0 || entry >= nodes || top < -1 || top > 16 {
		return nil, fmt.Errorf("saved graph of %d nodes, collection has %d records", nodes, len(c.slots))
	}
	g := newGraph(gm, efC, int64(c.gen)+1, c.vecTable())
	g.l0 = make([]int32, int(nodes)*(g.m0+1))
	g.upper = make([][][]int32, nodes)
	type node struct {
		slot  int32
		links [][]uint64 // by level
	}
	// First pass: read every node and map IDs to slots; second: write links
	// through the mapping.
	perm := make([]int32, nodes)
	raw := make([]node, nodes)
	for n := range raw {
		id := r.bytes(r.uvarint())
		levels := r.uvarint()
		if r.err != nil || levels > 16 {
			return nil, errGraphFormat
		}
		slot, ok := c.slots[string(id)]
		if !ok {
			return nil, fmt.Errorf("saved graph has record %q, the collection does not", id)
		}
		perm[n] = slot
		raw[n] = node{slot: slot, links: make([][]uint64, levels+1)}
		for l := range raw[n].links {
			cnt := r.uvarint()
			maxM := uint64(g.m)
			if l == 0 {
				maxM = uint64(g.m0)
			}
			if cnt > maxM {
				return nil, errGraphFormat
			}
			ls := make([]uint64, cnt)
			for i := range ls {
				if ls[i] = r.uvarint(); ls[i] >= nodes {
					return nil, errGraphFormat
				}
			}
			raw[n].links[l] = ls
		}
	}
	if r.err != nil || len(r.b) != 0 {
		return nil, errGraphFormat
	}
	seen := make([]bool, nodes)
	for _, nd := range raw {
		if seen[nd.slot] {
			return nil, errGraphFormat
		}
		seen[nd.slot] = true
		base := int(nd.slot) * (g.m0 + 1)
		g.l0[base] = int32(len(nd.links[0]))
		for i, x := range nd.links[0] {
			g.l0[base+1+i] = perm[x]
		}
		if len(nd.links) > 1 {
			up := make([][]int32, len(nd.links)-1)
			for l := range up {
				up[l] = make([]int32, len(nd.links[l+1]), max(g.m, len(nd.links[l+1])))
				for i, x := range nd.links[l+1] {
					up[l][i] = perm[x]
				}
			}
			g.upper[nd.slot] = up
		}
	}
	g.entry, g.top = perm[entry], int(top)
	if g.top >= 0 && len(g.upper[g.entry]) != g.top {
		return nil, errGraphFormat
	}
	return g, nil
}

// saveGraph writes c's graph to the file when it is built, not saved yet
// and free of tombstones. The caller holds wmu (so c does not change).
func (s *Store) saveGraph(c *collection) {
	if s.cfg.ReadOnly || c.graph == nil || c.graphSaved || c.dead != 0 || c.graph.len() != len(c.ids) {
		return
	}
	start := time.Now()
	data := encodeGraph(c.graph, c)
	err := s.db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketGraphs)
		if err != nil {
			return err
		}
		return b.Put([]byte(c.name), data)
	})
	if err != nil {
		s.log.Warn("memvec: could not save HNSW graph; it will be rebuilt after a restart", "collection", c.name, "err", err)
		return
	}
	c.graphSaved = true
	s.log.Info("memvec: HNSW graph saved", "collection", c.name, "nodes", c.graph.len(), "bytes", len(data),
		"duration", time.Since(start).Round(time.Millisecond))
}

// forgetGraph deletes c's saved graph inside a write transaction.
func forgetGraph(tx *bolt.Tx, name string) error {
	if b := tx.Bucket(bucketGraphs); b != nil {
		return b.Delete([]byte(name))
	}
	return nil
}
