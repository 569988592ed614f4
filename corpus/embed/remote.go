package embed

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/tmc/langchaingo/embeddings"
	"github.com/tmc/langchaingo/llms/ollama"
	"github.com/tmc/langchaingo/llms/openai"

	"github.com/cailiang/cailiang/corpus"
)

// Providers of remote embeddings.
const (
	// ProviderOpenAI is any server speaking the OpenAI embeddings API
	// (POST {BaseURL}/v1/embeddings): OpenAI, vLLM, TEI, LocalAI, Xinference…
	ProviderOpenAI = "openai"
	// ProviderOllama is an Ollama server (POST {BaseURL}/api/embed).
	ProviderOllama = "ollama"
)

// Defaults of RemoteConfig.
const (
	DefaultBatchSize     = 64
	DefaultRemoteTimeout = 2 * time.Minute
)

// Errors of remote embedders.
var (
	// ErrRemote: the server answered, but not with one finite, non-zero
	// vector per text of the expected dimension.
	ErrRemote = errors.New("embed: bad embedding response")
	// ErrEmptyText: a call holds only empty texts and the dimension is not
	// known yet, so not even NullVector can be returned.
	ErrEmptyText = errors.New("embed: only empty texts and dimension unknown")
)

// RemoteConfig configures NewRemote.
type RemoteConfig struct {
	// Provider is ProviderOpenAI or ProviderOllama.
	Provider string
	// BaseURL is the server root, e.g. http://127.0.0.1:8000 (a trailing
	// /v1 is accepted for OpenAI) or http://127.0.0.1:11434 for Ollama.
	BaseURL string
	// Token is the bearer token; mandatory for OpenAI-compatible servers
	// (local ones accept any non-empty value), unused by Ollama.
	Token string
	// Model is the embedding model, e.g. text-embedding-3-small, bge-m3.
	Model string
	// Dim is the expected dimension; 0 learns it from the first response.
	// A response of another dimension is ErrRemote.
	Dim int
	// BatchSize is the number of texts per request (OpenAI) or per
	// cancellation check (Ollama, whose langchaingo client sends one
	// request per text); DefaultBatchSize when 0.
	BatchSize int
	// MaxRunes truncates longer texts before sending (0: no limit); set it
	// below the model's context window.
	MaxRunes int
	// HTTPClient is the client to use; one with DefaultRemoteTimeout when nil.
	HTTPClient *http.Client
}

// Remote embeds through a remote server with langchaingo's OpenAI or Ollama
// client. Vectors are L2-normalised. It is safe for concurrent use.
type Remote struct {
	cfg   RemoteConfig
	inner embeddings.Embedder

	mu  sync.Mutex
	dim int
}

// NewRemote checks cfg and builds the langchaingo client. It sends nothing.
// It returns ErrConfig for an unknown provider, a missing model, an invalid
// URL or a missing OpenAI token, and langchaingo's errors wrapped.
func NewRemote(cfg RemoteConfig) (*Remote, error) {
	if cfg.Model == "" {
		return nil, fmt.Errorf("%w: remote embedder needs a model", ErrConfig)
	}
	if cfg.BatchSize == 0 {
		cfg.BatchSize = DefaultBatchSize
	}
	if cfg.BatchSize < 0 || cfg.Dim < 0 || cfg.MaxRunes < 0 {
		return nil, fmt.Errorf("%w: negative BatchSize, Dim or MaxRunes", ErrConfig)
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: DefaultRemoteTimeout}
	}
	// ollama.WithServerURL calls log.Fatal on a bad URL: check it first.
	u, err := url.Parse(strings.TrimRight(cfg.BaseURL, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%w: base URL %q must be http(s)://host[:port][/path]", ErrConfig, cfg.BaseURL)
	}
	base := u.String()
	var client embeddings.EmbedderClient
	switch cfg.Provider {
	case ProviderOpenAI:
		if cfg.Token == "" {
			return nil, fmt.Errorf("%w: OpenAI-compatible embedder needs a token", ErrConfig)
		}
		// Every option is given explicitly so that langchaingo's
		// fallbacks to OPENAI_* environment variables never apply.
		c, err := openai.New(
			openai.WithBaseURL(strings.TrimSuffix(base, "/v1")+"/v1"),
			openai.WithToken(cfg.Token),
			openai.WithModel(cfg.Model),
			openai.WithEmbeddingModel(cfg.Model),
			openai.WithOrganization(""),
			openai.WithHTTPClient(cfg.HTTPClient),
		)
		if err != nil {
			return nil, fmt.Errorf("embed: openai client: %w", err)
		}
		client = c
	case ProviderOllama:
		c, err := ollama.New(
			ollama.WithServerURL(base),
			ollama.WithModel(cfg.Model),
			ollama.WithHTTPClient(cfg.HTTPClient),
		)
		if err != nil {
			return nil, fmt.Errorf("embed: ollama client: %w", err)
		}
		client = c
	default:
		return nil, fmt.Errorf("%w: unknown provider %q (want %q or %q)", ErrConfig, cfg.Provider, ProviderOpenAI, ProviderOllama)
	}
	// Newlines are kept: langchaingo's stripping rewrites the caller's
	// slice in place, and current models do not need it.
	inner, err := embeddings.NewEmbedder(client,
		embeddings.WithBatchSize(cfg.BatchSize),
		embeddings.WithStripNewLines(false))
	if err != nil {
		return nil, fmt.Errorf("embed: %s embedder: %w", cfg.Provider, err)
	}
	return &Remote{cfg: cfg, inner: inner, dim: cfg.Dim}, nil
}

