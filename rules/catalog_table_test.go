package rules

// Table tests over every benchmark of the built-in catalog: for each fine
// form and bracket, facts just below, at and above each bracket boundary, at
// each level (从轻 via cooperated, 一般 with no circumstance, 从重 via an
// earlier penalty within two years). The expected statutory range comes from
// the benchmark's declared numbers (the statute-quoted spans) by plain
// arithmetic, and the suggested range from the defaultLevels fractions; the
// engine's results must match. TestCatalogKnownCases adds hand-written rows
// with literal yuan for well-known provisions.

import (
	"fmt"
	"maps"
	"math"
	"sort"
	"strings"
	"testing"
)

// setAmount sets a named amount or count fact.
func setAmount(t *testing.T, f *Facts, name string, v float64) {
	t.Helper()
	p := &v
	switch name {
	case "goods_value":
		f.GoodsValue = p
	case "mineral_value":
		f.MineralValue = p
	case "illegal_gains":
		f.IllegalGains = p
	case "sales_amount":
		f.SalesAmount = p
	case "illegal_revenue":
		f.IllegalRevenue = p
	case "ad_cost":
		f.AdCost = p
	case "tax_evaded", "tax_unwithheld":
		f.TaxEvaded = p
	case "wages_owed":
		f.WagesOwed = p
	case "project_cost":
		f.ProjectCost = p
	case "total_investment":
		f.TotalInvestment = p
	case "disposal_cost":
		f.DisposalCost = p
	case "social_insurance_fee":
		f.SocialInsuranceFee = p
	case "wages_underreported":
		f.WagesUnderreported = p
	case "fee_due":
		f.FeeDue = p
	case "contract_price":
		f.ContractPrice = p
	case "reclamation_fee":
		f.ReclamationFee = p
	case "annual_income":
		f.AnnualIncome = p
	case "original_fine":
		f.OriginalFine = p
	case "invoice_amount":
		f.InvoiceAmount = p
	case "quantity":
		f.Quantity = p
	case "persons":
		f.Persons = p
	case "days":
		f.Days = p
	case "vehicles":
		f.Vehicles = p
	default:
		t.Fatalf("unknown amount %q", name)
	}
}

// clone copies facts deeply enough for the table (flags map, pointers are
// never written through).
func (f Facts) clone() Facts {
	g := f
	g.Flags = map[string]bool{}
	for k, v := range f.Flags {
		g.Flags[k] = v
	}
	return g
}

// finePenalty returns the benchmark's 罚款 penalty, or nil.
func finePenalty(b *Benchmark) *Penalty {
	for i := range b.Penalties {
		if b.Penalties[i].Fine != nil {
			return &b.Penalties[i]
		}
	}
	return nil
}

// holds reports whether a condition is satisfied by facts (nil holds).
func holds(e *Expr, b *Benchmark, f Facts) bool {
	return e == nil || eval(e.prog, f.env(b))
}

// enablingFacts finds the smallest set of the benchmark's flags (and
// 情节严重) under which the fine applies, preferring sets that fire no
// benchmark-specific circumstance.
func enablingFacts(t *testing.T, b *Benchmark, p *Penalty) Facts {
	t.Helper()
	names := make([]string, 0, len(b.Flags)+1)
	for k := range b.Flags {
		names = append(names, k)
	}
	sort.Strings(names)
	names = append(names, "serious")
	var best *Facts
	bestScore := math.MaxInt
	for mask := 0; mask < 1<<len(names); mask++ {
		f := Facts{Flags: map[string]bool{}}
		n := 0
		for i, name := range names {
			if mask&(1<<i) == 0 {
				continue
			}
			n++
			if name == "serious" {
				f.Serious = true
			} else {
				f.Flags[name] = true
			}
		}
		if !holds(p.When, b, f) {
			continue
		}
		fired := 0
		for _, fc := range b.Factors {
			if holds(fc.When, b, f) {
				fired++
			}
		}
		if score := fired*100 + n; score < bestScore {
			g := f
			best, bestScore = &g, score
		}
		if len(names) > 12 {
			t.Fatalf("%s: too many flags to search", b.ID)
		}
	}
	if best == nil {
		t.Fatalf("%s: no combination of flags makes the fine apply (when: %s)", b.ID, p.When.Src)
	}
	return *best
}

