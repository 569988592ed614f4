package embed

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/tmc/langchaingo/embeddings"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/nlp"
)

// Limits and defaults of LSAConfig.
const (
	// DefaultDim is the output dimension when LSAConfig.Dim is 0.
	DefaultDim = 256
	// MaxDim is the largest output dimension TrainLSA accepts.
	MaxDim = 384
	// DefaultMaxFeatures caps the vocabulary (words plus bigrams).
	DefaultMaxFeatures = 50000
	// DefaultMinDF is the fewest texts a feature must occur in.
	DefaultMinDF = 2
	// DefaultOversample is the number of extra random directions of the
	// randomized SVD beyond Dim.
	DefaultOversample = 16
	// DefaultPowerIters is the number of extra subspace iterations. One:
	// a second cost an import of national.jsonl two of the seven sparse
	// products and one of the three orthonormalisations (about 6 s of
	// CPU) for no change in the retrieval suites (docs/vectors.md).
	DefaultPowerIters = 1
	// DefaultMaxSVDTexts is how many texts the SVD learns from when there
	// are more: an evenly spaced sample. The vocabulary, the IDF weights
	// and the training texts' vectors still come from every text; the
	// sparse products of the SVD, most of training's CPU, shrink with the
	// sample (national.jsonl: 59,185 texts, about half).
	DefaultMaxSVDTexts = 30000
	// DefaultMaxTextBytes is how much of a text is read; the rest is ignored.
	DefaultMaxTextBytes = 1 << 20
)

// lsaKind names the method and the file format version in CollectionSpec.
const lsaKind = "lsa-v1"

// Errors of the LSA embedder.
var (
	// ErrConfig: a configuration value is out of range.
	ErrConfig = errors.New("embed: invalid configuration")
	// ErrTooFewTexts: the training texts yield fewer documents or features
	// than the requested dimension.
	ErrTooFewTexts = errors.New("embed: too few texts or features for the requested dimension")
	// ErrFormat: a saved model is truncated, corrupt or of another version.
	ErrFormat = errors.New("embed: invalid model file")
	// ErrSegmenter: the model was trained with a segmenter whose fingerprint
	// differs from the one given at load time; its word features would not
	// match. Retrain the model.
	ErrSegmenter = errors.New("embed: model was trained with another segmenter")
)

// LSAConfig configures TrainLSA. The zero value gives the defaults.
type LSAConfig struct {
	// Dim is the output dimension: DefaultDim when 0, at most MaxDim, and
	// at most the number of texts and of features kept.
	Dim int
	// MaxFeatures keeps the features occurring in the most texts (ties by
	// byte order); DefaultMaxFeatures when 0.
	MaxFeatures int
	// MinDF drops features occurring in fewer texts; DefaultMinDF when 0.
	MinDF int
	// MaxDFRatio drops features occurring in more than this fraction of the
	// texts; 0 keeps them all (IDF already weighs them down).
	MaxDFRatio float64
	// MaxSVDTexts bounds the texts the SVD learns from (an evenly spaced
	// sample in text order); DefaultMaxSVDTexts when 0, all when negative.
	MaxSVDTexts int
	// Oversample and PowerIters tune the randomized SVD (DefaultOversample,
	// DefaultPowerIters when 0; PowerIters < 0 means none).
	Oversample int
	PowerIters int
	// NoCenter skips mean-centring the TF-IDF matrix. By default the SVD is
	// of the centred matrix (PCA), which removes the direction common to all
	// texts that otherwise makes every pair of vectors look alike.
	NoCenter bool
	// Seed seeds the random projection; equal texts, config and seed give a
	// byte-identical model.
	Seed uint64
	// MaxTextBytes bounds how much of each text (training and embedding) is
	// read; DefaultMaxTextBytes when 0.
	MaxTextBytes int
	// Workers bounds parallelism; runtime.GOMAXPROCS(0) when 0.
	Workers int
	// Logger receives a summary line; slog.Default() when nil.
	Logger *slog.Logger
	// Progress, when set, is called as stages advance ("features",
	// "svd"), for a terminal progress bar.
	Progress func(stage string, done, total int)
}

