package eval

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/corpus"
)

// TestRunModes runs norm-relset once per mode against two fakes, one that
// errs: metrics must carry the mode suffix, each mode must reach its own
// searcher, and a bad mode or suite must fail before any search.
func TestRunModes(t *testing.T) {
	good := &fakeNorms{arts: []corpus.NormHit{art("食品安全法", 124, 0, true, "生产经营不符合食品安全标准的食品")}}
	empty := &fakeNorms{}
	searchers := map[corpus.SearchMode]NormSearcher{corpus.ModeBM25: good, corpus.ModeHybrid: empty}
	rs, err := RunModes(context.Background(), Env{}, []string{SuiteNormRelset}, []corpus.SearchMode{corpus.ModeBM25, corpus.ModeHybrid}, searchers)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 6 {
		t.Fatalf("got %d results, want 3 metrics × 2 modes", len(rs))
	}
	for i, r := range rs {
		want := "/bm25"
		if i >= 3 {
			want = "/hybrid"
		}
		if !strings.HasSuffix(r.Metric, want) {
			t.Errorf("result %d metric %q lacks %s", i, r.Metric, want)
		}
	}
	if len(good.queries) == 0 || len(empty.queries) != len(good.queries) {
		t.Errorf("searchers got %d and %d queries; want the same non-zero number each", len(good.queries), len(empty.queries))
	}
	if rs[4].Value != 0 {
		t.Errorf("hybrid recall over an empty searcher = %v, want 0", rs[4].Value)
	}
	if _, err := RunModes(context.Background(), Env{}, nil, []corpus.SearchMode{corpus.ModeVector}, searchers); !errors.Is(err, corpus.ErrBadMode) {
		t.Errorf("mode without searcher: err = %v, want ErrBadMode", err)
	}
	if _, err := RunModes(context.Background(), Env{}, []string{"nope"}, []corpus.SearchMode{corpus.ModeBM25}, searchers); !errors.Is(err, ErrUnknownSuite) {
		t.Errorf("unknown suite: err = %v, want ErrUnknownSuite", err)
	}
}
