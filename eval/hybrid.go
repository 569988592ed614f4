package eval

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/embed"
	"github.com/cailiang/cailiang/corpus/memvec"
	"github.com/cailiang/cailiang/nlp/jieba"
)

// Modes lists the search modes the norm suites can be run in, in reporting
// order.
var Modes = []string{string(corpus.ModeBM25), string(corpus.ModeVector), string(corpus.ModeHybrid)}

// ErrBadMode is returned by RunModes for a mode that is not in Modes.
var ErrBadMode = errors.New("unknown search mode")

// normSuites are the suites that search Env.Norms and so depend on the
// search mode; the others (lecard, cail2019-scm) bring their own rankers and
// report every mode themselves.
var normSuites = map[string]bool{SuiteNormRelset: true, SuiteLawBench31: true}

// VectorConfig configures Corpus.EnableVectors.
type VectorConfig struct {
	// Dir holds the memvec store (created if missing); the eval data
	// directory's vectors/ sub-folder is the usual place.
	Dir string
	// Dim is the LSA dimension (default embed.DefaultDim, 256).
	Dim int
	// Seed seeds the randomised SVD (default 1) so runs are repeatable.
	Seed uint64
}

// EnableVectors trains an LSA model on the in-force article texts (law name
// + article text, what the service embeds), opens a memvec store in cfg.Dir,
// wires both into the library and embeds what the store lacks with
// SyncVectors. The caller closes the returned store after the library's
// last search. The model is retrained on every call (about a minute on the
// national statutes) rather than saved, so that a measurement never runs
// against a model trained on an older corpus; the store is kept because
// SyncVectors only embeds what is missing, so cfg.Dir must be emptied when
// the model changes (different Dim or Seed).
func (c *Corpus) EnableVectors(ctx context.Context, cfg VectorConfig) (io.Closer, error) {
	if cfg.Dir == "" {
		return nil, errors.New("enable vectors: no directory")
	}
	if cfg.Dim == 0 {
		cfg.Dim = embed.DefaultDim
	}
	if cfg.Seed == 0 {
		cfg.Seed = 1
	}
	var texts []string
	for _, info := range c.store.StatuteInfos() {
		if !info.InForce {
			continue
		}
		err := c.store.Articles(info.ID, func(a corpus.Article) error {
			texts = append(texts, info.Law+" "+a.Text())
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("enable vectors: read articles: %w", err)
		}
	}
	// jieba.Shared returns the instance OpenCorpus already loaded.
	seg, err := jieba.Shared(filepath.Join(cfg.Dir, "..", "jieba"))
	if err != nil {
		return nil, fmt.Errorf("enable vectors: load segmenter: %w", err)
	}
	start := time.Now()
	m, err := embed.TrainLSA(ctx, texts, seg, embed.LSAConfig{Dim: cfg.Dim, Seed: cfg.Seed, Logger: c.log})
	if err != nil {
		return nil, fmt.Errorf("enable vectors: train LSA on %d articles: %w", len(texts), err)
	}
	c.log.Info("eval LSA trained", "texts", len(texts), "dim", m.Dim(), "took_ms", time.Since(start).Milliseconds())
	st, err := memvec.Open(cfg.Dir, memvec.Config{Logger: c.log, BlockingBuild: true})
	if err != nil {
		return nil, fmt.Errorf("enable vectors: %w", err)
	}
	c.Library.SetVectors(&corpus.Vectors{Store: st, Embedder: m, Spec: m.Spec()})
	start = time.Now()
	if err := c.Library.SyncVectors(ctx, nil); err != nil {
		st.Close()
		return nil, fmt.Errorf("enable vectors: %w", err)
	}
	c.log.Info("eval vectors synced", "dir", cfg.Dir, "took_ms", time.Since(start).Milliseconds())
	return st, nil
}

// RunModes runs the named suites (all when names is empty) like Run, but
// runs each norm suite once per mode with env.Norms replaced by
// searchers[mode], suffixing its metric names with "/<mode>" (recall@10/
// hybrid). Suites that do not search norms run once, unchanged. Modes must
// be known and have a searcher; otherwise RunModes returns ErrBadMode before
// running anything.
func RunModes(ctx context.Context, env Env, names []string, modes []string, searchers map[string]NormSearcher) ([]Result, error) {
	known := map[string]bool{}
	for _, m := range Modes {
		known[m] = true
	}
	for _, m := range modes {
		if !known[m] || searchers[m] == nil {
			return nil, fmt.Errorf("%w %q (known: bm25, vector, hybrid)", ErrBadMode, m)
		}
	}
	if len(names) == 0 {
		names = SuiteNames()
	}
	// Check every name first, as Run does, so a typo fails before any work.
	suites := map[string]bool{}
	for _, n := range SuiteNames() {
		suites[n] = true
	}
	for _, n := range names {
		if !suites[n] {
			return nil, fmt.Errorf("%w %q (known: %s)", ErrUnknownSuite, n, strings.Join(SuiteNames(), ", "))
		}
	}
	var out []Result
	for _, n := range names {
		if !normSuites[n] {
			rs, err := Run(ctx, env, []string{n})
			if err != nil {
				return out, err
			}
			out = append(out, rs...)
			continue
		}
		for _, m := range modes {
			e := env
			e.Norms = searchers[m]
			rs, err := Run(ctx, e, []string{n})
			if err != nil {
				return out, fmt.Errorf("mode %s: %w", m, err)
			}
			for i := range rs {
				rs[i].Metric += "/" + m
			}
			out = append(out, rs...)
		}
	}
	return out, nil
}
