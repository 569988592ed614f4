package caseanalysis

import (
	"bytes"
	"cmp"
	"context"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/samples"
	"github.com/cailiang/cailiang/legal"
)

// TestCaseIndexFindsEachSampleItself analyses every sample case's own facts:
// the in-memory index must rank that case first, as the full-text index
// does (the sample base has no duplicate narratives).
func TestCaseIndexFindsEachSampleItself(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	cases, err := corpus.DecodeCasesJSONL(bytes.NewReader(samples.CasesJSONL()))
	if err != nil {
		t.Fatal(err)
	}
	missed := 0
	for _, c := range cases {
		res, err := a.Analyze(context.Background(), Request{Facts: c.Facts, SimilarCases: 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.SimilarCases) == 0 || res.SimilarCases[0].ID != c.ID {
			missed++
			t.Logf("%s: first similar case %v", c.ID, res.SimilarCases)
		}
	}
	if a.caseIdx == nil || a.caseIdx.tooMany || len(a.caseIdx.cases) != len(cases) {
		t.Fatalf("similar cases were not searched in memory over the %d samples", len(cases))
	}
	if missed > 0 {
		t.Errorf("%d of %d samples do not find themselves first", missed, len(cases))
	}
}

// TestCaseIndexFollowsImports checks that a case imported after the index
// was built is found: the corpus generation changes and the index is
// rebuilt.
func TestCaseIndexFollowsImports(t *testing.T) {
	a, lib := newTestAnalyzer(t)
	ctx := context.Background()
	facts := "当事人在景区内无照经营热气球观光项目，收取游客费用共计8600元。"
	if _, err := a.Analyze(ctx, Request{Facts: facts}); err != nil {
		t.Fatal(err)
	}
	before := a.caseIdx
	c := corpus.Case{ID: "test-balloon", Title: "某某公司无照经营热气球观光案", Sector: "市场监管", ViolationType: "无照经营",
		Facts: facts, Disposition: legal.DispositionPenalty, DecisionDate: "2025-06-01", Penalty: corpus.Penalty{Fine: 10000},
		// 无证无照经营查处办法 第十三条: 并处1万元以下的罚款.
		Basis: []legal.Ref{{Law: "无证无照经营查处办法", Article: 13}}}
	if err := lib.ImportCases(ctx, []corpus.Case{c}); err != nil {
		t.Fatal(err)
	}
	res, err := a.Analyze(ctx, Request{Facts: facts})
	if err != nil {
		t.Fatal(err)
	}
	if a.caseIdx == before {
		t.Fatal("case index not rebuilt after an import")
	}
	if len(res.SimilarCases) == 0 || res.SimilarCases[0].ID != c.ID {
		t.Fatalf("imported case not found first: %+v", res.SimilarCases)
	}
}

// TestCaseIndexLimit checks the fallback: with more cases than MemCases,
// similar cases come from the full-text index, and the same sample is
// found first either way.
func TestCaseIndexLimit(t *testing.T) {
	facts := "某某超市有限公司销售超过保质期的酸奶20盒，货值金额300元，违法所得50元。"
	var firsts []string
	for _, limit := range []int{0, 1, -1} {
		a, _ := newTestAnalyzer(t)
		a.cfg.MemCases = limit
		if limit == 0 {
			a.cfg.MemCases = DefaultMemCases
		}
		res, err := a.Analyze(context.Background(), Request{Facts: facts})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.SimilarCases) == 0 {
			t.Fatalf("limit %d: no similar cases", limit)
		}
		inMemory := a.caseIdx != nil && !a.caseIdx.tooMany
		if inMemory != (limit == 0) {
			t.Errorf("limit %d: searched in memory = %v", limit, inMemory)
		}
		firsts = append(firsts, res.SimilarCases[0].ID)
	}
	if firsts[0] != firsts[1] || firsts[1] != firsts[2] {
		t.Errorf("first similar case differs between memory and full-text search: %v", firsts)
	}
}

// nearCases is a NearCaseFinder answering with fixed IDs, recording the
// filter it was asked with.
type nearCases struct {
	*corpus.Library
	ids    []string
	err    error
	sector legal.Sector
}

func (f *nearCases) NearestCases(_ context.Context, _ string, q corpus.CaseQuery, k int) ([]corpus.VectorHit, error) {
	f.sector = q.Sector
	var out []corpus.VectorHit
	for i, id := range f.ids {
		if i == k {
			break
		}
		out = append(out, corpus.VectorHit{ID: id, Score: 1 - float64(i)/10})
	}
	return out, f.err
}

