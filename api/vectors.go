package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/embed"
	"github.com/cailiang/cailiang/corpus/memvec"
	"github.com/cailiang/cailiang/corpus/pgvec"
	"github.com/cailiang/cailiang/nlp"
)

// VectorOptions configure dense retrieval.
type VectorOptions struct {
	// PGDSN selects PostgreSQL + pgvector instead of the embedded store.
	PGDSN string
	// Embedder is "lsa" (default: trained locally from the corpus),
	// "openai" or "ollama" (remote, through langchaingo), or "none".
	Embedder string
	// URL, Model, Token configure a remote embedder.
	URL, Model, Token string
	// Dim is the LSA dimension (default 256).
	Dim int
}

// lsaMeta records what a saved LSA model was trained on, so the model is
// retrained when the corpus has grown well beyond it (importing the national
// statutes after a first start on the sample cases).
type lsaMeta struct {
	Texts   int    `json:"texts"`
	Spec    string `json:"spec"`
	Trained string `json:"trained"`
}

// retrainGrowth is how much larger the corpus must be than the training set
// before the LSA model is retrained.
const retrainGrowth = 4

// corpusSize counts what corpusTexts would return from metadata alone, so a
// start with a usable model does not read every article.
func corpusSize(store *corpus.Store) (int, error) {
	n := 0
	for _, info := range store.StatuteInfos() {
		if info.InForce {
			n += info.ArticleCount
		}
	}
	cases, err := store.CaseCount()
	return n + cases, err
}

// corpusTexts returns what vectors represent: searchable article texts and
// case texts.
func corpusTexts(store *corpus.Store) ([]string, error) {
	var texts []string
	for _, info := range store.StatuteInfos() {
		if !info.InForce {
			continue
		}
		err := store.Articles(info.ID, func(a corpus.Article) error {
			texts = append(texts, info.Law+" "+a.Text())
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	err := store.Cases(func(c corpus.Case) error {
		texts = append(texts, c.Title+"\n"+c.Facts)
		return nil
	})
	return texts, err
}

// openEmbedder loads or trains the local LSA model, or connects a remote
// embedder. It returns nil when the embedder is "none" or there is nothing to
// train on yet.
func openEmbedder(ctx context.Context, dataDir string, o VectorOptions, seg nlp.Segmenter, store *corpus.Store, log *slog.Logger) (corpus.Embedder, corpus.CollectionSpec, error) {
	switch o.Embedder {
	case "none":
		return nil, corpus.CollectionSpec{}, nil
	case embed.ProviderOpenAI, embed.ProviderOllama:
		r, err := embed.NewRemote(embed.RemoteConfig{Provider: o.Embedder, BaseURL: o.URL, Token: o.Token, Model: o.Model})
		if err != nil {
			return nil, corpus.CollectionSpec{}, err
		}
		// The dimension is learned from the first answer.
		if _, err := r.EmbedQuery(ctx, "行政处罚"); err != nil {
			return nil, corpus.CollectionSpec{}, fmt.Errorf("remote embedder: %w", err)
		}
		return r, r.Spec(), nil
	case "", "lsa":
	default:
		return nil, corpus.CollectionSpec{}, fmt.Errorf("unknown embedder %q (lsa, openai, ollama, none)", o.Embedder)
	}
	dir := filepath.Join(dataDir, "embed")
	modelPath, metaPath := filepath.Join(dir, "lsa.bin"), filepath.Join(dir, "lsa.json")
	size, err := corpusSize(store)
	if err != nil {
		return nil, corpus.CollectionSpec{}, err
	}
	var meta lsaMeta
	if raw, err := os.ReadFile(metaPath); err == nil {
		_ = json.Unmarshal(raw, &meta)
	}
	if raw, err := os.ReadFile(modelPath); err == nil && meta.Texts > 0 && size < retrainGrowth*meta.Texts {
		m, err := embed.LoadLSA(bytes.NewReader(raw), seg)
		if err == nil && (o.Dim == 0 || m.Dim() == o.Dim || m.Dim() == meta.Texts/2) {
			return m, m.Spec(), nil
		}
		log.Warn("LSA model not usable, retraining", "err", err)
	}
	texts, err := corpusTexts(store)
	if err != nil {
		return nil, corpus.CollectionSpec{}, err
	}
	if len(texts) < 20 {
		log.Info("too few texts to train the LSA embedder yet; vector search disabled", "texts", len(texts))
		return nil, corpus.CollectionSpec{}, nil
	}
	// A model cannot have more dimensions than it has texts to learn from:
	// on the built-in sample cases alone it is small, and it is retrained
	// once statutes are imported.
	dim := o.Dim
	if dim == 0 {
		dim = embed.DefaultDim
	}
	dim = min(dim, len(texts)/2)
	start := time.Now()
	m, err := embed.TrainLSA(ctx, texts, seg, embed.LSAConfig{Dim: dim, Seed: 1, Logger: log})
	if err != nil {
		return nil, corpus.CollectionSpec{}, fmt.Errorf("train LSA embedder: %w", err)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		return nil, corpus.CollectionSpec{}, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, corpus.CollectionSpec{}, err
	}
	if err := writeAtomic(modelPath, buf.Bytes()); err != nil {
		return nil, corpus.CollectionSpec{}, err
	}
	metaRaw, _ := json.Marshal(lsaMeta{Texts: len(texts), Spec: m.Spec().Embedder, Trained: time.Now().UTC().Format(time.RFC3339)})
	if err := writeAtomic(metaPath, metaRaw); err != nil {
		return nil, corpus.CollectionSpec{}, err
	}
	log.Info("LSA embedder trained", "texts", len(texts), "dim", m.Dim(), "spec", m.Spec().Embedder, "took_ms", time.Since(start).Milliseconds())
	return m, m.Spec(), nil
}

func writeAtomic(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// openVectorStore opens pgvector when a DSN is given, the embedded store
// otherwise.
func openVectorStore(ctx context.Context, dataDir string, o VectorOptions, log *slog.Logger) (corpus.VectorStore, error) {
	if strings.TrimSpace(o.PGDSN) != "" {
		// Loads go in without the HNSW index; SyncVectors has it built
		// once at the end (corpus.LoadFinisher).
		s, err := pgvec.Open(ctx, pgvec.Config{DSN: o.PGDSN, DeferIndex: true})
		if err != nil {
			return nil, fmt.Errorf("open pgvector store: %w", err)
		}
		return s, nil
	}
	s, err := memvec.Open(filepath.Join(dataDir, "vectors"), memvec.Config{Logger: log})
	if err != nil {
		return nil, fmt.Errorf("open embedded vector store: %w", err)
	}
	return s, nil
}
