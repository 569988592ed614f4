package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeInputs lays out a small synthetic data folder, base dictionary and
// seed folder the way the real ones are laid out.
func writeInputs(t *testing.T) (data, base, seeds string) {
	t.Helper()
	root := t.TempDir()
	data = filepath.Join(root, "data")
	stat := filepath.Join(data, "statutes_lawrefbook")
	seeds = filepath.Join(root, "seeds")
	for _, d := range []string{stat, seeds} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{
		filepath.Join(stat, "national.jsonl"): `{"law": "行政处罚法", "title": "中华人民共和国行政处罚法", "category": "行政法", "is_latest": true, "text": "<!-- INFO END -->\n第一条 为了规范行政处罚。\n"}
{"law": "广告法", "title": "中华人民共和国广告法", "category": "经济法", "is_latest": true, "text": "<!-- INFO END -->\n第一条 广告。\n"}
`,
		filepath.Join(stat, "local.jsonl"): `{"law": "上海市食品安全条例", "title": "上海市食品安全条例", "category": "DLC/上海地方法规", "is_latest": true, "text": "<!-- INFO END -->\n"}
`,
		filepath.Join(root, "jieba.dict.utf8"): "行政 3000 n\n处罚 1273 v\n罚款 689 n\n",
		filepath.Join(seeds, "penalty.txt"):    "罚款 n\n没收违法所得\n",
		filepath.Join(seeds, "reject.txt"):     "# nothing\n",
	}
	for p, content := range files {
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return data, filepath.Join(root, "jieba.dict.utf8"), seeds
}

// TestRunDeterministic runs the command twice on the same inputs and wants
// byte-identical dictionaries.
func TestRunDeterministic(t *testing.T) {
	data, base, seeds := writeInputs(t)
	out := t.TempDir()
	var results [][]byte
	for i := range 2 {
		p := filepath.Join(out, "legal"+string(rune('a'+i))+".dict")
		var stderr bytes.Buffer
		args := []string{"-data", data, "-base", base, "-seeds", seeds, "-out", p}
		if err := run(context.Background(), args, &stderr); err != nil {
			t.Fatalf("run %d: %v\n%s", i, err, stderr.String())
		}
		if !strings.Contains(stderr.String(), "terms=7") {
			t.Errorf("summary line: %s", stderr.String())
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, b)
	}
	if !bytes.Equal(results[0], results[1]) {
		t.Fatalf("runs differ:\n%s\nvs\n%s", results[0], results[1])
	}
	want := "上海市食品安全条例 2000 nz\n中华人民共和国广告法 2000 nz\n中华人民共和国行政处罚法 2000 nz\n" +
		"广告法 2000 nz\n没收违法所得 2000 v\n罚款 689 n\n行政处罚法 2000 nz\n"
	if got := string(results[0]); got != want {
		t.Errorf("output:\n%s\nwant:\n%s", got, want)
	}
}

func TestRunErrors(t *testing.T) {
	data, base, seeds := writeInputs(t)
	out := filepath.Join(t.TempDir(), "legal.dict")
	tests := [][]string{
		{"-data", t.TempDir(), "-base", base, "-seeds", seeds, "-out", out},
		{"-data", data, "-base", filepath.Join(t.TempDir(), "missing"), "-seeds", seeds, "-out", out},
		{"-data", data, "-base", base, "-seeds", seeds, "-out", filepath.Join(t.TempDir(), "no", "such", "dir", "x.dict")},
		{"-bogus"},
	}
	for _, args := range tests {
		if err := run(context.Background(), args, &bytes.Buffer{}); err == nil {
			t.Errorf("run(%q) succeeded", args)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed run left a dictionary behind")
	}
}
