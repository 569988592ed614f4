package rules

import (
	"sort"
	"strings"
	"unicode"

	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
)

// Hit is a benchmark found by Search, with a relevance score in [0, 1].
type Hit struct {
	Benchmark *Benchmark `json:"benchmark"`
	Score     float64    `json:"score"`
}

func meaningful(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n >= 1
}

// bigrams returns the set of character bigrams of s (nlp.WordPairs).
func bigrams(s string) map[string]bool {
	out := map[string]bool{}
	for i, j := range nlp.Bigrams(s, nlp.WordPairs) {
		out[s[i:j]] = true
	}
	return out
}

// Search ranks benchmarks for a query, optionally within one sector. The
// query is segmented with seg; each benchmark scores by the share of query
// words found in its name and keywords (weighted 2) or description, blended
// with character-bigram overlap so that 过期食品 still finds 超过保质期的食品.
// An empty query lists the sector's benchmarks in catalog order.
func (c *Catalog) Search(q string, seg nlp.Segmenter, sector legal.Sector, limit int) []Hit {
	q = strings.TrimSpace(nlp.NormalizeText(q))
	var hits []Hit
	var words []string
	if q != "" {
		for _, tk := range seg.Cut(q) {
			if meaningful(tk.Text) {
				words = append(words, tk.Text)
			}
		}
	}
	qb := bigrams(q)
	for _, b := range c.ordered {
		if sector != "" && b.Sector != sector {
			continue
		}
		if q == "" {
			hits = append(hits, Hit{Benchmark: b, Score: 1})
			continue
		}
		head := b.Name + " " + strings.Join(b.Keywords, " ")
		body := b.Description + " " + b.Transfer
		wordScore := 0.0
		for _, w := range words {
			switch {
			case nlp.Contains(head, w):
				wordScore += 2
			case nlp.Contains(body, w):
				wordScore += 1
			}
		}
		if len(words) > 0 {
			wordScore /= 2 * float64(len(words))
		}
		bgScore := 0.0
		if len(qb) > 0 {
			hb := bigrams(head)
			n := 0
			for g := range qb {
				if hb[g] {
					n++
				}
			}
			bgScore = float64(n) / float64(len(qb))
		}
		score := 0.6*wordScore + 0.4*bgScore
		if score > 0.05 {
			hits = append(hits, Hit{Benchmark: b, Score: score})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Score > hits[j].Score })
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	return hits
}
