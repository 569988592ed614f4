package corpus_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/corpus/bleveidx"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
)

const goodLine = `{"id":"t-1","title":"某公司销售过期食品案","facts":"当事人销售超过保质期的食品，货值金额8000元。","sector":"市场监管","violation_type":"经营超过保质期食品","basis":[{"law":"食品安全法","article":124,"paragraph":1}],"penalty":{"fine":50000},"disposition":"处罚","decision_date":"2023-05-06"}`

func TestDecodeCasesJSONL(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantN   int
		wantRow int
		field   string
	}{
		{"one", goodLine + "\n", 1, 0, ""},
		{"blank lines", "\n" + goodLine + "\n\n" + strings.Replace(goodLine, "t-1", "t-2", 1), 2, 0, ""},
		{"bad json on line 2", goodLine + "\n{oops\n", 0, 2, "body"},
		{"unknown field", strings.Replace(goodLine, `"sector"`, `"sectr"`, 1), 0, 1, "sectr"},
		{"wrong type", strings.Replace(goodLine, `"fine":50000`, `"fine":"五万"`, 1), 0, 1, "penalty.fine"},
		{"negative fine", strings.Replace(goodLine, `"fine":50000`, `"fine":-1`, 1), 0, 1, "penalty.fine"},
		{"unknown sector", strings.Replace(goodLine, "市场监管", "外星", 1), 0, 1, "sector"},
		{"bad date", strings.Replace(goodLine, "2023-05-06", "2023-13-45", 1), 0, 1, "decision_date"},
		{"hostile id", strings.Replace(goodLine, `"t-1"`, `"../../etc/passwd"`, 1), 0, 1, "id"},
		{"invalid utf8", strings.Replace(goodLine, "某公司", "\xff\xfe", 1), 0, 1, "body"},
		{"no-penalty with fine", strings.Replace(goodLine, `"disposition":"处罚"`, `"disposition":"不予处罚"`, 1), 0, 1, "penalty.fine"},
		{"empty", "", 0, 0, ""},
		{"short disposition", strings.Replace(goodLine, `"disposition":"处罚"`, `"disposition":"从轻"`, 1), 1, 0, ""},
		{"unknown disposition", strings.Replace(goodLine, `"disposition":"处罚"`, `"disposition":"罚款"`, 1), 0, 1, "disposition"},
		{"suggestion-only disposition", strings.Replace(goodLine, `"disposition":"处罚"`, `"disposition":"从轻或者减轻"`, 1), 0, 1, "disposition"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := corpus.DecodeCasesJSONL(strings.NewReader(tt.in))
			if tt.wantRow == 0 {
				if err != nil || len(got) != tt.wantN {
					t.Fatalf("got %d cases, err %v; want %d", len(got), err, tt.wantN)
				}
				return
			}
			var re *corpus.RowError
			if !errors.As(err, &re) || re.Row != tt.wantRow {
				t.Fatalf("err = %v; want RowError at row %d", err, tt.wantRow)
			}
			var fe *corpus.FieldError
			if !errors.As(err, &fe) || fe.Field != tt.field {
				t.Fatalf("err = %v; want field %q", err, tt.field)
			}
		})
	}
}

func TestDecodeCasesCSV(t *testing.T) {
	in := "id,title,facts,sector,violation_type,basis,fine,disposition,disputes\n" +
		"c-1,某店销售过期食品案,货值金额800元,市场监管,经营超过保质期食品,食品安全法第一百二十四条第一款；行政处罚法第32条,50000,从轻处罚,货值金额计算；是否首次\n" +
		"c-2,某厂超标排放案,超标排放大气污染物,生态环境,超标排放大气污染物,大气污染防治法第99条,100000,处罚,\n"
	got, err := corpus.DecodeCasesCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || len(got[0].Basis) != 2 || got[0].Basis[0].Article != 124 || got[0].Basis[0].Paragraph != 1 || got[0].Basis[1].Law != "行政处罚法" || len(got[0].Disputes) != 2 {
		t.Fatalf("decoded %+v", got)
	}
	bad := []struct {
		name string
		in   string
		row  int
	}{
		{"unknown column", "id,title,colour\n", 1},
		{"missing column", "id,title\n", 1},
		{"bad fine on row 3", strings.Replace(in, ",100000,", ",十万,", 1), 3},
		{"bad basis", strings.Replace(in, "大气污染防治法第99条", "随便写写", 1), 3},
	}
	for _, tt := range bad {
		_, err := corpus.DecodeCasesCSV(strings.NewReader(tt.in))
		var re *corpus.RowError
		if !errors.As(err, &re) || re.Row != tt.row {
			t.Errorf("%s: err = %v; want RowError row %d", tt.name, err, tt.row)
		}
	}
}

