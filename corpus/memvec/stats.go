package memvec

import ()

// Stats describes a collection's in-memory state.
type Stats struct {
	Count      int  // live records
	Tombstones int  // deleted or replaced slots awaiting compaction
	Indexed    bool // an HNSW graph is built
	Building   bool // a graph build is running
	// Searches answered by exact scan, by the graph, and graph searches
	// redone exactly because too few filtered matches survived.
	ExactSearches, GraphSearches, Fallbacks uint64
	// Builds counts the graphs this Store built for the collection;
	// GraphLoaded is true when its graph was loaded from the file on Open
	// instead (and has not been dropped since).
	Builds      uint64
	GraphLoaded bool
}

// Stats returns a collection's in-memory state. It returns an error
// wrapping corpus.ErrNoCollection or ErrClosed.
func (s *Store) Stats(collection string) (Stats, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	c, err := s.lookup(collection)
	if err != nil {
		return Stats{}, err
	}
	return Stats{
		Count: len(c.slots), Tombstones: c.dead, Indexed: c.graph != nil, Building: s.building(c),
		ExactSearches: c.stats.exact.Load(), GraphSearches: c.stats.graph.Load(), Fallbacks: c.stats.fallback.Load(),
		Builds: c.stats.builds.Load(), GraphLoaded: c.graphLoaded && c.graph != nil,
	}, nil
}
