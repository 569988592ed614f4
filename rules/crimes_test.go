package rules

import (
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cailiang/cailiang/nlp"
)

// testCrimes is a small catalog for boundary tests.
const testCrimes = `crimes:
  - id: fake
    name: 生产、销售伪劣产品罪
    article: 140
    cues: [以假充真]
    benchmarks: [prod-50-adulterate]
    thresholds:
      - text: 销售金额五万元以上
        measure: sales_amount
        gte: 50000
        sources:
          - {ref: {law: 刑法, article: 140}, quote: 销售金额五万元以上, in_corpus: true}
  - id: tax
    name: 逃税罪
    article: 201
    benchmarks: [tax-63-evasion]
    thresholds:
      - text: 逃避缴纳税款十万元以上并且占应纳税额百分之十以上
        all:
          - {measure: tax_evaded, gte: 100000}
          - {measure: tax_ratio, gte: 10}
        sources:
          - {ref: {law: 刑法, article: 201, paragraph: 1}, quote: 百分之十以上, in_corpus: true}
  - id: drunk
    name: 危险驾驶罪
    article: 133
    suffix: 1
    cues: [追逐竞驶]
    thresholds:
      - text: 醉酒驾驶机动车
        cues: [醉酒驾驶]
        sources:
          - {ref: {law: 刑法, article: 133, suffix: 1}, quote: 醉酒驾驶机动车的, in_corpus: true}
      - text: 追逐竞驶，情节恶劣
        all:
          - {cues: [追逐竞驶], label: 追逐竞驶}
          - {cues: [情节恶劣], label: 情节是否恶劣}
        sources:
          - {ref: {law: 刑法, article: 133, suffix: 1}, quote: 追逐竞驶，情节恶劣的, in_corpus: true}
  - id: accident
    name: 重大责任事故罪
    article: 134
    cues: [安全事故]
    thresholds:
      - text: 造成死亡一人以上
        measure: deaths
        gte: 1
        sources:
          - {title: 立案追诉标准, doc_no: 公通字〔2008〕36号, point: 第八条, in_corpus: false}
`

