package bleveidx

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/shareddata"
)

// rankerLaws are the statutes (every version) the ranker tests index from
// national.jsonl: enough articles, versions in and out of force, and
// categories for every filter.
var rankerLaws = map[string]bool{
	"食品安全法": true, "道路交通安全法": true, "广告法": true, "行政处罚法": true, "产品质量法": true,
	"药品管理法": true, "刑法": true, "安全生产法": true, "食品安全法实施条例": true, "道路交通安全法实施条例": true,
}

var (
	rankerArticlesOnce sync.Once
	rankerArticles     []corpus.IndexedArticle
	rankerArticlesErr  error
)

// rankerCorpus reads the articles of rankerLaws from the shared data.
func rankerCorpus(t testing.TB) []corpus.IndexedArticle {
	t.Helper()
	path := shareddata.File(t, "statutes_lawrefbook/national.jsonl")
	rankerArticlesOnce.Do(func() {
		f, err := os.Open(path)
		if err != nil {
			rankerArticlesErr = err
			return
		}
		defer f.Close()
		rankerArticlesErr = corpus.ReadLawrefJSONL(f, func(st corpus.Statute) error {
			if !rankerLaws[st.Law] {
				return nil
			}
			// Two versions out of force, so that the in-force filter
			// has both kinds to tell apart.
			st.InForce = !(st.Law == "广告法" && st.Category == "经济法") && st.Law != "道路交通安全法实施条例"
			info := corpus.StatuteInfo{Statute: st, ArticleCount: len(st.Articles)}
			info.Articles = nil
			for _, a := range st.Articles {
				rankerArticles = append(rankerArticles, corpus.IndexedArticle{Statute: info, Article: a})
			}
			return nil
		})
	})
	if rankerArticlesErr != nil {
		t.Fatal(rankerArticlesErr)
	}
	if len(rankerArticles) < 1000 {
		t.Fatalf("only %d articles of %d laws read from %s", len(rankerArticles), len(rankerLaws), path)
	}
	return rankerArticles
}

