package bleveidx

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/cailiang/cailiang/corpus"
)

// ranker scores norm searches from a copy of the norm index's postings held
// in memory. bleve's disjunction searcher walks every posting of every query
// term through a heap of searchers, allocating a match per posting and
// document: about 9 ms of CPU for 无证经营食品 (its expansion holds 经营,
// 从事, 许可, each in thousands of articles), where a closed loop of 20
// clients on 2 cores needs about 1 ms. The ranker keeps the same postings
// in flat arrays instead, adds them term after term (only the rarer terms
// when that proves the page, score.go), and computes exactly bleve's score
// for the queries SearchNorms builds (see score), so the ranking does not
// change; bleve still indexes, stores, and answers everything else.
//
// A ranker is a snapshot: any write to the norm index drops it, and it is
// rebuilt from the new snapshot in the background (Index.ranking).
type ranker struct {
	// ids are the external IDs of the documents, by dense number (all
	// slices of one string: one object for the collector, not one per
	// document), nums their global numbers in the snapshot built from,
	// whose segments are segments (stored.go).
	ids      []string
	nums     []uint64
	segments []uint64
	// docTotal is the document count bleve's idf uses.
	docTotal uint64
	// Filters, by dense document number: indexes into vals for the
	// keyword fields, the version date as bleve's version_num, in force.
	law, category, region []int32
	vals                  []string
	valIndex              map[string]int32
	versionNum            []float64
	inForce               []bool
	// inForceBits are the documents in force, as a bitset.
	inForceBits []uint64
	fields      map[string]*fieldPostings
	// seq holds each document's text as the term numbers of the text
	// field at their positions (0 where punctuation was dropped or
	// unknown), for the phrase clause: document d's are
	// seq[seqStart[d]:seqStart[d+1]] (seqOf), all in one array.
	seq      []uint32
	seqStart []uint32
	// stored are the documents' stored fields (nil: read from the index).
	stored *storedNorms
	// took is how long the build took.
	took time.Duration
	// results are recent answers from this snapshot.
	results resultCache
}

// fieldPostings are one field's postings: for term t, documents
// docs[start[t]:start[t+1]] with term frequencies tfs[…].
type fieldPostings struct {
	// terms are the field's terms by number (dictionary order): term t
	// is terms.at(t). They sit in one string with their end offsets, not
	// in a map of strings (hundreds of thousands of objects the collector
	// would mark in every cycle); a term is found by binary search.
	terms termTable
	// df is bleve's document frequency of each term (the count its idf
	// uses).
	df    []uint64
	start []uint32
	docs  []uint32
	tfs   []uint32
	// maxTF is each term's largest term frequency, bits the documents
	// of each term in at least 1/bitsetShare of them (score.go), and
	// ranks, for each such term and each word of its bitset, how many of
	// its documents come before the word: document d is then
	// docs[ranks[d/64] + the bits below d in its word], without a search.
	maxTF []uint32
	bits  map[uint32][]uint64
	ranks map[uint32][]uint32
}

// summarize computes maxTF and bits for n documents.
func (f *fieldPostings) summarize(n int) {
	f.maxTF = make([]uint32, len(f.df))
	f.bits = map[uint32][]uint64{}
	f.ranks = map[uint32][]uint32{}
	for t := range f.maxTF {
		docs, tfs := f.docs[f.start[t]:f.start[t+1]], f.tfs[f.start[t]:f.start[t+1]]
		for _, tf := range tfs {
			f.maxTF[t] = max(f.maxTF[t], tf)
		}
		if len(docs) == 0 || len(docs) < n/bitsetShare {
			continue
		}
		b := make([]uint64, (n+63)/64)
		for _, d := range docs {
			b[d>>6] |= 1 << (d & 63)
		}
		f.bits[uint32(t)] = b
		rank := make([]uint32, len(b))
		var before uint32
		for w, x := range b {
			rank[w] = before
			before += uint32(bits.OnesCount64(x))
		}
		f.ranks[uint32(t)] = rank
	}
}

func (f *fieldPostings) lookup(term string) (docs, tfs []uint32, df uint64, ok bool) {
	t, ok := f.terms.find(term)
	if !ok {
		return nil, nil, 0, false
	}
	a, b := f.start[t], f.start[t+1]
	return f.docs[a:b], f.tfs[a:b], f.df[t], true
}

