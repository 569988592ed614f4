package corpus_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/embed"
	"github.com/cailiang/cailiang/corpus/memvec"
	"github.com/cailiang/cailiang/nlp"
)

// hybridLibrary is a library over synthetic statutes with the embedded
// vector store and an LSA model trained on the same texts.
func hybridLibrary(t *testing.T, dir string) (*corpus.Library, *memvec.Store) {
	t.Helper()
	lib := openLibraryAt(t, dir)
	seedStatutes(t, lib)
	ctx := context.Background()
	var texts []string
	for _, info := range lib.Store().StatuteInfos() {
		_ = lib.Store().Articles(info.ID, func(a corpus.Article) error {
			texts = append(texts, a.Text())
			return nil
		})
	}
	// Enough texts for a few dimensions.
	for i := 0; i < 20; i++ {
		texts = append(texts, "驾驶机动车饮酒醉酒处罚", "食品生产经营许可没收违法所得", "超过保质期的食品罚款")
	}
	m, err := embed.TrainLSA(ctx, texts, nlp.RuneSegmenter{}, embed.LSAConfig{Dim: 8, MinDF: 1, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	vs, err := memvec.Open(filepath.Join(dir, "vectors"), memvec.Config{})
	if err != nil {
		t.Fatal(err)
	}
	lib.SetVectors(&corpus.Vectors{Store: vs, Embedder: m, Spec: m.Spec()})
	if _, err := lib.SyncVectors(ctx); err != nil {
		t.Fatal(err)
	}
	return lib, vs
}

// hybridLibraryWithCase is hybridLibrary in a temporary directory with the
// case of goodLine imported (and embedded).
func hybridLibraryWithCase(t *testing.T) (*corpus.Library, *memvec.Store, []corpus.Case) {
	t.Helper()
	lib, vs := hybridLibrary(t, t.TempDir())
	cs, err := corpus.DecodeCasesJSONL(strings.NewReader(goodLine))
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.ImportCases(context.Background(), cs); err != nil {
		t.Fatal(err)
	}
	return lib, vs, cs
}

func TestHybridSearch(t *testing.T) {
	dir := t.TempDir()
	lib, vs := hybridLibrary(t, dir)
	defer vs.Close()
	ctx := context.Background()
	n, err := vs.Count(ctx, "norms")
	if err != nil || n == 0 {
		t.Fatalf("norm vectors: %d %v", n, err)
	}
	yes := true
	for _, mode := range corpus.SearchModes() {
		res, err := lib.SearchNorms(ctx, corpus.NormQuery{Q: "醉酒驾驶机动车", InForce: &yes, Limit: 3}, mode)
		if err != nil {
			t.Fatalf("%s: %v", mode, err)
		}
		if len(res.Hits) == 0 || res.Hits[0].Law != "刑法" || res.Hits[0].Label != "第一百三十三条之一" {
			t.Errorf("%s: hits %+v; want 刑法第一百三十三条之一 first", mode, res.Hits)
		}
		for _, h := range res.Hits {
			if !h.InForce || h.Text == "" {
				t.Errorf("%s: hit %+v not in force or without text", mode, h)
			}
		}
	}
	// The superseded 2015 version is filtered out in vector mode too.
	no := false
	res, err := lib.SearchNorms(ctx, corpus.NormQuery{Q: "旧版", InForce: &no, Limit: 5}, corpus.ModeVector)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range res.Hits {
		if h.InForce {
			t.Errorf("in_force=false returned %+v", h)
		}
	}
	if _, err := lib.SearchNorms(ctx, corpus.NormQuery{Q: "x"}, "magic"); !errors.Is(err, corpus.ErrBadMode) {
		t.Errorf("bad mode: %v", err)
	}
	// Cases are embedded on import and found by vector search.
	cs, _ := corpus.DecodeCasesJSONL(strings.NewReader(goodLine))
	if err := lib.ImportCases(ctx, cs); err != nil {
		t.Fatal(err)
	}
	cres, err := lib.SearchCases(ctx, corpus.CaseQuery{Q: "超过保质期的食品", Limit: 3}, corpus.ModeHybrid)
	if err != nil || len(cres.Hits) != 1 || cres.Hits[0].ID != "t-1" {
		t.Fatalf("hybrid case search: %+v %v", cres, err)
	}
}

func TestVectorsResumeAndRespec(t *testing.T) {
	dir := t.TempDir()
	lib, vs := hybridLibrary(t, dir)
	ctx := context.Background()
	before, _ := vs.Count(ctx, "norms")
	// Simulate an interrupted run: drop some vectors, sync again.
	ids, _ := vs.IDs(ctx, "norms")
	if err := vs.Delete(ctx, "norms", ids[:1]); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.SyncVectors(ctx); err != nil {
		t.Fatal(err)
	}
	after, _ := vs.Count(ctx, "norms")
	if after != before {
		t.Fatalf("after resume %d vectors; want %d (no duplicates, none missing)", after, before)
	}
	// A different embedder spec re-embeds instead of mixing.
	m2, err := embed.TrainLSA(ctx, []string{"甲乙丙丁", "丙丁戊己", "戊己庚辛", "庚辛壬癸", "甲乙壬癸"}, nlp.RuneSegmenter{}, embed.LSAConfig{Dim: 3, MinDF: 1, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	lib.SetVectors(&corpus.Vectors{Store: vs, Embedder: m2, Spec: m2.Spec()})
	if _, err := lib.SyncVectors(ctx); err != nil {
		t.Fatal(err)
	}
	if n, _ := vs.Count(ctx, "norms"); n != before {
		t.Fatalf("after re-embedding %d vectors; want %d", n, before)
	}
	if err := vs.EnsureCollection(ctx, "norms", m2.Spec()); err != nil {
		t.Fatalf("collection not rebuilt with the new spec: %v", err)
	}
	vs.Close()
}

// finishingStore is memvec with a LoadDone that records its calls, as
// pgvec's does when it defers its index.
type finishingStore struct {
	*memvec.Store
	done map[string]int
}

func (f *finishingStore) LoadDone(_ context.Context, collection string) error {
	f.done[collection]++
	return nil
}

// TestSyncVectorsFinishesLoads: after adding vectors SyncVectors tells a
// LoadFinisher once per collection it added to, and not at all when it
// added nothing.
func TestSyncVectorsFinishesLoads(t *testing.T) {
	dir := t.TempDir()
	lib, vs := hybridLibrary(t, dir)
	defer vs.Close()
	ctx := context.Background()
	m := lib.Vectors().Embedder
	spec := lib.Vectors().Spec
	if err := vs.DropCollection(ctx, "norms"); err != nil {
		t.Fatal(err)
	}
	fs := &finishingStore{Store: vs, done: map[string]int{}}
	lib.SetVectors(&corpus.Vectors{Store: fs, Embedder: m, Spec: spec})
	if _, err := lib.SyncVectors(ctx); err != nil {
		t.Fatal(err)
	}
	if fs.done["norms"] != 1 || fs.done["cases"] != 0 {
		t.Errorf("after re-embedding norms: LoadDone calls %v; want norms once, cases never", fs.done)
	}
	if _, err := lib.SyncVectors(ctx); err != nil {
		t.Fatal(err)
	}
	if fs.done["norms"] != 1 {
		t.Errorf("a sync that added nothing called LoadDone: %v", fs.done)
	}
}

// wordCounter counts the queries embedded from words.
type wordCounter struct {
	*embed.LSA
	calls int
}

func (w *wordCounter) EmbedWords(ctx context.Context, words []string) ([]float32, error) {
	w.calls++
	return w.LSA.EmbedWords(ctx, words)
}

// TestNearestCases checks the analyzer's vector search for cases: the
// words of a query are embedded without cutting the text again (when the
// embedder can) and give the vector of the text; hits carry IDs and
// scores, not metadata; and the sector filter applies.
func TestNearestCases(t *testing.T) {
	lib, vs, _ := hybridLibraryWithCase(t)
	defer vs.Close()
	ctx := context.Background()
	v := lib.Vectors()
	counter := &wordCounter{LSA: v.Embedder.(*embed.LSA)}
	lib.SetVectors(&corpus.Vectors{Store: v.Store, Embedder: counter, Spec: v.Spec})
	text := "超过保质期的食品"
	words := nlp.Words(nlp.RuneSegmenter{}.Cut(text))
	byText, err := lib.NearestCases(ctx, text, corpus.CaseQuery{}, 5)
	if err != nil || counter.calls != 0 {
		t.Fatalf("by text: %v, %d word embeddings", err, counter.calls)
	}
	byWords, err := lib.NearestCases(ctx, strings.Join(words, " "), corpus.CaseQuery{Terms: words, Words: true}, 5)
	if err != nil || counter.calls != 1 {
		t.Fatalf("by words: %v, %d word embeddings", err, counter.calls)
	}
	if len(byText) != 1 || len(byWords) != 1 || byText[0].ID != "t-1" || byWords[0].ID != "t-1" ||
		byWords[0].Score < byText[0].Score-1e-6 || byWords[0].Meta != nil {
		t.Errorf("by text %+v, by words %+v: want t-1 with the same score and no metadata", byText, byWords)
	}
	other, err := lib.NearestCases(ctx, text, corpus.CaseQuery{Sector: "没有这个领域"}, 5)
	if err != nil || len(other) != 0 {
		t.Errorf("unknown sector: %+v %v", other, err)
	}
	lib.SetVectors(nil)
	if _, err := lib.NearestCases(ctx, text, corpus.CaseQuery{}, 5); !errors.Is(err, corpus.ErrNoVectors) {
		t.Errorf("without vectors: %v", err)
	}
}

// recordingEmbedder is an LSA model that records the documents it embeds.
type recordingEmbedder struct {
	*embed.LSA
	docs []string
}

func (r *recordingEmbedder) EmbedDocuments(ctx context.Context, texts []string) ([][]float32, error) {
	r.docs = append(r.docs, texts...)
	return r.LSA.EmbedDocuments(ctx, texts)
}

// TestVectorsEmbedTheIndexTexts: SyncVectors embeds exactly the
// ArticleIndexText of every searchable article and the CaseIndexText of
// every case, and every text an embedder is trained on (TrainingTexts) is
// one of them, so training and embedding cannot drift apart.
func TestVectorsEmbedTheIndexTexts(t *testing.T) {
	lib, vs, cs := hybridLibraryWithCase(t)
	defer vs.Close()
	ctx := context.Background()
	v := lib.Vectors()
	rec := &recordingEmbedder{LSA: v.Embedder.(*embed.LSA)}
	for _, coll := range []string{"norms", "cases"} {
		if err := vs.DropCollection(ctx, coll); err != nil {
			t.Fatal(err)
		}
	}
	lib.SetVectors(&corpus.Vectors{Store: vs, Embedder: rec, Spec: v.Spec})
	if _, err := lib.SyncVectors(ctx); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{corpus.CaseIndexText(cs[0]): true}
	for _, info := range lib.Store().StatuteInfos() {
		_ = lib.Store().Articles(info.ID, func(a corpus.Article) error {
			want[corpus.ArticleIndexText(info.Law, a)] = true
			return nil
		})
	}
	embedded := map[string]bool{}
	for _, d := range rec.docs {
		if !want[d] {
			t.Errorf("embedded %q, which is no article's or case's index text", d)
		}
		embedded[d] = true
	}
	if len(embedded) != len(want) {
		t.Errorf("embedded %d distinct texts; want %d", len(embedded), len(want))
	}
	train, err := lib.TrainingTexts()
	if err != nil {
		t.Fatal(err)
	}
	if len(train) == 0 {
		t.Fatal("no training texts")
	}
	// The embedding policy sizes the training set from metadata.
	if n, err := lib.TrainingSize(); err != nil || n != len(train) {
		t.Errorf("TrainingSize = %d, %v; TrainingTexts has %d", n, err, len(train))
	}
	for _, tx := range train {
		if !embedded[tx] {
			t.Errorf("trained on %q, which SyncVectors does not embed", tx)
		}
		if strings.Contains(tx, "旧版") {
			t.Errorf("trained on %q, an article no longer in force", tx)
		}
	}
	if tx := corpus.ArticleIndexText("刑法", corpus.Article{Paragraphs: []corpus.Paragraph{{Text: "甲。"}, {Text: "乙。"}}}); tx != "刑法 甲。\n乙。" {
		t.Errorf("ArticleIndexText = %q", tx)
	}
}

// TestSyncVectorsRefreshesStale: statutes changed behind the vectors' back
// (an import killed before it embedded) leave stale records; SyncVectors
// embeds the changed text again, rewrites the in-force flag of a superseded
// version, drops the record of a removed article, and then finds nothing to
// do.
func TestSyncVectorsRefreshesStale(t *testing.T) {
	lib, vs := hybridLibrary(t, t.TempDir())
	defer vs.Close()
	ctx := context.Background()
	v := lib.Vectors()
	lib.SetVectors(nil)
	changedText := "在道路上醉酒驾驶机动车的，吊销机动车驾驶证，处拘役。"
	xf := statute("xf", "刑法", "", article(133, 1, changedText))
	// A later version supersedes 食品安全法 2021.
	fs := statute("fs-2023", "食品安全法", "2023-01-01", article(122, 0, "新版第一百二十二条。"))
	if _, err := lib.ImportStatutes(ctx, source(xf, fs)); err != nil {
		t.Fatal(err)
	}
	lib.SetVectors(v)
	rep, err := lib.SyncVectors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// 刑法 133-1 changed, 食品安全法 2021's two articles left force; 刑法
	// 133 is gone; 食品安全法 2023 122 is new.
	want := corpus.VectorSync{Added: 1, Refreshed: 3, Dropped: 1, Kept: rep.Kept}
	if rep != want || rep.Kept == 0 {
		t.Errorf("SyncVectors = %+v; want %+v with some kept", rep, want)
	}
	metas, err := vs.Metas(ctx, "norms")
	if err != nil {
		t.Fatal(err)
	}
	if d := metas["xf#133-1"][corpus.DigestKey]; d != corpus.TextDigest(corpus.ArticleIndexText("刑法", article(133, 1, changedText))) {
		t.Errorf("digest of the changed article %q; want the digest of its new text", d)
	}
	if _, ok := metas["xf#133-0"]; ok {
		t.Error("the removed article's vector was kept")
	}
	if got := metas["fs-2021#122-0"]["in_force"]; got != "false" {
		t.Errorf("superseded version's in_force = %q; want false", got)
	}
	yes := true
	res, err := lib.SearchNorms(ctx, corpus.NormQuery{Q: "食品生产经营许可", InForce: &yes, Limit: 10}, corpus.ModeVector)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range res.Hits {
		if h.StatuteID == "fs-2021" {
			t.Errorf("in_force=true returned the superseded version: %+v", h)
		}
	}
	again, err := lib.SyncVectors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if again.Added+again.Refreshed+again.Dropped != 0 || again.Kept != rep.Added+rep.Refreshed+rep.Kept {
		t.Errorf("second SyncVectors = %+v; want everything kept", again)
	}
}
