package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/cailiang/cailiang/corpus/shareddata"
	"github.com/cailiang/cailiang/rules"
)

// TestCommittedFilesAreCurrent regenerates every provision file from the
// statutes and compares it byte for byte with the committed one, so a change
// of the parser or of the statutes shows up as a test failure until
// `make provisions` is run.
func TestCommittedFilesAreCurrent(t *testing.T) {
	path := shareddata.File(t, "statutes_lawrefbook/national.jsonl")
	cat, err := rules.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	outs, err := Generate(context.Background(), path, cat)
	if err != nil {
		t.Fatal(err)
	}
	written := map[string]bool{}
	for _, o := range outs {
		want, err := Encode(o.File)
		if err != nil {
			t.Fatal(err)
		}
		written[o.Name] = true
		name := filepath.Join("..", "..", "rules", "provisions", o.Name)
		got, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what cmd/provgen writes: run make provisions", name)
		}
	}
	// A file provgen no longer writes would still be embedded and loaded.
	committed, err := filepath.Glob(filepath.Join("..", "..", "rules", "provisions", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range committed {
		if !written[filepath.Base(c)] {
			t.Errorf("%s is not written by cmd/provgen: remove it", c)
		}
	}
}
