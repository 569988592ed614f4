package caseanalysis

import (
	"context"
	"os"
	"testing"
)

func TestProbe1(t *testing.T) {
	a, _ := newTestAnalyzer(t)
	res, _ := a.Analyze(context.Background(), Request{Facts: os.Getenv("FACTS"), Violations: 8})
	t.Log("\n" + whys(res.Violations))
}