// net counts fired circumstances: heavier +1, lighter −1.
func net(c *Catalog, b *Benchmark, f Facts) int {
	n := 0
	for i, fc := range append(append([]Factor{}, c.Config.CommonFactors...), b.Factors...) {
		if i < len(c.Config.CommonFactors) && commonFactorSpent(b, &fc) {
			continue
		}
		if holds(fc.When, b, f) {
			if fc.Effect == EffectHeavier {
				n++
			} else {
				n--
			}
		}
	}
	return n
}

// atLevel adds circumstances to f until the engine's level rule (net > 0
// 从重, net < 0 从轻, else 一般) gives level: 配合调查 and 初次违法 lighten, a
// penalty within two years aggravates.
func atLevel(t *testing.T, c *Catalog, b *Benchmark, base Facts, level string) Facts {
	t.Helper()
	f := base.clone()
	one := 1.0
	lighter := []func(*Facts){func(f *Facts) { f.Cooperated = true }, func(f *Facts) { f.FirstViolation = true }}
	heavier := []func(*Facts){func(f *Facts) { f.PriorPenalties2Y = &one }}
	// A tier that counts the earlier penalties itself (RequiresPriorPenalties)
	// is aggravated by its own circumstances, each a flag.
	ws := []string{"within_6m", "within_1y"}
	if b.RequiresPriorPenalties() {
		for _, fc := range b.Factors {
			if _, ok := b.Flags[fc.When.Src]; ok && fc.Effect == EffectHeavier {
				ws = append(ws, fc.When.Src)
			}
		}
	}
	for _, w := range ws {
		// 治安 benchmarks weigh earlier penalties by their own window
		// (commonFactorSpent), set as the flag.
		if _, ok := b.Flags[w]; ok {
			heavier = append(heavier, func(f *Facts) {
				f.Flags = maps.Clone(f.Flags)
				if f.Flags == nil {
					f.Flags = map[string]bool{}
				}
				f.Flags[w] = true
			})
		}
	}
	ok := func(n int) bool {
		switch level {
		case LevelLighter:
			return n < 0
		case LevelHeavier:
			return n > 0
		}
		return n == 0
	}
	for i, j := 0, 0; !ok(net(c, b, f)); {
		n := net(c, b, f)
		switch {
		case (level == LevelLighter || level == LevelNormal) && n > 0 || level == LevelLighter && n == 0:
			if i == len(lighter) {
				t.Fatalf("%s: cannot reach %s (net %d)", b.ID, level, n)
			}
			lighter[i](&f)
			i++
		default:
			if j == len(heavier) {
				t.Fatalf("%s: cannot reach %s (net %d)", b.ID, level, n)
			}
			heavier[j](&f)
			j++
		}
	}
	return f
}

// fineCase is one set of facts for a fine form with the statutory range it
// must give (nil: the statute has no bracket for this amount).
type fineCase struct {
	name string
	set  func(t *testing.T, f *Facts)
	want *Range
}

func rangeOf(min, max float64) *Range {
	return &Range{FineMin: math.Round(min*100) / 100, FineMax: math.Round(max*100) / 100}
}

// formCases returns the cases of one fine form (range, multiple or per-unit)
// for base amounts vs (the base is set by the caller's set function).
func formCases(label string, r, m, p *Span, unit, base string, values []float64) []fineCase {
	var out []fineCase
	switch {
	case r != nil:
		for _, v := range values {
			v := v
			name := fmt.Sprintf("%s %s=%v", label, base, v)
			if math.IsNaN(v) || base == "" {
				name = label
			}
			out = append(out, fineCase{name, func(t *testing.T, f *Facts) {
				if base != "" && !math.IsNaN(v) {
					setAmount(t, f, base, v)
				}
			}, rangeOf(r.Min, r.Max)})
		}
	case m != nil && unit != "":
		// 按日连续处罚: the base times the count.
		for _, v := range values {
			v := v
			out = append(out, fineCase{fmt.Sprintf("%s %s=%v %s=3", label, base, v, unit), func(t *testing.T, f *Facts) {
				setAmount(t, f, base, v)
				setAmount(t, f, unit, 3)
			}, rangeOf(m.Min*v*3, m.Max*v*3)})
		}
	case m != nil:
		for _, v := range values {
			v := v
			out = append(out, fineCase{fmt.Sprintf("%s %s=%v", label, base, v), func(t *testing.T, f *Facts) { setAmount(t, f, base, v) },
				rangeOf(m.Min*v, m.Max*v)})
		}
	case p != nil:
		for _, n := range []float64{1, 3} {
			n := n
			out = append(out, fineCase{fmt.Sprintf("%s %s=%v", label, unit, n), func(t *testing.T, f *Facts) {
				setAmount(t, f, unit, n)
				if base != "" && len(values) > 0 && !math.IsNaN(values[0]) {
					setAmount(t, f, base, values[0])
				}
			}, rangeOf(p.Min*n, p.Max*n)})
		}
	}
	return out
}

