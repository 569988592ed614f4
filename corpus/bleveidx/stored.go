package bleveidx

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
)

// Stored fields of the ranker's hits by document number.
//
// bleve loads a document's stored fields by its external ID: a term search
// on _id in the dictionary of every segment (an FST reader, a postings
// list and roaring bitmaps each), then the segment's stored fields. For
// the ten hits of a norm search that lookup was a twentieth of the CPU
// and most of the allocations of a search (issue 18). The ranker knows
// each hit's document number in the snapshot it was built from; while the
// index still has the same segments, the numbers hold, and the stored
// fields are read from the segment directly.

// snapshot opens a reader of idx's current snapshot; the caller closes
// it.
func snapshot(idx bleve.Index) (index.IndexReader, error) {
	adv, err := idx.Advanced()
	if err != nil {
		return nil, err
	}
	return adv.Reader()
}

// snapshotSegments are the IDs of a scorch snapshot's segments, in order
// (nil: not a scorch snapshot).
func snapshotSegments(r any) []uint64 {
	is, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil
	}
	var ids []uint64
	for _, ss := range is.Segments() {
		ids = append(ids, ss.Id())
	}
	return ids
}

// rankedFields loads the stored fields of hits, which are the ranker's
// documents docs: by document number when the index holds the segments
// the ranker was built from, otherwise by ID (withFields). A hit whose
// document was deleted since is dropped, as withFields does.
func (rk *ranker) rankedFields(ctx context.Context, idx bleve.Index, hits []*search.DocumentMatch, docs []uint32, fields []string) ([]*search.DocumentMatch, error) {
	if len(fields) == 0 || len(hits) == 0 || rk.segments == nil {
		return withFields(ctx, idx, hits, fields)
	}
	r, err := snapshot(idx)
	if err != nil {
		return nil, fmt.Errorf("stored fields: %w", err)
	}
	defer r.Close()
	is, ok := r.(*scorch.IndexSnapshot)
	if !ok || !slices.Equal(snapshotSegments(is), rk.segments) {
		return withFields(ctx, idx, hits, fields)
	}
	segs := is.Segments()
	// Global numbers run through the segments in order, each segment
	// counting its deleted documents too (scorch's offsets).
	offsets := make([]uint64, len(segs))
	var running uint64
	for i, ss := range segs {
		offsets[i] = running
		running += ss.Segment().Count()
	}
	want := make(map[string]bool, len(fields))
	for _, f := range fields {
		want[f] = true
	}
	out := hits[:0]
	for i, h := range hits {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		num := rk.nums[docs[i]]
		s := sort.Search(len(offsets), func(k int) bool { return offsets[k] > num }) - 1
		if s < 0 {
			return withFields(ctx, idx, hits, fields)
		}
		local := num - offsets[s]
		if del := segs[s].Deleted(); del != nil && del.Contains(uint32(local)) {
			continue
		}
		h.Fields = make(map[string]interface{}, len(fields))
		err := segs[s].VisitDocument(local, func(name string, typ byte, val []byte, _ []uint64) bool {
			if !want[name] {
				return true
			}
			// The same values withFields takes from bleve's fields.
			switch typ {
			case 't':
				h.Fields[name] = string(val)
			case 'n':
				if n, err := document.NewNumericFieldFromBytes(name, nil, val).Number(); err == nil {
					h.Fields[name] = n
				}
			case 'b':
				if b, err := document.NewBooleanFieldFromBytes(name, nil, val).Boolean(); err == nil {
					h.Fields[name] = b
				}
			}
			return true
		})
		if err != nil {
			return nil, fmt.Errorf("load %s: %w", h.ID, err)
		}
		out = append(out, h)
	}
	return out, nil
}
