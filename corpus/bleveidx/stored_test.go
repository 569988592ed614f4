package bleveidx

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/search"

	"github.com/cailiang/cailiang/corpus"
)

// TestRankerStoredFields checks that the ranker's hits get the stored
// fields bleve's Document gives them when read by document number, that
// it does read them so (the index keeps the segments the ranker was built
// from), and that a document deleted behind an older ranker's back is
// dropped, as withFields drops it, whether the segments are still the same
// or not.
func TestRankerStoredFields(t *testing.T) {
	ix := rankerIndex(t)
	ctx := context.Background()
	if err := ix.WarmRanking(ctx); err != nil {
		t.Fatal(err)
	}
	rk := ix.rk.Load()
	if len(rk.segments) == 0 {
		t.Fatal("the ranker recorded no segments: stored fields would always be read by ID")
	}
	fields := []string{"text", "title", "chapter", "law", "category", "region", "statute_id", "label", "version_date", "in_force", "number", "suffix"}
	page := func(docs []uint32) []*search.DocumentMatch {
		out := make([]*search.DocumentMatch, len(docs))
		for i, d := range docs {
			out[i] = &search.DocumentMatch{ID: rk.ids[d]}
		}
		return out
	}
	var docs []uint32
	for d := 0; d < len(rk.ids); d += len(rk.ids)/40 + 1 {
		docs = append(docs, uint32(d))
	}
	want, err := withFields(ctx, ix.norms, page(docs), fields)
	if err != nil {
		t.Fatal(err)
	}
	got, err := rk.rankedFields(ctx, ix.norms, page(docs), docs, fields)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(docs) || !reflect.DeepEqual(got, want) {
		t.Fatalf("by number: %d hits, by ID %d; first by number %v, by ID %v", len(got), len(want), got[0].Fields, want[0].Fields)
	}
	if n, ok := got[0].Fields["number"].(float64); !ok || n <= 0 {
		t.Fatalf("number field = %v", got[0].Fields["number"])
	}
	// The ranker's copy of the stored fields gives the same hits.
	if rk.stored == nil {
		t.Fatal("the ranker kept no stored fields")
	}
	top := make([]scored, len(docs))
	for i, d := range docs {
		top[i] = scored{doc: d, score: float64(i)}
	}
	asHits := func(ms []*search.DocumentMatch) []corpus.NormHit {
		out := make([]corpus.NormHit, len(ms))
		for i, m := range ms {
			m.Score = float64(slices.Index(docs, uint32(slices.Index(rk.ids, m.ID))))
			out[i] = normHit(m)
		}
		return out
	}
	mem, _, ok, err := rk.storedHits(ix.norms, top)
	if err != nil || !ok {
		t.Fatalf("stored hits from memory: ok %v, %v", ok, err)
	}
	if !reflect.DeepEqual(mem, asHits(want)) {
		t.Fatalf("from memory: %+v; by ID %+v", mem[0], asHits(want)[0])
	}
	// Delete the statute of the first document: the old ranker's page
	// must lose every article of it.
	gone := got[0].Fields["statute_id"].(string)
	if err := ix.DeleteStatute(ctx, gone); err != nil {
		t.Fatal(err)
	}
	r, err := snapshot(ix.norms)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("segments after the delete: %v, the ranker's: %v", snapshotSegments(r), rk.segments)
	r.Close()
	after, err := rk.rankedFields(ctx, ix.norms, page(docs), docs, fields)
	if err != nil {
		t.Fatal(err)
	}
	byID, err := withFields(ctx, ix.norms, page(docs), fields)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) >= len(docs) || !reflect.DeepEqual(after, byID) {
		t.Fatalf("after deleting %s: %d hits by number, %d by ID (of %d)", gone, len(after), len(byID), len(docs))
	}
	for _, h := range after {
		if h.Fields["statute_id"] == gone {
			t.Fatalf("hit %s of the deleted statute %s kept", h.ID, gone)
		}
	}
	// From memory: the deleted documents dropped while the segments are
	// the same, or none answered from memory once they are not.
	mem, _, ok, err = rk.storedHits(ix.norms, top)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("after the delete, hits from memory: %v", ok)
	if ok && !reflect.DeepEqual(mem, asHits(byID)) {
		t.Fatalf("after deleting %s: %d hits from memory, %d by ID (of %d)", gone, len(mem), len(byID), len(docs))
	}
}

