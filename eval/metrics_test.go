package eval

import (
	"errors"
	"math"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestRecallAtK(t *testing.T) {
	tests := []struct {
		name         string
		ranked, gold []string
		k            int
		want         float64
		wantHits     int
	}{
		{"all in top k", []string{"a", "b", "c"}, []string{"a", "b"}, 2, 1, 2},
		{"half", []string{"a", "x", "b"}, []string{"a", "b"}, 2, 0.5, 1},
		{"beyond k", []string{"x", "y", "a"}, []string{"a"}, 2, 0, 0},
		{"duplicates in ranked count once", []string{"x", "x", "x", "a"}, []string{"a"}, 2, 1, 1},
		{"duplicate gold counts once", []string{"a"}, []string{"a", "a"}, 5, 1, 1},
		{"k larger than list", []string{"a"}, []string{"a", "b"}, 10, 0.5, 1},
		{"empty gold", []string{"a"}, nil, 5, 0, 0},
		{"k zero", []string{"a"}, []string{"a"}, 0, 0, 0},
		{"empty ranked", nil, []string{"a"}, 5, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RecallAtK(tt.ranked, tt.gold, tt.k); !near(got, tt.want) {
				t.Errorf("RecallAtK(%v, %v, %d) = %v; want %v", tt.ranked, tt.gold, tt.k, got, tt.want)
			}
			if got := HitsAtK(tt.ranked, tt.gold, tt.k); got != tt.wantHits {
				t.Errorf("HitsAtK(%v, %v, %d) = %d; want %d", tt.ranked, tt.gold, tt.k, got, tt.wantHits)
			}
		})
	}
}

func TestReciprocalRank(t *testing.T) {
	tests := []struct {
		ranked, gold []string
		want         float64
	}{
		{[]string{"a", "b"}, []string{"a"}, 1},
		{[]string{"x", "y", "a"}, []string{"a", "y"}, 0.5},
		{[]string{"x", "y", "z", "a"}, []string{"a"}, 0.25},
		{[]string{"x"}, []string{"a"}, 0},
		{nil, []string{"a"}, 0},
		{[]string{"a"}, nil, 0},
	}
	for _, tt := range tests {
		if got := ReciprocalRank(tt.ranked, tt.gold); !near(got, tt.want) {
			t.Errorf("ReciprocalRank(%v, %v) = %v; want %v", tt.ranked, tt.gold, got, tt.want)
		}
	}
}

func TestSetF1(t *testing.T) {
	tests := []struct {
		name       string
		pred, gold []string
		want       float64
	}{
		{"exact", []string{"264"}, []string{"264"}, 1},
		{"one of two gold", []string{"266"}, []string{"266", "234"}, 2.0 / 3},
		{"one right one wrong", []string{"264", "1"}, []string{"264"}, 2.0 / 3},
		{"miss", []string{"1"}, []string{"264"}, 0},
		{"no prediction (abstention)", nil, []string{"264"}, 0},
		{"no gold", []string{"264"}, nil, 0},
		{"duplicates ignored", []string{"264", "264"}, []string{"264"}, 1},
		// P = 2/3, R = 2/4: F1 = 2·(2/3)(1/2)/(2/3+1/2) = 4/7.
		{"partial overlap", []string{"a", "b", "x"}, []string{"a", "b", "c", "d"}, 4.0 / 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SetF1(tt.pred, tt.gold); !near(got, tt.want) {
				t.Errorf("SetF1(%v, %v) = %v; want %v", tt.pred, tt.gold, got, tt.want)
			}
		})
	}
}