func (c LSAConfig) withDefaults() (LSAConfig, error) {
	if c.Dim == 0 {
		c.Dim = DefaultDim
	}
	if c.MaxFeatures == 0 {
		c.MaxFeatures = DefaultMaxFeatures
	}
	if c.MinDF == 0 {
		c.MinDF = DefaultMinDF
	}
	if c.Oversample == 0 {
		c.Oversample = DefaultOversample
	}
	if c.PowerIters == 0 {
		c.PowerIters = DefaultPowerIters
	} else if c.PowerIters < 0 {
		c.PowerIters = 0
	}
	if c.MaxTextBytes == 0 {
		c.MaxTextBytes = DefaultMaxTextBytes
	}
	if c.MaxSVDTexts == 0 {
		c.MaxSVDTexts = DefaultMaxSVDTexts
	}
	if c.Workers <= 0 {
		c.Workers = defaultWorkers()
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	switch {
	case c.Dim < 1 || c.Dim > MaxDim:
		return c, fmt.Errorf("%w: Dim %d not in 1..%d", ErrConfig, c.Dim, MaxDim)
	case c.MaxFeatures < 1:
		return c, fmt.Errorf("%w: MaxFeatures %d", ErrConfig, c.MaxFeatures)
	case c.MinDF < 1:
		return c, fmt.Errorf("%w: MinDF %d", ErrConfig, c.MinDF)
	case c.MaxDFRatio < 0 || c.MaxDFRatio > 1:
		return c, fmt.Errorf("%w: MaxDFRatio %g not in [0,1]", ErrConfig, c.MaxDFRatio)
	case c.Oversample < 0:
		return c, fmt.Errorf("%w: Oversample %d", ErrConfig, c.Oversample)
	case c.MaxTextBytes < 0:
		return c, fmt.Errorf("%w: MaxTextBytes %d", ErrConfig, c.MaxTextBytes)
	}
	return c, nil
}

// LSA is the local embedder: TF-IDF over segmenter words and character
// bigrams projected on the top singular vectors of the training matrix. It
// is safe for concurrent use and immutable once trained or loaded.
type LSA struct {
	seg          nlp.Segmenter
	segFP        string
	dim          int
	maxTextBytes int
	workers      int
	docs         int // number of training texts

	index    map[string]int32 // feature key → row of v
	features []string         // feature keys in row order (sorted)
	idf      []float32
	v        []float32 // len(features)×dim, row-major
	meanProj []float32 // μᵀV, nil when not centred
	sigma    []float32

	sum  [32]byte // SHA-256 of the saved form
	null []float32
}

var (
	_ corpus.WordEmbedder                       = (*LSA)(nil)
	_ corpus.Embedder                           = (*LSA)(nil)
	_ embeddings.Embedder                       = (*LSA)(nil)
	_ corpus.Embedder                           = (*Remote)(nil)
	_ embeddings.Embedder                       = (*Remote)(nil)
	_ interface{ Spec() corpus.CollectionSpec } = (*LSA)(nil)
	_ interface{ Spec() corpus.CollectionSpec } = (*Remote)(nil)
)

func defaultWorkers() int { return runtime.GOMAXPROCS(0) }

// segFingerprint identifies a segmenter: its Fingerprint when it has one,
// else its type.
func segFingerprint(seg nlp.Segmenter) string {
	if f, ok := seg.(nlp.Fingerprinter); ok {
		return f.Fingerprint()
	}
	return fmt.Sprintf("%T", seg)
}

// docCounts is one training text's features: interned ids and counts.
type docCounts struct {
	ids    []uint32
	counts []uint32
}

// TrainLSA builds an LSA model from texts (for instance every article of the
// statutes in force). It returns ErrConfig for out-of-range settings,
// ErrTooFewTexts when the texts yield fewer documents or features than
// cfg.Dim, the context's error when ctx is cancelled, and an error when the
// eigensolver fails. seg must not be nil.
func TrainLSA(ctx context.Context, texts []string, seg nlp.Segmenter, cfg LSAConfig) (*LSA, error) {
	m, _, err := trainLSA(ctx, texts, seg, cfg, false)
	return m, err
}

// TrainLSAVectors is TrainLSA that also returns the vector of every
// training text, equal bit for bit to what the model's EmbedDocuments
// gives for texts, but computed from the term counts training has
// already taken: the texts are not segmented a second time. An import
// that trains the model on the corpus it then embeds saves that second
// pass over almost every text.
func TrainLSAVectors(ctx context.Context, texts []string, seg nlp.Segmenter, cfg LSAConfig) (*LSA, [][]float32, error) {
	return trainLSA(ctx, texts, seg, cfg, true)
}

func trainLSA(ctx context.Context, texts []string, seg nlp.Segmenter, cfg LSAConfig, withVectors bool) (*LSA, [][]float32, error) {
	start := time.Now()
	if seg == nil {
		return nil, nil, fmt.Errorf("%w: nil segmenter", ErrConfig)
	}
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, nil, err
	}
	n := len(texts)
	if n < cfg.Dim {
		return nil, nil, fmt.Errorf("%w: %d texts for dimension %d", ErrTooFewTexts, n, cfg.Dim)
	}

	// 1. Features of every text, interned in text order.
	docs, keys, df, err := countFeatures(ctx, texts, seg, cfg)
	if err != nil {
		return nil, nil, err
	}
	featTime := time.Since(start)

	// 2. Vocabulary: df in [MinDF, MaxDFRatio·n], the MaxFeatures most
	// frequent (ties by key), stored in key order.
	maxDF := n
	if cfg.MaxDFRatio > 0 {
		maxDF = int(math.Floor(cfg.MaxDFRatio * float64(n)))
	}
	var cand []uint32
	for id, d := range df {
		if int(d) >= cfg.MinDF && int(d) <= maxDF {
			cand = append(cand, uint32(id))
		}
	}
	sort.Slice(cand, func(i, j int) bool {
		a, b := cand[i], cand[j]
		if df[a] != df[b] {
			return df[a] > df[b]
		}
		return keys[a] < keys[b]
	})
	if len(cand) > cfg.MaxFeatures {
		cand = cand[:cfg.MaxFeatures]
	}
	sort.Slice(cand, func(i, j int) bool { return keys[cand[i]] < keys[cand[j]] })
	m := len(cand)
	if m < cfg.Dim {
		return nil, nil, fmt.Errorf("%w: %d features (min df %d) for dimension %d", ErrTooFewTexts, m, cfg.MinDF, cfg.Dim)
	}
	col := make([]int32, len(keys))
	for i := range col {
		col[i] = -1
	}
	features := make([]string, m)
	idf := make([]float32, m)
	for c, id := range cand {
		col[id] = int32(c)
		features[c] = keys[id]
		// Smoothed IDF, as scikit-learn: ln((1+n)/(1+df)) + 1.
		idf[c] = float32(math.Log(float64(1+n)/float64(1+df[id])) + 1)
	}
	keys, df = nil, nil

	// 3. The n×m TF-IDF matrix: sublinear tf, rows L2-normalised.
	a := &csr{rows: n, cols: m, ptr: make([]int, n+1)}
	// counts keeps each entry's term count beside a.idx when the
	// training texts' vectors are wanted (projectCounts weighs them).
	var counts []uint32
	type cc struct {
		c int32
		n uint32
	}
	var ents []cc
	for i, d := range docs {
		ents = ents[:0]
		for k, id := range d.ids {
			if c := col[id]; c >= 0 {
				ents = append(ents, cc{c, d.counts[k]})
			}
		}
		slices.SortFunc(ents, func(x, y cc) int { return int(x.c) - int(y.c) })
		var norm float64
		base := len(a.val)
		for _, e := range ents {
			w := (1 + math.Log(float64(e.n))) * float64(idf[e.c])
			a.idx = append(a.idx, e.c)
			a.val = append(a.val, float32(w))
			if withVectors {
				counts = append(counts, e.n)
			}
			norm += w * w
		}
		if norm > 0 {
			inv := 1 / math.Sqrt(norm)
			for p := base; p < len(a.val); p++ {
				a.val[p] = float32(float64(a.val[p]) * inv)
			}
		}
		a.ptr[i+1] = len(a.idx)
		docs[i] = docCounts{}
	}
	docs = nil

	// 4. The rows the SVD learns from: all, or an evenly spaced sample.
	sa := a
	if s := cfg.MaxSVDTexts; s > 0 && n > s && s >= cfg.Dim {
		sa = a.sampleRows(s)
	}
	var mean []float64
	if !cfg.NoCenter {
		mean = make([]float64, m)
		for p, c := range sa.idx {
			mean[c] += float64(sa.val[p])
		}
		for c := range mean {
			mean[c] /= float64(sa.rows)
		}
	}
	at := sa.transpose()

	// 5. Randomized SVD.
	svdStart := time.Now()
	l := min(cfg.Dim+cfg.Oversample, sa.rows, m)
	var prog func(done, total int)
	if cfg.Progress != nil {
		prog = func(done, total int) { cfg.Progress("svd", done, total) }
	}
	res, err := randomizedSVD(ctx, sa, at, mean, cfg.Dim, l, cfg.PowerIters, cfg.Seed, cfg.Workers, prog)
	svdRows := sa.rows
	sa, at = nil, nil
	if err != nil {
		return nil, nil, fmt.Errorf("embed: train LSA: %w", err)
	}
	svdTime := time.Since(svdStart)

	model := &LSA{
		seg:          seg,
		segFP:        segFingerprint(seg),
		dim:          cfg.Dim,
		maxTextBytes: cfg.MaxTextBytes,
		workers:      cfg.Workers,
		docs:         n,
		features:     features,
		idf:          idf,
		v:            make([]float32, m*cfg.Dim),
		sigma:        make([]float32, cfg.Dim),
	}
	for i, x := range res.v {
		model.v[i] = float32(x)
	}
	for i, s := range res.sigma {
		model.sigma[i] = float32(s)
	}
	if mean != nil {
		model.meanProj = make([]float32, cfg.Dim)
		for j, mu := range mean {
			if mu == 0 {
				continue
			}
			vr := model.v[j*cfg.Dim : (j+1)*cfg.Dim]
			for c := range model.meanProj {
				model.meanProj[c] += float32(mu) * vr[c]
			}
		}
	}
	if err := model.finish(); err != nil {
		return nil, nil, err
	}
	var vecs [][]float32
	if withVectors {
		vecs = model.rowVectors(a, counts)
	}
	cfg.Logger.Info("embed: trained LSA model",
		"texts", n, "svd_texts", svdRows, "features", m, "nnz", len(a.idx), "dim", cfg.Dim,
		"center", !cfg.NoCenter, "spec", model.Spec().Embedder,
		"features_time", featTime.Round(time.Millisecond), "svd_time", svdTime.Round(time.Millisecond),
		"elapsed", time.Since(start).Round(time.Millisecond))
	return model, vecs, nil
}

