package caseanalysis

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/cailiang/cailiang/corpus"
	"github.com/cailiang/cailiang/legal"
	"github.com/cailiang/cailiang/nlp"
	"github.com/cailiang/cailiang/rules"
)

// newProvisionAnalyzer is an Analyzer with the catalog and the built-in
// provision entries, no cases and no statutes: enough to match provisions.
func newProvisionAnalyzer(t testing.TB) *Analyzer {
	t.Helper()
	return newBuiltinAnalyzer(t, nil)
}

// newBuiltinAnalyzer is an Analyzer with the built-in catalog and provision
// entries, resolving citations with res when it is not nil.
func newBuiltinAnalyzer(t testing.TB, res CitationResolver) *Analyzer {
	t.Helper()
	cat, err := rules.LoadBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := rules.LoadBuiltinProvisions(cat)
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(Config{Catalog: cat, Segmenter: nlp.RuneSegmenter{}, Provisions: ps, Resolver: res})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// provisionViolation returns the violation of kind provision citing want.
func provisionViolation(res Result, want legal.Ref) (int, *Violation) {
	for i := range res.Violations {
		if v := &res.Violations[i]; v.Provision != nil && v.Provision.Ref == want {
			return i, v
		}
	}
	return -1, nil
}

func TestAnalyzeProvisions(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []struct {
		name  string
		facts string
		want  legal.Ref
		// fine is the first fine's range when it needs no base (nil: a base).
		fine *rules.Span
		// establish is the fact the first fine needs ("" when none).
		establish string
	}{
		// 噪声污染防治法 第七十七条 now has benchmarks (noise.yaml); 第七十四条 has none.
		{"new noisy factory in a residential area", "某企业在噪声敏感建筑物集中区域新建排放噪声的工业企业，已经投入生产。",
			legal.Ref{Law: "噪声污染防治法", Article: 74, Paragraph: 1}, &rules.Span{Min: 100000, Max: 500000}, ""},
		{"minors in a dance hall, gains unknown", "某歌舞娱乐场所接纳未成年人进入消费。",
			legal.Ref{Law: "娱乐场所管理条例", Article: 48, Item: 3}, nil, "需查明违法所得"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: tt.facts, DecisionDate: snapshotDay})
			if err != nil {
				t.Fatal(err)
			}
			at, got := provisionViolation(res, tt.want)
			if got == nil {
				t.Fatalf("%v not among the violations %+v", tt.want, res.Violations)
			}
			d := got.Provision
			if got.Kind != KindProvision || got.Label != rules.ProvisionLabel || got.BenchmarkID != rules.ProvisionID(tt.want) ||
				d.Version == "" || len(d.Fines) == 0 {
				t.Errorf("got %+v", got)
			}
			f := d.Fines[0]
			switch {
			case tt.fine != nil && (f.Range == nil || *f.Range != *tt.fine):
				t.Errorf("fine %+v, want range %v", f, *tt.fine)
			case tt.fine == nil && f.Establish != tt.establish:
				t.Errorf("fine %+v, want establish %q", f, tt.establish)
			}
			if at >= suggestTop {
				return
			}
			// Answered by the engine like a benchmark: disposition, level,
			// the statutory range or its brackets, the provision as basis.
			s := got.Suggestion
			if s == nil {
				t.Fatalf("no suggestion: %s", got.Error)
			}
			if s.Disposition == "" || s.Level == nil || len(s.Trace) == 0 {
				t.Errorf("suggestion %+v", s)
			}
			switch {
			case tt.fine != nil && (s.Statutory == nil || s.Statutory.FineMin != tt.fine.Min || s.Statutory.FineMax != tt.fine.Max):
				t.Errorf("statutory %+v, want %v", s.Statutory, *tt.fine)
			case tt.fine == nil && (s.Statutory != nil || len(s.Conditional) == 0):
				t.Errorf("statutory %+v conditional %+v, want brackets to establish", s.Statutory, s.Conditional)
			}
			var penalty bool
			for _, b := range s.Basis {
				penalty = penalty || b.Role == rules.RolePenalty && b.Ref == tt.want
			}
			if !penalty {
				t.Errorf("basis %+v lacks %v as penalty", s.Basis, tt.want)
			}
		})
	}
}