// Dim is the configured or discovered dimension, 0 before the first
// response when not configured.
func (r *Remote) Dim() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.dim
}

// Spec is "<provider>:<model>" with the dimension; Dim is 0 until the first
// response when not configured (see Probe).
func (r *Remote) Spec() corpus.CollectionSpec {
	return corpus.CollectionSpec{Embedder: r.cfg.Provider + ":" + r.cfg.Model, Dim: r.Dim()}
}

// Probe embeds a short text when the dimension is not known yet and returns
// the complete Spec. Errors are those of EmbedQuery.
func (r *Remote) Probe(ctx context.Context) (corpus.CollectionSpec, error) {
	if r.Dim() == 0 {
		if _, err := r.EmbedQuery(ctx, "行政处罚"); err != nil {
			return corpus.CollectionSpec{}, err
		}
	}
	return r.Spec(), nil
}

// EmbedDocuments embeds texts in batches of BatchSize, checking ctx between
// batches. Empty (whitespace-only) texts are not sent and get NullVector.
// Errors name the provider, model and batch and wrap the cause: the
// context's error when it was cancelled, ErrRemote for a response that does
// not hold one valid vector per text, ErrEmptyText when every text is empty
// and the dimension is unknown, and langchaingo's errors otherwise (HTTP
// status, malformed JSON, network).
func (r *Remote) EmbedDocuments(ctx context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	var send []string
	var at []int
	for i, t := range texts {
		if strings.TrimSpace(t) == "" {
			continue
		}
		t = strings.ToValidUTF8(t, "\uFFFD")
		if r.cfg.MaxRunes > 0 && utf8.RuneCountInString(t) > r.cfg.MaxRunes {
			t = string([]rune(t)[:r.cfg.MaxRunes])
		}
		send = append(send, t)
		at = append(at, i)
	}
	for lo := 0; lo < len(send); lo += r.cfg.BatchSize {
		if err := ctx.Err(); err != nil {
			return nil, r.wrap(at, lo, lo, err)
		}
		hi := min(lo+r.cfg.BatchSize, len(send))
		batch := append([]string(nil), send[lo:hi]...) // the client may modify it
		vecs, err := r.inner.EmbedDocuments(ctx, batch)
		if err != nil {
			if cerr := ctx.Err(); cerr != nil {
				// langchaingo's OpenAI client replaces context errors by
				// plain strings; put the sentinel back for errors.Is.
				return nil, r.wrap(at, lo, hi, fmt.Errorf("%w (%v)", cerr, err))
			}
			if errors.Is(err, openai.ErrEmptyResponse) || errors.Is(err, openai.ErrUnexpectedResponseLength) ||
				errors.Is(err, ollama.ErrEmptyResponse) || errors.Is(err, ollama.ErrIncompleteEmbedding) {
				err = fmt.Errorf("%w: %w", ErrRemote, err)
			}
			return nil, r.wrap(at, lo, hi, err)
		}
		if len(vecs) != len(batch) {
			return nil, r.wrap(at, lo, hi, fmt.Errorf("%w: %d vectors for %d texts", ErrRemote, len(vecs), len(batch)))
		}
		for k, v := range vecs {
			u, err := r.check(v)
			if err != nil {
				return nil, r.wrap(at, lo, hi, fmt.Errorf("text %d: %w", at[lo+k], err))
			}
			out[at[lo+k]] = u
		}
	}
	if len(send) < len(texts) {
		d := r.Dim()
		if d == 0 {
			return nil, fmt.Errorf("embed: %s:%s: %w", r.cfg.Provider, r.cfg.Model, ErrEmptyText)
		}
		for i := range out {
			if out[i] == nil {
				out[i] = NullVector(d)
			}
		}
	}
	return out, nil
}

// EmbedQuery embeds one text; errors as EmbedDocuments.
func (r *Remote) EmbedQuery(ctx context.Context, text string) ([]float32, error) {
	vs, err := r.EmbedDocuments(ctx, []string{text})
	if err != nil {
		return nil, err
	}
	return vs[0], nil
}

// wrap names the provider, model and the batch send[lo:hi] by the indices
// of its texts in the caller's slice.
func (r *Remote) wrap(at []int, lo, hi int, err error) error {
	if hi <= lo {
		return fmt.Errorf("embed: %s:%s before text %d: %w", r.cfg.Provider, r.cfg.Model, at[lo], err)
	}
	return fmt.Errorf("embed: %s:%s texts %d..%d: %w", r.cfg.Provider, r.cfg.Model, at[lo], at[hi-1], err)
}

// check validates one vector against the known dimension (learning it on
// first use) and returns a unit-length copy.
func (r *Remote) check(v []float32) ([]float32, error) {
	if len(v) == 0 {
		return nil, fmt.Errorf("%w: empty vector", ErrRemote)
	}
	r.mu.Lock()
	if r.dim == 0 {
		r.dim = len(v)
	}
	d := r.dim
	r.mu.Unlock()
	if len(v) != d {
		return nil, fmt.Errorf("%w: dimension %d, want %d: %w", ErrRemote, len(v), d, corpus.ErrDimension)
	}
	var n2 float64
	for _, x := range v {
		n2 += float64(x) * float64(x)
	}
	if n2 == 0 || math.IsNaN(n2) || math.IsInf(n2, 0) {
		return nil, fmt.Errorf("%w: zero or non-finite vector", ErrRemote)
	}
	inv := 1 / math.Sqrt(n2)
	u := make([]float32, len(v))
	for i, x := range v {
		u[i] = float32(float64(x) * inv)
	}
	return u, nil
}
