package memvec

import (
	"context"
	"time"
)

// wantGraph reports whether c is large enough for HNSW.
func (s *Store) wantGraph(c *collection) bool {
	return s.cfg.ExactThreshold > 0 && len(c.slots) > s.cfg.ExactThreshold
}

// BuildIndex builds the HNSW graph of a collection over the threshold, or
// waits for the build in progress, and returns when searches use it. It
// does nothing for smaller collections. The service may call it at start-up
// so that no search has to wait. It returns an error wrapping
// corpus.ErrNoCollection, ErrClosed or the context's error.
func (s *Store) BuildIndex(ctx context.Context, collection string) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		s.mu.RLock()
		c, err := s.lookup(collection)
		if err != nil {
			s.mu.RUnlock()
			return err
		}
		if c.graph != nil || !s.wantGraph(c) {
			s.mu.RUnlock()
			return nil
		}
		done := s.startBuild(c)
		s.mu.RUnlock()
		select {
		case <-done:
		case <-ctx.Done():
			return ctx.Err()
		}
		// A build can end without a graph (compaction or a drop raced it):
		// look again.
	}
}

// building reports whether a build of c runs.
func (s *Store) building(c *collection) bool {
	s.bmu.Lock()
	defer s.bmu.Unlock()
	return c.state != nil
}

// startBuild starts a background build of c's graph unless one runs, and
// returns a channel closed when it ends. The caller holds mu for reading.
func (s *Store) startBuild(c *collection) <-chan struct{} {
	s.bmu.Lock()
	defer s.bmu.Unlock()
	if c.state != nil {
		return c.state.done
	}
	st := &buildState{done: make(chan struct{})}
	c.state = st
	// Snapshot under the caller's read lock: slots below n are immutable
	// while c.state is set (no in-place replacement, no compaction).
	vt, n, gen := c.vecTable(), len(c.ids), c.gen
	dead := make([]bool, n)
	for i, id := range c.ids {
		dead[i] = id == ""
	}
	s.wg.Add(1)
	go s.build(c, st, vt, dead, gen)
	return st.done
}

// build links the snapshot's slots without any lock, then, holding the
// writer lock, links the slots written since and installs the graph.
func (s *Store) build(c *collection, st *buildState, vt vecTable, dead []bool, gen uint64) {
	start := time.Now()
	defer s.wg.Done()
	defer func() {
		s.bmu.Lock()
		c.state = nil
		s.bmu.Unlock()
		close(st.done)
	}()
	stop := func() bool {
		select {
		case <-s.stop:
			return true
		default:
			return st.abandon.Load()
		}
	}
	g, ok := buildParallel(s.cfg.M, s.cfg.EfConstruction, int64(gen)+1, vt, dead, s.cfg.BuildWorkers, stop)
	if !ok {
		return
	}
	vis := new(visitSet)
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.closed || c.gen != gen || s.cols[c.name] != c {
		return
	}
	g.vecs = c.vecTable()
	for i := len(dead); i < len(c.ids); i++ {
		if c.ids[i] == "" {
			g.addIsolated(int32(i))
		} else {
			g.insert(int32(i), vis)
		}
	}
	// The records written during the build were inserted one by one,
	// whose pruning can strand a node too.
	g.relinked += g.reconnect(c.live)
	s.mu.Lock()
	c.graph, c.graphLoaded = g, false
	s.mu.Unlock()
	c.stats.builds.Add(1)
	s.log.Info("memvec: HNSW graph built", "collection", c.name, "nodes", g.len(),
		"caught_up", g.len()-len(dead), "relinked", g.relinked, "duration", time.Since(start).Round(time.Millisecond))
	s.saveGraph(c)
}
