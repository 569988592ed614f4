package memvec

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"

	bolt "go.etcd.io/bbolt"

	"github.com/cailiang/cailiang/corpus"
)

// maxGraphBatch is the largest Upsert linked into an existing graph; a
// larger one drops the graph, which the next search rebuilds in the
// background (linking one vector into a 100k graph costs ~0.5 ms, spent
// under the write lock).
const maxGraphBatch = 256

// recordFormat is the first byte of every stored record.
const recordFormat = 1

// EnsureCollection creates the collection or checks that it exists with
// spec. It returns an error wrapping corpus.ErrSpecMismatch when the
// collection exists with another spec, corpus.ErrInvalid for an empty or
// oversized name or a spec without embedder or with a dimension outside
// 1..MaxDim, ErrClosed, the context's error, or the file's write error.
func (s *Store) EnsureCollection(ctx context.Context, name string, spec corpus.CollectionSpec) error {
	if err := s.canWrite(ctx); err != nil {
		return err
	}
	if err := corpus.ValidateVectorText("collection name", name); err != nil {
		return err
	}
	if spec.Embedder == "" || spec.Dim < 1 || spec.Dim > MaxDim {
		return invalid("collection %q: spec %+v needs an embedder and a dimension in 1..%d", name, spec, MaxDim)
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.closed {
		return ErrClosed
	}
	if c, ok := s.cols[name]; ok {
		if c.spec != spec {
			return fmt.Errorf("memvec: collection %q has embedder %q dim %d, not %q dim %d: %w",
				name, c.spec.Embedder, c.spec.Dim, spec.Embedder, spec.Dim, corpus.ErrSpecMismatch)
		}
		return nil
	}
	c := newCollection(name, spec)
	js, err := json.Marshal(spec)
	if err != nil {
		return fmt.Errorf("memvec: create collection %q: %w", name, err)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		if _, err := tx.CreateBucketIfNotExists(c.bucket); err != nil {
			return err
		}
		return tx.Bucket(bucketCollections).Put([]byte(name), js)
	})
	if err != nil {
		return fmt.Errorf("memvec: create collection %q: %w", name, err)
	}
	s.mu.Lock()
	s.cols[name] = c
	s.mu.Unlock()
	return nil
}

// DropCollection deletes the collection and its records; dropping an absent
// collection does nothing. It returns ErrClosed, the context's error or the
// file's write error.
func (s *Store) DropCollection(ctx context.Context, name string) error {
	if err := s.canWrite(ctx); err != nil {
		return err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.closed {
		return ErrClosed
	}
	c, ok := s.cols[name]
	if !ok {
		return nil
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(c.bucket); err != nil && !errors.Is(err, bolt.ErrBucketNotFound) {
			return err
		}
		if err := forgetGraph(tx, name); err != nil {
			return err
		}
		return tx.Bucket(bucketCollections).Delete([]byte(name))
	})
	if err != nil {
		return fmt.Errorf("memvec: drop collection %q: %w", name, err)
	}
	s.mu.Lock()
	delete(s.cols, name)
	c.gen++
	s.bmu.Lock()
	if c.state != nil {
		c.state.abandon.Store(true)
	}
	s.bmu.Unlock()
	s.mu.Unlock()
	return nil
}

// prepared is a validated record: its unit vector and its stored bytes.
type prepared struct {
	id   string
	vec  []float32
	meta []byte // encodeMeta
	val  []byte
}

func prepare(i int, r corpus.VectorRecord, dim int) (prepared, error) {
	if err := corpus.ValidateRecord(i, r, dim); err != nil {
		return prepared{}, fmt.Errorf("memvec: %w", err)
	}
	v, err := unit(r.Vector)
	if err != nil {
		return prepared{}, fmt.Errorf("memvec: record %q: %w", r.ID, err)
	}
	var js []byte
	meta := maps.Clone(r.Meta)
	if len(meta) > 0 {
		if js, err = json.Marshal(meta); err != nil {
			return prepared{}, fmt.Errorf("memvec: record %q: %w", r.ID, err)
		}
		if len(js) > MaxMetaBytes {
			return prepared{}, invalid("record %q: metadata of %d bytes (at most %d)", r.ID, len(js), MaxMetaBytes)
		}
	} else {
		meta = nil
	}
	return prepared{id: r.ID, vec: v, meta: encodeMeta(nil, meta), val: encodeRecord(v, js)}, nil
}

// unit returns v scaled to length 1. A zero vector stays zero (it scores 0
// against everything); NaN or infinite components are an error wrapping
// corpus.ErrInvalid.
func unit(v []float32) ([]float32, error) {
	if err := corpus.ValidateVector("vector", v); err != nil {
		return nil, err
	}
	var n float64
	for _, x := range v {
		n += float64(x) * float64(x)
	}
	out := make([]float32, len(v))
	if n == 0 {
		return out, nil
	}
	n = math.Sqrt(n)
	for i, x := range v {
		out[i] = float32(float64(x) / n)
	}
	return out, nil
}

func encodeRecord(v []float32, meta []byte) []byte {
	b := make([]byte, 1, 1+4*len(v)+len(meta))
	b[0] = recordFormat
	for _, x := range v {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(x))
	}
	return append(b, meta...)
}

