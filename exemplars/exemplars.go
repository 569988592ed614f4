// Package exemplars turns labelled example texts (the development set's
// tuning rows, each labelled with the benchmark that covers it) into a
// per-label similarity vote for a new text: hashed character 2- and 3-grams
// (digits folded), TF-IDF, one normalised centroid per label, and an
// inverted index feature → (label, weight) pruned to each centroid's
// heaviest features, so that scoring one text costs tens of microseconds.
//
// The hand-written cues of the case analysis learn phrasings one by one; a
// vote learnt from every labelled example catches the kinds of case they
// share. The package knows nothing of benchmarks or the catalog: labels are
// opaque strings chosen by whoever trains the model.
package exemplars

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"
	"unicode"
)

// Example is one labelled text.
type Example struct {
	Text  string
	Label string
}

// Options are the training settings.
type Options struct {
	// MinGram and MaxGram bound the character n-grams (runes) used as
	// features; 0 means 2 and 3.
	MinGram, MaxGram int
	// Keep is how many of its heaviest features each centroid keeps in the
	// index; 0 means DefaultKeep.
	Keep int
	// Postings is how many labels a feature keeps, those it weighs most
	// in; 0 means DefaultPostings. A gram every kind of case uses (当事)
	// would otherwise cost a step per label for each text.
	Postings int
}

// DefaultKeep is the number of features a centroid keeps when Options.Keep
// is 0: chosen by cross-validation on the tuning half (docs).
const DefaultKeep = 400

// DefaultPostings is the number of labels a feature keeps when
// Options.Postings is 0.
const DefaultPostings = 32

func (o Options) withDefaults() Options {
	if o.MinGram <= 0 {
		o.MinGram = 2
	}
	if o.MaxGram < o.MinGram {
		o.MaxGram = max(3, o.MinGram)
	}
	// grams keeps the last maxGram runes.
	o.MinGram, o.MaxGram = min(o.MinGram, maxGram), min(o.MaxGram, maxGram)
	if o.Keep <= 0 {
		o.Keep = DefaultKeep
	}
	if o.Postings <= 0 {
		o.Postings = DefaultPostings
	}
	return o
}

// Score is a label's similarity to a text: the cosine of the text's TF-IDF
// vector with the label's centroid, in [0, 1].
type Score struct {
	Label      string
	Similarity float64
}

// posting is a label's quantised weight for one feature.
type posting struct {
	label  uint16
	weight uint16 // weight × weightScale
}

// weightScale quantises centroid weights (in [0, 1]) to 16 bits.
const weightScale = 65535

// feature is an indexed feature: its IDF and its postings.
type feature struct {
	idf      float32
	from, to uint32 // postings[from:to]
}

// Model is a trained vote. It is safe for concurrent use.
type Model struct {
	opt    Options
	labels []string
	// table finds a feature by its hash (lookup); shift sizes it.
	table []tableEntry
	shift uint
	// hashes and features are in hash order (the file's).
	hashes   []uint32
	features []feature
	postings []posting
	// scratch recycles the per-text work (scratch).
	scratch sync.Pool
}

// tableEntry is a feature in the lookup table: its hash and what the vote
// reads of it, in one place so that a lookup misses the cache once. A free
// slot has idf == 0: a feature's IDF is at least 1 from Train, and Load
// refuses one that is not positive (a file's feature may have no posting,
// so the postings cannot mark a slot used).
type tableEntry struct {
	hash     uint32
	idf      float32
	from, to uint32 // postings[from:to]
}

// scratch is one text's work: its grams counted (grams, a table of
// hash<<32 | count, zero between texts; order, the slots of its distinct
// grams in the order of their first occurrence) and a score per label.
type scratch struct {
	grams []uint64
	order []int32
	found []foundGram
	acc   []float32
	// warm keeps the postings read ahead of the accumulation (Vote) from
	// being dropped as unused.
	warm uint16
}

// maxPooledSlots bounds the gram table a pooled scratch keeps: analyses
// take texts up to 60 KB, whose table is about 2 MB, and a pooled scratch
// would hold that for the short texts after it until a collection drops
// it. 1<<15 slots serve texts up to about 8 KB; a longer one allocates its
// own table, which is small beside the rest of its analysis.
const maxPooledSlots = 1 << 15

// trim drops the buffers a long text grew past what pooled scratch keeps.
// The score per label (acc) is sized by the model and always kept.
func (sc *scratch) trim() {
	if len(sc.grams) > maxPooledSlots {
		sc.grams = nil
	}
	if cap(sc.order) > maxPooledSlots/2 {
		sc.order = nil
	}
	if cap(sc.found) > maxPooledSlots/2 {
		sc.found = nil
	}
}