func TestMicroF1(t *testing.T) {
	tests := []struct {
		name       string
		pred, gold [][]string
		want       float64
		wantErr    error
	}{
		// Pooled: tp 2, fp 1, fn 1 → P = R = 2/3.
		{"pooled", [][]string{{"a"}, {"b", "x"}}, [][]string{{"a"}, {"b", "c"}}, 2.0 / 3, nil},
		// Mean of SetF1 here would be (1 + 0)/2 = 0.5; pooled counts weigh
		// the item with three gold labels more: tp 1, fp 1, fn 3 → 1/3.
		{"differs from mean", [][]string{{"a"}, {"x"}}, [][]string{{"a"}, {"b", "c", "d"}}, 1.0 / 3, nil},
		{"nothing right", [][]string{{"x"}}, [][]string{{"a"}}, 0, nil},
		{"no items", nil, nil, 0, nil},
		{"length mismatch", [][]string{{"a"}}, nil, 0, ErrLengthMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := MicroF1(tt.pred, tt.gold)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("MicroF1 error = %v; want %v", err, tt.wantErr)
			}
			if !near(got, tt.want) {
				t.Errorf("MicroF1(%v, %v) = %v; want %v", tt.pred, tt.gold, got, tt.want)
			}
		})
	}
}

func TestNDCG(t *testing.T) {
	l2 := math.Log2
	tests := []struct {
		name         string
		gains, ideal []float64
		k            int
		want         float64
	}{
		{"ideal order", []float64{3, 2, 1}, []float64{1, 3, 2}, 3, 1},
		// Linear gains as in LeCaRD's metrics.py, not 2^rel − 1:
		// DCG = 1/log2(2) + 3/log2(3); IDCG = 3/log2(2) + 1/log2(3).
		{"swapped", []float64{1, 3}, []float64{3, 1}, 2, (1/l2(2) + 3/l2(3)) / (3/l2(2) + 1/l2(3))},
		// The ideal ranking comes from every judged candidate, so a relevant
		// candidate never retrieved lowers the score.
		{"missed relevant", []float64{3, 0, 0}, []float64{3, 3, 0}, 3, (3 / l2(2)) / (3/l2(2) + 3/l2(3))},
		{"k cuts", []float64{0, 3}, []float64{3}, 1, 0},
		{"short ranking padded with zeros", []float64{2}, []float64{2, 1}, 30, (2 / l2(2)) / (2/l2(2) + 1/l2(3))},
		{"no relevant judged", []float64{0, 0}, []float64{0, 0}, 10, 0},
		{"k zero", []float64{3}, []float64{3}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NDCG(tt.gains, tt.ideal, tt.k); !near(got, tt.want) {
				t.Errorf("NDCG(%v, %v, %d) = %v; want %v", tt.gains, tt.ideal, tt.k, got, tt.want)
			}
		})
	}
}

func TestNDCGDoesNotReorderIdeal(t *testing.T) {
	ideal := []float64{1, 3, 2}
	NDCG([]float64{3}, ideal, 3)
	if ideal[0] != 1 || ideal[1] != 3 || ideal[2] != 2 {
		t.Errorf("NDCG sorted the caller's ideal slice: %v", ideal)
	}
}

func TestAccuracy(t *testing.T) {
	tests := []struct {
		name       string
		pred, gold []string
		want       float64
		wantErr    error
	}{
		{"all", []string{"a", "b"}, []string{"a", "b"}, 1, nil},
		{"half", []string{"a", "x"}, []string{"a", "b"}, 0.5, nil},
		{"none", nil, nil, 0, nil},
		{"mismatch", []string{"a"}, []string{"a", "b"}, 0, ErrLengthMismatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Accuracy(tt.pred, tt.gold)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Accuracy error = %v; want %v", err, tt.wantErr)
			}
			if !near(got, tt.want) {
				t.Errorf("Accuracy(%v, %v) = %v; want %v", tt.pred, tt.gold, got, tt.want)
			}
		})
	}
}

func TestMean(t *testing.T) {
	tests := []struct {
		xs   []float64
		want float64
	}{
		{nil, 0},
		{[]float64{1}, 1},
		{[]float64{1, 0, 0.5}, 0.5},
	}
	for _, tt := range tests {
		if got := Mean(tt.xs); !near(got, tt.want) {
			t.Errorf("Mean(%v) = %v; want %v", tt.xs, got, tt.want)
		}
	}
}
