package corpus

import (
	"errors"
	"fmt"
	"math"
	"testing"
)

func TestRRF(t *testing.T) {
	got := rrf([]string{"a", "b", "c"}, []string{"c", "a"})
	var ids []string
	for _, f := range got {
		ids = append(ids, f.id)
	}
	if fmt.Sprint(ids) != "[a c b]" {
		t.Fatalf("order %v; want [a c b]", ids)
	}
	want := 1.0/61 + 1.0/62
	if math.Abs(got[0].score-want) > 1e-12 {
		t.Errorf("score of a = %v; want %v", got[0].score, want)
	}
	if len(rrf()) != 0 || len(rrf(nil, nil)) != 0 {
		t.Error("empty lists should fuse to nothing")
	}
}

func TestParseSearchMode(t *testing.T) {
	tests := []struct {
		in    string
		want  SearchMode
		dense bool
		err   bool
	}{
		{"", ModeBM25, false, false},
		{"bm25", ModeBM25, false, false},
		{"vector", ModeVector, true, false},
		{"hybrid", ModeHybrid, true, false},
		{"BM25", "", false, true},
		{"magic", "", false, true},
	}
	for _, tt := range tests {
		got, err := ParseSearchMode(tt.in)
		if (err != nil) != tt.err || got != tt.want || got.Dense() != tt.dense {
			t.Errorf("ParseSearchMode(%q) = %q (dense %v), %v; want %q (dense %v), error %v", tt.in, got, got.Dense(), err, tt.want, tt.dense, tt.err)
		}
		if tt.err && !errors.Is(err, ErrBadMode) {
			t.Errorf("ParseSearchMode(%q) err = %v; want ErrBadMode", tt.in, err)
		}
	}
	for _, m := range SearchModes() {
		if got, err := ParseSearchMode(string(m)); err != nil || got != m {
			t.Errorf("ParseSearchMode(%q) = %q, %v; want itself", m, got, err)
		}
	}
}
