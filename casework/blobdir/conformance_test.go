package blobdir

import (
	"path/filepath"
	"testing"

	"github.com/cailiang/cailiang/casework/blobtest"
)

func TestConformance(t *testing.T) {
	blobtest.Run(t, func(t *testing.T) blobtest.Subject {
		root := filepath.Join(t.TempDir(), "evidence")
		d, err := Open(root)
		if err != nil {
			t.Fatal(err)
		}
		return blobtest.Subject{Blobs: d, Stored: func(t *testing.T) []string {
			var out []string
			for _, f := range files(t, root) {
				out = append(out, filepath.ToSlash(f))
			}
			return out
		}}
	})
}