// foundGram is a text's distinct gram that is a feature, and its count.
type foundGram struct {
	f     tableEntry
	count uint16
}

// ErrTooManyLabels is returned by Train for more labels than a posting can
// number.
var ErrTooManyLabels = errors.New("exemplars: too many labels")

// Train builds a model from examples. Examples with an empty label or no
// features are skipped. The model depends only on the multiset of examples
// and the options, not on their order.
func Train(examples []Example, opt Options) (*Model, error) {
	opt = opt.withDefaults()
	// Sorted copies make the sums below independent of the input order
	// (float addition is not associative).
	ex := slices.Clone(examples)
	slices.SortFunc(ex, func(a, b Example) int {
		return cmp.Or(cmp.Compare(a.Label, b.Label), cmp.Compare(a.Text, b.Text))
	})
	type doc struct {
		label int
		tf    []termCount
	}
	var docs []doc
	var labels []string
	df := map[uint32]int{}
	var buf []uint32
	for _, e := range ex {
		if e.Label == "" {
			continue
		}
		buf = grams(e.Text, opt, buf[:0])
		tf := counts(buf)
		if len(tf) == 0 {
			continue
		}
		if len(labels) == 0 || labels[len(labels)-1] != e.Label {
			labels = append(labels, e.Label)
		}
		for _, t := range tf {
			df[t.hash]++
		}
		docs = append(docs, doc{len(labels) - 1, tf})
	}
	if len(labels) > math.MaxUint16 {
		return nil, fmt.Errorf("%w: %d", ErrTooManyLabels, len(labels))
	}
	n := float64(len(docs))
	idf := make(map[uint32]float64, len(df))
	for h, d := range df {
		idf[h] = math.Log((n+1)/(float64(d)+1)) + 1
	}
	// Each label's centroid: the sum of its examples' unit vectors.
	centroids := make([]map[uint32]float64, len(labels))
	for i := range centroids {
		centroids[i] = map[uint32]float64{}
	}
	for _, d := range docs {
		norm := 0.0
		w := make([]float64, len(d.tf))
		for i, t := range d.tf {
			w[i] = tfWeight(uint16(min(t.n, math.MaxUint16))) * idf[t.hash]
			norm += w[i] * w[i]
		}
		norm = math.Sqrt(norm)
		for i, t := range d.tf {
			centroids[d.label][t.hash] += w[i] / norm
		}
	}
	type entry struct {
		hash   uint32
		label  uint16
		weight float64
	}
	var entries []entry
	for l, c := range centroids {
		fs := make([]entry, 0, len(c))
		for h, w := range c {
			fs = append(fs, entry{h, uint16(l), w})
		}
		// The heaviest features, ties by hash: deterministic.
		slices.SortFunc(fs, func(a, b entry) int {
			return cmp.Or(cmp.Compare(b.weight, a.weight), cmp.Compare(a.hash, b.hash))
		})
		fs = fs[:min(len(fs), opt.Keep)]
		norm := 0.0
		for _, f := range fs {
			norm += f.weight * f.weight
		}
		norm = math.Sqrt(norm)
		for _, f := range fs {
			f.weight /= norm
			entries = append(entries, f)
		}
	}
	slices.SortFunc(entries, func(a, b entry) int {
		return cmp.Or(cmp.Compare(a.hash, b.hash), cmp.Compare(a.label, b.label))
	})
	m := &Model{opt: opt, labels: labels}
	for i := 0; i < len(entries); {
		j := i
		for j < len(entries) && entries[j].hash == entries[i].hash {
			j++
		}
		from := uint32(len(m.postings))
		fs := entries[i:j]
		if len(fs) > opt.Postings {
			// The labels the feature weighs most in, in label order.
			fs = slices.Clone(fs)
			slices.SortFunc(fs, func(a, b entry) int {
				return cmp.Or(cmp.Compare(b.weight, a.weight), cmp.Compare(a.label, b.label))
			})
			fs = fs[:opt.Postings]
			slices.SortFunc(fs, func(a, b entry) int { return cmp.Compare(a.label, b.label) })
		}
		for _, e := range fs {
			q := uint16(math.Round(e.weight * weightScale))
			if q == 0 {
				continue
			}
			m.postings = append(m.postings, posting{e.label, q})
		}
		if to := uint32(len(m.postings)); to > from {
			m.hashes = append(m.hashes, entries[i].hash)
			m.features = append(m.features, feature{float32(idf[entries[i].hash]), from, to})
		}
		i = j
	}
	m.init()
	return m, nil
}