// TestCaseIndexFusesVectors checks similar cases in hybrid mode: the cases
// nearest by vector are fused with the in-memory lexical ranking, so a case
// the words miss but the vectors find rises into the answer; unknown IDs
// are dropped; without vectors (ErrNoVectors) and in bm25 mode the lexical
// ranking stands alone.
func TestCaseIndexFusesVectors(t *testing.T) {
	facts := "某某超市有限公司销售超过保质期的酸奶20盒，货值金额300元，违法所得50元。"
	ctx := context.Background()
	base, lib := newTestAnalyzer(t)
	req := Request{Facts: facts, SimilarCases: 3}
	plain, err := base.Analyze(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	ids := func(r Result) []string {
		var out []string
		for _, s := range r.SimilarCases {
			out = append(out, s.ID)
		}
		return out
	}
	lexical := ids(plain)
	if len(lexical) != 3 {
		t.Fatalf("bm25: %v", lexical)
	}
	sector := plain.Violations[0].Sector
	// The case of the sector ranked last lexically for these facts.
	all, err := base.Analyze(ctx, Request{Facts: facts, SimilarCases: 20, Sector: sector})
	if err != nil {
		t.Fatal(err)
	}
	far := ids(all)[len(all.SimilarCases)-1]
	if slices.Contains(lexical, far) || len(all.SimilarCases) < 5 {
		t.Fatalf("want a case far down the lexical ranking: %v", ids(all))
	}
	tests := []struct {
		name    string
		mode    corpus.SearchMode
		finder  *nearCases
		want    []string // nil: the lexical ranking
		contain string
	}{
		{name: "hybrid", mode: corpus.ModeHybrid, finder: &nearCases{ids: []string{"no-such-case", far}}, contain: far},
		{name: "no vectors", mode: corpus.ModeHybrid, finder: &nearCases{err: corpus.ErrNoVectors}},
		{name: "bm25 ignores vectors", mode: corpus.ModeBM25, finder: &nearCases{ids: []string{far}}},
		{name: "vector only", mode: corpus.ModeVector, finder: &nearCases{ids: []string{far, lexical[2]}}, want: []string{far, lexical[2]}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, _ := newTestAnalyzer(t)
			tc.finder.Library = lib
			a.cfg.Cases, a.cfg.Mode = tc.finder, tc.mode
			res, err := a.Analyze(ctx, Request{Facts: facts, SimilarCases: 3, Sector: sector})
			if err != nil {
				t.Fatal(err)
			}
			got := ids(res)
			switch {
			case tc.want != nil:
				if !slices.Equal(got, tc.want) {
					t.Errorf("similar cases %v, want %v", got, tc.want)
				}
			case tc.contain != "":
				if !slices.Contains(got, tc.contain) || slices.Contains(got, "no-such-case") {
					t.Errorf("similar cases %v, want %s fused in and no unknown ID", got, tc.contain)
				}
				if tc.finder.sector != sector {
					t.Errorf("vector search filtered by sector %q", tc.finder.sector)
				}
			default:
				res0, err := base.Analyze(ctx, Request{Facts: facts, SimilarCases: 3, Sector: sector})
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(got, ids(res0)) {
					t.Errorf("similar cases %v, want the lexical %v", got, ids(res0))
				}
			}
		})
	}
}

// TestTopFusedIsStableSort checks that the fused cases kept by insertion
// are the first n of a stable sort by score, ties in their fused order, on
// lists with many equal scores (reciprocal-rank weights repeat), for n
// from 0 to past the list's length.
func TestTopFusedIsStableSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 18))
	for _, tc := range []struct{ size, distinct int }{
		{0, 1}, {1, 1}, {7, 2}, {60, 5}, {100, 40}, {100, 1000},
	} {
		for range 50 {
			fused := make([]caseHit, tc.size)
			for i := range fused {
				fused[i] = caseHit{doc: rng.IntN(500), score: corpus.RRFWeight(rng.IntN(tc.distinct))}
			}
			want := slices.Clone(fused)
			slices.SortStableFunc(want, func(a, b caseHit) int { return cmp.Compare(b.score, a.score) })
			for _, n := range []int{0, 1, 3, 10, 50, tc.size, tc.size + 5} {
				got := topFused(slices.Clone(fused), n)
				if w := want[:min(n, len(want))]; !slices.Equal(got, w) {
					t.Fatalf("size %d, n %d: got %v, want %v", tc.size, n, got, w)
				}
			}
		}
	}
}

// BenchmarkTopFused keeps the ten best of a fusion as an analysis makes
// it: fifty lexical cases, of which the fifty nearest by vector name about
// half again, the rest added.
func BenchmarkTopFused(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	src := make([]caseHit, 0, 2*fusionDepth)
	for r := range fusionDepth {
		src = append(src, caseHit{doc: r, score: corpus.RRFWeight(r)})
	}
	for r := range fusionDepth {
		if i := rng.IntN(2 * fusionDepth); i < fusionDepth {
			src[i].score += corpus.RRFWeight(r)
		} else {
			src = append(src, caseHit{doc: fusionDepth + r, score: corpus.RRFWeight(r)})
		}
	}
	buf := make([]caseHit, len(src))
	for b.Loop() {
		copy(buf, src)
		topFused(buf, 10)
	}
}
