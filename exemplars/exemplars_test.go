package exemplars

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
)

// smallSet is a handful of examples of three kinds of case.
var smallSet = []Example{
	{"当事人销售超过保质期的食品，货值金额300元。", "expired"},
	{"超市货架上摆放已过保质期的牛奶12盒待售。", "expired"},
	{"当事人未取得食品经营许可证从事食品销售。", "unlicensed"},
	{"无证经营餐饮，未办理食品经营许可。", "unlicensed"},
	{"驾驶机动车超速行驶，超过规定时速50%。", "speeding"},
	{"货车在高速公路上超速行驶被测速抓拍。", "speeding"},
}

func TestVoteTwentyFirst(t *testing.T) {
	m, err := Train(smallSet, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       string // best label; "" for no vote
	}{
		{"expired goods", "店内冰柜里有5袋超过保质期的速冻水饺。", "expired"},
		{"no licence", "该店未取得许可证擅自经营食品。", "unlicensed"},
		{"speed", "小型客车超速行驶。", "speeding"},
		{"no features", "……，。、 ", ""},
		{"one rune", "罚", ""},
		{"empty", "", ""},
		{"unknown words", "ＡＢＣ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := m.Vote(tt.text, 3, nil)
			if tt.want == "" {
				if len(got) != 0 {
					t.Fatalf("Vote(%q) = %v, want no vote", tt.text, got)
				}
				return
			}
			if len(got) == 0 || got[0].Label != tt.want {
				t.Fatalf("Vote(%q) = %v, want %s first", tt.text, got, tt.want)
			}
			for i := 1; i < len(got); i++ {
				if got[i].Similarity > got[i-1].Similarity {
					t.Fatalf("Vote(%q) = %v, not best first", tt.text, got)
				}
			}
			if s := got[0].Similarity; s <= 0 || s > 1.0001 {
				t.Fatalf("similarity %v outside (0, 1]", s)
			}
		})
	}
}

// TestDeterministicTwentyFirst: the model's bytes do not depend on the
// examples' order, survive a round trip, and score the same after it.
func TestDeterministicTwentyFirst(t *testing.T) {
	a, err := Train(smallSet, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rev := slices.Clone(smallSet)
	slices.Reverse(rev)
	b, err := Train(rev, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ab, _ := a.MarshalBinary()
	bb, _ := b.MarshalBinary()
	if !bytes.Equal(ab, bb) {
		t.Fatal("the model's bytes depend on the examples' order")
	}
	c, err := Load(ab)
	if err != nil {
		t.Fatal(err)
	}
	cb, _ := c.MarshalBinary()
	if !bytes.Equal(ab, cb) {
		t.Fatal("a round trip changes the model's bytes")
	}
	for _, e := range smallSet {
		if x, y := a.Vote(e.Text, 3, nil), c.Vote(e.Text, 3, nil); !slices.Equal(x, y) {
			t.Fatalf("%s: %v before the round trip, %v after", e.Text, x, y)
		}
	}
	for _, bad := range [][]byte{nil, []byte("x"), ab[:len(ab)-1], append(slices.Clone(ab), 0)} {
		if _, err := Load(bad); !errors.Is(err, ErrBadModel) {
			t.Fatalf("Load(%d bytes) = %v, want ErrBadModel", len(bad), err)
		}
	}
}

// TestHeldOutTwentyFirst: a model without an example is not the model with
// it, seen from that example's own text (what cross-fitting relies on).
func TestHeldOutTwentyFirst(t *testing.T) {
	full, _ := Train(smallSet, Options{})
	held, _ := Train(smallSet[1:], Options{})
	text := smallSet[0].Text
	f, h := full.Vote(text, 1, nil), held.Vote(text, 1, nil)
	if len(f) == 0 || len(h) == 0 || f[0].Label != "expired" || h[0].Label != "expired" {
		t.Fatalf("full %v, held out %v", f, h)
	}
	if h[0].Similarity >= f[0].Similarity {
		t.Fatalf("held-out similarity %v not below the full model's %v", h[0].Similarity, f[0].Similarity)
	}
}

// repeatedSet is smallSet n times over, each copy's texts and labels
// varied: a model with many labels and features.
func repeatedSet(n int) []Example {
	var ex []Example
	for i := range n {
		for _, e := range smallSet {
			ex = append(ex, Example{e.Text + string(rune('甲'+i%50)), e.Label + string(rune('a'+i%26))})
		}
	}
	return ex
}

func BenchmarkVote(b *testing.B) {
	m, _ := Train(repeatedSet(600), Options{})
	text := "经查，当事人于2025年3月在其经营的超市内销售超过保质期的牛奶12盒，货值金额360元，违法所得80元。执法人员现场检查时发现上述食品摆放在货架上待售。"
	var dst []Score
	b.ReportAllocs()
	for b.Loop() {
		dst = m.Vote(text, 5, dst[:0])
	}
}

// TestCorruptModelTwentyFirst: a model file whose values (not only its
// structure) are corrupt is rejected, never loaded to give NaN
// similarities; a label the format cannot hold is an error when writing.
func TestCorruptModelTwentyFirst(t *testing.T) {
	m, err := Train(smallSet, Options{})
	if err != nil {
		t.Fatal(err)
	}
	good, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	// The first feature's IDF: after the header, the options, the labels,
	// the feature count and the first hash.
	at := len(magic) + 1 + 1 + 4 + 4 + 4
	for _, l := range m.Labels() {
		at += 2 + len(l)
	}
	at += 4 + 4
	if got := math.Float32frombits(binary.LittleEndian.Uint32(good[at:])); got < 1 {
		t.Fatalf("offset %d holds %v, not an IDF", at, got)
	}
	tests := []struct {
		name string
		idf  float32
	}{
		{"NaN", float32(math.NaN())},
		{"infinite", float32(math.Inf(1))},
		{"negative", -2},
		{"zero", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := slices.Clone(good)
			binary.LittleEndian.PutUint32(bad[at:], math.Float32bits(tt.idf))
			if _, err := Load(bad); !errors.Is(err, ErrBadModel) {
				t.Fatalf("Load with IDF %v: err %v, want ErrBadModel", tt.idf, err)
			}
		})
	}
	long, err := Train([]Example{{"当事人销售过期食品。", strings.Repeat("x", math.MaxUint16+1)}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := long.MarshalBinary(); err == nil {
		t.Fatal("a label longer than 65,535 bytes was written")
	}
}
