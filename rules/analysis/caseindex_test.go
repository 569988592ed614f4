package analysis

import (
	"bytes"
	"context"
	"testing"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/samples"
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
		Facts: facts, Disposition: corpus.DispositionPenalty, DecisionDate: "2025-06-01", Penalty: corpus.Penalty{Fine: 10000},
		// 无证无照经营查处办法 第十三条: 并处1万元以下的罚款.
		Basis: []corpus.Citation{{Law: "无证无照经营查处办法", Article: 13}}}
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