// TestAnalyzeProvisionOnlyRanksFirst checks that facts only a provision
// entry describes get it as the top violation, with the engine's range and
// disposition, and its citation pushed as 处罚依据.
func TestAnalyzeProvisionOnlyRanksFirst(t *testing.T) {
	a := newProvisionAnalyzer(t)
	for _, tt := range []struct {
		facts string
		want  legal.Ref
		fine  rules.Span
	}{
		// (噪声污染防治法 第七十七条 has benchmarks now.)
		{"某歌舞厅经营者在营业期间接纳未成年人进入娱乐场所消费，违法所得五千元。",
			legal.Ref{Law: "娱乐场所管理条例", Article: 48, Item: 3}, rules.Span{Min: 10000, Max: 30000}},
	} {
		res, err := a.Analyze(context.Background(), Request{Facts: tt.facts})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Violations) == 0 {
			t.Fatalf("%q: no violation", tt.facts)
		}
		top := res.Violations[0]
		if top.Provision == nil || top.Provision.Ref != tt.want {
			t.Fatalf("%q: top %s (%s), want %v", tt.facts, top.BenchmarkID, top.Kind, tt.want)
		}
		s := top.Suggestion
		if s == nil || s.Statutory == nil || *s.Statutory != (rules.Range{FineMin: tt.fine.Min, FineMax: tt.fine.Max}) ||
			s.Suggested == nil || s.Disposition != legal.DispositionPenalty || s.Level == nil || *s.Level != rules.LevelNormal {
			t.Errorf("%q: suggestion %+v", tt.facts, s)
		}
		if len(s.Warnings) == 0 || !strings.Contains(strings.Join(s.Warnings, ""), rules.ProvisionLabel) {
			t.Errorf("%q: warnings %v do not say %s", tt.facts, s.Warnings, rules.ProvisionLabel)
		}
		var cited bool
		for _, n := range res.Norms {
			cited = cited || n.Ref == tt.want && n.Kind == KindPenalty
		}
		if !cited {
			t.Errorf("%q: %v not pushed as 处罚依据", tt.facts, tt.want)
		}
	}
}

// TestAnalyzeProvisionsRangeFromBase checks that a known base gives the
// bracket's range, both in the statute's fines and in the engine's answer,
// and marks the other bracket as not applying.
func TestAnalyzeProvisionsRangeFromBase(t *testing.T) {
	a := newProvisionAnalyzer(t)
	res, err := a.Analyze(context.Background(), Request{Facts: "某歌舞娱乐场所接纳未成年人进入消费，违法所得5000元。"})
	if err != nil {
		t.Fatal(err)
	}
	want := legal.Ref{Law: "娱乐场所管理条例", Article: 48, Item: 3}
	at, v := provisionViolation(res, want)
	if v == nil {
		t.Fatalf("%v not among %+v", want, res.Violations)
	}
	// 违法所得1倍以上3倍以下; 没有违法所得或者违法所得不足1万元的: 1万元以上3万元以下.
	// The multiple applies from 1万元 up, so not to 5000 yuan.
	p := v.Provision
	if len(p.Fines) != 2 || p.Fines[0].Range != nil || p.Fines[0].Applies ||
		p.Fines[1].Range == nil || *p.Fines[1].Range != (rules.Span{Min: 10000, Max: 30000}) || !p.Fines[1].Applies {
		t.Errorf("fines %+v", p.Fines)
	}
	if at < suggestTop {
		if s := v.Suggestion; s == nil || s.Statutory == nil || *s.Statutory != (rules.Range{FineMin: 10000, FineMax: 30000}) {
			t.Errorf("suggestion %+v, want 10000–30000", s)
		}
	}
}

