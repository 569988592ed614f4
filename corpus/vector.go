package corpus

import (
	"context"
	"errors"
)

// Embedder turns texts into dense vectors. It has the method set of
// langchaingo's embeddings.Embedder, so local and remote embedders
// (corpus/embed) satisfy both without corpus importing langchaingo.
type Embedder interface {
	EmbedDocuments(ctx context.Context, texts []string) ([][]float32, error)
	EmbedQuery(ctx context.Context, text string) ([]float32, error)
}

// WordEmbedder is implemented by embedders that can embed a query given as
// words their segmenter has already cut, which saves cutting the text
// again when the caller has the words.
type WordEmbedder interface {
	EmbedWords(ctx context.Context, words []string) ([]float32, error)
}

// CollectionSpec identifies what produced a collection's vectors. Vectors of
// two embedders, or of two dimensions, are never mixed in one collection.
type CollectionSpec struct {
	// Embedder names the embedder and its version/model, e.g.
	// "lsa-v1:sha256…" or "openai:text-embedding-3-small".
	Embedder string `json:"embedder"`
	Dim      int    `json:"dim"`
}

// VectorRecord is one vector with its metadata (used for filters).
type VectorRecord struct {
	ID     string            `json:"id"`
	Vector []float32         `json:"vector"`
	Meta   map[string]string `json:"meta,omitempty"`
}

// DigestKey is the metadata key under which SyncVectors records the
// TextDigest of the text a vector embeds: a record whose digest differs from
// its source's text now is stale and is embedded again.
const DigestKey = "digest"

// VectorFilter keeps records whose metadata equals every given value.
type VectorFilter map[string]string

// VectorHit is a search result; Score is cosine similarity (higher is closer).
type VectorHit struct {
	ID    string            `json:"id"`
	Score float64           `json:"score"`
	Meta  map[string]string `json:"meta,omitempty"`
}

// Errors of vector stores.
var (
	// ErrSpecMismatch: the collection exists with another embedder or
	// dimension; drop it and re-embed.
	ErrSpecMismatch = errors.New("collection was built by another embedder or dimension")
	// ErrNoCollection: the collection does not exist.
	ErrNoCollection = errors.New("no such collection")
	// ErrDimension: a vector's length differs from the collection's.
	ErrDimension = errors.New("vector dimension mismatch")
)

// VectorStore stores vectors in named collections with upsert, metadata
// filters and nearest-neighbour search. corpus/memvec (embedded, default)
// and corpus/pgvec (PostgreSQL + pgvector) implement it and pass the same
// conformance suite in corpus/vectortest.
type VectorStore interface {
	// EnsureCollection creates the collection or checks that it was built
	// with spec; ErrSpecMismatch otherwise.
	EnsureCollection(ctx context.Context, name string, spec CollectionSpec) error
	// DropCollection deletes a collection and its vectors (no error when
	// absent).
	DropCollection(ctx context.Context, name string) error
	// Upsert inserts or replaces records by ID; all or nothing.
	Upsert(ctx context.Context, collection string, recs []VectorRecord) error
	// Delete removes records by ID (unknown IDs are ignored).
	Delete(ctx context.Context, collection string, ids []string) error
	// Search returns up to k records nearest to q that match filter.
	Search(ctx context.Context, collection string, q []float32, k int, filter VectorFilter) ([]VectorHit, error)
	// IDs lists every record ID in the collection (for resuming an
	// interrupted embedding run without duplicates).
	IDs(ctx context.Context, collection string) ([]string, error)
	// Metas returns every record's metadata by ID. SyncVectors compares
	// it (the DigestKey among it) with what the corpus would write now to
	// find records that are stale. Callers must not modify the maps.
	Metas(ctx context.Context, collection string) (map[string]map[string]string, error)
	// Count returns the number of records in the collection.
	Count(ctx context.Context, collection string) (int, error)
	Close() error
}

// IDSearcher is implemented by vector stores that can answer a search
// without the records' metadata (each hit's Meta nil), for callers that
// want IDs and scores only and should not pay for copying the rest.
type IDSearcher interface {
	SearchIDs(ctx context.Context, collection string, q []float32, k int, filter VectorFilter) ([]VectorHit, error)
}

// LoadFinisher is implemented by vector stores that defer index
// maintenance during bulk loads (pgvec opened with DeferIndex). SyncVectors
// calls LoadDone once per collection after adding vectors, so a bulk load
// is indexed once at the end instead of on every insert.
type LoadFinisher interface {
	LoadDone(ctx context.Context, collection string) error
}
