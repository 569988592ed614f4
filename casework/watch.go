package casework

import "context"

// Event says that a committed change touched a case, as a store shared by
// several nodes reports it to every node. Nodes use events to keep what
// they hold in memory fresh: the similar-case index of shared closed cases,
// and the web workbench's queues, which refresh when a case in them changes
// on another node.
type Event struct {
	// CaseID is the case that changed.
	CaseID string `json:"case"`
	// Version is the case's version after the change; 0 when the change did
	// not change the case itself (an evidence record was attached).
	Version int64 `json:"version"`
	// Missed is set (with CaseID empty) after the watcher lost its
	// connection and reconnected: changes in between were not reported, so
	// a node reloads whatever it holds in memory.
	Missed bool `json:"missed,omitempty"`
}

// Watcher is implemented by stores that several nodes share (PostgreSQL);
// the embedded store, which only one process opens, needs none.
type Watcher interface {
	// Watch reports every case change committed by any node, from now until
	// ctx ends, when the channel is closed. It returns an error when it
	// cannot start listening; later connection losses are retried and
	// reported as an Event with Missed set.
	Watch(ctx context.Context) (<-chan Event, error)
}