// countFeatures extracts the features of every text in parallel and interns
// them in text order. keys[id] is the feature key, df[id] the number of
// texts it occurs in.
func countFeatures(ctx context.Context, texts []string, seg nlp.Segmenter, cfg LSAConfig) ([]docCounts, []string, []int32, error) {
	const chunk = 256
	docs := make([]docCounts, len(texts))
	intern := make(map[string]uint32)
	var keys []string
	var df []int32
	type kc struct {
		k string
		n uint32
	}
	perDoc := make([][]kc, chunk)
	for lo := 0; lo < len(texts); lo += chunk {
		if err := ctx.Err(); err != nil {
			return nil, nil, nil, err
		}
		hi := min(lo+chunk, len(texts))
		parallel(hi-lo, cfg.Workers, func(a, b int) {
			var buf []byte
			counts := make(map[string]uint32)
			for i := a; i < b; i++ {
				clear(counts)
				buf = scanFeatures(seg, prepare(texts[lo+i], cfg.MaxTextBytes), buf, func(key []byte) {
					counts[string(key)]++
				})
				list := make([]kc, 0, len(counts))
				for k, n := range counts {
					list = append(list, kc{k, n})
				}
				slices.SortFunc(list, func(x, y kc) int { return strings.Compare(x.k, y.k) })
				perDoc[i] = list
			}
		})
		for i := lo; i < hi; i++ {
			list := perDoc[i-lo]
			d := docCounts{ids: make([]uint32, len(list)), counts: make([]uint32, len(list))}
			for k, e := range list {
				id, ok := intern[e.k]
				if !ok {
					id = uint32(len(keys))
					intern[e.k] = id
					keys = append(keys, e.k)
					df = append(df, 0)
				}
				df[id]++
				d.ids[k] = id
				d.counts[k] = e.n
			}
			docs[i] = d
			perDoc[i-lo] = nil
		}
		if cfg.Progress != nil {
			cfg.Progress("features", hi, len(texts))
		}
	}
	return docs, keys, df, nil
}