// bracketMatches is the bracket rule as documented: a none bracket takes a
// zero base (没有违法所得的, which fact extraction reads as 0), never an
// absent one (every bracket then stays open); otherwise lt is exclusive
// (不足) and gte inclusive (以上).
func bracketMatches(fine *Fine, br Bracket, v float64, present bool) bool {
	hasNone := false
	for _, o := range fine.Brackets {
		hasNone = hasNone || o.None
	}
	if br.None {
		return present && v == 0
	}
	if !present || (hasNone && v == 0) {
		return false
	}
	return (br.LT == nil || v < *br.LT) && (br.GTE == nil || v >= *br.GTE)
}

// fineCases builds the table for a fine.
func fineCases(t *testing.T, b *Benchmark, fine *Fine) []fineCase {
	t.Helper()
	if len(fine.Brackets) == 0 {
		values := []float64{10000, 12345.67}
		if fine.Range != nil || fine.PerUnit != nil {
			values = []float64{math.NaN()}
		}
		return formCases("fine", fine.Range, fine.Multiple, fine.PerUnit, fine.Unit, fine.Base, values)
	}
	var out []fineCase
	for i, br := range fine.Brackets {
		if br.None && i != 0 {
			// The engine takes the first bracket that matches, so the none
			// bracket must come first to win for a zero base.
			t.Errorf("%s: the none bracket must be the first bracket", b.ID)
		}
		label := fmt.Sprintf("bracket %d", i+1)
		var values []float64
		switch {
		case br.None:
			// A zero base takes this bracket; an absent one takes none: the
			// facts are silent on the base, so every bracket stays open.
			out = append(out, fineCase{label + " (absent: every bracket open)", func(*testing.T, *Facts) {}, nil})
			values = []float64{0}
		default:
			if br.GTE != nil {
				values = append(values, *br.GTE)
			}
			if br.LT != nil {
				values = append(values, *br.LT-0.01)
			}
			if br.LT == nil {
				g := 0.0
				if br.GTE != nil {
					g = *br.GTE
				}
				values = append(values, g+1, math.Max(2*g, 10000)+0.5)
			}
			if br.GTE == nil && br.LT != nil && *br.LT > 1 {
				values = append(values, math.Floor(*br.LT/2))
			}
		}
		for _, v := range values {
			// A value generated for this bracket must match it and no other
			// (0 belongs to the none bracket when there is one).
			matched := -1
			for j, other := range fine.Brackets {
				if bracketMatches(fine, other, v, true) {
					if matched >= 0 {
						t.Errorf("%s: %s=%v matches brackets %d and %d: brackets overlap", b.ID, fine.Base, v, matched+1, j+1)
					}
					matched = j
				}
			}
			if matched != i {
				if !(v == 0 && matched >= 0 && fine.Brackets[matched].None) {
					t.Errorf("%s: %s=%v generated for bracket %d matches bracket %d", b.ID, fine.Base, v, i+1, matched+1)
				}
				continue
			}
			out = append(out, formCases(label, br.Range, br.Multiple, br.PerUnit, br.Unit, fine.Base, []float64{v})...)
		}
		// Just below a gte boundary: the bracket whose lt is that boundary,
		// or a statutory gap (超过X元 / 不足X元 leave X itself uncovered).
		if br.GTE != nil && *br.GTE > 0 {
			below := math.Round((*br.GTE-0.01)*100) / 100
			var owner *Bracket
			for j := range fine.Brackets {
				if o := fine.Brackets[j]; o.LT != nil && below < *o.LT && (o.GTE == nil || below >= *o.GTE) {
					owner = &fine.Brackets[j]
				}
			}
			if owner == nil {
				v := below
				out = append(out, fineCase{fmt.Sprintf("%s gap %s=%v", label, fine.Base, v), func(t *testing.T, f *Facts) { setAmount(t, f, fine.Base, v) }, nil})
			}
		}
	}
	return out
}

