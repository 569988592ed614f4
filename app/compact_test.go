package app_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/cailiang/cailiang/app"
	"github.com/cailiang/cailiang/corpus"
)

// storeDump is everything the store holds about statutes, for comparing a
// data directory before and after compaction.
func storeDump(t *testing.T, a *app.App) []string {
	t.Helper()
	st := a.Library.Store()
	var out []string
	for _, info := range st.StatuteInfos() {
		out = append(out, fmt.Sprintf("%s %s %s %v %d", info.ID, info.Law, info.VersionDate, info.InForce, info.ArticleCount))
		err := st.Articles(info.ID, func(x corpus.Article) error {
			out = append(out, info.ID+" "+x.Label()+" "+x.Text())
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// TestCompactShrinksAndKeepsData: after repeated re-imports the store file
// has free pages that only compaction returns; compaction shrinks it, and
// the statutes, the full-text and vector answers are the same afterwards,
// with nothing to repair at the next start. An open data directory is not
// compacted.
func TestCompactShrinksAndKeepsData(t *testing.T) {
	dir, data, logs, cfg := trainingDir(t)
	for i, laws := range [][]synthLaw{corpusB(), corpusC(), corpusB(), corpusC(), corpusB(), corpusC()} {
		file := filepath.Join(dir, fmt.Sprint(i)+".jsonl")
		writeLawref(t, file, laws...)
		importFile(t, cfg, file)
	}
	ctx := context.Background()
	a := openServe(t, cfg)
	wantVectors, wantMetas := vectorAnswers(t, a)
	wantStore := storeDump(t, a)
	wantBM25, err := a.Library.SearchNorms(ctx, corpus.NormQuery{Q: "未取得许可 从事经营活动", Limit: 20}, corpus.ModeBM25)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := app.Compact(cfg); !errors.Is(err, corpus.ErrBusy) {
		t.Errorf("Compact of an open data directory: %v; want ErrBusy", err)
	}
	a.Close()

	files, err := app.Compact(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files[0].Path != filepath.Join(data, "cailiang.db") || files[1].Path != filepath.Join(data, "vectors", "memvec.db") {
		t.Fatalf("compacted %+v; want the store and the vector file", files)
	}
	t.Logf("compacted: %+v", files)
	if files[0].After >= files[0].Before {
		t.Errorf("store %d bytes before compaction, %d after: want smaller", files[0].Before, files[0].After)
	}
	if files[1].After > files[1].Before {
		t.Errorf("vector file grew from %d to %d bytes", files[1].Before, files[1].After)
	}

	logs.reset()
	b := openServe(t, cfg)
	if r := logs.records(t, "index out of date, rebuilding"); len(r) != 0 {
		t.Errorf("the index was rebuilt after compaction: %v", r)
	}
	if r := logs.records(t, "vectors in sync"); len(r) != 1 || num(r[0], "added")+num(r[0], "refreshed")+num(r[0], "dropped") != 0 {
		t.Errorf("vectors changed after compaction: %v", r)
	}
	gotVectors, gotMetas := vectorAnswers(t, b)
	if !reflect.DeepEqual(gotVectors, wantVectors) || !reflect.DeepEqual(gotMetas, wantMetas) {
		t.Error("vector answers or records differ after compaction")
	}
	if got := storeDump(t, b); !reflect.DeepEqual(got, wantStore) {
		t.Errorf("store differs after compaction: %d lines, want %d", len(got), len(wantStore))
	}
	gotBM25, err := b.Library.SearchNorms(ctx, corpus.NormQuery{Q: "未取得许可 从事经营活动", Limit: 20}, corpus.ModeBM25)
	if err != nil || !reflect.DeepEqual(gotBM25, wantBM25) {
		t.Errorf("full-text answers differ after compaction (%v)", err)
	}

	if _, err := app.Compact(testConfig(filepath.Join(dir, "none"), logs)); !errors.Is(err, app.ErrNoData) {
		t.Errorf("Compact of an empty directory: %v; want ErrNoData", err)
	}
}
