package redact

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestDecisionGolden redacts a whole 行政处罚决定书 written in the shape of
// the market-regulation template and compares the published text and the
// span list with testdata/decision.golden (go test ./redact -run
// DecisionGolden -update rewrites it; read the diff before committing).
func TestDecisionGolden(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "decision.txt"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Redact(string(raw), Options{Names: []string{"王小红", "赵六", "钱七"}})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString(res.Text)
	b.WriteString("\n---- spans ----\n")
	for _, s := range res.Spans {
		line, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	golden := filepath.Join("testdata", "decision.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if b.String() != string(want) {
		t.Errorf("redacted decision differs from %s (run with -update and read the diff):\n%s", golden, b.String())
	}
	// Independent of the golden file: what must go and what must stay.
	for _, leak := range []string{"340504198506151234", "3405041985061512", "2345678", "湖东路88号", "佳山路12号", "602室", "5555", "6666",
		"13912345678", "6222", "糖尿病", "王小红", "赵六", "钱七"} {
		if strings.Contains(fold(res.Text), fold(leak)) {
			t.Errorf("%s leaked", leak)
		}
	}
	for _, keep := range []string{"马市监处罚〔2026〕193号", "91350100M000100Y43", "第一百二十四条第一款第（五）项", "3,200元", "1234.5元",
		"（50000元）", "2026年3月5日", "行政处罚法第六十七条", "3%", "住所地的市场监督管理部门", "李建国", "王某某", "赵某", "钱某"} {
		if !strings.Contains(res.Text, keep) {
			t.Errorf("%s over-masked", keep)
		}
	}
}