func loadTestCrimes(t *testing.T) *Crimes {
	t.Helper()
	c, err := LoadCrimesFS(fstest.MapFS{"test.yaml": {Data: []byte(testCrimes)}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestTransferBoundaries(t *testing.T) {
	c := loadTestCrimes(t)
	tests := []struct {
		name  string
		sales float64
		near  float64
		want  string
	}{
		{"exactly at threshold", 50000, 0, RiskLikely},
		{"above", 60000, 0, RiskLikely},
		{"80 percent", 40000, 0, RiskNear},
		{"79.9 percent", 39950, 0, RiskNone},
		{"just below", 49999.99, 0, RiskNear},
		{"custom near 10 percent, at 90", 45000, 0.1, RiskNear},
		{"custom near 10 percent, at 85", 42500, 0.1, RiskNone},
		{"custom near 30 percent, at 75", 37500, 0.3, RiskNear},
		{"invalid near means default", 40000, 1.5, RiskNear},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.Assess(TransferInput{Measures: map[string]float64{MeasureSalesAmount: tt.sales}, Benchmarks: []string{"prod-50-adulterate"}}, TransferOptions{Near: tt.near})
			if got.Risk != tt.want {
				t.Fatalf("risk = %s; want %s (%+v)", got.Risk, tt.want, got)
			}
			if got.Crime != "生产、销售伪劣产品罪" || got.Article != "刑法第一百四十条" || got.Threshold != "销售金额五万元以上" {
				t.Errorf("crime, article, threshold = %s, %s, %s", got.Crime, got.Article, got.Threshold)
			}
			if len(got.Missing) != 0 {
				t.Errorf("missing = %v; want none", got.Missing)
			}
			switch tt.want {
			case RiskLikely:
				want := Crossing{Measure: MeasureSalesAmount, Label: "销售金额", Value: tt.sales, Threshold: 50000}
				if len(got.Crossed) != 1 || got.Crossed[0] != want {
					t.Errorf("crossed = %+v; want [%+v]", got.Crossed, want)
				}
				if len(got.Procedure) == 0 {
					t.Error("likely transfer without procedure")
				}
			case RiskNear:
				if len(got.Near) != 1 || got.Near[0].Value != tt.sales {
					t.Errorf("near = %+v", got.Near)
				}
			case RiskNone:
				if len(got.Procedure) != 0 {
					t.Errorf("procedure for risk none: %v", got.Procedure)
				}
			}
		})
	}
}

func TestTransferAllConditions(t *testing.T) {
	c := loadTestCrimes(t)
	tests := []struct {
		name     string
		measures map[string]float64
		want     string
		missing  []string
	}{
		{"both met", map[string]float64{MeasureTaxEvaded: 150000, MeasureTaxRatio: 12}, RiskLikely, nil},
		{"amount met, ratio below band", map[string]float64{MeasureTaxEvaded: 150000, MeasureTaxRatio: 5}, RiskNone, nil},
		{"amount met, ratio near", map[string]float64{MeasureTaxEvaded: 150000, MeasureTaxRatio: 9}, RiskNear, nil},
		{"amount met, ratio unknown", map[string]float64{MeasureTaxEvaded: 150000}, RiskNear, []string{"逃税额占应纳税额的百分比"}},
		{"both unknown", nil, RiskNone, []string{"逃避缴纳税款数额", "逃税额占应纳税额的百分比"}},
		{"amount below band", map[string]float64{MeasureTaxEvaded: 50000, MeasureTaxRatio: 50}, RiskNone, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.Assess(TransferInput{Measures: tt.measures, Benchmarks: []string{"tax-63-evasion"}}, TransferOptions{})
			if got.Risk != tt.want || got.Crime != "逃税罪" {
				t.Fatalf("risk, crime = %s, %s; want %s, 逃税罪", got.Risk, got.Crime, tt.want)
			}
			if strings.Join(got.Missing, "|") != strings.Join(tt.missing, "|") {
				t.Errorf("missing = %v; want %v", got.Missing, tt.missing)
			}
			if tt.want == RiskLikely && len(got.Crossed) != 2 {
				t.Errorf("crossed = %+v; want both conditions", got.Crossed)
			}
		})
	}
}

func TestTransferCuesAndNegation(t *testing.T) {
	c := loadTestCrimes(t)
	tests := []struct {
		text, crime, risk string
	}{
		{"当事人醉酒驾驶机动车在道路上行驶。", "危险驾驶罪", RiskLikely},
		{"经检测，当事人未醉酒驾驶，属饮酒后驾驶。", "", RiskNone},
		{"当事人没有醉酒驾驶。", "", RiskNone},
		{"当事人在道路上追逐竞驶。", "危险驾驶罪", RiskNear},
		{"当事人在道路上追逐竞驶，情节恶劣。", "危险驾驶罪", RiskLikely},
		{"当事人否认追逐竞驶。", "", RiskNone},
		{"发生一起安全事故，未造成人员伤亡。", "重大责任事故罪", RiskNone},
		{"事故未造成安全事故后果。", "", RiskNone},
		{"商户以假充真销售商品。", "生产、销售伪劣产品罪", RiskNone},
		{"与本案无关的文字。", "", RiskNone},
	}
	for _, tt := range tests {
		got := c.Assess(TransferInput{Text: tt.text}, TransferOptions{})
		if got.Crime != tt.crime || got.Risk != tt.risk {
			t.Errorf("%s: crime, risk = %q, %s; want %q, %s", tt.text, got.Crime, got.Risk, tt.crime, tt.risk)
		}
	}
	// A cue in a candidate found by cue only lists what is missing.
	got := c.Assess(TransferInput{Text: "发生一起安全事故。"}, TransferOptions{})
	if got.Crime != "重大责任事故罪" || strings.Join(got.Missing, "|") != "死亡人数" {
		t.Errorf("crime, missing = %s, %v; want 重大责任事故罪, [死亡人数]", got.Crime, got.Missing)
	}
	if len(got.Candidates) != 1 || got.Candidates[0].Via != "cue:安全事故" {
		t.Errorf("candidates = %+v", got.Candidates)
	}
}

