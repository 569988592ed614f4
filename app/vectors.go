package app

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/embed"
	"github.com/cailiang/cailiang/corpus/memvec"
	"github.com/cailiang/cailiang/corpus/pgvec"
)

// The embedding policy: a local LSA model is trained from the corpus the
// first time there are enough texts, saved under embed/, and retrained when
// the corpus has grown well beyond what it learned from (importing the
// national statutes after a first start on the sample cases). Remote
// embedders are used as configured.

// lsaMeta records what a saved LSA model was trained on.
type lsaMeta struct {
	Texts   int    `json:"texts"`
	Spec    string `json:"spec"`
	Trained string `json:"trained"`
}

const (
	// retrainGrowth is how many times larger the corpus must be than the
	// training set before the LSA model is retrained.
	retrainGrowth = 4
	// minTrainTexts is the fewest texts worth training on.
	minTrainTexts = 20
)

// openVectors sets up dense retrieval and, read-write, embeds what is
// missing or stale and drops orphans (corpus.Library.SyncVectors, which logs
// what it did). It leaves vectors off (bm25 still works) when there is
// nothing to train on yet or, read-only, no trained model. It runs at
// start-up and again after a statute import, which applies the same policy
// to the grown corpus (see ImportStatutes).
func (a *App) openVectors(ctx context.Context) error {
	o := a.cfg.Vectors
	if o.Embedder == EmbedderNone || a.Library == nil {
		return nil
	}
	emb, primed, err := a.openEmbedder(ctx)
	if err != nil || emb == nil {
		return err
	}
	return a.syncWith(ctx, emb, primed)
}

// syncWith sets dense retrieval up with an opened embedder and, read-write,
// brings the vectors in line with the corpus (openVectors; the import opens
// the embedder itself, beside its indexing).
func (a *App) syncWith(ctx context.Context, emb specEmbedder, primed *embed.Primed) error {
	if a.vectors == nil {
		vs, err := a.openVectorStore(ctx)
		if err != nil {
			return err
		}
		a.vectors = vs
	}
	vecs := &corpus.Vectors{Store: a.vectors, Embedder: emb, Spec: emb.Spec()}
	if a.parts.has(ReadOnly) {
		a.Library.SetVectors(vecs)
		return nil
	}
	if primed != nil {
		// Just trained: the training texts' vectors are at hand, so the
		// sync embeds only the texts training did not see (superseded
		// versions, cases added since). Same model, same vectors.
		a.Library.SetVectors(&corpus.Vectors{Store: a.vectors, Embedder: primed, Spec: emb.Spec()})
	} else {
		a.Library.SetVectors(vecs)
	}
	_, err := a.Library.SyncVectors(ctx)
	// The plain model from here on: the training vectors are freed.
	a.Library.SetVectors(vecs)
	if err != nil {
		return fmt.Errorf("embed corpus: %w", err)
	}
	return nil
}

// specEmbedder is an embedder that knows the collection spec its vectors
// belong to.
type specEmbedder interface {
	corpus.Embedder
	Spec() corpus.CollectionSpec
}

// openEmbedder connects a remote embedder, or loads (and, read-write,
// trains when needed) the local LSA model. It returns nil when there is no
// model to use yet. A model trained here comes also primed with its
// training texts' vectors (nil otherwise), for the sync that follows.
func (a *App) openEmbedder(ctx context.Context) (specEmbedder, *embed.Primed, error) {
	o := a.cfg.Vectors
	switch o.Embedder {
	case embed.ProviderOpenAI, embed.ProviderOllama:
		r, err := embed.NewRemote(embed.RemoteConfig{Provider: o.Embedder, BaseURL: o.URL, Token: o.Token, Model: o.Model})
		if err != nil {
			return nil, nil, err
		}
		// The dimension is learned from the first answer.
		if _, err := r.EmbedQuery(ctx, "行政处罚"); err != nil {
			return nil, nil, fmt.Errorf("remote embedder: %w", err)
		}
		return r, nil, nil
	}
	m, reason, err := a.loadLSA()
	if err != nil {
		return nil, nil, err
	}
	if m != nil {
		return m, nil, nil
	}
	if a.parts.has(ReadOnly) {
		a.log.Info("no usable LSA model in the data directory; vector search off for this read-only use", "reason", reason)
		return nil, nil, nil
	}
	primed, err := a.trainLSA(ctx, reason)
	if primed == nil {
		// No typed nil in the interface: the caller tests for nil.
		return nil, nil, err
	}
	return primed.LSA, primed, err
}

func (a *App) lsaPaths() (model, meta string) {
	dir := a.cfg.embedderDir()
	return filepath.Join(dir, "lsa.bin"), filepath.Join(dir, "lsa.json")
}