// TestTobaccoPurchaseBase checks the base of 烟草专卖法实施条例 第五十六条:
// a licensed retailer's purchases outside the local wholesaler are fined by
// their 进货总额, which the facts name, so the range is known.
func TestTobaccoPurchaseBase(t *testing.T) {
	a := newProvisionAnalyzer(t)
	res := analyzeFirst(t, a, "某粮油店持有烟草专卖零售许可证，从非当地烟草批发企业的个人处购进卷烟，进货总额12000元。", "prov:tobacco-monopoly-regulation-56")
	if s := res.Violations[0].Suggestion; s == nil || s.Statutory == nil || *s.Statutory != (rules.Range{FineMin: 600, FineMax: 1200}) {
		t.Errorf("suggestion %+v, want 600–1200 (5%%–10%% of 12000)", s)
	}
}

// TestAnalyzeProvisionsSector checks that a sector keeps out provisions of
// laws it does not apply.
func TestAnalyzeProvisionsSector(t *testing.T) {
	a := newProvisionAnalyzer(t)
	facts := "某企业在噪声敏感建筑物集中区域夜间进行产生噪声的建筑施工作业，未取得证明。"
	for _, tt := range []struct {
		sector legal.Sector
		want   bool
	}{{"", true}, {"生态环境", true}, {"市场监管", false}} {
		res, err := a.Analyze(context.Background(), Request{Facts: facts, Sector: tt.sector, DecisionDate: snapshotDay})
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, v := range res.Violations {
			got = got || v.Provision != nil && v.Provision.Law == "噪声污染防治法"
		}
		if got != tt.want {
			t.Errorf("sector %q: 噪声污染防治法 listed %v, want %v (%+v)", tt.sector, got, tt.want, res.Violations)
		}
	}
}

// TestAnalyzeBenchmarkStaysFirst checks that facts a benchmark describes
// keep it first: provisions are ranked below it, on the same scale.
func TestAnalyzeBenchmarkStaysFirst(t *testing.T) {
	a := newProvisionAnalyzer(t)
	for _, facts := range []string{
		"某用人单位违反规定延长劳动者工作时间，涉及劳动者12人。",
		"2025年3月2日，执法人员检查发现当事人某某便利店有限公司销售超过保质期的牛奶12盒，货值金额360元。",
	} {
		res, err := a.Analyze(context.Background(), Request{Facts: facts})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Violations) == 0 || res.Violations[0].Kind != KindBenchmark || res.Violations[0].Suggestion == nil {
			t.Fatalf("%q: top %+v, want a benchmark with a suggestion", facts, res.Violations)
		}
		for i, v := range res.Violations[1:] {
			if v.Score > res.Violations[i].Score {
				t.Errorf("%q: %s at %.3f ranked below %s at %.3f", facts, v.BenchmarkID, v.Score, res.Violations[i].BenchmarkID, res.Violations[i].Score)
			}
		}
	}
}

