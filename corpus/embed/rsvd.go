package embed

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"sync"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/blas/gonum"
	"gonum.org/v1/gonum/lapack/lapack64"
	"gonum.org/v1/gonum/mat"
)

// csr is a sparse matrix in compressed sparse row form with float32 values.
type csr struct {
	rows, cols int
	ptr        []int   // len rows+1
	idx        []int32 // column of each value
	val        []float32
}

// transpose returns the matrix's transpose, also in CSR form (that is, the
// CSC form of a), with the entries of each row in increasing column order.
func (a *csr) transpose() *csr {
	t := &csr{rows: a.cols, cols: a.rows, ptr: make([]int, a.cols+1), idx: make([]int32, len(a.idx)), val: make([]float32, len(a.val))}
	for _, j := range a.idx {
		t.ptr[j+1]++
	}
	for j := 0; j < a.cols; j++ {
		t.ptr[j+1] += t.ptr[j]
	}
	next := make([]int, a.cols)
	copy(next, t.ptr[:a.cols])
	for i := 0; i < a.rows; i++ {
		for p := a.ptr[i]; p < a.ptr[i+1]; p++ {
			j := a.idx[p]
			q := next[j]
			t.idx[q] = int32(i)
			t.val[q] = a.val[p]
			next[j]++
		}
	}
	return t
}

// sampleRows returns s rows of a evenly spaced in order (row j·rows/s
// for j < s), sharing no memory with a.
func (a *csr) sampleRows(s int) *csr {
	out := &csr{rows: s, cols: a.cols, ptr: make([]int, s+1)}
	for j := range s {
		i := j * a.rows / s
		out.idx = append(out.idx, a.idx[a.ptr[i]:a.ptr[i+1]]...)
		out.val = append(out.val, a.val[a.ptr[i]:a.ptr[i+1]]...)
		out.ptr[j+1] = len(out.idx)
	}
	return out
}

// mulDense sets out (a.rows×l, row-major) to a·x, x being a.cols×l
// row-major. Rows of out are split among workers; each row is summed in a
// fixed order, so the result does not depend on the number of workers.
func (a *csr) mulDense(x []float64, l int, out []float64, workers int) {
	parallel(a.rows, workers, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			o := out[i*l : (i+1)*l]
			clear(o)
			for p := a.ptr[i]; p < a.ptr[i+1]; p++ {
				j := int(a.idx[p])
				impl.Daxpy(l, float64(a.val[p]), x[j*l:(j+1)*l], 1, o, 1)
			}
		}
	})
}

// impl is gonum's pure-Go BLAS, whose daxpy has an assembly kernel.
var impl = gonum.Implementation{}

// parallel runs fn over [0,n) split into contiguous ranges, one per worker.
func parallel(n, workers int, fn func(lo, hi int)) {
	if workers < 1 {
		workers = 1
	}
	if workers == 1 || n < 2*workers {
		fn(0, n)
		return
	}
	var wg sync.WaitGroup
	step := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += step {
		hi := min(lo+step, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(lo, hi)
		}()
	}
	wg.Wait()
}

// rsvdResult holds the top right singular vectors of the (optionally
// centred) matrix: v is cols×k row-major, sigma the k singular values in
// decreasing order.
type rsvdResult struct {
	v     []float64
	sigma []float64
}

var errSVD = errors.New("eigendecomposition did not converge")

// randomizedSVD computes the top k right singular vectors of a, or of
// a - 1·meanᵀ when mean is not nil, by the randomized range finder of
// Halko, Martinsson and Tropp (2011): a Gaussian test matrix Ω (cols×l), the
// subspace iteration Q ← orth(aᵀ·a·Q) repeated powerIters+1 times (see
// orth), then W = a·Q (rows×l)
// and the eigendecomposition of the small WᵀW = V_w Σ² V_wᵀ, so that
// a ≈ U Σ (Q V_w)ᵀ. Requires k ≤ l ≤ min(rows, cols). Deterministic for a
// given seed.
func randomizedSVD(ctx context.Context, a, at *csr, mean []float64, k, l, powerIters int, seed uint64, workers int, progress func(done, total int)) (*rsvdResult, error) {
	n, m := a.rows, a.cols
	if k < 1 || l < k || l > n || l > m {
		return nil, fmt.Errorf("randomized SVD: need 1 ≤ k ≤ l ≤ min(rows, cols), got k=%d l=%d rows=%d cols=%d", k, l, n, m)
	}
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	q := make([]float64, m*l)
	for i := range q {
		q[i] = rng.NormFloat64()
	}
	w := make([]float64, n*l)
	total := powerIters + 2
	for it := 0; it <= powerIters; it++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		// Q ← orth(AᵀA·Q). W = A·Q needs no orthonormalisation of its own:
		// Q is orthonormal, so the product's condition number is at most
		// (σ₁/σ_l)², far from float64's limit, and skipping it halves the QRs.
		mulCentered(a, mean, false, q, l, w, workers)
		mulCentered(at, mean, true, w, l, q, workers)
		orth(q, m, l)
		if progress != nil {
			progress(it+1, total)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	mulCentered(a, mean, false, q, l, w, workers)
	// G = WᵀW (l×l), by the parallel gonum dgemm.
	g := make([]float64, l*l)
	wg := blas64.General{Rows: n, Cols: l, Stride: l, Data: w}
	blas64.Gemm(blas.Trans, blas.NoTrans, 1, wg, wg, 0, blas64.General{Rows: l, Cols: l, Stride: l, Data: g})
	// W (rows×l) is no longer needed: let the GC have it.
	w, wg = nil, blas64.General{}
	// Symmetrise the rounding noise.
	for i := 0; i < l; i++ {
		for j := i + 1; j < l; j++ {
			s := (g[i*l+j] + g[j*l+i]) / 2
			g[i*l+j], g[j*l+i] = s, s
		}
	}
	var es mat.EigenSym
	if !es.Factorize(mat.NewSymDense(l, g), true) {
		return nil, errSVD
	}
	vals := es.Values(nil)
	var vecs mat.Dense
	es.VectorsTo(&vecs)
	order := make([]int, l)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool { return vals[order[x]] > vals[order[y]] })
	vw := make([]float64, l*k) // l×k: the top-k eigenvectors
	sigma := make([]float64, k)
	for c := 0; c < k; c++ {
		src := order[c]
		sigma[c] = math.Sqrt(max(vals[src], 0))
		for r := 0; r < l; r++ {
			vw[r*k+c] = vecs.At(r, src)
		}
	}
	v := make([]float64, m*k)
	blas64.Gemm(blas.NoTrans, blas.NoTrans, 1,
		blas64.General{Rows: m, Cols: l, Stride: l, Data: q},
		blas64.General{Rows: l, Cols: k, Stride: k, Data: vw}, 0,
		blas64.General{Rows: m, Cols: k, Stride: k, Data: v})
	// Singular vectors are defined up to sign: make each column's largest
	// entry positive, so that equal inputs give equal models everywhere.
	for c := 0; c < k; c++ {
		best, bi := -1.0, 0
		for r := 0; r < m; r++ {
			if x := math.Abs(v[r*k+c]); x > best {
				best, bi = x, r
			}
		}
		if v[bi*k+c] < 0 {
			for r := 0; r < m; r++ {
				v[r*k+c] = -v[r*k+c]
			}
		}
	}
	if progress != nil {
		progress(total, total)
	}
	return &rsvdResult{v: v, sigma: sigma}, nil
}