// init builds the lookup table and the scratch pool.
func (m *Model) init() {
	// An open-addressed table at most three quarters full (fewer bytes
	// for the cache; a probe still finds most features in its first
	// slot), each slot a feature's hash, IDF and postings: a text's every
	// distinct gram is looked up, nearly all of them are features, and
	// with tens of thousands of features a Go map's groups, the feature
	// and then its postings each missed the cache (the vote cost three
	// times as much inside an analysis as alone). Here a lookup reads one
	// slot, rarely its neighbour.
	bits := uint(1)
	for 3<<bits < 4*len(m.hashes) {
		bits++
	}
	m.table = make([]tableEntry, 1<<bits)
	m.shift = 64 - bits
	mask := len(m.table) - 1
	for i, h := range m.hashes {
		s := slot(h, m.shift)
		for m.table[s].idf != 0 {
			s = (s + 1) & mask
		}
		f := m.features[i]
		m.table[s] = tableEntry{h, f.idf, f.from, f.to}
	}
	nl := len(m.labels)
	m.scratch.New = func() any { return &scratch{acc: make([]float32, nl)} }
}

// slot is where the lookup of hash h starts in a table of 64-shift bits:
// Fibonacci hashing of h, since an FNV hash's low bits alone cluster.
func slot(h uint32, shift uint) int {
	return int((uint64(h) * 0x9E3779B97F4A7C15) >> shift)
}

// lookup returns the feature with hash h, if there is one.
func (m *Model) lookup(h uint32) (tableEntry, bool) {
	mask := len(m.table) - 1
	for s := slot(h, m.shift); ; s = (s + 1) & mask {
		e := m.table[s]
		if e.idf == 0 {
			return e, false
		}
		if e.hash == h {
			return e, true
		}
	}
}

// Labels returns the model's labels in their order (sorted).
func (m *Model) Labels() []string { return slices.Clone(m.labels) }

// Vote appends to dst the k labels most similar to text, best first (ties by
// label), and returns it. A text with no indexed feature gives no vote.
// Linear in the text's length: no sort, no map built per text.
func (m *Model) Vote(text string, k int, dst []Score) []Score {
	if m == nil || k <= 0 || len(m.labels) == 0 {
		return dst
	}
	sc := m.scratch.Get().(*scratch)
	defer func() { sc.trim(); m.scratch.Put(sc) }()
	// The grams are counted in a table of the text's own first (small, in
	// the cache), and each distinct gram is then looked up in the model
	// once: texts repeat their grams (当事, 违法), and the model's table
	// is where the cache misses are.
	// A text has at most (MaxGram-MinGram+1) grams a rune, and no more
	// runes than bytes (counting the runes costs more than it saves), so a
	// table of twice that many slots stays half empty.
	bits := uint(4)
	for 1<<bits < 2*(m.opt.MaxGram-m.opt.MinGram+1)*len(text) {
		bits++
	}
	if len(sc.grams) < 1<<bits {
		sc.grams = make([]uint64, 1<<bits)
	}
	grams, mask, shift := sc.grams[:1<<bits], 1<<bits-1, 64-bits
	order := sc.order[:0]
	eachGram(text, m.opt, func(h uint32) {
		s := slot(h, shift)
		for ; grams[s] != 0; s = (s + 1) & mask {
			if uint32(grams[s]>>32) == h {
				if uint16(grams[s]) < math.MaxUint16 {
					grams[s]++
				}
				return
			}
		}
		grams[s] = uint64(h)<<32 | 1
		order = append(order, int32(s))
	})
	// The lookups first, in a loop of their own: they do not depend on one
	// another, so the processor overlaps their cache misses, which the
	// accumulation's inner loop between them would prevent.
	// Each feature's first posting is read here too: the postings are
	// elsewhere in memory than the table, and their misses then overlap
	// with the lookups' instead of stalling the accumulation one by one.
	found := sc.found[:0]
	var warm uint16
	for _, s := range order {
		g := grams[s]
		grams[s] = 0
		if f, ok := m.lookup(uint32(g >> 32)); ok {
			found = append(found, foundGram{f, uint16(g)})
			if f.from < f.to {
				warm ^= m.postings[f.from].weight
			}
		}
	}
	sc.warm = warm
	sc.order = order[:0]
	acc := sc.acc
	clear(acc)
	norm := 0.0
	// In the order of first occurrence, as the sums were always made
	// (float addition is not associative).
	for _, g := range found {
		w := tfWeight(g.count) * float64(g.f.idf)
		norm += w * w
		wq := float32(w / weightScale)
		for _, p := range m.postings[g.f.from:g.f.to] {
			acc[p.label] += wq * float32(p.weight)
		}
	}
	sc.found = found[:0]
	if norm == 0 {
		return dst
	}
	inv := 1 / math.Sqrt(norm)
	// The k best by a short insertion: k is a handful.
	start := len(dst)
	for l, s := range acc {
		if s <= 0 {
			continue
		}
		sim := float64(s) * inv
		if len(dst)-start >= k && dst[len(dst)-1].Similarity >= sim {
			continue // not among the k best; saves the Score below
		}
		sc := Score{m.labels[l], sim}
		at := len(dst)
		for at > start && dst[at-1].Similarity < sc.Similarity {
			at--
		}
		if at-start >= k {
			continue
		}
		dst = slices.Insert(dst, at, sc)
		if len(dst)-start > k {
			dst = dst[:start+k]
		}
	}
	return dst
}

