package exemplars

import (
	"slices"
	"strings"
	"testing"
)

// TestScratchTrimTwentyThird: a scratch that a long text grew gives up its
// gram buffers before it is pooled (a 60 KB text's table is about 2 MB),
// one a short text used keeps them, and a vote after a long text scores
// a short text as a fresh model does.
func TestScratchTrimTwentyThird(t *testing.T) {
	m, err := Train(smallSet, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		text      string
		keepGrams bool
	}{
		{"short text", "店内冰柜里有5袋超过保质期的速冻水饺。", true},
		{"60 KB text", strings.Repeat("货车在高速公路上超速行驶被测速抓拍，", 60<<10/len("货车在高速公路上超速行驶被测速抓拍，")), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := &scratch{acc: make([]float32, len(m.labels))}
			m.scratch.New = func() any { return sc }
			defer func() { m.scratch.New = func() any { return &scratch{acc: make([]float32, len(m.labels))} } }()
			// Empty the pool so that Vote takes sc.
			for m.scratch.Get() != sc {
			}
			m.Vote(tt.text, 3, nil)
			if kept := sc.grams != nil; kept != tt.keepGrams {
				t.Fatalf("after %d bytes: gram table of %d slots kept %v, want %v", len(tt.text), len(sc.grams), kept, tt.keepGrams)
			}
			if sc.acc == nil {
				t.Fatal("the score per label was dropped")
			}
			short := "小型客车超速行驶。"
			fresh, err := Train(smallSet, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := m.Vote(short, 3, nil), fresh.Vote(short, 3, nil); !slices.Equal(got, want) {
				t.Fatalf("after the %s: %v, fresh model %v", tt.name, got, want)
			}
		})
	}
}