// TestSpecialProvisionsOfTheMarket checks the 市场监管 regulations that have
// provision entries and no benchmark (round accmarket): their object rules
// out the general benchmark that shares its words (产品质量法 for a
// cosmetic or a medical device; a vehicle's 加装 for a scale).
func TestSpecialProvisionsOfTheMarket(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []struct {
		name, facts string
		want, not   string // not: the neighbour want must beat (documentation of the pair)
	}{
		{"a cheating chip in a market scale", "执法人员检查发现某某水果摊的电子秤内加装作弊芯片，称重时多显示一成，系以欺骗消费者为目的的计量器具。",
			"metro-48-cheating-instrument", "transport-69-vehicle-modification"},
		// A pump that fills vehicles names 车辆: the 计量 element still rules the vehicle's 加装 out.
		{"a cheating chip in a fuel pump", "执法人员检查发现某加油站加油机的计量主板被加装作弊芯片，为过往车辆加油时少于显示值。",
			"metro-48-cheating-instrument", "transport-69-vehicle-modification"},
		{"expired cosmetics", "某某化妆品店销售超过使用期限的面霜12瓶，货值金额900元。",
			"cosm-60-expired", "prod-52-expired"},
		// A cosmetic named only by its kind (美白霜) against 特种设备's 安全技术规范.
		{"a whitening cream over the mercury limit", "某某美容院销售的美白霜经检验汞含量超过化妆品安全技术规范的限值，货值金额5000元。",
			"cosm-60-substandard", ""},
		{"medical masks below their registered requirements", "某某医疗器械经营部销售的医用口罩经检验不符合经注册的产品技术要求，货值金额3000元。",
			"prov:medical-devices-86-0-1", "prod-49-unsafe-standard"},
		{"a shop page without its business licence", "某某网店作为电子商务经营者，未在首页显著位置公示营业执照信息。",
			"prov:e-commerce-76-1-1", ""},
		// 市场监管, round accmarket4: the special-equipment operator's licence
		// is 特种设备安全法's, a verification certificate's expiry is no
		// expired product, wholesale and retail tobacco are two articles, a
		// copied get-up is 混淆 and not a registered mark, and unwashed
		// tableware is 食品安全法 第一百二十六条 whatever else is 堆放.
		{"forklift driver without a licence", "执法人员复查某物流仓库，该仓库此前因使用无特种设备作业人员证的人员驾驶叉车被责令限期改正，复查时仍由未取得叉车司机作业证的员工驾驶叉车，逾期未改正。",
			"se-86-unqualified-operators", "safety-97-special-operators"},
		{"scale overdue for verification", "当事人使用的电子计价秤属于强制检定的计量器具，未按照规定申请周期检定，检定合格证已于2024年3月过期。",
			"prov:metrology-rules-43", "prod-52-expired"},
		{"unlicensed wholesale across provinces", "当事人未取得烟草专卖批发企业许可证，从外省收购卷烟后向本地多家零售户批量供货，从事烟草制品批发业务，批发总额三十万元。",
			"tobacco-59-unlicensed-wholesale", "tobacco-57-unlicensed-retail"},
		{"licensed retailer buying elsewhere", "某粮油店持有烟草专卖零售许可证，从非当地烟草批发企业的个人处购进卷烟，进货总额12000元。",
			"prov:tobacco-monopoly-regulation-56", "tobacco-59-unlicensed-wholesale"},
		{"copied get-up is 混淆", "某食品厂生产的饮料擅自使用与他人有一定影响的商品包装、装潢相近似的标识，消费者容易误认，违法经营额1.2万元。",
			"comp-18-confusion", "tm-60-infringement"},
		{"tableware not disinfected", "执法人员检查某火锅店后厨，发现消毒柜未通电，洗碗池旁堆放的碗碟未经消毒即摆上餐桌，无消毒记录。",
			"food-126-tableware-disinfection", "prov:solid-waste-113"},
		// The general benchmark still holds where no cosmetic is named.
		{"an expired product of no special law", "某某五金店销售已过安全使用期的灭蚊喷雾剂，货值金额600元。",
			"prod-52-expired", "cosm-60-expired"},
		// An expired 医疗器械 is no 劣药.
		{"expired contact-lens solution", "某某眼镜店货架上待售的隐形眼镜护理液（第二类医疗器械）已超过有效期，货值金额300元。",
			"device-86-expired-unregistered", "drug-117-substandard-retail"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// analyzeFirst fails unless want ranks first, so not cannot.
			analyzeFirst(t, a, tt.facts, tt.want)
		})
	}
}

