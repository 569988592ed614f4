package rules

import (
	"errors"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cailiang/cailiang/legal"
)

func num(v float64) *float64 { return &v }

func mustCatalog(t testing.TB) *Catalog {
	t.Helper()
	c, err := LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func hasBasis(s Suggestion, law string, article, paragraph int) bool {
	for _, b := range s.Basis {
		if b.Law == law && b.Article == article && (paragraph == 0 || b.Paragraph == paragraph) {
			return true
		}
	}
	return false
}

func TestNationalRules(t *testing.T) {
	c := mustCatalog(t)
	const id = "food-124-expired"
	gv := num(20000)
	tests := []struct {
		name      string
		facts     Facts
		disp      legal.Disposition
		level     string // "" means null
		basisArt  int
		basisPara int
		fine      bool
	}{
		{"plain", Facts{GoodsValue: gv}, legal.DispositionPenalty, LevelNormal, 34, 0, true},
		{"under 14", Facts{GoodsValue: gv, PartyKind: "个人", Age: num(13)}, legal.DispositionNone, "", 30, 0, false},
		{"age 14 must be lighter", Facts{GoodsValue: gv, PartyKind: "个人", Age: num(14)}, legal.DispositionLighterOrMitigated, LevelLighter, 30, 0, true},
		{"age 17.9", Facts{GoodsValue: gv, PartyKind: "个人", Age: num(17.9)}, legal.DispositionLighterOrMitigated, LevelLighter, 30, 0, true},
		{"age 18 adult", Facts{GoodsValue: gv, PartyKind: "个人", Age: num(18)}, legal.DispositionPenalty, LevelNormal, 34, 0, true},
		{"mental unable", Facts{GoodsValue: gv, MentalState: "unable"}, legal.DispositionNone, "", 31, 0, false},
		{"minor corrected no harm", Facts{GoodsValue: gv, MinorViolation: true, CorrectedInTime: true, NoHarm: true}, legal.DispositionNone, "", 33, 1, false},
		{"first slight corrected", Facts{GoodsValue: gv, FirstViolation: true, HarmSlight: true, CorrectedInTime: true}, legal.DispositionNone, "", 33, 1, false},
		{"no fault", Facts{GoodsValue: gv, NoFault: true}, legal.DispositionNone, "", 33, 2, false},
		{"self removed harm", Facts{GoodsValue: gv, SelfRemovedHarm: true}, legal.DispositionLighterOrMitigated, LevelLighter, 32, 0, true},
		{"coerced mitigate", Facts{GoodsValue: gv, Coerced: true, Mitigate: true}, legal.DispositionMitigated, LevelLighter, 57, 2, true},
		{"expired 2y", Facts{GoodsValue: gv, ActDate: "2020-01-01", DiscoveryDate: "2022-01-02"}, legal.DispositionExpired, "", 36, 1, false},
		{"within 2y", Facts{GoodsValue: gv, ActDate: "2020-01-01", DiscoveryDate: "2022-01-01"}, legal.DispositionPenalty, LevelNormal, 36, 1, true},
		{"5y life health harm", Facts{GoodsValue: gv, ActDate: "2020-01-01", DiscoveryDate: "2023-06-01", LifeHealth: true, HarmfulConsequence: true}, legal.DispositionPenalty, LevelNormal, 36, 1, true},
		{"continuing from end", Facts{GoodsValue: gv, ActDate: "2019-01-01", ActEndDate: "2021-06-01", DiscoveryDate: "2023-01-01"}, legal.DispositionPenalty, LevelNormal, 36, 2, true},
		{"repeat heavier", Facts{GoodsValue: gv, PriorPenalties2Y: num(1)}, legal.DispositionPenalty, LevelHeavier, 34, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := c.Suggest(id, tt.facts)
			if err != nil {
				t.Fatal(err)
			}
			if s.Disposition != tt.disp {
				t.Errorf("disposition %q; want %q (trace %+v)", s.Disposition, tt.disp, s.Trace)
			}
			gotLevel := ""
			if s.Level != nil {
				gotLevel = *s.Level
			}
			if gotLevel != tt.level {
				t.Errorf("level %q; want %q", gotLevel, tt.level)
			}
			law := "行政处罚法"
			if !hasBasis(s, law, tt.basisArt, tt.basisPara) {
				t.Errorf("basis %+v lacks %s 第%d条 第%d款", s.Basis, law, tt.basisArt, tt.basisPara)
			}
			if (s.Suggested != nil) != tt.fine {
				t.Errorf("suggested %+v; want fine %v", s.Suggested, tt.fine)
			}
			if tt.disp == legal.DispositionNone || tt.disp == legal.DispositionExpired {
				if len(s.Other) != 0 {
					t.Errorf("%s with other penalties %v", tt.disp, s.Other)
				}
			}
		})
	}
}