func rankerIndex(t testing.TB) *Index {
	t.Helper()
	arts := rankerCorpus(t)
	ix, err := Open(Config{Dir: filepath.Join(t.TempDir(), "index")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.IndexArticles(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	return ix
}

func hitKey(h corpus.NormHit) string {
	return fmt.Sprintf("%s#%d-%d", h.StatuteID, h.Number, h.Suffix)
}

// TestRankerMatchesBleve checks that norm searches answered by the
// in-memory ranker return what bleve returns for the same query: the same
// total, the same hits in the same order with the same text and snippets,
// and, without filters (which add a constant to bleve's scores), the same
// scores.
func TestRankerMatchesBleve(t *testing.T) {
	ix := rankerIndex(t)
	ctx := context.Background()
	yes, no := true, false
	long := []rune(rankerCorpus(t)[40].Article.Text() + rankerCorpus(t)[400].Article.Text() + rankerCorpus(t)[900].Article.Text())
	if len(long) > 600 {
		long = long[:600]
	}
	tests := []struct {
		name string
		q    corpus.NormQuery
	}{
		{"words", corpus.NormQuery{Q: "醉酒驾驶机动车"}},
		{"expanded", corpus.NormQuery{Q: corpus.ExpandQuery("无证经营食品")}},
		{"in force", corpus.NormQuery{Q: "超市销售过期食品", InForce: &yes}},
		{"not in force", corpus.NormQuery{Q: "虚假广告", InForce: &no}},
		{"law", corpus.NormQuery{Q: "罚款", Law: "食品安全法", InForce: &yes}},
		{"category", corpus.NormQuery{Q: "吊销许可证", Category: "行政法"}},
		{"unknown law", corpus.NormQuery{Q: "罚款", Law: "没有这部法"}},
		{"region", corpus.NormQuery{Q: "罚款", Region: "山东"}},
		{"one character", corpus.NormQuery{Q: "酒"}},
		{"repeated word", corpus.NormQuery{Q: "食品 食品 安全"}},
		{"digits and latin", corpus.NormQuery{Q: "2021 GB"}},
		{"no match", corpus.NormQuery{Q: "zzqqxx"}},
		{"punctuation only", corpus.NormQuery{Q: "，。！"}},
		{"page 2", corpus.NormQuery{Q: "生产经营", Limit: 7, Offset: 7}},
		{"page past the end", corpus.NormQuery{Q: "醉酒驾驶", Offset: 100000}},
		{"large page", corpus.NormQuery{Q: "责令改正", Limit: 100}},
		{"long query (bounded)", corpus.NormQuery{Q: string(long)}},
		{"long query in force", corpus.NormQuery{Q: string(long), InForce: &yes, Law: "刑法"}},
	}
	want := make([]corpus.Results[corpus.NormHit], len(tests))
	for i, tt := range tests {
		r, err := ix.searchNorms(ctx, tt.q, false)
		if err != nil {
			t.Fatalf("%s: bleve: %v", tt.name, err)
		}
		want[i] = r
	}
	if err := ix.WarmRanking(ctx); err != nil {
		t.Fatal(err)
	}
	if ix.rk.Load() == nil {
		t.Fatal("no ranker after WarmRanking")
	}
	for i, tt := range tests {
		got, err := ix.searchNorms(ctx, tt.q, true)
		if err != nil {
			t.Fatalf("%s: ranker: %v", tt.name, err)
		}
		compareHits(t, tt.name, got, want[i], true)
		// Asked again, the answer comes from the ranker's cache: the
		// same, and not changed by what the first caller did to its hits.
		for j := range got.Hits {
			got.Hits[j] = corpus.NormHit{}
		}
		again, err := ix.searchNorms(ctx, tt.q, true)
		if err != nil {
			t.Fatalf("%s: ranker again: %v", tt.name, err)
		}
		compareHits(t, tt.name+" (cached)", again, want[i], true)
	}
	if n := len(ix.rk.Load().results.m); n != len(tests) {
		t.Errorf("%d answers cached after %d distinct searches", n, len(tests))
	}
	for _, i := range []int{0, 2, 3, 4, 5, 16, 17} {
		if want[i].Total == 0 {
			t.Errorf("%s: bleve finds nothing; the fixture should match it", tests[i].name)
		}
	}
}

func compareHits(t *testing.T, name string, got, want corpus.Results[corpus.NormHit], scores bool) {
	t.Helper()
	if got.Total != want.Total || len(got.Hits) != len(want.Hits) {
		t.Errorf("%s: ranker total %d, %d hits; bleve %d, %d hits", name, got.Total, len(got.Hits), want.Total, len(want.Hits))
		return
	}
	// bleve sums a disjunction's children in an order that varies from
	// run to run (boundedQuery ranges over a map), so hits of equal score
	// can differ in the last bits and come in either order: a hit may
	// stand in for another of the same bleve score.
	wantScore := map[string]float64{}
	for _, w := range want.Hits {
		wantScore[hitKey(w)] = w.Score
	}
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }
	for j := range got.Hits {
		g, w := got.Hits[j], want.Hits[j]
		if s, ok := wantScore[hitKey(g)]; ok && hitKey(g) != hitKey(w) && near(s, w.Score) {
			continue
		}
		if hitKey(g) != hitKey(w) || g.Text != w.Text || strings.Join(g.Snippets, "|") != strings.Join(w.Snippets, "|") || g.InForce != w.InForce {
			t.Errorf("%s: hit %d is %s (%.6f); bleve has %s (%.6f)", name, j, hitKey(g), g.Score, hitKey(w), w.Score)
			return
		}
		if scores && !near(g.Score, w.Score) {
			t.Errorf("%s: hit %d %s scores %v; bleve %v", name, j, hitKey(g), g.Score, w.Score)
		}
	}
}

// TestRankerDateFilter checks the version-date filter of the ranker: its
// hits are bleve's ranking without the date filter, keeping the versions
// inside the range (bleve's numeric range adds a score that differs by
// date bucket, which the ranker leaves out).
func TestRankerDateFilter(t *testing.T) {
	ix := rankerIndex(t)
	ctx := context.Background()
	for _, r := range []struct{ from, to string }{{"2021-01-01", ""}, {"", "2019-12-31"}, {"2019-01-01", "2019-12-31"}, {"2030-01-01", ""}} {
		// The whole ranking without the date filter, page by page.
		var all []corpus.NormHit
		for off := 0; ; off += 100 {
			page, err := ix.searchNorms(ctx, corpus.NormQuery{Q: "罚款", Limit: 100, Offset: off}, false)
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, page.Hits...)
			if len(page.Hits) == 0 || uint64(len(all)) >= page.Total {
				break
			}
		}
		var want corpus.Results[corpus.NormHit]
		for _, h := range all {
			if (r.from == "" || h.VersionDate >= r.from) && (r.to == "" || h.VersionDate <= r.to) && len(want.Hits) < 10 {
				want.Hits = append(want.Hits, h)
			}
		}
		q := corpus.NormQuery{Q: "罚款", From: r.from, To: r.to}
		bl, err := ix.searchNorms(ctx, q, false)
		if err != nil {
			t.Fatal(err)
		}
		want.Total = bl.Total
		if err := ix.WarmRanking(ctx); err != nil {
			t.Fatal(err)
		}
		got, err := ix.searchNorms(ctx, q, true)
		if err != nil {
			t.Fatal(err)
		}
		compareHits(t, fmt.Sprintf("%s..%s", r.from, r.to), got, want, false)
		if r.from != "2030-01-01" && len(got.Hits) == 0 {
			t.Errorf("%s..%s: no hits; the fixture should have versions in the range", r.from, r.to)
		}
	}
}

// TestRankerFollowsWrites checks that a write to the norm index is seen by
// the next search: the ranker of the old snapshot is dropped, bleve answers
// until a new one is built, and the new one has the change.
func TestRankerFollowsWrites(t *testing.T) {
	ix := rankerIndex(t)
	ctx := context.Background()
	if err := ix.WarmRanking(ctx); err != nil {
		t.Fatal(err)
	}
	added := corpus.IndexedArticle{
		Statute: corpus.StatuteInfo{Statute: corpus.Statute{ID: "new-statute", Law: "测试条例", Title: "测试条例", Category: "行政法规", InForce: true, VersionDate: "2026-01-01"}},
		Article: corpus.Article{Number: 1, Paragraphs: []corpus.Paragraph{{Text: "擅自饲养鸵鸟扰民的，处五百元罚款。"}}},
	}
	q := corpus.NormQuery{Q: "鸵鸟"}
	find := func(step string, want uint64) {
		t.Helper()
		r, err := ix.SearchNorms(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if r.Total != want || (want > 0 && r.Hits[0].StatuteID != "new-statute") {
			t.Fatalf("%s: %d hits %v; want %d", step, r.Total, r.Hits, want)
		}
	}
	find("before", 0)
	if err := ix.IndexArticles(ctx, []corpus.IndexedArticle{added}); err != nil {
		t.Fatal(err)
	}
	find("just after indexing", 1)
	if err := ix.WarmRanking(ctx); err != nil {
		t.Fatal(err)
	}
	if ix.rk.Load() == nil {
		t.Fatal("no ranker after WarmRanking")
	}
	find("ranker rebuilt", 1)
	if err := ix.DeleteStatute(ctx, "new-statute"); err != nil {
		t.Fatal(err)
	}
	find("just after deleting", 0)
	if err := ix.WarmRanking(ctx); err != nil {
		t.Fatal(err)
	}
	find("ranker rebuilt after deleting", 0)
}

// rankerPhrases are n queries of 20 characters from the middle of the
// fixture's articles, every one distinct, as the API's distinct-search
// benchmark draws them from the national statutes.
func rankerPhrases(tb testing.TB, n int) []string {
	seen := map[string]bool{}
	var out []string
	for _, a := range rankerCorpus(tb) {
		r := []rune(a.Article.Text())
		if len(r) < 40 {
			continue
		}
		q := string(r[len(r)/2-10 : len(r)/2+10])
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
		if len(out) == n {
			break
		}
	}
	return out
}

// BenchmarkRankerDistinct measures norm searches by the ranker that miss
// the result cache (it is emptied before each): planning, scoring, stored
// fields and snippets, one search at a time, on the fixture's statutes.
func BenchmarkRankerDistinct(b *testing.B) {
	ix := rankerIndex(b)
	ctx := context.Background()
	if err := ix.WarmRanking(ctx); err != nil {
		b.Fatal(err)
	}
	qs := rankerPhrases(b, 500)
	rk := ix.rk.Load()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rk.results.mu.Lock()
		rk.results.m = nil
		rk.results.mu.Unlock()
		if _, err := ix.SearchNorms(ctx, corpus.NormQuery{Q: qs[i%len(qs)]}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRankerPruningExact checks that scoring with the common terms left
// unwalked (score.go) returns exactly what walking every posting returns:
// the same documents in the same order with bit-identical scores and the
// same number of matches, over distinct article phrases, short queries,
// pages deep into the ranking and every kind of filter. It also checks
// that pruning happened at all, so that the comparison is not vacuous.
func TestRankerPruningExact(t *testing.T) {
	ix := rankerIndex(t)
	ctx := context.Background()
	if err := ix.WarmRanking(ctx); err != nil {
		t.Fatal(err)
	}
	rk := ix.rk.Load()
	yes, no := true, false
	secondary := map[string]float64{"title": 0.1, "chapter": 0.1}
	queries := append(rankerPhrases(t, 300), "醉酒驾驶机动车", corpus.ExpandQuery("无证经营食品"), "的", "食品 食品 安全 的 的", "罚款", "zzqqxx")
	filters := []struct {
		name string
		f    rankerFilter
	}{
		{"none", rk.filter("", "", "", nil, "", "")},
		{"in force", rk.filter("", "", "", &yes, "", "")},
		{"not in force", rk.filter("", "", "", &no, "", "")},
		{"law", rk.filter("食品安全法", "", "", &yes, "", "")},
		{"category", rk.filter("", "行政法", "", nil, "", "")},
		{"dates", rk.filter("", "", "", nil, "2019-01-01", "2021-12-31")},
		{"unknown law", rk.filter("没有这部法", "", "", nil, "", "")},
	}
	pruned := 0
	for qi, q := range queries {
		p, err := planText(ctx, ix.norms, q, "text", true, rk)
		if err != nil {
			t.Fatal(err)
		}
		cs := clauses(ix, p, q, "text", ix.cfg.BigramWeight, secondary, true)
		for _, f := range filters {
			if qi%len(filters) != 0 && f.name != "none" && qi > 10 {
				continue // every filter on a share of the queries
			}
			for _, want := range []int{10, 1, 57} {
				all, allTotal := rk.score(cs, f.f, 1.2, want, &accumulators{}, false)
				acc := &accumulators{}
				got, total := rk.score(cs, f.f, 1.2, want, acc, true)
				if total != allTotal || len(got) != len(all) {
					t.Fatalf("%q, filter %s, top %d: pruned %d matches, %d hits; exhaustive %d, %d", q, f.name, want, total, len(got), allTotal, len(all))
				}
				for i := range got {
					if got[i] != all[i] {
						t.Fatalf("%q, filter %s, top %d: hit %d is %s %v; exhaustive %s %v", q, f.name, want, i, rk.ids[got[i].doc], got[i].score, rk.ids[all[i].doc], all[i].score)
					}
				}
				if acc.walked < acc.postings {
					pruned++
				}
			}
		}
	}
	if pruned < len(queries)/2 {
		t.Errorf("common terms left unwalked in only %d searches", pruned)
	}
}