// df returns the document frequency of a term of field, as bleve counts
// it (0 for a term not in the index).
func (rk *ranker) df(field string) func(string) (uint64, error) {
	fp := rk.fields[field]
	return func(t string) (uint64, error) {
		_, _, df, _ := fp.lookup(t)
		return df, nil
	}
}

// rankedFields are the fields of the norm index the ranker copies: the
// ones textQuery and boundedQuery match.
var rankedFields = []string{"text", "text_cjk", "title", "chapter"}

// errRankerStale is returned by buildRanker when the index changed while
// it was read.
var errRankerStale = errors.New("norm index changed during ranker build")

// buildRanker copies the postings and filter values of idx's current
// snapshot. It reads every term of the ranked fields once.
func buildRanker(ctx context.Context, idx bleve.Index) (*ranker, error) {
	r, err := snapshot(idx)
	if err != nil {
		return nil, fmt.Errorf("build ranker: %w", err)
	}
	defer r.Close()
	total, err := r.DocCount()
	if err != nil {
		return nil, fmt.Errorf("build ranker: %w", err)
	}
	rk := &ranker{docTotal: total, valIndex: map[string]int32{"": 0}, vals: []string{""}, fields: map[string]*fieldPostings{}}
	// Dense numbers for the live documents, in bleve's internal order.
	var dense denseNums
	all, err := r.DocIDReaderAll()
	if err != nil {
		return nil, fmt.Errorf("build ranker: %w", err)
	}
	var idArena []byte
	var idEnds []uint32
	for {
		id, err := all.Next()
		if err != nil {
			all.Close()
			return nil, fmt.Errorf("build ranker: %w", err)
		}
		if id == nil {
			break
		}
		ext, err := r.ExternalID(id)
		if err != nil {
			all.Close()
			return nil, fmt.Errorf("build ranker: %w", err)
		}
		dense.set(internalNum(id), uint32(len(idEnds)))
		idArena = append(idArena, ext...)
		idEnds = append(idEnds, uint32(len(idArena)))
		rk.nums = append(rk.nums, internalNum(id))
	}
	all.Close()
	rk.ids = slicesOf(string(idArena), idEnds)
	rk.segments = snapshotSegments(r)
	n := len(rk.ids)
	rk.law, rk.category, rk.region = make([]int32, n), make([]int32, n), make([]int32, n)
	rk.versionNum, rk.inForce = make([]float64, n), make([]bool, n)
	seqs := make([][]uint32, n)
	for _, f := range []struct {
		name string
		set  func(doc uint32, term string)
	}{
		{"law", func(d uint32, t string) { rk.law[d] = rk.value(t) }},
		{"category", func(d uint32, t string) { rk.category[d] = rk.value(t) }},
		{"region", func(d uint32, t string) { rk.region[d] = rk.value(t) }},
		{"version_date", func(d uint32, t string) { rk.versionNum[d] = dateNum(t) }},
		// bleve indexes a boolean as the term "T" or "F".
		{"in_force", func(d uint32, t string) { rk.inForce[d] = t == "T" }},
	} {
		err := eachPosting(ctx, r, f.name, false, dense, func(_ uint32, term string, d uint32, _ *index.TermFieldDoc) {
			f.set(d, term)
		}, nil)
		if err != nil {
			return nil, fmt.Errorf("build ranker: %w", err)
		}
	}
	// The fields are read at once, one goroutine each (a snapshot serves
	// concurrent readers, as it does concurrent searches): the build is
	// the service's loading time.
	fps := make([]*fieldPostings, len(rankedFields))
	errs := make([]error, len(rankedFields)+1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		rk.stored, errs[len(rankedFields)] = readStored(ctx, r, rk.nums)
	}()
	for i, field := range rankedFields {
		fp := &fieldPostings{}
		fps[i] = fp
		positions := field == "text"
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = eachPosting(ctx, r, field, positions, dense, func(t uint32, _ string, d uint32, tfd *index.TermFieldDoc) {
				fp.docs = append(fp.docs, d)
				fp.tfs = append(fp.tfs, uint32(tfd.Freq))
				// Only the text field keeps positions: seqs has one
				// writer.
				for _, v := range tfd.Vectors {
					p := int(v.Pos) - 1
					if p < 0 {
						continue
					}
					s := seqs[d]
					for len(s) <= p {
						s = append(s, 0)
					}
					s[p] = t + 1
					seqs[d] = s
				}
			}, func(t uint32, term string, df uint64) {
				fp.terms.add(term)
				fp.df = append(fp.df, df)
				fp.start = append(fp.start, uint32(len(fp.docs)))
			})
			fp.start = append(fp.start, uint32(len(fp.docs)))
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("build ranker: %w", err)
	}
	for i, field := range rankedFields {
		fps[i].terms.seal()
		fps[i].summarize(n)
		rk.fields[field] = fps[i]
	}
	rk.seq, rk.seqStart = flatten(seqs)
	rk.inForceBits = make([]uint64, (n+63)/64)
	for d, in := range rk.inForce {
		if in {
			rk.inForceBits[d>>6] |= 1 << (d & 63)
		}
	}
	return rk, nil
}