func TestTransferCandidateOrder(t *testing.T) {
	c := loadTestCrimes(t)
	// Both near-zero: benchmark rank decides; then risk beats rank.
	got := c.Assess(TransferInput{Benchmarks: []string{"tax-63-evasion", "prod-50-adulterate"}}, TransferOptions{})
	if got.Crime != "逃税罪" || len(got.Candidates) != 2 || got.Candidates[1].Crime != "生产、销售伪劣产品罪" {
		t.Fatalf("order by benchmark rank: %+v", got.Candidates)
	}
	got = c.Assess(TransferInput{Benchmarks: []string{"tax-63-evasion", "prod-50-adulterate"}, Measures: map[string]float64{MeasureSalesAmount: 80000}}, TransferOptions{})
	if got.Crime != "生产、销售伪劣产品罪" || got.Risk != RiskLikely || got.Candidates[1].Crime != "逃税罪" {
		t.Fatalf("risk first: %+v", got.Candidates)
	}
	if got.Candidates[0].Via != "benchmark:prod-50-adulterate" {
		t.Errorf("via = %s", got.Candidates[0].Via)
	}
	// Cue-only candidates rank after benchmark candidates of equal risk.
	got = c.Assess(TransferInput{Text: "发生安全事故", Benchmarks: []string{"tax-63-evasion"}}, TransferOptions{})
	if len(got.Candidates) != 2 || got.Candidates[0].Crime != "逃税罪" || got.Candidates[1].Crime != "重大责任事故罪" {
		t.Fatalf("cue candidates after benchmark ones: %+v", got.Candidates)
	}
	// Unknown benchmark ids are ignored.
	got = c.Assess(TransferInput{Benchmarks: []string{"no-such-benchmark"}}, TransferOptions{})
	if got.Risk != RiskNone || len(got.Candidates) != 0 {
		t.Errorf("unknown benchmark: %+v", got)
	}
}

func TestTransferJSONHasNoNull(t *testing.T) {
	c, err := LoadCrimes()
	if err != nil {
		t.Fatal(err)
	}
	inputs := []TransferInput{
		{},
		{Text: "与本案无关"},
		{Benchmarks: []string{"tax-63-evasion"}},
		{Benchmarks: []string{"prod-50-adulterate"}, Measures: map[string]float64{MeasureSalesAmount: 60000}},
		{Text: "当事人醉酒驾驶机动车"},
	}
	for _, in := range inputs {
		raw, err := json.Marshal(c.Assess(in, TransferOptions{}))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(raw), "null") {
			t.Errorf("%+v: JSON has null: %s", in, raw)
		}
		var shape map[string]any
		if err := json.Unmarshal(raw, &shape); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"risk", "crime", "article", "threshold", "crossed", "missing", "basis", "sources", "procedure", "candidates"} {
			if _, ok := shape[k]; !ok {
				t.Errorf("%+v: JSON lacks %q: %s", in, k, raw)
			}
		}
	}
	raw, _ := json.Marshal(Transfer{}.Normalized())
	if strings.Contains(string(raw), "null") || !strings.Contains(string(raw), `"risk":"none"`) {
		t.Errorf("zero Transfer normalised = %s", raw)
	}
}