// splitOf is the defaultLevels split of r, rounded inward to whole units.
func splitOf(r Range, l Levels, level string, unit float64) Range {
	frac := l.Normal
	switch level {
	case LevelLighter:
		frac = l.Lighter
	case LevelHeavier:
		frac = l.Heavier
	}
	lo := r.FineMin + frac[0]*(r.FineMax-r.FineMin)
	hi := r.FineMin + frac[1]*(r.FineMax-r.FineMin)
	lo = math.Min(math.Max(math.Ceil(lo/unit-1e-9)*unit, r.FineMin), r.FineMax)
	hi = math.Max(math.Min(math.Floor(hi/unit+1e-9)*unit, r.FineMax), r.FineMin)
	if hi < lo {
		hi = lo
	}
	return Range{math.Round(lo*100) / 100, math.Round(hi*100) / 100}
}

func near(a, b float64) bool { return math.Abs(a-b) < 0.005 }

func sameRange(got *Range, want Range) bool {
	return got != nil && near(got.FineMin, want.FineMin) && near(got.FineMax, want.FineMax)
}

func TestCatalogTable(t *testing.T) {
	c, err := LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	if c.Config.Levels != defaultLevels {
		t.Fatalf("config.yaml levels %v; the table expects defaultLevels %v", c.Config.Levels, defaultLevels)
	}
	if c.Len() < 64 {
		t.Errorf("catalog has %d benchmarks; want at least 64", c.Len())
	}
	rows := 0
	for _, b := range c.All() {
		b := b
		t.Run(b.ID, func(t *testing.T) {
			levels := defaultLevels
			if b.Levels != nil {
				levels = *b.Levels
			}
			p := finePenalty(b)
			if p == nil {
				for _, level := range []string{LevelLighter, LevelNormal, LevelHeavier} {
					f := atLevel(t, c, b, Facts{}, level)
					s, err := c.Suggest(b.ID, f)
					if err != nil {
						t.Fatal(err)
					}
					if s.Statutory != nil || s.Suggested != nil {
						t.Errorf("%s: benchmark without a fine gave statutory %v suggested %v", level, s.Statutory, s.Suggested)
					}
					if s.Level == nil || *s.Level != level {
						t.Errorf("level = %v; want %s", s.Level, level)
					}
					rows++
				}
				return
			}
			unit := p.Fine.Round
			if unit == 0 {
				unit = 1
			}
			base := enablingFacts(t, b, p)
			cases := fineCases(t, b, p.Fine)
			if len(cases) == 0 {
				t.Fatal("no table cases for the fine")
			}
			for _, fc := range cases {
				for _, level := range []string{LevelLighter, LevelNormal, LevelHeavier} {
					f := atLevel(t, c, b, base, level)
					fc.set(t, &f)
					if !holds(p.When, b, f) {
						t.Fatalf("%s %s: the fine no longer applies", fc.name, level)
					}
					s, err := c.Suggest(b.ID, f)
					if err != nil {
						t.Fatalf("%s %s: %v", fc.name, level, err)
					}
					rows++
					wantLevel := level
					if b.Order != "" {
						// An order's amount is no penalty: the circumstances of
						// 行政处罚法 do not move it off the middle of its range.
						wantLevel = LevelNormal
					}
					if s.Level == nil || *s.Level != wantLevel {
						t.Errorf("%s: level = %v; want %s", fc.name, s.Level, wantLevel)
						continue
					}
					if fc.want == nil {
						if s.Statutory != nil || s.Suggested != nil {
							t.Errorf("%s %s: statutory %v suggested %v; want none (no bracket covers the amount)", fc.name, level, s.Statutory, s.Suggested)
						}
						continue
					}
					if !sameRange(s.Statutory, *fc.want) {
						t.Errorf("%s %s: statutory = %v; want %v", fc.name, level, s.Statutory, *fc.want)
						continue
					}
					want := splitOf(*fc.want, levels, wantLevel, unit)
					if !sameRange(s.Suggested, want) {
						t.Errorf("%s %s: suggested = %v; want %v", fc.name, level, s.Suggested, want)
					}
					if s.Suggested != nil && (s.Suggested.FineMin < fc.want.FineMin-0.005 || s.Suggested.FineMax > fc.want.FineMax+0.005) {
						t.Errorf("%s %s: suggested %v outside statutory %v", fc.name, level, *s.Suggested, *fc.want)
					}
				}
			}
		})
	}
	t.Logf("%d benchmarks, %d table rows", c.Len(), rows)
}

