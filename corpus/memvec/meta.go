package memvec

import (
	"encoding/binary"
	"maps"
	"slices"

	"github.com/cailiang/cailiang/corpus"
)

// Records' metadata, held for the garbage collector.
//
// A map per record (the national statutes give some 65,000 of them, each
// with its strings) was the largest pointer-holding structure of the
// serving process: every collection cycle scanned it, during the load too.
// The collection holds each record's metadata encoded instead, in one byte
// array (pointer-free: the collector does not look inside it): the pairs in
// key order, each key and value preceded by its length as a uvarint. A map
// is made only when a caller asks for one (search hits with metadata,
// Metas).

// metaRef locates a record's encoded metadata in the collection's arena;
// the zero value is no metadata.
type metaRef struct{ off, n uint32 }

// encodeMeta appends m's encoding to dst.
func encodeMeta(dst []byte, m map[string]string) []byte {
	for _, k := range slices.Sorted(maps.Keys(m)) {
		dst = binary.AppendUvarint(dst, uint64(len(k)))
		dst = append(dst, k...)
		dst = binary.AppendUvarint(dst, uint64(len(m[k])))
		dst = append(dst, m[k]...)
	}
	return dst
}

// nextMeta splits the first pair off an encoding (ok false at its end).
func nextMeta(b []byte) (k, v, rest []byte, ok bool) {
	if len(b) == 0 {
		return nil, nil, nil, false
	}
	n, w := binary.Uvarint(b)
	k, b = b[w:w+int(n)], b[w+int(n):]
	n, w = binary.Uvarint(b)
	v, b = b[w:w+int(n)], b[w+int(n):]
	return k, v, b, true
}

// metaMap decodes an encoding into a new map (nil for no pairs, as the
// store held a record without metadata).
func metaMap(b []byte) map[string]string {
	if len(b) == 0 {
		return nil
	}
	m := map[string]string{}
	for k, v, rest, ok := nextMeta(b); ok; k, v, rest, ok = nextMeta(rest) {
		m[string(k)] = string(v)
	}
	return m
}

// metaValue is the value of key in an encoding.
func metaValue(b []byte, key string) ([]byte, bool) {
	for k, v, rest, ok := nextMeta(b); ok; k, v, rest, ok = nextMeta(rest) {
		if string(k) == key {
			return v, true
		}
	}
	return nil, false
}

// matches reports whether the encoded metadata holds every value of f.
func matches(b []byte, f corpus.VectorFilter) bool {
	for k, v := range f {
		if mv, ok := metaValue(b, k); !ok || string(mv) != v {
			return false
		}
	}
	return true
}

// meta is slot's encoded metadata (it aliases the arena: read it under
// the collection's lock, copy what is kept).
func (c *collection) meta(slot int32) []byte {
	r := c.metas[slot]
	return c.metaArena[r.off : r.off+r.n : r.off+r.n]
}

// setMeta stores enc (encodeMeta) as slot's metadata, counting its pairs, the
// slot's earlier metadata (if any) uncounted first. An encoding no longer
// than the earlier one takes its place; otherwise it is appended, and the
// arena is packed when more than half of it is left behind.
func (c *collection) setMeta(slot int32, enc []byte) {
	old := c.metas[slot]
	if old.n > 0 {
		c.count(c.meta(slot), -1)
	}
	switch {
	case len(enc) == 0:
		c.metas[slot] = metaRef{}
		c.metaWaste += int(old.n)
	case len(enc) <= int(old.n):
		copy(c.metaArena[old.off:], enc)
		c.metas[slot] = metaRef{old.off, uint32(len(enc))}
		c.metaWaste += int(old.n) - len(enc)
	default:
		c.metas[slot] = metaRef{uint32(len(c.metaArena)), uint32(len(enc))}
		c.metaArena = append(c.metaArena, enc...)
		c.metaWaste += int(old.n)
	}
	c.count(enc, 1)
	if c.metaWaste > 1<<16 && 2*c.metaWaste > len(c.metaArena) {
		c.packMetas()
	}
}

// dropMeta forgets slot's metadata (a tombstone), uncounting it.
func (c *collection) dropMeta(slot int32) {
	if old := c.metas[slot]; old.n > 0 {
		c.count(c.meta(slot), -1)
		c.metaWaste += int(old.n)
	}
	c.metas[slot] = metaRef{}
}

// packMetas copies the live slots' metadata into a new arena.
func (c *collection) packMetas() {
	arena := make([]byte, 0, len(c.metaArena)-c.metaWaste)
	for s, r := range c.metas {
		if r.n == 0 {
			continue
		}
		c.metas[s] = metaRef{uint32(len(arena)), r.n}
		arena = append(arena, c.metaArena[r.off:r.off+r.n]...)
	}
	c.metaArena, c.metaWaste = arena, 0
}
