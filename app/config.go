// Package app is cailiang's one wiring place: it turns one Config into the
// running parts (segmenter, store, full-text index, vectors and the policy
// that keeps them trained and in sync, benchmark and crime catalogs, case
// analyzer). The service (api via cmd), the command line and eval all open
// cailiang through it, so what eval measures is what the service runs, and
// each command opens only the parts it needs (see Parts).
package app

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/cailiang/cailiang/casework/boltstore"
	"github.com/cailiang/cailiang/corpus/bleveidx"
	"github.com/cailiang/cailiang/corpus/embed"
)

// Embedder names accepted in VectorConfig.Embedder besides the remote
// providers embed.ProviderOpenAI and embed.ProviderOllama.
const (
	// EmbedderLSA trains a local LSA model from the corpus (the default).
	EmbedderLSA = "lsa"
	// EmbedderNone turns dense retrieval off.
	EmbedderNone = "none"
)

// ErrConfig is wrapped by Config.Validate errors.
var ErrConfig = errors.New("invalid configuration")

// Config is everything that decides how cailiang opens its data. The command
// line fills it from flags and the environment (cmd/cailiang's settings
// table); tests and eval fill it directly.
type Config struct {
	// DataDir holds the store (cailiang.db), the indexes (index/), the
	// embedded vectors (vectors/), the local embedder (embed/), and the
	// case workbench: its store (casework.db, apart from the corpus so
	// that statutes can be re-imported without touching cases), evidence
	// files (evidence/) and the audit key (audit.key).
	DataDir string
	// CacheDir holds files derived from the binary alone (the segmenter's
	// dictionaries); empty means the user's cache directory. It is kept out
	// of DataDir so that commands that open no data write nothing there.
	CacheDir string
	// SegMode is the full-text segmentation mode (bleveidx.ModePrecise or
	// bleveidx.ModeSearch), used when an index is created.
	SegMode string
	// BigramWeight weighs the character-bigram match at query time: 0 means
	// the index's default, negative disables it (eval's ablations).
	BigramWeight float64
	// ExemplarWeight weighs the learned vote of the case analysis
	// (caseanalysis.Config.ExemplarWeight): 0 means the default
	// (caseanalysis.DefaultExemplarWeight), negative none.
	ExemplarWeight float64
	// BM25 is the full-text scoring (zero: bleveidx's defaults).
	BM25 bleveidx.BM25
	// NoSamples skips loading the built-in illustrative cases on first use.
	NoSamples bool
	// Holidays is the agency's working-day override file (YAML, see
	// workdays.Open); empty: the State Council's schedule alone.
	Holidays string
	// DocumentTemplates is the agency's directory of document templates
	// (KIND.yaml, profiles.yaml, agencies.yaml); a file there replaces the
	// built-in one of the same name. Empty: the built-in templates.
	DocumentTemplates string
	// PGDSN, when set, makes PostgreSQL the system of record that several
	// nodes share: the case workbench's users, cases, evidence records and
	// full-process log (casework/pgstore), and the vectors (pgvector).
	// Empty: the embedded stores under DataDir.
	PGDSN string
	// Vectors configures dense retrieval.
	Vectors VectorConfig
	// Casework configures the case workbench (PartCasework).
	Casework CaseworkConfig
	// Speech configures transcription of recordings (OpenSpeech).
	Speech SpeechConfig
	// Logger receives logs; nil discards them.
	Logger *slog.Logger
	// Progress reports long imports and index builds (stage, done, total).
	Progress func(stage string, done, total int)
}

// VectorConfig configures dense retrieval.
type VectorConfig struct {
	// Embedder is EmbedderLSA (default), embed.ProviderOpenAI,
	// embed.ProviderOllama or EmbedderNone.
	Embedder string
	// URL, Model and Token configure a remote embedder.
	URL, Model, Token string
	// Dim is the LSA dimension (0: embed.DefaultDim, lowered on a small corpus).
	Dim int
}

// Validate reports the first setting that cannot work, wrapping ErrConfig.
func (c Config) Validate() error {
	switch c.SegMode {
	case "", bleveidx.ModePrecise, bleveidx.ModeSearch:
	default:
		return fmt.Errorf("%w: segmentation mode %q (want %s or %s)", ErrConfig, c.SegMode, bleveidx.ModePrecise, bleveidx.ModeSearch)
	}
	switch c.Vectors.Embedder {
	case "", EmbedderLSA, EmbedderNone, embed.ProviderOpenAI, embed.ProviderOllama:
	default:
		return fmt.Errorf("%w: embedder %q (want %s, %s, %s or %s)", ErrConfig, c.Vectors.Embedder, EmbedderLSA, embed.ProviderOpenAI, embed.ProviderOllama, EmbedderNone)
	}
	if c.Vectors.Dim < 0 || c.Vectors.Dim > 4096 {
		return fmt.Errorf("%w: embedding dimension %d (want 1–4096, or 0 for the default)", ErrConfig, c.Vectors.Dim)
	}
	return nil
}

func (c Config) withDefaults() Config {
	if c.DataDir == "" {
		c.DataDir = "data"
	}
	if c.SegMode == "" {
		c.SegMode = bleveidx.ModePrecise
	}
	if c.Vectors.Embedder == "" {
		c.Vectors.Embedder = EmbedderLSA
	}
	if c.CacheDir == "" {
		c.CacheDir = DefaultCacheDir()
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	return c
}

// DefaultCacheDir is the user's cache directory for cailiang, or one under
// the system's temporary directory when the user has none.
func DefaultCacheDir() string {
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "cailiang")
	}
	return filepath.Join(os.TempDir(), "cailiang-cache")
}

// Data directory layout, one place.
func (c Config) storePath() string    { return filepath.Join(c.DataDir, "cailiang.db") }
func (c Config) indexDir() string     { return filepath.Join(c.DataDir, "index") }
func (c Config) vectorsDir() string   { return filepath.Join(c.DataDir, "vectors") }
func (c Config) embedderDir() string  { return filepath.Join(c.DataDir, "embed") }
func (c Config) caseworkPath() string { return filepath.Join(c.DataDir, boltstore.FileName) }
func (c Config) evidenceDir() string  { return filepath.Join(c.DataDir, "evidence") }
func (c Config) auditKeyPath() string {
	if c.Casework.AuditKey != "" {
		return c.Casework.AuditKey
	}
	return filepath.Join(c.DataDir, "audit.key")
}
func (c Config) segmenterDir() string {
	return filepath.Join(c.CacheDir, "jieba")
}
