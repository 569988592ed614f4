package memvec

import (
	"context"
	"fmt"
	"maps"
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/corpus"
)

// TestMetaArenaKeepsMetadata writes, replaces (shorter, longer, none) and
// deletes records' metadata many times over, with compactions and arena
// packing in between, and checks after each round that Metas, search hits
// with metadata, filtered searches and the filter counts are what maps per
// record give, also after reopening the store.
func TestMetaArenaKeepsMetadata(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := mustOpen(t, dir, Config{})
	const coll, dim, n = "m", 8, 400
	if err := s.EnsureCollection(ctx, coll, corpus.CollectionSpec{Embedder: "test", Dim: dim}); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(7))
	want := map[string]map[string]string{}
	metaOf := func(i, round int) map[string]string {
		switch (i + round) % 4 {
		case 0:
			return nil
		case 1:
			return map[string]string{"law": fmt.Sprint("法", i%3), "digest": fmt.Sprintf("%064d", i*round)}
		case 2:
			return map[string]string{"law": fmt.Sprint("法", i%3)}
		}
		return map[string]string{"law": fmt.Sprint("法", i%3), "category": "c", "in_force": "true", "x": strings.Repeat("值", round%5*60)}
	}
	check := func(s *Store, round int) {
		t.Helper()
		got, err := s.Metas(ctx, coll)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: Metas differ from the maps written", round)
		}
		c := s.cols[coll]
		counts := map[string]int{}
		for _, m := range want {
			for k, v := range m {
				if len(v) <= maxCounted {
					counts[countKey(k, v)]++
				}
			}
		}
		if !maps.Equal(counts, c.counts) {
			t.Fatalf("round %d: counts %v, want %v", round, c.counts, counts)
		}
		for _, f := range []corpus.VectorFilter{nil, {"law": "法1"}, {"law": "法2", "category": "c"}, {"x": ""}, {"x": strings.Repeat("值", 120)}, {"digest": fmt.Sprintf("%064d", 5*round)}, {"digest": fmt.Sprintf("%064d", 0), "law": "法1"}} {
			hits, err := s.Search(ctx, coll, gaussian(rng, dim), n, f)
			if err != nil {
				t.Fatal(err)
			}
			keep := 0
			for _, m := range want {
				ok := true
				for k, v := range f {
					if mv, has := m[k]; !has || mv != v {
						ok = false
					}
				}
				if ok {
					keep++
				}
			}
			if est := s.cols[coll].estimate(f); est < keep {
				t.Fatalf("round %d filter %v: estimate %d below the %d records", round, f, est, keep)
			}
			if len(hits) != keep {
				t.Fatalf("round %d filter %v: %d hits, want %d", round, f, len(hits), keep)
			}
			for _, h := range hits {
				if !maps.Equal(h.Meta, want[h.ID]) || (h.Meta == nil) != (len(want[h.ID]) == 0) {
					t.Fatalf("round %d: hit %s meta %v, want %v", round, h.ID, h.Meta, want[h.ID])
				}
			}
		}
	}
	for round := 0; round < 12; round++ {
		var recs []corpus.VectorRecord
		for i := 0; i < n; i++ {
			if (i+round)%7 == 0 {
				continue
			}
			id := fmt.Sprint("r", i)
			m := metaOf(i, round)
			recs = append(recs, corpus.VectorRecord{ID: id, Vector: gaussian(rng, dim), Meta: m})
			want[id] = maps.Clone(m)
		}
		if err := s.Upsert(ctx, coll, recs); err != nil {
			t.Fatal(err)
		}
		var gone []string
		for i := round; i < n; i += 11 {
			gone = append(gone, fmt.Sprint("r", i))
			delete(want, fmt.Sprint("r", i))
		}
		if err := s.Delete(ctx, coll, gone); err != nil {
			t.Fatal(err)
		}
		check(s, round)
		// What replaced and deleted records leave behind is packed away.
		if c := s.cols[coll]; len(c.metaArena) > 4*(len(c.metaArena)-c.metaWaste)+1<<16 {
			t.Fatalf("round %d: arena of %d bytes, %d of them left behind", round, len(c.metaArena), c.metaWaste)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	check(mustOpen(t, dir, Config{}), -1)
}

// TestDecodeRecordReusesBuffers reads stored records one after another
// through the same vector, encoding and map, as a load does: each gives
// its own vector and metadata, whatever the record before it held.
func TestDecodeRecordReusesBuffers(t *testing.T) {
	tests := []struct {
		name string
		vec  []float32
		meta string // stored JSON; "" for none
		want map[string]string
	}{
		{"two keys", []float32{1, 0}, `{"law":"食品安全法","kind":"article"}`, map[string]string{"law": "食品安全法", "kind": "article"}},
		{"fewer keys after more", []float32{0, 1}, `{"law":"广告法"}`, map[string]string{"law": "广告法"}},
		{"no metadata after some", []float32{0.6, 0.8}, "", nil},
		{"null", []float32{0.8, 0.6}, "null", nil},
		{"empty value", []float32{1, 0}, `{"region":""}`, map[string]string{"region": ""}},
	}
	vec, enc, scratch := make([]float32, 2), []byte(nil), map[string]string{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			enc, err = decodeRecord(encodeRecord(tt.vec, []byte(tt.meta)), vec, enc[:0], scratch)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(vec, tt.vec) {
				t.Errorf("vector = %v, want %v", vec, tt.vec)
			}
			if got, want := string(enc), string(encodeMeta(nil, tt.want)); got != want {
				t.Errorf("metadata = %v, want %v", metaMap(enc), tt.want)
			}
		})
	}
	if _, err := decodeRecord([]byte{recordFormat, 0, 0}, vec, nil, scratch); err == nil {
		t.Error("a record shorter than its vector decoded")
	}
	if _, err := decodeRecord(append(encodeRecord([]float32{1, 0}, nil), '{'), vec, nil, scratch); err == nil {
		t.Error("broken metadata decoded")
	}
}
