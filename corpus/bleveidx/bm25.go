package bleveidx

import (
	"errors"
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2/search"
)

// BM25 holds the parameters of BM25 scoring.
type BM25 struct {
	// K1 is term-frequency saturation; 0 means DefaultBM25K1.
	K1 float64
	// B is length normalisation, from 0 (none) to 1 (full). Its zero value
	// is DefaultBM25B: bleve takes the average field length to be the
	// number of distinct terms in the field divided by the number of
	// documents (about 2 for our articles), so with the usual b = 0.75 a
	// 16-word article is normalised as if it were 8× longer than average,
	// and the long 法律责任 articles that officers look for sink. With
	// b = 0 only term saturation remains; docs/search.md has the
	// measurements.
	B float64
}

// The scoring of an Index whose Config leaves BM25 zero: bleve's k1 and no
// length normalisation (see BM25.B).
const (
	DefaultBM25K1 = 1.2
	DefaultBM25B  = 0.0
)

func (p BM25) withDefaults() BM25 {
	if p.K1 == 0 {
		p.K1 = DefaultBM25K1
	}
	return p
}

// ErrScoringConflict is returned by Open when another open Index of this
// process scores with other BM25 parameters.
var ErrScoringConflict = errors.New("bleveidx: BM25 parameters differ from those of an open index")

// scoring tracks the BM25 parameters in force. bleve's scorer reads k1 and
// b from package variables (search.BM25_k1, search.BM25_b), not from the
// index, so they are the same for every index of a process. Open sets them
// from its Config when no Index is open and otherwise only accepts the ones
// in force: two indexes cannot score differently, and changing the values
// under a running search would be a data race.
var scoring struct {
	sync.Mutex
	open   int
	params BM25
}

// acquireScoring makes p the BM25 parameters in force for one more Index.
// It returns an error wrapping ErrScoringConflict when an open Index uses
// others.
func acquireScoring(p BM25) error {
	if p.K1 < 0 || p.B < 0 || p.B > 1 {
		return fmt.Errorf("bleveidx: BM25 k1 %v b %v: k1 must be positive and b within 0..1", p.K1, p.B)
	}
	scoring.Lock()
	defer scoring.Unlock()
	if scoring.open > 0 && scoring.params != p {
		return fmt.Errorf("%w: %+v asked for, %+v in force", ErrScoringConflict, p, scoring.params)
	}
	if scoring.open == 0 {
		search.BM25_k1, search.BM25_b = p.K1, p.B
		scoring.params = p
	}
	scoring.open++
	return nil
}

// releaseScoring ends one Index's use of the parameters in force.
func releaseScoring() {
	scoring.Lock()
	scoring.open--
	scoring.Unlock()
}
