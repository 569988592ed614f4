package eval

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/cailiang/cailiang/corpus"
)

// rowSearcher answers a query "n" with 刑法 articles n and n+1 (and an
// article of another law between them, which searchRows must drop), and
// fails for the query "fail".
type rowSearcher struct{ calls atomic.Int64 }

func (s *rowSearcher) SearchNorms(ctx context.Context, q corpus.NormQuery) (corpus.Results[corpus.NormHit], error) {
	s.calls.Add(1)
	if q.Q == "fail" {
		return corpus.Results[corpus.NormHit]{}, errors.New("boom")
	}
	if err := ctx.Err(); err != nil {
		return corpus.Results[corpus.NormHit]{}, err
	}
	n, _ := strconv.Atoi(q.Q)
	return corpus.Results[corpus.NormHit]{Hits: []corpus.NormHit{
		{Law: "刑法", Number: n}, {Law: "治安管理处罚法", Number: 1}, {Law: "刑法", Number: n + 1},
	}}, nil
}

// TestSearchRows checks the parallel row search: answers land in their
// rows' places, progress counts every row, and the first error is returned.
func TestSearchRows(t *testing.T) {
	var rows []articleRow
	for i := range 50 {
		rows = append(rows, articleRow{id: strconv.Itoa(i), query: strconv.Itoa(100 + i)})
	}
	var last atomic.Int64
	env := Env{Norms: &rowSearcher{}, Progress: func(_ string, done, _ int) { last.Store(int64(done)) }}
	got, err := searchRows(context.Background(), env, rows)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range got {
		if want := []string{strconv.Itoa(100 + i), strconv.Itoa(101 + i)}; !slices.Equal(r, want) {
			t.Errorf("row %d = %v, want %v", i, r, want)
		}
	}
	if last.Load() != int64(len(rows)) {
		t.Errorf("last progress = %d, want %d", last.Load(), len(rows))
	}

	rows[7].query = "fail"
	_, err = searchRows(context.Background(), Env{Norms: &rowSearcher{}}, rows)
	if err == nil || !strings.Contains(err.Error(), "search row 7") {
		t.Errorf("err = %v, want the failing row's error", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := searchRows(ctx, Env{Norms: &rowSearcher{}}, rows[:3]); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v, want context.Canceled", err)
	}
}