// value interns a keyword value.
func (rk *ranker) value(s string) int32 {
	if v, ok := rk.valIndex[s]; ok {
		return v
	}
	v := int32(len(rk.vals))
	rk.vals = append(rk.vals, s)
	rk.valIndex[s] = v
	return v
}

// denseNums maps scorch's document numbers (dense but for deleted
// documents) to the ranker's, by a slice rather than a map: it is looked up
// once per posting.
type denseNums []uint32

const noDoc = math.MaxUint32

func (d *denseNums) set(num uint64, v uint32) {
	if num >= 1<<31 {
		return
	}
	for uint64(len(*d)) <= num {
		*d = append(*d, noDoc)
	}
	(*d)[num] = v
}

func (d denseNums) get(num uint64) (uint32, bool) {
	if num >= uint64(len(d)) || d[num] == noDoc {
		return 0, false
	}
	return d[num], true
}

// internalNum is the document number of a scorch internal ID.
func internalNum(id index.IndexInternalID) uint64 {
	if len(id) != 8 {
		return math.MaxUint64
	}
	return binary.BigEndian.Uint64(id)
}

// eachPosting calls term for every term of field (numbered from 0 in
// dictionary order) and then fn for each of its live postings.
func eachPosting(ctx context.Context, r index.IndexReader, field string, vectors bool, dense denseNums,
	fn func(t uint32, term string, doc uint32, tfd *index.TermFieldDoc), term func(t uint32, term string, df uint64)) error {
	dict, err := r.FieldDict(field)
	if err != nil {
		return fmt.Errorf("field %s: %w", field, err)
	}
	defer dict.Close()
	var t uint32
	tfd := &index.TermFieldDoc{}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		e, err := dict.Next()
		if err != nil {
			return fmt.Errorf("field %s: %w", field, err)
		}
		if e == nil {
			return nil
		}
		tfr, err := r.TermFieldReader(ctx, []byte(e.Term), field, true, false, vectors)
		if err != nil {
			return fmt.Errorf("field %s term %q: %w", field, e.Term, err)
		}
		if term != nil {
			term(t, e.Term, tfr.Count())
		}
		for {
			tfd, err = tfr.Next(tfd.Reset())
			if err != nil {
				tfr.Close()
				return fmt.Errorf("field %s term %q: %w", field, e.Term, err)
			}
			if tfd == nil {
				tfd = &index.TermFieldDoc{}
				break
			}
			if d, ok := dense.get(internalNum(tfd.ID)); ok {
				fn(t, e.Term, d, tfd)
			}
		}
		tfr.Close()
		t++
	}
}

// clause is one disjunct of the text query as textQuery and boundedQuery
// build it: a match (or term disjunction) of terms on a field, with the
// boost bleve applies to each term. phrase marks the phrase clause, whose
// terms are those of the main-field clause.
type clause struct {
	field  string
	terms  []string
	boost  float64
	phrase bool
}

