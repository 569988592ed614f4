package corpus

import (
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