// TestCatalogKnownCases pins well-known provisions with literal yuan.
func TestCatalogKnownCases(t *testing.T) {
	c, err := LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	one := 1.0
	amount := func(v float64) *float64 { return &v }
	type want struct{ statMin, statMax, sugMin, sugMax float64 }
	tests := []struct {
		name  string
		id    string
		facts Facts
		level string
		want  *want // nil: no statutory range
	}{
		// 食品安全法第一百二十四条: 货值2万 → 十倍至二十倍.
		{"食品安全法124 货值2万 从轻", "food-124-expired", Facts{GoodsValue: amount(20000), Cooperated: true}, LevelLighter, &want{200000, 400000, 200000, 260000}},
		{"食品安全法124 货值2万 一般", "food-124-expired", Facts{GoodsValue: amount(20000)}, LevelNormal, &want{200000, 400000, 260000, 340000}},
		{"食品安全法124 货值2万 从重", "food-124-expired", Facts{GoodsValue: amount(20000), PriorPenalties2Y: &one}, LevelHeavier, &want{200000, 400000, 340000, 400000}},
		{"食品安全法124 货值9999.99 不足一万", "food-124-expired", Facts{GoodsValue: amount(9999.99)}, LevelNormal, &want{50000, 100000, 65000, 85000}},
		{"食品安全法124 货值1万 一万元以上", "food-124-expired", Facts{GoodsValue: amount(10000)}, LevelNormal, &want{100000, 200000, 130000, 170000}},
		{"食品安全法122 货值5000", "food-122-unlicensed", Facts{GoodsValue: amount(5000)}, LevelNormal, &want{50000, 100000, 65000, 85000}},
		{"食品安全法123 货值1万 从重", "food-123-nonfood-substance", Facts{GoodsValue: amount(10000), PriorPenalties2Y: &one}, LevelHeavier, &want{150000, 300000, 255000, 300000}},
		// 产品质量法第五十条: 百分之五十以上三倍以下.
		{"产品质量法50 货值1万", "prod-50-adulterate", Facts{GoodsValue: amount(10000)}, LevelNormal, &want{5000, 30000, 12500, 22500}},
		// 广告法第五十五条: 广告费用无法计算 → 二十万元至一百万元.
		{"广告法55 广告费用无法计算 从重", "ad-55-false-advertiser", Facts{AdCost: amount(0), PriorPenalties2Y: &one}, LevelHeavier, &want{200000, 1000000, 760000, 1000000}},
		{"广告法55 广告费用10万", "ad-55-false-advertiser", Facts{AdCost: amount(100000)}, LevelNormal, &want{300000, 500000, 360000, 440000}},
		// 药品管理法第一百一十五条: 不足十万元按十万元计算.
		{"药品管理法115 货值5万", "drug-115-unlicensed", Facts{GoodsValue: amount(50000)}, LevelNormal, &want{1500000, 3000000, 1950000, 2550000}},
		{"药品管理法115 货值20万", "drug-115-unlicensed", Facts{GoodsValue: amount(200000)}, LevelNormal, &want{3000000, 6000000, 3900000, 5100000}},
		{"药品管理法117 零售 货值5000", "drug-117-substandard-retail", Facts{GoodsValue: amount(5000)}, LevelNormal, &want{100000, 200000, 130000, 170000}},
		// 道路运输条例第六十三条: 违法所得超过2万元 / 不足2万元 / 恰好2万元无档次.
		{"道路运输条例63 客运 违法所得1.5万", "transport-63-unlicensed-passenger", Facts{IllegalGains: amount(15000)}, LevelNormal, &want{10000, 100000, 37000, 73000}},
		{"道路运输条例63 客运 违法所得3万", "transport-63-unlicensed-passenger", Facts{IllegalGains: amount(30000)}, LevelNormal, &want{60000, 300000, 132000, 228000}},
		{"道路运输条例63 客运 违法所得恰好2万", "transport-63-unlicensed-passenger", Facts{IllegalGains: amount(20000)}, LevelNormal, nil},
		// 道路交通安全法第九十一条第一款: 一千元以上二千元以下.
		{"道路交通安全法91 饮酒驾驶 从轻", "traffic-91-drink-driving", Facts{Cooperated: true}, LevelLighter, &want{1000, 2000, 1000, 1300}},
		{"道路交通安全法91 饮酒驾驶 从重", "traffic-91-drink-driving", Facts{PriorPenalties2Y: &one}, LevelHeavier, &want{1000, 2000, 1700, 2000}},
		{"道路交通安全法91 营运车 五千元", "traffic-91-drink-driving-commercial", Facts{}, LevelNormal, &want{5000, 5000, 5000, 5000}},
		// 税收征收管理法第六十三条: 百分之五十以上五倍以下.
		{"税收征收管理法63 少缴10万 从轻", "tax-63-evasion", Facts{TaxEvaded: amount(100000), Cooperated: true}, LevelLighter, &want{50000, 500000, 50000, 185000}},
		// 劳动合同法第八十四条第二款: 每人五百元以上二千元以下.
		{"劳动合同法84 三人", "labour-84-collect-property", Facts{Persons: amount(3)}, LevelNormal, &want{1500, 6000, 2850, 4650}},
		// 禁止使用童工规定第六条: 每人每月5000元.
		{"禁止使用童工规定6 二人月", "child-6-child-labour", Facts{Quantity: amount(2)}, LevelNormal, &want{10000, 10000, 10000, 10000}},
		// 土地管理法实施条例第五十七条: 每平方米100元以上1000元以下.
		{"土地管理法77 200平方米", "land-77-illegal-occupation", Facts{Quantity: amount(200), Flags: map[string]bool{"impose_fine": true}}, LevelNormal, &want{20000, 200000, 74000, 146000}},
		// 安全生产法第一百一十四条第一款第（一）项.
		{"安全生产法114 一般事故", "safety-114-general-accident", Facts{}, LevelNormal, &want{300000, 1000000, 510000, 790000}},
		// 治安管理处罚法第四十三条第一款: 二百元以上五百元以下.
		{"治安管理处罚法43 殴打他人", "police-43-assault", Facts{}, LevelNormal, &want{200, 500, 290, 410}},
		// 城乡规划法第六十四条: 建设工程造价百分之五以上百分之十以下.
		{"城乡规划法64 造价100万", "plan-64-no-permit-correctable", Facts{ProjectCost: amount(1000000)}, LevelNormal, &want{50000, 100000, 65000, 85000}},
		// 可以并处的罚款: the statutory range is the optional fine's until
		// the agency decides not to impose it.
		{"治安管理处罚法49 可以并处罚款", "police-49-theft", Facts{}, LevelNormal, &want{0, 500, 150, 350}},
		{"治安管理处罚法49 决定不并处罚款", "police-49-theft", Facts{Flags: map[string]bool{"impose_fine": false}}, LevelNormal, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := c.Suggest(tt.id, tt.facts)
			if err != nil {
				t.Fatal(err)
			}
			if s.Level == nil || *s.Level != tt.level {
				t.Errorf("level = %v; want %s", s.Level, tt.level)
			}
			if tt.want == nil {
				if s.Statutory != nil {
					t.Errorf("statutory = %v; want none", *s.Statutory)
				}
				return
			}
			w := tt.want
			if !sameRange(s.Statutory, Range{w.statMin, w.statMax}) {
				t.Errorf("statutory = %v; want %v–%v", s.Statutory, w.statMin, w.statMax)
			}
			if !sameRange(s.Suggested, Range{w.sugMin, w.sugMax}) {
				t.Errorf("suggested = %v; want %v–%v", s.Suggested, w.sugMin, w.sugMax)
			}
		})
	}
}

