// Package bleveidx is the bleve v2 adapter of corpus.Index: BM25 full-text
// search over statute articles and cases, with a Chinese analyzer over an
// nlp.Segmenter registered under a stable name.
package bleveidx

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/nlp"
)

// DefaultBigramWeight weighs bigram matches in text search; see
// docs/search.md.
const DefaultBigramWeight = 3.0

// Config configures an Index.
type Config struct {
	// Dir holds norms.bleve, cases.bleve and the generation file.
	Dir string
	// Segmenter segments Chinese text of this index's documents and
	// queries; nil means nlp.RuneSegmenter.
	Segmenter nlp.Segmenter
	// Mode is ModePrecise (default) or ModeSearch, used for new indexes.
	Mode string
	// BatchSize is the number of documents per bleve batch (default 3000).
	BatchSize int
	// BigramWeight weighs the character-bigram match against the word
	// match; 0 means DefaultBigramWeight, negative none.
	BigramWeight float64
	// ReadOnly opens existing indexes without taking their write lock, so
	// that several readers can share them; nothing is created or written.
	ReadOnly bool
	// BM25 is the scoring; the zero value means DefaultBM25K1 and
	// DefaultBM25B. Every Index open at once in a process must use the same
	// (see ErrScoringConflict).
	BM25 BM25
}

// Index is the bleve implementation of corpus.Index.
type Index struct {
	cfg   Config
	mu    sync.RWMutex
	norms bleve.Index
	cases bleve.Index
	// closed makes Close idempotent, so the scoring parameters are
	// released once.
	closed bool
	// rk scores norm searches in memory when set (ranker.go); writes
	// counts writes to the norm index, which drop it; building is set
	// while one is built in the background, until buildCtx ends (Close).
	rk          atomic.Pointer[ranker]
	writes      atomic.Uint64
	building    atomic.Bool
	buildCtx    context.Context
	cancelBuild context.CancelFunc
	// accs are reusable accumulators of ranker searches.
	accs sync.Pool
}

var _ corpus.Index = (*Index)(nil)

func openOrCreate(path string, m mapping.IndexMapping, readOnly bool) (bleve.Index, error) {
	if readOnly {
		idx, err := bleve.OpenUsing(path, map[string]interface{}{"read_only": true})
		if err != nil {
			return nil, fmt.Errorf("open index %s read-only: %w", path, err)
		}
		return idx, nil
	}
	idx, err := bleve.Open(path)
	if err == nil {
		return idx, nil
	}
	if !errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	idx, err = bleve.New(path, m)
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", path, err)
	}
	return idx, nil
}

// Open opens or creates the indexes under cfg.Dir. It returns an error when
// an index exists but cannot be opened (for example, another process holds
// it), when the mode is unknown, when the BM25 parameters are out of range,
// or one wrapping ErrScoringConflict when another open Index scores with
// other BM25 parameters.
func Open(cfg Config) (*Index, error) {
	if cfg.Segmenter == nil {
		cfg.Segmenter = nlp.RuneSegmenter{}
	}
	cfg.BM25 = cfg.BM25.withDefaults()
	if cfg.BatchSize <= 0 {
		// Each batch becomes a segment that the merger later rewrites:
		// 3,000 rather than 2,000 makes a third fewer in a bulk load;
		// 4,000 fewer still, but one per core in flight raised an
		// import's peak memory by 0.35 GB.
		cfg.BatchSize = 3000
	}
	if cfg.BigramWeight == 0 {
		cfg.BigramWeight = DefaultBigramWeight
	}
	if !cfg.ReadOnly {
		if err := os.MkdirAll(cfg.Dir, 0o755); err != nil {
			return nil, fmt.Errorf("open index dir: %w", err)
		}
	}
	if err := acquireScoring(cfg.BM25); err != nil {
		return nil, err
	}
	ix := &Index{cfg: cfg}
	ix.buildCtx, ix.cancelBuild = context.WithCancel(context.Background())
	ix.accs.New = func() any { return &accumulators{} }
	if err := ix.open(); err != nil {
		ix.cancelBuild()
		releaseScoring()
		return nil, err
	}
	return ix, nil
}