func TestMitigatedGoesBelowMinimum(t *testing.T) {
	c := mustCatalog(t)
	s, err := c.Suggest("food-124-expired", Facts{GoodsValue: num(5000), Confessed: true, Mitigate: true})
	if err != nil {
		t.Fatal(err)
	}
	if s.Suggested == nil || s.Suggested.FineMax > s.Statutory.FineMin || !s.Procedure.Collective {
		t.Fatalf("mitigated %+v statutory %+v collective %v", s.Suggested, s.Statutory, s.Procedure.Collective)
	}
	if len(s.Warnings) == 0 {
		t.Error("no warning for 减轻")
	}
}

func TestMissingBaseWarns(t *testing.T) {
	c := mustCatalog(t)
	s, err := c.Suggest("food-124-expired", Facts{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Statutory != nil || s.Suggested != nil {
		t.Fatalf("fine computed without goods value: %+v", s)
	}
	found := false
	for _, w := range s.Warnings {
		found = found || strings.Contains(w, "货值金额")
	}
	if !found {
		t.Errorf("warnings %v do not name 货值金额", s.Warnings)
	}
}

func TestBadFacts(t *testing.T) {
	c := mustCatalog(t)
	tests := []struct {
		name  string
		raw   string
		field string
	}{
		{"negative", `{"goods_value": -1}`, "goods_value"},
		{"wrong type", `{"goods_value": "一万"}`, "goods_value"},
		{"unknown field", `{"goods_valeu": 1}`, "goods_valeu"},
		{"absurd age", `{"age": 200}`, "age"},
		{"negative age", `{"age": -3}`, "age"},
		{"bad date", `{"act_date": "2024-02-30"}`, "act_date"},
		{"discovery before act", `{"act_date": "2024-02-01", "discovery_date": "2024-01-01"}`, "discovery_date"},
		{"undeclared flag", `{"flags": {"nope": true}}`, "flags.nope"},
		{"party kind", `{"party_kind": "公司"}`, "party_kind"},
		{"fractional count", `{"prior_penalties_2y": 1.5}`, "prior_penalties_2y"},
		{"unknown also_violates", `{"also_violates": ["no-such"]}`, "also_violates[0]"},
		{"huge", `{"goods_value": 1e300}`, "goods_value"},
		{"under a limit that is no base", `{"under": {"persons": 10}}`, "under"},
		{"under a non-positive limit", `{"under": {"goods_value": 0}}`, "under"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := DecodeFacts([]byte(tt.raw))
			if err == nil {
				_, err = c.Suggest("food-124-expired", f)
			}
			var fe *FactError
			if !errors.As(err, &fe) || fe.Field != tt.field || !errors.Is(err, ErrInvalidFacts) {
				t.Fatalf("err = %v; want FactError on %q", err, tt.field)
			}
		})
	}
	if _, err := c.Suggest("no-such-benchmark", Facts{}); !errors.Is(err, ErrUnknownBenchmark) {
		t.Errorf("unknown benchmark err = %v", err)
	}
}

func randomFacts(r *rand.Rand) Facts {
	f := Facts{}
	for _, p := range []**float64{&f.GoodsValue, &f.IllegalGains, &f.SalesAmount, &f.IllegalRevenue, &f.AdCost, &f.TaxEvaded, &f.WagesOwed, &f.ProjectCost} {
		if r.Intn(3) > 0 {
			v := []float64{0, 9999.99, 10000, 50000, 1e6}[r.Intn(5)] * (0.5 + r.Float64())
			*p = &v
		}
	}
	for _, p := range []**float64{&f.Quantity, &f.Persons, &f.Days, &f.Vehicles} {
		if r.Intn(2) == 0 {
			v := float64(1 + r.Intn(20))
			*p = &v
		}
	}
	f.Cooperated = r.Intn(3) == 0
	f.FirstViolation = r.Intn(3) == 0
	f.Serious = r.Intn(4) == 0
	if r.Intn(3) == 0 {
		f.PriorPenalties2Y = num(float64(r.Intn(3)))
	}
	return f
}

// TestProperties checks, over every benchmark and random facts: suggested ⊆
// statutory except under 减轻; adding an aggravating circumstance never
// lowers the suggested range; 不予处罚 and 超过时效 yield no fine and no
// other penalty.
func TestProperties(t *testing.T) {
	c := mustCatalog(t)
	r := rand.New(rand.NewSource(7))
	for _, b := range c.All() {
		for i := 0; i < 40; i++ {
			f := randomFacts(r)
			s, err := c.Suggest(b.ID, f)
			if err != nil {
				t.Fatalf("%s: %v", b.ID, err)
			}
			if s.Suggested != nil && s.Disposition != legal.DispositionMitigated {
				if s.Suggested.FineMin < s.Statutory.FineMin-1e-6 || s.Suggested.FineMax > s.Statutory.FineMax+1e-6 || s.Suggested.FineMin > s.Suggested.FineMax {
					t.Fatalf("%s: suggested %+v outside statutory %+v", b.ID, *s.Suggested, *s.Statutory)
				}
			}
			// Monotone in aggravating factors.
			g := f
			g.PriorPenalties2Y = num(1)
			if f.PriorPenalties2Y == nil || *f.PriorPenalties2Y == 0 {
				s2, err := c.Suggest(b.ID, g)
				if err != nil {
					t.Fatal(err)
				}
				if s.Suggested != nil && s2.Suggested != nil && (s2.Suggested.FineMin < s.Suggested.FineMin-1e-6 || s2.Suggested.FineMax < s.Suggested.FineMax-1e-6) {
					t.Fatalf("%s: aggravating factor lowered %+v to %+v", b.ID, *s.Suggested, *s2.Suggested)
				}
			}
			// 不予处罚 and 超过时效.
			n := f
			n.MinorViolation, n.CorrectedInTime, n.NoHarm = true, true, true
			sn, _ := c.Suggest(b.ID, n)
			e := f
			e.ActDate, e.DiscoveryDate = "2010-01-01", "2020-01-01"
			se, _ := c.Suggest(b.ID, e)
			for _, x := range []Suggestion{sn, se} {
				if b.Order != "" {
					// An administrative order is no penalty: 第三十三条 and
					// 第三十六条 do not end it.
					if x.Disposition != legal.DispositionOrder || (s.Statutory != nil) != (x.Statutory != nil) {
						t.Fatalf("%s: order answered %s with statutory %+v (without the circumstances: %+v)", b.ID, x.Disposition, x.Statutory, s.Statutory)
					}
					continue
				}
				if x.Suggested != nil || len(x.Other) != 0 || (x.Disposition != legal.DispositionNone && x.Disposition != legal.DispositionExpired) {
					t.Fatalf("%s: %s with fine %+v other %v", b.ID, x.Disposition, x.Suggested, x.Other)
				}
			}
		}
	}
}

func TestOneActOneFine(t *testing.T) {
	c := mustCatalog(t)
	s, err := c.Suggest("food-122-unlicensed", Facts{GoodsValue: num(20000), AlsoViolates: []string{"food-124-expired"}})
	if err != nil {
		t.Fatal(err)
	}
	if !hasBasis(s, "行政处罚法", 29, 0) {
		t.Errorf("no 第二十九条 in basis: %+v", s.Basis)
	}
}

func TestLoadErrorsNameFileAndLine(t *testing.T) {
	good := `benchmarks:
  - id: x-1
    name: 测试
    sector: 市场监管
    effective_from: 2021-01-01
    violated: [{law: 某法, article: 1}]
    penalty: {law: 某法, article: 2}
    penalties:
      - kind: 罚款
        fine: {range: {min: 1000, max: 5000}}
`
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown field", strings.Replace(good, "sector:", "sectr:", 1), "bad.yaml"},
		{"bad condition", good + "    factors:\n      - {id: f, name: 情节, when: \"goods_value > \", effect: heavier}\n", "bad.yaml:2"},
		{"non-bool condition", good + "    factors:\n      - {id: f, name: 情节, when: \"goods_value + 1\", effect: heavier}\n", "bad.yaml:2"},
		{"unknown name", good + "    factors:\n      - {id: f, name: 情节, when: \"good_value > 1\", effect: heavier}\n", "bad.yaml:2"},
		{"bad kind", strings.Replace(good, "kind: 罚款", "kind: 打板子", 1), "bad.yaml:2"},
		{"min over max", strings.Replace(good, "min: 1000, max: 5000", "min: 6000, max: 5000", 1), "bad.yaml:2"},
		{"multiple without base", strings.Replace(good, "range: {min: 1000, max: 5000}", "multiple: {min: 1, max: 3}", 1), "bad.yaml:2"},
		{"element without cues", good + "    requires:\n      - {label: 以次充好}\n", "bad.yaml:2"},
		{"element without label", good + "    excludes:\n      - {cues: [危险废物]}\n", "bad.yaml:2"},
		{"empty measure", good + "    requires:\n      - {label: 超载, measure: {name: excess_percent}}\n", "bad.yaml:2"},
		{"inverted measure", good + "    requires:\n      - {label: 超载, measure: {name: excess_percent, gte: 30, lt: 20}}\n", "bad.yaml:2"},
		{"unknown measure", good + "    requires:\n      - {label: 超载, measure: {name: overload, gte: 30}}\n", "bad.yaml:2"},
		{"yields to itself", good + "    yields_to: [某法]\n", "bad.yaml:2"},
		{"yields to unknown benchmark", good + "    yields_to: [x-2]\n", "bad.yaml:2"},
		{"misspelt element field", good + "    requires:\n      - {label: 超载, cue: [超载]}\n", "bad.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"bad.yaml": {Data: []byte(tt.yaml)}}
			_, err := Load(fsys)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v; want it to name %q", err, tt.want)
			}
		})
	}
	if _, err := Load(fstest.MapFS{"ok.yaml": {Data: []byte(good)}}); err != nil {
		t.Fatalf("good catalog: %v", err)
	}
	distinct := good + "    requires:\n      - {label: 超载, cues: [超载], measure: {name: excess_percent, gte: 30}}\n    excludes:\n      - {label: 危险废物, cues: [危废]}\n    yields_to: [药品管理法, x-1b]\n" +
		strings.Replace(good, "benchmarks:\n  - id: x-1", "  - id: x-1b", 1)
	if _, err := Load(fstest.MapFS{"ok.yaml": {Data: []byte(distinct)}}); err != nil {
		t.Fatalf("catalog with requires, excludes and yields_to: %v", err)
	}
	for _, cfg := range []string{"sector_cues:\n  治安: [民警]\n", "sector_cues:\n  公安: []\n", "sector_cues:\n  公安: [\"\"]\n"} {
		fsys := fstest.MapFS{"config.yaml": {Data: []byte(cfg)}, "ok.yaml": {Data: []byte(good)}}
		if _, err := Load(fsys); err == nil || !strings.Contains(err.Error(), "sector_cues") {
			t.Errorf("config %q: err = %v, want a sector_cues error", cfg, err)
		}
	}
}

