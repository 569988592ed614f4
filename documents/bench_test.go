package documents

import (
	"io"
	"testing"
)

// BenchmarkDecision renders the sample decision with its recorded
// statements, runs every check against the statute texts and writes the
// DOCX: what issuing costs besides storage.
func BenchmarkDecision(b *testing.B) {
	g, err := New(Config{})
	if err != nil {
		b.Fatal(err)
	}
	st := loadStatutes(b, "食品安全法", "行政处罚法")
	in := loadInput(b, "company-recorded.json")
	for b.Loop() {
		doc, err := g.Render(KindDecision, in)
		if err != nil {
			b.Fatal(err)
		}
		if probs := g.Check(doc, in, st); len(probs) != 0 {
			b.Fatal(probs)
		}
		if err := WriteDOCX(io.Discard, doc); err != nil {
			b.Fatal(err)
		}
	}
}
