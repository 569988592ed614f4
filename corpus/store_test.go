package corpus_test

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/bleveidx"
	"github.com/cailiang/cailiang/nlp"
)

// statute builds a small synthetic statute version.
func statute(id, law, date string, arts ...corpus.Article) corpus.Statute {
	return corpus.Statute{ID: id, Law: law, Title: "中华人民共和国" + law, Category: "行政法", VersionDate: date, Articles: arts}
}

func article(n, suffix int, paras ...string) corpus.Article {
	a := corpus.Article{Number: n, Suffix: suffix}
	for _, p := range paras {
		var items []string
		for _, line := range strings.Split(p, "\n") {
			if strings.HasPrefix(line, "（") {
				items = append(items, line)
			}
		}
		a.Paragraphs = append(a.Paragraphs, corpus.Paragraph{Text: p, Items: items})
	}
	return a
}

func openLibrary(t *testing.T) *corpus.Library {
	t.Helper()
	return openLibraryAt(t, t.TempDir())
}

func openLibraryAt(t *testing.T, dir string) *corpus.Library {
	t.Helper()
	st, err := corpus.OpenStore(filepath.Join(dir, "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := bleveidx.Open(bleveidx.Config{Dir: filepath.Join(dir, "index"), Segmenter: nlp.RuneSegmenter{}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close(); st.Close() })
	return corpus.NewLibrary(st, ix, nil)
}

func source(sts ...corpus.Statute) corpus.StatuteSource {
	return func(fn func(corpus.Statute) error) error {
		for _, s := range sts {
			if err := fn(s); err != nil {
				return err
			}
		}
		return nil
	}
}

func seedStatutes(t *testing.T, lib *corpus.Library) {
	t.Helper()
	old := statute("fs-2015", "食品安全法", "2015-04-24",
		article(124, 0, "旧版第一百二十四条文本。"))
	cur := statute("fs-2021", "食品安全法", "2021-04-29",
		article(122, 0, "未取得食品生产经营许可从事食品生产经营活动的，没收违法所得。"),
		article(124, 0, "违反本法规定，有下列情形之一的，处五万元以上十万元以下罚款：\n（一）用超过保质期的食品原料生产食品；\n（二）生产经营病死畜禽肉类。", "第二款文本。"))
	xf := statute("xf", "刑法", "",
		article(133, 0, "交通肇事罪。"),
		article(133, 1, "在道路上驾驶机动车，醉酒驾驶机动车的，处拘役，并处罚金。"))
	if _, err := lib.ImportStatutes(context.Background(), source(old, cur, xf)); err != nil {
		t.Fatal(err)
	}
}

func TestResolve(t *testing.T) {
	lib := openLibrary(t)
	seedStatutes(t, lib)
	r := lib.Resolver()
	tests := []struct {
		in, date  string
		wantLabel string
		wantText  string
		wantID    string
	}{
		{"食品安全法第一百二十四条第一款", "", "食品安全法第一百二十四条第一款", "处五万元以上十万元以下罚款", "fs-2021"},
		{"《中华人民共和国食品安全法》第124条", "", "食品安全法第一百二十四条", "第二款文本", "fs-2021"},
		{"食品安全法第一百二十四条第一款第（二）项", "", "食品安全法第一百二十四条第一款第（二）项", "病死畜禽", "fs-2021"},
		{"食品安全法第124条", "2018-01-01", "食品安全法第一百二十四条", "旧版", "fs-2015"},
		{"刑法第一百三十三条之一", "", "刑法第一百三十三条之一", "醉酒驾驶", "xf"},
		{"刑法第１３３条之一", "", "刑法第一百三十三条之一", "醉酒驾驶", "xf"},
	}
	for _, tt := range tests {
		got, err := r.Resolve(tt.in, tt.date)
		if err != nil {
			t.Errorf("Resolve(%q) error %v", tt.in, err)
			continue
		}
		if got.Label != tt.wantLabel || !strings.Contains(got.Text, tt.wantText) || got.Statute.ID != tt.wantID {
			t.Errorf("Resolve(%q) = %q %q %q; want %q, text containing %q, %q", tt.in, got.Label, got.Text, got.Statute.ID, tt.wantLabel, tt.wantText, tt.wantID)
		}
	}
	notFound := []struct{ in, date string }{
		{"食品安全法第九百条", ""},
		{"食品安全法第一百二十四条第三款", ""},
		{"食品安全法第一百二十四条第一款第（九）项", ""},
		{"不存在法第一条", ""},
		{"刑法第一百三十三条之二", ""},
		{"食品安全法第一百二十二条", "2016-01-01"}, // not in the 2015 version
		{"食品安全法第一百二十四条", "2000-01-01"}, // before any version
	}
	for _, tt := range notFound {
		if _, err := r.Resolve(tt.in, tt.date); !errors.Is(err, corpus.ErrNotFound) {
			t.Errorf("Resolve(%q, %q) err = %v; want ErrNotFound", tt.in, tt.date, err)
		}
	}
	for _, bad := range []string{"", "食品安全法", "第一百二十四条", "食品安全法第零条", "'; DROP TABLE statutes; --"} {
		if _, err := r.Resolve(bad, ""); !errors.Is(err, corpus.ErrBadCitation) {
			t.Errorf("Resolve(%q) err = %v; want ErrBadCitation", bad, err)
		}
	}
}

func TestInForceRecomputedAcrossImports(t *testing.T) {
	lib := openLibrary(t)
	ctx := context.Background()
	if _, err := lib.ImportStatutes(ctx, source(statute("a1", "某法", "2010-01-01", article(1, 0, "旧。")))); err != nil {
		t.Fatal(err)
	}
	if info, _ := lib.Store().StatuteInfo("a1"); !info.InForce {
		t.Fatal("only version should be in force")
	}
	if _, err := lib.ImportStatutes(ctx, source(statute("a2", "某法", "2020-01-01", article(1, 0, "新。")))); err != nil {
		t.Fatal(err)
	}
	a1, _ := lib.Store().StatuteInfo("a1")
	a2, _ := lib.Store().StatuteInfo("a2")
	if a1.InForce || !a2.InForce {
		t.Fatalf("in force after newer import: a1=%v a2=%v; want false true", a1.InForce, a2.InForce)
	}
	// The index must reflect the flip: an in-force search finds only the new text.
	tr := true
	res, err := lib.Index().SearchNorms(ctx, corpus.NormQuery{Q: "旧", InForce: &tr})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 0 {
		t.Errorf("in-force search found the superseded version: %+v", res.Hits)
	}
}

func TestFindCitations(t *testing.T) {
	text := "当事人违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定，依据第一百二十四条第一款第（五）项和刑法第一百三十三条之一处理。"
	got := corpus.FindCitations(text)
	want := []struct {
		law      string
		art, suf int
		para     int
		item     int
	}{
		{"中华人民共和国食品安全法", 34, 0, 0, 10},
		{"中华人民共和国食品安全法", 124, 0, 1, 5},
		{"刑法", 133, 1, 0, 0},
	}
	if len(got) != len(want) {
		t.Fatalf("FindCitations found %d: %+v; want %d", len(got), got, len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.LawName != w.law || g.Article != w.art || g.Suffix != w.suf || g.Paragraph != w.para || g.Item != w.item {
			t.Errorf("citation %d = %+v; want %+v", i, g, w)
		}
		if !strings.HasPrefix(text[g.Span[0]:g.Span[1]], "第") {
			t.Errorf("span %v = %q; want it to start at 第", g.Span, text[g.Span[0]:g.Span[1]])
		}
	}
}

func TestFindCitationsNamesWithConjunctions(t *testing.T) {
	lib := openLibrary(t)
	src := source(
		statute("mb", "明码标价和禁止价格欺诈规定", "2022-04-14", article(19, 0, "违反本规定的处罚。")),
		statute("xf2", "刑法", "", article(140, 0, "生产、销售伪劣产品罪。")),
	)
	if _, err := lib.ImportStatutes(context.Background(), src); err != nil {
		t.Fatal(err)
	}
	text := "当事人违反了明码标价和禁止价格欺诈规定第十九条，涉嫌违反食品安全法和刑法第一百四十条。"
	found := corpus.FindCitations(text)
	if len(found) != 2 {
		t.Fatalf("found %+v", found)
	}
	want := []string{"明码标价和禁止价格欺诈规定第十九条", "刑法第一百四十条"}
	for i, pc := range found {
		res, err := lib.Resolver().ResolveParsed(pc, "")
		if err != nil || res.Label != want[i] {
			t.Errorf("citation %d (%q): %v %q; want %q", i, pc.LawName, err, res.Label, want[i])
		}
	}
}

// TestStoreReadOnly: read-only opens need an existing store, share it with
// each other, refuse writes and leave the file alone; a writer holding the
// file makes a second open fail with ErrBusy instead of hanging.
func TestStoreReadOnly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "c.db")
	if _, err := corpus.OpenStoreReadOnly(path); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("read-only open of a missing store: %v, want fs.ErrNotExist", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "sub")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("read-only open created the directory")
	}
	w, err := corpus.OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.SetFlag("x"); err != nil {
		t.Fatal(err)
	}
	if _, err := corpus.OpenStoreReadOnly(path); !errors.Is(err, corpus.ErrBusy) {
		t.Errorf("read-only open beside a writer: %v, want ErrBusy", err)
	}
	if _, err := corpus.OpenStore(path); !errors.Is(err, corpus.ErrBusy) {
		t.Errorf("second writer: %v, want ErrBusy", err)
	}
	w.Close()
	before, _ := os.ReadFile(path)
	a, err := corpus.OpenStoreReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := corpus.OpenStoreReadOnly(path)
	if err != nil {
		t.Fatalf("second reader: %v", err)
	}
	if ok, err := b.Flag("x"); err != nil || !ok {
		t.Errorf("reader sees flag %v, %v", ok, err)
	}
	if err := a.SetFlag("y"); err == nil {
		t.Error("a read-only store accepted a write")
	}
	a.Close()
	b.Close()
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("read-only use changed the file")
	}
	os.WriteFile(filepath.Join(dir, "junk.db"), []byte("not a bbolt file"), 0o644)
	if _, err := corpus.OpenStoreReadOnly(filepath.Join(dir, "junk.db")); err == nil {
		t.Error("read-only open of a non-store succeeded")
	}
}