// rowVectors is the vector of each row of the training matrix a, from its
// columns and the counts beside them (see TrainLSAVectors).
func (m *LSA) rowVectors(a *csr, counts []uint32) [][]float32 {
	out := make([][]float32, a.rows)
	flat := make([]float32, a.rows*m.dim)
	for i := range out {
		out[i] = flat[i*m.dim : (i+1)*m.dim : (i+1)*m.dim]
	}
	parallel(a.rows, m.workers, func(lo, hi int) {
		var s scratch
		for i := lo; i < hi; i++ {
			p, q := a.ptr[i], a.ptr[i+1]
			m.projectCounts(a.idx[p:q], counts[p:q], &s, out[i])
		}
	})
	return out
}

// finish builds the lookup index, the null vector and the content hash.
func (m *LSA) finish() error {
	m.index = make(map[string]int32, len(m.features))
	for i, f := range m.features {
		m.index[f] = int32(i)
	}
	m.null = NullVector(m.dim)
	h := sha256.New()
	if err := m.writeBody(h); err != nil {
		return err
	}
	copy(m.sum[:], h.Sum(nil))
	return nil
}

// NullVector is the vector every embedder in this package returns for a
// text with nothing to embed (empty, only punctuation or, for LSA, no
// known feature): the fixed unit vector with every component 1/√dim. A
// zero vector would make cosine similarity undefined; this one is merely
// uninformative, and all such texts are identical to each other. Callers
// that want to skip them can compare against NullVector.
func NullVector(dim int) []float32 {
	v := make([]float32, dim)
	x := float32(1 / math.Sqrt(float64(dim)))
	for i := range v {
		v[i] = x
	}
	return v
}