// TestRankerStoredHay checks the text the ranker keeps for each article's
// snippets: snippetHay of its text (the text itself unless it has an
// upper-case letter), also for an article with Latin capitals and one
// whose lower case is longer, and that a search's snippets from it are
// snippetsOf's.
func TestRankerStoredHay(t *testing.T) {
	arts := slices.Clone(rankerCorpus(t))
	edit := func(i int, text string) {
		a := arts[i]
		a.Article.Paragraphs = slices.Clone(a.Article.Paragraphs)
		a.Article.Paragraphs[0].Text = text + a.Article.Paragraphs[0].Text
		arts[i] = a
	}
	edit(0, "食品添加剂使用应当符合GB 2760标准，ISO认证食品添加剂，")
	edit(1, "食品添加剂İstanbul标准，")
	ix, err := Open(Config{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	ctx := context.Background()
	if err := ix.IndexArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	if err := ix.WarmRanking(ctx); err != nil {
		t.Fatal(err)
	}
	rk := ix.rk.Load()
	st := rk.stored
	if st == nil {
		t.Fatal("the ranker kept no stored fields")
	}
	lowered, upper := 0, 0
	for d := range st.docs {
		text, hay := st.str(st.docs[d].text), st.str(st.docs[d].hay)
		if hay != snippetHay(text) {
			t.Fatalf("document %s: hay %q, snippetHay %q", rk.ids[d], hay, snippetHay(text))
		}
		if hay != text {
			lowered++
		}
	}
	if lowered == 0 {
		t.Fatal("no article kept a lower-cased text")
	}
	for _, q := range []string{"gb 2760 食品添加剂", "ISO 食品添加剂", "食品添加剂 istanbul"} {
		res, err := ix.SearchNorms(ctx, corpus.NormQuery{Q: q, Limit: 20})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 {
			t.Fatalf("%q: no hits", q)
		}
		// bleve's answer takes its snippets from the text itself.
		ref, err := ix.searchNorms(ctx, corpus.NormQuery{Q: q + " ", Limit: 20}, false)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string][]string{}
		for _, h := range ref.Hits {
			want[h.StatuteID+h.Label] = h.Snippets
		}
		marked := 0
		for _, h := range res.Hits {
			w, ok := want[h.StatuteID+h.Label]
			if !ok {
				continue
			}
			marked++
			if hasUpper(h.Text) {
				upper++
			}
			if !reflect.DeepEqual(h.Snippets, w) {
				t.Fatalf("%q, %s %s: snippets %q, from the text %q", q, h.Law, h.Label, h.Snippets, w)
			}
		}
		if marked < len(res.Hits)/2 {
			t.Fatalf("%q: only %d of %d hits compared", q, marked, len(res.Hits))
		}
	}
	if upper == 0 {
		t.Fatal("no hit with capitals compared")
	}
}

// TestSegmentOf finds the segment of a global document number from the
// segments' first numbers, as rankedFields, readStored and storedHits do.
func TestSegmentOf(t *testing.T) {
	offsets := []uint64{0, 10, 10, 25} // the third segment is empty
	tests := []struct {
		num       uint64
		seg       int
		local     uint64
		ok        bool
		offsets   []uint64
		condition string
	}{
		{0, 0, 0, true, offsets, "first document"},
		{9, 0, 9, true, offsets, "last of the first segment"},
		{10, 2, 0, true, offsets, "an empty segment's number goes to the next"},
		{24, 2, 14, true, offsets, "last of the third"},
		{25, 3, 0, true, offsets, "first of the last"},
		{1000, 3, 975, true, offsets, "past the end: the last segment"},
		{3, 0, 0, false, []uint64{5, 9}, "before the first segment"},
		{0, 0, 0, false, nil, "no segments"},
	}
	for _, tt := range tests {
		t.Run(tt.condition, func(t *testing.T) {
			seg, local, ok := segmentOf(tt.offsets, tt.num)
			if seg != tt.seg || local != tt.local || ok != tt.ok {
				t.Errorf("segmentOf(%v, %d) = %d, %d, %v; want %d, %d, %v", tt.offsets, tt.num, seg, local, ok, tt.seg, tt.local, tt.ok)
			}
		})
	}
}

// BenchmarkStoredHits reads a page of ten hits from the ranker's copy of
// the stored fields, as every norm search does.
func BenchmarkStoredHits(b *testing.B) {
	ix := rankerIndex(b)
	if err := ix.WarmRanking(context.Background()); err != nil {
		b.Fatal(err)
	}
	rk := ix.rk.Load()
	top := make([]scored, 10)
	for i := range top {
		top[i] = scored{doc: uint32(i * len(rk.ids) / len(top)), score: float64(i)}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, _, ok, err := rk.storedHits(ix.norms, top); err != nil || !ok {
			b.Fatalf("stored hits: ok %v, %v", ok, err)
		}
	}
}
