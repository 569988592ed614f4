// Package embed provides the embedders of the corpus: LSA, a local model
// trained from our own texts with no network and no downloaded weights, and
// Remote, an OpenAI-compatible or Ollama server through langchaingo. Both
// implement corpus.Embedder and langchaingo's embeddings.Embedder, return
// unit-length float32 vectors, and name what produced them with
// Spec() corpus.CollectionSpec.
//
// # LSA
//
// TrainLSA(ctx, texts, seg, cfg) learns a latent semantic analysis model:
//
//  1. Features. Each text is normalised (nlp.NormalizeText: invalid UTF-8
//     and zero-width characters dropped, full-width forms folded; Latin
//     lower-cased; at most MaxTextBytes read). Its features are the words of
//     seg.Cut (precise mode; jieba in production, nlp.RuneSegmenter in
//     tests) that contain a letter or digit, plus every pair of adjacent
//     letters/digits of which one is Han (character bigrams), which keeps
//     terms the dictionary splits.
//  2. Vocabulary. Features in at least MinDF (2) texts, the MaxFeatures
//     (50,000) most frequent.
//  3. TF-IDF. Sublinear tf (1 + ln count) times the smoothed idf
//     ln((1+n)/(1+df)) + 1; each row L2-normalised. Sparse (CSR).
//  4. Randomized SVD (Halko, Martinsson & Tropp 2011), on gonum, of the
//     rows of at most MaxSVDTexts (30,000) texts, evenly spaced: a
//     Gaussian test matrix Ω (features × (Dim+16)), subspace iteration
//     Q ← orth(AᵀA·Q) twice (orth is Cholesky QR through gonum's
//     parallel dgemm, or Householder QR dgeqrf/dorgqr when the block is too
//     ill-conditioned for it), then the eigendecomposition of the small
//     (AQ)ᵀ(AQ) gives the top singular vectors V = Q·V_w. The matrix is
//     mean-centred implicitly (A − 1μᵀ, never densified), which makes this
//     PCA: without it the first direction is the one every text shares and
//     unrelated texts look alike. Each column's largest entry is made
//     positive, so training is deterministic: equal texts, config and seed
//     give a byte-identical model, whatever the number of workers.
//  5. Embedding a text: its tf-idf vector x (same weights) → (x − μ)ᵀV →
//     L2-normalised. Dim defaults to 256, at most 384. TrainLSAVectors
//     gives the training texts' vectors from the counts of step 1.
//
// A text with no known feature (empty, only punctuation, unknown words)
// gets NullVector(dim), the fixed unit vector with every component 1/√dim:
// a zero vector would make cosine similarity undefined, and an error would
// fail a whole import batch for one empty record. Such texts are identical
// to each other and merely uninformative to everything else; compare with
// NullVector to skip them.
//
// Save writes a small versioned binary format (magic, version, JSON header,
// features, float32 arrays) ending in its SHA-256; LoadLSA verifies the
// checksum and the segmenter's fingerprint (ErrSegmenter if the model was
// trained with another dictionary). Spec().Embedder is "lsa-v1:" plus the
// first 16 hex digits of that SHA-256, so a retrained model (other texts,
// Dim, seed or segmenter) has a new spec and the vector store re-embeds.
//
// # Remote
//
// NewRemote(RemoteConfig{Provider: ProviderOpenAI, BaseURL, Token, Model})
// uses langchaingo's openai client with WithBaseURL(BaseURL+"/v1") and
// embeddings.NewEmbedder; ProviderOllama uses langchaingo's ollama client
// (POST /api/embed, one request per text). Spec is "openai:<model>" or
// "ollama:<model>"; its Dim is configured or learned from the first response
// (Probe embeds one text to learn it). Texts go in batches of BatchSize with
// the context checked between batches; every vector is checked (count,
// dimension, finite, non-zero) and normalised; errors name provider, model
// and text range and wrap the cause (context.Canceled stays detectable with
// errors.Is, which langchaingo's openai client alone loses). Empty texts are
// not sent and get NullVector. langchaingo's newline stripping is off: it
// rewrites the caller's slice. Nothing here calls langchaingo's
// tiktoken-based helpers, which download files at run time.
//
// # Measurements
//
// Training and embedding cost (CPU seconds, peak heap) and retrieval quality
// are measured by `go test ./corpus/embed/ -run '^$' -bench LSA -benchtime 1x`
// and `go test ./corpus/embed/ -v`; the numbers are in docs/vectors.md.
package embed