// TestCatalogHygiene checks what the loader does not: every flag is used by
// a condition, every conditional penalty names a declared flag or a fact,
// keywords and evidence are present, names are Chinese and ids ASCII.
func TestCatalogHygiene(t *testing.T) {
	c, err := LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range c.All() {
		where := fmt.Sprintf("%s:%d: benchmark %s", b.file, b.line, b.ID)
		var conds []string
		for _, p := range b.Penalties {
			if p.When != nil {
				conds = append(conds, p.When.Src)
			}
		}
		for _, f := range b.Factors {
			conds = append(conds, f.When.Src)
		}
		all := " " + strings.Join(conds, " ") + " "
		for flag := range b.Flags {
			if !strings.Contains(all, flag) {
				t.Errorf("%s: flag %s is declared but no condition uses it", where, flag)
			}
		}
		if len(b.Keywords) == 0 || len(b.Evidence) == 0 {
			t.Errorf("%s: keywords and evidence are required in the built-in catalog", where)
		}
		for _, r := range b.ID {
			if r > 0x7f {
				t.Errorf("%s: id must be ASCII", where)
				break
			}
		}
		if !strings.ContainsFunc(b.Name, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) {
			t.Errorf("%s: name should be Chinese", where)
		}
		if b.FaultException {
			t.Errorf("%s: fault_exception is set; the built-in catalog sets it nowhere (see docs/benchmarks.md) — justify and update this test", where)
		}
	}
}