// mulCentered sets out = a·x, minus the centring term when mean is not nil.
// For the document-side product (transposed=false, a is docs×features):
// (A - 1μᵀ)x = Ax - 1(μᵀx). For the feature-side product (a is Aᵀ):
// (A - 1μᵀ)ᵀx = Aᵀx - μ(1ᵀx).
func mulCentered(a *csr, mean []float64, transposed bool, x []float64, l int, out []float64, workers int) {
	a.mulDense(x, l, out, workers)
	if mean == nil {
		return
	}
	corr := make([]float64, l)
	if !transposed {
		for j, mu := range mean { // μᵀx, x is features×l
			if mu == 0 {
				continue
			}
			xr := x[j*l : (j+1)*l]
			for c := range corr {
				corr[c] += mu * xr[c]
			}
		}
		for i := 0; i < a.rows; i++ {
			o := out[i*l : (i+1)*l]
			for c := range o {
				o[c] -= corr[c]
			}
		}
		return
	}
	rows := len(x) / l // 1ᵀx, x is docs×l
	for i := 0; i < rows; i++ {
		xr := x[i*l : (i+1)*l]
		for c := range corr {
			corr[c] += xr[c]
		}
	}
	for j, mu := range mean {
		if mu == 0 {
			continue
		}
		o := out[j*l : (j+1)*l]
		for c := range o {
			o[c] -= mu * corr[c]
		}
	}
}

// orth replaces the r×c row-major matrix y (r ≥ c) by an orthonormal basis
// of its column space. It uses Cholesky QR (Y = Q·R with RᵀR = YᵀY, by the
// parallel dgemm and one triangular solve), about twice as fast here as
// Householder QR, when Y is well enough conditioned for it to be accurate;
// otherwise the thin Q of Householder QR (LAPACK dgeqrf/dorgqr).
func orth(y []float64, r, c int) {
	if !cholQR(y, r, c) {
		householderQ(y, r, c)
	}
}

// maxCholCond bounds the condition number of Y estimated from R's diagonal
// for Cholesky QR, whose loss of orthogonality grows as cond(Y)²·ε: 1e4
// keeps it near 1e-8.
const maxCholCond = 1e4

func cholQR(y []float64, r, c int) bool {
	gram := make([]float64, c*c)
	yg := blas64.General{Rows: r, Cols: c, Stride: c, Data: y}
	blas64.Gemm(blas.Trans, blas.NoTrans, 1, yg, yg, 0, blas64.General{Rows: c, Cols: c, Stride: c, Data: gram})
	rs := blas64.Symmetric{N: c, Stride: c, Data: gram, Uplo: blas.Upper}
	if _, ok := lapack64.Potrf(rs); !ok {
		return false
	}
	lo, hi := math.Inf(1), 0.0
	for i := 0; i < c; i++ {
		d := math.Abs(gram[i*c+i])
		lo, hi = min(lo, d), max(hi, d)
	}
	if !(lo > 0) || hi/lo > maxCholCond || math.IsInf(hi, 0) || math.IsNaN(hi) {
		return false
	}
	impl.Dtrsm(blas.Right, blas.Upper, blas.NoTrans, blas.NonUnit, r, c, 1, gram, c, y, c)
	return true
}

// householderQ replaces y by the thin Q of its Householder QR decomposition.
func householderQ(y []float64, r, c int) {
	g := blas64.General{Rows: r, Cols: c, Stride: c, Data: y}
	tau := make([]float64, c)
	work := []float64{0}
	lapack64.Geqrf(g, tau, work, -1)
	lw := int(work[0])
	lapack64.Orgqr(g, tau, work, -1)
	lw = max(lw, int(work[0]), c)
	work = make([]float64, lw)
	lapack64.Geqrf(g, tau, work, lw)
	lapack64.Orgqr(g, tau, work, lw)
}