// clauses lists the disjuncts textQuery (or boundedQuery for a bounded
// plan) would build for q, with bleve's effective boosts.
func clauses(ix *Index, p plan, q, main string, bigramWeight float64, secondary map[string]float64, phrase bool) []clause {
	if p.bounded {
		// A DisjunctionQuery's own boost does not reach its searcher in
		// bleve: termsOn's boosts are 1 in effect, and the ranker scores
		// what was measured.
		out := []clause{{field: main, terms: p.words, boost: 1}}
		if bigramWeight > 0 && len(p.bigrams) > 0 {
			out = append(out, clause{field: main + "_cjk", terms: p.bigrams, boost: 1})
		}
		for _, f := range sortedKeys(secondary) {
			out = append(out, clause{field: f, terms: p.words, boost: 1})
		}
		return out
	}
	m := ix.norms.Mapping()
	words := p.tokens
	if words == nil {
		words = analyzed(m.AnalyzerNamed(Analyzer), q)
	}
	out := []clause{{field: main, terms: words, boost: 1}}
	if phrase && len([]rune(q)) <= maxPhraseRunes {
		out = append(out, clause{field: main, terms: words, boost: 2, phrase: true})
	}
	if bigramWeight > 0 {
		grams := p.gramTokens
		if grams == nil {
			grams = analyzed(m.AnalyzerNamed("cjk"), q)
		}
		out = append(out, clause{field: main + "_cjk", terms: grams, boost: bigramWeight})
	}
	for _, f := range sortedKeys(secondary) {
		out = append(out, clause{field: f, terms: words, boost: secondary[f]})
	}
	return out
}

// rankerFilter is the filter part of a NormQuery, resolved to the ranker's
// values; a value the index does not hold matches nothing.
type rankerFilter struct {
	law, category, region int32
	none                  bool
	inForce               *bool
	from, to              float64
	hasFrom, hasTo        bool
}

func (rk *ranker) filter(law, category, region string, inForce *bool, from, to string) rankerFilter {
	f := rankerFilter{law: -1, category: -1, region: -1, inForce: inForce}
	for _, x := range []struct {
		v   string
		dst *int32
	}{{law, &f.law}, {category, &f.category}, {region, &f.region}} {
		if x.v == "" {
			continue
		}
		v, ok := rk.valIndex[x.v]
		if !ok {
			f.none = true
		}
		*x.dst = v
	}
	if from != "" {
		f.from, f.hasFrom = dateNum(from), true
	}
	if to != "" {
		f.to, f.hasTo = dateNum(to), true
	}
	return f
}

func (f *rankerFilter) keep(rk *ranker, d uint32) bool {
	switch {
	case f.none:
		return false
	case f.law >= 0 && rk.law[d] != f.law,
		f.category >= 0 && rk.category[d] != f.category,
		f.region >= 0 && rk.region[d] != f.region,
		f.inForce != nil && rk.inForce[d] != *f.inForce,
		f.hasFrom && rk.versionNum[d] < f.from,
		f.hasTo && rk.versionNum[d] > f.to:
		return false
	}
	return true
}

// scored is one hit of the ranker.
type scored struct {
	doc   uint32
	score float64
}

// phraseSeq is terms as term numbers of the text field as seq holds them,
// or nil when one is not in the index.
func (rk *ranker) phraseSeq(terms []string) []uint32 {
	fp := rk.fields["text"]
	if fp == nil || len(terms) == 0 {
		return nil
	}
	out := make([]uint32, len(terms))
	for i, t := range terms {
		n, ok := fp.terms.find(t)
		if !ok {
			return nil
		}
		out[i] = n + 1
	}
	return out
}

// seqOf is document d's term numbers by position (see ranker.seq).
func (rk *ranker) seqOf(d uint32) []uint32 {
	return rk.seq[rk.seqStart[d]:rk.seqStart[d+1]]
}

// contains reports whether seq holds phrase at consecutive positions.
func contains(seq, phrase []uint32) bool {
	for i := 0; i+len(phrase) <= len(seq); i++ {
		if seq[i] != phrase[0] {
			continue
		}
		j := 1
		for j < len(phrase) && seq[i+j] == phrase[j] {
			j++
		}
		if j == len(phrase) {
			return true
		}
	}
	return false
}

// topK keeps the want best hits by score, ties by ID, in a min-heap whose
// root is the worst kept.
type topK struct {
	want int
	ids  []string
	h    []scored
}

// worse reports whether a ranks below b.
func (t *topK) worse(a, b scored) bool {
	if a.score != b.score {
		return a.score < b.score
	}
	return t.ids[a.doc] > t.ids[b.doc]
}

