package bleveidx_test

import (
	"context"
	"testing"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/bleveidx"
	"github.com/cailiang/cailiang/nlp"
)

// TestNormFieldsAfterLeanMapping checks what the norm mapping still does
// after it stopped indexing the fields only shown with a hit (number,
// suffix, label) and keeping term vectors and doc values of keywords:
// every filter still selects by its field, deletion by statute still
// works, and each hit carries every stored field as indexed.
func TestNormFieldsAfterLeanMapping(t *testing.T) {
	ix := open(t, bleveidx.Config{Segmenter: nlp.RuneSegmenter{}})
	st := func(id, law, cat, region, date string, inForce bool) corpus.StatuteInfo {
		return corpus.StatuteInfo{Statute: corpus.Statute{ID: id, Law: law, Title: "中华人民共和国" + law, Category: cat, Region: region, VersionDate: date, InForce: inForce}}
	}
	old := st("food-2015", "食品安全法", "行政法", "", "2015-04-24", false)
	cur := st("food-2021", "食品安全法", "行政法", "", "2021-04-29", true)
	local := st("sh-food", "上海市食品安全条例", "地方性法规", "上海", "2017-01-20", true)
	art := func(n, suffix int, chapter, text string) corpus.Article {
		return corpus.Article{Number: n, Suffix: suffix, Chapter: []string{chapter}, Paragraphs: []corpus.Paragraph{{Text: text}}}
	}
	docs := []corpus.IndexedArticle{
		{Statute: old, Article: art(124, 0, "第九章 法律责任", "经营超过保质期的食品，没收违法所得")},
		{Statute: cur, Article: art(124, 0, "第九章 法律责任", "经营超过保质期的食品，没收违法所得和违法生产经营的食品")},
		{Statute: cur, Article: art(133, 1, "第九章 法律责任", "拒绝、阻挠、干涉有关部门依法开展食品安全监督检查")},
		{Statute: local, Article: art(8, 0, "第一章 总则", "本市食品生产经营者对其生产经营食品的安全负责")},
	}
	ctx := context.Background()
	if err := ix.IndexArticles(ctx, docs); err != nil {
		t.Fatal(err)
	}
	yes, no := true, false
	for _, tc := range []struct {
		name string
		q    corpus.NormQuery
		want []string // StatuteID/Label of the hits, any order
	}{
		{"text", corpus.NormQuery{Q: "食品"}, []string{"food-2015/第一百二十四条", "food-2021/第一百二十四条", "food-2021/第一百三十三条之一", "sh-food/第八条"}},
		{"law", corpus.NormQuery{Q: "食品", Law: "上海市食品安全条例"}, []string{"sh-food/第八条"}},
		{"category", corpus.NormQuery{Q: "食品", Category: "行政法"}, []string{"food-2015/第一百二十四条", "food-2021/第一百二十四条", "food-2021/第一百三十三条之一"}},
		{"region", corpus.NormQuery{Q: "食品", Region: "上海"}, []string{"sh-food/第八条"}},
		{"in force", corpus.NormQuery{Q: "保质期", InForce: &yes}, []string{"food-2021/第一百二十四条"}},
		{"superseded", corpus.NormQuery{Q: "保质期", InForce: &no}, []string{"food-2015/第一百二十四条"}},
		{"version dates", corpus.NormQuery{Q: "食品", From: "2016-01-01", To: "2020-12-31"}, []string{"sh-food/第八条"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := ix.SearchNorms(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, h := range res.Hits {
				got[h.StatuteID+"/"+h.Label] = true
			}
			if len(got) != len(tc.want) {
				t.Errorf("hits %v, want %v", got, tc.want)
			}
			for _, w := range tc.want {
				if !got[w] {
					t.Errorf("hits %v lack %s", got, w)
				}
			}
		})
	}
	res, err := ix.SearchNorms(ctx, corpus.NormQuery{Q: "阻挠"})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("search 阻挠: %v, %v", res.Hits, err)
	}
	h := res.Hits[0]
	if h.StatuteID != "food-2021" || h.Law != "食品安全法" || h.Category != "行政法" || h.VersionDate != "2021-04-29" || !h.InForce ||
		h.Number != 133 || h.Suffix != 1 || h.Label != "第一百三十三条之一" || h.Chapter != "第九章 法律责任" || h.Text == "" {
		t.Errorf("hit fields: %+v", h)
	}
	if err := ix.DeleteStatute(ctx, "food-2021"); err != nil {
		t.Fatal(err)
	}
	if res, err := ix.SearchNorms(ctx, corpus.NormQuery{Q: "食品"}); err != nil || res.Total != 2 {
		t.Errorf("after deleting food-2021: %d hits (%v), want 2", res.Total, err)
	}
}
