package synthvec_test

import (
	"math"
	"math/rand"
	"slices"
	"testing"

	"github.com/cailiang/cailiang/corpus/synthvec"
)

func TestRandomUnit(t *testing.T) {
	for _, dim := range []int{1, 3, 128} {
		v := synthvec.RandomUnit(rand.New(rand.NewSource(1)), dim)
		if len(v) != dim {
			t.Fatalf("dim %d: got %d components", dim, len(v))
		}
		var n float64
		for _, x := range v {
			n += float64(x) * float64(x)
		}
		if math.Abs(n-1) > 1e-5 {
			t.Errorf("dim %d: squared length %v, want 1", dim, n)
		}
		if w := synthvec.RandomUnit(rand.New(rand.NewSource(1)), dim); !slices.Equal(v, w) {
			t.Errorf("dim %d: same seed gave %v and %v", dim, v, w)
		}
	}
}