func TestTransferBuiltinExamples(t *testing.T) {
	c, err := LoadCrimes()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		in       TransferInput
		crime    string
		risk     string
		basisLaw string
	}{
		{"unsold goods attempt", TransferInput{Benchmarks: []string{"prod-50-adulterate"}, Measures: map[string]float64{MeasureGoodsValue: 160000}},
			"生产、销售伪劣产品罪", RiskLikely, "最高人民法院、最高人民检察院关于办理生产、销售伪劣商品刑事案件具体应用法律若干问题的解释"},
		{"hazardous waste", TransferInput{Benchmarks: []string{"waste-112-hw-storage"}, Measures: map[string]float64{MeasureHazardousWaste: 3}},
			"污染环境罪", RiskLikely, "最高人民法院、最高人民检察院关于办理环境污染刑事案件适用法律若干问题的解释"},
		{"heavy metal needs the metal", TransferInput{Text: "外排废水总镉超标", Benchmarks: []string{"water-83-excess"}, Measures: map[string]float64{MeasureExceedMultiple: 4, MeasureHeavyMetalA: 4, MeasureHeavyMetalOver: 1}},
			"污染环境罪", RiskLikely, ""},
		// 化学需氧量 over its standard, however far, meets no threshold of the
		// 2023 interpretation: only the heavy metals of 第一条第三、四项 count.
		{"4x without metal named is not crossed", TransferInput{Text: "外排废水化学需氧量超标", Benchmarks: []string{"water-83-excess"}, Measures: map[string]float64{MeasureExceedMultiple: 4}},
			"污染环境罪", RiskNone, ""},
		{"drunk driving by blood alcohol", TransferInput{Benchmarks: []string{"traffic-91-drink-driving"}, Measures: map[string]float64{MeasureBloodAlcohol: 85}},
			"危险驾驶罪", RiskLikely, ""},
		{"accident death", TransferInput{Benchmarks: []string{"safety-114-general-accident"}, Measures: map[string]float64{MeasureDeaths: 1}},
			"重大责任事故罪", RiskLikely, "最高人民法院、最高人民检察院关于办理危害生产安全刑事案件适用法律若干问题的解释"},
		{"farmland", TransferInput{Benchmarks: []string{"land-77-illegal-occupation"}, Measures: map[string]float64{MeasureBasicFarmland: 4.5}},
			"非法占用农用地罪", RiskNear, ""},
		{"toxic food by cue", TransferInput{Text: "当事人在卤肉中添加罂粟壳", Benchmarks: []string{"food-124-spoiled"}},
			"生产、销售有毒、有害食品罪", RiskLikely, ""},
		{"theft floor", TransferInput{Benchmarks: []string{"police-49-theft"}, Text: "盗窃电动车一辆", Measures: map[string]float64{MeasurePropertyValue: 1200}},
			"盗窃罪", RiskLikely, ""},
		{"wages without order", TransferInput{Benchmarks: []string{"wage-54-payroll"}, Measures: map[string]float64{MeasureWagesOwed: 40000, MeasureWorkers: 12}},
			"拒不支付劳动报酬罪", RiskNear, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.Assess(tt.in, TransferOptions{})
			if got.Crime != tt.crime || got.Risk != tt.risk {
				t.Fatalf("crime, risk = %s, %s; want %s, %s (threshold %s, missing %v)", got.Crime, got.Risk, tt.crime, tt.risk, got.Threshold, got.Missing)
			}
			if got.Basis[0].Law != "刑法" || got.Basis[0].Role != RoleCrime {
				t.Errorf("first basis = %+v; want the 刑法 article", got.Basis[0])
			}
			if tt.basisLaw != "" {
				found := false
				for _, b := range got.Basis {
					found = found || (b.Law == tt.basisLaw && b.Role == RoleThreshold)
				}
				if !found {
					t.Errorf("basis %+v lacks %s", got.Basis, tt.basisLaw)
				}
			}
			for _, s := range got.Sources {
				if s.Title == "" || (s.InCorpus && s.Quote == "") {
					t.Errorf("source %+v incomplete", s)
				}
			}
		})
	}
	// The wage case must say what is missing: the order to pay.
	got := c.Assess(TransferInput{Benchmarks: []string{"wage-54-payroll"}, Measures: map[string]float64{MeasureWagesOwed: 40000, MeasureWorkers: 12}}, TransferOptions{})
	if !strings.Contains(strings.Join(got.Missing, "|"), "责令支付仍不支付") {
		t.Errorf("missing = %v; want the order to pay", got.Missing)
	}
}