// Dim is the output dimension.
func (m *LSA) Dim() int { return m.dim }

// Features is the vocabulary size (words plus bigrams).
func (m *LSA) Features() int { return len(m.features) }

// Spec identifies the model for vector stores: "lsa-v1:" and the first 16
// hex digits of the SHA-256 of the saved model, so retraining (other texts,
// dimension, seed or segmenter) gives a new spec and forces re-embedding.
func (m *LSA) Spec() corpus.CollectionSpec {
	return corpus.CollectionSpec{Embedder: lsaKind + ":" + hex.EncodeToString(m.sum[:8]), Dim: m.dim}
}

// scratch is per-goroutine working memory of embed.
type scratch struct {
	buf    []byte
	ids    []int32
	uniq   []int32
	counts []uint32
	acc    []float32
}

// embed computes one text's unit vector into out.
func (m *LSA) embed(text string, s *scratch, out []float32) {
	s.ids = s.ids[:0]
	s.buf = scanFeatures(m.seg, prepare(text, m.maxTextBytes), s.buf, s.collect(m))
	m.project(s, out)
}

// collect returns the feature callback that records known features in s.
func (s *scratch) collect(m *LSA) func(key []byte) {
	return func(key []byte) {
		if id, ok := m.index[string(key)]; ok {
			s.ids = append(s.ids, id)
		}
	}
}

// project computes the unit vector of the features collected in s.ids.
func (m *LSA) project(s *scratch, out []float32) {
	if len(s.ids) == 0 {
		copy(out, m.null)
		return
	}
	slices.Sort(s.ids)
	// Runs of equal ids become (feature, count) pairs, the form training
	// keeps (projectCounts).
	s.uniq, s.counts = s.uniq[:0], s.counts[:0]
	for i := 0; i < len(s.ids); {
		j := i + 1
		for j < len(s.ids) && s.ids[j] == s.ids[i] {
			j++
		}
		s.uniq = append(s.uniq, s.ids[i])
		s.counts = append(s.counts, uint32(j-i))
		i = j
	}
	m.projectCounts(s.uniq, s.counts, s, out)
}