// TestPutStatutesStoresLastListing checks what PutStatutes writes when it
// puts articles in key order rather than file order: every article of
// every statute, in key order, and for a version or an article listed
// twice, its last listing only, as writing them one after the other
// would leave it.
func TestPutStatutesStoresLastListing(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []corpus.Statute
		want map[string][]string // statute ID: its articles' texts in key order
	}{
		{"out of key order", []corpus.Statute{
			statute("b", "乙法", "2020-01-01", article(3, 0, "乙三"), article(1, 0, "乙一"), article(2, 1, "乙二之一"), article(2, 0, "乙二")),
			statute("a", "甲法", "2020-01-01", article(1, 0, "甲一")),
		}, map[string][]string{"a": {"甲一"}, "b": {"乙一", "乙二", "乙二之一", "乙三"}}},
		{"version listed twice", []corpus.Statute{
			statute("a", "甲法", "2020-01-01", article(1, 0, "甲一"), article(2, 0, "甲二")),
			statute("a", "甲法", "2020-01-01", article(1, 0, "甲一改")),
		}, map[string][]string{"a": {"甲一改"}}},
		{"article listed twice", []corpus.Statute{
			statute("a", "甲法", "2020-01-01", article(1, 0, "前"), article(1, 0, "后")),
		}, map[string][]string{"a": {"后"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := corpus.OpenStore(filepath.Join(t.TempDir(), "c.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if _, _, err := st.PutStatutes(tc.in); err != nil {
				t.Fatal(err)
			}
			for id, want := range tc.want {
				var got []string
				if err := st.Articles(id, func(a corpus.Article) error { got = append(got, a.Text()); return nil }); err != nil {
					t.Fatal(err)
				}
				if strings.Join(got, "|") != strings.Join(want, "|") {
					t.Errorf("statute %s holds %v, want %v", id, got, want)
				}
			}
		})
	}
}