func TestCrimesLoadErrors(t *testing.T) {
	good := `crimes:
  - id: a
    name: 盗窃罪
    article: 264
    thresholds:
      - text: x
        measure: property_value
        gte: 1000
        sources:
          - {ref: {law: 刑法, article: 264}, quote: 数额较大, in_corpus: true}
`
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown measure", strings.Replace(good, "property_value", "nonsense", 1), "bad.yaml:6: crime a: threshold 1: unknown measure"},
		{"unknown field", strings.Replace(good, "gte: 1000", "gte: 1000\n        bogus: 1", 1), "bad.yaml: yaml: unmarshal errors:\n  line 9: field bogus not found"},
		{"not a charge name", strings.Replace(good, "盗窃罪", "盗窃", 1), "bad.yaml:2: crime a: name must be the charge name"},
		{"no source", strings.Replace(good, "        sources:\n          - {ref: {law: 刑法, article: 264}, quote: 数额较大, in_corpus: true}\n", "", 1), "bad.yaml:6: crime a: threshold 1: at least one source"},
		{"in corpus without ref", strings.Replace(good, "{ref: {law: 刑法, article: 264}, quote: 数额较大, in_corpus: true}", "{quote: 数额较大, in_corpus: true}", 1), "bad.yaml:6: crime a: threshold 1: source 1: a source in the corpus needs ref"},
		{"outside corpus without title", strings.Replace(good, "{ref: {law: 刑法, article: 264}, quote: 数额较大, in_corpus: true}", "{point: 第一条, in_corpus: false}", 1), "bad.yaml:6: crime a: threshold 1: source 1: a source outside the corpus needs title"},
		{"zero gte", strings.Replace(good, "gte: 1000", "gte: 0", 1), "bad.yaml:6: crime a: threshold 1: measure property_value needs gte > 0"},
		{"no form", strings.Replace(good, "        measure: property_value\n        gte: 1000\n", "", 1), "bad.yaml:6: crime a: threshold 1: needs measure and gte, cues, or all"},
		{"cue in all without label", strings.Replace(good, "        measure: property_value\n        gte: 1000\n", "        all:\n          - {measure: property_value, gte: 1000}\n          - {cues: [扒窃]}\n", 1), "bad.yaml:6: crime a: threshold 1: condition 2: a qualitative condition inside all needs a label"},
		{"duplicate id", good + strings.TrimPrefix(good, "crimes:\n"), "bad.yaml:11: duplicate crime id a (first at bad.yaml:2)"},
		{"unknown top-level key", good + "benchmarks: []\n", `bad.yaml: unknown key "benchmarks" (only "crimes")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadCrimesFS(fstest.MapFS{"bad.yaml": {Data: []byte(tt.yaml)}})
			if err == nil {
				t.Fatalf("no error; want %q", tt.want)
			}
			if !errors.Is(err, ErrCrimeCatalog) {
				t.Errorf("error %v does not wrap ErrCrimeCatalog", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v; want it to contain %q", err, tt.want)
			}
		})
	}
	if _, err := LoadCrimesFS(fstest.MapFS{"good.yaml": {Data: []byte(good)}}); err != nil {
		t.Errorf("good catalog: %v", err)
	}
	if _, err := LoadCrimesFS(fstest.MapFS{}); !errors.Is(err, ErrCrimeCatalog) {
		t.Errorf("empty catalog: %v", err)
	}
}

// TestCrimesCoverBenchmarkTransfers checks that every crime a benchmark's
// transfer field names is in the transfer catalog and linked back to that
// benchmark, and that every benchmark id the catalog names exists.
func TestCrimesCoverBenchmarkTransfers(t *testing.T) {
	c, err := LoadCrimes()
	if err != nil {
		t.Fatal(err)
	}
	cat, err := LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.CheckBenchmarks(cat); err != nil {
		t.Error(err)
	}
	part := regexp.MustCompile(`^([^（(]+罪)[（(]刑法(第[^）)]+条(?:之[一二三四五六七八九十]+)?)[）)]$`)
	for _, b := range cat.All() {
		if b.Transfer == "" {
			continue
		}
		for _, p := range strings.Split(b.Transfer, "；") {
			m := part.FindStringSubmatch(strings.TrimSpace(p))
			if m == nil {
				t.Errorf("%s: transfer %q unreadable", b.ID, p)
				continue
			}
			linked := false
			for _, cr := range c.ForBenchmark(b.ID) {
				if cr.Name == m[1] {
					linked = true
					if !strings.HasPrefix("刑法"+strings.TrimPrefix(cr.ArticleLabel(), "刑法"), "刑法"+m[2]) {
						t.Errorf("%s: %s is %s in the transfer catalog, %s in the benchmark", b.ID, cr.Name, cr.ArticleLabel(), m[2])
					}
				}
			}
			if !linked {
				t.Errorf("benchmark %s names %s; no crime of that name in rules/crimes lists it", b.ID, m[1])
			}
		}
	}
	if err := c.CheckBenchmarks(&Catalog{benchmarks: map[string]*Benchmark{}}); !errors.Is(err, ErrUnknownBenchmark) {
		t.Errorf("CheckBenchmarks(empty) = %v; want ErrUnknownBenchmark", err)
	}
}

func TestMeasures(t *testing.T) {
	labels := map[string]bool{}
	for _, m := range measures {
		if m.Label == "" || labels[m.Label] {
			t.Errorf("measure %s: label %q empty or duplicate", m.Name, m.Label)
		}
		labels[m.Label] = true
		if !m.Yuan && !m.Flag && len(m.Units) == 0 {
			t.Errorf("measure %s: no unit words", m.Name)
		}
	}
	if l, ok := MeasureLabel(MeasureBloodAlcohol); !ok || !strings.Contains(l, "毫克/100毫升") {
		t.Errorf("MeasureLabel(blood_alcohol) = %q, %v", l, ok)
	}
	if _, ok := MeasureLabel("nonsense"); ok {
		t.Error("unknown measure has a label")
	}
	c, err := LoadCrimes()
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() < 25 {
		t.Errorf("%d crimes; want at least 25", c.Len())
	}
	if _, err := c.Get("no-such"); !errors.Is(err, ErrUnknownCrime) {
		t.Errorf("Get(no-such) = %v", err)
	}
}

// TestCueScanAgreesWithSearch checks the one-pass opening scan against
// searching the text for each cue: for every cue of the catalog, in texts
// that state it, deny it, split it or hold none of it, both agree.
func TestCueScanAgreesWithSearch(t *testing.T) {
	c, err := LoadCrimes()
	if err != nil {
		t.Fatal(err)
	}
	cues := c.allCues()
	texts := []string{"", "当事人于2025年3月在其门店销售商品。", "ＡＢＣ醉酒驾驶", "醉"}
	for _, q := range cues {
		body := strings.ReplaceAll(strings.ReplaceAll(nlp.NormalizeText(q.Text()), "……", "了"), "…", "了")
		texts = append(texts, "经查，当事人"+body+"。", "未"+body, body, "当事人"+string([]rune(body)[:1]))
	}
	found := 0
	for _, text := range texts {
		norm := nlp.NormalizeText(text)
		scan := c.openings.Scan(norm)
		for _, q := range cues {
			_, got := scan.Find([]nlp.Cue{q})
			if want := q.In(norm); got != want {
				t.Errorf("cue %q in %q: scan says %v, search %v", q.Text(), norm, got, want)
			}
			if got {
				found++
			}
		}
	}
	if found < len(cues) {
		t.Errorf("only %d cue hits over %d cues: the texts do not exercise the scan", found, len(cues))
	}
}
