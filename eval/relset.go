package eval

import (
	"bufio"
	"bytes"
	"context"
	_ "embed" // the relevance set ships in the binary
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/nlp"
)

// SuiteNormRelset is the name of our own norm relevance-set suite.
const SuiteNormRelset = "norm-relset"

// relsetJSONL is written by us (not taken from the shared data): officer-style
// queries and the penalty provisions an officer needs for them, each checked
// against the in-force text (the evidence quotes are verbatim from it and a
// test re-checks them against an imported national.jsonl).
//
//go:embed testdata/norm_relset.jsonl
var relsetJSONL []byte

// RelQuery is one labelled query of a relevance set.
type RelQuery struct {
	// Q is the query as an officer would type it.
	Q string `json:"q"`
	// Want lists the expected provisions in canonical form:
	// <law short name><nlp.ArticleLabel>, e.g. 食品安全法第一百二十四条.
	Want []string `json:"want"`
	// Evidence[i] is a verbatim phrase of Want[i]'s in-force text that shows
	// the article punishes the conduct in Q.
	Evidence []string `json:"evidence"`
}

// ErrBadRelset is wrapped by ParseRelset for a malformed relevance set.
var ErrBadRelset = errors.New("bad relevance set")

// canonicalLabel reports whether want is a whole-article citation written
// exactly as <law><nlp.ArticleLabel(n, suffix)>, the form NormHit Law+Label
// takes, so that string comparison with search hits is exact.
func canonicalLabel(want string) error {
	pc, err := corpus.ParseCitation(want)
	if err != nil {
		return err
	}
	if pc.Paragraph != 0 || pc.Item != 0 {
		return fmt.Errorf("%q cites a paragraph or item; the set labels whole articles", want)
	}
	if got := pc.LawName + nlp.ArticleLabel(pc.Article, pc.Suffix); got != want {
		return fmt.Errorf("%q is not canonical; write %q", want, got)
	}
	return nil
}

// ParseRelset reads a relevance set, one JSON RelQuery per line (blank lines
// skipped). It returns an error wrapping ErrBadRelset, with the line number,
// for invalid JSON, an empty query or want list, a duplicate query, a
// non-canonical label, or evidence not matching want one to one.
func ParseRelset(r io.Reader) ([]RelQuery, error) {
	br := bufio.NewReader(r)
	var out []RelQuery
	seen := map[string]int{}
	for lineNo := 1; ; lineNo++ {
		line, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			var q RelQuery
			dec := json.NewDecoder(bytes.NewReader(line))
			dec.DisallowUnknownFields()
			if jerr := dec.Decode(&q); jerr != nil {
				return nil, fmt.Errorf("relevance set line %d: %v: %w", lineNo, jerr, ErrBadRelset)
			}
			q.Q = strings.TrimSpace(q.Q)
			switch {
			case q.Q == "":
				return nil, fmt.Errorf("relevance set line %d: empty query: %w", lineNo, ErrBadRelset)
			case len(q.Want) == 0:
				return nil, fmt.Errorf("relevance set line %d: no expected provision: %w", lineNo, ErrBadRelset)
			case len(q.Evidence) != len(q.Want):
				return nil, fmt.Errorf("relevance set line %d: %d evidence quotes for %d provisions: %w", lineNo, len(q.Evidence), len(q.Want), ErrBadRelset)
			}
			if prev, dup := seen[q.Q]; dup {
				return nil, fmt.Errorf("relevance set line %d: query %q repeats line %d: %w", lineNo, q.Q, prev, ErrBadRelset)
			}
			seen[q.Q] = lineNo
			for _, w := range q.Want {
				if cerr := canonicalLabel(w); cerr != nil {
					return nil, fmt.Errorf("relevance set line %d: %v: %w", lineNo, cerr, ErrBadRelset)
				}
			}
			out = append(out, q)
		}
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read relevance set: %w", err)
		}
	}
}

// NormRelset returns our built-in relevance set. The embedded file is checked
// by tests, so an error here means a broken build.
func NormRelset() ([]RelQuery, error) {
	return ParseRelset(bytes.NewReader(relsetJSONL))
}

func runNormRelset(ctx context.Context, env Env) ([]Result, error) {
	set, err := NormRelset()
	if err != nil {
		return nil, err
	}
	return scoreRelset(ctx, env, SuiteNormRelset, set)
}

// scoreRelset searches every query (in force only, as an officer would) and
// scores the top 10:
//   - success@5: the share of all expected provisions, pooled over queries,
//     found in their query's top 5 (what an officer sees without scrolling);
//   - recall@10: the mean over queries of the share of a query's provisions
//     in its top 10;
//   - mrr: the mean reciprocal rank of the first expected provision (0 when
//     none is in the top 10).
func scoreRelset(ctx context.Context, env Env, suite string, set []RelQuery) ([]Result, error) {
	if env.Norms == nil {
		return nil, ErrNoSearcher
	}
	if len(set) == 0 {
		return nil, fmt.Errorf("empty relevance set: %w", ErrBadRelset)
	}
	inForce := true
	var found5, wanted int
	var rec10, rr []float64
	for i, q := range set {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		res, err := env.Norms.SearchNorms(ctx, corpus.NormQuery{Q: q.Q, InForce: &inForce, Limit: 10})
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", q.Q, err)
		}
		ranked := make([]string, 0, len(res.Hits))
		for _, h := range res.Hits {
			ranked = append(ranked, h.Law+h.Label)
		}
		hits := HitsAtK(ranked, q.Want, 5)
		found5 += hits
		wanted += len(toSet(q.Want))
		rec10 = append(rec10, RecallAtK(ranked, q.Want, 10))
		rr = append(rr, ReciprocalRank(ranked, q.Want))
		env.log().Debug("relevance query", "suite", suite, "q", q.Q, "want", q.Want, "found5", hits, "rr", rr[len(rr)-1], "top5", distinctPrefix(ranked, 5))
		env.progress(suite, i+1, len(set))
	}
	n := len(set)
	return []Result{
		{Suite: suite, Metric: "success@5", Value: float64(found5) / float64(wanted), N: n},
		{Suite: suite, Metric: "recall@10", Value: Mean(rec10), N: n},
		{Suite: suite, Metric: "mrr@10", Value: Mean(rr), N: n},
	}, nil
}