// tfWeights are 1 + ln(n) for the counts a gram has in most texts.
var tfWeights = func() [32]float64 {
	var t [32]float64
	for n := 1; n < len(t); n++ {
		t[n] = 1 + math.Log(float64(n))
	}
	return t
}()

// tfWeight is a count's sublinear weight, 1 + ln(n).
func tfWeight(n uint16) float64 {
	if int(n) < len(tfWeights) {
		return tfWeights[n]
	}
	return 1 + math.Log(float64(n))
}

// termCount is a feature and its count in a text.
type termCount struct {
	hash uint32
	n    int
}

// counts turns a list of feature hashes into counts, sorted by hash (it
// sorts hs in place).
func counts(hs []uint32) []termCount {
	slices.Sort(hs)
	var out []termCount
	for i := 0; i < len(hs); {
		j := i
		for j < len(hs) && hs[j] == hs[i] {
			j++
		}
		out = append(out, termCount{hs[i], j - i})
		i = j
	}
	return out
}

// maxGram is the longest n-gram a feature can be.
const maxGram = 8

// FNV-1a, 32 bits.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// fold maps a rune to what a feature sees: digits to '0' (amounts and dates
// say nothing of the kind of case), full-width forms to half width, letters
// to lower case; -1 for a break (punctuation, space), which no n-gram
// crosses.
func fold(r rune) rune {
	if r >= cjkFirst && r <= cjkLast {
		// Most runes of a text: a Han rune without the search of
		// unicode.Han's ranges.
		return r
	}
	if r >= 0xFF01 && r <= 0xFF5E {
		r -= 0xFEE0
	}
	switch {
	case r >= '0' && r <= '9':
		return '0'
	case unicode.Is(unicode.Han, r):
		return r
	case unicode.IsLetter(r):
		return unicode.ToLower(r)
	}
	return -1
}

// cjkFirst and cjkLast bound the CJK Unified Ideographs block, every rune
// of which is in unicode.Han (TestFoldTwentyFourth).
const (
	cjkFirst = 0x4E00
	cjkLast  = 0x9FFF
)

// grams appends the FNV-1a hashes of the text's folded character n-grams of
// opt's sizes (none crossing a break) to dst.
func grams(text string, opt Options, dst []uint32) []uint32 {
	eachGram(text, opt, func(h uint32) { dst = append(dst, h) })
	return dst
}

// eachGram calls f with the FNV-1a hash of each of the text's folded
// character n-grams of opt's sizes (none crossing a break). Linear in the
// text's length.
func eachGram(text string, opt Options, f func(uint32)) {
	const window = maxGram
	var last [window]rune // the runes since the last break, a ring
	run := 0
	for _, r := range text {
		r = fold(r)
		if r < 0 {
			run = 0
			continue
		}
		last[run%window] = r
		run++
		for n := opt.MinGram; n <= opt.MaxGram && n <= run; n++ {
			// The size seeds the hash: a bigram and a trigram rarely collide.
			h := uint32(fnvOffset) ^ uint32(n)
			for i := run - n; i < run; i++ {
				c := last[i%window]
				for s := 0; s < 32; s += 8 {
					h ^= uint32(c>>s) & 0xFF
					h *= fnvPrime
				}
			}
			f(h)
		}
	}
}
