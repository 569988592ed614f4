package embed

import (
	"context"

	"github.com/cailiang/cailiang/corpus"
)

// Primed is an LSA model together with vectors it has already computed
// for some texts (its training texts, from TrainLSAVectors): it answers
// those from memory and embeds any other text with the model. Its vectors
// are the model's, so a store filled through it equals one filled by the
// model alone. It is meant for the one pass that embeds the corpus right
// after training; keep the plain model afterwards so the vectors can be
// freed.
type Primed struct {
	*LSA
	known map[string][]float32
}

// Primed returns the model primed with vecs[i] as the vector of texts[i];
// the slices must be of equal length (extra entries of either are
// ignored).
func (m *LSA) Primed(texts []string, vecs [][]float32) *Primed {
	n := min(len(texts), len(vecs))
	known := make(map[string][]float32, n)
	for i := range n {
		known[texts[i]] = vecs[i]
	}
	return &Primed{LSA: m, known: known}
}

var _ corpus.Embedder = (*Primed)(nil)

// EmbedDocuments returns one unit vector per text, in order: the known
// ones as computed in training, the others embedded by the model.
func (p *Primed) EmbedDocuments(ctx context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	var missing []string
	var at []int
	for i, t := range texts {
		if v, ok := p.known[t]; ok {
			out[i] = v
			continue
		}
		missing = append(missing, t)
		at = append(at, i)
	}
	if len(missing) == 0 {
		return out, ctx.Err()
	}
	vecs, err := p.LSA.EmbedDocuments(ctx, missing)
	if err != nil {
		return nil, err
	}
	for k, i := range at {
		out[i] = vecs[k]
	}
	return out, nil
}