// TestBenchmarkBeatsItsProvision checks that a provision entry never ranks
// beside a benchmark whose penalty provision covers it, and that entries
// with benchmarks are not provision benchmarks at all.
func TestBenchmarkBeatsItsProvision(t *testing.T) {
	a := newProvisionAnalyzer(t)
	// Provisions that gained a benchmark answer through it.
	for _, tt := range []struct {
		facts string
		want  legal.Ref
	}{
		{"某物业公司使用未经定期检验的电梯，检验不合格的特种设备继续投入使用。", legal.Ref{Law: "特种设备安全法", Article: 84, Item: 1}},
		// 擅自…在公路上行驶 is 公路法 第七十六条第（五）项, which the overload benchmark of 公路安全保护条例 yields to.
		{"某运输公司车辆超限运输，车货总质量超过公路限载标准，擅自在公路上行驶。", legal.Ref{Law: "公路法", Article: 76, Item: 5}},
	} {
		res, err := a.Analyze(context.Background(), Request{Facts: tt.facts})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Violations) == 0 || res.Violations[0].Kind != KindBenchmark || !coveredBy(tt.want, []candidate{{b: mustGet(t, a, res.Violations[0].BenchmarkID)}}) {
			t.Fatalf("%q: top %+v, want the benchmark of %v", tt.facts, res.Violations, tt.want)
		}
		top := []candidate{{b: mustGet(t, a, res.Violations[0].BenchmarkID)}}
		for _, v := range res.Violations {
			if v.Provision != nil && coveredBy(v.Provision.Ref, top) {
				t.Errorf("%q: %s listed beside its benchmark", tt.facts, v.BenchmarkID)
			}
		}
	}
	for _, b := range a.cfg.Catalog.All() {
		for _, p := range a.provisions.entries {
			r := p.Ref()
			if coveredBy(r, []candidate{{b: b}}) && slices.Contains(p.Benchmarks, b.ID) {
				t.Fatalf("%s indexed as a provision though %s covers it", p.ID(), b.ID)
			}
		}
	}
	// A kept benchmark of the same article drops the provision, whatever
	// its score.
	uncovered := a.provisions.entries[0]
	r := uncovered.Ref()
	fake := &rules.Benchmark{ID: "x", PenaltyRef: legal.Ref{Law: r.Law, Article: r.Article}}
	q := a.match.newQuery(uncovered.Conduct)
	if got := a.provisions.match(q, "", nil, rules.Facts{}, nil); len(got) == 0 || got[0].b.PenaltyRef != r {
		t.Fatalf("%s does not match its own conduct: %+v", uncovered.ID(), got)
	}
	for _, c := range a.provisions.match(q, "", nil, rules.Facts{}, []candidate{{b: fake}}) {
		if c.b.PenaltyRef.Law == r.Law && c.b.PenaltyRef.Article == r.Article {
			t.Errorf("%s ranked beside a benchmark of its article", c.b.ID)
		}
	}
}

func mustGet(t *testing.T, a *Analyzer, id string) *rules.Benchmark {
	t.Helper()
	b, _ := a.benchmark(id)
	if b == nil {
		t.Fatalf("unknown benchmark %s", id)
	}
	return b
}

