package corpus_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/corpus"
)

// parsed builds a version through the markdown parser, so the 施行 line and
// the commencement article are read the way an import reads them.
func parsed(t *testing.T, id, law, date, text string) corpus.Statute {
	t.Helper()
	st, err := corpus.ParseStatuteMarkdown(corpus.StatuteMeta{ID: id, Law: law, Category: "行政法", VersionDate: date}, text)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestInForceFromConfigured checks that a source's in_force_from wins
// over the text.
func TestInForceFromConfigured(t *testing.T) {
	line := `{"id":"lrb-1","law":"某法","title":"某法","category":"行政法","path":"a.md","version_date":"2012-10-26","is_latest":true,"in_force_from":"2013-01-01","text":"# 某法\n\n<!-- INFO END -->\n\n第一条 本法自2006年3月1日起施行。"}`
	var got []corpus.Statute
	if err := corpus.ReadLawrefJSONL(strings.NewReader(line+"\n"+strings.Replace(line, `,"in_force_from":"2013-01-01"`, "", 1)), func(st corpus.Statute) error {
		got = append(got, st)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].InForceFrom != "2013-01-01" || got[1].InForceFrom != "2012-10-26" {
		t.Errorf("InForceFrom with and without the field = %+v", got)
	}
}

func TestInForceFromSources(t *testing.T) {
	tests := []struct {
		name, date, text, want string
	}{
		{"header line", "2025-06-27", "# 某法\n2025年6月27日 修订\n2026年1月1日 施行\n<!-- INFO END -->\n第一条 本法自2026年1月1日起施行。", "2026-01-01"},
		{"header line wins over article", "2025-09-12", "# 某法\n2025年12月1日 施行\n<!-- INFO END -->\n第一条 本法自2015年10月1日起施行。", "2025-12-01"},
		{"commencement article", "2021-12-24", "# 某法\n<!-- INFO END -->\n第一条 内容。\n\n第二条 本法自2022年6月5日起施行。《中华人民共和国某旧法》同时废止。", "2022-06-05"},
		{"article in Chinese numerals", "1996-10-29", "# 某法\n<!-- INFO END -->\n第一条 本法自一九九七年三月一日起施行。", "1997-03-01"},
		// A consolidated text keeps the original commencement article.
		{"article older than the version", "2021-04-29", "# 某法\n<!-- INFO END -->\n第一条 本法自2015年10月1日起施行。", "2021-04-29"},
		{"no 施行 anywhere", "2023-05-05", "# 某法\n<!-- INFO END -->\n第一条 内容。", "2023-05-05"},
		{"undated", "", "# 某法\n<!-- INFO END -->\n第一条 内容。", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parsed(t, "x", "某法", tt.date, tt.text).InForceFrom; got != tt.want {
				t.Errorf("InForceFrom = %q; want %q", got, tt.want)
			}
		})
	}
}

// seedVersions stores three versions of 某法: one with a 施行 line, one with
// a commencement article taking effect months after adoption, one with
// neither.
func seedVersions(t *testing.T, lib *corpus.Library) {
	t.Helper()
	v1 := parsed(t, "m1", "某法", "2010-01-01", "# 某法\n2010年3月1日 施行\n<!-- INFO END -->\n第一条 第一版。")
	v2 := parsed(t, "m2", "某法", "2020-01-01", "# 某法\n<!-- INFO END -->\n第一条 第二版。\n\n第二条 本法自2020年7月1日起施行。")
	v3 := parsed(t, "m3", "某法", "2023-05-05", "# 某法\n<!-- INFO END -->\n第一条 第三版。")
	if _, err := lib.ImportStatutes(context.Background(), source(v3, v1, v2)); err != nil {
		t.Fatal(err)
	}
}

func TestInForceIntervals(t *testing.T) {
	lib := openLibrary(t)
	seedVersions(t, lib)
	want := map[string][3]string{ // from, to, superseded by
		"m1": {"2010-03-01", "2020-07-01", "m2"},
		"m2": {"2020-07-01", "2023-05-05", "m3"},
		"m3": {"2023-05-05", "", ""},
	}
	for id, w := range want {
		info, err := lib.Store().StatuteInfo(id)
		if err != nil {
			t.Fatal(err)
		}
		if got := [3]string{info.InForceFrom, info.InForceTo, info.SupersededBy}; got != w {
			t.Errorf("%s interval = %q; want %q", id, got, w)
		}
		if info.InForce != (id == "m3") || info.RepealedBy != nil {
			t.Errorf("%s in_force=%v repealed_by=%v", id, info.InForce, info.RepealedBy)
		}
	}
	r := lib.Resolver()
	for _, tt := range []struct{ date, wantText string }{
		{"2010-03-01", "第一版"},
		{"2020-03-01", "第一版"}, // adopted, not yet in force
		{"2020-07-01", "第二版"},
		{"2023-05-04", "第二版"},
		{"2023-05-05", "第三版"},
		{"", "第三版"},
	} {
		got, err := r.Resolve("某法第一条", tt.date)
		if err != nil {
			t.Errorf("Resolve on %q: %v", tt.date, err)
			continue
		}
		if !strings.Contains(got.Text, tt.wantText) || got.Status != corpus.StatusInForce || got.Notice != "" {
			t.Errorf("Resolve on %q = %q status %q notice %q; want %q in force", tt.date, got.Text, got.Status, got.Notice, tt.wantText)
		}
	}
	// Before the first version took effect there is nothing to cite.
	for _, date := range []string{"2009-12-31", "2010-02-28"} {
		_, err := r.Resolve("某法第一条", date)
		if !errors.Is(err, corpus.ErrNotFound) || !strings.Contains(err.Error(), "《某法》在2") || !strings.Contains(err.Error(), "尚未施行（最早的版本自2010年3月1日起施行）") {
			t.Errorf("Resolve before the first version on %s: %v; want ErrNotFound saying 尚未施行", date, err)
		}
	}
}

// repealFixtures are a law the table says is repealed and the law that
// repeals it.
func repealFixtures(t *testing.T) (old, code corpus.Statute) {
	old = parsed(t, "dq", "大气污染防治法", "2018-10-26", "# 中华人民共和国大气污染防治法\n<!-- INFO END -->\n第九十九条 违反本法规定，未依法取得排污许可证排放大气污染物的，处十万元以上一百万元以下的罚款。\n\n第一百二十九条 本法自2016年1月1日起施行。")
	code = parsed(t, "code", "生态环境法典", "2026-03-12", "# 中华人民共和国生态环境法典\n2026年3月12日 第十四届全国人民代表大会第四次会议通过\n2026年8月15日 施行\n<!-- INFO END -->\n第一条 为了保护和改善生态环境，制定本法典。\n\n第一千二百四十二条 本法自2026年8月15日起施行。《中华人民共和国大气污染防治法》同时废止。")
	return old, code
}

func TestResolveNowSkipsAVersionNotYetInForce(t *testing.T) {
	lib := openLibrary(t)
	cur := parsed(t, "s1", "某商标法", "2019-04-23", "# 某商标法\n<!-- INFO END -->\n第一条 现行文本。")
	next := parsed(t, "s2", "某商标法", "2098-06-26", "# 某商标法\n2099年1月1日 施行\n<!-- INFO END -->\n第一条 将来文本。")
	if _, err := lib.ImportStatutes(context.Background(), source(cur, next)); err != nil {
		t.Fatal(err)
	}
	if info, _ := lib.Store().StatuteInfo("s1"); info.InForceTo != "2099-01-01" {
		t.Errorf("current version ends %q; want 2099-01-01", info.InForceTo)
	}
	got, err := lib.Resolver().Resolve("某商标法第一条", "")
	if err != nil || got.Statute.ID != "s1" {
		t.Errorf("Resolve now = %s, %v; want the version in force today, s1", got.Statute.ID, err)
	}
	if got, err := lib.Resolver().Resolve("某商标法第一条", "2099-01-01"); err != nil || got.Statute.ID != "s2" {
		t.Errorf("Resolve on 2099-01-01 = %s, %v; want s2", got.Statute.ID, err)
	}
	st := lib.Resolver().LawStatus("某商标法", "2026-12-03")
	if st.Status != corpus.LawInForce || st.Version == nil || st.Version.StatuteID != "s1" || st.Upcoming == nil || st.Upcoming.InForceFrom != "2099-01-01" {
		t.Errorf("LawStatus = %+v; want s1 in force, s2 upcoming", st)
	}
}

func TestRepealedByAnotherLaw(t *testing.T) {
	old, code := repealFixtures(t)
	for _, order := range []string{"repealed law first", "repealing law first", "one import"} {
		t.Run(order, func(t *testing.T) {
			lib := openLibrary(t)
			ctx := context.Background()
			var err error
			switch order {
			case "repealed law first":
				if _, err = lib.ImportStatutes(ctx, source(old)); err == nil {
					_, err = lib.ImportStatutes(ctx, source(code))
				}
			case "repealing law first":
				if _, err = lib.ImportStatutes(ctx, source(code)); err == nil {
					_, err = lib.ImportStatutes(ctx, source(old))
				}
			default:
				_, err = lib.ImportStatutes(ctx, source(old, code))
			}
			if err != nil {
				t.Fatal(err)
			}
			info, _ := lib.Store().StatuteInfo("dq")
			if info.InForce || info.InForceTo != "2026-08-15" || info.RepealedBy == nil ||
				info.RepealedBy.By != "生态环境法典" || info.RepealedBy.ByStatuteID != "code" || info.RepealedBy.Provision != "第一千二百四十二条" {
				t.Fatalf("repealed version = in_force %v, to %q, repealed_by %+v", info.InForce, info.InForceTo, info.RepealedBy)
			}
			if c, _ := lib.Store().StatuteInfo("code"); !c.InForce || c.InForceFrom != "2026-08-15" {
				t.Errorf("code = in_force %v from %q", c.InForce, c.InForceFrom)
			}
			r := lib.Resolver()
			for _, date := range []string{"2026-09-01", "2026-08-15", ""} {
				got, err := r.Resolve("大气污染防治法第九十九条", date)
				if err != nil {
					t.Fatalf("Resolve on %q: %v", date, err)
				}
				if got.Status != corpus.StatusRepealed || got.RepealedBy == nil || got.RepealedBy.Date != "2026-08-15" ||
					got.Successor == nil || got.Successor.Law != "生态环境法典" || got.Successor.StatuteID != "code" ||
					!strings.Contains(got.Notice, "已于2026年8月15日被《生态环境法典》废止") {
					t.Errorf("Resolve on %q = status %q repealed_by %+v successor %+v notice %q", date, got.Status, got.RepealedBy, got.Successor, got.Notice)
				}
			}
			got, err := r.Resolve("大气污染防治法第九十九条", "2025-06-01")
			if err != nil || got.Status != corpus.StatusInForce || got.Notice != "" || got.InForceTo != "2026-08-15" || !strings.Contains(got.Text, "一百万元以下") {
				t.Errorf("Resolve before the repeal = %+v, %v; want the in-force text", got, err)
			}
			// An in-force search no longer offers the repealed law.
			tr := true
			res, err := lib.Index().SearchNorms(ctx, corpus.NormQuery{Q: "排污许可证", Law: "大气污染防治法", InForce: &tr})
			if err != nil || res.Total != 0 {
				t.Errorf("in-force search found the repealed law: %v %+v", err, res)
			}
			if all, err := lib.Index().SearchNorms(ctx, corpus.NormQuery{Q: "排污许可证", Law: "大气污染防治法"}); err != nil || all.Total == 0 || all.Hits[0].StatuteID != "dq" {
				t.Errorf("search over all versions lost the repealed law: %v %+v", err, all)
			}
		})
	}
}

func TestReimportUnchangedIsNoop(t *testing.T) {
	dir := t.TempDir()
	lib := openLibraryAt(t, dir)
	ctx := context.Background()
	old, code := repealFixtures(t)
	src := func() corpus.StatuteSource {
		v1 := parsed(t, "m1", "某法", "2010-01-01", "# 某法\n2010年3月1日 施行\n<!-- INFO END -->\n第一条 第一版。")
		v2 := parsed(t, "m2", "某法", "2020-01-01", "# 某法\n<!-- INFO END -->\n第一条 第二版。")
		return source(v1, v2, old, code)
	}
	first, err := lib.ImportStatutes(ctx, src())
	if err != nil || first.Changed != 4 || first.Unchanged != 0 {
		t.Fatalf("first import = %+v, %v", first, err)
	}
	gen, _ := lib.Store().Generation()
	ig, _ := lib.Index().Generation()
	size := fileSize(t, filepath.Join(dir, "c.db"))
	second, err := lib.ImportStatutes(ctx, src())
	if err != nil {
		t.Fatal(err)
	}
	if second.Changed != 0 || second.Indexed != 0 || second.Unchanged != 4 || second.Statutes != 4 {
		t.Errorf("second import = %+v; want nothing changed or indexed, 4 unchanged", second)
	}
	gen2, _ := lib.Store().Generation()
	ig2, _ := lib.Index().Generation()
	if gen2 != gen || ig2 != ig || fileSize(t, filepath.Join(dir, "c.db")) != size {
		t.Errorf("second import wrote: store generation %d→%d, index %d→%d", gen, gen2, ig, ig2)
	}
	// A changed text is rewritten, and only it.
	v2 := parsed(t, "m2", "某法", "2020-01-01", "# 某法\n<!-- INFO END -->\n第一条 第二版（修改）。")
	third, err := lib.ImportStatutes(ctx, source(v2, old))
	if err != nil || third.Changed != 1 || third.Unchanged != 1 || third.Indexed != 1 {
		t.Errorf("import of one changed version = %+v, %v; want 1 changed and indexed, 1 unchanged", third, err)
	}
}

func fileSize(t *testing.T, p string) int64 {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// TestImportCallsBackBetweenStoreAndIndex checks the moment
// ImportStatutesThen gives the app to train beside the indexing: once per
// import that changed something, with the statutes committed to the store
// (a second reader sees them) and the index not yet marked current, and
// never for an import that changed nothing.
func TestImportCallsBackBetweenStoreAndIndex(t *testing.T) {
	dir := t.TempDir()
	lib := openLibraryAt(t, dir)
	ctx := context.Background()
	v1 := parsed(t, "m1", "某法", "2010-01-01", "# 某法\n2010年3月1日 施行\n<!-- INFO END -->\n第一条 第一版。")
	v2 := parsed(t, "m2", "某法", "2020-01-01", "# 某法\n<!-- INFO END -->\n第一条 第二版。")
	v2b := parsed(t, "m2", "某法", "2020-01-01", "# 某法\n<!-- INFO END -->\n第一条 第二版（修改）。")
	for _, tc := range []struct {
		name  string
		src   corpus.StatuteSource
		calls int
		text  string // of m2's first article, at the callback
	}{
		{"new statutes", source(v1, v2), 1, "第二版。"},
		{"the same again", source(v1, v2), 0, ""},
		{"one changed text", source(v1, v2b), 1, "第二版（修改）。"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			calls := 0
			rep, err := lib.ImportStatutesThen(ctx, tc.src, func() {
				calls++
				art, err := lib.Store().Article("m2", corpus.ArticleKey{Number: 1})
				if err != nil || !strings.Contains(art.Text(), tc.text) {
					t.Errorf("at the callback the store has %q (%v), want the committed %q", art.Text(), err, tc.text)
				}
				if cur, err := lib.IndexCurrent(); err != nil || cur {
					t.Errorf("at the callback the index is current (%v, %v): the callback came after the index", cur, err)
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			if calls != tc.calls {
				t.Errorf("callback ran %d times, want %d (report %+v)", calls, tc.calls, rep)
			}
			if cur, err := lib.IndexCurrent(); err != nil || !cur {
				t.Errorf("after the import the index is not current: %v, %v", cur, err)
			}
		})
	}
}
