// Package synthvec makes synthetic vectors for measurements and tests of
// vector stores: eval's vector-index measurement (production code) and the
// stores' own tests and benchmarks draw them from here. It imports neither
// testing nor any store, so production code may use it.
package synthvec

import (
	"math"
	"math/rand"
)

// RandomUnit returns a vector of dim components drawn uniformly from the
// unit sphere (normal components, scaled to length 1); dim ≥ 1.
func RandomUnit(rng *rand.Rand, dim int) []float32 {
	v := make([]float32, dim)
	var n float64
	for i := range v {
		x := rng.NormFloat64()
		v[i] = float32(x)
		n += x * x
	}
	n = math.Sqrt(n)
	for i := range v {
		v[i] = float32(float64(v[i]) / n)
	}
	return v
}
