package rules

// These tests check every legal fact the transfer catalog (rules/crimes)
// states against the statutes corpus (national.jsonl): each crime's 刑法
// article exists and its name is an official charge name; every source
// marked in_corpus resolves, in the version in force, to a provision that
// contains its quote verbatim (modulo white space and zero-width
// characters); every figure of a threshold whose sources are all in the
// corpus is written in those quotes; every source marked in_corpus: false is
// really absent from the corpus; and every citation an assessment can emit
// resolves. Locally they skip when the data folder is missing; under CI=true
// they fail.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/cailiang/cailiang/corpus/shareddata"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
)

// crimeLaws lists every law the transfer catalog and the transfer procedure
// cite; the statute fixture loads them.
func crimeLaws() map[string]bool {
	laws := map[string]bool{transferLaw: true, cfl: true, criminalLaw: true}
	for _, p := range transferProcedure {
		laws[p.Ref.Law] = true
	}
	c, err := LoadCrimes()
	if err != nil {
		return laws
	}
	for _, cr := range c.All() {
		for _, b := range cr.Basis() {
			laws[b.Law] = true
		}
	}
	return laws
}

// squash normalises text for quote comparison: full-width forms folded,
// zero-width characters and all white space removed.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, nlp.NormalizeText(s))
}

// quoteProblems reports the fragments of quote (split at ……) missing from text.
func quoteProblems(text, quote string) []string {
	var out []string
	t := squash(text)
	for _, frag := range strings.Split(quote, "……") {
		if f := squash(frag); f != "" && !strings.Contains(t, f) {
			out = append(out, frag)
		}
	}
	return out
}

// figureWritten reports whether the value of a measure is written in text:
// yuan amounts as 五万元/5万元/50000元, percentages as 百分之十/10%, counts
// as a numeral followed by one of the measure's unit words (三吨, 10亩, 十名).
func figureWritten(text string, m Measure, v float64) bool {
	text = squash(text)
	if m.Yuan {
		return hasYuan(text, v)
	}
	if v != math.Trunc(v) {
		return false
	}
	n := int64(v)
	nums := []string{nlp.FormatChineseInt(n), strconv.FormatInt(n, 10)}
	if strings.HasPrefix(nums[0], "二") {
		nums = append(nums, "两"+strings.TrimPrefix(nums[0], "二"))
	}
	for _, u := range m.Units {
		if u == "%" {
			if containsNumber(text, "百分之"+nums[0]) || containsNumber(text, nums[1]+"%") {
				return true
			}
			continue
		}
		for _, num := range nums {
			if containsNumber(text, num+u) {
				return true
			}
		}
	}
	return false
}

func TestCrimesAgainstStatutes(t *testing.T) {
	c, err := LoadCrimes()
	if err != nil {
		t.Fatal(err)
	}
	fx := loadStatutes(t, crimeLaws())
	for _, cr := range c.All() {
		where := fmt.Sprintf("%s:%d: crime %s", cr.file, cr.line, cr.ID)
		if _, err := fx.resolve(cr.Ref()); err != nil {
			t.Errorf("%s: %s does not resolve in the version in force: %v", where, cr.ArticleLabel(), err)
		}
		if !strings.Contains(fx.charges, nlp.NormalizeText(cr.Name)) {
			t.Errorf("%s: %s is not a charge name in the 罪名 determinations", where, cr.Name)
		}
		for i := range cr.Thresholds {
			th := &cr.Thresholds[i]
			tw := fmt.Sprintf("%s:%d: crime %s: threshold %q", cr.file, th.line, cr.ID, th.Text)
			allIn := true
			var quotes []string
			for _, s := range th.Sources {
				if !s.InCorpus {
					allIn = false
					continue
				}
				res, err := fx.resolve(*s.Ref)
				if err != nil {
					t.Errorf("%s: source %s does not resolve in the version in force: %v", tw, refLabel(*s.Ref), err)
					continue
				}
				for _, frag := range quoteProblems(res.Text, s.Quote) {
					t.Errorf("%s: quoted text %q is not in %s", tw, frag, res.Label)
				}
				quotes = append(quotes, s.Quote)
			}
			if !allIn {
				// Figures of a threshold with a source outside the corpus
				// come from that source and cannot be checked here.
				continue
			}
			for _, cd := range th.Conditions() {
				if cd.Measure == "" || cd.Computed != "" {
					continue
				}
				m := measureByName[cd.Measure]
				if !figureWritten(strings.Join(quotes, "\n"), m, cd.GTE) {
					t.Errorf("%s: %s %v is not written in the quoted sources", tw, m.Label, cd.GTE)
				}
			}
		}
	}
}

