package speech_test

import (
	"errors"
	"math"
	"testing"

	"github.com/cailiang/cailiang/speech"
)

// planCase is one recording length and set of limits.
type planCase struct {
	name     string
	total    float64
	maxSec   float64
	maxBytes int64
	overlap  float64
}

// TestPlanChunks checks the plan's properties for recordings up to two
// hours (computed from the length; no audio is made): chunks start at 0
// and end at the recording's end, each within both limits, neighbours
// overlapping by exactly the overlap, owned ranges tiling the recording,
// and no plan with one chunk fewer could cover it.
func TestPlanChunks(t *testing.T) {
	cases := []planCase{
		{"two hours, 5-minute chunks", 2 * 3600, speech.DefaultMaxChunkSeconds, speech.DefaultMaxChunkBytes, speech.DefaultOverlapSeconds},
		{"two hours, bytes bind (1 MB)", 2 * 3600, 600, 1 << 20, 2},
		{"two hours and a fraction", 7200.437, 300, speech.DefaultMaxChunkBytes, 2},
		{"shorter than a chunk", 42.5, 300, speech.DefaultMaxChunkBytes, 2},
		{"exactly one chunk", 300, 300, speech.DefaultMaxChunkBytes, 2},
		{"just over one chunk", 300.01, 300, speech.DefaultMaxChunkBytes, 2},
		{"no overlap", 1000, 300, speech.DefaultMaxChunkBytes, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			chunks, err := speech.PlanChunks(tc.total, tc.maxSec, tc.maxBytes, tc.overlap)
			if err != nil {
				t.Fatal(err)
			}
			limit := math.Min(tc.maxSec, float64(tc.maxBytes-44)/32000)
			if chunks[0].Start != 0 || chunks[len(chunks)-1].End != tc.total {
				t.Fatalf("plan covers %v–%v, want 0–%v", chunks[0].Start, chunks[len(chunks)-1].End, tc.total)
			}
			if chunks[0].OwnStart != 0 || chunks[len(chunks)-1].OwnEnd != tc.total {
				t.Errorf("owned ranges cover %v–%v", chunks[0].OwnStart, chunks[len(chunks)-1].OwnEnd)
			}
			for i, c := range chunks {
				if c.Index != i || c.End-c.Start > limit+1e-9 || c.Bytes() > tc.maxBytes || c.End <= c.Start {
					t.Errorf("chunk %+v: over the limit %.3f s / %d bytes (%d)", c, limit, tc.maxBytes, c.Bytes())
				}
				if c.OwnStart < c.Start || c.OwnEnd > c.End || c.OwnStart >= c.OwnEnd {
					t.Errorf("chunk %d owns %v–%v outside %v–%v", i, c.OwnStart, c.OwnEnd, c.Start, c.End)
				}
				if i == 0 {
					continue
				}
				prev := chunks[i-1]
				if ov := prev.End - c.Start; math.Abs(ov-tc.overlap) > 1e-6 {
					t.Errorf("chunks %d and %d overlap %.3f s, want %.3f", i-1, i, ov, tc.overlap)
				}
				if prev.OwnEnd != c.OwnStart {
					t.Errorf("owned ranges of %d and %d leave a gap or overlap: %v vs %v", i-1, i, prev.OwnEnd, c.OwnStart)
				}
			}
			// n-1 chunks of the full limit cover at most this much.
			n := float64(len(chunks))
			if n > 1 && (n-1)*limit-(n-2)*tc.overlap >= tc.total {
				t.Errorf("%d chunks where %d would do", len(chunks), len(chunks)-1)
			}
		})
	}
}

// TestPlanChunksRefuses: limits that leave no room are an error, not a
// loop or a panic.
func TestPlanChunksRefuses(t *testing.T) {
	cases := []planCase{
		{"zero length", 0, 300, 1 << 20, 2},
		{"negative length", -5, 300, 1 << 20, 2},
		{"NaN length", math.NaN(), 300, 1 << 20, 2},
		{"infinite length", math.Inf(1), 300, 1 << 20, 2},
		{"overlap half a chunk", 1000, 10, 1 << 20, 5},
		{"negative overlap", 1000, 10, 1 << 20, -1},
		{"bytes below a header", 1000, 300, 40, 0},
		{"zero seconds", 1000, 0, 1 << 20, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got, err := speech.PlanChunks(tc.total, tc.maxSec, tc.maxBytes, tc.overlap); !errors.Is(err, speech.ErrInvalid) {
				t.Errorf("PlanChunks = %d chunks, %v; want ErrInvalid", len(got), err)
			}
		})
	}
}
