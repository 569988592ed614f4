package bleveidx

import (
	"context"
	"fmt"
	"math"
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/cailiang/cailiang/corpus"
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

// sameSegments reports whether the snapshot is holds the segments ids, in
// order: snapshotSegments(is) equals ids, without building the slice for
// each search.
func sameSegments(is *scorch.IndexSnapshot, ids []uint64) bool {
	segs := is.Segments()
	if len(segs) != len(ids) {
		return false
	}
	for i, ss := range segs {
		if ss.Id() != ids[i] {
			return false
		}
	}
	return true
}

// segmentOffsets are the global numbers of segs' first documents: numbers
// run through the segments in order, each segment counting its deleted
// documents too (scorch's offsets).
func segmentOffsets(segs []*scorch.SegmentSnapshot) []uint64 {
	offsets := make([]uint64, len(segs))
	var running uint64
	for i, ss := range segs {
		offsets[i] = running
		running += ss.Segment().Count()
	}
	return offsets
}

// segmentOf is the segment of offsets (segmentOffsets) that holds the
// global document number num, and num's number within it; ok is false for
// a number before the first segment.
func segmentOf(offsets []uint64, num uint64) (seg int, local uint64, ok bool) {
	seg = sort.Search(len(offsets), func(k int) bool { return offsets[k] > num }) - 1
	if seg < 0 {
		return 0, 0, false
	}
	return seg, num - offsets[seg], true
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
	if !ok || !sameSegments(is, rk.segments) {
		return withFields(ctx, idx, hits, fields)
	}
	segs := is.Segments()
	offsets := segmentOffsets(segs)
	want := make(map[string]bool, len(fields))
	for _, f := range fields {
		want[f] = true
	}
	out := hits[:0]
	for i, h := range hits {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s, local, ok := segmentOf(offsets, rk.nums[docs[i]])
		if !ok {
			return withFields(ctx, idx, hits, fields)
		}
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

// The stored fields of every document of the ranker's snapshot, kept in
// memory in the form a norm hit needs. Reading a hit's fields from its
// segment decompresses the document's stored chunk and visits every
// field; with the map of values withFields' callers convert, that was a
// tenth of a search's CPU and some 15 allocations per hit (issue 18). The
// copy is read from the same segments the ranker's postings come from,
// and is used only while the index still holds them (as rankedFields'
// reads by number are), so a hit gets the same values either way.

// strRef is a string of storedNorms' arena.
type strRef struct{ off, n uint32 }

// storedDoc is one article's stored fields.
type storedDoc struct {
	text, title, chapter, law, category, region, statuteID, label, versionDate strRef
	// hay is snippetHay(text): text itself but for the few articles
	// with an upper-case letter (checking every hit's text for one was
	// a twentieth of a search).
	hay            strRef
	number, suffix float64
	inForce        bool
}

// storedNorms are the stored fields of the ranker's documents, by dense
// number: the strings in one arena (one object for the collector, not
// some 600,000), repeated values (titles, laws, chapters) once.
type storedNorms struct {
	arena string
	docs  []storedDoc
	// offsets are the global numbers of the snapshot's segments' first
	// documents (scorch's offsets), in the order of ranker.segments.
	offsets []uint64
}

func (s *storedNorms) str(r strRef) string {
	return s.arena[r.off : r.off+r.n]
}

// readStored reads the stored fields of rk's documents from the snapshot
// r they were numbered in; nil when r is not a scorch snapshot (hits then
// read their fields from the index).
func readStored(ctx context.Context, r index.IndexReader, nums []uint64) (*storedNorms, error) {
	is, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, nil
	}
	segs := is.Segments()
	st := &storedNorms{docs: make([]storedDoc, len(nums)), offsets: segmentOffsets(segs)}
	var arena []byte
	seen := map[string]strRef{}
	add := func(val []byte, dedup bool) strRef {
		if dedup {
			if ref, ok := seen[string(val)]; ok {
				return ref
			}
		}
		ref := strRef{uint32(len(arena)), uint32(len(val))}
		arena = append(arena, val...)
		if dedup {
			seen[string(val)] = ref
		}
		return ref
	}
	for d, num := range nums {
		if d%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		s, local, ok := segmentOf(st.offsets, num)
		if !ok {
			return nil, fmt.Errorf("stored fields: document %d before the first segment", num)
		}
		sd := &st.docs[d]
		err := segs[s].VisitDocument(local, func(name string, typ byte, val []byte, _ []uint64) bool {
			// The same values rankedFields takes.
			switch typ {
			case 't':
				switch name {
				case "text":
					sd.text = add(val, false)
				case "label":
					sd.label = add(val, false)
				case "title":
					sd.title = add(val, true)
				case "chapter":
					sd.chapter = add(val, true)
				case "law":
					sd.law = add(val, true)
				case "category":
					sd.category = add(val, true)
				case "region":
					sd.region = add(val, true)
				case "statute_id":
					sd.statuteID = add(val, true)
				case "version_date":
					sd.versionDate = add(val, true)
				}
			case 'n':
				if name != "number" && name != "suffix" {
					break
				}
				if n, err := document.NewNumericFieldFromBytes(name, nil, val).Number(); err == nil {
					if name == "number" {
						sd.number = n
					} else {
						sd.suffix = n
					}
				}
			case 'b':
				if name != "in_force" {
					break
				}
				if b, err := document.NewBooleanFieldFromBytes(name, nil, val).Boolean(); err == nil {
					sd.inForce = b
				}
			}
			return true
		})
		if err != nil {
			return nil, fmt.Errorf("stored fields of %d: %w", num, err)
		}
		sd.hay = sd.text
		if hay := snippetHay(string(arena[sd.text.off : sd.text.off+sd.text.n])); hay != string(arena[sd.text.off:sd.text.off+sd.text.n]) {
			sd.hay = add([]byte(hay), false)
		}
		if len(arena) > math.MaxUint32 {
			return nil, fmt.Errorf("stored fields: more than 4 GB of text")
		}
	}
	st.arena = string(arena)
	return st, nil
}

// storedHits returns the norm hits (without snippets) of top, the
// ranker's page, and each hit's snippetHay of its text, from its copy of
// the stored fields: ok false when the
// index no longer holds the segments the ranker was built from (the
// caller reads the fields from the index instead). A hit whose document
// was deleted since is dropped, as rankedFields drops it.
func (rk *ranker) storedHits(idx bleve.Index, top []scored) (hits []corpus.NormHit, hays []string, ok bool, err error) {
	st := rk.stored
	if st == nil || rk.segments == nil {
		return nil, nil, false, nil
	}
	r, err := snapshot(idx)
	if err != nil {
		return nil, nil, false, fmt.Errorf("stored fields: %w", err)
	}
	defer r.Close()
	is, isScorch := r.(*scorch.IndexSnapshot)
	if !isScorch {
		return nil, nil, false, nil
	}
	if !sameSegments(is, rk.segments) {
		return nil, nil, false, nil
	}
	segs := is.Segments()
	hits = make([]corpus.NormHit, 0, len(top))
	hays = make([]string, 0, len(top))
	for _, h := range top {
		s, local, ok := segmentOf(st.offsets, rk.nums[h.doc])
		if !ok {
			return nil, nil, false, nil
		}
		if del := segs[s].Deleted(); del != nil && del.Contains(uint32(local)) {
			continue
		}
		sd := &st.docs[h.doc]
		hits = append(hits, corpus.NormHit{
			StatuteID:   st.str(sd.statuteID),
			Law:         st.str(sd.law),
			Title:       st.str(sd.title),
			Category:    st.str(sd.category),
			Region:      st.str(sd.region),
			VersionDate: st.str(sd.versionDate),
			InForce:     sd.inForce,
			Number:      int(sd.number),
			Suffix:      int(sd.suffix),
			Label:       st.str(sd.label),
			Chapter:     st.str(sd.chapter),
			Text:        st.str(sd.text),
			Score:       h.score,
		})
		hays = append(hays, st.str(sd.hay))
	}
	return hits, hays, true, nil
}