func TestImportCasesAllOrNothing(t *testing.T) {
	lib := openLibrary(t)
	ctx := context.Background()
	good, err := corpus.DecodeCasesJSONL(strings.NewReader(goodLine))
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.ImportCases(ctx, good); err != nil {
		t.Fatal(err)
	}
	second := good[0]
	second.ID = "t-2"
	broken := good[0]
	broken.ID = "t-3"
	broken.Sector = ""
	err = lib.ImportCases(ctx, []corpus.Case{second, broken})
	var re *corpus.RowError
	if !errors.As(err, &re) || re.Row != 2 {
		t.Fatalf("err = %v; want RowError at row 2", err)
	}
	if _, err := lib.Store().Case("t-2"); !errors.Is(err, corpus.ErrNotFound) {
		t.Errorf("row 1 of a rejected import was stored: %v", err)
	}
	if n, _ := lib.Store().CaseCount(); n != 1 {
		t.Errorf("case count = %d; want 1", n)
	}
	res, err := lib.Index().SearchCases(ctx, corpus.CaseQuery{Q: "过期"})
	if err != nil || res.Total != 1 {
		t.Errorf("search after import = %d, %v; want 1", res.Total, err)
	}
	dup := []corpus.Case{second, second}
	if err := lib.ImportCases(ctx, dup); !errors.As(err, &re) || re.Row != 2 {
		t.Errorf("duplicate ids: err = %v; want RowError row 2", err)
	}
}

// TestIndexSurvivesRestartAndRepairs checks that a reopened data directory
// keeps its index without rebuilding, and that a lost index is rebuilt from
// the store (no accepted write is lost).
func TestIndexSurvivesRestartAndRepairs(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	open := func() (*corpus.Library, func()) {
		st, err := corpus.OpenStore(filepath.Join(dir, "c.db"))
		if err != nil {
			t.Fatal(err)
		}
		ix, err := bleveidx.Open(bleveidx.Config{Dir: filepath.Join(dir, "index"), Segmenter: nlp.RuneSegmenter{}})
		if err != nil {
			t.Fatal(err)
		}
		lib := corpus.NewLibrary(st, ix, nil)
		if err := lib.EnsureIndexed(ctx); err != nil {
			t.Fatal(err)
		}
		return lib, func() { ix.Close(); st.Close() }
	}
	lib, closeFn := open()
	seedStatutes(t, lib)
	cs, _ := corpus.DecodeCasesJSONL(strings.NewReader(goodLine))
	if err := lib.ImportCases(ctx, cs); err != nil {
		t.Fatal(err)
	}
	n1, c1, _ := lib.Index().Counts()
	closeFn()

	lib, closeFn = open()
	n2, c2, _ := lib.Index().Counts()
	if n1 == 0 || n1 != n2 || c1 != 1 || c2 != 1 {
		t.Fatalf("after restart counts = %d/%d; before %d/%d", n2, c2, n1, c1)
	}
	// Simulate a crash after a store write and before the index caught up.
	if err := lib.Index().SetGeneration(0); err != nil {
		t.Fatal(err)
	}
	if err := lib.Index().Reset(); err != nil {
		t.Fatal(err)
	}
	closeFn()
	lib, closeFn = open()
	defer closeFn()
	n3, c3, _ := lib.Index().Counts()
	if n3 != n1 || c3 != 1 {
		t.Fatalf("after repair counts = %d/%d; want %d/1", n3, c3, n1)
	}
}

// A case written with a short disposition is stored with the canonical one,
// so a filter on 从轻处罚 finds it.
func TestDecodeCasesSpellsDispositionCanonically(t *testing.T) {
	in := strings.Replace(goodLine, `"disposition":"处罚"`, `"disposition":"从轻"`, 1)
	got, err := corpus.DecodeCasesJSONL(strings.NewReader(in))
	if err != nil || len(got) != 1 {
		t.Fatalf("DecodeCasesJSONL: %d cases, %v", len(got), err)
	}
	if got[0].Disposition != legal.DispositionLighter {
		t.Errorf("disposition = %q; want %q", got[0].Disposition, legal.DispositionLighter)
	}
}