// TestAnalyzeProvisionOnTheDay checks that a provision-only match takes the
// version in force on the act date: the 噪声污染防治法 for a 2025 act, the
// 生态环境法典 that repealed it (2026-08-15) for a 2026-09 one, with the
// 法典's range and 施行 date; the same for the renumbered 2025 治安管理处罚法
// (in force 2026-01-01), whose entries carry the version in their ids. A
// decision date alone decides when the act date is unknown, today when the
// request names none either; the answer then says which day it assumed.
func TestAnalyzeProvisionOnTheDay(t *testing.T) {
	a := newProvisionAnalyzer(t)
	factory := "某企业在噪声敏感建筑物集中区域新建排放噪声的工业企业，已经投入生产。"
	tests := []struct {
		name, facts, act, decision string
		want                       legal.Ref
		version, id                string
		// assumed is the day the answer says it assumed ("" for none).
		assumed string
	}{
		{"2025 act: the repealed law", factory, "2025-11-03", "", legal.Ref{Law: "噪声污染防治法", Article: 74, Paragraph: 1}, "2021-12-24", "prov:noise-74-1", ""},
		{"2026-09 act: the 法典", factory, "2026-09-10", "", legal.Ref{Law: "生态环境法典", Article: 1184, Paragraph: 1}, "2026-03-12", "prov:eco-code-1184-1", ""},
		{"the day before the 法典", factory, "2026-08-14", "", legal.Ref{Law: "噪声污染防治法", Article: 74, Paragraph: 1}, "2021-12-24", "prov:noise-74-1", ""},
		{"decision date only, after the 法典", factory, "", "2026-10-20", legal.Ref{Law: "生态环境法典", Article: 1184, Paragraph: 1}, "2026-03-12", "prov:eco-code-1184-1", "处罚决定日期（2026年10月20日）"},
		{"decision date only, before the 法典", factory, "", "2026-05-20", legal.Ref{Law: "噪声污染防治法", Article: 74, Paragraph: 1}, "2021-12-24", "prov:noise-74-1", "处罚决定日期（2026年5月20日）"},
		{"no date at all: today's law", factory, "", "", legal.Ref{Law: "生态环境法典", Article: 1184, Paragraph: 1}, "2026-03-12", "prov:eco-code-1184-1", "今天（" + corpus.ChineseDate(legal.Today()) + "）"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: tt.facts, ActDate: tt.act, DecisionDate: tt.decision})
			if err != nil {
				t.Fatal(err)
			}
			_, got := provisionViolation(res, tt.want)
			if got == nil {
				t.Fatalf("%v not among the violations %+v", tt.want, res.Violations)
			}
			if got.BenchmarkID != tt.id || got.Provision.Version != tt.version {
				t.Errorf("got %s version %s, want %s version %s", got.BenchmarkID, got.Provision.Version, tt.id, tt.version)
			}
			checkAssumedDay(t, res, tt.assumed)
			if f := got.Provision.Fines; len(f) == 0 || f[0].Range == nil || *f[0].Range != (rules.Span{Min: 100000, Max: 500000}) {
				t.Errorf("fines %+v, want 十万元以上五十万元以下", f)
			}
			for _, v := range res.Violations {
				if v.Provision == nil {
					continue
				}
				if law := v.Provision.Law; law != tt.want.Law && (law == "噪声污染防治法" || law == "生态环境法典") {
					t.Errorf("%s (%s) listed beside %s for an act on %s", v.BenchmarkID, v.Provision.Version, tt.want.Law, tt.act+tt.decision)
				}
			}
			if got.Suggestion == nil {
				t.Fatalf("no suggestion: %s", got.Error)
			}
			var penalty bool
			for _, b := range got.Suggestion.Basis {
				penalty = penalty || b.Role == rules.RolePenalty && b.Ref == tt.want
			}
			if !penalty {
				t.Errorf("basis %+v lacks %v as penalty", got.Suggestion.Basis, tt.want)
			}
		})
	}
	// Both versions of 治安管理处罚法 are indexed; each applies on its own days.
	var old, now *rules.Provision
	for _, p := range a.provisions.entries {
		if p.Ref().Law != "治安管理处罚法" {
			continue
		}
		switch {
		case p.Version() == "2012-10-26" && old == nil:
			old = p
		case p.Version() == "2025-06-27" && now == nil:
			now = p
		}
	}
	if old == nil || now == nil {
		t.Fatalf("治安管理处罚法 entries: 2012 %v, 2025 %v", old, now)
	}
	if !strings.HasPrefix(now.ID(), "prov:public-security@2025-") || strings.Contains(old.ID(), "@") {
		t.Errorf("ids %s and %s: the newer version's must carry its year", old.ID(), now.ID())
	}
	if now.InForceFrom() != "2026-01-01" || old.InForceTo() != "2026-01-01" || now.AppliesOn("2025-12-31") || !now.AppliesOn("2026-01-01") ||
		!old.AppliesOn("2025-12-31") || old.AppliesOn("2026-01-01") {
		t.Errorf("intervals: 2012 [%s, %s), 2025 [%s, %s)", old.InForceFrom(), old.InForceTo(), now.InForceFrom(), now.InForceTo())
	}
}

