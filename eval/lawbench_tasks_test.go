package eval

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cailiang/cailiang/corpus/shareddata"
)

func TestLawBench37Correct(t *testing.T) {
	tests := []struct {
		pred              string
		gold              float64
		correct, abstains bool
	}{
		{"51500元", 51500, true, false},
		{"[金额]51500.0元<eoa>", 51500, true, false},
		{"共计3000元，其中1000元", 1000, true, false}, // any number in the text counts, as in LawBench
		{"4163.4元", 4163.4, true, false},
		{"5.15万元", 51500, false, false},
		{"51,500元", 51500, false, false}, // the separator splits the number
		{"", 100, false, true},
		{"无法计算", 100, false, true},
	}
	for _, tt := range tests {
		c, a := lawBench37Correct(tt.pred, tt.gold)
		if c != tt.correct || a != tt.abstains {
			t.Errorf("lawBench37Correct(%q, %v) = %v, %v; want %v, %v", tt.pred, tt.gold, c, a, tt.correct, tt.abstains)
		}
	}
	if got := formatYuan(4163.4); got != "4163.4元" {
		t.Errorf("formatYuan = %q", got)
	}
}

func TestParseLawBench37Answer(t *testing.T) {
	tests := []struct {
		in      string
		want    float64
		wantErr bool
	}{
		{"上文涉及到的犯罪金额:8500.0元。", 8500, false},
		{"上文涉及到的犯罪金额:4163.4元。", 4163.4, false},
		{"犯罪金额:8500元", 0, true},
		{"上文涉及到的犯罪金额:8500.0元", 0, true},
		{"上文涉及到的犯罪金额:八千元。", 0, true},
		{"", 0, true},
	}
	for _, tt := range tests {
		got, err := parseLawBench37Answer(tt.in)
		if tt.wantErr != (err != nil) || got != tt.want {
			t.Errorf("parseLawBench37Answer(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
		if err != nil && (!errors.Is(err, ErrBadRow) || !errors.Is(err, errUnlabelled)) {
			t.Errorf("error %v does not wrap ErrBadRow and errUnlabelled", err)
		}
	}
}

// TestLawBench37WithFixture runs the suite over testdata/lawbench/3-7.jsonl
// (our sentences): rows 1–3 are read right, row 4 has no amount, row 5's
// gold figure is deliberately not the sum, row 6's answer is malformed and
// row 7 has none: both are skipped.
func TestLawBench37WithFixture(t *testing.T) {
	rs, err := Run(context.Background(), Env{DataDir: "testdata"}, []string{SuiteLawBench37})
	if err != nil {
		t.Fatal(err)
	}
	got := resultMap(rs)
	want := map[string]float64{"lawbench-3-7/accuracy": 3.0 / 5, "lawbench-3-7/abstention": 1.0 / 5, "lawbench-3-7/within-1%": 3.0 / 5}
	for k, v := range want {
		if r, ok := got[k]; !ok || !near(r.Value, v) || r.N != 5 {
			t.Errorf("%s = %+v; want %v over n=5", k, r, v)
		}
	}
	if r := got["lawbench-3-7/accuracy"]; r.Baseline == nil || *r.Baseline != lawBench37GPT4 || r.BaselineNote == "" {
		t.Errorf("accuracy baseline = %v %q; want GPT-4 with a note", r.Baseline, r.BaselineNote)
	}
}

func TestLawBench22Scoring(t *testing.T) {
	tests := []struct {
		pred, gold string
		want       bool
	}{
		{"利息", "利息", true},
		{"[争议焦点]利息<eoa>", "利息", true},
		{"利息、违约", "利息", false}, // two classes named: wrong, as in LawBench
		{"违约", "利息", false},
		{"", "利息", false},
	}
	for _, tt := range tests {
		if got := lawBench22Correct(tt.pred, tt.gold); got != tt.want {
			t.Errorf("lawBench22Correct(%q, %q) = %v; want %v", tt.pred, tt.gold, got, tt.want)
		}
	}
	answers := []struct {
		in, label  string
		skip, fail bool
	}{
		{"争议焦点类别：责任认定。", "责任认定", false, false},
		{"争议焦点类别：赔偿。", "", true, false},
		{"争议焦点类别：其他。", "", false, true},
		{"焦点：利息。", "", false, true},
		{"", "", false, true},
	}
	for _, tt := range answers {
		label, skip, err := parseLawBench22Answer(tt.in)
		if label != tt.label || skip != tt.skip || (err != nil) != tt.fail {
			t.Errorf("parseLawBench22Answer(%q) = %q, %v, %v", tt.in, label, skip, err)
		}
		if err != nil && !errors.Is(err, errUnlabelled) {
			t.Errorf("parseLawBench22Answer(%q): error %v does not wrap errUnlabelled", tt.in, err)
		}
	}
	if got := macroF1([]string{"a", "a", "b"}, []string{"a", "b", "b"}); !near(got, (2.0/3+2.0/3)/2) {
		t.Errorf("macroF1 = %v", got)
	}
}

func TestNaiveBayes(t *testing.T) {
	nb := trainNaiveBayes(
		[]string{"借款利息过高", "利息计算错误", "利率与利息约定", "房屋租金未付"},
		[]string{"利息", "利息", "利息", "租金情况"})
	if nb.majority != "利息" {
		t.Errorf("majority = %q", nb.majority)
	}
	for text, want := range map[string]string{"租金数额争议": "租金情况", "逾期利息": "利息"} {
		if got := nb.predict(text); got != want {
			t.Errorf("predict(%q) = %q; want %q", text, got, want)
		}
	}
}

// TestLawBench22WithFixture cross-validates over testdata/lawbench/2-2.jsonl:
// ten rows of two plainly different classes (each fold holds one of each)
// and one 赔偿 row that LawBench skips, and one row without an answer.
func TestLawBench22WithFixture(t *testing.T) {
	rs, err := Run(context.Background(), Env{DataDir: "testdata"}, []string{SuiteLawBench22})
	if err != nil {
		t.Fatal(err)
	}
	got := resultMap(rs)
	// The training folds are balanced, so the majority class is the first
	// in sorted order (利息), right for half the rows.
	want := map[string]float64{"lawbench-2-2/accuracy/nb-5fold": 1, "lawbench-2-2/macro-f1/nb-5fold": 1, "lawbench-2-2/accuracy/majority-5fold": 0.5}
	for k, v := range want {
		if r, ok := got[k]; !ok || !near(r.Value, v) || r.N != 10 {
			t.Errorf("%s = %+v; want %v over n=10", k, r, v)
		}
	}
}

func TestLawBench33F1(t *testing.T) {
	options := []string{"诈骗", "信用卡诈骗", "盗窃", "故意伤害"}
	tests := []struct {
		pred string
		gold []string
		want float64
	}{
		{"盗窃", []string{"盗窃"}, 1},
		{"盗窃;诈骗", []string{"盗窃"}, 2.0 / 3},
		{"信用卡诈骗", []string{"信用卡诈骗"}, 2.0 / 3}, // 诈骗 is found inside it too
		{"抢劫", []string{"盗窃"}, 0},
		{"", []string{"盗窃"}, 0},
	}
	for _, tt := range tests {
		if got := lawBench33F1(tt.pred, tt.gold, options); !near(got, tt.want) {
			t.Errorf("lawBench33F1(%q, %v) = %v; want %v", tt.pred, tt.gold, got, tt.want)
		}
	}
	gold, err := parseLawBench33Answer("罪名:受贿;滥用职权")
	if err != nil || strings.Join(gold, ",") != "受贿,滥用职权" {
		t.Errorf("parseLawBench33Answer = %v, %v", gold, err)
	}
	if _, err := parseLawBench33Answer("法条:刑法第264条"); !errors.Is(err, ErrBadRow) {
		t.Errorf("non-charge answer: error = %v; want ErrBadRow", err)
	}
	for _, ans := range []string{"", "罪名:", "罪名: ; ", "罪名:罪", "法条:刑法第264条"} {
		if _, err := parseLawBench33Answer(ans); !errors.Is(err, errUnlabelled) {
			t.Errorf("parseLawBench33Answer(%q): error = %v; want errUnlabelled", ans, err)
		}
	}
}

const chargesMini = "testdata/charges_mini"

func TestChargeModelFixture(t *testing.T) {
	m, err := loadChargeModel(chargesMini)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.names) != 7 || m.names[0] != "危险驾驶" {
		t.Fatalf("charge names = %v; want 7, 罪 stripped, in file order", m.names)
	}
	// The latest 刑法 is read (the older line says 偷窃财物), and each charge
	// is tied to the paragraph that defines it. 寻衅滋事 and 妨害公务 are not
	// named in our short 刑法, 信用卡诈骗 shares only 诈骗 with it, and our
	// 第一百三十三条之一 says 醉酒驾驶, sharing only 驾驶 with 危险驾驶 (less
	// than half the name): such charges are described by their name alone.
	wantArt := map[string]string{"危险驾驶": "", "故意伤害": "第二百三十四条", "盗窃": "第二百六十四条",
		"诈骗": "第二百六十六条", "信用卡诈骗": "", "寻衅滋事": "", "妨害公务": ""}
	for i, n := range m.names {
		if m.article[i] != wantArt[n] {
			t.Errorf("%s → %q; want %q", n, m.article[i], wantArt[n])
		}
	}
	if _, err := readCriminalLaw(filepath.Join("testdata", "scm_mini.jsonl")); err == nil {
		t.Errorf("a file without 刑法: no error")
	}
}

// TestLawBench33WithFixture runs both charge suites over charges_mini: every
// 3-3 fact gets its charge (the 4th row's gold has two, so its F1 is 2/3),
// and the LeCaRD query with 危险驾驶 and 妨害公务 gets only the first.
func TestLawBench33WithFixture(t *testing.T) {
	rs, err := Run(context.Background(), Env{DataDir: chargesMini}, []string{SuiteLawBench33, SuiteLeCaRDCharges})
	if err != nil {
		t.Fatal(err)
	}
	got := resultMap(rs)
	want := map[string]struct {
		v float64
		n int
	}{
		"lawbench-3-3/f1/top1":         {(3 + 2.0/3) / 4, 4},
		"lawbench-3-3/micro-f1/top1":   {2 * 1 * 0.8 / 1.8, 4}, // tp 4, fp 0, fn 1
		"lecard-charges/f1/top1":       {(1 + 2.0/3) / 2, 2},
		"lecard-charges/micro-f1/top1": {2 * 1 * (2.0 / 3) / (1 + 2.0/3), 2},
	}
	for k, w := range want {
		if r, ok := got[k]; !ok || !near(r.Value, w.v) || r.N != w.n {
			t.Errorf("%s = %+v; want %v over n=%d", k, r, w.v, w.n)
		}
	}
	if r := got["lawbench-3-3/f1/set"]; r.Baseline == nil || *r.Baseline != lawBench33GPT4 || !strings.Contains(r.BaselineNote, "fuzi-mingcha") {
		t.Errorf("f1/set baseline = %v %q; want GPT-4 and a note naming fuzi-mingcha", r.Baseline, r.BaselineNote)
	}
	if _, err := Run(context.Background(), Env{DataDir: t.TempDir()}, []string{SuiteLawBench33}); err == nil {
		t.Errorf("missing data: no error")
	}
}

// TestNewSuitesRealData runs the four suites on the shared data's dev part
// and checks that they run and land in a sane range (not the exact numbers,
// which move as the rules improve). It skips without the data, except under
// CI=true.
func TestNewSuitesRealData(t *testing.T) {
	dir := shareddata.Dir(t)
	shareddata.File(t, LawBench37File)
	shareddata.File(t, ChargeListFile)
	start := time.Now()
	rs, err := Run(context.Background(), Env{DataDir: dir}, []string{SuiteLawBench37, SuiteLawBench22, SuiteLawBench33, SuiteLeCaRDCharges})
	if err != nil {
		t.Fatal(err)
	}
	got := resultMap(rs)
	checks := []struct {
		key    string
		lo, hi float64
		n      int
	}{
		{"lawbench-3-7/accuracy", 0.5, 1, 287},
		{"lawbench-3-7/abstention", 0, 0.1, 287},
		{"lawbench-2-2/accuracy/nb-5fold", 0.25, 1, 304},
		{"lawbench-2-2/accuracy/majority-5fold", 0.1, 0.3, 304},
		{"lawbench-3-3/f1/set", 0.25, 1, 301},
		{"lecard-charges/f1/set", 0.1, 1, 70},
	}
	for _, c := range checks {
		r, ok := got[c.key]
		if !ok || r.Value < c.lo || r.Value > c.hi || r.N != c.n {
			t.Errorf("%s = %+v; want a value in [%v, %v] over n=%d", c.key, r, c.lo, c.hi, c.n)
		}
	}
	if nb, maj := got["lawbench-2-2/accuracy/nb-5fold"].Value, got["lawbench-2-2/accuracy/majority-5fold"].Value; nb <= maj {
		t.Errorf("naive Bayes %.3f does not beat the majority class %.3f", nb, maj)
	}
	t.Logf("four suites in %v", time.Since(start))
}
