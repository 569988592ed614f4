package corpus_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/corpus"
)

func TestValidateRecord(t *testing.T) {
	nan := float32(math.NaN())
	inf := float32(math.Inf(1))
	for _, tt := range []struct {
		name string
		rec  corpus.VectorRecord
		want error
	}{
		{"valid", corpus.VectorRecord{ID: "a", Vector: []float32{1, 0}, Meta: map[string]string{"k": "v"}}, nil},
		{"zero vector", corpus.VectorRecord{ID: "a", Vector: []float32{0, 0}}, nil},
		{"empty ID", corpus.VectorRecord{Vector: []float32{1, 0}}, corpus.ErrInvalid},
		{"long ID", corpus.VectorRecord{ID: strings.Repeat("x", corpus.MaxVectorTextBytes+1), Vector: []float32{1, 0}}, corpus.ErrInvalid},
		{"NUL in ID", corpus.VectorRecord{ID: "a\x00", Vector: []float32{1, 0}}, corpus.ErrInvalid},
		{"invalid UTF-8 ID", corpus.VectorRecord{ID: "\xff", Vector: []float32{1, 0}}, corpus.ErrInvalid},
		{"short vector", corpus.VectorRecord{ID: "a", Vector: []float32{1}}, corpus.ErrDimension},
		{"NaN", corpus.VectorRecord{ID: "a", Vector: []float32{nan, 0}}, corpus.ErrInvalid},
		{"infinity", corpus.VectorRecord{ID: "a", Vector: []float32{0, inf}}, corpus.ErrInvalid},
		{"empty metadata key", corpus.VectorRecord{ID: "a", Vector: []float32{1, 0}, Meta: map[string]string{"": "v"}}, corpus.ErrInvalid},
		{"NUL in metadata value", corpus.VectorRecord{ID: "a", Vector: []float32{1, 0}, Meta: map[string]string{"k": "\x00"}}, corpus.ErrInvalid},
		{"invalid UTF-8 metadata key", corpus.VectorRecord{ID: "a", Vector: []float32{1, 0}, Meta: map[string]string{"\xfe": "v"}}, corpus.ErrInvalid},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := corpus.ValidateRecord(0, tt.rec, 2)
			if tt.want == nil && err != nil || tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("ValidateRecord = %v, want %v", err, tt.want)
			}
		})
	}
}