// checkAssumedDay checks that the answer says which day's law it assumed
// (want, part of the note) exactly when the facts gave no act date.
func checkAssumedDay(t *testing.T, res Result, want string) {
	t.Helper()
	var notes []string
	for _, w := range res.Warnings {
		if strings.HasPrefix(w, "事实中未写明违法行为发生日期") {
			notes = append(notes, w)
		}
	}
	switch {
	case want == "" && len(notes) > 0:
		t.Errorf("an act date was given, but the answer assumes a day: %v", notes)
	case want != "" && (len(notes) != 1 || !strings.Contains(notes[0], want)):
		t.Errorf("assumed-day notes %v; want one naming %s", notes, want)
	}
}

// TestDecisionOverSharedWords checks the decision against words alone, with
// the provision entries loaded: a provision of a law the facts' sector does
// not apply never ranks first on a shared word (价格 in a theft, 报警 in a
// disturbance) and says so; a benchmark whose elements the facts all show
// is brought in and ranked first although the text shares almost no word
// with it, above a provision and above a neighbour of its law that lacks
// its own element.
func TestDecisionOverSharedWords(t *testing.T) {
	a := newProvisionAnalyzer(t)
	tests := []struct {
		name, facts string
		law         string   // the first violation's penalty law
		want        string   // the first violation ("" = any of law)
		never       []string // laws whose violations must not rank first
		sector      string   // the facts' sector a never-law provision's why names ("" = not checked)
	}{
		{"theft with a price appraisal", "车主报警称其停放在小区楼下的电动自行车电瓶被盗。民警调取监控后查获孙某，经价格认定，电瓶价值四百二十元，孙某对盗窃事实供认不讳。",
			"治安管理处罚法", "", []string{"价格法", "价格违法行为行政处罚规定"}, "公安"},
		{"disturbing a clinic", "李某在某某医院门诊大厅因挂号纠纷大声谩骂，掀翻导诊台，致门诊停诊半小时，派出所民警到场处置。",
			"治安管理处罚法", "police-23-disrupt-order", []string{"消防法"}, "公安"},
		// Fire facilities switched off are 消防法, not 安全生产法's alarms; a
		// forklift driver without a certificate is no unlicensed haulier.
		{"fire facilities switched off", "某某宾馆为避免误报，擅自将自动喷水灭火系统的喷淋泵置于手动状态，并停用了三楼的火灾自动报警探测器。",
			"消防法", "", []string{"安全生产法"}, ""},
		{"uncertified forklift drivers", "某某仓储公司安排未取得特种设备作业人员证的员工驾驶叉车装卸，经责令限期改正逾期仍未改正。",
			"特种设备安全法", "", []string{"道路运输条例"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := a.Analyze(context.Background(), Request{Facts: tt.facts, Violations: 10, DecisionDate: snapshotDay})
			if err != nil || len(res.Violations) == 0 {
				t.Fatalf("violations %v, err %v", ids(res.Violations), err)
			}
			top := res.Violations[0]
			if tt.want != "" && top.BenchmarkID != tt.want {
				t.Errorf("first %s (%s), want %s", top.BenchmarkID, top.Why, tt.want)
			}
			b, _ := a.benchmark(top.BenchmarkID)
			if b == nil || b.PenaltyRef.Law != tt.law {
				t.Errorf("first %s (%s), want a provision of %s", top.BenchmarkID, top.Why, tt.law)
			}
			for i, v := range res.Violations {
				b, _ := a.benchmark(v.BenchmarkID)
				if b == nil || !slices.Contains(tt.never, b.PenaltyRef.Law) {
					continue
				}
				if i == 0 {
					t.Errorf("%s first: %s", v.BenchmarkID, v.Why)
				}
				if tt.sector != "" && v.Kind == KindProvision && !strings.Contains(v.Why, "事实属"+tt.sector) {
					t.Errorf("%s: why %q does not name the facts' sector", v.BenchmarkID, v.Why)
				}
			}
		})
	}
}