func (ix *Index) open() error {
	nm, err := normMapping(ix.cfg.Mode)
	if err != nil {
		return err
	}
	cm, err := caseMapping(ix.cfg.Mode)
	if err != nil {
		return err
	}
	norms, err := openOrCreate(filepath.Join(ix.cfg.Dir, "norms.bleve"), nm, ix.cfg.ReadOnly)
	if err != nil {
		return err
	}
	cases, err := openOrCreate(filepath.Join(ix.cfg.Dir, "cases.bleve"), cm, ix.cfg.ReadOnly)
	if err != nil {
		norms.Close()
		return err
	}
	for _, idx := range []bleve.Index{norms, cases} {
		if err := bindSegmenter(idx, ix.cfg.Segmenter); err != nil {
			return errors.Join(fmt.Errorf("open index %s: %w", ix.cfg.Dir, err), norms.Close(), cases.Close())
		}
	}
	ix.norms, ix.cases = norms, cases
	return nil
}

// Close closes both indexes; later calls return nil.
func (ix *Index) Close() error {
	// A ranker being built holds a read lock; it stops at once.
	ix.cancelBuild()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return nil
	}
	ix.closed = true
	releaseScoring()
	return errors.Join(ix.norms.Close(), ix.cases.Close())
}

// Reset deletes and recreates both indexes and the generation mark.
func (ix *Index) Reset() error {
	ix.changed()
	defer ix.changed()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if err := errors.Join(ix.norms.Close(), ix.cases.Close()); err != nil {
		return fmt.Errorf("reset index: %w", err)
	}
	for _, p := range []string{"norms.bleve", "cases.bleve", "generation"} {
		if err := os.RemoveAll(filepath.Join(ix.cfg.Dir, p)); err != nil {
			return fmt.Errorf("reset index: %w", err)
		}
	}
	return ix.open()
}

// fingerprint identifies how text was analysed: the segmenter's data and the
// mode. A change means the index no longer matches what queries produce.
func (ix *Index) fingerprint() string {
	fp := "unknown"
	if f, ok := ix.cfg.Segmenter.(nlp.Fingerprinter); ok {
		fp = f.Fingerprint()
	}
	mode := ix.cfg.Mode
	if mode == "" {
		mode = ModePrecise
	}
	return fp + "|" + mode
}

// Generation reads the store generation the index was brought up to. It is
// 0 when never set, and also when the index was built with another
// dictionary or segmentation mode, so that the caller rebuilds it.
func (ix *Index) Generation() (uint64, error) {
	b, err := os.ReadFile(filepath.Join(ix.cfg.Dir, "generation"))
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read index generation: %w", err)
	}
	genText, fp, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
	if fp != ix.fingerprint() {
		return 0, nil
	}
	g, err := strconv.ParseUint(genText, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("read index generation: %w", err)
	}
	return g, nil
}

// SetGeneration records the store generation the index now reflects. It is
// written with a rename so a crash leaves the old value, never a torn one.
func (ix *Index) SetGeneration(g uint64) error {
	p := filepath.Join(ix.cfg.Dir, "generation")
	tmp := p + ".tmp"
	if err := os.WriteFile(tmp, []byte(strconv.FormatUint(g, 10)+"\n"+ix.fingerprint()), 0o644); err != nil {
		return fmt.Errorf("write index generation: %w", err)
	}
	if err := os.Rename(tmp, p); err != nil {
		return fmt.Errorf("write index generation: %w", err)
	}
	return nil
}

// Counts returns the number of indexed articles and cases.
func (ix *Index) Counts() (uint64, uint64, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	n, err := ix.norms.DocCount()
	if err != nil {
		return 0, 0, fmt.Errorf("count norms: %w", err)
	}
	c, err := ix.cases.DocCount()
	if err != nil {
		return 0, 0, fmt.Errorf("count cases: %w", err)
	}
	return n, c, nil
}