// decodeRecord reads a stored record (encodeRecord) into the caller's
// buffers, as a load reads every record once and the collection copies
// both: the vector into v (of the collection's dimension), the metadata
// appended to enc in encodeMeta's form and returned. The JSON object is
// decoded through scratch, which it empties first: a load makes one map,
// not one per record.
func decodeRecord(b []byte, v []float32, enc []byte, scratch map[string]string) ([]byte, error) {
	if len(b) < 1+4*len(v) || b[0] != recordFormat {
		return nil, fmt.Errorf("malformed record of %d bytes", len(b))
	}
	for i := range v {
		v[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[1+4*i:]))
	}
	clear(scratch)
	if rest := b[1+4*len(v):]; len(rest) > 0 {
		if err := json.Unmarshal(rest, &scratch); err != nil {
			return nil, fmt.Errorf("metadata: %w", err)
		}
	}
	return encodeMeta(enc, scratch), nil
}

// Upsert inserts or replaces records by ID in one fsynced transaction: all
// or nothing. Vectors are stored scaled to unit length. It returns an error
// wrapping corpus.ErrNoCollection, corpus.ErrDimension (a vector of another
// length), corpus.ErrInvalid (an empty, oversized or non-UTF-8 ID or
// metadata, a NaN or infinite component), ErrClosed, the context's error or
// the file's write error; on error nothing is written.
func (s *Store) Upsert(ctx context.Context, collection string, recs []corpus.VectorRecord) error {
	if err := s.canWrite(ctx); err != nil {
		return err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	c, err := s.lookup(collection)
	if err != nil {
		return err
	}
	if len(recs) == 0 {
		return nil
	}
	ps := make([]prepared, len(recs))
	for i, r := range recs {
		if ps[i], err = prepare(i, r, c.spec.Dim); err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(c.bucket)
		for _, p := range ps {
			if err := b.Put([]byte(p.id), p.val); err != nil {
				return err
			}
		}
		return forgetGraph(tx, c.name)
	})
	if err != nil {
		return fmt.Errorf("memvec: upsert into %q: %w", collection, err)
	}
	c.graphSaved = false
	s.mu.Lock()
	defer s.mu.Unlock()
	// Builds start under mu's read lock, so none can start from here on.
	building := s.building(c)
	if c.graph != nil && len(ps) > maxGraphBatch {
		// Linking happens under the write lock; for a large batch a
		// background rebuild blocks readers less.
		c.graph = nil
	}
	var vis *visitSet
	if c.graph != nil {
		vis = visitPool.Get().(*visitSet)
		defer visitPool.Put(vis)
	}
	for _, p := range ps {
		if old, ok := c.slots[p.id]; ok {
			if c.graph == nil && !building {
				// No graph refers to slots: replace in place.
				copy(c.vec(old), p.vec)
				c.setMeta(old, p.meta)
				continue
			}
			c.kill(old)
		}
		slot := c.appendSlot(p.id, p.vec, p.meta)
		if c.graph != nil {
			c.graph.vecs = c.vecTable()
			c.graph.insert(slot, vis)
		}
	}
	if !building && c.needsCompaction() {
		c.compact()
	}
	return nil
}

// Delete removes records by ID in one fsynced transaction; unknown IDs are
// ignored. It returns an error wrapping corpus.ErrNoCollection, ErrClosed,
// the context's error or the file's write error.
func (s *Store) Delete(ctx context.Context, collection string, ids []string) error {
	if err := s.canWrite(ctx); err != nil {
		return err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	c, err := s.lookup(collection)
	if err != nil {
		return err
	}
	var gone []int32
	seen := map[int32]bool{}
	for _, id := range ids {
		if slot, ok := c.slots[id]; ok && !seen[slot] {
			seen[slot] = true
			gone = append(gone, slot)
		}
	}
	if len(gone) == 0 {
		return nil
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(c.bucket)
		for _, slot := range gone {
			if err := b.Delete([]byte(c.ids[slot])); err != nil {
				return err
			}
		}
		return forgetGraph(tx, c.name)
	})
	if err != nil {
		return fmt.Errorf("memvec: delete from %q: %w", collection, err)
	}
	c.graphSaved = false
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, slot := range gone {
		c.kill(slot)
	}
	if !s.building(c) && c.needsCompaction() {
		c.compact()
	}
	return nil
}

// IDs lists the collection's record IDs in byte order. It returns an error
// wrapping corpus.ErrNoCollection, ErrClosed or the context's error.
func (s *Store) IDs(ctx context.Context, collection string) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	c, err := s.lookup(collection)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(c.slots))
	for id := range c.slots {
		out = append(out, id)
	}
	slices.Sort(out)
	return out, nil
}

// Metas returns a copy of every live record's metadata by ID. It returns an
// error wrapping corpus.ErrNoCollection, ErrClosed or the context's error.
func (s *Store) Metas(ctx context.Context, collection string) (map[string]map[string]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	c, err := s.lookup(collection)
	if err != nil {
		return nil, err
	}
	out := make(map[string]map[string]string, len(c.slots))
	for id, slot := range c.slots {
		out[id] = metaMap(c.meta(slot))
	}
	return out, nil
}

// Count returns the number of records in the collection. It returns an
// error wrapping corpus.ErrNoCollection, ErrClosed or the context's error.
func (s *Store) Count(ctx context.Context, collection string) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	c, err := s.lookup(collection)
	if err != nil {
		return 0, err
	}
	return len(c.slots), nil
}

// canWrite is the first check of every write: a read-only store refuses
// (ErrReadOnly), and so does a cancelled context.
func (s *Store) canWrite(ctx context.Context) error {
	if s.cfg.ReadOnly {
		return ErrReadOnly
	}
	return ctx.Err()
}
