package main

import (
	"flag"
	"io"
	"testing"

	"github.com/cailiang/cailiang/caseanalysis"
)

// TestExemplarWeightFlagTwentyFirst: eval runs with the shipped vote by
// default; --exemplar-weight 0 or a negative weight runs without one (the
// analyzer's 0 would mean its default), another weight is passed on.
func TestExemplarWeightFlagTwentyFirst(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want float64 // app.Config.ExemplarWeight
	}{
		{"default: the shipped vote", nil, caseanalysis.DefaultExemplarWeight},
		{"0: no vote", []string{"--exemplar-weight", "0"}, -1},
		{"negative: no vote", []string{"--exemplar-weight", "-0.5"}, -1},
		{"a weight", []string{"--exemplar-weight", "0.6"}, 0.6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("eval", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			var a cmdArgs
			evalFlags(fs, &a)
			if err := fs.Parse(tt.args); err != nil {
				t.Fatal(err)
			}
			if got := exemplarWeight(a.exemplarWeight); got != tt.want {
				t.Fatalf("weight %v, want %v", got, tt.want)
			}
		})
	}
}
