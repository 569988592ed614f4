package memvec

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/cailiang/cailiang/corpus"
)

// Search returns up to k records nearest to q by cosine similarity (Score in
// [-1, 1], highest first, ties by ID) among those whose metadata has every
// key and value of filter. Collections over Config.ExactThreshold are
// searched with HNSW; a filtered HNSW search that finds fewer than k matches
// is redone exactly over the matching records. k <= 0 and a zero q return no
// hits. It returns an error wrapping corpus.ErrNoCollection,
// corpus.ErrDimension, corpus.ErrInvalid (NaN or infinite components),
// ErrClosed or the context's error.
func (s *Store) Search(ctx context.Context, collection string, q []float32, k int, filter corpus.VectorFilter) ([]corpus.VectorHit, error) {
	return s.search(ctx, collection, q, k, filter, true)
}

// SearchIDs is Search without the records' metadata (corpus.IDSearcher):
// each hit's Meta is nil, and no copy of it is made.
func (s *Store) SearchIDs(ctx context.Context, collection string, q []float32, k int, filter corpus.VectorFilter) ([]corpus.VectorHit, error) {
	return s.search(ctx, collection, q, k, filter, false)
}

func (s *Store) search(ctx context.Context, collection string, q []float32, k int, filter corpus.VectorFilter, withMeta bool) ([]corpus.VectorHit, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	c, err := s.lookup(collection)
	if err != nil {
		s.mu.RUnlock()
		return nil, err
	}
	if len(q) != c.spec.Dim {
		s.mu.RUnlock()
		return nil, fmt.Errorf("memvec: query of %d dimensions, collection %q has %d: %w", len(q), collection, c.spec.Dim, corpus.ErrDimension)
	}
	uq, err := unit(q)
	if err != nil {
		s.mu.RUnlock()
		return nil, fmt.Errorf("memvec: query: %w", err)
	}
	if k <= 0 || isZero(uq) {
		s.mu.RUnlock()
		return []corpus.VectorHit{}, nil
	}
	if s.cfg.BlockingBuild && c.graph == nil && s.wantGraph(c) {
		done := s.startBuild(c)
		s.mu.RUnlock()
		select {
		case <-done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		s.mu.RLock()
		if c, err = s.lookup(collection); err != nil {
			s.mu.RUnlock()
			return nil, err
		}
		if len(q) != c.spec.Dim { // dropped and recreated meanwhile
			s.mu.RUnlock()
			return nil, fmt.Errorf("memvec: query of %d dimensions, collection %q has %d: %w", len(q), collection, c.spec.Dim, corpus.ErrDimension)
		}
	}
	defer s.mu.RUnlock()
	est := c.estimate(filter)
	if est == 0 {
		return []corpus.VectorHit{}, nil
	}
	var res []cand
	switch {
	case !s.wantGraph(c):
		c.stats.exact.Add(1)
		res = c.searchExact(uq, k, filter)
	case c.graph == nil:
		s.startBuild(c)
		c.stats.exact.Add(1)
		res = c.searchExact(uq, k, filter)
	default:
		res = s.searchGraph(c, uq, k, filter, est)
	}
	return c.hits(res, withMeta), nil
}

// searchGraph searches the HNSW graph, or scans exactly when that is
// cheaper. Filtered graph searches walk through non-matching nodes without
// returning them, so the beam fills with matches only; when fewer than k
// matches are found (the filter's estimate was too high, or the walk hit its
// budget) the matching records are scanned exactly.
//
// Cost model, in similarity computations: a graph search visits about
// 5·ef/selectivity nodes (measured: ~5·ef unfiltered, fewer per match with
// a filter); an exact scan computes one per matching record plus a metadata
// check, worth about a quarter of one, per record.
func (s *Store) searchGraph(c *collection, q []float32, k int, filter corpus.VectorFilter, est int) []cand {
	live := len(c.slots)
	ef := max(s.cfg.EfSearch, k)
	exactCost := live
	if len(filter) > 0 {
		exactCost = est + live/4
	}
	if 5*ef*live/est >= exactCost {
		c.stats.exact.Add(1)
		return c.searchExact(q, k, filter)
	}
	maxVisit := 0
	if len(filter) > 0 {
		maxVisit = exactCost
	}
	accept := func(slot int32) bool {
		return c.ids[slot] != "" && (len(filter) == 0 || matches(c.meta(slot), filter))
	}
	vis := visitPool.Get().(*visitSet)
	res := c.graph.search(q, k, ef, accept, vis, maxVisit)
	visitPool.Put(vis)
	c.stats.graph.Add(1)
	if len(res) < min(k, est) {
		c.stats.fallback.Add(1)
		return c.searchExact(q, k, filter)
	}
	return res
}

func isZero(v []float32) bool {
	for _, x := range v {
		if x != 0 {
			return false
		}
	}
	return true
}

func (c *collection) hits(res []cand, withMeta bool) []corpus.VectorHit {
	out := make([]corpus.VectorHit, len(res))
	for i, r := range res {
		h := corpus.VectorHit{ID: c.ids[r.id], Score: math.Max(-1, math.Min(1, float64(r.sim)))}
		if m := c.meta(r.id); withMeta && len(m) > 0 {
			// A map of its own, so that callers cannot change the store.
			h.Meta = metaMap(m)
		}
		out[i] = h
	}
	slices.SortStableFunc(out, func(a, b corpus.VectorHit) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}