// loadLSA loads the saved model when the policy says it is still good, and
// otherwise says why not.
func (a *App) loadLSA() (*embed.LSA, string, error) {
	modelPath, metaPath := a.lsaPaths()
	rawMeta, err := os.ReadFile(metaPath)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, "no model trained yet", nil
	}
	if err != nil {
		return nil, "", fmt.Errorf("read LSA metadata: %w", err)
	}
	var meta lsaMeta
	if err := json.Unmarshal(rawMeta, &meta); err != nil || meta.Texts <= 0 {
		return nil, fmt.Sprintf("model metadata unreadable (%v)", err), nil
	}
	size, err := a.Library.TrainingSize()
	if err != nil {
		return nil, "", err
	}
	if size >= retrainGrowth*meta.Texts {
		return nil, fmt.Sprintf("corpus grew from %d to %d texts", meta.Texts, size), nil
	}
	if a.lsa != nil && a.lsaTexts == meta.Texts {
		// Loaded or trained earlier in this process (before an import):
		// still good, no need to read it again.
		return a.lsa, "", nil
	}
	raw, err := os.ReadFile(modelPath)
	if err != nil {
		return nil, fmt.Sprintf("model file unreadable (%v)", err), nil
	}
	m, err := embed.LoadLSA(bytes.NewReader(raw), a.seg)
	if err != nil {
		return nil, fmt.Sprintf("model file damaged (%v)", err), nil
	}
	if want := a.lsaDim(meta.Texts); m.Dim() != want {
		return nil, fmt.Sprintf("model has %d dimensions, configuration asks for %d", m.Dim(), want), nil
	}
	a.lsa, a.lsaTexts = m, meta.Texts
	return m, "", nil
}

// lsaDim is the dimension a model trained on n texts gets: the configured
// one, but never more than half the texts (a model cannot learn more
// dimensions than it has texts to learn from).
func (a *App) lsaDim(n int) int {
	dim := a.cfg.Vectors.Dim
	if dim == 0 {
		dim = embed.DefaultDim
	}
	return min(dim, n/2)
}

// trainLSA trains, saves and returns a model on the library's training
// texts, logging why (reason) first, primed with their vectors; it
// returns nil when there are too few.
func (a *App) trainLSA(ctx context.Context, reason string) (*embed.Primed, error) {
	texts, err := a.Library.TrainingTexts()
	if err != nil {
		return nil, err
	}
	if len(texts) < minTrainTexts {
		a.log.Info("too few texts to train the LSA embedder yet; vector search disabled", "texts", len(texts))
		return nil, nil
	}
	a.log.Info("training the LSA embedder", "reason", reason, "texts", len(texts))
	start := time.Now()
	m, vecs, err := embed.TrainLSAVectors(ctx, texts, a.seg, embed.LSAConfig{Dim: a.lsaDim(len(texts)), Seed: 1, Logger: a.log})
	if err != nil {
		return nil, fmt.Errorf("train LSA embedder: %w", err)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		return nil, fmt.Errorf("save LSA embedder: %w", err)
	}
	meta, err := json.Marshal(lsaMeta{Texts: len(texts), Spec: m.Spec().Embedder, Trained: time.Now().UTC().Format(time.RFC3339)})
	if err != nil {
		return nil, fmt.Errorf("save LSA embedder: %w", err)
	}
	modelPath, metaPath := a.lsaPaths()
	if err := os.MkdirAll(filepath.Dir(modelPath), 0o755); err != nil {
		return nil, fmt.Errorf("save LSA embedder: %w", err)
	}
	// The model first, then the metadata that vouches for it: a crash in
	// between leaves old metadata, and the next start retrains.
	if err := writeFileSynced(modelPath, buf.Bytes()); err != nil {
		return nil, err
	}
	if err := writeFileSynced(metaPath, meta); err != nil {
		return nil, err
	}
	a.lsa, a.lsaTexts = m, len(texts)
	a.log.Info("LSA embedder trained", "texts", len(texts), "dim", m.Dim(), "spec", m.Spec().Embedder, "took_ms", time.Since(start).Milliseconds())
	return m.Primed(texts, vecs), nil
}

// writeFileSynced replaces path with data durably: a temporary file,
// fsynced, renamed over path, and the directory fsynced so the rename
// survives a crash.
func writeFileSynced(path string, data []byte) error {
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	_, werr := f.Write(data)
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	d, err := os.Open(filepath.Dir(path))
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("write %s: sync directory: %w", path, err)
	}
	return nil
}

// openVectorStore opens pgvector when a DSN is given, the embedded store
// otherwise.
func (a *App) openVectorStore(ctx context.Context) (corpus.VectorStore, error) {
	if dsn := a.cfg.PGDSN; strings.TrimSpace(dsn) != "" {
		// Loads go in without the HNSW index; SyncVectors has it built
		// once at the end (corpus.LoadFinisher).
		s, err := pgvec.Open(ctx, pgvec.Config{DSN: dsn, DeferIndex: true})
		if err != nil {
			return nil, fmt.Errorf("open pgvector store: %w", err)
		}
		return s, nil
	}
	s, err := memvec.Open(a.cfg.vectorsDir(), memvec.Config{Logger: a.log, ReadOnly: a.parts.has(ReadOnly)})
	if err != nil {
		return nil, fmt.Errorf("open embedded vector store: %w", err)
	}
	return s, nil
}
