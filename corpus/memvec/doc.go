// Package memvec is cailiang's embedded vector store, the default
// corpus.VectorStore: in-process, no server, one file in the directory
// given to Open (the service passes <data dir>/vectors).
//
// # Records
//
// Records live in the bbolt file memvec.db. The bucket "collections" maps a
// collection name to its corpus.CollectionSpec (JSON); the bucket "c/<name>"
// maps a record ID to one format byte (1), the unit vector as little-endian
// float32 and the metadata as JSON. Each Upsert and Delete is one bbolt
// transaction, fsynced at commit: a batch is written whole or not at all,
// and an acknowledged write survives a crash (TestCrashAfterUpsert kills a
// child process that never calls Close and reopens its directory).
// Validation happens before the transaction: a NaN or infinite component, an
// empty, oversized (over corpus.MaxVectorTextBytes) or non-UTF-8 ID, or metadata over
// MaxMetaBytes fails the whole batch with corpus.ErrInvalid, a vector of
// another length with corpus.ErrDimension.
//
// # Memory and search
//
// Open loads every vector into memory, in chunks of 1,024 slots that never
// move once written. Vectors are scaled to unit length on insert, so cosine
// similarity is a dot product; scores are clamped to [-1, 1]. A zero vector
// is accepted and scores 0 against everything; a zero query returns no hits.
//
// Collections of up to Config.ExactThreshold live vectors (DefaultThreshold
// by default) are searched exactly. Above it an HNSW graph is used (hnsw.go:
// Malkov & Yashunin's algorithm with the neighbour-selection heuristic,
// M=16, efConstruction=64, efSearch=100). The graph is built lazily: the
// first search over the threshold starts a background build and is
// answered exactly, as are later searches until the graph is ready
// (Config.BlockingBuild makes that first search wait instead, and BuildIndex
// waits for the graph, e.g. at start-up). The build links a snapshot of the
// vectors on all cores without holding any lock, then, holding the writer
// lock, links the vectors written meanwhile and installs the graph.
//
// Later upserts are linked into the graph one by one under the write lock;
// a batch of more than 256 drops the graph instead, to be rebuilt in the
// background. A replaced or deleted record leaves a tombstone that searches
// walk through but never return; once tombstones reach a quarter of the
// slots the collection is compacted and the graph rebuilt.
//
// Filters keep records whose metadata has every given key and value. In the
// graph, records that do not match are walked through but not collected, so
// the beam fills with matches only; if fewer than k matches are found, or
// the walk exceeds the cost of a scan, the matching records are scanned
// exactly, so a filtered search returns k hits when k records match. Counts
// of each key=value estimate a filter's selectivity, and a cost model
// (searchGraph) scans exactly when the filter is too selective for the
// graph to pay.
//
// Concurrency: searches share a read lock. Writers are serialised by their
// own mutex, held across the bbolt commit, and take the write lock only to
// apply a committed change in memory.
//
// # Why our own HNSW
//
// github.com/coder/hnsw v0.6.1, the only version on the module proxy, missed
// most true nearest neighbours when measured here (docs/vectors.md): its
// search stops at the first step that does not improve the best candidate
// and keeps only k results. It also panics ("node not added") when a key is
// added again, which an upsert does. The HNSW in hnsw.go is tested in
// hnsw_test.go; its recall and latency are measured by the Search10k and
// Search100k benchmarks (docs/vectors.md).
//
// # Saved graphs
//
// A built graph is saved in the same bbolt file (bucket "graphs", the
// nodes' record IDs and links as varints, with a CRC-32; persist.go) when
// its build ends and again at Close after upserts linked into it. Open loads
// it, renumbering nodes by record ID, so a restart does not rebuild (a
// rebuild takes tens of seconds at 100k, during which searches are exact
// scans; docs/vectors.md). Every Upsert, Delete and DropCollection deletes the
// collection's saved graph in its own transaction, so a saved graph always
// matches the records beside it. Not saved, hence rebuilt after a restart:
// a graph holding tombstones (replaced or deleted records, whose vectors are
// no longer stored), and a graph saved with other M or efConstruction. A
// damaged one fails its checksum and is rebuilt. Stats.Builds and
// Stats.GraphLoaded tell which happened; TestGraphSurvivesRestart checks
// that a restart gives the same answers without a build.
package memvec