func BenchmarkSuggest(b *testing.B) {
	c := mustCatalog(b)
	f := Facts{GoodsValue: num(20000), Cooperated: true, PartyKind: "单位", ActDate: "2024-01-01", DiscoveryDate: "2024-02-01"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := c.Suggest("food-124-expired", f); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadCatalog(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := LoadBuiltin(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestLimitationOverridesAndLawInForce(t *testing.T) {
	c := mustCatalog(t)
	var police, tax string
	for _, b := range c.All() {
		if b.PenaltyRef.Law == "治安管理处罚法" && police == "" {
			police = b.ID
		}
		if b.PenaltyRef.Law == "税收征收管理法" && tax == "" {
			tax = b.ID
		}
	}
	if police == "" || tax == "" {
		t.Fatal("catalog lacks 治安 or 税收 benchmarks")
	}
	tests := []struct {
		id, act, disc string
		want          legal.Disposition
		basisLaw      string
		basisArt      int
	}{
		{police, "2024-01-01", "2024-07-02", legal.DispositionExpired, "治安管理处罚法", 22},
		{police, "2024-01-01", "2024-06-30", "", "治安管理处罚法", 22},
		{tax, "2019-01-01", "2023-06-01", "", "税收征收管理法", 86},
		{tax, "2019-01-01", "2024-01-02", legal.DispositionExpired, "税收征收管理法", 86},
	}
	for _, tt := range tests {
		s, err := c.Suggest(tt.id, Facts{ActDate: tt.act, DiscoveryDate: tt.disc})
		if err != nil {
			t.Fatal(err)
		}
		if (tt.want == legal.DispositionExpired) != (s.Disposition == legal.DispositionExpired) {
			t.Errorf("%s %s→%s: disposition %s; want expired=%v", tt.id, tt.act, tt.disc, s.Disposition, tt.want == legal.DispositionExpired)
		}
		if !hasBasis(s, tt.basisLaw, tt.basisArt, 0) {
			t.Errorf("%s: basis lacks %s 第%d条", tt.id, tt.basisLaw, tt.basisArt)
		}
	}
	// An act before the benchmark's law took effect is flagged under 第三十七条.
	s, err := c.Suggest("food-124-expired", Facts{GoodsValue: num(100), ActDate: "2019-01-01", DiscoveryDate: "2020-01-01"})
	if err != nil {
		t.Fatal(err)
	}
	if !hasBasis(s, "行政处罚法", 37, 0) {
		t.Errorf("no 第三十七条 for an act before the law took effect: %+v", s.Basis)
	}
}

// TestConditionalBrackets: when the facts leave the fine open (a base not
// stated, 逾期不改正 not established), the answer
// lists each bracket with its condition and the facts to establish; once
// the facts settle it, the list is empty and the statutory range is given.
func TestConditionalBrackets(t *testing.T) {
	c := mustCatalog(t)
	ten := 20000.0
	tests := []struct {
		name      string
		id        string
		facts     Facts
		want      []ConditionalFine
		statutory *Range
	}{
		{"goods value not stated", "food-124-expired", Facts{}, []ConditionalFine{
			{When: "货值金额不足10000元", Range: &Range{50000, 100000}, Establish: []string{"goods_value"}},
			{When: "货值金额10000元以上", Multiple: &Span{10, 20}, Base: "goods_value", Establish: []string{"goods_value"}},
		}, nil},
		{"goods value stated", "food-124-expired", Facts{GoodsValue: &ten}, nil, &Range{200000, 400000}},
		// 可以并处 is the agency's choice, not a fact: the statutory range
		// is the optional fine's, and nothing is left to establish.
		{"optional fine with detention", "police-49-theft", Facts{}, nil, &Range{0, 500}},
		{"optional fine declined by the agency", "police-49-theft", Facts{Flags: map[string]bool{"impose_fine": false}}, nil, nil},
		{"fine instead of detention (择一)", "police-70-gambling", Facts{}, nil, &Range{0, 500}},
		{"optional fine, multiple of a stated base", "land-74-illegal-transfer", Facts{IllegalGains: &ten}, nil, &Range{2000, 10000}},
		{"fine after not corrected", "se-83-use-registration", Facts{}, []ConditionalFine{
			{When: "经责令限期改正，逾期未改正", Range: &Range{10000, 100000}, Establish: []string{"not_corrected"}},
		}, nil},
		{"per worker, optional, count missing", "labour-25-overtime", Facts{}, []ConditionalFine{
			{When: "决定并处罚款（可以）", PerUnit: &Span{100, 500}, Unit: "persons", Establish: []string{"impose_fine", "persons"}},
		}, nil},
		{"disposal cost not stated", "waste-112-hw-dumping", Facts{}, []ConditionalFine{
			{When: "所需处置费用不足200000元", Range: &Range{600000, 1000000}, Establish: []string{"disposal_cost"}},
			{When: "所需处置费用200000元以上", Multiple: &Span{3, 5}, Base: "disposal_cost", Establish: []string{"disposal_cost"}},
		}, nil},
		{"daily fine, days missing", "env-59-daily-penalty", Facts{OriginalFine: &ten}, []ConditionalFine{
			{When: "依法认定日数后计算", Multiple: &Span{1, 1}, Base: "original_fine", Unit: "days", Establish: []string{"days"}},
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := c.Suggest(tt.id, tt.facts)
			if err != nil {
				t.Fatal(err)
			}
			if (s.Statutory == nil) != (tt.statutory == nil) || (s.Statutory != nil && *s.Statutory != *tt.statutory) {
				t.Errorf("statutory = %+v; want %+v", s.Statutory, tt.statutory)
			}
			if len(s.Conditional) != len(tt.want) {
				t.Fatalf("conditional = %+v; want %d brackets", s.Conditional, len(tt.want))
			}
			for i, w := range tt.want {
				g := s.Conditional[i]
				if g.When != w.When || !reflect.DeepEqual(g.Range, w.Range) || !reflect.DeepEqual(g.Multiple, w.Multiple) ||
					!reflect.DeepEqual(g.PerUnit, w.PerUnit) || g.Base != w.Base || g.Unit != w.Unit || !reflect.DeepEqual(g.Establish, w.Establish) {
					t.Errorf("bracket %d = %+v; want %+v", i, g, w)
				}
				if g.Text == "" {
					t.Errorf("bracket %d quotes no statute text", i)
				}
			}
		})
	}
}

// TestDetentionTerm: a fine paired with 拘留 gives both the fine range and
// the detention term; an alternative 拘留 not chosen carries its condition.
func TestDetentionTerm(t *testing.T) {
	c := mustCatalog(t)
	tests := []struct {
		id        string
		facts     Facts
		want      *Detention
		statutory *Range
	}{
		{"police-43-assault", Facts{}, &Detention{MinDays: 5, MaxDays: 10}, &Range{200, 500}},
		{"police-43-assault-aggravated", Facts{}, &Detention{MinDays: 10, MaxDays: 15}, &Range{500, 1000}},
		{"police-25-false-alarm", Facts{Flags: map[string]bool{"impose_fine": true}}, &Detention{MinDays: 5, MaxDays: 10}, &Range{0, 500}},
		{"police-25-false-alarm-minor", Facts{Flags: map[string]bool{"fine_only": true}}, &Detention{MinDays: 0, MaxDays: 5, When: "非“决定处罚款（不予拘留）”"}, &Range{0, 500}},
		{"food-124-expired", Facts{}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			s, err := c.Suggest(tt.id, tt.facts)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(s.Detention, tt.want) {
				t.Errorf("detention = %+v; want %+v", s.Detention, tt.want)
			}
			if !reflect.DeepEqual(s.Statutory, tt.statutory) {
				t.Errorf("statutory = %+v; want %+v", s.Statutory, tt.statutory)
			}
		})
	}
}

func TestDetentionDays(t *testing.T) {
	for in, want := range map[string]*Span{
		"五日以上十日以下拘留": {5, 10}, "处十日以上十五日以下拘留": {10, 15}, "五日以下拘留": {0, 5},
		"十五日以下拘留": {0, 15}, "二十日以下拘留": {0, 20}, "处警告": nil,
	} {
		if got := detentionDays(in); !reflect.DeepEqual(got, want) {
			t.Errorf("detentionDays(%s) = %+v; want %+v", in, got, want)
		}
	}
}

// 责令加付赔偿金 is an administrative order, not a 行政处罚: its amount is
// 50 %–100 % of what was owed once 逾期不支付 is established, it is named as
// 加付赔偿金 (never 罚款), and no penalty rule (不予处罚, 从轻减轻, 听证)
// touches it.
func TestCompensationOrder(t *testing.T) {
	c := mustCatalog(t)
	owed, age := 21000.0, 16.0
	unpaid := map[string]bool{"unpaid_after_deadline": true}
	tests := []struct {
		name      string
		facts     Facts
		statutory *Range
		establish []string
		orders    []string
	}{
		{"owed and unpaid after the deadline", Facts{PartyKind: "单位", WagesOwed: &owed, Flags: unpaid}, &Range{10500, 21000}, nil, []string{"责令限期支付", "责令加付赔偿金"}},
		{"deadline not yet passed", Facts{PartyKind: "单位", WagesOwed: &owed}, nil, []string{"unpaid_after_deadline"}, []string{"责令限期支付"}},
		{"amount owed not established", Facts{PartyKind: "单位", Flags: unpaid}, nil, []string{"wages_owed"}, []string{"责令限期支付"}},
		// 行政处罚法 第三十三条 is about penalties: a slight first breach
		// corrected in time does not end the order to pay compensation.
		{"first and slight, corrected", Facts{PartyKind: "单位", WagesOwed: &owed, Flags: unpaid, FirstViolation: true, HarmSlight: true, CorrectedInTime: true, MinorViolation: true, NoHarm: true}, &Range{10500, 21000}, nil, []string{"责令限期支付", "责令加付赔偿金"}},
		{"individual employer under 18 (第三十条 not applied)", Facts{PartyKind: "个人", Age: &age, WagesOwed: &owed, Flags: unpaid}, &Range{10500, 21000}, nil, []string{"责令限期支付", "责令加付赔偿金"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := c.Suggest("labour-26-compensation", tt.facts)
			if err != nil {
				t.Fatal(err)
			}
			if s.Disposition != legal.DispositionOrder {
				t.Errorf("disposition = %s; want %s", s.Disposition, legal.DispositionOrder)
			}
			if !sameRange(s.Statutory, derefRange(tt.statutory)) && (s.Statutory != nil || tt.statutory != nil) {
				t.Errorf("statutory = %v; want %v", s.Statutory, tt.statutory)
			}
			var est []string
			for _, cf := range s.Conditional {
				est = append(est, cf.Establish...)
				if cf.Multiple == nil || *cf.Multiple != (Span{0.5, 1}) || cf.Base != "wages_owed" {
					t.Errorf("conditional %+v; want 0.5–1 × wages_owed", cf)
				}
			}
			if !slices.Equal(est, tt.establish) {
				t.Errorf("establish = %v; want %v", est, tt.establish)
			}
			if !slices.Equal(s.Orders, tt.orders) {
				t.Errorf("orders = %v; want %v", s.Orders, tt.orders)
			}
			if s.Procedure.Hearing || s.Procedure.Simple || s.Procedure.LegalReview {
				t.Errorf("procedure %+v: an order has no hearing, 简易程序 or penalty review", s.Procedure)
			}
			for _, st := range s.Trace {
				if strings.Contains(st.Step+st.Result, "罚款") {
					t.Errorf("trace step %q: %q speaks of 罚款", st.Step, st.Result)
				}
			}
			for _, w := range s.Warnings {
				if strings.Contains(w, "罚款") {
					t.Errorf("warning %q speaks of 罚款", w)
				}
			}
		})
	}
}

func derefRange(r *Range) Range {
	if r == nil {
		return Range{}
	}
	return *r
}

// TestWarningOnlyHasNoLevel checks 食品安全法 第一百二十六条's kind: before
// the party refuses to correct, the only penalty is 警告, which has no span
// to go lighter or heavier in, so mitigating or aggravating circumstances
// leave the disposition 处罚 and the level 一般; once the fine applies they
// act on its range again.
func TestWarningOnlyHasNoLevel(t *testing.T) {
	c := mustCatalog(t)
	refused := map[string]bool{"refused_correction": true}
	tests := []struct {
		name  string
		id    string
		facts Facts
		disp  legal.Disposition
		level string
		fine  bool
	}{
		{"health certificate, first and cooperative", "food-126-health-certificate", Facts{FirstViolation: true, Cooperated: true}, legal.DispositionPenalty, LevelNormal, false},
		{"purchase records, first and cooperative", "food-126-purchase-records", Facts{FirstViolation: true, Cooperated: true}, legal.DispositionPenalty, LevelNormal, false},
		{"tableware, plain", "food-126-tableware-disinfection", Facts{}, legal.DispositionPenalty, LevelNormal, false},
		{"tableware refused, cooperative: the fine's range is lightened", "food-126-tableware-disinfection", Facts{Flags: refused, FirstViolation: true, Cooperated: true}, legal.DispositionLighter, LevelLighter, true},
		{"a fined provision keeps its lighter level", "food-124-expired", Facts{GoodsValue: num(500), FirstViolation: true, Cooperated: true}, legal.DispositionLighter, LevelLighter, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := c.Suggest(tt.id, tt.facts)
			if err != nil {
				t.Fatal(err)
			}
			if s.Disposition != tt.disp || s.Level == nil || *s.Level != tt.level || (s.Statutory != nil) != tt.fine {
				lv := "<nil>"
				if s.Level != nil {
					lv = *s.Level
				}
				t.Errorf("disposition %s, level %s, statutory %v; want %s, %s, fine %v", s.Disposition, lv, s.Statutory, tt.disp, tt.level, tt.fine)
			}
		})
	}
}

// TestMoneyAmountsAreBases keeps every money amount of Facts among the
// amount bases: Validate takes yuan and fen (12345.6) and `under` only for
// those, so a money field left out of amountBases rejects a fee with fen.
func TestMoneyAmountsAreBases(t *testing.T) {
	counts := map[string]bool{"quantity": true, "persons": true, "days": true, "vehicles": true, "prior_penalties": true, "prior_penalties_2y": true}
	var f Facts
	for _, a := range f.amounts() {
		if counts[a.name] {
			continue
		}
		if _, ok := amountBases[a.name]; !ok {
			t.Errorf("%s is a money amount of Facts but not an amount base", a.name)
		}
	}
}