// TestTransferCitationsResolve resolves every citation an assessment can
// emit (Basis of every crime, the transfer rules) and checks the quoted
// words of every procedure step.
func TestTransferCitationsResolve(t *testing.T) {
	c, err := LoadCrimes()
	if err != nil {
		t.Fatal(err)
	}
	fx := loadStatutes(t, crimeLaws())
	seen := map[legal.Ref]bool{}
	for _, cr := range c.All() {
		for _, b := range cr.Basis() {
			if seen[b.Ref] {
				continue
			}
			seen[b.Ref] = true
			if _, err := fx.resolve(b.Ref); err != nil {
				t.Errorf("basis %s (%s, crime %s) does not resolve: %v", refLabel(b.Ref), b.Role, cr.ID, err)
			}
		}
	}
	for _, p := range transferProcedure {
		res, err := fx.resolve(p.Ref)
		if err != nil {
			t.Errorf("procedure %s does not resolve: %v", refLabel(p.Ref), err)
			continue
		}
		for _, frag := range quoteProblems(res.Text, p.Quote) {
			t.Errorf("procedure: quoted text %q is not in %s", frag, res.Label)
		}
	}
	// 行政处罚法 第二十七条 is the statute's own duty to transfer.
	res, err := fx.resolve(legal.Ref{Law: cfl, Article: 27, Paragraph: 1})
	if err != nil {
		t.Fatal(err)
	}
	if probs := quoteProblems(res.Text, "违法行为涉嫌犯罪的，行政机关应当及时将案件移送司法机关，依法追究刑事责任"); len(probs) > 0 {
		t.Errorf("行政处罚法第二十七条第一款 = %q", res.Text)
	}
}

// TestCrimeSourcesOutsideCorpus checks that every source marked in_corpus:
// false is really not in national.jsonl (by short name or title), so the
// flag never hides a text we could have verified.
func TestCrimeSourcesOutsideCorpus(t *testing.T) {
	c, err := LoadCrimes()
	if err != nil {
		t.Fatal(err)
	}
	path := shareddata.File(t, "statutes_lawrefbook/national.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	key := func(s string) string {
		return strings.TrimPrefix(squash(s), "中华人民共和国")
	}
	names := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		var rec struct {
			Law   string `json:"law"`
			Title string `json:"title"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		names[key(rec.Law)] = true
		names[key(rec.Title)] = true
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	outside := 0
	for _, cr := range c.All() {
		for i := range cr.Thresholds {
			for _, s := range cr.Thresholds[i].Sources {
				if s.InCorpus {
					continue
				}
				outside++
				if names[key(s.Title)] {
					t.Errorf("%s:%d: crime %s: source %q is in the corpus: cite it with ref and in_corpus: true", cr.file, cr.Thresholds[i].line, cr.ID, s.Title)
				}
			}
		}
	}
	if outside == 0 {
		t.Error("no source outside the corpus: the check has nothing to check")
	}
}

// TestFigureWritten pins the figure check.
func TestFigureWritten(t *testing.T) {
	tests := []struct {
		text    string
		measure string
		v       float64
		want    bool
	}{
		{"非法排放、倾倒、处置危险废物三吨以上的", MeasureHazardousWaste, 3, true},
		{"非法排放、倾倒、处置危险废物十三吨以上的", MeasureHazardousWaste, 3, false},
		{"非法占用基本农田5亩以上", MeasureBasicFarmland, 5, true},
		{"占应纳税额百分之十以上", MeasureTaxRatio, 10, true},
		{"占应纳税额百分之十五以上", MeasureTaxRatio, 10, false},
		{"二年内曾因非法采矿受过两次以上行政处罚", MeasurePriorPenalties, 2, true},
		{"造成死亡一人以上", MeasureDeaths, 1, true},
		{"违法所得或者致使公私财产损失三十万元以上的", MeasureDirectLoss, 300000, true},
		{"拒不支付十名以上劳动者", MeasureWorkers, 10, true},
	}
	for _, tt := range tests {
		if got := figureWritten(tt.text, measureByName[tt.measure], tt.v); got != tt.want {
			t.Errorf("figureWritten(%q, %s, %v) = %v; want %v", tt.text, tt.measure, tt.v, got, tt.want)
		}
	}
}
