package exemplars

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"testing"
)

// referenceVote is the vote as first written (a map from hash to feature,
// a count per feature, the k best by a sort): what Vote's table and
// scratch must reproduce exactly, float sums in the same order included.
func referenceVote(m *Model, text string, k int) []Score {
	index := map[uint32]int{}
	for i, h := range m.hashes {
		index[h] = i
	}
	counts := map[int]uint16{}
	var touched []int
	eachGram(text, m.opt, func(h uint32) {
		if i, ok := index[h]; ok {
			if counts[i] == 0 {
				touched = append(touched, i)
			}
			if counts[i] < math.MaxUint16 {
				counts[i]++
			}
		}
	})
	acc := make([]float32, len(m.labels))
	norm := 0.0
	for _, i := range touched {
		f := m.features[i]
		w := tfWeight(counts[i]) * float64(f.idf)
		norm += w * w
		wq := float32(w / weightScale)
		for _, p := range m.postings[f.from:f.to] {
			acc[p.label] += wq * float32(p.weight)
		}
	}
	if norm == 0 {
		return nil
	}
	var out []Score
	for l, s := range acc {
		if s > 0 {
			out = append(out, Score{m.labels[l], float64(s) * (1 / math.Sqrt(norm))})
		}
	}
	// Best first, ties in label order (acc's order, kept by a stable sort).
	slices.SortStableFunc(out, func(a, b Score) int { return cmp.Compare(b.Similarity, a.Similarity) })
	return out[:min(k, len(out))]
}

// TestVoteTableTwentySecond: the vote's lookup table finds every feature
// with its own IDF and postings and nothing else, and the vote equals the
// reference vote on texts that repeat grams, hold grams no feature has,
// and come one after another through the same scratch (a long text's
// counts must not leak into the next text's).
func TestVoteTableTwentySecond(t *testing.T) {
	m, err := Train(repeatedSet(300), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, h := range m.hashes {
		f, ok := m.lookup(h)
		if want := m.features[i]; !ok || f.hash != h || f.idf != want.idf || f.from != want.from || f.to != want.to {
			t.Fatalf("lookup(%#x) = %+v, %v; want feature %d %+v", h, f, ok, i, want)
		}
	}
	known := map[uint32]bool{}
	for _, h := range m.hashes {
		known[h] = true
	}
	for h := uint32(0); h < 200000; h++ {
		x := h * 2654435761 // spread over the hash space
		if _, ok := m.lookup(x); ok != known[x] {
			t.Fatalf("lookup(%#x) found %v, want %v", x, ok, known[x])
		}
	}
	long := strings.Repeat("当事人销售超过保质期的食品，无证经营餐饮，驾驶机动车超速行驶。", 400)
	texts := []struct{ name, text string }{
		{"expired", "超市内销售已过保质期的牛奶，货值金额300元。"},
		{"long, repeated grams", long},
		{"after the long text", "货车超速行驶被抓拍。"},
		{"no feature", "abc xyz 123"},
		{"empty", ""},
		{"one feature repeated", strings.Repeat("保质", 70000)},
		{"mixed", "当事人未取得食品经营许可证，销售过期食品，另超速行驶。ABC！"},
		{"expired again", "超市内销售已过保质期的牛奶，货值金额300元。"},
	}
	for _, k := range []int{1, 3, 5, 100} {
		for _, tt := range texts {
			got, want := m.Vote(tt.text, k, nil), referenceVote(m, tt.text, k)
			if !slices.Equal(got, want) {
				t.Fatalf("k=%d %s: Vote = %v, reference %v", k, tt.name, got, want)
			}
		}
	}
}

// TestVoteFeatureWithoutPostingsTwentySecond: a model file may hold a
// feature with no posting, even as its first (postings[0:0]); it still
// weighs in the text's norm, so the lookup must find it like any other.
func TestVoteFeatureWithoutPostingsTwentySecond(t *testing.T) {
	m, err := Train(smallSet, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// A two-rune gram no feature has, hashed below every feature's, so
	// that it becomes the file's first feature.
	var text string
	var h uint32
	for r := rune(0x4E00); r < 0x9FA5 && text == ""; r++ {
		for r2 := rune(0x4E00); r2 < 0x4E00+64; r2++ {
			g := string([]rune{r, r2})
			eachGram(g, m.opt, func(x uint32) { h = x })
			if h < m.hashes[0] {
				text = g
				break
			}
		}
	}
	if text == "" {
		t.Fatal("no gram hashes below the first feature")
	}
	m.hashes = append([]uint32{h}, m.hashes...)
	m.features = append([]feature{{idf: 2}}, m.features...)
	raw, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := Load(raw)
	if err != nil {
		t.Fatal(err)
	}
	if f, ok := loaded.lookup(h); !ok || f.from != 0 || f.to != 0 || f.idf != 2 {
		t.Fatalf("lookup of the feature without postings = %+v, %v", f, ok)
	}
	// Beside a text that votes, the feature lowers every similarity.
	for _, tt := range []string{text + "，超市销售过期食品", "超市销售过期食品"} {
		if got, want := loaded.Vote(tt, 3, nil), referenceVote(loaded, tt, 3); !slices.Equal(got, want) {
			t.Fatalf("Vote(%q) = %v, reference %v", tt, got, want)
		}
	}
}
