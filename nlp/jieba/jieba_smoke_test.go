package jieba

import (
	"testing"
)

func TestSharedLoads(t *testing.T) {
	s, err := Shared(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	toks := s.Cut("依据劳动合同法，没收违法所得，责令停产停业。")
	if len(toks) == 0 {
		t.Fatal("no tokens")
	}
	for _, tk := range toks {
		t.Logf("%q %d %d", tk.Text, tk.Start, tk.End)
	}
	if bad := s.Cut("a\xff\x00b"); len(bad) == 0 {
		t.Fatal("no tokens for hostile input")
	}
}
