package bleveidx

import "sort"

// The ranker's long-lived tables are laid out for the garbage collector:
// it marks the whole live heap in every cycle, and a cycle's cost goes with
// the number of objects and of pointers it finds, not with the bytes of
// pointer-free memory. The national statutes give the ranker some 65,000
// documents and hundreds of thousands of terms; held as one string per term
// and per ID (and a slice per document's positions) they were about a
// million objects marked in every cycle, during the load too. They are held
// here as a few large objects instead: the strings concatenated with their
// end offsets, the positions in one array.

// termTable holds a field's terms, numbered in the order added (the
// dictionary's order), as one string and the end offset of each.
type termTable struct {
	all   string
	ends  []uint32
	build []byte
	// order are the term numbers sorted by term, nil when the numbers
	// already are in that order (a scorch dictionary is byte-ordered).
	order []uint32
}

// add appends a term while the table is being built.
func (tt *termTable) add(term string) {
	tt.build = append(tt.build, term...)
	tt.ends = append(tt.ends, uint32(len(tt.build)))
}

// seal ends the build: the bytes become the table's string.
func (tt *termTable) seal() {
	tt.all, tt.build = string(tt.build), nil
	n := len(tt.ends)
	for t := 1; t < n; t++ {
		if tt.at(uint32(t-1)) >= tt.at(uint32(t)) {
			tt.order = make([]uint32, n)
			for i := range tt.order {
				tt.order[i] = uint32(i)
			}
			sort.SliceStable(tt.order, func(i, j int) bool { return tt.at(tt.order[i]) < tt.at(tt.order[j]) })
			return
		}
	}
}

// len is the number of terms.
func (tt *termTable) len() int { return len(tt.ends) }

// at is term t.
func (tt *termTable) at(t uint32) string {
	start := uint32(0)
	if t > 0 {
		start = tt.ends[t-1]
	}
	return tt.all[start:tt.ends[t]]
}

// find returns the number of term, as a map from term to number filled in
// the order added would (the last added when a term was added twice; a
// dictionary's terms are distinct).
func (tt *termTable) find(term string) (uint32, bool) {
	num := func(i int) uint32 {
		if tt.order != nil {
			return tt.order[i]
		}
		return uint32(i)
	}
	i := sort.Search(len(tt.ends), func(i int) bool { return tt.at(num(i)) > term }) - 1
	if i >= 0 && tt.at(num(i)) == term {
		return num(i), true
	}
	return 0, false
}

// slicesOf cuts all at the end offsets ends: the strings share all's bytes
// (one object however many strings).
func slicesOf(all string, ends []uint32) []string {
	out := make([]string, len(ends))
	start := uint32(0)
	for i, e := range ends {
		out[i] = all[start:e]
		start = e
	}
	return out
}

// flatten puts the slices one after another in one array: slice i is
// flat[starts[i]:starts[i+1]].
func flatten(slices [][]uint32) (flat, starts []uint32) {
	total := 0
	for _, s := range slices {
		total += len(s)
	}
	flat = make([]uint32, 0, total)
	starts = make([]uint32, len(slices)+1)
	for i, s := range slices {
		flat = append(flat, s...)
		starts[i+1] = uint32(len(flat))
	}
	return flat, starts
}
