// Package shareddata locates the public data folder (statutes and labelled
// legal datasets) that tests and eval read. It is never shipped: the product
// imports statutes at run time through `cailiang import`.
package shareddata

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// EnvVar names the one setting that points at the data folder.
const EnvVar = "CAILIANG_DATA"

// Path returns the data folder: $CAILIANG_DATA, or ../shared/data beside the
// repository root. It does not check that the folder exists.
func Path() string {
	if p := os.Getenv(EnvVar); p != "" {
		return p
	}
	_, file, _, ok := runtime.Caller(0)
	if ok && filepath.IsAbs(file) {
		// corpus/shareddata/shareddata.go → repo root is three levels up.
		root := filepath.Dir(filepath.Dir(filepath.Dir(file)))
		return filepath.Join(root, "..", "shared", "data")
	}
	return filepath.Join("..", "shared", "data")
}

// Dir returns the data folder for a test. When it is missing the test is
// skipped, except under CI=true, where a missing folder fails the run with a
// clear message: CI must never pass by skipping the real-data tests.
func Dir(tb testing.TB) string {
	tb.Helper()
	p := Path()
	if st, err := os.Stat(filepath.Join(p, "statutes_lawrefbook")); err != nil || !st.IsDir() {
		msg := fmt.Sprintf("shared data folder not found at %s (set %s)", p, EnvVar)
		if os.Getenv("CI") == "true" {
			tb.Fatal(msg)
		}
		tb.Skip(msg)
	}
	return p
}

// File returns a file inside the data folder for a test, with the same
// skip-or-fail rule as Dir.
func File(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(Dir(tb), rel)
	if _, err := os.Stat(p); err != nil {
		msg := fmt.Sprintf("shared data file %s missing: %v", p, err)
		if os.Getenv("CI") == "true" {
			tb.Fatal(msg)
		}
		tb.Skip(msg)
	}
	return p
}