// projectCounts computes into out the unit vector of a text whose known
// features are ids (increasing) occurring counts times. Embedding a text
// and training on it both come here, so a training text's vector from
// TrainLSAVectors is bit for bit what EmbedDocuments gives.
func (m *LSA) projectCounts(ids []int32, counts []uint32, s *scratch, out []float32) {
	if len(ids) == 0 {
		copy(out, m.null)
		return
	}
	// Sublinear tf-idf weights of the distinct features, in column order.
	var norm float64
	if cap(s.acc) < m.dim {
		s.acc = make([]float32, m.dim)
	}
	acc := s.acc[:m.dim]
	clear(acc)
	// First pass: norm of the tf-idf vector.
	for k, id := range ids {
		w := (1 + math.Log(float64(counts[k]))) * float64(m.idf[id])
		norm += w * w
	}
	inv := 1 / math.Sqrt(norm)
	// Second pass: acc = Σ w_j V[j,:] (gonum's assembly saxpy).
	for k, id32 := range ids {
		id := int(id32)
		w := (1 + math.Log(float64(counts[k]))) * float64(m.idf[id]) * inv
		impl.Saxpy(m.dim, float32(w), m.v[id*m.dim:(id+1)*m.dim], 1, acc, 1)
	}
	var n2 float64
	for c, x := range acc {
		if m.meanProj != nil {
			x -= m.meanProj[c]
			acc[c] = x
		}
		n2 += float64(x) * float64(x)
	}
	if n2 < 1e-18 || math.IsNaN(n2) || math.IsInf(n2, 0) {
		copy(out, m.null)
		return
	}
	inv = 1 / math.Sqrt(n2)
	for c, x := range acc {
		out[c] = float32(float64(x) * inv)
	}
}

// EmbedDocuments returns one unit vector per text, in order, computed in
// parallel. Texts without any known feature get NullVector. The only error
// is the context's, checked between chunks of texts.
func (m *LSA) EmbedDocuments(ctx context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	flat := make([]float32, len(texts)*m.dim)
	for i := range out {
		out[i] = flat[i*m.dim : (i+1)*m.dim : (i+1)*m.dim]
	}
	const chunk = 512
	for lo := 0; lo < len(texts); lo += chunk {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		hi := min(lo+chunk, len(texts))
		workers := m.workers
		if hi-lo < 32 {
			workers = 1
		}
		parallel(hi-lo, workers, func(a, b int) {
			var s scratch
			for i := lo + a; i < lo+b; i++ {
				m.embed(texts[i], &s, out[i])
			}
		})
	}
	return out, nil
}

// EmbedWords returns the unit vector of a query given as words the
// model's segmenter has already cut (corpus.WordEmbedder): EmbedQuery of
// the words joined by spaces, without segmenting them again.
func (m *LSA) EmbedWords(ctx context.Context, words []string) ([]float32, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]float32, m.dim)
	s := getScratch()
	defer scratches.Put(s)
	s.ids = s.ids[:0]
	s.buf = scanWordFeatures(words, m.maxTextBytes, s.buf, s.collect(m))
	m.project(s, out)
	return out, nil
}

// EmbedQuery returns the unit vector of one text (NullVector when it has no
// known feature). The only error is the context's.
func (m *LSA) EmbedQuery(ctx context.Context, text string) ([]float32, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := make([]float32, m.dim)
	s := getScratch()
	defer scratches.Put(s)
	m.embed(text, s, out)
	return out, nil
}

// scratches holds the working memory of finished queries: every analysis
// embeds one, and a fresh scratch grew its five buffers from nothing each
// time. Nothing in a scratch outlives the call that uses it (ids is reset
// before collecting, acc cleared before summing).
var scratches sync.Pool

func getScratch() *scratch {
	if s, ok := scratches.Get().(*scratch); ok {
		return s
	}
	return &scratch{}
}