func (t *topK) push(s scored) {
	if t.want <= 0 {
		return
	}
	if len(t.h) < t.want {
		t.h = append(t.h, s)
		for i := len(t.h) - 1; i > 0; {
			p := (i - 1) / 2
			if !t.worse(t.h[i], t.h[p]) {
				break
			}
			t.h[i], t.h[p] = t.h[p], t.h[i]
			i = p
		}
		return
	}
	if !t.worse(t.h[0], s) {
		return
	}
	t.h[0] = s
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(t.h) && t.worse(t.h[l], t.h[m]) {
			m = l
		}
		if r < len(t.h) && t.worse(t.h[r], t.h[m]) {
			m = r
		}
		if m == i {
			break
		}
		t.h[i], t.h[m] = t.h[m], t.h[i]
		i = m
	}
}

// sorted returns the kept hits best first.
func (t *topK) sorted() []scored {
	out := append([]scored(nil), t.h...)
	sort.Slice(out, func(i, j int) bool { return t.worse(out[j], out[i]) })
	return out
}

// analyzed returns the terms a analyses text into, in order, repeats
// included, as bleve's match query turns them into term searchers.
func analyzed(a analysis.Analyzer, text string) []string {
	if a == nil {
		return nil
	}
	toks := a.Analyze([]byte(text))
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = string(t.Term)
	}
	return out
}

func sortedKeys(m map[string]float64) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// ranking returns the ranker of the current norm index, or nil while there
// is none; then it starts building one in the background, so that the
// searches after it are fast and this one is answered by bleve.
func (ix *Index) ranking() *ranker {
	if rk := ix.rk.Load(); rk != nil {
		return rk
	}
	if ix.building.CompareAndSwap(false, true) {
		go func() {
			defer ix.building.Store(false)
			// A failed build leaves none; the next search tries again.
			_ = ix.WarmRanking(ix.buildCtx)
		}()
	}
	return nil
}

// WarmRanking builds the in-memory ranker of norm searches from the norm
// index as it is now, so that the next searches need not wait for it: the
// service calls it while loading. A write to the index meanwhile discards
// the result (the next search builds again).
func (ix *Index) WarmRanking(ctx context.Context) error {
	w := ix.writes.Load()
	ix.mu.RLock()
	if ix.closed {
		ix.mu.RUnlock()
		return nil
	}
	start := time.Now()
	rk, err := buildRanker(ctx, ix.norms)
	ix.mu.RUnlock()
	if err != nil {
		return err
	}
	if ix.writes.Load() != w {
		return errRankerStale
	}
	rk.took = time.Since(start)
	ix.rk.Store(rk)
	return nil
}

// changed drops the ranker: the norm index is being written. Writers call
// it before and after the write, so that a ranker built from a snapshot
// taken in between is not kept either.
func (ix *Index) changed() {
	ix.writes.Add(1)
	ix.rk.Store(nil)
}

// resultCache keeps the answers to the last norm searches of one ranker,
// so it holds only answers of the snapshot they were computed on: a write
// drops the ranker and its cache with it. Officers repeat searches (the
// same description, the next page, the in-force toggle back and forth),
// and case analysis asks the same articles for similar facts.
type resultCache struct {
	mu sync.Mutex
	m  map[string]corpus.Results[corpus.NormHit]
}

// resultCacheSize bounds the answers kept: at 10 hits of about 1 KB of
// text and snippets each, some 10–20 MB.
const resultCacheSize = 1024

// resultKey identifies a norm search by everything that shapes its answer.
func resultKey(q corpus.NormQuery) string {
	inForce := "-"
	if q.InForce != nil {
		inForce = strconv.FormatBool(*q.InForce)
	}
	return strings.Join([]string{q.Q, q.Law, q.Category, q.Region, inForce, q.From, q.To,
		strconv.Itoa(q.Limit), strconv.Itoa(q.Offset), strconv.FormatBool(q.NoSnippets)}, "\x00")
}

// get returns a copy of the cached answer, so that a caller may reorder
// or trim its hits.
func (c *resultCache) get(key string) (corpus.Results[corpus.NormHit], bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.m[key]
	if !ok {
		return r, false
	}
	r.Hits = append([]corpus.NormHit(nil), r.Hits...)
	return r, true
}

func (c *resultCache) put(key string, r corpus.Results[corpus.NormHit]) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]corpus.Results[corpus.NormHit]{}
	}
	if len(c.m) >= resultCacheSize {
		// Any entry goes (map order): a search repeated often is put
		// back at its next miss.
		for k := range c.m {
			delete(c.m, k)
			break
		}
	}
	r.Hits = append([]corpus.NormHit(nil), r.Hits...)
	c.m[key] = r
}
