package memvec

// heap is a binary heap whose top (items[0]) is the item that comes first
// by before: the most similar candidate for a search beam (moreSimilar),
// the least similar one for a bounded result set (worse).
type heap[T any] struct {
	items  []T
	before func(a, b T) bool
}

func (h *heap[T]) push(x T) {
	h.items = append(h.items, x)
	a := h.items
	for i := len(a) - 1; i > 0; {
		p := (i - 1) / 2
		if !h.before(a[i], a[p]) {
			break
		}
		a[p], a[i] = a[i], a[p]
		i = p
	}
}

// pop removes and returns the top item.
func (h *heap[T]) pop() T {
	a := h.items
	top := a[0]
	last := len(a) - 1
	a[0] = a[last]
	h.items = a[:last]
	h.fix0()
	return top
}

// fix0 restores the heap after items[0] was replaced.
func (h *heap[T]) fix0() {
	a := h.items
	for i := 0; ; {
		l, r, best := 2*i+1, 2*i+2, i
		if l < len(a) && h.before(a[l], a[best]) {
			best = l
		}
		if r < len(a) && h.before(a[r], a[best]) {
			best = r
		}
		if best == i {
			return
		}
		a[i], a[best] = a[best], a[i]
		i = best
	}
}

// drain pops every item into a slice, the top item last.
func (h *heap[T]) drain() []T {
	out := make([]T, len(h.items))
	for i := len(out) - 1; i >= 0; i-- {
		out[i] = h.pop()
	}
	return out
}

// moreSimilar orders a search beam: the most similar candidate first.
func moreSimilar(a, b cand) bool { return a.sim > b.sim }
